// The one reader for every file the tool reads (specs, configs, snapshots, matrices, keys, trusted
// roots, report folders' files, event payloads, host files). It streams, so a pipe (`-`,
// `<(kubectl ...)`) works, and applies the size cap while reading: `/dev/zero` stops at the cap
// instead of filling memory. Text is checked as it is decoded: a NUL byte or invalid UTF-8 is an
// InputError at file:line:column, never a silent U+FFFD. Decompression is capped the same way.
// Every failure is an InputError naming the path (and the limit): exit 2.
import fs from 'node:fs';
import { InputError } from '../errors.js';
import { fsErrorDetail } from './fs-error.js';
import { formatBytes, LIMITS } from './limits.js';

export interface ReadOptions {
  /** Largest size accepted, in bytes. */
  maxBytes: number;
  /** What the file is, for messages (`the spec`, `--key`). */
  what?: string;
  /** Standard input, for `-` (tests pass their own). */
  stdin?: NodeJS.ReadableStream;
  /** File-system errors thrown as Node's (with `code`), for callers that describe them themselves. */
  rawErrors?: boolean;
  /** Text: stop at the first NUL byte (binary input such as /dev/zero fails at once, not at the cap). */
  text?: boolean;
}

const CHUNK = 1024 * 1024;
/** Host files (sysfs attributes) are a few bytes: small reads. */
const SYNC_CHUNK = 64 * 1024;
/**
 * The one buffer synchronous reads fill (nothing else runs during one); each read's bytes are
 * copied out at their size. A fresh 64 KiB buffer per file made hundreds of sysfs reads mostly
 * allocation and garbage collection.
 */
const scratch = Buffer.allocUnsafe(SYNC_CHUNK);

/** The name of a file in messages: `<stdin>` for `-`. */
export function displayName(file: string): string {
  return file === '-' ? '<stdin>' : file;
}

function tooLarge(file: string, opts: ReadOptions): InputError {
  const what = opts.what ? `${opts.what} is ` : '';
  return new InputError(`${what}larger than the ${formatBytes(opts.maxBytes)} limit`, {
    file: displayName(file),
  });
}

function unreadable(file: string, err: unknown, opts: ReadOptions): InputError {
  if (err instanceof InputError) return err;
  const what = opts.what ? ` ${opts.what}` : '';
  return new InputError(`cannot read${what}: ${fsErrorDetail(err)}`, { file: displayName(file) });
}

/**
 * The bytes of a file (or standard input for `-`) up to the cap: a regular file synchronously (a
 * spec or snapshot is read at start, with nothing else to do meanwhile, and a stream would load
 * node:fs's streams, fs/promises and readline: milliseconds of every start), anything else (a
 * pipe, `<(kubectl ...)`, a device) as a stream.
 */
export async function readBytes(file: string, opts: ReadOptions): Promise<Buffer> {
  if (file !== '-' && isRegularFile(file)) return readBytesSync(file, { ...opts, rawErrors: false });
  const chunks: Buffer[] = [];
  let size = 0;
  let stream: NodeJS.ReadableStream | undefined;
  try {
    stream =
      file === '-' ? (opts.stdin ?? process.stdin) : fs.createReadStream(file, { highWaterMark: CHUNK });
    for await (const chunk of stream) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      if (opts.text && b.includes(0)) {
        chunks.push(b);
        decodeText(Buffer.concat(chunks), file); // throws at the NUL's line:column
      }
      size += b.length;
      if (size > opts.maxBytes) throw tooLarge(file, opts);
      chunks.push(b);
    }
  } catch (err) {
    throw unreadable(file, err, opts);
  } finally {
    if (stream && file !== '-') (stream as fs.ReadStream).destroy();
  }
  return Buffer.concat(chunks, size);
}

/** Whether `file` is a regular file; false when it cannot be told (the reader then says why). */
function isRegularFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The same, synchronously (host files under --host-root, caches): readChunksSync's pieces, kept. */
export function readBytesSync(file: string, opts: ReadOptions): Buffer {
  const chunks: Buffer[] = [];
  let size = 0;
  readChunksSync(file, opts, (view) => {
    const got = Buffer.from(view);
    if (opts.text && got.includes(0)) decodeText(Buffer.concat([...chunks, got]), file);
    size += got.byteLength;
    chunks.push(got);
  });
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
}

/**
 * A file's bytes piece by piece, synchronously, up to the cap (as readBytesSync), without holding
 * them: `each` gets a view of the one scratch buffer, valid only during the call. For large host
 * files searched for a few strings (the C library: 2 MB that a copy would first page in).
 */
export function readChunksSync(file: string, opts: ReadOptions, each: (chunk: Buffer) => void): void {
  let fd: number | undefined;
  let size = 0;
  try {
    fd = fs.openSync(file, 'r');
    for (;;) {
      const n = fs.readSync(fd, scratch, 0, SYNC_CHUNK, null);
      if (n === 0) break;
      size += n;
      if (size > opts.maxBytes) throw tooLarge(file, opts);
      each(scratch.subarray(0, n));
    }
  } catch (err) {
    if (opts.rawErrors && !(err instanceof InputError)) throw err;
    throw unreadable(file, err, opts);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** A text file: UTF-8 without NUL bytes, else an InputError at the first bad byte's line:column. */
export async function readText(file: string, opts: ReadOptions): Promise<string> {
  return decodeText(await readBytes(file, { ...opts, text: true }), file);
}

export function readTextSync(file: string, opts: ReadOptions): string {
  return decodeText(readBytesSync(file, { ...opts, text: true }), file);
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Strict UTF-8 decoding: invalid sequences and NUL bytes are positioned InputErrors. */
export function decodeText(buf: Buffer, file: string): string {
  const nul = buf.indexOf(0);
  if (nul >= 0) throw new InputError('a NUL byte: expected text', positionOfByte(buf, nul, file));
  try {
    return utf8.decode(buf);
  } catch {
    const bad = firstInvalidUtf8(buf);
    throw new InputError('invalid UTF-8: expected text', positionOfByte(buf, bad, file));
  }
}

/**
 * Gunzip with a cap on the decompressed size (a gzip bomb stops at the cap). node:zlib (with the
 * streams under it) loads here, on the first compressed file, not with every start that reads text.
 */
export function gunzipCapped(buf: Buffer, file: string, maxBytes = LIMITS.decompressed): Buffer {
  try {
    return process.getBuiltinModule('node:zlib').gunzipSync(buf, { maxOutputLength: maxBytes });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
      throw new InputError(`decompressed size is larger than the ${formatBytes(maxBytes)} limit`, { file });
    }
    throw new InputError(`cannot decompress: ${(err as Error).message}`, { file });
  }
}

/** 1-based line and column (in UTF-16 units, as editors count) of an offset in a text. */
export function textPosition(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

function positionOfByte(buf: Buffer, offset: number, file: string) {
  let line = 1;
  let start = 0;
  for (let i = buf.indexOf(10); i >= 0 && i < offset; i = buf.indexOf(10, i + 1)) {
    line++;
    start = i + 1;
  }
  // Columns count characters: continuation bytes (10xxxxxx) do not start one.
  let column = 1;
  for (let i = start; i < offset; i++) if ((buf[i]! & 0xc0) !== 0x80) column++;
  return { file: displayName(file), line, column };
}

/** Offset of the first byte that does not belong to a valid UTF-8 sequence. */
function firstInvalidUtf8(buf: Buffer): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    const len =
      b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > buf.length) return i;
    if (len > 1 && !isUtf8(buf.subarray(i, i + len))) return i;
    i += len;
  }
  return buf.length;
}

function isUtf8(seq: Buffer): boolean {
  try {
    utf8.decode(seq);
    return true;
  } catch {
    return false;
  }
}
