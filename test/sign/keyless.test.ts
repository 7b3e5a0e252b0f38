// Keyless signing end to end against a fake Fulcio and Rekor on 127.0.0.1 (@sigstore/mock), and
// offline verification with identity policies against the mock's trusted root.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadPrivateKey } from '../../src/sign/keys.js';
import { signStatement, staticIdentityProvider } from '../../src/sign/sign.js';
import { buildCompatibilityStatement } from '../../src/sign/statement.js';
import { policyFromFlags, verifyBundle } from '../../src/sign/verify.js';
import type { PolicyFlags } from '../../src/sign/verify.js';
import { identityToken, startSigstoreMock } from './sigstore-mock.js';
import type { SigstoreMock } from './sigstore-mock.js';

const ISSUER = 'https://token.actions.githubusercontent.com';
const WORKFLOW = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';
const ARTIFACT = `sha256:${'1'.repeat(64)}`;
const statement = buildCompatibilityStatement({
  subjectName: 'ghcr.io/acme/app',
  artifactDigest: ARTIFACT,
  imageDigest: `sha256:${'2'.repeat(64)}`,
  spec: { digest: `sha256:${'3'.repeat(64)}`, mediaType: 'application/vnd.nfd.image-compatibility.v1alpha1' },
});

let mock: SigstoreMock;
let otherMock: SigstoreMock;
let bundle: Buffer;

async function signKeyless(claims: Record<string, unknown>): Promise<Buffer> {
  const { bytes } = await signStatement(statement, {
    kind: 'keyless',
    identityProvider: staticIdentityProvider(identityToken(claims)),
    instance: { fulcioURL: mock.fulcioURL, rekorURL: mock.rekorURL },
    timeout: 5000,
  });
  return bytes;
}

beforeAll(async () => {
  mock = await startSigstoreMock();
  otherMock = await startSigstoreMock();
  bundle = await signKeyless({ iss: ISSUER, sub: WORKFLOW });
});
afterAll(async () => {
  await mock?.close();
  await otherMock?.close();
});

const verifyWith = (flags: Partial<PolicyFlags>, bytes = bundle, root = mock.trustedRoot) =>
  verifyBundle(bytes, {
    artifactDigest: ARTIFACT,
    policy: policyFromFlags({ certificateOidcIssuer: ISSUER, trustedRoot: root, ...flags }),
  });

describe('keyless signing', () => {
  it('writes a certificate and a Rekor entry into the bundle', () => {
    const b = JSON.parse(bundle.toString('utf8')) as {
      verificationMaterial: {
        certificate?: { rawBytes: string };
        tlogEntries: { kindVersion: { kind: string } }[];
      };
    };
    expect(b.verificationMaterial.certificate?.rawBytes).toBeTruthy();
    expect(b.verificationMaterial.tlogEntries.map((e) => e.kindVersion.kind)).toEqual(['intoto']);
  });

  it('verifies with the exact identity and issuer', () => {
    expect(verifyWith({ certificateIdentity: WORKFLOW })).toEqual({
      ok: true,
      statement,
      signer: { kind: 'certificate', identity: WORKFLOW, issuer: ISSUER },
    });
  });

  it.each([
    ['^https://github\\.com/acme/app/\\.github/workflows/release\\.yml@refs/heads/.*$', true],
    ['github\\.com/acme/', true], // unanchored, like cosign
    ['^https://github\\.com/acme/other/', false],
    ['(?i)ACME/APP', true], // RE2 syntax
  ])('identity regexp %s -> %s', (re, ok) => {
    const result = verifyWith({ certificateIdentityRegexp: re });
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.reason).toBe('wrong-identity');
  });

  const failures: [string, () => Promise<Buffer>, Partial<PolicyFlags>, string, string][] = [
    [
      'wrong identity',
      async () => bundle,
      { certificateIdentity: 'https://github.com/evil/app/.github/workflows/x.yml@refs/heads/main' },
      'policy',
      'wrong-identity',
    ],
    [
      'wrong issuer',
      () => signKeyless({ iss: 'https://accounts.example.com', sub: WORKFLOW }),
      { certificateIdentity: WORKFLOW },
      'policy',
      'wrong-issuer',
    ],
    [
      'tampered payload',
      async () => {
        const b = JSON.parse(bundle.toString('utf8')) as { dsseEnvelope: { payload: string } };
        const s = JSON.parse(
          Buffer.from(b.dsseEnvelope.payload, 'base64').toString('utf8'),
        ) as typeof statement;
        s.predicate.image.digest = `sha256:${'9'.repeat(64)}`;
        b.dsseEnvelope.payload = Buffer.from(JSON.stringify(s)).toString('base64');
        return Buffer.from(JSON.stringify(b));
      },
      { certificateIdentity: WORKFLOW },
      'integrity',
      'envelope-signature',
    ],
  ];

  it.each(failures)('%s', async (_name, make, flags, klass, reason) => {
    const result = verifyWith(flags, await make());
    expect(result.ok ? result : { class: result.class, reason: result.reason }).toEqual({
      class: klass,
      reason,
    });
  });

  it('rejects a certificate from a CA the trusted root does not list', () => {
    const result = verifyWith({ certificateIdentity: WORKFLOW }, bundle, otherMock.trustedRoot);
    expect(result.ok ? result : { class: result.class, reason: result.reason }).toEqual({
      class: 'policy',
      reason: 'untrusted-signer',
    });
  });

  it('rejects a subject digest that is not the fetched artifact', () => {
    const result = verifyBundle(bundle, {
      artifactDigest: `sha256:${'0'.repeat(64)}`,
      policy: policyFromFlags({
        certificateIdentity: WORKFLOW,
        certificateOidcIssuer: ISSUER,
        trustedRoot: mock.trustedRoot,
      }),
    });
    expect(result.ok ? result : result.reason).toBe('subject-mismatch');
  });

  it('signs for a private repository with a timestamp authority and no Rekor', async () => {
    const { bytes } = await signStatement(statement, {
      kind: 'keyless',
      identityProvider: staticIdentityProvider(identityToken({ iss: ISSUER, sub: WORKFLOW })),
      instance: { fulcioURL: mock.fulcioURL, tsaURL: mock.tsaURL },
      timeout: 5000,
    });
    const b = JSON.parse(bytes.toString('utf8')) as {
      verificationMaterial: {
        tlogEntries?: unknown[];
        timestampVerificationData?: { rfc3161Timestamps: unknown[] };
      };
    };
    expect(b.verificationMaterial.tlogEntries ?? []).toEqual([]);
    expect(b.verificationMaterial.timestampVerificationData?.rfc3161Timestamps).toHaveLength(1);
    expect(verifyWith({ certificateIdentity: WORKFLOW }, bytes).ok).toBe(true);
    // Without the TSA in the trusted root there is no trusted time for the certificate.
    const root = JSON.parse(mock.trustedRoot) as { timestampAuthorities: unknown[] };
    root.timestampAuthorities = [];
    const untrusted = verifyWith({ certificateIdentity: WORKFLOW }, bytes, JSON.stringify(root));
    expect(untrusted.ok ? untrusted : untrusted.reason).toBe('untrusted-signer');
  });

  it('rejects a key-signed bundle under an identity policy', async () => {
    const key = loadPrivateKey(readFileSync(resolve('test/fixtures/sign/ec-sec1.pem'), 'utf8'));
    const { bytes } = await signStatement(statement, { kind: 'key', key });
    const result = verifyWith({ certificateIdentity: WORKFLOW }, bytes);
    expect(result.ok ? result : { class: result.class, reason: result.reason }).toEqual({
      class: 'policy',
      reason: 'wrong-key',
    });
  });

  it('rejects a certificate-signed bundle under a key policy', () => {
    const result = verifyBundle(bundle, {
      artifactDigest: ARTIFACT,
      policy: policyFromFlags({ key: readFileSync(resolve('test/fixtures/sign/ec-pub.pem'), 'utf8') }),
    });
    expect(result.ok ? result : result.reason).toBe('wrong-key');
  });
});

const COSIGN = resolve('.tools/bin/cosign');

(existsSync(COSIGN) ? describe : describe.skip)('cosign verifies our keyless bundle offline', () => {
  it.each([
    [WORKFLOW, ISSUER, 0],
    ['https://github.com/evil/app/.github/workflows/x.yml@refs/heads/main', ISSUER, 1],
    [WORKFLOW, 'https://accounts.example.com', 1],
  ])('identity %s issuer %s -> exit %i', (identity, issuer, status) => {
    const dir = mkdtempSync(join(tmpdir(), 'image-compat-keyless-'));
    try {
      writeFileSync(join(dir, 'bundle.json'), bundle);
      writeFileSync(join(dir, 'root.json'), mock.trustedRoot);
      const run = spawnSync(
        COSIGN,
        [
          'verify-blob-attestation',
          ...['--bundle', join(dir, 'bundle.json'), '--trusted-root', join(dir, 'root.json')],
          ...['--certificate-identity', identity, '--certificate-oidc-issuer', issuer],
          // the mock Fulcio has no CT log
          '--insecure-ignore-sct=true',
          ...['--type', statement.predicateType],
          ...['--digest', ARTIFACT.slice('sha256:'.length), '--digestAlg', 'sha256'],
        ],
        { encoding: 'utf8' },
      );
      expect({ status: run.status, ok: run.stderr.includes('Verified OK') }).toEqual({
        status,
        ok: status === 0,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
