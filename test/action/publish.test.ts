// The publish action: signingFor (the sign input's modes) and run(inputs) in process, then the
// bundle (dist/index.js, `npm run bundle` first) as the runner runs it against a real
// docker-registry: outputs, job summary, lint annotations, masking, keyless, dry run, failures.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run, signingFor, type PublishedArtifact } from '../../src/action/run/publish.js';
import type { PublishInputs } from '../../src/action/runtime.js';
import { InputError } from '../../src/errors.js';
import { parseSpec } from '../../src/spec/index.js';
import { bundlesOf, COSIGN_PASSWORD, publicKey, repoOf, verifyPushed } from '../commands/attach-helpers.js';
import { runAction } from '../helpers/action.js';
import type { TestRegistry } from '../helpers/registry.js';
import { pushTestIndex, rawTags, startRegistry } from '../helpers/registry.js';
import { identityToken, startSigstoreMock, type SigstoreMock } from '../sign/sigstore-mock.js';

const CONFIG = 'test/fixtures/commands/publish-config.yaml';
const PEM = readFileSync('test/fixtures/sign/ec-pkcs8.pem', 'utf8');
const COSIGN_KEY = readFileSync('test/fixtures/sign/cosign.key', 'utf8');
const ISSUER = 'https://token.actions.githubusercontent.com';
const WORKFLOW = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';

let reg: TestRegistry;
let secured: TestRegistry;
let tmp: string;
let n = 0;
const AUTH = { username: 'ci', password: 'registry-secret-pw' };

async function freshIndex(r: TestRegistry = reg): Promise<{ image: string; name: string; digest: string }> {
  const name = `publish/app${n++}`;
  const pushed = await pushTestIndex(r, name, 'v1', [
    { os: 'linux', architecture: 'amd64' },
    { os: 'linux', architecture: 'arm64' },
  ]);
  return { image: `${r.host}/${name}:v1`, name, digest: pushed.index.digest };
}
const fallbackTags = async (name: string, r = reg) =>
  (await rawTags(r, name)).filter((t) => /^sha256-[a-f0-9]{64}$/.test(t));

const savedSettle = process.env.IMAGE_COMPAT_SETTLE_MS;
beforeAll(async () => {
  process.env.IMAGE_COMPAT_SETTLE_MS = '20'; // run(inputs) in process reads it
  [reg, secured] = await Promise.all([startRegistry(), startRegistry({ auth: AUTH })]);
  tmp = await mkdtemp(path.join(tmpdir(), 'ic-publish-'));
});
afterAll(async () => {
  if (savedSettle === undefined) delete process.env.IMAGE_COMPAT_SETTLE_MS;
  else process.env.IMAGE_COMPAT_SETTLE_MS = savedSettle;
  await Promise.all([reg?.stop(), secured?.stop()]);
  await rm(tmp, { recursive: true, force: true });
});

const inputs = (over: Partial<PublishInputs>): PublishInputs => ({
  image: 'unused',
  config: CONFIG,
  platforms: [],
  sign: 'auto',
  registry: { plainHttp: true },
  dryRun: false,
  oidc: false,
  outputDir: path.join(tmp, `out${n++}`),
  ...over,
});

describe('signingFor (the sign input)', () => {
  const oidcEnv = {
    ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/t',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't',
  };
  it.each([
    ['auto, nothing', { sign: 'auto' }, {}, 'none', /publishing unsigned/],
    ['auto, a key', { sign: 'auto', signingKey: PEM }, {}, 'key', undefined],
    ['auto, OIDC and a key', { sign: 'auto', signingKey: PEM, oidc: true }, oidcEnv, 'keyless', undefined],
    [
      'true, a cosign key and its password',
      { sign: 'true', signingKey: COSIGN_KEY, signingKeyPassword: COSIGN_PASSWORD },
      {},
      'key',
      undefined,
    ],
    ['true, OIDC', { sign: 'true', oidc: true }, oidcEnv, 'keyless', undefined],
    ['false, a key', { sign: 'false', signingKey: PEM }, {}, 'none', undefined],
    ['none, OIDC', { sign: 'none', oidc: true }, oidcEnv, 'none', undefined],
    [
      'keyless, OIDC and a key',
      { sign: 'keyless', signingKey: PEM, oidc: true },
      oidcEnv,
      'keyless',
      undefined,
    ],
  ] as const)('%s -> %s', async (_name, over, env, kind, warning) => {
    const got = await signingFor(inputs(over as Partial<PublishInputs>), env);
    expect(got.sign?.kind ?? 'none').toBe(kind);
    if (warning) expect(got.warning).toMatch(warning);
    else expect(got.warning).toBeUndefined();
  });

  it.each([
    [
      'true without OIDC or key',
      { sign: 'true' },
      /input "sign": is true, but there is neither an OIDC token/,
    ],
    ['key without a key', { sign: 'key' }, /input "signing-key": required when sign is "key"/],
    ['keyless without OIDC', { sign: 'keyless' }, /keyless signing needs a GitHub Actions OIDC token/],
    [
      'a cosign key with a wrong password',
      { sign: 'key', signingKey: COSIGN_KEY, signingKeyPassword: 'nope' },
      /wrong password/,
    ],
  ] as const)('%s fails', async (_name, over, message) => {
    const p = signingFor(inputs(over as Partial<PublishInputs>), {});
    await expect(p).rejects.toThrow(InputError);
    await expect(p).rejects.toThrow(message);
  });
});

describe('publish run(inputs)', () => {
  it('attaches per platform, writes each spec, lints the config', async () => {
    const { image } = await freshIndex();
    const out = await run(inputs({ image, signingKey: PEM }));
    expect(out.signing).toBe('key');
    expect(out.artifacts.map((a) => a.platform)).toEqual(['linux/amd64', 'linux/arm64']);
    expect(Object.keys(out.specs)).toEqual(['linux/amd64', 'linux/arm64']);
    const arm = parseSpec(await readFile(out.specs['linux/arm64']!, 'utf8'), 'arm');
    expect(arm.compatibilities.map((c) => c.tag)).toEqual(['vfio', 'wide']);
    expect(out.lint.map((d) => [d.severity, d.position.line])).toEqual([['warning', 17]]);
    expect(out.artifacts.every((a) => a.signature?.includes('@sha256:'))).toBe(true);
  });

  it('platforms limits the manifests', async () => {
    const { image } = await freshIndex();
    const out = await run(inputs({ image, platforms: ['linux/arm64'], sign: 'none' }));
    expect(out.artifacts.map((a) => [a.platform, a.signature])).toEqual([['linux/arm64', null]]);
  });
});

describe('publish action bundle (dist/index.js)', () => {
  it('publishes signed artifacts: outputs, summary, lint annotation, the key masked', async () => {
    const { image } = await freshIndex();
    const r = await runAction('index', {
      inputs: {
        image,
        config: CONFIG,
        'plain-http': 'true',
        'signing-key': COSIGN_KEY,
        'signing-key-password': COSIGN_PASSWORD,
      },
      env: { IMAGE_COMPAT_SETTLE_MS: '20' },
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const artifacts = JSON.parse(r.outputs.artifacts!) as PublishedArtifact[];
    expect(artifacts.map((a) => a.platform)).toEqual(['linux/amd64', 'linux/arm64']);
    const specs = JSON.parse(r.outputs.specs!) as Record<string, string>;
    expect(specs['linux/amd64']).toBe(path.join(r.runnerTemp, 'image-compat', 'specs', 'linux-amd64.yaml'));
    // Each artifact's signature verifies with cosign.pub.
    const repo = repoOf(image);
    for (const a of artifacts) {
      const artifact = a.artifact.split('@')[1]!;
      const signature = a.signature!.split('@')[1]!;
      expect((await bundlesOf(repo, artifact)).map((b) => b.digest)).toEqual([signature]);
      const m = JSON.parse((await repo.getManifest(artifact))!.bytes.toString()) as {
        layers: Array<{ mediaType: string; digest: string; size: number }>;
      };
      const { result, predicate } = await verifyPushed(repo, {
        signature,
        artifact,
        subject: a.subject.split('@')[1]!,
        specBytes: await repo.fetchBlob(m.layers[0]!, 1 << 20),
        policy: { key: publicKey('cosign.pub') },
      });
      expect(result.ok).toBe(true);
      expect(predicate).toEqual({ ok: true });
    }
    // The summary: digests, then each platform's requirements.
    expect(r.summary).toContain('## image-compat publish');
    expect(r.summary).toContain('signed with a key');
    expect(r.summary).toContain(`| linux/amd64 | \`${artifacts[0]!.subject.split('@')[1]}\``);
    expect(r.summary).toMatch(
      /### Requirements for linux\/amd64\n\n\| Set \| Rule \| Feature \| Requirement \|/,
    );
    expect(r.summary).toContain('| amd64-gpu | amd64-gpu/cpu-flags | `cpu.cpuid` | `AVX2 Exists` |');
    expect(r.summary).toContain(
      '| vfio | vfio/kernel-modules | `kernel.enabledmodule` | `name InRegexp ^vfio[-_]pci$` |',
    );
    const armSection = r.summary.slice(
      r.summary.indexOf('### Requirements for linux/arm64'),
      r.summary.indexOf('### Notes'),
    );
    expect(armSection).toContain('| wide |');
    expect(armSection).not.toContain('amd64-gpu');
    expect(r.summary).toMatch(/### Notes\n\n- rule 'amd64-gpu\/gpu-count' uses gpu.count/);
    // The lint warning, at its line.
    expect(r.commands.filter((c) => c.command === 'warning')).toEqual([
      {
        command: 'warning',
        properties: expect.objectContaining({
          file: CONFIG,
          line: '17',
          col: '20',
          title: 'image-compat lint',
        }),
        message: expect.stringMatching(/x86-64-v3 never matches on linux\/arm64/),
      },
    ]);
    // Secrets: masked before anything else, and never printed otherwise.
    const masks = r.commands.filter((c) => c.command === 'add-mask').map((c) => c.message);
    expect(masks).toContain(COSIGN_PASSWORD);
    expect(masks).toContain(COSIGN_KEY.trim()); // the runner trims inputs
    const rest = r.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    expect(rest).not.toContain(COSIGN_PASSWORD);
    expect(rest).not.toContain(COSIGN_KEY.split('\n')[1]);
  });

  it('sign auto with nothing to sign with publishes unsigned, with a warning', async () => {
    const { image } = await freshIndex();
    const r = await runAction('index', {
      inputs: { image, config: CONFIG, 'plain-http': 'true', platforms: 'linux/amd64' },
      env: { IMAGE_COMPAT_SETTLE_MS: '20' },
    });
    expect(r.code).toBe(0);
    const artifacts = JSON.parse(r.outputs.artifacts!) as PublishedArtifact[];
    expect(artifacts.map((a) => [a.platform, a.signature])).toEqual([['linux/amd64', null]]);
    expect(r.commands.some((c) => c.command === 'warning' && /publishing unsigned/.test(c.message))).toBe(
      true,
    );
    expect(r.summary).toContain('Artifacts: unsigned.');
  });

  it('image-name + digest, username/password (masked), dry run: pushes nothing', async () => {
    const { name, digest: indexDigest } = await freshIndex(secured);
    const r = await runAction('index', {
      inputs: {
        'image-name': `${secured.host}/${name}`,
        digest: indexDigest,
        config: CONFIG,
        'plain-http': 'true',
        username: AUTH.username,
        password: AUTH.password,
        'signing-key': PEM,
        'dry-run': 'true',
      },
      env: { IMAGE_COMPAT_SETTLE_MS: '20' },
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const artifacts = JSON.parse(r.outputs.artifacts!) as PublishedArtifact[];
    expect(artifacts).toHaveLength(2);
    expect(artifacts[0]!.subject.startsWith(`${secured.host}/${name}@sha256:`)).toBe(true);
    expect(r.summary).toContain('**Dry run**: nothing was pushed.');
    expect(r.commands.filter((c) => c.command === 'add-mask').map((c) => c.message)).toContain(AUTH.password);
    expect(
      r.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
    ).not.toContain(AUTH.password);
    expect(await fallbackTags(name, secured)).toEqual([]);
  });

  it('a config error fails the step with exit 2, an annotation at its line, and pushes nothing', async () => {
    const { image, name } = await freshIndex();
    const r = await runAction('index', {
      inputs: {
        image,
        config: 'test/fixtures/commands/attach-invalid.yaml',
        'plain-http': 'true',
        'signing-key': PEM,
      },
    });
    expect(r.code).toBe(2);
    const [error] = r.commands.filter((c) => c.command === 'error');
    expect(error?.properties).toMatchObject({
      file: 'test/fixtures/commands/attach-invalid.yaml',
      line: '5',
      col: '7',
    });
    expect(error?.message).toMatch(/unknown field "kernal"/);
    expect(await fallbackTags(name)).toEqual([]);
  });

  describe('keyless (fake GitHub OIDC, Fulcio and Rekor)', () => {
    let mock: SigstoreMock;
    let tokens: Server;
    beforeAll(async () => {
      mock = await startSigstoreMock();
      tokens = createServer((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ value: identityToken({ iss: ISSUER, sub: WORKFLOW }) }));
      });
      await new Promise<void>((ok) => tokens.listen(0, '127.0.0.1', ok));
    });
    afterAll(async () => {
      await mock?.close();
      await new Promise((ok) => tokens?.close(ok));
    });

    it('sign auto signs keyless when the job has an OIDC token', async () => {
      const { image } = await freshIndex();
      const r = await runAction('index', {
        inputs: { image, config: CONFIG, 'plain-http': 'true', platforms: 'linux/arm64' },
        event: { repository: { visibility: 'public' } },
        env: {
          IMAGE_COMPAT_SETTLE_MS: '20',
          ACTIONS_ID_TOKEN_REQUEST_URL: `http://127.0.0.1:${(tokens.address() as AddressInfo).port}/token`,
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token',
          IMAGE_COMPAT_FULCIO_URL: mock.fulcioURL,
          IMAGE_COMPAT_REKOR_URL: mock.rekorURL,
        },
      });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.summary).toContain('signed keyless (Sigstore)');
      const [a] = JSON.parse(r.outputs.artifacts!) as PublishedArtifact[];
      const repo = repoOf(image);
      const m = JSON.parse((await repo.getManifest(a!.artifact.split('@')[1]!))!.bytes.toString()) as {
        layers: Array<{ mediaType: string; digest: string; size: number }>;
      };
      const { result } = await verifyPushed(repo, {
        signature: a!.signature!.split('@')[1]!,
        artifact: a!.artifact.split('@')[1]!,
        subject: a!.subject.split('@')[1]!,
        specBytes: await repo.fetchBlob(m.layers[0]!, 1 << 20),
        policy: {
          certificateIdentity: WORKFLOW,
          certificateOidcIssuer: ISSUER,
          trustedRoot: mock.trustedRoot,
        },
      });
      expect(result.ok).toBe(true);
    });
  });
});
