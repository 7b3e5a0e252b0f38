// NaCl secretbox open (XSalsa20 + Poly1305), needed for one thing only: decrypting cosign's
// `ENCRYPTED SIGSTORE PRIVATE KEY` files, whose cipher is "nacl/secretbox". node:crypto has
// neither XSalsa20 nor Poly1305 and no maintained package that has them (@noble/ciphers,
// tweetnacl, libsodium) is installed, so this is a small, direct transcription of the
// algorithms (Bernstein's Salsa20 spec, HSalsa20 from the XSalsa20 paper, RFC 8439 section 2.5
// for Poly1305). Speed does not matter (a key file is ~150 bytes): Poly1305 uses BigInt for
// clarity. Tested against RFC 8439's Poly1305 vector and against keys written by the real
// `cosign generate-key-pair`. Prefer @noble/ciphers' xsalsa20poly1305 if it becomes a dependency.

import { timingSafeEqual } from 'node:crypto';

const SIGMA = [0x61707865, 0x3320646e, 0x79622d32, 0x6b206574];

function rotl(v: number, n: number): number {
  return ((v << n) | (v >>> (32 - n))) >>> 0;
}

function u32le(b: Uint8Array, off: number): number {
  return (b[off]! | (b[off + 1]! << 8) | (b[off + 2]! << 16) | (b[off + 3]! << 24)) >>> 0;
}

/** The initial Salsa20 state: constants, 256-bit key and 16 bytes of nonce||counter input. */
function salsaState(key: Uint8Array, input16: Uint8Array): Uint32Array {
  const s = new Uint32Array(16);
  s[0] = SIGMA[0]!;
  s[5] = SIGMA[1]!;
  s[10] = SIGMA[2]!;
  s[15] = SIGMA[3]!;
  for (let i = 0; i < 4; i++) {
    s[1 + i] = u32le(key, 4 * i);
    s[11 + i] = u32le(key, 16 + 4 * i);
    s[6 + i] = u32le(input16, 4 * i);
  }
  return s;
}

/** 20 rounds (10 double rounds: column round then row round) applied in place. */
function salsaRounds(x: Uint32Array): void {
  const qr = (a: number, b: number, c: number, d: number): void => {
    x[b] = x[b]! ^ rotl((x[a]! + x[d]!) >>> 0, 7);
    x[c] = x[c]! ^ rotl((x[b]! + x[a]!) >>> 0, 9);
    x[d] = x[d]! ^ rotl((x[c]! + x[b]!) >>> 0, 13);
    x[a] = x[a]! ^ rotl((x[d]! + x[c]!) >>> 0, 18);
  };
  for (let i = 0; i < 10; i++) {
    qr(0, 4, 8, 12);
    qr(5, 9, 13, 1);
    qr(10, 14, 2, 6);
    qr(15, 3, 7, 11);
    qr(0, 1, 2, 3);
    qr(5, 6, 7, 4);
    qr(10, 11, 8, 9);
    qr(15, 12, 13, 14);
  }
}

/** HSalsa20: derives the XSalsa20 subkey from the key and the first 16 nonce bytes. */
export function hsalsa20(key: Uint8Array, nonce16: Uint8Array): Uint8Array {
  const x = salsaState(key, nonce16);
  salsaRounds(x);
  const out = new Uint8Array(32);
  const view = new DataView(out.buffer);
  [0, 5, 10, 15, 6, 7, 8, 9].forEach((w, i) => view.setUint32(4 * i, x[w]!, true));
  return out;
}

/** XSalsa20 keystream XOR (block counter from 0) of `data`, from keystream byte 0. */
export function xsalsa20(key: Uint8Array, nonce24: Uint8Array, data: Uint8Array): Uint8Array {
  const subkey = hsalsa20(key, nonce24.subarray(0, 16));
  const out = new Uint8Array(data.length);
  const input = new Uint8Array(16);
  input.set(nonce24.subarray(16, 24), 0);
  const block = new Uint8Array(64);
  const blockView = new DataView(block.buffer);
  for (let off = 0, counter = 0; off < data.length; off += 64, counter++) {
    new DataView(input.buffer).setUint32(8, counter, true); // 64-bit LE counter; high word stays 0
    const init = salsaState(subkey, input);
    const x = Uint32Array.from(init);
    salsaRounds(x);
    for (let i = 0; i < 16; i++) blockView.setUint32(4 * i, (x[i]! + init[i]!) >>> 0, true);
    for (let i = 0; i < 64 && off + i < data.length; i++) out[off + i] = data[off + i]! ^ block[i]!;
  }
  return out;
}

function leBigInt(b: Uint8Array): bigint {
  let n = 0n;
  for (let i = b.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(b[i]!);
  return n;
}

/** Poly1305 one-time authenticator (RFC 8439 section 2.5) over `msg` with a 32-byte key. */
export function poly1305(key: Uint8Array, msg: Uint8Array): Uint8Array {
  const p = (1n << 130n) - 5n;
  const r = leBigInt(key.subarray(0, 16)) & 0x0ffffffc0ffffffc0ffffffc0fffffffn;
  const s = leBigInt(key.subarray(16, 32));
  let acc = 0n;
  for (let off = 0; off < msg.length; off += 16) {
    const chunk = msg.subarray(off, Math.min(off + 16, msg.length));
    const n = leBigInt(chunk) + (1n << BigInt(8 * chunk.length));
    acc = ((acc + n) * r) % p;
  }
  let tag = (acc + s) & ((1n << 128n) - 1n);
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) {
    out[i] = Number(tag & 0xffn);
    tag >>= 8n;
  }
  return out;
}

/**
 * Opens a NaCl secretbox (Go's golang.org/x/crypto/nacl/secretbox layout: 16-byte Poly1305 tag,
 * then the ciphertext). Returns undefined when the tag does not verify (wrong key or password).
 */
export function secretboxOpen(box: Uint8Array, nonce: Uint8Array, key: Uint8Array): Uint8Array | undefined {
  if (key.length !== 32 || nonce.length !== 24 || box.length < 16) return undefined;
  const tag = box.subarray(0, 16);
  const ciphertext = box.subarray(16);
  // Keystream bytes 0..31 are the Poly1305 key; the message is XORed from byte 32 on.
  const padded = new Uint8Array(32 + ciphertext.length);
  padded.set(ciphertext, 32);
  const stream = xsalsa20(key, nonce, padded);
  const expected = poly1305(stream.subarray(0, 32), ciphertext);
  if (!timingSafeEqual(Buffer.from(expected), Buffer.from(tag))) return undefined;
  return stream.subarray(32);
}
