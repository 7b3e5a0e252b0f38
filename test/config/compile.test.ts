import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { compileConfig, compileForPlatforms, declaredPlatforms } from '../../src/config/compile.js';
import { parseConfig } from '../../src/config/load.js';
import { configSchema } from '../../src/config/schema.js';
import type { ImageCompatConfig } from '../../src/config/types.js';
import { serializeSpec } from '../../src/spec/serialize.js';
import { InputError } from '../../src/errors.js';
import { evaluateSpec } from '../../src/match/index.js';
import { parseSpec } from '../../src/spec/parse.js';
import { host } from './hosts.js';

const EXAMPLE = 'examples/config/image-compat.yaml';
const example = () => parseConfig(readFileSync(EXAMPLE, 'utf8'), EXAMPLE).config;

describe('the JSON Schema file', () => {
  it('is the schema object the code validates with', () => {
    const file = JSON.parse(readFileSync('schemas/image-compat-config.schema.json', 'utf8')) as unknown;
    expect(file).toEqual(JSON.parse(JSON.stringify(configSchema)));
  });
});

describe('compileConfig', () => {
  it('gives stable rule names, tags from set names, weight and description passed through', () => {
    const { spec } = compileConfig(example(), { platform: 'linux/amd64' });
    expect(spec.version).toBe('v1alpha1');
    expect(spec.compatibilities.map((c) => [c.tag, c.weight, c.description])).toEqual([
      ['h100', 10, 'CUDA 12 on Hopper'],
      ['cpu-fallback', 1, 'Any host with Linux 5.4 or newer and no swap'],
    ]);
    expect(spec.compatibilities[0]!.rules.map((r) => r.name)).toEqual([
      'h100/kernel-version',
      'h100/kernel-modules',
      'h100/kernel-config',
      'h100/cpu-vendor',
      'h100/cpu-level',
      'h100/cpu-flags',
      'h100/gpu',
      'h100/gpu-device',
      'h100/sriov',
      'h100/rdma',
      'h100/os',
      'h100/memory-numa',
      'h100/memory-hugepages',
    ]);
    expect(spec.compatibilities[1]!.rules.map((r) => r.name)).toEqual([
      'cpu-fallback/kernel-version',
      'no-swap',
    ]);
  });

  it('is deterministic: the same YAML twice, byte for byte', () => {
    const a = serializeSpec(compileConfig(example(), { platform: 'linux/amd64' }).spec);
    const b = serializeSpec(compileConfig(example(), { platform: 'linux/amd64' }).spec);
    expect(a).toBe(b);
  });

  it('prefers NFD features: GPU vendor and class via pci.device; own features only where needed', () => {
    const { spec, notes } = compileConfig(example(), { platform: 'linux/amd64' });
    const gpu = spec.compatibilities[0]!.rules.find((r) => r.name === 'h100/gpu')!;
    expect(gpu.matchFeatures).toEqual([
      {
        feature: 'pci.device',
        matchExpressions: {
          vendor: { op: 'In', value: ['10de'] },
          class: { op: 'In', value: ['0300', '0302', '0380'] },
        },
      },
    ]);
    // count ">=1" is implied by the pci.device rule: no gpu.count rule.
    expect(spec.compatibilities[0]!.rules.some((r) => r.name === 'h100/gpu-count')).toBe(false);
    expect(notes).toContain(
      "rule 'h100/gpu-device' uses gpu.device: nfd compat validate-node cannot check it (NFD has no such source and treats the term as not matching)",
    );
    expect(notes.some((n) => n.startsWith("rule 'h100/rdma' uses rdma.device"))).toBe(true);
    expect(notes.some((n) => n.includes("'h100/gpu'"))).toBe(false);
    expect(notes).toContain('rules with `type: version` need NFD v0.18 or later to evaluate');
  });

  it('normalises modules: plain names as keys, dashed/underscored names by matchName in both spellings', () => {
    const { spec } = compileConfig({
      version: 1,
      compatibilities: [
        { name: 's', require: { kernel: { modules: ['nvidia', 'vfio-pci', 'nf_conntrack'] } } },
      ],
    });
    expect(spec.compatibilities[0]!.rules[0]).toEqual({
      name: 's/kernel-modules',
      matchFeatures: [
        { feature: 'kernel.enabledmodule', matchExpressions: { nvidia: { op: 'Exists' } } },
        { feature: 'kernel.enabledmodule', matchName: { op: 'InRegexp', value: ['^vfio[-_]pci$'] } },
        { feature: 'kernel.enabledmodule', matchName: { op: 'InRegexp', value: ['^nf[-_]conntrack$'] } },
      ],
    });
  });

  it('filters sets by platform (arm64 without variant is v8)', () => {
    const config = example();
    expect(declaredPlatforms(config)).toEqual(['linux/amd64', 'linux/arm64']);
    const arm = compileConfig(config, { platform: 'linux/arm64/v8' }).spec;
    expect(arm.compatibilities.map((c) => c.tag)).toEqual(['grace', 'cpu-fallback']);
    const specs = compileForPlatforms(config);
    expect([...specs.keys()]).toEqual(['linux/amd64', 'linux/arm64']);
    expect(specs.get('linux/arm64')!.compatibilities.map((c) => c.tag)).toEqual(['grace', 'cpu-fallback']);
    const forImage = compileForPlatforms(config, ['linux/amd64', 'linux/arm64/v8', 'linux/s390x']);
    expect([...forImage.keys()]).toEqual(['linux/amd64', 'linux/arm64/v8']);
  });

  it('gives the notes of the sets that apply to the platform only', () => {
    const { notes } = compileConfig(example(), { platform: 'linux/arm64' });
    expect(notes.some((n) => n.includes('h100/'))).toBe(false);
    expect(notes.some((n) => n.startsWith("rule 'grace/gpu-device' uses gpu.device"))).toBe(true);
  });

  it('without platforms, one spec for every platform under ""', () => {
    const config: ImageCompatConfig = {
      version: 1,
      compatibilities: [{ name: 'a', require: { memory: { numa: true } } }],
    };
    expect([...compileForPlatforms(config).keys()]).toEqual(['']);
  });

  it('throws the first error from compileForPlatforms', () => {
    const config: ImageCompatConfig = {
      version: 1,
      compatibilities: [{ name: 'a', require: { cpu: { vendor: 'intle' } } }],
    };
    expect(() => compileForPlatforms(config)).toThrow(InputError);
    expect(() => compileForPlatforms(config)).toThrow(/unknown CPU vendor "intle".*did you mean "intel"/);
  });

  it.each<[string, ImageCompatConfig, RegExp]>([
    [
      'duplicate names',
      {
        version: 1,
        compatibilities: [
          { name: 'a', require: { rdma: true } },
          { name: 'a', require: { rdma: true } },
        ],
      },
      /duplicate set name "a"/,
    ],
    [
      'bad range',
      { version: 1, compatibilities: [{ name: 'a', require: { kernel: { version: '>=6.9-rc1' } } }] },
      /pre-release/,
    ],
    [
      'unknown GPU vendor',
      { version: 1, compatibilities: [{ name: 'a', require: { gpu: { vendor: 'nvidai' } } }] },
      /unknown GPU vendor/,
    ],
    [
      'bad PCI class',
      { version: 1, compatibilities: [{ name: 'a', require: { pci: [{ class: 'gpu' }] } }] },
      /not a PCI class/,
    ],
    [
      'n with others',
      { version: 1, compatibilities: [{ name: 'a', require: { kernel: { config: { X: ['n', 'y'] } } } }] },
      /cannot be combined/,
    ],
    [
      'raw rule with a bad expression',
      {
        version: 1,
        compatibilities: [
          {
            name: 'a',
            rules: [
              {
                name: 'r',
                matchFeatures: [
                  { feature: 'kernel.version', matchExpressions: { major: { op: 'Gt', value: [] } } },
                ],
              },
            ],
          },
        ],
      },
      /exactly one value/,
    ],
    [
      'raw rule named like a generated one',
      { version: 1, compatibilities: [{ name: 'a', require: { rdma: true }, rules: [{ name: 'a/rdma' }] }] },
      /already used/,
    ],
    [
      'set platform not among the image platforms',
      {
        version: 1,
        platforms: ['linux/amd64'],
        compatibilities: [{ name: 'a', platforms: ['linux/arm64'], require: { rdma: true } }],
      },
      /not one of the image's platforms/,
    ],
  ])('reports %s with the field path', (_, config, message) => {
    const { issues } = compileConfig(config);
    expect(issues.find((i) => i.severity === 'error')?.message).toMatch(message);
  });

  it('warns about a 6-digit class, an unknown flag, an os-release alias and an empty set', () => {
    const { issues } = compileConfig({
      version: 1,
      compatibilities: [
        {
          name: 'a',
          require: { pci: [{ class: '030200' }], cpu: { flags: ['avx5l2f'] }, os: { id: 'redhat' } },
        },
        { name: 'empty' },
      ],
    });
    expect(issues.map((i) => [i.severity, i.message, i.hint])).toEqual([
      ['warning', '"avx5l2f" is not a CPU flag NFD reports', 'did you mean AVX512F?'],
      ['warning', 'PCI class "030200" has 6 digits; NFD reports the first 4', 'write "0302"'],
      ['warning', '/etc/os-release spells "redhat" as "rhel"', 'write rhel'],
      ['warning', 'set "empty" has no requirements and no rules: it matches every host', undefined],
    ]);
  });
});

describe('generated YAML', () => {
  it('is a valid spec for the spec parser and evaluates the same as the compiled object', () => {
    const { spec } = compileConfig(example(), { platform: 'linux/amd64' });
    const yaml = serializeSpec(spec);
    const parsed = parseSpec(yaml, 'generated.yaml');
    expect(parsed).toEqual(spec);
    expect(evaluateSpec(parsed, host('h100-server'))).toEqual(evaluateSpec(spec, host('h100-server')));
  });

  it('quotes what a YAML 1.1 reader (NFD) would not read as a string', () => {
    const yaml = serializeSpec(
      compileConfig({
        version: 1,
        compatibilities: [{ name: 'k', require: { kernel: { config: { VFIO_PCI: ['y', 'm'], X: 'on' } } } }],
      }).spec,
    );
    expect(yaml).toContain('VFIO_PCI: {op: In, value: ["y", m]}');
    expect(yaml).toContain('X: {op: In, value: ["on"]}');
  });
});
