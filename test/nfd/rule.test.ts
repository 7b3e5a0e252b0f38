// NFD v0.19.0's rule tests (pkg/apis/nfd/nodefeaturerule/grouprule_test.go TestGroupRule and
// TestGroupRuleTemplating; rule_test.go TestRule and TestTemplating) translated into tables. The
// Go tests mutate one rule and one Features object between calls; here every call is a row with
// the features and the rule as they are at that line. ExecuteGroupRule (what an image
// compatibility spec's rules are) and Execute (NodeFeatureRule rules, with labels) share the
// matching code: rule_test.go makes the same calls with Labels and LabelsTemplate in place of
// Vars and VarsTemplate, so each row names both lines, and rule_test.go's template rows run its
// LabelsTemplate as a varsTemplate. All run with failFast=true, as in NFD's tests; 34 rows
// (23 + 8 calls of grouprule_test.go, 23 + 11 of rule_test.go). Not translated:
// rule_test.go's Taints, Annotations and ExtendedResources outputs (image-compat rules have none).
import { describe, expect, it } from '@jest/globals';
import type { Features } from '../../src/features/types.js';
import { executeRule } from '../../src/match/rule.js';
import { TemplateError } from '../../src/match/template/index.js';
import type { FeatureMatcherTerm, MatchExpression, Rule } from '../../src/spec/types.js';

const me = (op: string, ...value: string[]): MatchExpression =>
  ({ op, ...(value.length && { value }) }) as MatchExpression;
const term = (feature: string, exprs: Record<string, MatchExpression>): FeatureMatcherTerm => ({
  feature,
  matchExpressions: exprs,
});
const flags = (...names: string[]) => ({ elements: Object.fromEntries(names.map((n) => [n, {}])) });

// TestGroupRule's Features as they evolve.
const F0: Features = {};
const F1: Features = { flags: {}, attributes: {}, instances: {} };
const F2: Features = {
  flags: { 'domain-1.kf-1': flags() },
  attributes: { 'domain-1.vf-1': { elements: {} } },
  instances: { 'domain-1.if-1': { elements: [] } },
};
const F3: Features = {
  flags: { 'domain-1.kf-1': flags('key-x') },
  attributes: { 'domain-1.vf-1': { elements: { 'key-1': 'val-x' } } },
  instances: { 'domain-1.if-1': { elements: [{ attributes: { 'attr-1': 'val-x' } }] } },
};
const F4: Features = { ...F3, flags: { 'domain-1.kf-1': flags('key-x', 'key-1') } };
const F5: Features = { ...F4, attributes: { 'domain-1.vf-1': { elements: { 'key-1': 'val-1' } } } };
const F6: Features = {
  ...F5,
  instances: { 'domain-1.if-1': { elements: [{ attributes: { 'attr-1': 'val-1' } }] } },
};
const MULTI: Features = {
  flags: { 'dom.feat': flags('k-1', 'k-2') },
  attributes: { 'dom.feat': { elements: { 'a-1': 'v-1', 'a-2': 'v-2' } } },
  instances: {
    'dom.feat': { elements: [{ attributes: { 'ia-1': 'iv-1' } }, { attributes: { 'ia-2': 'iv-2' } }] },
  },
};

const r1: Rule = { name: 'r1', vars: { 'var-1': 'var-val-1' } };
const r2: Rule = {
  name: 'r2',
  vars: { 'var-2': 'var-val-2' },
  matchFeatures: [term('domain-1.kf-1', { 'key-1': me('Exists') })],
};
const r3: Rule = {
  name: 'r3',
  vars: { 'var-3': 'var-val-3', empty: '' },
  matchFeatures: [term('domain-1.vf-1', { 'key-1': me('In', 'val-1') })],
};
const r4: Rule = {
  name: 'r4',
  vars: { 'var-4': 'var-val-4' },
  matchFeatures: [term('domain-1.if-1', { 'attr-1': me('In', 'val-1') })],
};
const r5 = (exprs: Record<string, MatchExpression>): Rule => ({
  name: 'r5',
  vars: { feat: 'val-1' },
  matchFeatures: [term('dom.feat', exprs)],
});
const r6 = (key1: string, matchAny?: FeatureMatcherTerm[][]): Rule => ({
  name: 'r6',
  vars: { 'var-6': 'var-val-6' },
  matchFeatures: [
    term('domain-1.vf-1', { 'key-1': me('In', key1) }),
    term('domain-1.if-1', { 'attr-1': me('In', 'val-1') }),
  ],
  ...(matchAny && { matchAny: matchAny.map((m) => ({ matchFeatures: m })) }),
});
const keyNa = [term('domain-1.kf-1', { 'key-na': me('Exists') })];
const key1 = [term('domain-1.kf-1', { 'key-1': me('Exists') })];

// [lines, features, rule, the rule's vars (undefined: NFD's nil, no vars)]
const RULES: Array<[string, Features, Rule, Record<string, string> | undefined]> = [
  ['grouprule_test.go:45 rule_test.go:52 empty rule, totally empty features', F0, r1, r1.vars],
  ['grouprule_test.go:49 rule_test.go:56 missing feature, no error', F0, r2, undefined],
  ['grouprule_test.go:56 rule_test.go:64 empty rule, initialized empty features', F1, r1, r1.vars],
  ['grouprule_test.go:60 rule_test.go:69 missing feature in initialized features', F1, r2, undefined],
  ['grouprule_test.go:69 rule_test.go:79 empty rule, empty feature sets', F2, r1, r1.vars],
  ['grouprule_test.go:73 rule_test.go:83 key in an empty flag set', F2, r2, undefined],
  ['grouprule_test.go:82 rule_test.go:92 empty rule, non-empty feature sets', F3, r1, r1.vars],
  [
    'grouprule_test.go:93 rule_test.go:103 empty matchExpressions matches anything',
    F3,
    { ...r1, matchFeatures: [term('domain-1.kf-1', {})] },
    r1.vars,
  ],
  ['grouprule_test.go:98 rule_test.go:108 keys should not have matched', F3, r2, undefined],
  ['grouprule_test.go:103 rule_test.go:113 key matches', F4, r2, r2.vars],
  ['grouprule_test.go:119 rule_test.go:130 values should not have matched', F4, r3, undefined],
  ['grouprule_test.go:124 rule_test.go:135 values match', F5, r3, r3.vars],
  ['grouprule_test.go:140 rule_test.go:151 instances should not have matched', F5, r4, undefined],
  ['grouprule_test.go:145 rule_test.go:156 instances match', F6, r4, r4.vars],
  [
    'grouprule_test.go:169 rule_test.go:180 multi-type: key',
    MULTI,
    r5({ 'k-1': me('Exists') }),
    { feat: 'val-1' },
  ],
  [
    'grouprule_test.go:181 rule_test.go:192 multi-type: attribute',
    MULTI,
    r5({ 'a-1': me('In', 'v-1') }),
    { feat: 'val-1' },
  ],
  [
    'grouprule_test.go:193 rule_test.go:204 multi-type: instance attribute',
    MULTI,
    r5({ 'ia-1': me('In', 'iv-1') }),
    { feat: 'val-1' },
  ],
  [
    'grouprule_test.go:206 rule_test.go:217 multi-type: flag and attribute',
    MULTI,
    r5({ 'k-2': me('Exists'), 'a-2': me('In', 'v-2') }),
    { feat: 'val-1' },
  ],
  [
    'grouprule_test.go:218 rule_test.go:229 multi-type: instance',
    MULTI,
    r5({ 'ia-2': me('In', 'iv-2') }),
    { feat: 'val-1' },
  ],
  ['grouprule_test.go:240 rule_test.go:251 two terms, one fails', F6, r6('val-x'), undefined],
  ['grouprule_test.go:245 rule_test.go:256 two terms match', F6, r6('val-1'), { 'var-6': 'var-val-6' }],
  ['grouprule_test.go:262 rule_test.go:273 matchAny fails', F6, r6('val-1', [keyNa]), undefined],
  [
    'grouprule_test.go:278 rule_test.go:289 matchAny: the second element matches',
    F6,
    r6('val-1', [keyNa, key1]),
    { 'var-6': 'var-val-6' },
  ],
];

describe('grouprule_test.go TestGroupRule, rule_test.go TestRule', () => {
  it.each(RULES)('%s', (_at, features, rule, vars) => {
    const status = executeRule(rule, features, true);
    expect(status.vars).toEqual(vars);
    expect(status.isMatch).toBe(vars !== undefined);
  });
});

// TestGroupRuleTemplating's (and TestTemplating's) features.
const TF: Features = {
  flags: { 'domain_1.kf_1': flags('key-a', 'key-b', 'key-c'), 'domain.mf': flags('key-a', 'key-b', 'key-c') },
  attributes: {
    'domain_1.vf_1': { elements: { 'key-1': 'val-1', 'keu-2': 'val-2', 'key-3': 'val-3', 'key-4': 'val-4' } },
    'domain.mf': { elements: { 'key-d': 'val-d', 'key-e': 'val-e' } },
  },
  instances: {
    'domain_1.if_1': {
      elements: [
        { attributes: { 'attr-1': '1', 'attr-2': 'val-2' } },
        { attributes: { 'attr-1': '10', 'attr-2': 'val-20' } },
        { attributes: { 'attr-1': '100', 'attr-2': 'val-200' } },
        { attributes: { 'attr-1': '1000', 'attr-2': 'val-2000', 'attr-3': '3000' } },
      ],
    },
  },
};

const templTerms: FeatureMatcherTerm[] = [
  term('domain_1.kf_1', { 'key-a': me('Exists'), 'key-c': me('Exists'), foo: me('DoesNotExist') }),
  term('domain_1.vf_1', { 'key-1': me('In', 'val-1', 'val-2'), bar: me('DoesNotExist') }),
  term('domain_1.if_1', { 'attr-1': me('Lt', '100') }),
  term('domain_1.if_1', { 'attr-1': me('Exists'), 'attr-2': me('Exists'), 'attr-3': me('Exists') }),
];

const template = (kf: string) => `
{{range .domain_1.kf_1}}kf-{{.Name}}=${kf}
{{end}}
{{range .domain_1.vf_1}}vf-{{.Name}}=vf-{{.Value}}
{{end}}
{{range .domain_1.if_1}}if-{{index . "attr-1"}}_{{index . "attr-2"}}=present
{{end}}`;

const expanded = (kf: string) => ({
  'kf-key-a': kf,
  'kf-key-c': kf,
  'kf-foo': kf,
  'vf-key-1': 'vf-val-1',
  'vf-bar': 'vf-',
  'if-1_val-2': 'present',
  'if-10_val-20': 'present',
  'if-1000_val-2000': 'present',
});

const groupTemplated: Rule = {
  name: 'r1',
  vars: { 'var-1': 'var-val-1' },
  varsTemplate: `\nvar-1=will-be-overridden\nvar-2=${template('true')}`,
  matchFeatures: templTerms,
};
// rule_test.go's r1: its Labels and LabelsTemplate, read as vars.
const labelsTemplated: Rule = {
  name: 'r1',
  vars: { 'label-1': 'label-val-1' },
  varsTemplate: `\nlabel-1=will-be-overridden\nlabel-2=${template('present')}`,
  matchFeatures: templTerms,
};
const asMatchAny = (r: Rule): Rule => ({
  name: r.name,
  vars: r.vars!,
  varsTemplate: r.varsTemplate!,
  matchAny: [{ matchFeatures: r.matchFeatures! }],
});
const multi: Rule = {
  name: 'r3',
  varsTemplate: '\n{{range .domain.mf}}mf-{{.Name}}=found\n{{end}}',
  matchFeatures: [term('domain.mf', { 'key-a': me('Exists'), 'key-d': me('In', 'val-d') })],
};
const simple = (varsTemplate: string): Rule => ({
  name: 'r4',
  varsTemplate,
  matchFeatures: [term('domain_1.kf_1', { 'key-a': me('Exists') })],
});
const byName: Rule = {
  name: 'r5',
  varsTemplate: '{{range .domain_1.vf_1}}{{.Name}}={{.Value}}\n{{end}}',
  matchFeatures: [
    {
      feature: 'domain_1.vf_1',
      matchExpressions: { 'key-5': me('DoesNotExist') },
      matchName: me('In', 'key-1', 'key-4'),
    },
  ],
};
const noName: Rule = {
  name: 'r5',
  vars: { 'should-not-match': 'true' },
  matchFeatures: [{ feature: 'domain_1.vf_1', matchName: me('In', 'key-not-exists') }],
};

const groupVars = { 'var-1': 'var-val-1', 'var-2': '', ...expanded('true') };
const labels = { 'label-1': 'label-val-1', 'label-2': '', ...expanded('present') };

// [lines, rule, vars (undefined: nil), or 'error']
const TEMPLATES: Array<[string, Rule, Record<string, string> | undefined | 'error']> = [
  ['grouprule_test.go:415 varsTemplate over matchFeatures', groupTemplated, groupVars],
  ['grouprule_test.go:419 varsTemplate over a matchAny element', asMatchAny(groupTemplated), groupVars],
  ['rule_test.go:440 labelsTemplate over matchFeatures', labelsTemplated, labels],
  ['rule_test.go:445 labelsTemplate over a matchAny element', asMatchAny(labelsTemplated), labels],
  [
    'rule_test.go:440 varsTemplate of r1',
    {
      ...labelsTemplated,
      vars: { 'var-1': 'var-val-1' },
      varsTemplate:
        '\nvar-1=value-will-be-overridden-by-vars\nvar-2=\n{{range .domain_1.kf_1}}kf-{{.Name}}=true\n{{end}}',
    },
    { 'var-1': 'var-val-1', 'var-2': '', 'kf-key-a': 'true', 'kf-key-c': 'true', 'kf-foo': 'true' },
  ],
  [
    'grouprule_test.go:443 rule_test.go:471 multi-type feature',
    multi,
    { 'mf-key-a': 'found', 'mf-key-d': 'found' },
  ],
  ['grouprule_test.go:464 rule_test.go:493 rule_test.go:508 foo=bar', simple('foo=bar'), { foo: 'bar' }],
  ['grouprule_test.go:469 rule_test.go:499 rule_test.go:514 a line without =', simple('foo'), 'error'],
  ['grouprule_test.go:473 rule_test.go:503 rule_test.go:518 unparseable', simple('{{'), 'error'],
  [
    'grouprule_test.go:497 rule_test.go:542 matchName',
    byName,
    { 'key-1': 'val-1', 'key-4': 'val-4', 'key-5': '' },
  ],
  ['grouprule_test.go:511 rule_test.go:556 matchName does not match', noName, undefined],
];

describe('grouprule_test.go TestGroupRuleTemplating, rule_test.go TestTemplating', () => {
  it.each(TEMPLATES)('%s', (_at, rule, vars) => {
    if (vars === 'error') {
      expect(() => executeRule(rule, TF, true)).toThrow(TemplateError);
      return;
    }
    expect(executeRule(rule, TF, true).vars).toEqual(vars);
  });
});

// Beyond NFD's tests: validate-node's failFast=false.
describe('failFast=false (validate-node)', () => {
  it('evaluates matchFeatures after a failed matchAny: the rule fails, yet has its vars', () => {
    const status = executeRule(r6('val-1', [keyNa]), F6, false);
    expect(status.isMatch).toBe(false);
    expect(status.matchFeatures?.isMatch).toBe(true);
    expect(status.vars).toEqual({ 'var-6': 'var-val-6' });
  });

  it('a failed matchAny without matchFeatures still gives its vars', () => {
    const status = executeRule(
      { name: 'x', vars: { a: 'b' }, matchAny: [{ matchFeatures: keyNa }] },
      F6,
      false,
    );
    expect(status).toMatchObject({ isMatch: false, vars: { a: 'b' } });
  });

  it('a failed matchFeatures gives no vars (NFD returns nil)', () => {
    expect(executeRule(r6('val-x'), F6, false).vars).toBeUndefined();
  });

  it('an error in matchFeatures is an error even when matchAny failed (failFast=true never meets it)', () => {
    const broken: Rule = {
      name: 'b',
      matchAny: [{ matchFeatures: keyNa }],
      matchFeatures: [term('domain-1.vf-1', { 'key-1': me('Gt') })],
    };
    expect(executeRule(broken, F6, true).isMatch).toBe(false);
    expect(() => executeRule(broken, F6, false)).toThrow('exactly one element');
  });

  it('evaluates every matchAny element and expands the template over each that matches', () => {
    const rule: Rule = {
      name: 'any',
      varsTemplate: '{{range .domain_1.kf_1}}{{.Name}}=1\n{{end}}',
      matchAny: [
        { matchFeatures: [term('domain_1.kf_1', { 'key-a': me('Exists') })] },
        { matchFeatures: [term('domain_1.kf_1', { 'key-b': me('Exists') })] },
      ],
    };
    const status = executeRule(rule, TF, false);
    expect(status.matchAny).toHaveLength(2);
    expect(status.vars).toEqual({ 'key-a': '1', 'key-b': '1' });
  });
});
