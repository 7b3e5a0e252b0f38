// Registry bytes read as text (a manifest, an image config): strict UTF-8, as every file is read
// (io/read.ts), so that bad bytes from a registry are a registry error naming what was read and
// where, never U+FFFD in a digest, a platform or an annotation.
import { InputError, RegistryError } from '../errors.js';
import { decodeText } from '../io/read.js';

/** `bytes` as text; RegistryError (exit 3) at the first byte that is not UTF-8, or a NUL byte. */
export function registryText(bytes: Buffer, what: string): string {
  try {
    return decodeText(bytes, what);
  } catch (err) {
    throw err instanceof InputError ? new RegistryError(err.message) : err;
  }
}
