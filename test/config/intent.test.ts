// The config says what the user meant (issue #14): exact kernel releases, numbers as written, one
// device per requirement, either/or lists and anyOf groups. Compiled forms, and verdicts of the
// compiled specs evaluated by the real evaluator on small hosts.
import { describe, expect, it } from '@jest/globals';
import { compileConfig } from '../../src/config/compile.js';
import { parseConfig } from '../../src/config/load.js';
import type { Requirements } from '../../src/config/types.js';
import { parseKernelVersion } from '../../src/features/kernel.js';
import type { Features } from '../../src/features/types.js';
import { evaluateSpec, isCompatible } from '../../src/match/index.js';
import type { Rule } from '../../src/spec/types.js';
import { configWith, matches } from './hosts.js';

const rules = (require: Requirements): Rule[] => {
  const r = compileConfig(configWith(require));
  const errors = r.issues.filter((i) => i.severity === 'error');
  if (errors.length) throw new Error(errors.map((e) => e.message).join('; '));
  return r.spec.compatibilities[0]!.rules;
};
const issues = (require: Requirements) => compileConfig(configWith(require)).issues;

const features = (parts: {
  kernel?: string;
  os?: Record<string, string>;
  pci?: Array<Record<string, string>>;
  gpus?: Array<Record<string, string>>;
  nics?: Array<Record<string, string>>;
  hugepages?: Record<string, string>;
}): Features => ({
  flags: {},
  attributes: {
    ...(parts.kernel && { 'kernel.version': { elements: parseKernelVersion(parts.kernel) } }),
    ...(parts.os && { 'system.osrelease': { elements: parts.os } }),
    ...(parts.hugepages && { 'memory.hugepages': { elements: parts.hugepages } }),
  },
  instances: {
    'pci.device': { elements: (parts.pci ?? []).map((attributes) => ({ attributes })) },
    'gpu.device': { elements: (parts.gpus ?? []).map((attributes) => ({ attributes })) },
    'network.device': { elements: (parts.nics ?? []).map((attributes) => ({ attributes })) },
  },
});

describe('exact kernel releases', () => {
  const free5gc = { kernel: { version: '5.0.0-23-generic || 5.4.x' } };

  it('an operand with a "-" suffix and no operator is kernel.version full In; 5.4.x is every 5.4', () => {
    expect(rules(free5gc)).toEqual([
      {
        name: 't/kernel-version',
        matchAny: [
          {
            matchFeatures: [
              {
                feature: 'kernel.version',
                matchExpressions: { major: { op: 'In', value: ['5'] }, minor: { op: 'In', value: ['4'] } },
              },
            ],
          },
          {
            matchFeatures: [
              {
                feature: 'kernel.version',
                matchExpressions: { full: { op: 'In', value: ['5.0.0-23-generic'] } },
              },
            ],
          },
        ],
      },
    ]);
    expect(rules({ kernel: { version: '5.4' } })).toEqual(rules({ kernel: { version: '5.4.x' } }));
  });

  it('exact releases share one In; a lone exact release is plain matchFeatures', () => {
    expect(rules({ kernel: { version: '5.0.0-23-generic || 5.0.0-25-generic' } })).toEqual([
      {
        name: 't/kernel-version',
        matchFeatures: [
          {
            feature: 'kernel.version',
            matchExpressions: { full: { op: 'In', value: ['5.0.0-23-generic', '5.0.0-25-generic'] } },
          },
        ],
      },
    ]);
  });

  it.each([
    ['5.0.0-23-generic', true],
    ['5.0.0-20-generic', false],
    ['5.0.0-23-lowlatency', false],
    ['5.4.0-100-generic', true],
    ['5.4.0', true],
    ['5.5.0-1-generic', false],
    ['4.18.0-553.el8_10.x86_64', false],
  ])('free5GC on kernel %s: %s', (release, expected) => {
    expect(matches(configWith(free5gc), features({ kernel: release }))).toBe(expected);
  });

  it.each(['>=5.0.0-23-generic', '<5.0.0-23', '^5.0.0-23-generic || 5.4', '~5.0.0-23-generic'])(
    '%s: an operator before a suffix is an error at the field that says why',
    (range) => {
      expect(issues({ kernel: { version: range } })).toEqual([
        expect.objectContaining({
          severity: 'error',
          path: ['compatibilities', 0, 'require', 'kernel', 'version'],
          message: expect.stringMatching(/"-" suffix.*drop everything from the first "-"/),
          hint: expect.stringMatching(/\(no operator\) for that exact release/),
        }),
      ]);
    },
  );

  it('an exact release must stand alone in its || part', () => {
    expect(issues({ kernel: { version: '5.0.0-23-generic >=5.4' } })[0]!.message).toMatch(/stand alone/);
  });

  it('a release NFD spells differently is compiled as NFD reports it, with a warning', () => {
    const r = compileConfig(configWith({ kernel: { version: '6.6.31+rpt-rpi-v8' } }));
    expect(r.issues).toEqual([
      expect.objectContaining({ severity: 'warning', hint: 'write 6.6.31_rpt-rpi-v8' }),
    ]);
    expect(JSON.stringify(r.spec)).toContain('6.6.31_rpt-rpi-v8');
  });

  it('compiles in time linear in the number of || parts (a generous watchdog, not a timing)', () => {
    // Figures: node scripts/bench-ranges.mjs. Before, N = 1,000 merging parts took seconds (pairwise).
    const n = 20_000;
    const merging = Array.from({ length: n }, (_, i) => `5.${i}`).join(' || ');
    const merged = Array.from({ length: n }, (_, i) => `>=${i}.1 <${i}.3`).join(' || ');
    const boxes = Array.from({ length: n }, (_, i) => `>=${i}.${i}.1 <${i}.${i}.3`).join(' || ');
    const exact = Array.from({ length: n }, (_, i) => `5.4.0-${i}-generic`).join(' || ');
    const driver = Array.from({ length: n }, (_, i) => `^${i + 1}`).join(' || ');
    expect(
      rules({ kernel: { version: merging } })[0]!.matchFeatures![0]!.matchExpressions!.minor!.value,
    ).toHaveLength(n);
    expect(
      rules({ kernel: { version: merged } })[0]!.matchFeatures![0]!.matchExpressions!.major!.value,
    ).toHaveLength(n);
    expect(issues({ kernel: { version: boxes } })[0]!.message).toMatch(/at most 16 per rule/);
    expect(issues({ kernel: { version: boxes } })[0]!.message.length).toBeLessThan(400);
    expect(
      rules({ kernel: { version: exact } })[0]!.matchFeatures![0]!.matchExpressions!.full!.value,
    ).toHaveLength(n);
    expect(
      issues({ gpu: { vendor: 'nvidia', driver, computeCapability: driver } }).map((i) => i.message),
    ).toContainEqual(expect.stringMatching(/at most 16 per rule/));
  }, 60_000);
});

describe('numbers as written', () => {
  const load = (require: string) =>
    parseConfig(`version: 1\ncompatibilities:\n  - name: t\n    require: ${require}\n`, 'c.yaml');

  it.each([
    ['{os: {version: 22.10}}', ['os', 'version'], '22.10'],
    ['{os: [{id: ubuntu, version: 22.10}]}', ['os', 0, 'version'], '22.10'],
    ['{gpu: {computeCapability: 8.0}}', ['gpu', 'computeCapability'], '8.0'],
    ['{gpu: {driver: 525}}', ['gpu', 'driver'], '525'],
    ['{kernel: {version: 5.10}}', ['kernel', 'version'], '5.10'],
    ['{kernel: {config: {HZ: 1000}}}', ['kernel', 'config', 'HZ'], '1000'],
    ['{anyOf: [{os: {version: 22.10}}, {os: {version: 9.4}}]}', ['anyOf', 0, 'os', 'version'], '22.10'],
  ])('%s keeps its source text', (require, path, text) => {
    let v: unknown = load(require).config.compatibilities[0]!.require;
    for (const seg of path) v = (v as Record<string | number, unknown>)[seg];
    expect(v).toBe(text);
  });

  it('a 22.10 host passes os.version >=22.04 and version 22.10 (not 22.1)', () => {
    const host = features({ os: { ID: 'ubuntu', VERSION_ID: '22.10' } });
    expect(matches(load('{os: {version: ">=22.04"}}').config, host)).toBe(true);
    expect(matches(load('{os: {version: 22.10}}').config, host)).toBe(true);
    expect(matches(load('{os: {version: 22.10}}').config, features({ os: { VERSION_ID: '22.1' } }))).toBe(
      false,
    );
  });

  it('raw rule values keep their text, with a warning (NFD would read the number otherwise)', () => {
    const { config, warnings } = parseConfig(
      `version: 1
compatibilities:
  - name: t
    rules:
      - name: os
        matchFeatures:
          - feature: system.osrelease
            matchExpressions: {VERSION_ID: {op: In, value: [22.10]}}
`,
      'c.yaml',
    );
    expect(
      config.compatibilities[0]!.rules![0]!.matchFeatures![0]!.matchExpressions!.VERSION_ID!.value,
    ).toEqual(['22.10']);
    expect(warnings).toEqual([
      expect.objectContaining({
        message:
          'unquoted 22.10 is taken as written ("22.10"); in a spec, NFD (YAML 1.1) would read it as "22.1"',
        hint: 'quote it: "22.10"',
        position: expect.objectContaining({ line: 8, column: 61 }),
      }),
    ]);
  });

  it.each([
    ['computeCapability', '8.0', 'compute capability 8.0.x only', '>=8.0'],
    ['driver', '525', 'driver 525.x only', '>=525'],
    ['driver', '535.104.05', 'driver 535.104.05 exactly', '>=535.104.05'],
  ])('a bare %s %s gets a warning (narrower than meant)', (field, value, what, hint) => {
    expect(issues({ gpu: { vendor: 'nvidia', [field]: value } })).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: ['compatibilities', 0, 'require', 'gpu', field],
        message: expect.stringContaining(`matches ${what}`),
        hint: `did you mean "${hint}"?`,
      }),
    ]);
  });

  it('ranges get no bare-version warning; the H100 (9.0) passes >=8.0 and fails a bare 8.0', () => {
    expect(issues({ gpu: { computeCapability: '>=8.0', driver: '^535 || >=550' } })).toEqual([]);
    const h100 = features({
      pci: [{ vendor: '10de', class: '0302' }],
      gpus: [
        { vendor: '10de', compute_capability: '9.0', driver_version: '550.90.07', model: 'NVIDIA H100' },
      ],
    });
    expect(matches(configWith({ gpu: { vendor: 'nvidia', computeCapability: '>=8.0' } }), h100)).toBe(true);
    expect(matches(configWith({ gpu: { vendor: 'nvidia', computeCapability: '8.0' } }), h100)).toBe(false);
  });
});

describe('one device per requirement', () => {
  const mixed = features({
    pci: [
      { vendor: '15b3', class: '0200', sriov_totalvfs: '16' },
      { vendor: '8086', class: '0200', sriov_totalvfs: '64' },
    ],
    nics: [
      { name: 'mlx0', sriov_numvfs: '0' },
      { name: 'intel0', sriov_numvfs: '8' },
    ],
  });

  it('sriov.numVfs with a vendor is a warning: NFD cannot tie the two to one NIC', () => {
    const r = issues({ sriov: { vendor: 'mellanox', numVfs: '>=8' } });
    expect(r).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: ['compatibilities', 0, 'require', 'sriov', 'numVfs'],
        message: expect.stringMatching(/NFD cannot tie numVfs to the vendor/),
        hint: expect.stringMatching(/use vfs/),
      }),
    ]);
    // Why: the Mellanox PF has 0 VFs configured, the Intel NIC 8, and the set still matches.
    expect(matches(configWith({ sriov: { vendor: 'mellanox', numVfs: '>=8' } }), mixed)).toBe(true);
    expect(matches(configWith({ sriov: { vendor: 'mellanox', vfs: '>=32' } }), mixed)).toBe(false);
    expect(issues({ sriov: { numVfs: '>=8' } })).toEqual([]);
  });

  it('GPU vendor, model, driver and compute capability are one gpu.device term', () => {
    const gpu = rules({
      gpu: { vendor: 'nvidia', model: 'H100', driver: '>=535', computeCapability: '>=9.0' },
    });
    const device = gpu.find((r) => r.name === 't/gpu-device')!;
    expect(device.matchFeatures).toHaveLength(1);
    expect(Object.keys(device.matchFeatures![0]!.matchExpressions!)).toEqual([
      'vendor',
      'model',
      'driver_version',
      'compute_capability',
    ]);
    // An old-driver H100 and a new-driver A100 in one host: no single GPU meets all four.
    const two = features({
      pci: [{ vendor: '10de', class: '0302' }],
      gpus: [
        { vendor: '10de', model: 'NVIDIA H100', driver_version: '470.1.1', compute_capability: '9.0' },
        { vendor: '10de', model: 'NVIDIA A100', driver_version: '550.1.1', compute_capability: '8.0' },
      ],
    });
    expect(matches(configWith({ gpu: { vendor: 'nvidia', model: 'H100', driver: '>=535' } }), two)).toBe(
      false,
    );
  });
});

describe('either/or', () => {
  it('lists for sriov.vendor, GPU vendor and model, pci and rdma vendors', () => {
    const [sriov] = rules({ sriov: { vendor: ['intel', 'mellanox'], vfs: '>=8' } });
    expect(sriov!.matchFeatures![0]!.matchExpressions!.vendor).toEqual({ op: 'In', value: ['8086', '15b3'] });
    const gpu = rules({ gpu: { vendor: ['nvidia', 'amd'], model: ['H100', 'MI300'] } });
    expect(gpu[1]!.matchFeatures![0]!.matchExpressions).toEqual({
      vendor: { op: 'In', value: ['10de', '1002'] },
      model: { op: 'InRegexp', value: ['(?i)H100', '(?i)MI300'] },
    });
    expect(
      rules({ pci: [{ vendor: ['intel', '15b3'] }] })[0]!.matchFeatures![0]!.matchExpressions!.vendor,
    ).toEqual({
      op: 'In',
      value: ['8086', '15b3'],
    });
    expect(
      rules({ rdma: { vendor: ['mellanox', 'broadcom'] } })[0]!.matchFeatures![0]!.matchExpressions!.vendor,
    ).toEqual({ op: 'In', value: ['15b3', '14e4'] });
  });

  it('hugepage sizes: pages of any listed size, one matchAny alternative per size', () => {
    expect(rules({ memory: { hugepages: { size: ['1G', '2M'], count: '>=16' } } })).toEqual([
      {
        name: 't/memory-hugepage-sizes',
        matchAny: [
          {
            matchFeatures: [
              {
                feature: 'memory.hugepages',
                matchExpressions: { 'hugepages-1Gi': { op: 'Ge', value: ['16'] } },
              },
            ],
          },
          {
            matchFeatures: [
              {
                feature: 'memory.hugepages',
                matchExpressions: { 'hugepages-2Mi': { op: 'Ge', value: ['16'] } },
              },
            ],
          },
        ],
      },
    ]);
    const c = configWith({ memory: { hugepages: { size: ['1G', '2M'] } } });
    expect(matches(c, features({ hugepages: { 'hugepages-1Gi': '0', 'hugepages-2Mi': '512' } }))).toBe(true);
    expect(matches(c, features({ hugepages: { 'hugepages-1Gi': '0', 'hugepages-2Mi': '0' } }))).toBe(false);
  });

  const anyOf: Requirements = {
    os: { id: 'ubuntu' },
    anyOf: [
      { kernel: { version: '>=5.15' }, memory: { hugepages1G: '>=16' } },
      { kernel: { version: '5.4.x' }, memory: { hugepages2M: '>=8192' } },
    ],
  };

  it('anyOf is one rule: each group multiplied out into matchAny alternatives (one matchAny level)', () => {
    const compiled = rules(anyOf);
    expect(compiled.map((r) => r.name)).toEqual(['t/os', 't/any-of']);
    const any = compiled[1]!;
    expect(any.matchFeatures).toBeUndefined();
    // >=5.15 is two kernel boxes, each with the hugepages term; 5.4.x one box with its own.
    expect(any.matchAny!.map((a) => a.matchFeatures.map((t) => Object.keys(t.matchExpressions!)))).toEqual([
      [['major', 'minor'], ['hugepages-1Gi']],
      [['major'], ['hugepages-1Gi']],
      [['major', 'minor'], ['hugepages-2Mi']],
    ]);
    for (const a of any.matchAny!) for (const t of a.matchFeatures) expect(t).not.toHaveProperty('matchAny');
  });

  it.each([
    ['6.8.0-45-generic', { 'hugepages-1Gi': '16', 'hugepages-2Mi': '0' }, true],
    ['6.8.0-45-generic', { 'hugepages-1Gi': '0', 'hugepages-2Mi': '8192' }, false],
    ['5.4.0-100-generic', { 'hugepages-1Gi': '0', 'hugepages-2Mi': '8192' }, true],
    ['5.4.0-100-generic', { 'hugepages-1Gi': '16', 'hugepages-2Mi': '0' }, false],
    ['5.10.0', { 'hugepages-1Gi': '16', 'hugepages-2Mi': '8192' }, false],
  ])('anyOf on kernel %s with %j: %s', (kernel, hugepages, expected) => {
    const host = features({ kernel, hugepages, os: { ID: 'ubuntu' } });
    expect(isCompatible(evaluateSpec(compileConfig(configWith(anyOf)).spec, host))).toBe(expected);
  });

  it('an empty group, and one that multiplies out too far, are errors at their place', () => {
    expect(issues({ anyOf: [{}, { os: { id: 'ubuntu' } }] })).toEqual([
      expect.objectContaining({ severity: 'error', path: ['compatibilities', 0, 'require', 'anyOf', 0] }),
    ]);
    const r = issues({
      anyOf: [
        {
          kernel: { version: '>=5.15.3' },
          os: [{ id: 'ubuntu' }, { id: 'rhel' }, { id: 'debian' }],
          gpu: { driver: '^1 || ^2 || ^3 || ^4 || ^5 || ^6 || ^7 || ^8' },
        },
        { os: { id: 'rhel' } },
      ],
    });
    expect(r).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: ['compatibilities', 0, 'require', 'anyOf'],
        message: expect.stringMatching(/expands to 73 alternatives/),
      }),
    ]);
  });
});
