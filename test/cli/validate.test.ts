// Runs the built bundle: `npm run bundle` first.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli.js';

const SPEC = 'examples/specs';
const HOSTS = 'examples/hosts';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'validate-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('image-compat validate', () => {
  it('exits 0 with tables on stdout for a compatible host', async () => {
    const r = await runCli([
      'validate',
      '--spec',
      `${SPEC}/gpu.yaml`,
      '--features',
      `${HOSTS}/h100-server.json`,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('COMPATIBILITY SET #1 Weight: 20; Tag: hopper');
    expect(r.stdout).toContain('gpu-node-01: COMPATIBLE: #1 (hopper), #2 (ampere), #3 (cpu) match');
    expect(r.stdout).not.toContain('\x1b[');
  });

  it('exits 1 for an incompatible host', async () => {
    const r = await runCli([
      'validate',
      '--spec',
      `${SPEC}/sriov.yaml`,
      '--features',
      `${HOSTS}/arm-server.json`,
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('arm-node-01: INCOMPATIBLE');
    expect(r.stdout).toContain('expected >= 8, host has none');
  });

  it("prints NFD's validate-node JSON array for one host, read from standard input", async () => {
    const r = await runCli(
      ['validate', '--spec', `${SPEC}/kernel-module.yaml`, '--features', '-', '--output', 'json'],
      {
        input: readFileSync(`${HOSTS}/h100-server.json`, 'utf8'),
      },
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(out).toHaveLength(1);
    expect(Object.keys(out[0]!)).toEqual(['rules', 'description', 'tag']);
    expect(out[0]!.rules).toEqual([
      {
        name: 'vfio-pci module',
        isMatch: true,
        matchedAny: [
          {
            matchedExpressions: [
              {
                feature: 'kernel.loadedmodule',
                name: 'vfio_pci',
                expression: { op: 'Exists' },
                matcherType: 'matchExpression',
                isMatch: true,
                hostValues: ['vfio_pci'],
              },
            ],
          },
          {
            matchedExpressions: [
              {
                feature: 'kernel.enabledmodule',
                name: 'vfio_pci',
                expression: { op: 'Exists' },
                matcherType: 'matchExpression',
                isMatch: true,
                hostValues: ['vfio_pci'],
              },
            ],
          },
        ],
      },
      {
        name: 'iommu and kernel',
        isMatch: true,
        matchedExpressions: [
          {
            feature: 'kernel.config',
            name: 'IOMMU_SUPPORT',
            expression: { op: 'In', value: ['y'] },
            matcherType: 'matchExpression',
            isMatch: true,
            hostValues: ['y'],
          },
        ],
        matchedAny: [
          {
            matchedExpressions: [
              {
                feature: 'kernel.version',
                name: 'major',
                expression: { op: 'In', value: ['5'] },
                matcherType: 'matchExpression',
                isMatch: false,
                hostValues: ['6'],
              },
              {
                feature: 'kernel.version',
                name: 'minor',
                expression: { op: 'Gt', value: ['14'] },
                matcherType: 'matchExpression',
                isMatch: false,
                hostValues: ['8'],
              },
            ],
          },
          {
            matchedExpressions: [
              {
                feature: 'kernel.version',
                name: 'major',
                expression: { op: 'Gt', value: ['5'] },
                matcherType: 'matchExpression',
                isMatch: true,
                hostValues: ['6'],
              },
            ],
          },
        ],
      },
    ]);
  });

  it('validates a whole cluster: exit 1 unless every node is compatible, and says how many can run it', async () => {
    const table = await runCli([
      'validate',
      '--spec',
      `${SPEC}/sriov.yaml`,
      '--features',
      `${HOSTS}/cluster.json`,
    ]);
    expect(table.code).toBe(1);
    expect(table.stdout).toContain('1 of 3 nodes can run the image');
    const json = await runCli([
      'validate',
      '--spec',
      `${SPEC}/gpu.yaml`,
      '--features',
      `${HOSTS}/cluster.json`,
      '--output',
      'json',
    ]);
    expect(json.code).toBe(0);
    const nodes = JSON.parse(json.stdout) as Array<{ node: string; compatible: boolean; results: unknown[] }>;
    expect(nodes.map((n) => [n.node, n.compatible, n.results.length])).toEqual([
      ['gpu-node-01', true, 3],
      ['arm-node-01', true, 3],
      ['ci-runner-vm', true, 3],
    ]);
  });

  it('evaluates only the sets --tags selects', async () => {
    const r = await runCli([
      'validate',
      '--spec',
      `${SPEC}/gpu.yaml`,
      '--features',
      `${HOSTS}/arm-server.json`,
      '--tags',
      'hopper,ampere',
      '--output',
      'json',
    ]);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as Array<{ tag: string }>).map((s) => s.tag)).toEqual(['hopper', 'ampere']);
  });

  it.each([
    [
      ['--tags', 'nope'],
      /--tags nope selects no compatibility set \(tags in the spec: hopper, ampere, cpu\)/,
    ],
    [['--output', 'xml'], /argument 'xml' is invalid/],
    [['--colour'], /unknown option '--colour'/],
  ])('exits 2 for %j', async (extra, message) => {
    const r = await runCli([
      'validate',
      '--spec',
      `${SPEC}/gpu.yaml`,
      '--features',
      `${HOSTS}/arm-server.json`,
      ...extra,
    ]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('exits 2 without --spec or --image, or with both', async () => {
    const none = await runCli(['validate', '--features', `${HOSTS}/arm-server.json`]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/give exactly one of --spec FILE, --config FILE and --image REF/);
    const both = await runCli(['validate', '--spec', `${SPEC}/gpu.yaml`, '--image', 'localhost/x:1']);
    expect(both.code).toBe(2);
  });

  it('exits 2 naming file, line, column and field for a bad spec', async () => {
    const spec = write(
      'bad.yaml',
      'version: v1alpha1\ncompatibilities:\n- rules:\n  - name: r\n    matchFeatures:\n    - feature: cpu.cpuid\n      matchExpresions: {}\n',
    );
    const r = await runCli(['validate', '--spec', spec, '--features', `${HOSTS}/arm-server.json`]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `image-compat: ${spec}:7:7: compatibilities[0].rules[0].matchFeatures[0].matchExpresions: unknown field "matchExpresions" (did you mean "matchExpressions"?)\n`,
    );
  });

  it('exits 2 for a collection as a map key, with only its own message on stderr', async () => {
    // The YAML parser would warn about such a key on its own, echoing the key's text (here a
    // workflow command on a line of its own).
    const spec = write(
      'complex-key.yaml',
      'version: v1alpha1\ncompatibilities:\n- rules: []\n  ? [a, "\\n::error::x"]\n  : b\n',
    );
    const r = await runCli(['validate', '--spec', spec, '--features', `${HOSTS}/arm-server.json`]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `image-compat: ${spec}:4:5: compatibilities[0]: NFD accepts only scalar map keys\n`,
    );
  });

  it('exits 2 for a missing file and for bad host features', async () => {
    const missing = await runCli([
      'validate',
      '--spec',
      `${dir}/nope.yaml`,
      '--features',
      `${HOSTS}/arm-server.json`,
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.yaml: cannot read: no such file');
    const features = write('f.json', '{"attributes": {"kernel.version": {"elements": {"major": 6}}}}');
    const bad = await runCli(['validate', '--spec', `${SPEC}/gpu.yaml`, '--features', features]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      `${features}:1:58: attributes["kernel.version"].elements.major: expected string, got number 6`,
    );
  });

  it('exits 2 for an NFD evaluation error, naming the set and rule', async () => {
    const spec = write(
      'os.yaml',
      'version: v1alpha1\ncompatibilities:\n- tag: os\n  rules:\n  - name: ubuntu 22 or newer\n    matchFeatures:\n    - feature: system.osrelease\n      matchExpressions:\n        VERSION_ID: {op: Ge, value: ["22"]}\n',
    );
    const r = await runCli(['validate', '--spec', spec, '--features', `${HOSTS}/arm-server.json`]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'image-compat: compatibility set #1 (tag "os"), rule "ubuntu 22 or newer": feature system.osrelease, element "VERSION_ID": not a number "24.04"\n',
    );
  });

  it('prints spec warnings on stderr and still validates', async () => {
    const spec = write(
      'warn.yaml',
      'version: v1alpha1\ncompatibilities:\n- rules:\n  - name: r\n    matchFeatures:\n    - feature: kernel.version\n      matchExpressions:\n        major: {op: In, value: ["6"]}\n  - name: s\n    matchFeatures:\n    - feature: kernel.version\n      matchExpressions: {}\n  tag: yes\n',
    );
    const r = await runCli(['validate', '--spec', spec, '--features', `${HOSTS}/arm-server.json`]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `image-compat: warning: ${spec}:13:8: compatibilities[0].tag: unquoted yes is read by NFD (YAML 1.1) as "true" (quote it: "yes")`,
    );
  });

  it.each([
    ['y', 1],
    ['true', 0],
  ])(
    'reads an unquoted value: [y] as NFD does ("true"), warns once, exits with the verdict (host NO_HZ=%s: %i)',
    async (hostValue, code) => {
      const spec = write(
        'noh.yaml',
        'version: v1alpha1\ncompatibilities:\n- rules:\n  - name: r\n    matchFeatures:\n    - feature: kernel.config\n      matchExpressions:\n        NO_HZ: {op: In, value: [y]}\n',
      );
      const features = write(
        `noh-${hostValue}.json`,
        JSON.stringify({ attributes: { 'kernel.config': { elements: { NO_HZ: hostValue } } } }),
      );
      const r = await runCli(['validate', '--spec', spec, '--features', features]);
      expect(r.code).toBe(code);
      expect(r.stderr).toBe(
        `image-compat: warning: ${spec}:8:33: compatibilities[0].rules[0].matchFeatures[0].matchExpressions.NO_HZ.value[0]: unquoted y is read by NFD (YAML 1.1) as "true" (quote it: "y")\n`,
      );
    },
  );

  it('has help', async () => {
    const r = await runCli(['validate', '--help']);
    expect(r.code).toBe(0);
    for (const flag of ['--spec <file>', '--features <file>', '--tags <tags>', '--output <format>'])
      expect(r.stdout).toContain(flag);
  });
});
