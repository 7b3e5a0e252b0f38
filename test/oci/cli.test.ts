// The built CLI (dist/cli.js, `npm run bundle` first) against real docker-registry processes:
// attach and discover output, 16 concurrent attach processes on one subject, and bad input with
// its exit code, a clear message, and nothing written.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli.js';
import type { TestIndex, TestRegistry } from '../helpers/registry.js';
import {
  freePort,
  pushTestImage,
  pushTestIndex,
  rawManifest,
  rawTags,
  startRegistry,
} from '../helpers/registry.js';

const SPEC = 'test/fixtures/oci/spec.yaml';
let dockerConfig: string;
const env = (extra: NodeJS.ProcessEnv = {}) => ({
  DOCKER_CONFIG: dockerConfig,
  ...extra,
});

beforeAll(async () => {
  dockerConfig = await mkdtemp(path.join(os.tmpdir(), 'ic-cli-docker-'));
});

describe('attach and discover (CLI)', () => {
  let reg: TestRegistry;
  let index: TestIndex;

  beforeAll(async () => {
    reg = await startRegistry();
    await pushTestImage(reg, 'cli/single', 'v1', { os: 'linux', architecture: 'arm64', variant: 'v8' });
    index = await pushTestIndex(reg, 'cli/multi', 'v1', [
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64' },
    ]);
  });
  afterAll(async () => reg?.stop());

  it('attaches to each platform of an index and prints JSON', async () => {
    const r = await runCli(
      ['attach', '--image', `${reg.host}/cli/multi:v1`, '--spec', SPEC, '--plain-http', '--output', 'json'],
      { env: env() },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Array<{
      platform: string;
      subject: { digest: string };
      artifact: { digest: string; artifactType: string };
    }>;
    expect(out.map((a) => a.platform).sort()).toEqual(['linux/amd64', 'linux/arm64']);
    expect(out.map((a) => a.subject.digest).sort()).toEqual(index.platforms.map((p) => p.digest).sort());
    expect(
      out.every((a) => a.artifact.artifactType === 'application/vnd.nfd.image-compatibility.v1alpha1'),
    ).toBe(true);

    const d = await runCli(
      [
        'discover',
        '--image',
        `${reg.host}/cli/multi:v1`,
        '--platform',
        'linux/arm64',
        '--plain-http',
        '--output',
        'json',
      ],
      { env: env() },
    );
    expect(d.code).toBe(0);
    const listed = JSON.parse(d.stdout) as { platform: string; artifacts: Array<{ digest: string }> };
    expect(listed.platform).toBe('linux/arm64');
    expect(listed.artifacts.map((a) => a.digest)).toEqual([
      out.find((a) => a.platform === 'linux/arm64')?.artifact.digest,
    ]);
  });

  it('prints text tables', async () => {
    const a = await runCli(
      ['attach', '--image', `${reg.host}/cli/single:v1`, '--spec', SPEC, '--plain-http'],
      {
        env: env(),
      },
    );
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(new RegExp(`^${reg.host}/cli/single@sha256:[a-f0-9]{64}\\tlinux/arm64/v8\\t`));
    const d = await runCli(['discover', '--image', `${reg.host}/cli/single:v1`, '--plain-http'], {
      env: env(),
    });
    expect(d.code).toBe(0);
    expect(d.stdout).toMatch(
      /^DIGEST +CREATED +SIZE +ATTACHED TO\nsha256:[a-f0-9]{64} +\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ +\d+ +manifest\n$/,
    );
  });

  it('has help for both commands', async () => {
    for (const verb of ['attach', 'discover']) {
      const r = await runCli([verb, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/--image <ref>/);
      expect(r.stdout).toMatch(/--plain-http/);
    }
  });

  it('keeps all 16 referrers when 16 attach processes race on one subject', async () => {
    const subject = await pushTestImage(reg, 'cli/race', 'v1');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ic-race-'));
    const specs = await Promise.all(
      Array.from({ length: 16 }, async (_, i) => {
        const file = path.join(dir, `spec-${i}.yaml`);
        await writeFile(
          file,
          `version: v1alpha1\ncompatibilities:\n- description: writer ${i}\n  rules: []\n`,
        );
        return file;
      }),
    );
    const started = Date.now();
    const results = await Promise.all(
      specs.map((file) =>
        runCli(
          [
            'attach',
            '--image',
            `${reg.host}/cli/race:v1`,
            '--spec',
            file,
            '--plain-http',
            '--output',
            'json',
          ],
          {
            env: env(),
            timeoutMs: 120_000,
          },
        ),
      ),
    );
    const failed = results.filter((r) => r.code !== 0);
    expect(failed.map((r) => r.stderr)).toEqual([]);
    const attached = results.map(
      (r) => (JSON.parse(r.stdout) as Array<{ artifact: { digest: string } }>)[0]?.artifact.digest,
    );
    const idx = JSON.parse(
      (await rawManifest(reg, 'cli/race', `sha256-${subject.digest.slice(7)}`)).body,
    ) as {
      manifests: Array<{ digest: string }>;
    };
    expect(idx.manifests.map((m) => m.digest).sort()).toEqual([...new Set(attached)].sort());
    expect(idx.manifests).toHaveLength(16);
    console.log(`16 concurrent attach processes: ${Date.now() - started} ms`);
  }, 180_000);
});

describe('bad input (CLI): clear errors, exit 2/3, nothing written', () => {
  let reg: TestRegistry;
  let secured: TestRegistry;
  let closedPort: number;

  beforeAll(async () => {
    reg = await startRegistry();
    secured = await startRegistry({ auth: { username: 'bob', password: 'right-pw' } });
    await pushTestImage(reg, 'bad/app', 'v1');
    await pushTestImage(secured, 'bad/app', 'v1');
    closedPort = await freePort();
  });
  afterAll(async () => {
    await reg?.stop();
    await secured?.stop();
  });

  const cases: Array<[string, () => string[], number, RegExp, NodeJS.ProcessEnv?]> = [
    [
      'an uppercase repository',
      () => ['--image', `${reg.host}/Bad/app:v1`],
      2,
      /repository component "Bad" must be lowercase/,
    ],
    ['a bad digest', () => ['--image', `${reg.host}/bad/app@sha256:12`], 2, /digest "sha256:12"/],
    ['a scheme in the reference', () => ['--image', `http://${reg.host}/bad/app`], 2, /leave out the scheme/],
    [
      'a bad platform',
      () => ['--image', `${reg.host}/bad/app:v1`, '--platform', 'linux'],
      2,
      /invalid platform "linux"/,
    ],
    [
      'a platform the image is not for',
      () => ['--image', `${reg.host}/bad/app:v1`, '--platform', 'linux/arm64'],
      3,
      /is for linux\/amd64, not linux\/arm64/,
    ],
    [
      'a missing tag',
      () => ['--image', `${reg.host}/bad/app:nope`],
      3,
      /not found: GET http:\/\/.*manifests\/nope: 404 Not Found: MANIFEST_UNKNOWN/,
    ],
    [
      'a closed port',
      () => ['--image', `127.0.0.1:${closedPort}/bad/app:v1`],
      3,
      /cannot reach registry 127\.0\.0\.1:\d+: GET http:.*ECONNREFUSED.*nothing listens/,
    ],
    [
      'an unresolvable host',
      () => ['--image', 'registry.invalid/bad/app:v1'],
      3,
      /cannot reach registry registry\.invalid: .*ENOTFOUND.*does not resolve/,
    ],
    [
      'wrong credentials',
      () => ['--image', `${secured.host}/bad/app:v1`],
      3,
      /401 Unauthorized: UNAUTHORIZED.*credentials for 127\.0\.0\.1:\d+ were refused/,
      { wrong: '1' },
    ],
    [
      'no credentials',
      () => ['--image', `${secured.host}/bad/app:v1`],
      3,
      /401 Unauthorized.*no credentials for/,
    ],
    [
      'a bad settle delay',
      () => ['--image', `${reg.host}/bad/app:v1`],
      2,
      /IMAGE_COMPAT_SETTLE_MS must be milliseconds/,
      { IMAGE_COMPAT_SETTLE_MS: 'soon' },
    ],
  ];

  // A rest parameter: Jest would take a fifth named parameter for a `done` callback.
  it.each(cases)('attach and discover with %s', async (...row) => {
    const [, args, code, message, extra] = row;
    let config = dockerConfig;
    if (extra?.wrong) {
      config = await mkdtemp(path.join(os.tmpdir(), 'ic-wrong-'));
      const auth = Buffer.from('bob:wrong-pw').toString('base64');
      await writeFile(
        path.join(config, 'config.json'),
        JSON.stringify({ auths: { [secured.host]: { auth } } }),
      );
    }
    const e = {
      ...env({ DOCKER_CONFIG: config }),
      ...(extra?.IMAGE_COMPAT_SETTLE_MS && { IMAGE_COMPAT_SETTLE_MS: extra.IMAGE_COMPAT_SETTLE_MS }),
    };
    const before = [await rawTags(reg, 'bad/app'), await rawTags(secured, 'bad/app')];
    const a = await runCli(['attach', ...args(), '--spec', SPEC, '--plain-http'], { env: e });
    expect(a.stderr).toMatch(message);
    expect(a.stderr).not.toMatch(/wrong-pw|right-pw/);
    expect(a.code).toBe(code);
    expect(a.stdout).toBe('');
    if (!extra?.IMAGE_COMPAT_SETTLE_MS) {
      const d = await runCli(['discover', ...args(), '--plain-http'], { env: e });
      expect(d.stderr).toMatch(message);
      expect(d.code).toBe(code);
    }
    expect([await rawTags(reg, 'bad/app'), await rawTags(secured, 'bad/app')]).toEqual(before);
  });

  it.each([
    [
      'test/fixtures/oci/wrong-version.yaml',
      /wrong-version\.yaml:1:10: version: must be "v1alpha1"; got "v1beta9"/,
    ],
    ['test/fixtures/oci/broken.yaml', /broken\.yaml:\d+:\d+: Flow sequence in block collection/],
    ['test/fixtures/oci/no-such.yaml', /no-such\.yaml: cannot read: no such file/],
  ])('attach refuses the invalid spec %s and pushes nothing', async (spec, message) => {
    const before = await rawTags(reg, 'bad/app');
    const blobsBefore = await rawManifest(reg, 'bad/app', 'v1');
    const r = await runCli(['attach', '--image', `${reg.host}/bad/app:v1`, '--spec', spec, '--plain-http'], {
      env: env(),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(await rawTags(reg, 'bad/app')).toEqual(before);
    expect(await rawManifest(reg, 'bad/app', 'v1')).toEqual(blobsBefore);
    // The spec blob was never uploaded.
    const { sha256 } = await import('../helpers/registry.js');
    const { readFile } = await import('node:fs/promises');
    const bytes = await readFile(spec).catch(() => undefined);
    if (bytes) {
      const head = await fetch(`${reg.url}/v2/bad/app/blobs/${sha256(bytes)}`, { method: 'HEAD' });
      expect(head.status).toBe(404);
    }
  });

  it('without --plain-http, says the registry may speak HTTP', async () => {
    const r = await runCli(['discover', '--image', `${reg.host}/bad/app:v1`], { env: env() });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/cannot reach registry .*GET https:.*use --plain-http/);
  });
});
