// nfd-master's processing of NodeFeatureRule objects for one node (NFD v0.19
// pkg/nfd-master processNodeFeatureRule), on our NFD-exact evaluator: objects in name order, each
// rule run with failFast=true over one shared feature set; a rule that errors is logged and
// skipped; a matching rule's labels are kept (a key without a namespace gets
// feature.node.kubernetes.io/) and, with its vars, fed back as `rule.matched` for later rules —
// also rules of later objects. Pure: the "cluster" is the objects and the node's features.
import type { Features } from '../features/types.js';
import { executeRule, TemplateError, TermError } from '../match/index.js';
import { isLabelName, isQualifiedName } from './label-names.js';
import type { NodeFeatureRule, NodeFeatureRuleRule } from './types.js';

const RULE_MATCHED = 'rule.matched';
/** NFD's FeatureLabelNs, added to label keys without a namespace. */
export const FEATURE_LABEL_NS = 'feature.node.kubernetes.io';

export interface RuleError {
  object: string;
  rule: string;
  message: string;
}

export interface NodeRuleOutput {
  /** The node labels the objects set. */
  labels: Record<string, string>;
  /** `rule.matched` at the end: the vars (and labels) of every matching rule. */
  vars: Record<string, string>;
  /** Rules nfd-master would log as failed and skip. */
  errors: RuleError[];
}

/** Kubernetes' label value rule: empty, or what a label name may be. */
function isLabelValue(v: string): boolean {
  return v === '' || isLabelName(v);
}

function put(m: Record<string, string>, from: Record<string, string> | undefined): void {
  for (const [k, v] of Object.entries(from ?? {}))
    Object.defineProperty(m, k, { value: v, enumerable: true, writable: true, configurable: true });
}

function runRule(rule: NodeFeatureRuleRule, features: Features) {
  if (rule.labelsTemplate) throw new TemplateError('labelsTemplate is not evaluated here');
  const status = executeRule(
    {
      name: rule.name,
      ...(rule.matchFeatures && { matchFeatures: rule.matchFeatures }),
      ...(rule.matchAny && { matchAny: rule.matchAny }),
      ...(rule.vars && { vars: rule.vars }),
      ...(rule.varsTemplate && { varsTemplate: rule.varsTemplate }),
    },
    features,
    true,
  );
  // With failFast, vars are nil unless the rule matched; labels are set only then.
  return { isMatch: status.isMatch, vars: status.vars, labels: status.isMatch ? rule.labels : undefined };
}

export function processNodeFeatureRules(
  objects: readonly NodeFeatureRule[],
  features: Features,
): NodeRuleOutput {
  const working: Features = { ...features, attributes: { ...(features.attributes ?? {}) } };
  const labels: Record<string, string> = {};
  const errors: RuleError[] = [];
  const sorted = [...objects].sort((a, b) =>
    a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0,
  );
  for (const obj of sorted) {
    for (const rule of obj.spec.rules) {
      let out;
      try {
        out = runRule(rule, working);
      } catch (err) {
        if (!(err instanceof TermError) && !(err instanceof TemplateError)) throw err;
        errors.push({ object: obj.metadata.name, rule: rule.name, message: err.message });
        continue;
      }
      for (const [k, v] of Object.entries(out.labels ?? {})) {
        const key = k.includes('/') ? k : `${FEATURE_LABEL_NS}/${k}`;
        if (!isQualifiedName(key) || !isLabelValue(v)) {
          errors.push({ object: obj.metadata.name, rule: rule.name, message: `invalid label ${key}=${v}` });
          continue;
        }
        labels[key] = v;
      }
      // NFD's InsertAttributeFeatures: the feature exists from here on, even with nothing to add.
      const prev = working.attributes![RULE_MATCHED]?.elements ?? {};
      const elements: Record<string, string> = {};
      put(elements, prev);
      put(elements, out.labels);
      put(elements, out.vars);
      working.attributes![RULE_MATCHED] = { elements };
    }
  }
  return { labels, vars: working.attributes![RULE_MATCHED]?.elements ?? {}, errors };
}
