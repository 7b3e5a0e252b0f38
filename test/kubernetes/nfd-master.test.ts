// nfd-master's processing of NodeFeatureRule objects (pkg/nfd-master processNodeFeatureRule):
// objects in name order over one feature set (vars of one object seen by the next), failFast=true
// (vars of a rule whose matchAny fails are not inserted), a failing rule skipped and logged, labels
// only from matching rules, a key without a namespace prefixed with feature.node.kubernetes.io/,
// labels fed back as rule.matched.
import { describe, expect, it } from '@jest/globals';
import type { Features } from '../../src/features/types.js';
import { processNodeFeatureRules, type NodeFeatureRule } from '../../src/kubernetes/index.js';
import type { NodeFeatureRuleRule } from '../../src/kubernetes/index.js';

const features: Features = {
  flags: { 'kernel.loadedmodule': { elements: { nvidia: {} } } },
  attributes: { 'kernel.version': { elements: { major: '6', full: '6.8.0-x' } } },
};
const object = (name: string, rules: NodeFeatureRuleRule[]): NodeFeatureRule => ({
  apiVersion: 'nfd.k8s-sigs.io/v1alpha1',
  kind: 'NodeFeatureRule',
  metadata: { name },
  spec: { rules },
});
const nvidia = [{ feature: 'kernel.loadedmodule', matchExpressions: { nvidia: { op: 'Exists' as const } } }];
const missing = [
  { feature: 'kernel.loadedmodule', matchExpressions: { nouveau: { op: 'Exists' as const } } },
];

describe('processNodeFeatureRules', () => {
  it('labels matching rules only; vars only when the whole rule matches (failFast=true)', () => {
    const out = processNodeFeatureRules(
      [
        object('a', [
          {
            name: 'yes',
            matchFeatures: nvidia,
            labels: { 'example.com/gpu': 'true', plain: 'x' },
            vars: { v1: '1' },
          },
          {
            name: 'no',
            matchFeatures: missing,
            labels: { 'example.com/nouveau': 'true' },
            vars: { v2: '2' },
          },
          // validate-node (failFast=false) would insert v3: matchFeatures matches, matchAny fails.
          {
            name: 'any fails',
            matchFeatures: nvidia,
            matchAny: [{ matchFeatures: missing }],
            vars: { v3: '3' },
          },
        ]),
      ],
      features,
    );
    expect(out.labels).toEqual({ 'example.com/gpu': 'true', 'feature.node.kubernetes.io/plain': 'x' });
    expect(out.vars).toEqual({ 'example.com/gpu': 'true', plain: 'x', v1: '1' });
    expect(out.errors).toEqual([]);
  });

  it('runs objects in name order over one feature set; a rule that errors is skipped', () => {
    const reads = object('b', [
      {
        name: 'reads a var of object a',
        matchFeatures: [{ feature: 'rule.matched', matchExpressions: { fromA: { op: 'In', value: ['1'] } } }],
        labels: { 'example.com/chained': 'true' },
      },
    ]);
    const sets = object('a', [
      {
        name: 'bad',
        matchFeatures: [
          { feature: 'kernel.version', matchExpressions: { full: { op: 'Gt', value: ['5'] } } },
        ],
        vars: { never: '1' },
      },
      { name: 'sets', vars: { fromA: '1' } },
    ]);
    const out = processNodeFeatureRules([reads, sets], features);
    expect(out.labels).toEqual({ 'example.com/chained': 'true' });
    expect(out.errors).toEqual([{ object: 'a', rule: 'bad', message: expect.any(String) }]);
    expect(out.vars.never).toBeUndefined();
  });

  it('drops an invalid label, reporting it', () => {
    const out = processNodeFeatureRules(
      [object('a', [{ name: 'l', labels: { 'example.com/x': 'not valid!' } }])],
      features,
    );
    expect(out.labels).toEqual({});
    expect(out.errors[0]!.message).toMatch(/invalid label/);
  });
});
