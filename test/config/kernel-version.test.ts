// kernel.version ranges compiled to NFD's integer attributes major/minor/revision: the compiled
// form, and verdicts of the compiled spec (evaluated by src/match, on hosts whose kernel.version is
// what our collector, like NFD, derives from the release) against a reference comparison: npm's
// semver on the (major, minor, revision) NFD reports. RHEL releases get verdicts, not errors.
import { describe, expect, it } from '@jest/globals';
import semver from 'semver';
import { compileConfig } from '../../src/config/compile.js';
import { kernelVersionTerms, splitTuples } from '../../src/config/kernel-version.js';
import { parseRange } from '../../src/config/range.js';
import { parseKernelVersion } from '../../src/features/kernel.js';
import type { Features } from '../../src/features/types.js';
import { evaluateSpec, isCompatible } from '../../src/match/index.js';
import type { Spec } from '../../src/spec/types.js';
import { configWith } from './hosts.js';

const kernel = (release: string): Features => ({
  attributes: { 'kernel.version': { elements: parseKernelVersion(release) } },
});

function compile(range: string): Spec {
  const r = compileConfig(configWith({ kernel: { version: range } }));
  const errors = r.issues.filter((i) => i.severity === 'error');
  if (errors.length) throw new Error(errors.map((e) => e.message).join('; '));
  return r.spec;
}

const verdict = (spec: Spec, release: string) => isCompatible(evaluateSpec(spec, kernel(release)));

/** The reference: NFD's integers for the release (as its regex reads them), compared by npm semver. */
function reference(range: string, release: string): boolean | undefined {
  const m = /^(\d+)(\.(\d+))?(\.(\d+))?(-.*)?$/.exec(release);
  if (!m) return undefined;
  return semver.satisfies(`${m[1]}.${m[3] || 0}.${m[5] || 0}`, range);
}

const term = (m: Record<string, unknown>) => [{ feature: 'kernel.version', matchExpressions: m }];
const e = (op: string, ...value: string[]) => ({ op, value });

describe('compiled form', () => {
  it.each<[string, Array<Record<string, unknown>>]>([
    [
      '>=5.15 <6.9',
      [
        { major: e('In', '5'), minor: e('Gt', '14') },
        { major: e('In', '6'), minor: e('Lt', '9') },
      ],
    ],
    ['>=5.15', [{ major: e('In', '5'), minor: e('Gt', '14') }, { major: e('Gt', '5') }]],
    ['<6.9', [{ major: e('Lt', '6') }, { major: e('In', '6'), minor: e('Lt', '9') }]],
    [
      '>=5.15.3',
      [
        { major: e('In', '5'), minor: e('In', '15'), revision: e('Gt', '2') },
        { major: e('In', '5'), minor: e('Gt', '15') },
        { major: e('Gt', '5') },
      ],
    ],
    ['~5.10 || ~5.15', [{ major: e('In', '5'), minor: e('In', '10', '15') }]],
    ['^6.1', [{ major: e('In', '6'), minor: e('Gt', '0') }]],
    ['>=6.1 <6.5', [{ major: e('In', '6'), minor: e('GtLt', '0', '5') }]],
    ['*', [{ full: { op: 'Exists' } }]],
  ])('%s', (range, alternatives) => {
    const rule = compile(range).compatibilities[0]!.rules[0]!;
    expect(rule.name).toBe('t/kernel-version');
    const got = rule.matchAny ? rule.matchAny.map((a) => a.matchFeatures) : [rule.matchFeatures];
    expect(got).toEqual(alternatives.map(term));
  });

  it('a lone box is plain matchFeatures; no `type: version` anywhere, and no NFD v0.18 note', () => {
    const r = compileConfig(configWith({ kernel: { version: '5.15' } }));
    expect(r.spec.compatibilities[0]!.rules).toEqual([
      { name: 't/kernel-version', matchFeatures: term({ major: e('In', '5'), minor: e('In', '15') }) },
    ]);
    const all = compile('>=4.19.300 <5.4.2 || ^6.1');
    expect(JSON.stringify(all)).not.toContain('"type"');
    expect(r.notes.some((n) => n.includes('type: version'))).toBe(false);
  });

  it('refuses a part no integer version satisfies, and a pre-release bound as before', () => {
    for (const [range, message] of [
      ['>6.1.0 <6.1.1', /can never match/],
      ['>=6.9.0-rc1', /pre-release/],
    ] as const) {
      const r = compileConfig(configWith({ kernel: { version: range } }));
      expect(r.issues).toEqual([
        expect.objectContaining({
          severity: 'error',
          message: expect.stringMatching(message),
          path: ['compatibilities', 0, 'require', 'kernel', 'version'],
        }),
      ]);
    }
  });

  it('splits tuple intervals into ascending boxes', () => {
    expect(splitTuples([5, 15, 0], [6, 9, 0])).toEqual([
      [{ lo: 5, hi: 6 }, { lo: 15 }],
      [{ lo: 6, hi: 7 }, { hi: 9 }],
    ]);
    expect(splitTuples([5, 15, 0], [5, 15, 0])).toEqual([]);
    // The same box from two `||` parts is written once.
    expect(kernelVersionTerms(parseRange('~5.15 || 5.15')).alternatives).toHaveLength(1);
  });
});

// Releases as hosts report them in /proc/sys/kernel/osrelease.
const RELEASES = [
  '5.15.0-105-generic', // Ubuntu 22.04
  '6.8.0-45-generic', // Ubuntu 24.04
  '6.9.0-rc3', // a release candidate: NFD's revision is 0, so it is 6.9.0
  '4.18.0-553.el8_10.x86_64', // RHEL 8.10: not a version to NFD's `type: version`
  '5.14.0-427.13.1.el9_4.x86_64', // RHEL 9.4
  '6.1.0-28-amd64', // Debian 12
  '5.4.0-200-generic',
  '6.8.12-arch1-1',
  '6.10.3',
  '3.10.0-1160.el7.x86_64', // RHEL 7
];

const RANGES = [
  '>=5.15 <6.9',
  '>=5.15',
  '>5.15',
  '>5.15.0',
  '<6.9',
  '<=6.8',
  '<=6.8.12',
  '<6.8.12',
  '=5.15',
  '5.14',
  '=6.1.0',
  '6',
  '^6.1',
  '^5.14.0',
  '~5.14',
  '~6.8.3',
  '>=4.18 <5',
  '>=4.18.0',
  '4.18.0 - 5.14',
  '~5.15 || >=6.8',
  '^4.18 || ^5.14 || >=6.10',
  '>=6.9',
  '>=6.8.1 <6.10.2',
  '*',
];

describe('verdicts equal the reference comparison on real releases', () => {
  it('NFD reads the releases as the brief says', () => {
    const v = (r: string) => {
      const { major, minor, revision } = parseKernelVersion(r);
      return [major, minor, revision];
    };
    expect(v('6.9.0-rc3')).toEqual(['6', '9', '0']);
    expect(v('4.18.0-553.el8_10.x86_64')).toEqual(['4', '18', '0']);
    expect(v('5.14.0-427.13.1.el9_4.x86_64')).toEqual(['5', '14', '0']);
  });

  const cases = RANGES.flatMap((range) => RELEASES.map((release) => [range, release] as const));
  it.each(cases)('%s on %s', (range, release) => {
    const expected = reference(range, release);
    expect(expected).toBeDefined();
    expect(verdict(compile(range), release)).toBe(expected);
  });

  it.each<[string, string, boolean]>([
    ['>=5.15 <6.9', '5.15.0-105-generic', true],
    ['>=5.15 <6.9', '6.8.0-45-generic', true],
    ['>=5.15 <6.9', '6.9.0-rc3', false], // 6.9.0 to NFD
    ['>=5.15 <6.9', '4.18.0-553.el8_10.x86_64', false],
    ['>=5.15 <6.9', '5.14.0-427.13.1.el9_4.x86_64', false],
    ['>=5.15 <6.9', '6.1.0-28-amd64', true],
    ['>=4.18', '4.18.0-553.el8_10.x86_64', true],
    ['~5.14', '5.14.0-427.13.1.el9_4.x86_64', true],
  ])('%s on %s: %s', (range, release, expected) => {
    expect(verdict(compile(range), release)).toBe(expected);
    expect(reference(range, release)).toBe(expected);
  });

  it('the old form (`full` with `type: version`) fails to evaluate on RHEL: why the form changed', () => {
    const old: Spec = {
      version: 'v1alpha1',
      compatibilities: [
        {
          rules: [
            {
              name: 'k',
              matchFeatures: [
                {
                  feature: 'kernel.version',
                  matchExpressions: { full: { op: 'Ge', value: ['5.15'], type: 'version' } },
                },
              ],
            },
          ],
        },
      ],
    };
    expect(() => evaluateSpec(old, kernel('4.18.0-553.el8_10.x86_64'))).toThrow(/not a version/);
    expect(verdict(compile('>=5.15'), '4.18.0-553.el8_10.x86_64')).toBe(false);
  });
});

describe('every range against a grid of versions', () => {
  const majors = [3, 4, 5, 6, 7];
  const minors = [0, 1, 4, 5, 8, 9, 10, 14, 15, 16, 18, 19];
  const revisions = [0, 1, 2, 3, 4, 12, 13, 300];
  it.each(RANGES)('%s', (range) => {
    const spec = compile(range);
    const wrong: string[] = [];
    for (const a of majors)
      for (const b of minors)
        for (const c of revisions) {
          const release = `${a}.${b}.${c}-1-generic`;
          if (verdict(spec, release) !== reference(range, release)) wrong.push(release);
        }
    expect(wrong).toEqual([]);
  });
});

describe('releases without all three components', () => {
  // NFD's own test: "6.8" gives major 6, minor 8 and revision "" (Go's empty submatch).
  it('"6.8": verdicts where the range names no revision; an error where it does, as in NFD', () => {
    expect(parseKernelVersion('6.8')).toEqual({ full: '6.8', major: '6', minor: '8', revision: '' });
    expect(verdict(compile('>=5.15 <6.9'), '6.8')).toBe(true);
    expect(verdict(compile('>=6.9'), '6.8')).toBe(false);
    expect(verdict(compile('~6.8'), '6.8-foo')).toBe(true);
    // `revision Gt 2` on "": NFD's strconv.Atoi fails, so does the evaluation.
    expect(() => verdict(compile('>=6.8.3'), '6.8')).toThrow(/not a number ""/);
    // An exact revision is `In`, which compares strings: no error, no match.
    expect(verdict(compile('=6.8.3'), '6.8')).toBe(false);
  });

  it('a release NFD cannot split (four components, WSL; `+` made `_`, Raspberry Pi OS) does not match', () => {
    for (const release of ['5.15.153.1-microsoft-standard-WSL2', '6.6.31+rpt-rpi-v8']) {
      expect(parseKernelVersion(release).major).toBeUndefined();
      expect(verdict(compile('>=5.15'), release)).toBe(false);
      expect(verdict(compile('*'), release)).toBe(true);
    }
  });
});
