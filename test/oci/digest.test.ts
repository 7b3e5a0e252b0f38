// Content digests: the digests the OCI spec defines (known vectors, sha256 and sha512), and
// verification names what did not match.
import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { digestOf, isDigest, sha256Digest, verifyDigest } from '../../src/oci/digest.js';
import { RegistryError } from '../../src/errors.js';

const nodeDigest = (bytes: Uint8Array, algorithm: string) =>
  `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;

describe('sha256Digest', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['{}', '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ])('%j hashes to the known vector', (text, hex) => {
    expect(sha256Digest(Buffer.from(text))).toBe(`sha256:${hex}`);
  });
});

describe('digestOf', () => {
  it('computes sha512 digests', () => {
    const bytes = Buffer.from('manifest');
    expect(digestOf(bytes, 'sha512')).toBe(nodeDigest(bytes, 'sha512'));
    expect(isDigest(digestOf(bytes, 'sha512'))).toBe(true);
  });
});

describe('verifyDigest', () => {
  const bytes = Buffer.from('{"schemaVersion":2}');
  it('accepts the bytes of the digest, sha256 or sha512', () => {
    expect(() => verifyDigest(bytes, nodeDigest(bytes, 'sha256'), 'manifest')).not.toThrow();
    expect(() => verifyDigest(bytes, nodeDigest(bytes, 'sha512'), 'manifest')).not.toThrow();
  });
  it('names what did not match, and both digests', () => {
    const other = `sha256:${'0'.repeat(64)}`;
    expect(() => verifyDigest(bytes, other, 'manifest b/s:1')).toThrow(RegistryError);
    expect(() => verifyDigest(bytes, other, 'manifest b/s:1')).toThrow(
      `manifest b/s:1: content does not match its digest (expected ${other}, got ${nodeDigest(bytes, 'sha256')})`,
    );
  });
  it('refuses a digest it cannot check', () => {
    expect(() => verifyDigest(bytes, 'md5:abc', 'blob')).toThrow('blob: unsupported digest "md5:abc"');
  });
});
