// `validate --image` and `verify` in process against real registries: docker-registry (no
// referrers API: the fallback tag index) and go-containerregistry's (referrers API). NFD's pick of
// the newest artifact, platforms of an index, and every signature outcome: the right key, unsigned,
// a tampered payload, a tampered spec blob (a reused signature, a signer's statement that names
// another spec), the wrong key, the wrong identity and issuer (keyless, fake Fulcio/Rekor), a
// subject digest mismatch, and an older signed artifact chosen over a newer unsigned one.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { specFromImage } from '../../src/commands/validate-sources.js';
import { verify } from '../../src/commands/verify.js';
import { InputError, RegistryError, SignatureError } from '../../src/errors.js';
import { openRepository, parseReference } from '../../src/oci/index.js';
import type { ImageManifest } from '../../src/oci/index.js';
import { loadPrivateKey } from '../../src/sign/keys.js';
import { staticIdentityProvider } from '../../src/sign/sign.js';
import type { SignWith } from '../../src/sign/sign.js';
import { policyFromFlags } from '../../src/sign/verify.js';
import { startReferrersRegistry } from '../helpers/referrers-registry.js';
import {
  pushTestImage,
  pushTestIndex,
  rawPushBlob,
  rawPushManifest,
  sha256,
  startRegistry,
} from '../helpers/registry.js';
import type { TestRegistry } from '../helpers/registry.js';
import { alterPayload, attachSpec, signAttached } from '../helpers/signed-artifact.js';
import { identityToken, startSigstoreMock } from '../sign/sigstore-mock.js';
import type { SigstoreMock } from '../sign/sigstore-mock.js';

const FIX = path.resolve('test/fixtures/sign');
const KEY: SignWith = {
  kind: 'key',
  key: loadPrivateKey(readFileSync(path.join(FIX, 'ec-sec1.pem'), 'utf8')),
};
const OTHER: SignWith = {
  kind: 'key',
  key: loadPrivateKey(readFileSync(path.join(FIX, 'other-sec1.pem'), 'utf8')),
};
const keyPolicy = () => policyFromFlags({ key: readFileSync(path.join(FIX, 'ec-pub.pem'), 'utf8') });
const ISSUER = 'https://token.actions.githubusercontent.com';
const WORKFLOW = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';

const spec = (tag: string) =>
  `version: v1alpha1\ncompatibilities:\n  - tag: ${tag}\n    rules:\n      - name: r\n        matchFeatures:\n          - feature: kernel.loadedmodule\n            matchExpressions:\n              nvidia: {op: Exists}\n`;

const dir = mkdtempSync(path.join(tmpdir(), 'ic-validate-image-'));
let reg: TestRegistry;
let api: Awaited<ReturnType<typeof startReferrersRegistry>>;
let mock: SigstoreMock;
let n = 0;

beforeAll(async () => {
  [reg, api, mock] = await Promise.all([startRegistry(), startReferrersRegistry(), startSigstoreMock()]);
});
afterAll(async () => {
  await Promise.all([reg?.stop(), api?.stop(), mock?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

/** A fresh single-platform image on the given registry. */
async function image(host = reg.host): Promise<string> {
  const repo = `app${++n}`;
  const target = host === reg.host ? reg : ({ url: `http://${host}`, host } as TestRegistry);
  await pushTestImage(target, repo, 'v1');
  return `${host}/${repo}:v1`;
}

const at = (s: string) => new Date(s);
const tagOf = (got: { spec: { compatibilities: Array<{ tag?: string }> } }) =>
  got.spec.compatibilities[0]?.tag;

describe.each([
  ['docker-registry (fallback index)', () => reg.host],
  ['referrers API', () => api.host],
])('%s', (_name, host) => {
  it("takes the newest artifact (NFD's pick) and exit 3 when there is none", async () => {
    const ref = await image(host());
    await expect(specFromImage({ image: ref, requireSignature: false, plainHttp: true })).rejects.toThrow(
      RegistryError,
    );
    await expect(specFromImage({ image: ref, requireSignature: false, plainHttp: true })).rejects.toThrow(
      /has no compatibility artifact/,
    );
    await attachSpec(ref, spec('old'), dir, { now: at('2025-01-01T00:00:00Z') });
    const [newer] = await attachSpec(ref, spec('new'), dir, { now: at('2025-06-01T00:00:00Z') });
    const got = await specFromImage({ image: ref, requireSignature: false, plainHttp: true });
    expect(tagOf(got)).toBe('new');
    expect(got.artifact).toBe(newer!.artifactDescriptor.digest);
    expect(got.signature).toMatchObject({ ok: false, reason: 'unsigned' });
  });

  it('--require-signature passes with the right key and verify reports the signer', async () => {
    const ref = await image(host());
    const [a] = await attachSpec(ref, spec('signed'), dir);
    await signAttached(a!, KEY);
    const got = await specFromImage({
      image: ref,
      requireSignature: true,
      policy: keyPolicy(),
      plainHttp: true,
    });
    expect(tagOf(got)).toBe('signed');
    expect(got.signature.ok).toBe(true);
    const v = await verify({ image: ref, policy: keyPolicy(), plainHttp: true });
    expect(v.verified).toBe(true);
    expect(v.platforms[0]).toMatchObject({ verified: true, artifact: a!.artifactDescriptor.digest });
  });
});

describe('--require-signature failure reasons', () => {
  async function outcome(
    sign: (a: Awaited<ReturnType<typeof attachSpec>>[number], ref: string) => Promise<unknown>,
  ) {
    const ref = await image();
    const [a] = await attachSpec(ref, spec('x'), dir);
    await sign(a!, ref);
    const required = await specFromImage({
      image: ref,
      requireSignature: true,
      policy: keyPolicy(),
      plainHttp: true,
    }).catch((e: Error) => e);
    const optional = await specFromImage({ image: ref, requireSignature: false, plainHttp: true }).catch(
      (e: Error) => e,
    );
    return { required, optional };
  }

  it.each([
    ['unsigned', async () => undefined, /unsigned/, false],
    ['wrong key', async (a) => signAttached(a, OTHER), /wrong-key/, false],
    [
      'tampered payload',
      async (a) => signAttached(a, KEY, { bundle: alterPayload }),
      /envelope-signature/,
      false,
    ],
    [
      'statement about another artifact (subject digest mismatch)',
      async (a) =>
        signAttached(a, KEY, {
          statement: (s) => ({ ...s, subject: [{ name: 'x', digest: { sha256: 'f'.repeat(64) } }] }),
        }),
      /subject-mismatch/,
      false,
    ],
    [
      'a signed statement naming another spec blob',
      async (a) =>
        signAttached(a, KEY, {
          statement: (s) => ({
            ...s,
            predicate: {
              ...(s.predicate as object),
              spec: { digest: `sha256:${'e'.repeat(64)}`, mediaType: 'x' },
            },
          }),
        }),
      /spec-mismatch/,
      false,
    ],
  ] as Array<
    [
      string,
      (a: Awaited<ReturnType<typeof attachSpec>>[number], ref: string) => Promise<unknown>,
      RegExp,
      boolean,
    ]
  >)('%s: exit 4 with --require-signature', async (_name, sign, reason) => {
    const { required } = await outcome(sign);
    expect(required).toBeInstanceOf(SignatureError);
    expect((required as Error).message).toMatch(reason);
  });

  it('without --require-signature only tampering is exit 4 (no policy: a key signature cannot be judged)', async () => {
    expect((await outcome(async () => undefined)).optional).not.toBeInstanceOf(Error);
    expect((await outcome(async (a) => signAttached(a, OTHER))).optional).not.toBeInstanceOf(Error);
  });

  it('with a policy but without --require-signature: a wrong key warns, a tampered payload is exit 4', async () => {
    const ref = await image();
    const [a] = await attachSpec(ref, spec('x'), dir);
    await signAttached(a!, OTHER);
    const got = await specFromImage({
      image: ref,
      requireSignature: false,
      policy: keyPolicy(),
      plainHttp: true,
    });
    expect(got.warnings.join('\n')).toMatch(/wrong-key/);

    const ref2 = await image();
    const [b] = await attachSpec(ref2, spec('x'), dir);
    await signAttached(b!, KEY, { bundle: alterPayload });
    const err = await specFromImage({
      image: ref2,
      requireSignature: false,
      policy: keyPolicy(),
      plainHttp: true,
    }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(SignatureError);
    expect((err as Error).message).toMatch(/envelope-signature.*tampered/);
  });

  it('a tampered spec blob: a new artifact manifest reusing the signature of the original is exit 4', async () => {
    // An attacker with push rights rewrites the spec layer: that is a new artifact manifest (a new
    // digest), and the only signature they can attach to it is a copy of the original's.
    const ref = await image();
    const [a] = await attachSpec(ref, spec('genuine'), dir, { now: at('2025-01-01T00:00:00Z') });
    await signAttached(a!, KEY);
    const r = parseReference(a!.artifact);
    const repoName = r.repository;
    const repo = openRepository(r, { plainHttp: true });
    const original = JSON.parse(
      (await repo.getManifest(a!.artifactDescriptor.digest))!.bytes.toString(),
    ) as ImageManifest;
    const evil = Buffer.from(spec('evil'));
    await rawPushBlob(reg, repoName, evil);
    const forged = {
      ...original,
      layers: [{ ...original.layers[0]!, digest: sha256(evil), size: evil.byteLength }],
      annotations: { ...original.annotations, 'org.opencontainers.image.created': '2026-01-01T00:00:00Z' },
    };
    const forgedDesc = await rawPushManifest(
      reg,
      repoName,
      sha256(Buffer.from(JSON.stringify(forged))),
      forged,
    );
    const { addToFallbackIndex } = await import('../../src/oci/index.js');
    await addToFallbackIndex(
      repo,
      a!.subjectDescriptor.digest,
      { ...forgedDesc, artifactType: original.artifactType!, annotations: forged.annotations },
      { settleMs: 0 },
    );
    // Copy the genuine bundle onto the forged manifest.
    await signAttached(a!, KEY, { attachTo: { ...forgedDesc } });

    // With the key but without --require-signature: the copied signature contradicts the
    // artifact it is attached to, which is tampering (exit 4). Without a key a key signature
    // cannot be judged at all: NFD's pick is evaluated, as NFD itself would.
    const plain = await specFromImage({
      image: ref,
      requireSignature: false,
      policy: keyPolicy(),
      plainHttp: true,
    }).catch((e: Error) => e);
    expect(plain).toBeInstanceOf(SignatureError);
    expect((plain as Error).message).toMatch(/subject-mismatch/);
    // With --require-signature the forged one is skipped, with a warning, for the genuine one.
    const got = await specFromImage({
      image: ref,
      requireSignature: true,
      policy: keyPolicy(),
      plainHttp: true,
    });
    expect(tagOf(got)).toBe('genuine');
    expect(got.warnings.join('\n')).toMatch(/ignored compatibility artifact .*subject-mismatch/);
  });

  it('an older signed artifact is chosen over a newer unsigned one, with a warning', async () => {
    const ref = await image();
    const [old] = await attachSpec(ref, spec('old-signed'), dir, { now: at('2025-01-01T00:00:00Z') });
    await signAttached(old!, KEY);
    const [newer] = await attachSpec(ref, spec('new-unsigned'), dir, { now: at('2025-06-01T00:00:00Z') });
    const got = await specFromImage({
      image: ref,
      requireSignature: true,
      policy: keyPolicy(),
      plainHttp: true,
    });
    expect(tagOf(got)).toBe('old-signed');
    expect(got.warnings).toEqual([
      expect.stringContaining(`ignored compatibility artifact ${newer!.artifactDescriptor.digest}`),
    ]);
    expect(got.warnings[0]).toMatch(/unsigned/);
    // Without --require-signature NFD's pick stands: the newest.
    expect(tagOf(await specFromImage({ image: ref, requireSignature: false, plainHttp: true }))).toBe(
      'new-unsigned',
    );
  });

  it('--require-signature without a policy is bad input (exit 2) with a hint', async () => {
    const ref = await image();
    const p = specFromImage({ image: ref, requireSignature: true, plainHttp: true });
    await expect(p).rejects.toThrow(InputError);
    await expect(p).rejects.toThrow(/needs a policy/);
  });
});

describe('keyless (fake Fulcio and Rekor)', () => {
  let ref: string;
  beforeAll(async () => {
    ref = await image();
    const [a] = await attachSpec(ref, spec('keyless'), dir);
    await signAttached(a!, {
      kind: 'keyless',
      identityProvider: staticIdentityProvider(identityToken({ iss: ISSUER, sub: WORKFLOW })),
      instance: { fulcioURL: mock.fulcioURL, rekorURL: mock.rekorURL },
      timeout: 5000,
    });
  });
  const policy = (flags: Record<string, string>) =>
    policyFromFlags({ certificateOidcIssuer: ISSUER, trustedRoot: mock.trustedRoot, ...flags });

  it.each([
    ['the right identity', { certificateIdentity: WORKFLOW }, undefined],
    ['an identity regexp', { certificateIdentityRegexp: '^https://github.com/acme/' }, undefined],
    ['the wrong identity', { certificateIdentity: 'https://github.com/evil/x' }, /wrong-identity/],
    [
      'the wrong issuer',
      { certificateIdentity: WORKFLOW, certificateOidcIssuer: 'https://evil.example' },
      /wrong-issuer/,
    ],
  ] as Array<[string, Record<string, string>, RegExp | undefined]>)('%s', async (_name, flags, failure) => {
    const got = await specFromImage({
      image: ref,
      requireSignature: true,
      policy: policy(flags),
      plainHttp: true,
    }).catch((e: Error) => e);
    if (!failure) {
      expect(got).not.toBeInstanceOf(Error);
      return;
    }
    expect(got).toBeInstanceOf(SignatureError);
    expect((got as Error).message).toMatch(failure);
  });
});

describe('keyless without a policy', () => {
  it('a certificate bundle is still checked: one naming another spec blob is exit 4 (tampering)', async () => {
    const ref = await image();
    const [a] = await attachSpec(ref, spec('x'), dir);
    await signAttached(
      a!,
      {
        kind: 'keyless',
        identityProvider: staticIdentityProvider(identityToken({ iss: ISSUER, sub: WORKFLOW })),
        instance: { fulcioURL: mock.fulcioURL, rekorURL: mock.rekorURL },
        timeout: 5000,
      },
      {
        statement: (s) => ({
          ...s,
          predicate: {
            ...(s.predicate as object),
            spec: { digest: `sha256:${'e'.repeat(64)}`, mediaType: 'x' },
          },
        }),
      },
    );
    const err = await specFromImage({ image: ref, requireSignature: false, plainHttp: true }).catch(
      (e: Error) => e,
    );
    expect(err).toBeInstanceOf(SignatureError);
    expect((err as Error).message).toMatch(/spec-mismatch/);
  });
});

describe('platforms of an index', () => {
  it('validate reads the platform asked for; verify checks every platform', async () => {
    const repo = `multi${++n}`;
    const idx = await pushTestIndex(reg, repo, 'v1', [
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64', variant: 'v8' },
    ]);
    const ref = `${reg.host}/${repo}:v1`;
    const attached = await attachSpec(ref, spec('multi'), dir);
    expect(attached).toHaveLength(2);
    const arm = await specFromImage({
      image: ref,
      platform: 'linux/arm64',
      requireSignature: false,
      plainHttp: true,
    });
    expect(arm.platform).toBe('linux/arm64/v8');
    expect(arm.artifact).toBe(
      attached.find((a) => a.platform?.startsWith('linux/arm64'))!.artifactDescriptor.digest,
    );

    // Only amd64 signed: verify fails naming arm64; then arm64 too: passes.
    await signAttached(
      attached.find((a) => a.platform === 'linux/amd64')!,
      KEY,
    );
    const partial = await verify({ image: ref, policy: keyPolicy(), plainHttp: true });
    expect(partial.verified).toBe(false);
    expect(partial.platforms.map((p) => [p.platform, p.verified])).toEqual([
      ['linux/amd64', true],
      ['linux/arm64/v8', false],
    ]);
    expect(partial.platforms[1]!.error).toMatch(/unsigned/);
    expect(
      (await verify({ image: ref, platform: 'linux/amd64', policy: keyPolicy(), plainHttp: true })).verified,
    ).toBe(true);
    await signAttached(
      attached.find((a) => a.platform?.startsWith('linux/arm64'))!,
      KEY,
    );
    expect((await verify({ image: ref, policy: keyPolicy(), plainHttp: true })).verified).toBe(true);
    expect(idx.attestation.digest).not.toBe(idx.platforms[0]!.digest);
  });

  it('verify: exit 3 for an image with no artifact at all; InputError without a policy', async () => {
    const ref = await image();
    await expect(verify({ image: ref, policy: keyPolicy(), plainHttp: true })).rejects.toThrow(RegistryError);
    await expect(verify({ image: ref, plainHttp: true })).rejects.toThrow(/needs a policy/);
  });
});
