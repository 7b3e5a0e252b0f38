// Signing and verification keys: ECDSA P-256 in PEM (PKCS#8, SEC1 "EC PRIVATE KEY", encrypted
// PKCS#8) and cosign's `ENCRYPTED SIGSTORE PRIVATE KEY` (scrypt + nacl/secretbox), public keys in
// PEM (SPKI), and cosign's key hint. Callers pass the PEM text and the password (COSIGN_PASSWORD)
// in: nothing here reads files or the environment.

import { createHash, createPrivateKey, createPublicKey, scryptSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { InputError } from '../errors.js';
import { xsalsa20poly1305 } from '@noble/ciphers/salsa.js';

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** SPKI PEM of the public key, as it goes into the bundle. */
  publicKeyPem: string;
  /** cosign's key hint: base64(sha256(SPKI DER)). */
  hint: string;
}

export interface VerificationKey {
  publicKey: KeyObject;
  publicKeyPem: string;
  hint: string;
}

const COSIGN_LABELS = ['ENCRYPTED SIGSTORE PRIVATE KEY', 'ENCRYPTED COSIGN PRIVATE KEY'];

/** cosign's key hint for a public key: base64(sha256(SPKI DER)). */
export function keyHint(publicKey: KeyObject): string {
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return createHash('sha256').update(der).digest('base64');
}

function pemLabel(pem: string): string | undefined {
  return /-----BEGIN ([A-Z0-9 ]+)-----/.exec(pem)?.[1];
}

function pemBody(pem: string, label: string): Buffer {
  const re = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`);
  const body = re.exec(pem)?.[1];
  if (body === undefined) throw new InputError(`no ${label} block`);
  return Buffer.from(body.replace(/\s+/g, ''), 'base64');
}

function requireP256(key: KeyObject, source: string): void {
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    const kind = key.asymmetricKeyDetails?.namedCurve ?? key.asymmetricKeyType ?? 'unknown';
    throw new InputError(`${source}: an ECDSA P-256 key is required, got ${kind}`);
  }
}

interface CosignEncryptedKey {
  kdf: { name: string; params: { N: number; r: number; p: number }; salt: string };
  cipher: { name: string; nonce: string };
  ciphertext: string;
}

/** Decrypts cosign's encrypted key format into PKCS#8 DER. */
function decryptCosignKey(pem: string, label: string, password: string, source: string): Buffer {
  let doc: CosignEncryptedKey;
  try {
    doc = JSON.parse(pemBody(pem, label).toString('utf8')) as CosignEncryptedKey;
  } catch {
    throw new InputError(`${source}: the ${label} block is not cosign's JSON key format`);
  }
  if (doc.kdf?.name !== 'scrypt' || doc.cipher?.name !== 'nacl/secretbox') {
    throw new InputError(
      `${source}: unsupported cosign key encryption (kdf ${doc.kdf?.name}, cipher ${doc.cipher?.name})`,
    );
  }
  const { N, r, p } = doc.kdf.params;
  // scrypt needs 128*N*r bytes; cosign's N=65536, r=8 is 64 MiB, above node's 32 MiB default.
  const key = scryptSync(password, Buffer.from(doc.kdf.salt, 'base64'), 32, {
    N,
    r,
    p,
    maxmem: 256 * N * r,
  });
  const nonce = Buffer.from(doc.cipher.nonce, 'base64');
  let plain: Uint8Array;
  try {
    plain = xsalsa20poly1305(key, nonce).decrypt(Buffer.from(doc.ciphertext, 'base64'));
  } catch {
    // The Poly1305 tag does not verify: the password derived another key (or the file is damaged).
    throw new InputError(`${source}: cannot decrypt the cosign key: wrong password (COSIGN_PASSWORD)?`);
  }
  return Buffer.from(plain);
}

/**
 * Loads an ECDSA P-256 private key from PEM text. `password` decrypts cosign keys and encrypted
 * PKCS#8; `source` names where the PEM came from (a file, an environment variable) for errors.
 */
export function loadPrivateKey(pem: string, password = '', source = 'key'): SigningKey {
  const label = pemLabel(pem);
  let privateKey: KeyObject;
  try {
    if (label && COSIGN_LABELS.includes(label)) {
      const der = decryptCosignKey(pem, label, password, source);
      privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    } else if (label === 'PRIVATE KEY' || label === 'EC PRIVATE KEY') {
      privateKey = createPrivateKey({ key: pem, format: 'pem' });
    } else if (label === 'ENCRYPTED PRIVATE KEY') {
      privateKey = createPrivateKey({ key: pem, format: 'pem', passphrase: password });
    } else {
      throw new InputError(
        `${source}: not a private key in PEM (${label ? `found "${label}"` : 'no PEM block'})`,
        {},
        'expected PRIVATE KEY, EC PRIVATE KEY or cosign ENCRYPTED SIGSTORE PRIVATE KEY',
      );
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`${source}: cannot read the private key: ${(err as Error).message}`);
  }
  requireP256(privateKey, source);
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    hint: keyHint(publicKey),
  };
}

/** Loads an ECDSA P-256 public key from PEM (SPKI `PUBLIC KEY`, or a certificate's key). */
export function loadPublicKey(pem: string, source = 'public key'): VerificationKey {
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: pem, format: 'pem' });
  } catch (err) {
    throw new InputError(`${source}: cannot read the public key: ${(err as Error).message}`);
  }
  requireP256(publicKey, source);
  return {
    publicKey,
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    hint: keyHint(publicKey),
  };
}
