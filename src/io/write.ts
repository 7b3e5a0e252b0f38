// The one writer for files the tool produces (--report, --save-features, --out-dir, the actions'
// report files): a file-system error on an output (/dev/full, /proc/version, a file where a folder
// should be) is an InputError naming the path and the cause, exit 2, never a stack trace.
import path from 'node:path';
import { InputError } from '../errors.js';
import { fsErrorDetail } from './fs-error.js';

/** node:fs/promises, loaded on the first write (most starts write only to standard output). */
const fsp = () => process.getBuiltinModule('node:fs/promises');

export interface WriteOptions {
  /** What the file is, for messages (`--report`, `the report`). */
  what?: string;
}

/** Writes a file, creating its folder. */
export async function writeOutput(
  file: string,
  data: string | Uint8Array,
  opts: WriteOptions = {},
): Promise<void> {
  await makeFolder(path.dirname(file), opts);
  try {
    await fsp().writeFile(file, data);
  } catch (err) {
    throw new InputError(`cannot write${opts.what ? ` ${opts.what}` : ''}: ${fsErrorDetail(err)}`, { file });
  }
}

/** Creates a folder (and its parents); an existing file in the way is an InputError. */
export async function makeFolder(dir: string, opts: WriteOptions = {}): Promise<void> {
  try {
    await fsp().mkdir(dir, { recursive: true });
  } catch (err) {
    throw new InputError(
      `cannot create the folder${opts.what ? ` for ${opts.what}` : ''}: ${fsErrorDetail(err)}`,
      { file: dir },
    );
  }
}

/** Any other file-system step on an output (a rename), with the same message shape. */
export async function onOutput<T>(file: string, step: () => Promise<T>, opts: WriteOptions = {}): Promise<T> {
  try {
    return await step();
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`cannot write${opts.what ? ` ${opts.what}` : ''}: ${fsErrorDetail(err)}`, { file });
  }
}
