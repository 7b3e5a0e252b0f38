// attach in process against real registries: docker-registry (the fallback tag index) and
// go-containerregistry's referrers-API registry. --config gives each platform its own spec;
// --sign pushes a Sigstore bundle after each artifact; every failure leaves the registry untouched.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { attachArtifacts } from '../../src/commands/attach.js';
import { keylessInstance, resolveSigning } from '../../src/commands/signing.js';
import { RegistryError } from '../../src/errors.js';
import { COMPATIBILITY_ARTIFACT_TYPE, fallbackTag, listReferrers } from '../../src/oci/index.js';
import { parseStatement } from '../../src/sign/statement.js';
import { loadPrivateKey } from '../../src/sign/keys.js';
import { parseSpec } from '../../src/spec/index.js';
import { startReferrersRegistry } from '../helpers/referrers-registry.js';
import type { ReferrersRegistry } from '../helpers/referrers-registry.js';
import type { TestIndex, TestRegistry } from '../helpers/registry.js';
import { pushTestIndex, rawTags, startRegistry } from '../helpers/registry.js';
import {
  bundlesOf,
  COSIGN_PASSWORD,
  FIX,
  publicKey,
  repoOf,
  SIGN_FIX,
  verifyPushed,
} from './attach-helpers.js';

const CONFIG = `${FIX}/attach-config.yaml`;
const SETTLE = 20;
const PLATFORMS = [
  { os: 'linux', architecture: 'amd64' },
  { os: 'linux', architecture: 'arm64', variant: 'v8' },
];
const pemKey = () => ({
  kind: 'key' as const,
  key: loadPrivateKey(readFileSync(`${SIGN_FIX}/ec-pkcs8.pem`, 'utf8')),
});

type Kind = 'fallback' | 'api';
const registries: Array<[Kind]> = [['fallback'], ['api']];

describe.each(registries)('attach --config (%s)', (kind) => {
  let reg: TestRegistry | ReferrersRegistry;
  let n = 0;
  /** A fresh multi-platform index (amd64, arm64/v8 and an attestation) per test. */
  async function freshIndex(): Promise<{ image: string; index: TestIndex; repo: string }> {
    const repo = `attach/app${n++}`;
    const index = await pushTestIndex(reg as TestRegistry, repo, 'v1', PLATFORMS);
    return { image: `${reg.host}/${repo}:v1`, index, repo };
  }
  beforeAll(async () => {
    reg = kind === 'fallback' ? await startRegistry() : await startReferrersRegistry();
  });
  afterAll(async () => reg?.stop());

  it('compiles one spec per platform and attaches each to its manifest', async () => {
    const { image, index } = await freshIndex();
    const out = await attachArtifacts({ image, configFile: CONFIG, plainHttp: true, settleMs: SETTLE });
    expect(out.artifacts.map((a) => [a.platform, a.referrers])).toEqual([
      ['linux/amd64', kind],
      ['linux/arm64/v8', kind],
    ]);
    const [amd, arm] = out.artifacts;
    expect(amd!.subjectDescriptor.digest).toBe(index.platforms[0]!.digest);
    expect(arm!.subjectDescriptor.digest).toBe(index.platforms[1]!.digest);
    // The amd64-only set is in amd64's spec, not in arm64's.
    expect(amd!.spec.compatibilities.map((c) => c.tag)).toEqual(['amd64-gpu', 'vfio']);
    expect(arm!.spec.compatibilities.map((c) => c.tag)).toEqual(['vfio']);
    expect(out.notes.join('\n')).toMatch(/amd64-gpu\/gpu-count' uses gpu.count/);
    expect(out.skipped).toEqual([]);

    // What the registry holds is each platform's own spec.
    const repo = repoOf(image);
    for (const a of out.artifacts) {
      const listed = await listReferrers(repo, a.subjectDescriptor.digest, {
        artifactType: COMPATIBILITY_ARTIFACT_TYPE,
      });
      expect(listed.map((d) => d.digest)).toEqual([a.artifactDescriptor.digest]);
      const manifest = JSON.parse(
        (await repo.getManifest(a.artifactDescriptor.digest))!.bytes.toString(),
      ) as {
        layers: Array<{
          digest: string;
          size: number;
          mediaType: string;
          annotations: Record<string, string>;
        }>;
      };
      const spec = await repo.fetchBlob(manifest.layers[0]!, 1 << 20);
      expect(spec.equals(a.specBytes)).toBe(true);
      expect(parseSpec(spec.toString(), 'pushed')).toEqual(a.spec);
      expect(manifest.layers[0]!.annotations['org.opencontainers.image.title']).toBe(
        a.platform === 'linux/amd64' ? 'linux-amd64.yaml' : 'linux-arm64-v8.yaml',
      );
    }
    // The attestation manifest got nothing.
    const attested = await listReferrers(repo, index.attestation.digest);
    expect(attested).toEqual([]);
  });

  it('--platform attaches only that platform’s spec', async () => {
    const { image } = await freshIndex();
    const out = await attachArtifacts({
      image,
      configFile: CONFIG,
      platform: 'linux/arm64',
      plainHttp: true,
      settleMs: SETTLE,
    });
    expect(out.artifacts.map((a) => a.platform)).toEqual(['linux/arm64/v8']);
    expect(out.notes).toEqual([]);
  });

  it('--sign with a PEM key pushes a bundle after each artifact that verifies', async () => {
    const { image } = await freshIndex();
    const out = await attachArtifacts({
      image,
      configFile: CONFIG,
      plainHttp: true,
      settleMs: SETTLE,
      sign: pemKey(),
      env: { GITHUB_REPOSITORY: 'acme/app', GITHUB_SHA: 'abc123' },
    });
    const repo = repoOf(image);
    for (const a of out.artifacts) {
      expect(a.signatureDescriptor?.artifactType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
      const bundles = await bundlesOf(repo, a.artifactDescriptor.digest);
      expect(bundles.map((b) => b.digest)).toEqual([a.signatureDescriptor!.digest]);
      const { result, predicate } = await verifyPushed(repo, {
        signature: a.signatureDescriptor!.digest,
        artifact: a.artifactDescriptor.digest,
        subject: a.subjectDescriptor.digest,
        specBytes: a.specBytes,
        policy: { key: publicKey('ec-pub.pem') },
      });
      expect(result.ok).toBe(true);
      expect(predicate).toEqual({ ok: true });
      if (result.ok) {
        expect(result.statement.predicate).toMatchObject({
          image: { digest: a.subjectDescriptor.digest },
          source: { repository: 'https://github.com/acme/app', commit: 'abc123' },
        });
      }
      // Another key does not verify it.
      const other = await verifyPushed(repo, {
        signature: a.signatureDescriptor!.digest,
        artifact: a.artifactDescriptor.digest,
        subject: a.subjectDescriptor.digest,
        specBytes: a.specBytes,
        policy: { key: publicKey('other-pub.pem') },
      });
      expect(other.result.ok).toBe(false);
    }
  });

  it('--sign with the cosign key (COSIGN_PASSWORD) verifies with cosign.pub', async () => {
    const { image } = await freshIndex();
    const sign = await resolveSigning({ keyFile: `${SIGN_FIX}/cosign.key` }, { COSIGN_PASSWORD });
    const out = await attachArtifacts({
      image,
      specFile: `test/fixtures/oci/spec.yaml`,
      plainHttp: true,
      settleMs: SETTLE,
      sign,
    });
    expect(out.artifacts).toHaveLength(2);
    const repo = repoOf(image);
    for (const a of out.artifacts) {
      const { result } = await verifyPushed(repo, {
        signature: a.signatureDescriptor!.digest,
        artifact: a.artifactDescriptor.digest,
        subject: a.subjectDescriptor.digest,
        specBytes: a.specBytes,
        policy: { key: publicKey('cosign.pub') },
      });
      expect(result.ok).toBe(true);
      if (result.ok)
        expect(parseStatement(Buffer.from(JSON.stringify(result.statement))).subject[0]?.name).toBe(
          `${reg.host}/${image.split('/').slice(1).join('/').replace(/:v1$/, '')}`,
        );
    }
  });

  it('--dry-run builds and signs but pushes nothing', async () => {
    const { image, index, repo: name } = await freshIndex();
    const out = await attachArtifacts({
      image,
      configFile: CONFIG,
      plainHttp: true,
      dryRun: true,
      sign: pemKey(),
    });
    expect(out.artifacts.map((a) => a.referrers)).toEqual([null, null]);
    expect(out.artifacts.every((a) => a.signatureDescriptor !== undefined)).toBe(true);
    await expectNothingPushed(name, index);
  });

  it.each([
    [
      'an invalid config',
      { configFile: `${FIX}/attach-invalid.yaml` },
      /attach-invalid.yaml:5:7: .*unknown field "kernal"/,
    ],
    [
      'a platform whose set does not compile',
      { configFile: `${FIX}/attach-bad-rule.yaml` },
      /attach-bad-rule.yaml:14:25: .*op In needs at least one value/,
    ],
    [
      'a spec that is not one',
      { specFile: 'test/fixtures/oci/wrong-version.yaml' },
      /wrong-version.yaml:\d+:\d+: version/,
    ],
  ])('pushes nothing for %s', async (_name, input, message) => {
    const { image, index, repo } = await freshIndex();
    await expect(attachArtifacts({ image, ...input, plainHttp: true, settleMs: SETTLE })).rejects.toThrow(
      message,
    );
    await expectNothingPushed(repo, index);
  });

  it('pushes nothing when signing fails (OIDC and Fulcio down): a network error naming the URL', async () => {
    const { image, index, repo } = await freshIndex();
    const sign = await resolveSigning(
      {},
      {
        ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/token',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't',
        IMAGE_COMPAT_FULCIO_URL: 'http://127.0.0.1:9',
        IMAGE_COMPAT_REKOR_URL: 'http://127.0.0.1:9',
      },
    );
    const p = attachArtifacts({ image, configFile: CONFIG, plainHttp: true, settleMs: SETTLE, sign });
    await expect(p).rejects.toThrow(RegistryError);
    await expect(p).rejects.toThrow(
      /cannot reach the GitHub Actions OIDC token endpoint at http:\/\/127\.0\.0\.1:9\/token/,
    );
    await expectNothingPushed(repo, index);
  });

  async function expectNothingPushed(name: string, index: TestIndex): Promise<void> {
    const repo = repoOf(`${reg.host}/${name}:v1`);
    for (const p of index.platforms) expect(await listReferrers(repo, p.digest)).toEqual([]);
    if (kind === 'fallback') {
      // No fallback index (`sha256-<64 hex>`) was written for any manifest.
      const tags = await rawTags(reg as TestRegistry, name);
      expect(tags.filter((t) => /^sha256-[a-f0-9]{64}$/.test(t))).toEqual([]);
      expect(tags).not.toContain(fallbackTag(index.platforms[0]!.digest));
    }
  }
});

describe('resolveSigning', () => {
  it.each([
    [
      { keyFile: `${SIGN_FIX}/cosign.key` },
      { COSIGN_PASSWORD: 'wrong' },
      /cannot decrypt the cosign key: wrong password/,
    ],
    [{ keyFile: `${SIGN_FIX}/nope.pem` }, {}, /nope.pem: cannot read the key: no such file/],
    [{ keyEnv: 'KEY' }, {}, /`signing-key-env` KEY: the variable is not set/],
    [{ keyFile: `${SIGN_FIX}/ed25519.pem` }, {}, /ECDSA P-256 key is required/],
    [{}, {}, /signing needs `signing-key`, `signing-key-env`, or a GitHub Actions OIDC token/],
    [{ keylessOnly: true }, {}, /keyless signing needs a GitHub Actions OIDC token/],
  ])('%j with %j fails: %s', async (req, env, message) => {
    await expect(resolveSigning(req, env)).rejects.toThrow(message);
  });

  it('reads a key from an environment variable', async () => {
    const how = await resolveSigning(
      { keyEnv: 'KEY' },
      { KEY: readFileSync(`${SIGN_FIX}/ec-sec1.pem`, 'utf8') },
    );
    expect(how.kind).toBe('key');
  });
});

describe('keylessInstance', () => {
  const withEvent = async (event: unknown): Promise<string> => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const dir = await mkdtemp(`${(await import('node:os')).tmpdir()}/ic-event-`);
    await writeFile(`${dir}/event.json`, JSON.stringify(event));
    return `${dir}/event.json`;
  };
  it.each([
    [
      { repository: { visibility: 'public' } },
      {},
      { fulcioURL: 'https://fulcio.sigstore.dev', rekorURL: 'https://rekor.sigstore.dev' },
    ],
    [
      { repository: { visibility: 'private' } },
      {},
      { fulcioURL: 'https://fulcio.githubapp.com', tsaURL: 'https://timestamp.githubapp.com' },
    ],
    [{}, {}, { fulcioURL: 'https://fulcio.githubapp.com', tsaURL: 'https://timestamp.githubapp.com' }],
    [
      { repository: { visibility: 'public' } },
      { IMAGE_COMPAT_FULCIO_URL: 'http://f', IMAGE_COMPAT_REKOR_URL: 'http://r' },
      { fulcioURL: 'http://f', rekorURL: 'http://r' },
    ],
    [
      { repository: { visibility: 'private' } },
      { IMAGE_COMPAT_TSA_URL: 'http://t' },
      { fulcioURL: 'https://fulcio.githubapp.com', tsaURL: 'http://t' },
    ],
  ])('%j with %j -> %j', async (event, env, instance) => {
    expect(await keylessInstance({ GITHUB_EVENT_PATH: await withEvent(event), ...env })).toEqual(instance);
  });
});
