// Each of the five actions runs under GitHub's @github/local-action (7), the way an action author
// debugs one: `npx local-action <action folder> <main module> <dotenv>`. It imports the action's
// main module from source (src/action/main/<name>.ts), calls its exported run() with no
// arguments, and passes the action.yml defaults literally (`${{ github.token }}` included, which
// the inputs reader counts as unset). Publish talks to a docker-registry behind htpasswd.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pushTestIndex, startRegistry, type TestRegistry } from '../helpers/registry.js';

const ROOT = process.cwd();
const AUTH = { username: 'ci', password: 'local-action-pw' };
const dir = mkdtempSync(path.join(tmpdir(), 'ic-local-action-'));
let reg: TestRegistry;
let n = 0;

beforeAll(async () => {
  reg = await startRegistry({ auth: AUTH });
  await pushTestIndex(reg, 'la/app', 'v1', [
    { os: 'linux', architecture: 'amd64' },
    { os: 'linux', architecture: 'arm64' },
  ]);
}, 60_000);
afterAll(async () => {
  await reg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface LocalRun {
  code: number | null;
  stdout: string;
  outputs: Record<string, string>;
  errors: string[];
  runnerTemp: string;
}

/** Runs `npx local-action` on an action folder with its main module and a dotenv of inputs. */
function localAction(folder: string, name: string, inputs: Record<string, string>): Promise<LocalRun> {
  const runnerTemp = path.join(dir, `rt-${n++}`);
  mkdirSync(runnerTemp, { recursive: true });
  const summary = path.join(runnerTemp, 'summary.md');
  writeFileSync(summary, '');
  const lines = [
    ...Object.entries(inputs).map(([k, v]) => `INPUT_${k.toUpperCase()}=${JSON.stringify(v)}`),
    `RUNNER_TEMP=${runnerTemp}`,
    `GITHUB_STEP_SUMMARY=${summary}`,
    `DOCKER_CONFIG=${runnerTemp}`,
    'IMAGE_COMPAT_SETTLE_MS=20',
  ];
  const dotenv = path.join(runnerTemp, '.env');
  writeFileSync(dotenv, `${lines.join('\n')}\n`);
  const main = path.relative(path.join(ROOT, folder), path.join(ROOT, 'src/action/main', `${name}.ts`));
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!/^(INPUT_|GITHUB_|RUNNER_|ACTIONS_)/.test(k)) env[k] = v;
  delete env.NODE_OPTIONS; // Jest's --experimental-vm-modules is not for local-action's tsx
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['local-action', folder, main, dotenv], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const outputs: Record<string, string> = {};
      for (const m of stdout.matchAll(/^::set-output name=([^:]+)::(.*)$/gm)) outputs[m[1]!] = m[2]!;
      const errors = [...stdout.matchAll(/^::error(?: .*?)?::(.*)$/gm)].map((m) => m[1]!);
      resolve({ code, stdout, outputs, errors, runnerTemp });
    });
  });
}

const H100 = path.resolve('test/fixtures/features/snapshots/h100-server.json');
const CONFIG = 'test/fixtures/commands/publish-config.yaml';

describe('@github/local-action runs each action from source', () => {
  let report: string;
  let features: string;

  it('validate', async () => {
    const r = await localAction('validate', 'validate', {
      spec: 'examples/specs/gpu.yaml',
      features: H100,
      strict: 'true', // the example spec has no finding: strict passes it as it is
    });
    expect(r.errors).toEqual([]);
    expect(r.stdout).toContain('Running Action');
    expect(['true', 'false']).toContain(r.outputs.compatible);
    expect(r.outputs.report).toBe(path.join(r.runnerTemp, 'image-compat', 'report.json'));
    report = r.outputs.report!;
    features = r.outputs.features!;
  }, 180_000);

  it('report', async () => {
    const reports = path.join(dir, 'reports', 'one');
    mkdirSync(reports, { recursive: true });
    copyFileSync(report, path.join(reports, 'report.json'));
    copyFileSync(features, path.join(reports, 'features.json'));
    const fleet = path.join(dir, 'fleet');
    const r = await localAction('report', 'report', {
      path: path.dirname(reports),
      'fail-on-incompatible': 'false',
      'fleet-out': fleet,
    });
    expect(r.errors).toEqual([]);
    expect(['true', 'false']).toContain(r.outputs.compatible);
    expect(r.outputs.summary).toMatch(/\.md$/);
    expect(r.outputs.fleet).toBe(fleet);
    expect(readdirSync(fleet)).toHaveLength(1);
  }, 180_000);

  it('plan', async () => {
    const r = await localAction('plan', 'plan', { config: CONFIG });
    expect(r.errors).toEqual([]);
    const matrix = JSON.parse(r.outputs.matrix!) as Array<{ name: string; 'runs-on': unknown }>;
    expect(matrix.length).toBeGreaterThan(0);
    expect(matrix[0]).toHaveProperty('name');
    expect(matrix[0]).toHaveProperty('runs-on');
  }, 180_000);

  it('select, against a registry with htpasswd: the manifest this snapshot runs', async () => {
    const r = await localAction('select', 'select', {
      image: `${reg.host}/la/app:v1`,
      features: H100,
      'plain-http': 'true',
      ...AUTH,
    });
    expect(r.errors).toEqual([]);
    expect(r.outputs.image).toMatch(new RegExp(`^${reg.host}/la/app@sha256:[0-9a-f]{64}$`));
  }, 180_000);

  it('check', async () => {
    const r = await localAction('check', 'check', { config: CONFIG, 'base-config': CONFIG, files: CONFIG });
    expect(r.errors).toEqual([]);
    expect(JSON.parse(r.outputs.changes!)).toEqual([]);
  }, 180_000);

  it('publish, against a registry with htpasswd; the literal ${{ github.token }} default is unset', async () => {
    const r = await localAction('.', 'publish', {
      image: `${reg.host}/la/app:v1`,
      config: CONFIG,
      sign: 'none',
      'plain-http': 'true',
      ...AUTH,
    });
    expect(r.errors).toEqual([]);
    const artifacts = JSON.parse(r.outputs.artifacts!) as Array<{ platform: string }>;
    expect(artifacts.map((a) => a.platform).sort()).toEqual(['linux/amd64', 'linux/arm64']);
  }, 180_000);

  it('a failure is an error annotation naming the input', async () => {
    const r = await localAction('.', 'publish', {
      image: `${reg.host}/la/app:v1`,
      config: CONFIG,
      sign: 'none',
      'plain-http': 'true',
      password: AUTH.password,
    });
    expect(r.errors.join('\n')).toMatch(/`password` is given without `username`/);
    expect(r.outputs.artifacts).toBeUndefined();
  }, 180_000);
});
