// The requirement diff: classification of expression changes (table-driven), and whole specs
// compiled from the fixture configs.
import { describe, expect, it } from '@jest/globals';
import { alignPlatforms, classify, describeRequirement, diffSpecs } from '../../src/check/index.js';
import { compileForPlatforms } from '../../src/config/compile.js';
import { parseConfig } from '../../src/config/load.js';
import type { MatchExpression, Spec } from '../../src/spec/types.js';
import { config } from './repo.js';

const v = (op: MatchExpression['op'], ...value: string[]): MatchExpression => ({
  op,
  value,
  type: 'version',
});
const n = (op: MatchExpression['op'], ...value: string[]): MatchExpression =>
  value.length ? { op, value } : { op };

describe('classify', () => {
  const cases: Array<[string, MatchExpression[], MatchExpression[], string | undefined]> = [
    ['same', [v('Ge', '535')], [v('Ge', '535')], undefined],
    [
      'same, terms in another order',
      [v('Ge', '5.15'), v('Lt', '6.9')],
      [v('Lt', '6.9'), v('Ge', '5.15')],
      undefined,
    ],
    ['driver >=535 -> >=550', [v('Ge', '535')], [v('Ge', '550')], 'tightened'],
    ['driver >=550 -> >=535', [v('Ge', '550')], [v('Ge', '535')], 'loosened'],
    ['versions compare numerically, not as text: 9 < 10', [v('Ge', '9.0')], [v('Ge', '10.0')], 'tightened'],
    ['NFD drops the pre-release: 6.9.0-rc1 == 6.9.0', [v('Lt', '6.9.0')], [v('Lt', '6.9.0-rc1')], 'changed'],
    ['Ge -> Gt at the same bound', [v('Ge', '535')], [v('Gt', '535')], 'tightened'],
    ['Gt -> Ge at the same bound', [v('Gt', '535')], [v('Ge', '535')], 'loosened'],
    [
      'kernel range narrowed (upper bound added)',
      [v('Ge', '5.15')],
      [v('Ge', '5.15'), v('Lt', '6.5')],
      'tightened',
    ],
    [
      'kernel range widened (upper bound raised)',
      [v('Ge', '5.15'), v('Lt', '6.5')],
      [v('Ge', '5.15'), v('Lt', '6.9')],
      'loosened',
    ],
    [
      'kernel range widened (upper bound dropped)',
      [v('Ge', '5.15'), v('Lt', '6.5')],
      [v('Ge', '5.15')],
      'loosened',
    ],
    ['range moved up', [v('Ge', '5.15'), v('Lt', '6.5')], [v('Ge', '6.1'), v('Lt', '6.9')], 'changed'],
    ['GtLt narrowed', [v('GtLt', '535', '560')], [v('GtLt', '540', '560')], 'tightened'],
    ['GeLe -> Ge/Le the same', [v('GeLe', '1', '5')], [v('Ge', '1'), v('Le', '5')], 'changed'],
    ['integer count >=8 -> >=16', [n('Ge', '8')], [n('Ge', '16')], 'tightened'],
    ['integers compare as numbers: 9 -> 10', [n('Ge', '10')], [n('Ge', '9')], 'loosened'],
    ['In list shrunk', [n('In', 'Intel', 'AMD')], [n('In', 'Intel')], 'tightened'],
    ['In list grown', [n('In', 'Intel')], [n('In', 'Intel', 'AMD')], 'loosened'],
    ['In list replaced', [n('In', 'Intel')], [n('In', 'AMD')], 'changed'],
    ['NotIn list grown', [n('NotIn', 'a')], [n('NotIn', 'a', 'b')], 'tightened'],
    ['InRegexp alternatives added', [n('InRegexp', 'H100')], [n('InRegexp', 'H100', 'H200')], 'loosened'],
    ['In -> Exists', [n('In', 'y', 'm')], [n('Exists')], 'loosened'],
    ['Exists -> In', [n('Exists')], [n('In', 'y')], 'tightened'],
    ['Exists -> DoesNotExist', [n('Exists')], [n('DoesNotExist')], 'changed'],
    ['IsTrue -> IsFalse', [n('IsTrue')], [n('IsFalse')], 'changed'],
    ['version -> integer comparison', [v('Ge', '535')], [n('Ge', '535')], 'changed'],
    ['a bound NFD cannot read', [v('Ge', '535')], [v('Ge', 'latest')], 'changed'],
  ];
  it.each(cases)('%s', (_, before, after, expected) => {
    expect(classify(before, after)).toBe(expected);
  });
});

describe('describeRequirement', () => {
  it.each([
    [[v('Ge', '535.0')], '>= 535.0 (version)'],
    [[v('Ge', '5.15'), v('Lt', '6.9')], '>= 5.15 (version) and < 6.9 (version)'],
    [[n('In', 'y', 'm')], 'in [y, m]'],
    [[n('Exists')], 'exists'],
    [[n('GtLt', '1', '9')], '> 1, < 9'],
  ] as Array<[MatchExpression[], string]>)('%j -> %s', (list, text) => {
    expect(describeRequirement(list)).toBe(text);
  });
});

function compiled(name: string): Map<string, Spec> {
  return compileForPlatforms(parseConfig(config(name), `${name}.yaml`).config);
}

describe('diffSpecs on compiled configs', () => {
  const base = compiled('base');
  const rows = (head: string) =>
    [...compiled(head).entries()].flatMap(([p, spec]) => diffSpecs(base.get(p), spec, p));

  it('raising the driver floor is one tightened requirement, on amd64 only', () => {
    expect(rows('driver-535')).toEqual([
      {
        platform: 'linux/amd64',
        set: 'gpu',
        rule: 'gpu/gpu-device',
        feature: 'gpu.device',
        key: 'driver_version',
        change: 'tightened',
        before: '>= 525.0 (version)',
        after: '>= 535.0 (version)',
      },
    ]);
  });

  it('a module requirement is an added key', () => {
    expect(rows('module')).toEqual([
      expect.objectContaining({
        platform: 'linux/amd64',
        rule: 'gpu/kernel-modules',
        feature: 'kernel.enabledmodule',
        key: '(name) ^nvidia[-_]peermem$',
        change: 'added',
        after: 'matches [^nvidia[-_]peermem$]',
      }),
    ]);
  });

  it('narrowing the kernel range is tightened', () => {
    expect(rows('kernel-narrow')).toEqual([
      expect.objectContaining({
        feature: 'kernel.version',
        key: 'full',
        change: 'tightened',
        before: '>= 5.15 (version)',
        after: '>= 5.15 (version) and < 6.5 (version)',
      }),
    ]);
  });

  it('lowering the floor is loosened', () => {
    const stricter = compiled('driver-550');
    const out = [...base.entries()].flatMap(([p, spec]) => diffSpecs(stricter.get(p), spec, p));
    expect(out.map((r) => [r.key, r.change])).toEqual([['driver_version', 'loosened']]);
  });

  it('a set or platform on one side only: every requirement added or removed', () => {
    const out = diffSpecs(undefined, base.get('linux/arm64'), 'linux/arm64');
    expect(out.map((r) => r.change)).toEqual(out.map(() => 'added'));
    expect(out.map((r) => `${r.feature} ${r.key}`)).toEqual(['kernel.version full', 'cpu.model vendor_id']);
    expect(diffSpecs(base.get('linux/arm64'), undefined).map((r) => r.change)).toEqual([
      'removed',
      'removed',
    ]);
  });

  it('works on raw specs: matchAny alternatives and matchName', () => {
    const spec = (value: string): Spec => ({
      version: 'v1alpha1',
      compatibilities: [
        {
          rules: [
            {
              name: 'os',
              matchAny: [
                {
                  matchFeatures: [
                    { feature: 'system.osrelease', matchExpressions: { ID: n('In', 'ubuntu') } },
                  ],
                },
                {
                  matchFeatures: [
                    { feature: 'system.osrelease', matchExpressions: { ID: n('In', 'rhel', value) } },
                  ],
                },
              ],
            },
            {
              name: 'mods',
              matchFeatures: [{ feature: 'kernel.loadedmodule', matchName: n('InRegexp', '^nv') }],
            },
          ],
        },
      ],
    });
    expect(diffSpecs(spec('rocky'), spec('rhel'))).toEqual([
      expect.objectContaining({ set: '#1', rule: 'os (any 2)', key: 'ID', change: 'tightened' }),
    ]);
  });
});

describe('alignPlatforms', () => {
  it('a spec for every platform stands for each platform of the other side', () => {
    const all = compiled('base').get('linux/amd64')!;
    const [before, after] = alignPlatforms(
      new Map([['', all]]),
      new Map([
        ['linux/amd64', all],
        ['linux/arm64', all],
      ]),
    );
    expect([...before.keys()]).toEqual(['linux/amd64', 'linux/arm64']);
    expect([...after.keys()]).toEqual(['linux/amd64', 'linux/arm64']);
  });
});
