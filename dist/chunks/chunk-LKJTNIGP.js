import {
  InputError,
  LIMITS,
  formatBytes
} from "./chunk-TS22JX7Z.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-R5CBN7CG.js";

// builtin:fs
var require_fs = __commonJS({
  "builtin:fs"(exports, module) {
    module.exports = __require("node:fs");
  }
});

// src/io/read.ts
var import_node_fs = __toESM(require_fs(), 1);

// src/io/fs-error.ts
var WORDS = {
  ENOENT: "no such file or folder",
  EISDIR: "is a folder",
  ENOTDIR: "a part of the path is not a folder",
  EEXIST: "exists and is not a folder",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ENOSPC: "no space left on device",
  EIO: "input/output error",
  EROFS: "read-only file system",
  ELOOP: "too many symbolic links",
  ENAMETOOLONG: "name too long",
  EMFILE: "too many open files",
  EINVAL: "invalid argument",
  EBADF: "bad file descriptor",
  ENXIO: "no such device",
  EDQUOT: "disk quota exceeded",
  EFBIG: "file too large"
};
function fsErrorDetail(err) {
  const code = err?.code;
  if (code && WORDS[code]) return `${WORDS[code]} (${code})`;
  if (code) return code;
  return err instanceof Error ? err.message : String(err);
}

// src/io/read.ts
var CHUNK = 1024 * 1024;
var SYNC_CHUNK = 64 * 1024;
var scratch = Buffer.allocUnsafe(SYNC_CHUNK);
function displayName(file) {
  return file === "-" ? "<stdin>" : file;
}
function tooLarge(file, opts) {
  const what = opts.what ? `${opts.what} is ` : "";
  return new InputError(`${what}larger than the ${formatBytes(opts.maxBytes)} limit`, {
    file: displayName(file)
  });
}
function unreadable(file, err, opts) {
  if (err instanceof InputError) return err;
  const what = opts.what ? ` ${opts.what}` : "";
  return new InputError(`cannot read${what}: ${fsErrorDetail(err)}`, { file: displayName(file) });
}
async function readBytes(file, opts) {
  if (file !== "-" && isRegularFile(file)) return readBytesSync(file, { ...opts, rawErrors: false });
  const chunks = [];
  let size = 0;
  let stream;
  try {
    stream = file === "-" ? opts.stdin ?? process.stdin : import_node_fs.default.createReadStream(file, { highWaterMark: CHUNK });
    for await (const chunk of stream) {
      const b = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      if (opts.text && b.includes(0)) {
        chunks.push(b);
        decodeText(Buffer.concat(chunks), file);
      }
      size += b.length;
      if (size > opts.maxBytes) throw tooLarge(file, opts);
      chunks.push(b);
    }
  } catch (err) {
    throw unreadable(file, err, opts);
  } finally {
    if (stream && file !== "-") stream.destroy();
  }
  return Buffer.concat(chunks, size);
}
function isRegularFile(file) {
  try {
    return import_node_fs.default.statSync(file).isFile();
  } catch {
    return false;
  }
}
function readBytesSync(file, opts) {
  const chunks = [];
  let size = 0;
  readChunksSync(file, opts, (view) => {
    const got = Buffer.from(view);
    if (opts.text && got.includes(0)) decodeText(Buffer.concat([...chunks, got]), file);
    size += got.byteLength;
    chunks.push(got);
  });
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
}
function readChunksSync(file, opts, each) {
  let fd;
  let size = 0;
  try {
    fd = import_node_fs.default.openSync(file, "r");
    for (; ; ) {
      const n = import_node_fs.default.readSync(fd, scratch, 0, SYNC_CHUNK, null);
      if (n === 0) break;
      size += n;
      if (size > opts.maxBytes) throw tooLarge(file, opts);
      each(scratch.subarray(0, n));
    }
  } catch (err) {
    if (opts.rawErrors && !(err instanceof InputError)) throw err;
    throw unreadable(file, err, opts);
  } finally {
    if (fd !== void 0) import_node_fs.default.closeSync(fd);
  }
}
async function readText(file, opts) {
  return decodeText(await readBytes(file, { ...opts, text: true }), file);
}
function readTextSync(file, opts) {
  return decodeText(readBytesSync(file, { ...opts, text: true }), file);
}
var utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
function decodeText(buf, file) {
  const nul = buf.indexOf(0);
  if (nul >= 0) throw new InputError("a NUL byte: expected text", positionOfByte(buf, nul, file));
  try {
    return utf8.decode(buf);
  } catch {
    const bad = firstInvalidUtf8(buf);
    throw new InputError("invalid UTF-8: expected text", positionOfByte(buf, bad, file));
  }
}
function gunzipCapped(buf, file, maxBytes = LIMITS.decompressed) {
  try {
    return process.getBuiltinModule("node:zlib").gunzipSync(buf, { maxOutputLength: maxBytes });
  } catch (err) {
    if (err.code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError) {
      throw new InputError(`decompressed size is larger than the ${formatBytes(maxBytes)} limit`, { file });
    }
    throw new InputError(`cannot decompress: ${err.message}`, { file });
  }
}
function textPosition(text, offset) {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}
function positionOfByte(buf, offset, file) {
  let line = 1;
  let start = 0;
  for (let i = buf.indexOf(10); i >= 0 && i < offset; i = buf.indexOf(10, i + 1)) {
    line++;
    start = i + 1;
  }
  let column = 1;
  for (let i = start; i < offset; i++) if ((buf[i] & 192) !== 128) column++;
  return { file: displayName(file), line, column };
}
function firstInvalidUtf8(buf) {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    const len = b < 128 ? 1 : b >= 194 && b < 224 ? 2 : b >= 224 && b < 240 ? 3 : b >= 240 && b < 245 ? 4 : 0;
    if (len === 0 || i + len > buf.length) return i;
    if (len > 1 && !isUtf8(buf.subarray(i, i + len))) return i;
    i += len;
  }
  return buf.length;
}
function isUtf8(seq) {
  try {
    utf8.decode(seq);
    return true;
  } catch {
    return false;
  }
}

export {
  require_fs,
  fsErrorDetail,
  displayName,
  readBytesSync,
  readChunksSync,
  readText,
  readTextSync,
  decodeText,
  gunzipCapped,
  textPosition
};
