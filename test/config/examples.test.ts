// The three images of issue #14 (free5GC UPF, CUDA 12 inference, a DPDK network function) as
// examples/config/*.yaml, against host snapshots in examples/hosts/, through the built CLI
// (`npm run bundle` first): each passes and fails for the right reason. Also the command-line
// edges of the config: validate --config, a config given as --spec, no set for a platform, lint
// warnings for what the user likely did not mean, check --files of a missing file.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli.js';

const CONFIG = 'examples/config';
const HOSTS = 'examples/hosts';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'image-compat-examples-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

const validate = (config: string, host: string, ...more: string[]) =>
  runCli([
    'validate',
    '--config',
    config,
    '--features',
    `${HOSTS}/${host}.json`,
    '--platform',
    'linux/amd64',
    ...more,
  ]);

describe('free5GC UPF: gtp5g on 5.0.0-23-generic or 5.4.x', () => {
  const upf = `${CONFIG}/free5gc-upf.yaml`;

  it('passes on a 5.4 host', async () => {
    const r = await validate(upf, 'upf-5.4');
    // Only the note that the snapshot's arch is inferred from its cpu flags (it carries no label).
    expect(r.stderr).toBe(
      'image-compat: note: host upf-node-54 does not say its architecture: linux/amd64 inferred from its cpu flags\n',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('upf-node-54: COMPATIBLE: #1 (upf) matches');
  });

  it('fails on 5.0.0-20-generic: the exact release is not a 5.0.0-* wildcard', async () => {
    const r = await validate(upf, 'upf-5.0.0-20');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('RULE: UPF/KERNEL-VERSION - FAIL');
    expect(r.stdout).toMatch(
      /kernel\.version\.full +│ \{op: "In", value: \["5\.0\.0-23-generic"\]\} .*host has 5\.0\.0-20-generic/,
    );
    expect(r.stdout).toContain('RULE: UPF/KERNEL-MODULES - OK');
  });

  it('an unreadable kernel.enabledmodule is "source could not be read", not missing hardware', async () => {
    const report = path.join(dir, 'upf-report.json');
    const r = await validate(upf, 'upf-unreadable-modules', '--report', report);
    expect(r.code).toBe(1); // NFD's verdict: the term does not match
    expect(r.stdout).toMatch(
      /kernel\.enabledmodule\.gtp5g .*FAIL +│ expected present, source could not be read \(cannot read/,
    );
    expect(r.stdout).not.toMatch(/gtp5g.*host has none/);
    expect(r.stdout).toMatch(
      /upf-node-ro: failed expressions could not be checked, their source could not be read: kernel\.enabledmodule \(cannot read/,
    );
    const saved = JSON.parse(readFileSync(report, 'utf8')) as {
      config: string;
      platform: string;
      host: { hardware: { unavailable: Array<{ source: string }> } };
    };
    expect(saved.config).toBe(upf);
    expect(saved.platform).toBe('linux/amd64');
    expect(saved.host.hardware.unavailable.map((u) => u.source)).toEqual(['kernel.enabledmodule']);
  });

  it('with an operator the suffix is a positioned error (exit 2)', async () => {
    const bad = write(
      'upf-bad.yaml',
      'version: 1\ncompatibilities:\n  - name: upf\n    require:\n      kernel: {version: ">=5.0.0-23-generic"}\n',
    );
    const r = await runCli(['validate', '--config', bad, '--features', `${HOSTS}/upf-5.4.json`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${bad}:5:25: compatibilities[0].require.kernel.version: ">=5.0.0-23-generic"`,
    );
    expect(r.stderr).toMatch(/drop everything from the first "-"/);
    expect(r.stdout).toBe('');
  });
});

describe('CUDA 12 inference: compute capability >=8.0, driver >=525.60.13, Ubuntu >=22.04', () => {
  const cuda = `${CONFIG}/cuda12-inference.yaml`;

  it.each([
    ['h100-server', 0, 'gpu-node-01: COMPATIBLE'],
    ['a100-ubuntu2210', 0, 'a100-node-01: COMPATIBLE'],
    ['t4-ubuntu2004', 1, 't4-node-01: INCOMPATIBLE'],
  ])('%s: exit %d', async (host, code, verdict) => {
    const r = await validate(cuda, host);
    expect(r.code).toBe(code);
    expect(r.stdout).toContain(verdict);
    expect(r.stderr).toContain("note: rule 'cuda12/gpu-device' uses gpu.device");
  });

  it('the T4 fails on its compute capability and its OS, not on the driver', async () => {
    const r = await validate(cuda, 't4-ubuntu2004');
    expect(r.stdout).toMatch(/gpu\.device\.compute_capability .*FAIL .*expected >= 8\.0, host has 7\.5/);
    expect(r.stdout).toMatch(/system\.osrelease\.VERSION_ID .*FAIL .*host has 20\.04/);
    expect(r.stdout).toMatch(/gpu\.device\.driver_version .*│ OK /);
  });

  it('an unquoted os.version 22.10 is "22.10": the 22.10 host passes', async () => {
    const c = write(
      'os2210.yaml',
      'version: 1\ncompatibilities:\n  - name: kinetic\n    require:\n      os: {id: ubuntu, version: 22.10}\n',
    );
    expect((await validate(c, 'a100-ubuntu2210')).code).toBe(0);
    const g = await runCli(['generate', '--config', c]);
    expect(g.stdout).toContain('VERSION_ID: {op: Ge, value: ["22.10"], type: version}');
  });

  it('a bare computeCapability 8.0 gets a lint warning, and the H100 (9.0) fails it', async () => {
    const c = write(
      'bare.yaml',
      'version: 1\ncompatibilities:\n  - name: ampere\n    require:\n      gpu: {vendor: nvidia, computeCapability: 8.0}\n',
    );
    const l = await runCli(['lint', c]);
    expect(l.code).toBe(0);
    expect(l.stdout).toContain(
      `${c}:5:48: warning: compatibilities[0].require.gpu.computeCapability: "8.0" is a bare version: it matches compute capability 8.0.x only, not a later one (did you mean ">=8.0"?)`,
    );
    expect((await validate(c, 'h100-server')).code).toBe(1);
  });
});

describe('DPDK network function: vfio-pci, an Intel or Mellanox NIC with 32 VFs, 1G or 2M hugepages', () => {
  const dpdk = `${CONFIG}/dpdk-nf.yaml`;

  it('passes on an E810 host with 2 MiB pages (anyOf: the second group)', async () => {
    const r = await validate(dpdk, 'dpdk-e810');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('RULE: DPDK/ANY-OF - OK');
  });

  it('fails on a host without hugepages, for that reason only', async () => {
    const r = await validate(dpdk, 'dpdk-mixed-nics');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('RULE: DPDK/ANY-OF - FAIL');
    expect(r.stdout.match(/RULE: .* - FAIL/g)).toEqual(['RULE: DPDK/ANY-OF - FAIL']);
  });

  it('sriov {vendor: mellanox, numVfs} is a warning in lint and generate (and why: two NICs pass it)', async () => {
    const c = write(
      'numvfs.yaml',
      "version: 1\ncompatibilities:\n  - name: nf\n    require:\n      sriov: {vendor: mellanox, numVfs: '>=8'}\n",
    );
    const l = await runCli(['lint', c]);
    expect(l.code).toBe(0);
    expect(l.stdout).toMatch(
      /5:41: warning: compatibilities\[0\]\.require\.sriov\.numVfs: NFD cannot tie numVfs to the vendor/,
    );
    const g = await runCli(['generate', '--config', c]);
    expect(g.code).toBe(0);
    expect(g.stderr).toMatch(/warning: .*NFD cannot tie numVfs to the vendor.*\(use vfs/);
    // The Mellanox PF has 0 VFs configured and an Intel NIC has 8: compatible, as the warning says.
    expect((await validate(c, 'dpdk-mixed-nics')).code).toBe(0);
  });
});

describe('the config at the command line', () => {
  it('the examples lint clean: examples/config and examples/specs', async () => {
    const r = await runCli([
      'lint',
      `${CONFIG}/free5gc-upf.yaml`,
      `${CONFIG}/cuda12-inference.yaml`,
      `${CONFIG}/dpdk-nf.yaml`,
      'examples/specs/gpu.yaml',
      'examples/specs/kernel-module.yaml',
      'examples/specs/sriov.yaml',
    ]);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('6 file(s): 0 error(s), 0 warning(s)');
    expect(r.code).toBe(0);
  });

  it('validate --spec of a config says it is a config', async () => {
    const r = await runCli([
      'validate',
      '--spec',
      `${CONFIG}/free5gc-upf.yaml`,
      '--features',
      `${HOSTS}/upf-5.4.json`,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /free5gc-upf\.yaml: this is an image-compat config \(version: 1\), not an NFD image compatibility spec \(validate --config/,
    );
  });

  it('--config excludes --spec and --image', async () => {
    for (const other of [
      ['--spec', 'examples/specs/gpu.yaml'],
      ['--image', 'localhost/x:1'],
    ]) {
      const r = await runCli(['validate', '--config', `${CONFIG}/free5gc-upf.yaml`, ...other]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('give exactly one of --spec FILE, --config FILE and --image REF');
    }
  });

  it('no set for the platform: validate --config and generate say so and name the platforms', async () => {
    const v = await validate(`${CONFIG}/image-compat.yaml`, 'h100-server', '--platform', 'windows/amd64');
    const g = await runCli([
      'generate',
      '--config',
      `${CONFIG}/image-compat.yaml`,
      '--platform',
      'windows/amd64',
    ]);
    for (const r of [v, g]) {
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        'examples/config/image-compat.yaml: no compatibility set applies to platform windows/amd64 (the config has sets for: linux/amd64, linux/arm64)',
      );
    }
  });

  it('check --files of a missing file is an error', async () => {
    const r = await runCli([
      'check',
      '--config',
      `${CONFIG}/free5gc-upf.yaml`,
      '--base-config',
      `${CONFIG}/free5gc-upf.yaml`,
      '--files',
      'no-such-file.yaml',
    ]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('no-such-file.yaml: error: cannot read: no such file');
  });
});
