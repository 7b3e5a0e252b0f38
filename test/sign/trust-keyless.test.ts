// Keyless verification with the default trust (the Sigstore public-good trusted root, offline
// from the embedded seed): a bundle from another instance (the @sigstore/mock Fulcio and Rekor)
// is an untrusted signer whose message says its certificate does not chain to that root.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { signStatement, staticIdentityProvider } from '../../src/sign/sign.js';
import { buildCompatibilityStatement } from '../../src/sign/statement.js';
import { loadTrustedRoot, resolvePolicy } from '../../src/sign/trust.js';
import { policyFromFlags, verifyBundle } from '../../src/sign/verify.js';
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
const cacheDir = mkdtempSync(path.join(tmpdir(), 'ic-trust-keyless-'));

let mock: SigstoreMock;
let bundle: Buffer;
beforeAll(async () => {
  mock = await startSigstoreMock();
  ({ bytes: bundle } = await signStatement(statement, {
    kind: 'keyless',
    identityProvider: staticIdentityProvider(identityToken({ iss: ISSUER, sub: WORKFLOW })),
    instance: { fulcioURL: mock.fulcioURL, rekorURL: mock.rekorURL },
    timeout: 5000,
  }));
});
afterAll(async () => {
  await mock?.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('keyless against the public-good trusted root', () => {
  it('a certificate from another Fulcio does not chain to it: untrusted-signer, with a hint', async () => {
    const policy = await resolvePolicy(
      { certificateIdentity: WORKFLOW, certificateOidcIssuer: ISSUER },
      { offline: true, cacheDir },
    );
    const result = verifyBundle(bundle, { artifactDigest: ARTIFACT, policy });
    expect(result).toMatchObject({ ok: false, class: 'policy', reason: 'untrusted-signer' });
    const message = result.ok ? '' : result.message;
    expect(message).toMatch(
      /^the signer's certificate does not chain to a certificate authority of the Sigstore public-good trusted root \(embedded @sigstore\/tuf seed\)/,
    );
    expect(message).toMatch(/fulcio\.githubapp\.com.*`trusted-root`$/);
  });

  it('the same bundle passes with the trusted root of its instance', () => {
    const policy = policyFromFlags({
      certificateIdentity: WORKFLOW,
      certificateOidcIssuer: ISSUER,
      trustedRoot: mock.trustedRoot,
    });
    expect(verifyBundle(bundle, { artifactDigest: ARTIFACT, policy }).ok).toBe(true);
  });

  it('a JSON Lines trusted root (as `gh attestation trusted-root` writes): any of its instances', async () => {
    const seed = await loadTrustedRoot({ offline: true, cacheDir });
    const publicGood = JSON.stringify(TrustedRoot.toJSON(seed.trustedRoot));
    const other = await startSigstoreMock();
    try {
      const flags = { certificateIdentity: WORKFLOW, certificateOidcIssuer: ISSUER };
      const verifyUnder = (lines: string[]) =>
        verifyBundle(bundle, {
          artifactDigest: ARTIFACT,
          policy: policyFromFlags({
            ...flags,
            trustedRoot: `${lines.join('\n')}\n`,
            trustedRootSource: 'r.jsonl',
          }),
        });
      expect(verifyUnder([publicGood, mock.trustedRoot]).ok).toBe(true);
      expect(verifyUnder([mock.trustedRoot, publicGood]).ok).toBe(true);
      expect(verifyUnder([publicGood, other.trustedRoot])).toMatchObject({
        ok: false,
        reason: 'untrusted-signer',
        message: expect.stringMatching(
          /does not chain to a certificate authority of the trusted root r\.jsonl/,
        ),
      });
      // The instance the certificate chains to gives the reason (here: the identity).
      expect(
        verifyBundle(bundle, {
          artifactDigest: ARTIFACT,
          policy: policyFromFlags({
            ...flags,
            certificateIdentity: 'https://github.com/evil/x',
            trustedRoot: [publicGood, mock.trustedRoot].join('\n'),
          }),
        }),
      ).toMatchObject({ ok: false, reason: 'wrong-identity' });
      expect(() =>
        policyFromFlags({ ...flags, trustedRoot: `${publicGood}\n{oops\n`, trustedRootSource: 'r.jsonl' }),
      ).toThrow(/r\.jsonl:2.*not JSON \(nor JSON Lines\)/);
    } finally {
      await other.close();
    }
  });
});
