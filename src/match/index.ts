// The evaluator: an image compatibility spec against one host's features, with NFD's verdicts and
// NFD's result shape. Pure: no I/O. Sets run in order; as in NFD's validate-node, each rule's
// vars (NFD's rule output, which a rule can have without matching) become attributes of the
// `rule.matched` feature for later rules, across sets. failFast=false is validate-node's mode;
// failFast=true is nfd-master's (NodeFeatureRule), for an evaluator built on the same code.
import { EvaluationError } from '../errors.js';
import type { Features } from '../features/types.js';
import type { Compatibility, Spec } from '../spec/types.js';
import { executeRule, reportRule } from './rule.js';
import { TemplateError } from './template/index.js';
import { TermError } from './terms.js';
import type { CompatibilityResult } from './types.js';

export type * from './types.js';
export { evaluateExpression, ExpressionError } from './expression.js';
// One rule alone, for the NodeFeatureRule evaluator (src/kubernetes): its verdict and its vars.
export { executeRule, type RuleStatus } from './rule.js';
export { TermError } from './terms.js';
export { TemplateError } from './template/index.js';

/** The sets `--tags` selects: all without tags, else those whose tag is listed (as NFD). */
export function selectSets(
  spec: Spec,
  tags?: readonly string[],
): Array<{ set: Compatibility; index: number }> {
  return spec.compatibilities
    .map((set, index) => ({ set, index }))
    .filter(({ set }) => !tags?.length || tags.includes(set.tag ?? ''));
}

export function setLabel(set: Compatibility, index: number): string {
  return set.tag ? `#${index + 1} (tag ${JSON.stringify(set.tag)})` : `#${index + 1}`;
}

export function evaluateSpec(
  spec: Spec,
  features: Features,
  opts: { tags?: string[]; failFast?: boolean } = {},
): CompatibilityResult[] {
  // Copy-on-write of the attributes map: rule.matched is added without touching the caller's object.
  const working: Features = { ...features, attributes: { ...(features.attributes ?? {}) } };
  const results: CompatibilityResult[] = [];
  const hostValues = new Map<string, string[]>();
  for (const { set, index } of selectSets(spec, opts.tags)) {
    const result: CompatibilityResult = { rules: [] };
    for (const rule of set.rules) {
      let status;
      try {
        status = executeRule(rule, working, opts.failFast ?? false);
      } catch (err) {
        if (err instanceof TemplateError) {
          throw new EvaluationError(
            `compatibility set ${setLabel(set, index)}, rule ${JSON.stringify(rule.name)}: varsTemplate: ${err.message}`,
            { set: set.tag ?? `#${index + 1}`, rule: rule.name },
          );
        }
        if (!(err instanceof TermError)) throw err;
        const where =
          err.key !== undefined
            ? `feature ${err.feature}, element ${JSON.stringify(err.key)}`
            : `feature ${err.feature}, matchName`;
        throw new EvaluationError(
          `compatibility set ${setLabel(set, index)}, rule ${JSON.stringify(rule.name)}: ${where}: ${err.message}`,
          { set: set.tag ?? `#${index + 1}`, rule: rule.name, feature: err.feature, key: err.key },
        );
      }
      result.rules.push(reportRule(rule, status, working, hostValues));
      addBackref(working, status.vars);
    }
    if (set.description) result.description = set.description;
    if (set.weight) result.weight = set.weight;
    if (set.tag) result.tag = set.tag;
    results.push(result);
  }
  return results;
}

function addBackref(features: Features, vars: Record<string, string> | undefined): void {
  const attrs = features.attributes!;
  const prev = attrs['rule.matched'];
  // NFD's InsertAttributeFeatures: the feature exists from the first rule on, even with no vars.
  attrs['rule.matched'] = { elements: { ...(prev?.elements ?? {}), ...(vars ?? {}) } };
}

/** Sets are alternatives: compatible when at least one evaluated set has all its rules matching. */
export function isCompatible(results: readonly CompatibilityResult[]): boolean {
  return results.some((r) => r.rules.every((rule) => rule.isMatch));
}
