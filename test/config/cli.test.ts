// generate, lint and plan through the built bundle (run `npm run bundle` first).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseSpec } from '../../src/spec/parse.js';
import { runCli } from '../helpers/cli.js';

const EXAMPLE = path.resolve('examples/config/image-compat.yaml');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'image-compat-config-'));
  mkdirSync(path.join(dir, '.github'));
  writeFileSync(
    path.join(dir, '.github/image-compat.yaml'),
    'version: 1\ncompatibilities:\n  - name: numa\n    runner: [self-hosted, numa]\n    require: {memory: {numa: true}}\n',
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('image-compat generate', () => {
  it('prints one platform spec on stdout and notes on stderr', async () => {
    const r = await runCli(['generate', '--config', EXAMPLE, '--platform', 'linux/amd64']);
    expect(r.code).toBe(0);
    const spec = parseSpec(r.stdout, 'stdout');
    expect(spec.compatibilities.map((c) => c.tag)).toEqual(['h100', 'cpu-fallback']);
    expect(r.stderr).toContain("note: rule 'h100/gpu-device' uses gpu.device");
  });

  it('refuses differing platform specs without --platform or --out-dir (exit 2)', async () => {
    const r = await runCli(['generate', '--config', EXAMPLE]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/specs of the platforms differ \(linux\/amd64, linux\/arm64\).*--out-dir/);
  });

  it('writes one file per platform with --out-dir', async () => {
    const out = path.join(dir, 'specs');
    const r = await runCli(['generate', '--config', EXAMPLE, '--out-dir', out]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['linux-amd64.yaml', 'linux-arm64.yaml']);
    const arm = parseSpec(readFileSync(path.join(out, 'linux-arm64.yaml'), 'utf8'), 'arm');
    expect(arm.compatibilities.map((c) => c.tag)).toEqual(['grace', 'cpu-fallback']);
  });

  it('reads .github/image-compat.yaml by default', async () => {
    const r = await runCli(['generate'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(parseSpec(r.stdout, 'stdout').compatibilities[0]!.rules[0]!.name).toBe('numa/memory-numa');
  });

  it('exits 2 with file:line:column on a bad config', async () => {
    const bad = path.join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      'version: 1\ncompatibilities:\n  - name: x\n    require: {kernel: {modules: [nvidia], verison: ">=6"}}\n',
    );
    const r = await runCli(['generate', '-c', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${bad}:4:43: compatibilities[0].require.kernel.verison: unknown field "verison" (did you mean "version"?)`,
    );
  });
});

describe('generate | validate on fixture hosts', () => {
  it.each([
    ['linux/amd64', 'h100-server', 0],
    ['linux/amd64', 'old-driver', 1],
    ['linux/arm64', 'arm-server', 0],
  ])('%s spec on %s: exit %i', async (platform, hostName, code) => {
    const gen = await runCli(['generate', '--config', EXAMPLE, '--platform', platform]);
    expect(gen.code).toBe(0);
    const spec = path.join(dir, `${platform.replace('/', '-')}.yaml`);
    writeFileSync(spec, gen.stdout);
    const features = path.resolve(`test/fixtures/config/hosts/${hostName}.json`);
    const r = await runCli([
      'validate',
      '--spec',
      spec,
      '--features',
      features,
      '--tags',
      platform === 'linux/arm64' ? 'grace,cpu-fallback' : 'h100,cpu-fallback',
    ]);
    expect(r.code).toBe(code);
  });
});

describe('image-compat lint', () => {
  it('exit 2 on errors, github annotations on stdout', async () => {
    const bad = path.join(dir, 'lint-bad.yaml');
    writeFileSync(bad, 'version: 1\ncompatibilities:\n  - name: x\n    require: {cpu: {vendor: intell}}\n');
    const r = await runCli(['lint', bad, '--output', 'github']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe(
      `::error file=${bad},line=4,col=29,title=image-compat lint%3A compatibilities[0].require.cpu.vendor::unknown CPU vendor "intell" (did you mean "intel"?)\n`,
    );
  });

  it('exit 0 with only warnings, several files, json output', async () => {
    const spec = path.join(dir, 'spec.yaml');
    writeFileSync(
      spec,
      'version: v1alpha1\ncompatibilities:\n  - rules:\n      - name: r\n        matchFeatures:\n          - feature: kernel.loadedmodule\n            matchExpressions: {vfio-pci: {op: Exists}}\n',
    );
    const r = await runCli(['lint', spec, EXAMPLE, '--output', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Array<{
      file: string;
      line: number;
      severity: string;
      hint?: string;
    }>;
    expect(out).toEqual([
      expect.objectContaining({ file: spec, line: 7, severity: 'warning', hint: 'did you mean vfio_pci?' }),
    ]);
  });

  it('an unquoted y in value: one warning (from the spec checks), exit 0', async () => {
    const spec = path.join(dir, 'yaml11.yaml');
    writeFileSync(
      spec,
      'version: v1alpha1\ncompatibilities:\n  - rules:\n      - name: r\n        matchFeatures:\n          - feature: kernel.config\n            matchExpressions:\n              VFIO_PCI: {op: In, value: [y, m]}\n',
    );
    const r = await runCli(['lint', spec]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `${spec}:8:42: warning: compatibilities[0].rules[0].matchFeatures[0].matchExpressions.VFIO_PCI.value[0]: unquoted y is read by NFD (YAML 1.1) as "true" (quote it: "y")\n`,
    );
    expect(r.stderr).toContain('1 file(s): 0 error(s), 1 warning(s)');
  });

  it('text output and a summary on stderr; the default file', async () => {
    const r = await runCli(['lint'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('1 file(s): 0 error(s), 0 warning(s)');
  });

  it('a missing file is an error', async () => {
    const r = await runCli(['lint', path.join(dir, 'nope.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/nope\.yaml: error: cannot read: no such file/);
  });
});

describe('image-compat plan', () => {
  it('prints the matrix as one JSON line', async () => {
    const r = await runCli(['plan'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout)).toEqual([
      { id: 'numa', name: 'numa', platform: '', weight: 0, 'runs-on': ['self-hosted', 'numa'] },
    ]);
  });

  it.each(['generate', 'lint', 'plan'])('%s --help', async (verb) => {
    const r = await runCli([verb, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: image-compat ${verb}`);
  });
});
