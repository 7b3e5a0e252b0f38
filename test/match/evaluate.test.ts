import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { EvaluationError } from '../../src/errors.js';
import type { Features } from '../../src/features/types.js';
import { evaluateSpec, isCompatible } from '../../src/match/index.js';
import type { CompatibilityResult } from '../../src/match/types.js';
import type { FeatureMatcherTerm, Rule, Spec } from '../../src/spec/types.js';

const host = JSON.parse(readFileSync('test/fixtures/match/host.json', 'utf8')) as Features;

const specOf = (...rules: Rule[]): Spec => ({ version: 'v1alpha1', compatibilities: [{ rules }] });
const termRule = (...terms: FeatureMatcherTerm[]): Rule => ({ name: 'r', matchFeatures: terms });
const ruleMatches = (rule: Rule, features: Features = host): boolean =>
  evaluateSpec(specOf(rule), features)[0]!.rules[0]!.isMatch;

// [what, term, matches]
const terms: Array<[string, FeatureMatcherTerm, boolean]> = [
  ['flag Exists', { feature: 'kernel.loadedmodule', matchExpressions: { vfio_pci: { op: 'Exists' } } }, true],
  [
    'flag names are exact (no - / _ folding)',
    { feature: 'kernel.loadedmodule', matchExpressions: { 'vfio-pci': { op: 'Exists' } } },
    false,
  ],
  [
    'element keys are case-sensitive',
    { feature: 'cpu.cpuid', matchExpressions: { avx2: { op: 'Exists' } } },
    false,
  ],
  [
    'feature name is lower-cased',
    { feature: 'CPU.CPUID', matchExpressions: { AVX2: { op: 'Exists' } } },
    true,
  ],
  [
    'flag DoesNotExist',
    { feature: 'cpu.cpuid', matchExpressions: { AVX512FP16: { op: 'DoesNotExist' } } },
    true,
  ],
  [
    'In never matches a flag',
    { feature: 'cpu.cpuid', matchExpressions: { AVX2: { op: 'In', value: ['AVX2'] } } },
    false,
  ],
  [
    'absent feature is false, even for DoesNotExist',
    { feature: 'no.such', matchExpressions: { x: { op: 'DoesNotExist' } } },
    false,
  ],
  ['absent feature with no expressions', { feature: 'no.such' }, false],
  ['present feature with no expressions', { feature: 'cpu.model' }, true],
  ['empty expression set on an attribute feature', { feature: 'empty.attr', matchExpressions: {} }, true],
  [
    'attribute In',
    { feature: 'cpu.model', matchExpressions: { vendor_id: { op: 'In', value: ['Intel', 'AMD'] } } },
    true,
  ],
  [
    'attribute In, wrong value',
    { feature: 'cpu.model', matchExpressions: { vendor_id: { op: 'In', value: ['GenuineIntel'] } } },
    false,
  ],
  [
    'NotIn on a missing key is false',
    { feature: 'cpu.model', matchExpressions: { hypervisor: { op: 'NotIn', value: ['kvm'] } } },
    false,
  ],
  [
    'all expressions must hold',
    {
      feature: 'cpu.model',
      matchExpressions: { vendor_id: { op: 'In', value: ['Intel'] }, family: { op: 'Gt', value: ['6'] } },
    },
    false,
  ],
  [
    'Gt on an attribute',
    { feature: 'kernel.version', matchExpressions: { major: { op: 'Gt', value: ['5'] } } },
    true,
  ],
  [
    'version Ge with pre-release host value',
    { feature: 'kernel.version', matchExpressions: { full: { op: 'Ge', value: ['6.8'], type: 'version' } } },
    true,
  ],
  ['IsFalse', { feature: 'kernel.selinux', matchExpressions: { enabled: { op: 'IsFalse' } } }, true],
  ['IsTrue', { feature: 'kernel.selinux', matchExpressions: { enabled: { op: 'IsTrue' } } }, false],
  [
    'flags and attributes together: key only in flags',
    { feature: 'mixed.feature', matchExpressions: { onlyflag: { op: 'Exists' } } },
    true,
  ],
  [
    'flags and attributes together: key only in attributes',
    { feature: 'mixed.feature', matchExpressions: { onlyattr: { op: 'In', value: ['x'] } } },
    true,
  ],
  [
    'DoesNotExist must hold in both (flag)',
    { feature: 'mixed.feature', matchExpressions: { onlyflag: { op: 'DoesNotExist' } } },
    false,
  ],
  [
    'DoesNotExist must hold in both (attribute)',
    { feature: 'mixed.feature', matchExpressions: { onlyattr: { op: 'DoesNotExist' } } },
    false,
  ],
  [
    'DoesNotExist holding in both',
    { feature: 'mixed.feature', matchExpressions: { neither: { op: 'DoesNotExist' } } },
    true,
  ],
  [
    'instance: one instance satisfies all',
    {
      feature: 'pci.device',
      matchExpressions: { vendor: { op: 'In', value: ['10de'] }, class: { op: 'In', value: ['0300'] } },
    },
    true,
  ],
  [
    'instance: expressions hold only in different instances',
    {
      feature: 'pci.device',
      matchExpressions: { vendor: { op: 'In', value: ['10de'] }, class: { op: 'In', value: ['0302'] } },
    },
    false,
  ],
  [
    'instance: Exists on an attribute of one instance',
    { feature: 'pci.device', matchExpressions: { sriov_totalvfs: { op: 'Exists' } } },
    true,
  ],
  [
    'instance: Gt',
    { feature: 'pci.device', matchExpressions: { sriov_totalvfs: { op: 'Ge', value: ['8'] } } },
    true,
  ],
  [
    'instance: DoesNotExist in some instance',
    { feature: 'pci.device', matchExpressions: { sriov_totalvfs: { op: 'DoesNotExist' } } },
    true,
  ],
  ['empty instance list is false', { feature: 'usb.device', matchExpressions: {} }, false],
  [
    'empty instance list is false even for DoesNotExist',
    { feature: 'usb.device', matchExpressions: { x: { op: 'DoesNotExist' } } },
    false,
  ],
  ['matchName on flags', { feature: 'cpu.cpuid', matchName: { op: 'InRegexp', value: ['^AVX512'] } }, true],
  [
    'matchName on flags, no name',
    { feature: 'cpu.cpuid', matchName: { op: 'InRegexp', value: ['^AMX'] } },
    false,
  ],
  ['matchName on attributes', { feature: 'kernel.config', matchName: { op: 'In', value: ['NO_HZ'] } }, true],
  [
    'matchName on instances (attribute names)',
    { feature: 'pci.device', matchName: { op: 'In', value: ['sriov_totalvfs'] } },
    true,
  ],
  [
    'matchName and matchExpressions both must hold',
    {
      feature: 'cpu.cpuid',
      matchExpressions: { AVX2: { op: 'Exists' } },
      matchName: { op: 'In', value: ['AMXTILE'] },
    },
    false,
  ],
  [
    'matchName and matchExpressions both holding',
    {
      feature: 'cpu.cpuid',
      matchExpressions: { AVX2: { op: 'Exists' } },
      matchName: { op: 'In', value: ['SSE42'] },
    },
    true,
  ],
];

describe('term semantics', () => {
  it.each(terms)('%s', (_what, term, expected) => {
    expect(ruleMatches(termRule(term))).toBe(expected);
  });
});

describe('rules', () => {
  const yes: FeatureMatcherTerm = { feature: 'cpu.cpuid', matchExpressions: { AVX2: { op: 'Exists' } } };
  const no: FeatureMatcherTerm = { feature: 'cpu.cpuid', matchExpressions: { AMXTILE: { op: 'Exists' } } };
  it.each([
    ['empty rule', { name: 'r' }, true],
    ['empty matchFeatures list', { name: 'r', matchFeatures: [] }, true],
    ['matchFeatures is an AND', { name: 'r', matchFeatures: [yes, no] }, false],
    ['matchAny is an OR', { name: 'r', matchAny: [{ matchFeatures: [no] }, { matchFeatures: [yes] }] }, true],
    ['matchAny with no matching element', { name: 'r', matchAny: [{ matchFeatures: [no] }] }, false],
    [
      'matchAny and matchFeatures are an AND',
      { name: 'r', matchAny: [{ matchFeatures: [yes] }], matchFeatures: [no] },
      false,
    ],
    [
      'failed matchAny, matching matchFeatures',
      { name: 'r', matchAny: [{ matchFeatures: [no] }], matchFeatures: [yes] },
      false,
    ],
    ['empty matchAny element matches', { name: 'r', matchAny: [{ matchFeatures: [] }] }, true],
  ] as Array<[string, Rule, boolean]>)('%s', (_what, rule, expected) => {
    expect(ruleMatches(rule)).toBe(expected);
  });
});

describe('evaluateSpec results', () => {
  it("has NFD's result shape, with host values", () => {
    const spec: Spec = {
      version: 'v1alpha1',
      compatibilities: [
        {
          description: 'GPU nodes',
          tag: 'gpu',
          weight: 10,
          rules: [
            {
              name: 'driver',
              matchFeatures: [
                {
                  feature: 'gpu.driver',
                  matchExpressions: { version: { op: 'Ge', value: ['535'], type: 'version' } },
                },
                { feature: 'pci.device', matchExpressions: { vendor: { op: 'In', value: ['10de'] } } },
              ],
            },
          ],
        },
      ],
    };
    const results = evaluateSpec(spec, host);
    const expected: CompatibilityResult[] = [
      {
        rules: [
          {
            name: 'driver',
            isMatch: false,
            matchedExpressions: [
              {
                feature: 'gpu.driver',
                name: 'version',
                expression: { op: 'Ge', value: ['535'], type: 'version' },
                matcherType: 'matchExpression',
                isMatch: false,
                hostValues: ['470.82.01'],
              },
              {
                feature: 'pci.device',
                name: 'vendor',
                expression: { op: 'In', value: ['10de'] },
                matcherType: 'matchExpression',
                isMatch: true,
                hostValues: ['10de', '8086'],
              },
            ],
          },
        ],
        description: 'GPU nodes',
        weight: 10,
        tag: 'gpu',
      },
    ];
    expect(results).toEqual(expected);
    // Key order as NFD's Go structs.
    expect(Object.keys(results[0]!)).toEqual(['rules', 'description', 'weight', 'tag']);
    expect(Object.keys(results[0]!.rules[0]!.matchedExpressions![0]!)).toEqual([
      'feature',
      'name',
      'expression',
      'matcherType',
      'isMatch',
      'hostValues',
    ]);
    expect(isCompatible(results)).toBe(false);
  });

  it('reports expressions sorted by feature, name, expression, and matchAny per element', () => {
    const rule: Rule = {
      name: 'any',
      matchAny: [
        { matchFeatures: [{ feature: 'cpu.cpuid', matchName: { op: 'InRegexp', value: ['^AVX'] } }] },
        { matchFeatures: [{ feature: 'kernel.loadedmodule' }] },
      ],
      matchFeatures: [
        { feature: 'kernel.version', matchExpressions: { minor: { op: 'Exists' }, major: { op: 'Exists' } } },
        { feature: 'cpu.model', matchExpressions: { vendor_id: { op: 'Exists' } } },
      ],
    };
    const [res] = evaluateSpec(specOf(rule), host);
    const r = res!.rules[0]!;
    expect(r.isMatch).toBe(true);
    expect(r.matchedExpressions!.map((m) => `${m.feature}.${m.name}`)).toEqual([
      'cpu.model.vendor_id',
      'kernel.version.major',
      'kernel.version.minor',
    ]);
    expect(r.matchedAny).toEqual([
      {
        matchedExpressions: [
          {
            feature: 'cpu.cpuid',
            name: '',
            expression: { op: 'InRegexp', value: ['^AVX'] },
            matcherType: 'matchName',
            isMatch: true,
            hostValues: ['AVX2', 'AVX512F'],
          },
        ],
      },
      { matchedExpressions: null },
    ]);
  });

  it('reports, as NFD, an expression that held in some instance even when no instance satisfied all', () => {
    const [res] = evaluateSpec(specOf(termRule(terms[24]![1])), host);
    expect(res!.rules[0]!.isMatch).toBe(false);
    expect(res!.rules[0]!.matchedExpressions!.map((m) => m.isMatch)).toEqual([true, true]);
  });

  it('reports every expression of a feature spelled with capitals as failed, as NFD', () => {
    const [res] = evaluateSpec(
      specOf(termRule({ feature: 'CPU.cpuid', matchExpressions: { AVX2: { op: 'Exists' } } })),
      host,
    );
    expect(res!.rules[0]!.isMatch).toBe(true);
    expect(res!.rules[0]!.matchedExpressions![0]!.isMatch).toBe(false);
    expect(res!.rules[0]!.matchedExpressions![0]!.hostValues).toEqual(['AVX2']);
  });

  it('omits empty fields as NFD (omitempty)', () => {
    const [res] = evaluateSpec(specOf({ name: 'empty' }), host);
    expect(res).toEqual({ rules: [{ name: 'empty', isMatch: true }] });
  });

  it('selects sets by tag and treats sets as alternatives', () => {
    const spec: Spec = {
      version: 'v1alpha1',
      compatibilities: [
        { tag: 'a', rules: [termRule(terms[0]![1])] },
        { tag: 'b', rules: [termRule(terms[1]![1])] },
        { rules: [termRule(terms[0]![1])] },
      ],
    };
    expect(evaluateSpec(spec, host).map((r) => r.tag)).toEqual(['a', 'b', undefined]);
    expect(evaluateSpec(spec, host, { tags: ['b'] }).map((r) => r.tag)).toEqual(['b']);
    expect(isCompatible(evaluateSpec(spec, host, { tags: ['b'] }))).toBe(false);
    expect(isCompatible(evaluateSpec(spec, host, { tags: ['a', 'b'] }))).toBe(true);
    expect(evaluateSpec(spec, host, { tags: ['zzz'] })).toEqual([]);
    expect(isCompatible([])).toBe(false);
  });

  it("feeds a matching rule's vars to later rules as rule.matched, without touching the input", () => {
    const copy = JSON.parse(JSON.stringify(host)) as Features;
    const spec = specOf(
      { name: 'first', matchFeatures: [terms[0]![1]], vars: { gpu: 'yes' } },
      {
        name: 'second',
        matchFeatures: [{ feature: 'rule.matched', matchExpressions: { gpu: { op: 'In', value: ['yes'] } } }],
      },
    );
    expect(evaluateSpec(spec, copy)[0]!.rules.map((r) => r.isMatch)).toEqual([true, true]);
    expect(copy).toEqual(host);
  });

  it('throws EvaluationError naming the set and rule', () => {
    const spec: Spec = {
      version: 'v1alpha1',
      compatibilities: [
        { tag: 'ok', rules: [{ name: 'fine' }] },
        {
          tag: 'gpu',
          rules: [
            {
              name: 'driver',
              matchFeatures: [
                { feature: 'gpu.driver', matchExpressions: { version: { op: 'Ge', value: ['535'] } } },
              ],
            },
          ],
        },
      ],
    };
    expect(() => evaluateSpec(spec, host)).toThrow(EvaluationError);
    expect(() => evaluateSpec(spec, host)).toThrow(
      'compatibility set #2 (tag "gpu"), rule "driver": feature gpu.driver, element "version": not a number "470.82.01"',
    );
    try {
      evaluateSpec(spec, host);
    } catch (err) {
      expect((err as EvaluationError).context).toEqual({
        set: 'gpu',
        rule: 'driver',
        feature: 'gpu.driver',
        key: 'version',
      });
    }
  });

  it('does not look up features through the prototype chain', () => {
    expect(ruleMatches(termRule({ feature: 'constructor' }), {})).toBe(false);
  });
});
