// Key signing and offline verification, and each failure reason with its class (unsigned,
// integrity, policy) that decides the exit code.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { SignatureError } from '../../src/errors.js';
import { loadPrivateKey, loadPublicKey } from '../../src/sign/keys.js';
import { signStatement } from '../../src/sign/sign.js';
import { COMPATIBILITY_PREDICATE_TYPE, buildCompatibilityStatement } from '../../src/sign/statement.js';
import {
  assertVerified,
  checkCompatibilityPredicate,
  mustFail,
  verifyBundle,
} from '../../src/sign/verify.js';
import type { VerificationPolicy } from '../../src/sign/verify.js';

const FIX = resolve('test/fixtures/sign');
const fixture = (name: string): string => readFileSync(join(FIX, name), 'utf8');

const ARTIFACT = `sha256:${'a'.repeat(64)}`;
const OTHER_ARTIFACT = `sha256:${'b'.repeat(64)}`;
const statement = buildCompatibilityStatement({
  subjectName: 'registry.example/app',
  artifactDigest: ARTIFACT,
  imageDigest: `sha256:${'c'.repeat(64)}`,
  spec: { digest: `sha256:${'d'.repeat(64)}`, mediaType: 'application/vnd.nfd.image-compatibility.v1alpha1' },
  source: { repository: 'https://github.com/o/r', commit: 'abc123' },
});
const keyPolicy = (pub: string): VerificationPolicy => ({ kind: 'key', key: loadPublicKey(pub) });
const POLICY = keyPolicy(fixture('ec-pub.pem'));

async function signed(): Promise<Buffer> {
  return (await signStatement(statement, { kind: 'key', key: loadPrivateKey(fixture('ec-sec1.pem')) })).bytes;
}

interface BundleDoc {
  mediaType: string;
  dsseEnvelope: { payload: string; payloadType: string; signatures: { sig: string }[] };
  verificationMaterial: { publicKey: { hint?: string }; tlogEntries?: unknown[] };
}

/** Re-serializes a bundle after `edit` changes its JSON. */
function edited(bytes: Buffer, edit: (b: BundleDoc) => void): Buffer {
  const doc = JSON.parse(bytes.toString('utf8')) as BundleDoc;
  edit(doc);
  return Buffer.from(JSON.stringify(doc));
}

function payloadOf(b: BundleDoc): typeof statement {
  return JSON.parse(Buffer.from(b.dsseEnvelope.payload, 'base64').toString('utf8'));
}

describe('key signing', () => {
  it('produces a v0.3 bundle with a DSSE in-toto envelope, the key hint and no witnesses', async () => {
    const b = JSON.parse((await signed()).toString('utf8')) as BundleDoc;
    expect(b.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
    expect(b.dsseEnvelope.payloadType).toBe('application/vnd.in-toto+json');
    expect(b.dsseEnvelope.signatures).toHaveLength(1);
    expect(b.verificationMaterial.publicKey.hint).toBe(POLICY.kind === 'key' && POLICY.key.hint);
    expect(b.verificationMaterial.tlogEntries ?? []).toEqual([]);
    expect(payloadOf(b)).toEqual(statement);
  });

  it('verifies and returns the statement and the signer', async () => {
    const result = verifyBundle(await signed(), { artifactDigest: ARTIFACT, policy: POLICY });
    expect(result).toEqual({
      ok: true,
      statement,
      signer: { kind: 'key', hint: POLICY.kind === 'key' ? POLICY.key.hint : '' },
    });
    expect(assertVerified(result)).toEqual(statement);
  });

  it('signs with a cosign encrypted key; cosign.pub verifies', async () => {
    const key = loadPrivateKey(fixture('cosign.key'), 'image-compat-test');
    const { bytes } = await signStatement(statement, { kind: 'key', key });
    const result = verifyBundle(bytes, {
      artifactDigest: ARTIFACT,
      policy: keyPolicy(fixture('cosign.pub')),
    });
    expect(result.ok).toBe(true);
  });
});

describe('failure reasons', () => {
  const cases: [
    string,
    () => Promise<Buffer | undefined>,
    { digest?: string; policy?: VerificationPolicy | null; type?: string },
    string,
    string,
  ][] = [
    ['unsigned', async () => undefined, {}, 'unsigned', 'unsigned'],
    ['not JSON', async () => Buffer.from('nope'), {}, 'integrity', 'malformed-bundle'],
    [
      'tampered payload (predicate changed, signature kept)',
      async () =>
        edited(await signed(), (b) => {
          const s = payloadOf(b);
          s.predicate.spec.digest = `sha256:${'e'.repeat(64)}`;
          b.dsseEnvelope.payload = Buffer.from(JSON.stringify(s)).toString('base64');
        }),
      {},
      'integrity',
      'envelope-signature',
    ],
    [
      'tampered signature bytes',
      async () =>
        edited(await signed(), (b) => {
          const entry = b.dsseEnvelope.signatures[0]!;
          const sig = Buffer.from(entry.sig, 'base64');
          sig.writeUInt8(sig.readUInt8(sig.length - 1) ^ 1, sig.length - 1);
          entry.sig = sig.toString('base64');
        }),
      {},
      'integrity',
      'envelope-signature',
    ],
    ['subject digest mismatch', signed, { digest: OTHER_ARTIFACT }, 'integrity', 'subject-mismatch'],
    ['wrong key', signed, { policy: keyPolicy(fixture('other-pub.pem')) }, 'policy', 'wrong-key'],
    [
      'wrong key, hint removed (cannot tell from tampering)',
      async () => edited(await signed(), (b) => delete b.verificationMaterial.publicKey.hint),
      { policy: keyPolicy(fixture('other-pub.pem')) },
      'integrity',
      'envelope-signature',
    ],
    ['no policy', signed, { policy: null }, 'policy', 'no-policy'],
    [
      'no policy, subject mismatch not judged without a key to verify it',
      signed,
      { policy: null, digest: OTHER_ARTIFACT },
      'policy',
      'no-policy',
    ],
    [
      'other predicate type',
      signed,
      { type: 'https://slsa.dev/provenance/v1' },
      'policy',
      'wrong-predicate-type',
    ],
    [
      'payload type not in-toto',
      async () => edited(await signed(), (b) => (b.dsseEnvelope.payloadType = 'text/plain')),
      {},
      'integrity',
      'malformed-bundle',
    ],
  ];

  it.each(cases)('%s', async (_name, make, opts, klass, reason) => {
    const result = verifyBundle(await make(), {
      artifactDigest: opts.digest ?? ARTIFACT,
      policy: opts.policy === null ? undefined : (opts.policy ?? POLICY),
      predicateType: opts.type ?? COMPATIBILITY_PREDICATE_TYPE,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect({ class: result.class, reason: result.reason }).toEqual({ class: klass, reason });
    expect(() => assertVerified(result)).toThrow(SignatureError);
    // Integrity failures are exit 4 even without --require-signature.
    expect(mustFail(result, false)).toBe(klass === 'integrity');
    expect(mustFail(result, true)).toBe(true);
  });
});

describe('checkCompatibilityPredicate', () => {
  const spec = Buffer.from('apiVersion: v1alpha1\n');
  const specDigest = `sha256:${createHash('sha256').update(spec).digest('hex')}`;
  const imageDigest = `sha256:${'c'.repeat(64)}`;
  const signedStatement = buildCompatibilityStatement({
    subjectName: 'r/app',
    artifactDigest: ARTIFACT,
    imageDigest,
    spec: { digest: specDigest, mediaType: 'application/vnd.nfd.image-compatibility.v1alpha1' },
  });
  it.each<[string, { spec?: Buffer; imageDigest?: string }, string | undefined]>([
    ['the signed spec and image', { spec, imageDigest }, undefined],
    ['nothing fetched', {}, undefined],
    ['a tampered spec blob', { spec: Buffer.from('apiVersion: v1alpha1\n# edited\n') }, 'spec-mismatch'],
    ['another image', { imageDigest: `sha256:${'9'.repeat(64)}` }, 'image-mismatch'],
  ])('%s', (_name, fetched, reason) => {
    const r = checkCompatibilityPredicate(signedStatement, fetched);
    expect(r.ok ? undefined : { class: r.class, reason: r.reason }).toEqual(
      reason === undefined ? undefined : { class: 'integrity', reason },
    );
  });
});
