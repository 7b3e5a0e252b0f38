// The compiled evaluator (src/match) against the reference evaluator it replaced
// (test/helpers/reference-evaluator, a frozen copy): the same results, or the same first error
// (message and context), on the benchmark's inputs and on random specs and hosts, in both failFast
// modes, with the spec compiled once for many hosts as `validate` does; and without reports
// (`reports: false`, check's fleet impact) the same verdicts, or the same first error.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import type { Features } from '../../src/features/types.js';
import type { CompatibilityResult } from '../../src/match/types.js';
import { compileSpec, evaluateSpec } from '../../src/match/index.js';
import { parseSpec } from '../../src/spec/parse.js';
import type { FeatureMatcherTerm, MatchExpression, Rule, Spec } from '../../src/spec/types.js';
import { hostFeatures, specWith } from '../helpers/bench-inputs.js';
import { evaluateSpec as referenceEvaluateSpec } from '../helpers/reference-evaluator/index.js';
import { DIRECT_INSTANCES } from '../../src/match/host.js';

type Opts = { tags?: string[]; failFast?: boolean };

/** A result, or the error as data (its class, message and context). */
function outcome(f: () => unknown): unknown {
  try {
    return { ok: f() };
  } catch (err) {
    const e = err as Error & { context?: unknown };
    return { error: e.constructor.name, message: e.message, context: e.context };
  }
}

/** What the random runs met: errors, matching and failing rules (each must happen). */
const seen = { error: 0, match: 0, miss: 0 };

/** The same JSON, byte for byte (the results of a big spec: toEqual would take a minute). */
function expectSameJson(got: unknown, want: unknown): void {
  const a = JSON.stringify(got);
  const b = JSON.stringify(want);
  if (a === b) return;
  let i = 0;
  while (a[i] === b[i]) i++;
  expect(a.slice(Math.max(0, i - 300), i + 300)).toBe(b.slice(Math.max(0, i - 300), i + 300));
}

/** A set's result as `reports: false` gives it: each rule's name and isMatch only. */
function verdictsOnly(result: CompatibilityResult): CompatibilityResult {
  return { ...result, rules: result.rules.map(({ name, isMatch }) => ({ name, isMatch })) };
}

function expectSame(spec: Spec, hosts: readonly Features[], opts: Opts = {}, big = false): void {
  const compiled = compileSpec(spec);
  for (const host of hosts) {
    const before = JSON.stringify(host);
    const want = outcome(() => referenceEvaluateSpec(spec, host, opts)) as { ok?: CompatibilityResult[] };
    if (!want.ok) seen.error++;
    for (const rule of want.ok?.flatMap((r) => r.rules) ?? []) seen[rule.isMatch ? 'match' : 'miss']++;
    const check = big ? expectSameJson : (a: unknown, b: unknown) => expect(a).toEqual(b);
    check(
      outcome(() => evaluateSpec(compiled, host, opts)),
      want,
    );
    check(
      outcome(() => evaluateSpec(spec, host, opts)),
      want,
    );
    check(
      outcome(() => evaluateSpec(compiled, host, { ...opts, reports: false })),
      want.ok ? { ok: want.ok.map(verdictsOnly) } : want,
    );
    expect(JSON.stringify(host)).toBe(before); // the host is not touched
  }
}

describe('the compiled evaluator gives the reference evaluator’s results', () => {
  it('on the benchmark: its first 500 rules vs 500 PCI instances, both failFast modes, and 500 distinct', () => {
    const spec = specWith(500);
    expectSame(spec, [hostFeatures()], {}, true);
    expectSame(spec, [hostFeatures(3)], { failFast: true }, true);
    expectSame(specWith(500, true), [hostFeatures()], {}, true);
  });

  it('on the benchmark: the GPU example spec on 300 NodeFeatures, with and without tags', () => {
    const spec = parseSpec(readFileSync('examples/specs/gpu.yaml', 'utf8'), 'gpu.yaml');
    const hosts = Array.from({ length: 300 }, (_, i) => hostFeatures(i, 24));
    expectSame(spec, hosts);
    const tag = spec.compatibilities.find((c) => c.tag)?.tag;
    if (tag) expectSame(spec, hosts.slice(0, 20), { tags: [tag] });
  });

  // Random specs and hosts over a small vocabulary, so that names meet, values compare and
  // errors (unknown ops, value counts, bad numbers, versions and regexps) happen.
  const featureName = fc.constantFrom(
    'cpu.cpuid',
    'pci.device',
    'kernel.version',
    'CPU.cpuid',
    'rule.matched',
    'x',
  );
  const elementName = fc.constantFrom('a', 'b', 'vendor', 'AVX2', 'constructor', 'v1');
  const value = fc.constantFrom(
    '1',
    '2',
    '10',
    '-3',
    'x',
    '1.2.3',
    'v2.0',
    '6.8.0-45-generic',
    '',
    'true',
    'false',
  );
  const refValue = fc.constantFrom('1', '5', '10', 'x', '1.2', '2.0.0', '^a', 'b$', '(', 'true', '');
  const op = fc.constantFrom(
    '',
    'In',
    'NotIn',
    'InRegexp',
    'Exists',
    'DoesNotExist',
    'Gt',
    'Ge',
    'Lt',
    'Le',
    'GtLt',
    'GeLe',
    'IsTrue',
    'IsFalse',
    'Bogus',
  );
  const expression: fc.Arbitrary<MatchExpression> = fc.record(
    {
      op: op as fc.Arbitrary<MatchExpression['op']>,
      value: fc.array(refValue, { maxLength: 3 }),
      type: fc.constantFrom('', 'version', 'bogus') as fc.Arbitrary<MatchExpression['type']>,
    },
    { requiredKeys: ['op'] },
  );
  const term: fc.Arbitrary<FeatureMatcherTerm> = fc.record(
    {
      feature: featureName,
      matchExpressions: fc.dictionary(elementName, expression, { maxKeys: 3 }),
      matchName: expression,
    },
    { requiredKeys: ['feature'] },
  );
  const rule: fc.Arbitrary<Rule> = fc.record(
    {
      name: fc.constantFrom('r1', 'r2', 'r3'),
      matchFeatures: fc.array(term, { maxLength: 3 }),
      matchAny: fc.array(fc.record({ matchFeatures: fc.array(term, { maxLength: 2 }) }), { maxLength: 2 }),
      vars: fc.dictionary(elementName, value, { maxKeys: 2 }),
      varsTemplate: fc.constantFrom(
        '{{range .cpu.cpuid}}{{.Name}}=1\n{{end}}',
        'fixed=1',
        '{{range .pci.device}}d={{.vendor}}\n{{end}}',
      ),
    },
    { requiredKeys: ['name'] },
  );
  const spec: fc.Arbitrary<Spec> = fc
    .array(
      fc.record(
        { rules: fc.array(rule, { minLength: 1, maxLength: 4 }), tag: fc.constantFrom('a', 'b') },
        { requiredKeys: ['rules'] },
      ),
      { minLength: 1, maxLength: 3 },
    )
    .map((compatibilities) => ({ version: 'v1alpha1', compatibilities }) as Spec);
  const attributes = fc.dictionary(elementName, value, { maxKeys: 4 });
  const host: fc.Arbitrary<Features> = fc.record(
    {
      flags: fc.dictionary(featureName, fc.record({ elements: fc.dictionary(elementName, fc.constant({})) })),
      attributes: fc.dictionary(featureName, fc.record({ elements: attributes })),
      instances: fc.dictionary(
        featureName,
        fc.record({ elements: fc.array(fc.record({ attributes }), { maxLength: 40 }) }),
      ),
    },
    { requiredKeys: [] },
  );

  it.each([false, true])('on random specs and hosts (failFast %s)', (failFast) => {
    const start = { ...seen };
    fc.assert(
      fc.property(spec, fc.array(host, { minLength: 1, maxLength: 3 }), (s, hosts) => {
        expectSame(s, hosts, { failFast });
      }),
      { numRuns: 400 },
    );
    // The vocabulary is small enough that all three outcomes happen.
    expect(seen.error).toBeGreaterThan(start.error);
    expect(seen.match).toBeGreaterThan(start.match);
    expect(seen.miss).toBeGreaterThan(start.miss);
  });

  it('on rules that repeat lists of terms, with rule.matched growing between them', () => {
    // The same lists in many rules (evaluated once per host and shared), lists that read
    // rule.matched (evaluated each time), vars and templates feeding it, matchAny elements.
    const cpu = { feature: 'cpu.cpuid', matchExpressions: { AVX2: { op: 'Exists' } } };
    const pci = {
      feature: 'pci.device',
      matchExpressions: { vendor: { op: 'In', value: ['10de'] }, class: { op: 'In', value: ['0302'] } },
    };
    const seen = (n: number) => ({
      feature: 'rule.matched',
      matchExpressions: { [`r${n}`]: { op: 'In', value: ['1'] } },
    });
    const rules: Rule[] = Array.from({ length: 12 }, (_, i) => ({
      name: `r${i}`,
      matchFeatures: i % 3 === 2 ? [cpu, seen(i - 1)] : i % 2 ? [pci] : [cpu],
      ...(i % 4 === 1 && { matchAny: [{ matchFeatures: [cpu] }, { matchFeatures: [pci, cpu] }] }),
      ...(i % 2 && { vars: { [`r${i}`]: '1' } }),
      ...(i % 6 === 4 && { varsTemplate: '{{range .cpu.cpuid}}{{.Name}}=1\n{{end}}' }),
    })) as Rule[];
    const spec = { version: 'v1alpha1', compatibilities: [{ rules }, { rules: rules.slice(3) }] } as Spec;
    const hosts = [hostFeatures(), hostFeatures(1, 24), hostFeatures(2, 40)];
    for (const failFast of [false, true]) expectSame(spec, hosts, { failFast });
    // What rules share is frozen: copy before changing.
    const [first] = evaluateSpec(compileSpec(spec), hosts[1]!);
    const a = first!.rules[0]!.matchedExpressions!;
    expect(first!.rules[4]!.matchedExpressions).toBe(a);
    expect(Object.isFrozen(a) && Object.isFrozen(a[0])).toBe(true);
  });

  it('on terms like the one before them at their place but for one part (the compiler’s last-term check)', () => {
    // Each rule's term differs from the previous rule's in one part only: a value, the values'
    // count, the type, an element name more or less, the matchName.
    const base = { vendor: { op: 'In', value: ['10de', '8086'] }, class: { op: 'In', value: ['0302'] } };
    const variants: unknown[] = [
      base,
      { ...base, vendor: { op: 'In', value: ['10de'] } },
      { ...base, vendor: { op: 'In', value: ['10de', '8086'], type: 'version' } },
      { ...base, device: { op: 'Exists' } },
      { vendor: base.vendor },
      base,
    ];
    const rules = variants.flatMap((matchExpressions, i) => [
      { name: `e${i}`, matchFeatures: [{ feature: 'pci.device', matchExpressions }] },
      {
        name: `n${i}`,
        matchFeatures: [
          {
            feature: 'pci.device',
            matchExpressions,
            ...(i % 2 && { matchName: { op: 'In', value: ['class'] } }),
          },
        ],
      },
    ]) as Rule[];
    const spec = { version: 'v1alpha1', compatibilities: [{ rules }] } as Spec;
    const hosts = [hostFeatures(), hostFeatures(1, 3)];
    for (const failFast of [false, true]) expectSame(spec, hosts, { failFast });
  });

  it('on terms that many lists share, decided once per host (after matching and failing terms)', () => {
    // A matchName-only term is reached only after terms that matched (NFD's isTermMatch): the
    // same term after a failing, a matching and no term, in matchFeatures and matchAny, with
    // instances, flags and an absent feature, with and without a template (which gathers).
    const names = { feature: 'cpu.cpuid', matchName: { op: 'InRegexp', value: ['^AVX5'] } };
    const pciNames = { feature: 'pci.device', matchName: { op: 'In', value: ['class', 'x'] } };
    const fails = { feature: 'cpu.cpuid', matchExpressions: { SSE3: { op: 'Exists' } } };
    const holds = { feature: 'cpu.cpuid', matchExpressions: { AVX2: { op: 'Exists' } } };
    const absent = { feature: 'usb.device', matchExpressions: { vendor: { op: 'Exists' } } };
    const pci = {
      feature: 'pci.device',
      matchExpressions: { vendor: { op: 'In', value: ['10de'] }, sriov_totalvfs: { op: 'Gt', value: ['8'] } },
      matchName: { op: 'In', value: ['vendor'] },
    };
    const lists = [
      [fails, names],
      [holds, names],
      [names],
      [absent, names, pciNames],
      [pci, names],
      [holds, pci, pciNames],
      [pciNames, pci],
      [fails, pciNames],
    ];
    const rules = lists.flatMap((matchFeatures, i) => [
      { name: `f${i}`, matchFeatures },
      { name: `a${i}`, matchAny: [{ matchFeatures }, { matchFeatures: lists[(i + 3) % lists.length] }] },
      { name: `t${i}`, matchFeatures, varsTemplate: '{{range .cpu.cpuid}}{{.Name}}=1\n{{end}}' },
    ]) as Rule[];
    const spec = { version: 'v1alpha1', compatibilities: [{ rules }, { rules: rules.slice(5) }] } as Spec;
    const hosts = [hostFeatures(), hostFeatures(1, 24), hostFeatures(2, 3)];
    for (const failFast of [false, true]) expectSame(spec, hosts, { failFast });
    // Two lists that reach the same matchName term share its report entry, frozen.
    const module = { feature: 'kernel.loadedmodule', matchExpressions: { nvidia: { op: 'Exists' } } };
    const two = {
      version: 'v1alpha1',
      compatibilities: [
        {
          rules: [
            { name: 'a', matchFeatures: [holds, names] },
            { name: 'b', matchFeatures: [module, names] },
          ],
        },
      ],
    } as Spec;
    const [set] = evaluateSpec(compileSpec(two), hostFeatures());
    const entry = (r: number) =>
      set!.rules[r]!.matchedExpressions!.find((m) => m.matcherType === 'matchName')!;
    expect(entry(0)).toBe(entry(1));
    expect(Object.isFrozen(entry(0)) && Object.isFrozen(entry(0).hostValues)).toBe(true);
    expect(entry(0).hostValues).toEqual(['AVX512F']);
  });

  it('on lists of the layout of the list before them (its plan reused), and layouts that cannot be', () => {
    // The same features and element names, other values: the plan's order and checks carry over;
    // not where they depend on the expressions (a feature twice, a name '' beside a matchName).
    const pci = (v: string, feature = 'pci.device') => ({
      feature,
      matchExpressions: { vendor: { op: 'In', value: [v] }, class: { op: 'In', value: ['0302'] } },
      matchName: { op: 'In', value: ['vendor', v] },
    });
    const cpu = (v: string) => ({ feature: 'cpu.cpuid', matchExpressions: { [v]: { op: 'Exists' } } });
    const empty = (v: string) => ({
      feature: 'kernel.version',
      matchExpressions: { '': { op: 'In', value: [v] } },
      matchName: { op: 'In', value: [v] },
    });
    // Each layout for four values in a row (the first of each compiled anew, the others like it).
    const layouts = [
      (v: string) => [pci(v), cpu('AVX2')],
      (v: string) => [pci(v, 'PCI.device'), cpu('AVX2')],
      (v: string) => [pci(v), pci(v === '10de' ? '8086' : '10de')],
      (v: string) => [pci(v), pci(v, 'PCI.Device')],
      (v: string) => [empty(v), cpu('AVX2')],
      (v: string) => [empty(v)],
    ];
    const lists = layouts.flatMap((layout) => ['10de', '8086', '1022', 'full'].map(layout));
    const rules = lists.map((matchFeatures, i) => ({ name: `l${i}`, matchFeatures })) as Rule[];
    const spec = { version: 'v1alpha1', compatibilities: [{ rules }] } as Spec;
    const host = hostFeatures();
    const hosts = [
      host,
      { ...host, attributes: { ...host.attributes, 'kernel.version': { elements: { '': '10de' } } } },
    ];
    for (const failFast of [false, true]) expectSame(spec, hosts, { failFast });
  });

  it('on both sides of the direct path (instance by instance up to DIRECT_INSTANCES, then the index)', () => {
    // The same rules and instances, the first error (a number rule on "x") at the last instance.
    const spec = {
      version: 'v1alpha1',
      compatibilities: [
        {
          rules: [
            {
              name: 'in',
              matchFeatures: [{ feature: 'pci.device', matchExpressions: { a: { op: 'In', value: ['7'] } } }],
            },
            {
              name: 'gt',
              matchFeatures: [
                {
                  feature: 'pci.device',
                  matchExpressions: { b: { op: 'Gt', value: ['2'] }, a: { op: 'Exists' } },
                },
              ],
            },
            {
              name: 'name',
              matchFeatures: [{ feature: 'pci.device', matchName: { op: 'In', value: ['b'] } }],
            },
          ],
        },
      ],
    } as Spec;
    for (const n of [DIRECT_INSTANCES, DIRECT_INSTANCES + 1]) {
      const elements = Array.from({ length: n }, (_, i) => ({
        attributes:
          i === n - 1 ? { a: '7', b: 'x' } : { a: String(i % 9), ...(i % 3 ? { b: String(i) } : {}) },
      }));
      for (const failFast of [false, true]) {
        expectSame(spec, [{ instances: { 'pci.device': { elements } } }], { failFast });
        expectSame(spec, [{ instances: { 'pci.device': { elements: elements.slice(0, -1) } } }], {
          failFast,
        });
      }
    }
  });

  it('on random specs whose expressions hold: errors from instances deep in the list', () => {
    // Many instances with few distinct values, numbers against non-numbers: the first error is
    // the one at the lowest instance, whichever expression meets it.
    const numeric = fc.record({
      op: fc.constantFrom('Gt', 'Le', 'GtLt'),
      value: fc.constantFrom(['1'], ['5'], ['1', '9'], ['9', '1']),
    }) as fc.Arbitrary<MatchExpression>;
    const instances = fc.array(
      fc.record({
        attributes: fc.dictionary(fc.constantFrom('a', 'b'), fc.constantFrom('1', '3', '7', 'x', '12')),
      }),
      { maxLength: 120 },
    );
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('a', 'b'), numeric, { minKeys: 1 }),
        instances,
        fc.boolean(),
        (exprs, elements, failFast) => {
          const s = {
            version: 'v1alpha1',
            compatibilities: [
              { rules: [{ name: 'r', matchFeatures: [{ feature: 'pci.device', matchExpressions: exprs }] }] },
            ],
          } as Spec;
          expectSame(s, [{ instances: { 'pci.device': { elements } } }], { failFast });
        },
      ),
      { numRuns: 400 },
    );
  });
});
