// `check --base-image`: the baseline is what is published. A real docker-registry holds a
// two-platform image with the base config's specs attached (by the attach command, per platform);
// the head config is compared with them, and an image without artifacts is a registry error (3).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli.js';
import { pushTestIndex, startRegistry, type TestRegistry } from '../helpers/registry.js';
import { config, FLEET, fleetDir } from './repo.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ic-check-registry-'));
const fleet = fleetDir();
const env = { DOCKER_CONFIG: dir, IMAGE_COMPAT_SETTLE_MS: '20' };
let reg: TestRegistry;

beforeAll(async () => {
  reg = await startRegistry();
  const platforms = [
    { os: 'linux', architecture: 'amd64' },
    { os: 'linux', architecture: 'arm64' },
  ];
  await pushTestIndex(reg, 'app', 'v1', platforms);
  await pushTestIndex(reg, 'bare', 'v1', platforms);
  writeFileSync(path.join(dir, 'base.yaml'), config('base'));
  writeFileSync(path.join(dir, 'head.yaml'), config('driver-535'));
  const gen = await runCli(['generate', '--config', 'base.yaml', '--out-dir', 'specs'], { cwd: dir });
  expect(gen.code).toBe(0);
  for (const p of platforms) {
    const a = await runCli(
      [
        'attach',
        '--image',
        `${reg.host}/app:v1`,
        '--platform',
        `${p.os}/${p.architecture}`,
        '--spec',
        `specs/${p.os}-${p.architecture}.yaml`,
        '--plain-http',
      ],
      { cwd: dir, env },
    );
    expect(a.stderr).toBe('');
    expect(a.code).toBe(0);
  }
}, 60_000);

afterAll(async () => {
  await reg?.stop();
  rmSync(dir, { recursive: true, force: true });
  rmSync(fleet, { recursive: true, force: true });
});

describe('check --base-image', () => {
  it('compares the head config with the specs published for each platform', async () => {
    const r = await runCli(
      [
        'check',
        '--config',
        'head.yaml',
        '--base-image',
        `${reg.host}/app:v1`,
        '--plain-http',
        '--fleet',
        fleet,
        '--output',
        'json',
      ],
      { cwd: dir, env },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      baseline: unknown;
      changes: Array<{ platform: string; key: string; change: string }>;
      excluded: string[];
    };
    expect(out.baseline).toEqual({ kind: 'image', source: `${reg.host}/app:v1` });
    // The published arm64 spec equals the head's: only the amd64 driver floor changed.
    expect(out.changes.map((c) => [c.platform, c.key, c.change])).toEqual([
      ['linux/amd64', 'driver_version', 'tightened'],
    ]);
    expect(out.excluded).toEqual([FLEET.a100_525]);
  });

  it('an image with no compatibility artifact is a registry error: exit 3', async () => {
    const r = await runCli(
      ['check', '--config', 'head.yaml', '--base-image', `${reg.host}/bare:v1`, '--plain-http'],
      { cwd: dir, env },
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/has no compatibility artifact/);
  });
});
