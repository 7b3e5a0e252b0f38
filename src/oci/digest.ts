// Content digests: compute, validate and verify `algorithm:hex` against the bytes read.
//
// node:crypto loads on the first digest, or earlier by `loadHasher`, which the transport calls while
// its first request is on the way (TransportOptions.whileWaiting): the module's load (about twenty
// internal modules, ~10 ms) then overlaps the registry's answer instead of delaying the request.
import { RegistryError } from '../errors.js';

const DIGEST_RE = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;

export function isDigest(value: string): boolean {
  return DIGEST_RE.test(value);
}

const createHash = (algorithm: string) => process.getBuiltinModule('node:crypto').createHash(algorithm);

/** Loads the hasher now (a start that will hash a registry's answer, while it waits for it). */
export function loadHasher(): void {
  process.getBuiltinModule('node:crypto');
}

export function sha256Digest(bytes: Uint8Array): string {
  return digestOf(bytes, 'sha256');
}

export function digestOf(bytes: Uint8Array, algorithm: string): string {
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
}

/** Throws when `bytes` do not hash to `expected` (or `expected` is no digest we can check). */
export function verifyDigest(bytes: Uint8Array, expected: string, what: string): void {
  if (!isDigest(expected)) throw new RegistryError(`${what}: unsupported digest ${JSON.stringify(expected)}`);
  const algorithm = expected.slice(0, expected.indexOf(':'));
  const actual = digestOf(bytes, algorithm);
  if (actual !== expected) {
    throw new RegistryError(
      `${what}: content does not match its digest (expected ${expected}, got ${actual})`,
    );
  }
}
