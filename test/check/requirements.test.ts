// The requirement diff: classification of expression changes (table-driven), and whole specs
// compiled from the fixture configs.
import { describe, expect, it } from '@jest/globals';
import semver from 'semver';
import {
  alignPlatforms,
  classify,
  describeRequirement,
  describeVersions,
  diffSpecs,
  kernelVersionRule,
  type RequirementChange,
} from '../../src/check/index.js';
import { compileForPlatforms } from '../../src/config/compile.js';
import { kernelVersionTerms } from '../../src/config/kernel-version.js';
import { parseConfig } from '../../src/config/load.js';
import { parseRange } from '../../src/config/range.js';
import type { FeatureMatcherTerm, MatchExpression, Rule, Spec } from '../../src/spec/types.js';
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
        rule: 'gpu/kernel-version',
        feature: 'kernel.version',
        key: 'version',
        change: 'tightened',
        before: '>=5.15',
        after: '>=5.15 <6.5',
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
    expect(out.map((r) => `${r.feature} ${r.key}`)).toEqual([
      'kernel.version version',
      'cpu.model vendor_id',
    ]);
    expect(out[0]).toMatchObject({ rule: 'arm/kernel-version', after: '>=6.1' });
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

// ---------------------------------------------------------------- kernel version ranges

const KV = 'kernel.version';

/** A kernel range as today's compiler writes it: boxes on major/minor/revision. */
function boxes(range: string): Rule {
  const { alternatives } = kernelVersionTerms(parseRange(range));
  return alternatives.length === 1
    ? { name: 'gpu/kernel-version', matchFeatures: alternatives[0]! }
    : { name: 'gpu/kernel-version', matchAny: alternatives.map((matchFeatures) => ({ matchFeatures })) };
}

/** A kernel range as older compilers wrote it: `full` with `type: version`, a term per bound. */
function full(...alternatives: MatchExpression[][]): Rule {
  const terms = (list: MatchExpression[]): FeatureMatcherTerm[] =>
    list.map((e) => ({ feature: KV, matchExpressions: { full: e } }));
  return alternatives.length === 1
    ? { name: 'gpu/kernel-version', matchFeatures: terms(alternatives[0]!) }
    : { name: 'gpu/kernel-version', matchAny: alternatives.map((a) => ({ matchFeatures: terms(a) })) };
}

const kspec = (...rules: Rule[]): Spec => ({ version: 'v1alpha1', compatibilities: [{ tag: 'gpu', rules }] });

describe('kernel version ranges compare as sets of versions', () => {
  const cases: Array<[string, Rule, Rule, string | undefined, string, string]> = [
    [
      'narrowing (an upper bound added)',
      boxes('>=5.15'),
      boxes('>=5.15 <6.9'),
      'tightened',
      '>=5.15',
      '>=5.15 <6.9',
    ],
    [
      'narrowing (the floor raised)',
      boxes('>=5.15 <6.9'),
      boxes('>=6.1 <6.9'),
      'tightened',
      '>=5.15 <6.9',
      '>=6.1 <6.9',
    ],
    ['adding a bound on the revision', boxes('>=5.15'), boxes('>=5.15.3'), 'tightened', '>=5.15', '>=5.15.3'],
    ['adding a bound to every version', full([n('Exists')]), boxes('>=5.15'), 'tightened', '*', '>=5.15'],
    [
      'widening (the ceiling raised)',
      boxes('>=5.15 <6.5'),
      boxes('>=5.15 <6.9'),
      'loosened',
      '>=5.15 <6.5',
      '>=5.15 <6.9',
    ],
    [
      'widening (the ceiling dropped)',
      boxes('>=5.15 <6.5'),
      boxes('>=5.15'),
      'loosened',
      '>=5.15 <6.5',
      '>=5.15',
    ],
    ['widening (the floor lowered)', boxes('>=6.1'), boxes('>=5.15'), 'loosened', '>=6.1', '>=5.15'],
    ['equal, written otherwise (>5.14 is >=5.15)', boxes('>=5.15'), boxes('>5.14'), undefined, '', ''],
    ['equal, || parts in another order', boxes('~5.10 || ~5.15'), boxes('~5.15 || ~5.10'), undefined, '', ''],
    [
      'shifting (a range moved up)',
      boxes('>=5.15 <6.5'),
      boxes('>=6.1 <6.9'),
      'changed',
      '>=5.15 <6.5',
      '>=6.1 <6.9',
    ],
    [
      'shifting (one release for another)',
      boxes('~5.15'),
      boxes('~6.8'),
      'changed',
      '>=5.15 <5.16',
      '>=6.8 <6.9',
    ],
    [
      '|| union: a part added',
      boxes('~5.15 || ~6.1'),
      boxes('~5.15 || ~6.1 || >=6.8'),
      'loosened',
      '>=5.15 <5.16 || >=6.1 <6.2',
      '>=5.15 <5.16 || >=6.1 <6.2 || >=6.8',
    ],
    [
      '|| union: a part dropped',
      boxes('~5.10 || ~5.15'),
      boxes('~5.15'),
      'tightened',
      '>=5.10 <5.11 || >=5.15 <5.16',
      '>=5.15 <5.16',
    ],
    [
      '|| union: adjacent parts read as one',
      boxes('>=5.15 <6.1'),
      boxes('>=5.15 <5.19 || >=5.19 <6.1'),
      undefined,
      '',
      '',
    ],
    [
      '|| union: one part narrowed, one widened',
      boxes('~5.15 || >=6.8'),
      boxes('>=5.10 <5.16 || >=6.9'),
      'changed',
      '>=5.15 <5.16 || >=6.8',
      '>=5.10 <5.16 || >=6.9',
    ],
    [
      'old full form vs boxes: narrowed',
      full([v('Ge', '5.15')]),
      boxes('>=5.15 <6.9'),
      'tightened',
      '>=5.15',
      '>=5.15 <6.9',
    ],
    [
      'old full form vs boxes: equal',
      full([v('Ge', '5.15'), v('Lt', '6.9')]),
      boxes('>=5.15 <6.9'),
      undefined,
      '',
      '',
    ],
    [
      'old full form vs boxes: shifted',
      full([v('Ge', '5.15'), v('Lt', '6.5')]),
      boxes('>=6.1'),
      'changed',
      '>=5.15 <6.5',
      '>=6.1',
    ],
    [
      'old full Gt/Le vs boxes',
      full([v('Gt', '5.15.2'), v('Le', '6.8.9')]),
      boxes('>=5.15.3 <6.8.10'),
      undefined,
      '',
      '',
    ],
    [
      'old full GeLe vs boxes: widened',
      full([v('GeLe', '5.15', '6.8')]),
      boxes('>=5.15 <6.9'),
      'loosened',
      '>=5.15 <6.8.1',
      '>=5.15 <6.9',
    ],
    [
      'old full form || vs boxes',
      full([v('Ge', '5.10'), v('Lt', '5.11')], [v('Ge', '5.15')]),
      boxes('~5.10 || >=5.15'),
      undefined,
      '',
      '',
    ],
    [
      'boxes vs a full form after',
      boxes('>=5.15 <6.9'),
      full([v('Ge', '5.15')]),
      'loosened',
      '>=5.15 <6.9',
      '>=5.15',
    ],
  ];
  it.each(cases)('%s', (_, before, after, change, beforeText, afterText) => {
    const rows = diffSpecs(kspec(before), kspec(after));
    const expected: RequirementChange[] = change
      ? [
          {
            platform: '',
            set: 'gpu',
            rule: 'gpu/kernel-version',
            feature: KV,
            key: 'version',
            change: change as RequirementChange['change'],
            before: beforeText,
            after: afterText,
          },
        ]
      : [];
    expect(rows).toEqual(expected);
  });

  it('a range added or removed is one row, the range readable', () => {
    const other: Rule = {
      name: 'gpu/os',
      matchFeatures: [{ feature: 'system.osrelease', matchExpressions: { ID: n('In', 'ubuntu') } }],
    };
    expect(diffSpecs(kspec(other), kspec(other, boxes('>=5.15 <6.9 || >=6.10')))).toEqual([
      expect.objectContaining({ key: 'version', change: 'added', after: '>=5.15 <6.9 || >=6.10' }),
    ]);
    expect(diffSpecs(kspec(other, boxes('>=5.15')), kspec(other))).toEqual([
      expect.objectContaining({ key: 'version', change: 'removed', before: '>=5.15' }),
    ]);
  });

  it('the full form on both sides compares as before: expressions on `full`', () => {
    expect(diffSpecs(kspec(full([v('Ge', '5.15')])), kspec(full([v('Ge', '5.15'), v('Lt', '6.5')])))).toEqual(
      [
        expect.objectContaining({
          key: 'full',
          change: 'tightened',
          before: '>= 5.15 (version)',
          after: '>= 5.15 (version) and < 6.5 (version)',
        }),
      ],
    );
  });

  it('boxes beside other requirements in a hand-written rule: the boxes are one requirement', () => {
    // One box each (`>=6`: major Gt 5; `~6.8`: major In [6], minor In [8]), beside a module.
    const mixed = (range: string, ...more: FeatureMatcherTerm[]): Rule => ({
      name: 'gpu/kernel',
      matchFeatures: [...boxes(range).matchFeatures!, ...more],
    });
    const module: FeatureMatcherTerm = {
      feature: 'kernel.enabledmodule',
      matchExpressions: { nvidia: n('Exists') },
    };
    expect(kernelVersionRule(mixed('>=6', module))).toBeUndefined();
    expect(diffSpecs(kspec(mixed('>=6', module)), kspec(mixed('~6.8')))).toEqual([
      expect.objectContaining({ key: 'version', change: 'tightened', before: '>=6.0', after: '>=6.8 <6.9' }),
      expect.objectContaining({ feature: 'kernel.enabledmodule', key: 'nvidia', change: 'removed' }),
    ]);
  });

  it.each([
    ['>=5.15 <6.9', '>=5.15 <6.9'],
    ['5.15', '>=5.15 <5.16'],
    ['>=5.15.3', '>=5.15.3'],
    ['<6', '<6.0'],
    ['~5.10 || ~5.15', '>=5.10 <5.11 || >=5.15 <5.16'],
  ])('%s reads back as %s', (range, text) => {
    expect(describeVersions(kernelVersionRule(boxes(range))!.versions)).toBe(text);
  });

  it('the versions read back are those npm semver admits (on every (major, minor, revision) of a grid)', () => {
    const ranges = [
      '>=5.15 <6.9',
      '~5.10 || ~5.15',
      '>=4.18.0 <5',
      '>5.14.3 <=6.8.2',
      '^6.1.5',
      '5.4 - 6.2',
      '<5.10.3 || >=6.7',
    ];
    const inside = (set: Array<{ lo: number[]; hi?: number[] }>, t: number[]) => {
      const cmp = (a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
      return set.some((iv) => cmp(iv.lo, t) <= 0 && (!iv.hi || cmp(t, iv.hi) < 0));
    };
    for (const range of ranges) {
      const set = kernelVersionRule(boxes(range))!.versions;
      const wrong: string[] = [];
      for (let a = 3; a <= 7; a++)
        for (let b = 0; b <= 20; b++)
          for (let c = 0; c <= 4; c++)
            if (inside(set, [a, b, c]) !== semver.satisfies(`${a}.${b}.${c}`, range))
              wrong.push(`${a}.${b}.${c}`);
      expect([range, wrong]).toEqual([range, []]);
    }
  });

  it('boxes that are no finite union of ranges are compared key by key, as before', () => {
    // `major > 5 and minor < 3` is every 6.0-6.2, 7.0-7.2, ...: no range.
    const odd = (minor: string): Rule => ({
      name: 'gpu/kernel-version',
      matchFeatures: [{ feature: KV, matchExpressions: { major: n('Gt', '5'), minor: n('Lt', minor) } }],
    });
    expect(kernelVersionRule(odd('3'))).toBeUndefined();
    expect(diffSpecs(kspec(odd('3')), kspec(odd('2')))).toEqual([
      expect.objectContaining({ key: 'minor', change: 'tightened', before: '< 3', after: '< 2' }),
    ]);
  });

  it('every version and none', () => {
    expect(describeVersions(kernelVersionRule(full([n('Exists')]))!.versions)).toBe('*');
    expect(describeVersions([])).toBe('none');
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
