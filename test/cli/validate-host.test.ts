// `validate` without --features: this host's collectors, or the host mounted at --host-root
// (IMAGE_COMPAT_HOST_ROOT), on the fixture trees; unavailable sources as notes on stderr; the
// report (--report, --compatibility) and the host snapshot (--save-features).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { parseReport } from '../../src/report/parse.js';
import { runCli } from '../helpers/cli.js';

const TREES = path.resolve('test/fixtures/features');
const GPU = path.resolve('examples/specs/gpu.yaml');
const dir = mkdtempSync(path.join(tmpdir(), 'ic-validate-host-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('validate --host-root', () => {
  it.each([
    // tree, set, exit: the H100 tree has the driver but nvidia-smi is not run against a host root
    // (no compute capability), so hopper fails there and the CPU fallback matches.
    ['h100-server', 'cpu', 0],
    ['h100-server', 'hopper', 1],
    ['arm-server', 'cpu', 0],
    ['vm', 'hopper', 1],
  ])('%s, set %s: exit %d', async (tree, set, code) => {
    const r = await runCli(['validate', '--spec', GPU, '--host-root', path.join(TREES, tree), '--tags', set]);
    expect(r.code).toBe(code);
    expect(r.stdout).toMatch(code === 0 ? /: COMPATIBLE: #\d \(\w+\) matches/ : /INCOMPATIBLE/);
  });

  it('prints unavailable sources as notes on stderr', async () => {
    const r = await runCli(['validate', '--spec', GPU, '--host-root', path.join(TREES, 'vm')]);
    expect(r.stderr).toMatch(
      /^image-compat: note: feature source kernel\.loadedmodule unavailable: cannot read \/proc\/modules/m,
    );
  });

  it('reads IMAGE_COMPAT_HOST_ROOT when --host-root is not given', async () => {
    const r = await runCli(['validate', '--spec', GPU, '--output', 'json', '--tags', 'cpu'], {
      env: { IMAGE_COMPAT_HOST_ROOT: path.join(TREES, 'arm-server') },
    });
    expect(r.code).toBe(0);
    const [set] = JSON.parse(r.stdout) as Array<{ tag: string }>;
    expect(set?.tag).toBe('cpu');
  });

  it('writes the report and the host snapshot', async () => {
    const report = path.join(dir, 'out', 'report.json');
    const features = path.join(dir, 'out', 'features.json');
    const r = await runCli(...[['validate', '--spec', GPU, '--host-root', path.join(TREES, 'h100-server')]]);
    expect(r.code).toBe(0);
    const w = await runCli([
      ...['validate', '--spec', GPU, '--host-root', path.join(TREES, 'h100-server')],
      ...['--compatibility', 'hopper', '--report', report, '--save-features', features],
    ]);
    expect(w.code).toBe(1);
    const parsed = parseReport(readFileSync(report, 'utf8'), report);
    expect(parsed).toMatchObject({
      spec: GPU,
      compatibility: 'hopper',
      compatible: false,
      host: { name: 'gpu-h100-01' },
    });
    expect(parsed!.results.map((s) => s.tag)).toEqual(['hopper']);
    expect(parsed!.host.hardware.gpus.map((g) => [g.vendor, g.device, g.driverVersion])).toEqual([
      ['NVIDIA', '2330', '550.127.05'],
      ['NVIDIA', '2330', '550.127.05'],
    ]);
    expect(parsed!.host.hardware.unavailable.map((u) => u.source)).toContain('gpu.device (nvidia-smi)');
    const nf = JSON.parse(readFileSync(features, 'utf8')) as { kind: string; metadata: { name: string } };
    expect(nf).toMatchObject({ kind: 'NodeFeature', metadata: { name: 'gpu-h100-01' } });
    // The snapshot reads back as --features with the same verdict.
    const again = await runCli([
      'validate',
      '--spec',
      GPU,
      '--features',
      features,
      '--compatibility',
      'hopper',
    ]);
    expect(again.code).toBe(1);
  });

  it('exit 2 for a host root that does not exist, and for --report over several nodes', async () => {
    const r = await runCli(['validate', '--spec', GPU, '--host-root', path.join(dir, 'nope')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/host root .* does not exist/);
    const many = await runCli([
      ...['validate', '--spec', GPU, '--features', 'examples/hosts/cluster.json'],
      ...['--report', path.join(dir, 'r.json')],
    ]);
    expect(many.code).toBe(2);
    expect(many.stderr).toMatch(/--report describes one host; --features gave 3/);
  });
});
