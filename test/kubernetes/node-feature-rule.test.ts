// The generated NodeFeatureRule: NFD's CRD accepts it with no field it would prune (NFD v0.19
// CRD, closed), label keys valid for Kubernetes and stable, the rules for validate-node's vars of
// a failing matchAny needed (without them the chaining fixture mislabels), and the spec rules NFD
// would read differently refused with the reason.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { validate } from '../../src/commands/validate.js';
import { InputError } from '../../src/errors.js';
import { parseFeaturesDocument } from '../../src/features/snapshot.js';
import {
  generateNodeFeatureRule,
  isQualifiedName,
  labelName,
  nfdView,
  processNodeFeatureRules,
} from '../../src/kubernetes/index.js';
import { parseSpec } from '../../src/spec/parse.js';
import type { Rule, Spec } from '../../src/spec/types.js';

const read = (f: string): Spec => parseSpec(readFileSync(f, 'utf8'), f);
const SPECS = [
  'examples/specs/gpu.yaml',
  'examples/specs/kernel-module.yaml',
  'examples/specs/sriov.yaml',
  'test/fixtures/spec/valid.yaml',
  'test/fixtures/kubernetes/chaining.yaml',
];

/** The CRD's schema with every object closed: a field NFD does not know fails instead of being pruned. */
function closed(schema: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k.startsWith('x-kubernetes-')) continue;
    if (k === 'properties') {
      out[k] = Object.fromEntries(
        Object.entries(v as Record<string, Record<string, unknown>>).map(([p, s]) => [p, closed(s)]),
      );
    } else if (v && typeof v === 'object' && !Array.isArray(v)) out[k] = closed(v as Record<string, unknown>);
    else out[k] = v;
  }
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

describe("NFD's NodeFeatureRule CRD (v0.19.0)", () => {
  const crd = parse(readFileSync('test/fixtures/kubernetes/nodefeaturerule-crd-v0.19.0.yaml', 'utf8'));
  const schema = closed(crd.spec.versions[0].schema.openAPIV3Schema);
  const check = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(schema);

  it.each(SPECS)('accepts the object generated from %s, every field known', (file) => {
    const { object } = generateNodeFeatureRule(read(file), { name: 'app' });
    // metadata is ObjectMeta (the CRD leaves it open): name is a DNS subdomain.
    expect(isQualifiedName(object.metadata.name)).toBe(true);
    const ok = check(JSON.parse(JSON.stringify(object)));
    expect(check.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(object).toMatchObject({ apiVersion: crd.spec.group + '/v1alpha1', kind: crd.spec.names.kind });
  });

  it('the closed schema does reject a misspelt field', () => {
    const { object } = generateNodeFeatureRule(read(SPECS[0]!), { name: 'app' });
    const bad = JSON.parse(JSON.stringify(object));
    bad.spec.rules[0].matchFeature = bad.spec.rules[0].matchFeatures;
    expect(check(bad)).toBe(false);
  });
});

describe('label names', () => {
  it('are <prefix>/<image>.<set>, valid and stable; text that does not fit is cut and hashed', () => {
    const spec = read('examples/specs/gpu.yaml');
    const a = generateNodeFeatureRule(spec, { name: 'cuda-app' });
    expect(a.sets.map((s) => s.label)).toEqual([
      'image-compat.dev/cuda-app.hopper',
      'image-compat.dev/cuda-app.ampere',
      'image-compat.dev/cuda-app.cpu',
    ]);
    expect(generateNodeFeatureRule(spec, { name: 'cuda-app' })).toEqual(a);
    const long = 'x'.repeat(100);
    const l = labelName(long);
    expect(l).toHaveLength(63);
    expect(l).toBe(labelName(long));
    expect(labelName('y'.repeat(100))).not.toBe(l);
    expect(labelName('GPU inference/8.0')).toMatch(/^GPU-inference-8\.0-[0-9a-f]{10}$/);
  });

  it('untagged sets are set<N>; tags equal after the rewrite get distinct labels', () => {
    const rule: Rule = { name: 'r', matchFeatures: [{ feature: 'kernel.version' }] };
    const spec: Spec = {
      version: 'v1alpha1',
      compatibilities: [{ rules: [rule] }, { tag: 'a b', rules: [rule] }, { tag: 'a?b', rules: [rule] }],
    };
    const { sets } = generateNodeFeatureRule(spec, { name: 'Name With Spaces', labelPrefix: 'example.com' });
    const labels = sets.map((s) => s.label);
    expect(new Set(labels).size).toBe(3);
    for (const l of labels) expect(isQualifiedName(l)).toBe(true);
    expect(labels[0]).toMatch(/^example\.com\/Name-With-Spaces-[0-9a-f]{10}\.set1$/);
  });

  it('refuses a label prefix that is not a DNS subdomain and an empty name', () => {
    const spec = read('examples/specs/gpu.yaml');
    expect(() => generateNodeFeatureRule(spec, { name: 'a', labelPrefix: 'Not_DNS' })).toThrow(InputError);
    expect(() => generateNodeFeatureRule(spec, { name: '' })).toThrow(InputError);
    // The messages name the settings (src/settings.ts): the CLI writes them as --label-prefix, --name.
    expect(() => generateNodeFeatureRule(spec, { name: 'a', labelPrefix: 'Not_DNS' })).toThrow(
      /^`label-prefix` "Not_DNS" is not a DNS subdomain/,
    );
    expect(() => generateNodeFeatureRule(spec, { name: '' })).toThrow(/^`name` is empty/);
  });
});

describe('validate-node vars in nfd-master', () => {
  it('without the matchFeatures-only vars rules, the chaining fixture would mislabel', () => {
    const spec = read('test/fixtures/kubernetes/chaining.yaml');
    const hosts = parseFeaturesDocument(readFileSync('examples/hosts/cluster.json', 'utf8'), 'cluster');
    const { object, sets } = generateNodeFeatureRule(spec, { name: 'app' });
    const naive = { ...object, spec: { rules: object.spec.rules.filter((r) => !/\.vars /.test(r.name)) } };
    expect(naive.spec.rules.length).toBeLessThan(object.spec.rules.length);
    const verdict = validate({ spec, hosts });
    const labelled = (o: typeof object) =>
      hosts.map((h) => {
        const out = processNodeFeatureRules([o], nfdView(h.features));
        return sets.flatMap((s, k) => (out.labels[s.label] ? [k] : []));
      });
    expect(labelled(object)).toEqual(verdict.hosts.map((h) => h.matchingSets));
    expect(labelled(naive)).not.toEqual(verdict.hosts.map((h) => h.matchingSets));
  });
});

describe('what cannot be generated is refused, naming the rule', () => {
  const one = (rule: Rule): Spec => ({
    version: 'v1alpha1',
    compatibilities: [{ rules: [{ name: 'first', matchFeatures: [{ feature: 'kernel.version' }] }, rule] }],
  });
  it.each<[string, Rule, RegExp]>([
    [
      'matchName on rule.matched',
      { name: 'r', matchFeatures: [{ feature: 'rule.matched', matchName: { op: 'Exists' } }] },
      /rule "r", feature rule.matched: matchName would also see/,
    ],
    [
      'matchName on local.feature',
      {
        name: 'r',
        matchFeatures: [{ feature: 'local.feature', matchName: { op: 'InRegexp', value: ['^x'] } }],
      },
      /feature local.feature: matchName/,
    ],
    [
      'matchName on our own features',
      { name: 'r', matchFeatures: [{ feature: 'gpu.device', matchName: { op: 'In', value: ['vendor'] } }] },
      /feature gpu.device: matchName on our own features/,
    ],
    [
      'varsTemplate over our own features',
      {
        name: 'r',
        matchFeatures: [{ feature: 'gpu.count', matchExpressions: { total: { op: 'Exists' } } }],
        varsTemplate: '{{ range .gpu.count }}{{ .Name }}=1{{ end }}',
      },
      /varsTemplate would expand over local.feature/,
    ],
    [
      'a var in the reserved prefix',
      { name: 'r', vars: { 'image-compat.dev/app.x': '1' } },
      /var image-compat.dev\/app.x is in image-compat.dev\/, reserved/,
    ],
    [
      'a rule.matched key in the reserved prefix',
      {
        name: 'r',
        matchFeatures: [
          { feature: 'rule.matched', matchExpressions: { 'image-compat.dev/app.s1.r1': { op: 'Exists' } } },
        ],
      },
      /key image-compat.dev\/app.s1.r1 is reserved/,
    ],
  ])('%s', (_what, rule, message) => {
    expect(() => generateNodeFeatureRule(one(rule), { name: 'app' })).toThrow(message);
    expect(() => generateNodeFeatureRule(one(rule), { name: 'app' })).toThrow(InputError);
  });
});
