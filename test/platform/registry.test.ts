// The platform rules against a real docker-registry and the real oras CLI: an artifact `oras attach`
// puts on the index (NFD's docs) is found and evaluated; the platform manifest's own artifact wins
// over the index's; discover lists both, marked; `--platform` resolves as oras-go's Match; a
// platform this host cannot run is refused (exit 1, the reason on stderr, in the table and the
// report; `--output json` stays NFD's array) through the CLI and the validate action; a failed run
// still writes its report; `report --matrix` fails a planned platform that sent no report.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { discover } from '../../src/commands/discover.js';
import { runValidation } from '../../src/commands/validate-run.js';
import {
  COMPATIBILITY_ARTIFACT_TYPE,
  COMPATIBILITY_SPEC_MEDIA_TYPE,
  fetchNewestCompatibilitySpec,
} from '../../src/oci/index.js';
import { runAction } from '../helpers/action.js';
import { runCli } from '../helpers/cli.js';
import { pushTestIndex, startRegistry, type TestRegistry } from '../helpers/registry.js';
import { attachSpec } from '../helpers/signed-artifact.js';

const ORAS = path.resolve('.tools/bin/oras');
const H100 = path.resolve('examples/hosts/h100-server.json'); // amd64, x86-64-v4
const ARM = path.resolve('examples/hosts/arm-server.json'); // arm64
const exec = promisify(execFile);

const spec = (tag: string) =>
  `version: v1alpha1\ncompatibilities:\n  - tag: ${tag}\n    rules:\n      - name: any\n        matchFeatures:\n          - feature: cpu.model\n            matchExpressions:\n              vendor_id: {op: Exists}\n`;

const dir = mkdtempSync(path.join(os.tmpdir(), 'ic-platform-'));
let reg: TestRegistry;
let n = 0;
const quiet = { note: () => {}, warn: () => {} };

beforeAll(async () => {
  reg = await startRegistry();
});
afterAll(async () => {
  await reg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function orasAttachToIndex(image: string, text: string): Promise<string> {
  const home = await mkdtemp(path.join(os.tmpdir(), 'ic-oras-home-'));
  const work = await mkdtemp(path.join(dir, 'oras-'));
  writeFileSync(path.join(work, 'spec.yaml'), text);
  const { stdout } = await exec(
    ORAS,
    [
      'attach',
      '--plain-http',
      '--artifact-type',
      COMPATIBILITY_ARTIFACT_TYPE,
      image,
      `spec.yaml:${COMPATIBILITY_SPEC_MEDIA_TYPE}`,
      '--format',
      'json',
    ],
    { cwd: work, env: { ...process.env, HOME: home, DOCKER_CONFIG: home } },
  );
  return (JSON.parse(stdout) as { digest: string }).digest;
}

/** A fresh two-platform index (amd64, arm64), as `docker buildx` pushes it. */
async function twoPlatformImage(): Promise<{
  image: string;
  index: Awaited<ReturnType<typeof pushTestIndex>>;
}> {
  const repo = `multi${++n}`;
  const index = await pushTestIndex(reg, repo, 'v1', [
    { os: 'linux', architecture: 'amd64' },
    { os: 'linux', architecture: 'arm64', variant: 'v8' },
  ]);
  return { image: `${reg.host}/${repo}:v1`, index };
}

describe('artifacts on the index (oras attach, as NFD documents)', () => {
  it('are found and evaluated for every platform; a platform manifest artifact takes precedence', async () => {
    const { image, index } = await twoPlatformImage();
    const onIndex = await orasAttachToIndex(image, spec('from-index'));

    const arm = await runValidation(
      { image, platform: 'linux/arm64', features: ARM, policy: {}, requireSignature: false, plainHttp: true },
      quiet,
    );
    expect(arm.report).toMatchObject({ artifact: onIndex, platform: 'linux/arm64/v8', compatible: true });
    expect(arm.result.sets[0]?.tag).toBe('from-index');
    // check --base-image reads through the same pick.
    const base = await fetchNewestCompatibilitySpec(image, { platform: 'linux/arm64', plainHttp: true });
    expect(base).toMatchObject({ attachedTo: 'index', artifact: { digest: onIndex } });

    // The amd64 manifest gets its own artifact: it wins there; arm64 still reads the index's.
    const [own] = await attachSpec(image, spec('own'), dir, { platform: 'linux/amd64' });
    const amd = await runValidation(
      {
        image,
        platform: 'linux/amd64',
        features: H100,
        policy: {},
        requireSignature: false,
        plainHttp: true,
      },
      quiet,
    );
    expect(amd.report?.artifact).toBe(own!.artifactDescriptor.digest);
    expect(amd.result.sets[0]?.tag).toBe('own');

    const listed = await discover({ image, platform: 'linux/amd64', plainHttp: true });
    expect(listed.index).toBe(`${reg.host}/multi${n}@${index.index.digest}`);
    expect(listed.artifacts.map((a) => [a.digest, a.attachedTo])).toEqual([
      [own!.artifactDescriptor.digest, 'manifest'],
      [onIndex, 'index'],
    ]);
    const cli = await runCli(['discover', '--image', image, '--platform', 'linux/arm64', '--plain-http']);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(new RegExp(`${onIndex}\\s.*index`));
  });
});

describe('the platform is a requirement', () => {
  it('CLI: an x86_64 host is refused the linux/arm64 artifact (exit 1, reason on stderr, in the table and the report)', async () => {
    const { image } = await twoPlatformImage();
    await orasAttachToIndex(image, spec('gpu'));
    const report = path.join(dir, `refused-${n}.json`);
    const r = await runCli([
      'validate',
      '--image',
      image,
      '--platform',
      'linux/arm64',
      '--features',
      H100,
      '--plain-http',
      '--report',
      report,
      '--matrix-id',
      'gpu-linux-arm64',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('host is linux/amd64 (x86-64-v4), image platform is linux/arm64');
    expect(r.stdout).toMatch(/INCOMPATIBLE: host is linux\/amd64/);
    const written = JSON.parse(readFileSync(report, 'utf8')) as Record<string, unknown>;
    expect(written).toMatchObject({
      id: 'gpu-linux-arm64',
      compatible: false,
      platform: 'linux/arm64/v8',
      refusal: expect.stringContaining('image platform is linux/arm64'),
    });

    // JSON output stays NFD's array (the rules matched), and the exit code still says incompatible.
    const json = await runCli([
      'validate',
      '--image',
      image,
      '--platform',
      'linux/arm64',
      '--features',
      H100,
      '--plain-http',
      '--output',
      'json',
    ]);
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout) as unknown[];
    expect(Array.isArray(parsed)).toBe(true);

    // The same host validates its own platform.
    const own = await runCli([
      'validate',
      '--image',
      image,
      '--platform',
      'linux/amd64',
      '--features',
      H100,
      '--plain-http',
    ]);
    expect(own.code).toBe(0);
  });

  it('this machine without --platform resolves to the first entry it can run', async () => {
    const { image } = await twoPlatformImage();
    await orasAttachToIndex(image, spec('any'));
    const r = await runCli(['validate', '--image', image, '--plain-http', '--output', 'json']);
    // x86_64 machines read linux/amd64 and arm64 ones linux/arm64: never refused for the platform.
    expect(r.stderr).not.toMatch(/image platform is/);
    expect([0, 1]).toContain(r.code);
  });

  it('the validate action refuses linux/arm64 on an amd64 host, and writes an error report on exit 3', async () => {
    const { image } = await twoPlatformImage();
    await orasAttachToIndex(image, spec('gpu'));
    const out = mkdtempSync(path.join(dir, 'rt-'));
    const r = await runAction('validate', {
      inputs: {
        image,
        platform: 'linux/arm64',
        'matrix-id': 'gpu-linux-arm64',
        features: H100,
        'plain-http': 'true',
      },
      env: { RUNNER_TEMP: out },
    });
    expect(r.code).toBe(1);
    expect(r.outputs.compatible).toBe('false');
    const report = JSON.parse(readFileSync(r.outputs.report!, 'utf8')) as Record<string, unknown>;
    expect(report).toMatchObject({
      id: 'gpu-linux-arm64',
      refusal: expect.stringMatching(/host is linux\/amd64/),
    });

    const missing = await runAction('validate', {
      inputs: {
        image: `${reg.host}/nothing-here:v1`,
        'matrix-id': 'x-linux-amd64',
        features: H100,
        'plain-http': 'true',
        // local runners pass unexpanded expressions literally: unset
        platform: '${{ matrix.platform }}',
      },
      env: { RUNNER_TEMP: mkdtempSync(path.join(dir, 'rt-')) },
    });
    expect(missing.code).toBe(3);
    const err = JSON.parse(readFileSync(missing.outputs.report!, 'utf8')) as Record<string, unknown>;
    expect(err).toMatchObject({ id: 'x-linux-amd64', compatible: false, error: { code: 3 } });
  });
});

describe('plan -> validate -> report --matrix', () => {
  it('a runner map routes each platform; a platform that sent no report fails the verdict', async () => {
    const { image } = await twoPlatformImage();
    await orasAttachToIndex(image, spec('gpu'));
    const config = path.join(dir, `config-${n}.yaml`);
    writeFileSync(
      config,
      [
        'version: 1',
        'platforms: [linux/amd64, linux/arm64]',
        'compatibilities:',
        '  - name: gpu',
        '    runner: {linux/amd64: [self-hosted, X64, gpu], linux/arm64: [self-hosted, ARM64, gpu]}',
        '    rules: []',
        '',
      ].join('\n'),
    );
    const planned = await runCli(['plan', '--config', config]);
    expect(planned.code).toBe(0);
    const matrix = JSON.parse(planned.stdout) as Array<Record<string, unknown>>;
    expect(matrix).toEqual([
      {
        id: 'gpu-linux-amd64',
        name: 'gpu',
        platform: 'linux/amd64',
        weight: 0,
        'runs-on': ['self-hosted', 'X64', 'gpu'],
      },
      {
        id: 'gpu-linux-arm64',
        name: 'gpu',
        platform: 'linux/arm64',
        weight: 0,
        'runs-on': ['self-hosted', 'ARM64', 'gpu'],
      },
    ]);
    const reports = mkdtempSync(path.join(dir, 'reports-'));
    const matrixFile = path.join(dir, `matrix-${n}.json`);
    writeFileSync(matrixFile, planned.stdout);

    // No report at all, with a matrix: a verdict (exit 1), not bad input.
    const none = await runCli(['report', '--dir', reports, '--matrix', matrixFile]);
    expect(none.code).toBe(1);

    const amd = await runCli([
      'validate',
      '--image',
      image,
      '--platform',
      'linux/amd64',
      '--features',
      H100,
      '--plain-http',
      '--compatibility',
      'gpu',
      '--matrix-id',
      'gpu-linux-amd64',
      '--report',
      path.join(reports, 'amd64.json'),
    ]);
    expect(amd.code).toBe(0);
    const merged = await runCli(['report', '--dir', reports, '--matrix', matrixFile]);
    expect(merged.code).toBe(1);
    expect(merged.stdout + merged.stderr).toMatch(/gpu-linux-arm64/);
    // The report action, given the plan's matrix, names the platform that sent no report.
    const action = await runAction('report', { inputs: { path: reports, matrix: planned.stdout } });
    expect(action.code).toBe(1);
    expect(action.outputs.compatible).toBe('false');
    expect(action.summary).toContain('planned job `gpu-linux-arm64` sent no report');

    const arm = await runCli([
      'validate',
      '--image',
      image,
      '--platform',
      'linux/arm64',
      '--features',
      ARM,
      '--plain-http',
      '--compatibility',
      'gpu',
      '--matrix-id',
      'gpu-linux-arm64',
      '--report',
      path.join(reports, 'arm64.json'),
    ]);
    expect(arm.code).toBe(0);
    const full = await runCli(['report', '--dir', reports, '--matrix', matrixFile]);
    expect(full.code).toBe(0);
  });
});
