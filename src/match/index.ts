// The evaluator: an image compatibility spec against one host's features, with NFD's verdicts and
// NFD's result shape. Pure: no I/O. Sets run in order; as in NFD's validate-node, each rule's
// vars (NFD's rule output, which a rule can have without matching) become attributes of the
// `rule.matched` feature for later rules, across sets. failFast=false is validate-node's mode;
// failFast=true is nfd-master's (NodeFeatureRule), for an evaluator built on the same code.
// compileSpec compiles a spec once for many hosts (evaluateSpec takes the compiled spec or the
// spec itself); each evaluation indexes its host once (host.ts).
import { EvaluationError } from '../errors.js';
import type { Features } from '../features/types.js';
import type { Compatibility, Spec } from '../spec/types.js';
import { Backref } from './backref.js';
import { HostIndex } from './host.js';
import {
  compileRule,
  executeCompiledRule,
  ListOutcomes,
  reportCompiledRule,
  RuleCompiler,
  type CompiledRule,
} from './rule.js';
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

/** A spec compiled for evaluation: each set's rules compiled on first use, then kept. */
export class CompiledSpec {
  private readonly sets: Array<CompiledRule[] | undefined> = [];
  private readonly compiler = new RuleCompiler();

  constructor(readonly spec: Spec) {}

  rules(index: number): CompiledRule[] {
    return (this.sets[index] ??= this.spec.compatibilities[index]!.rules.map((r) =>
      compileRule(r, this.compiler),
    ));
  }
}

/** Compiles a spec once, to evaluate it on many hosts (evaluateSpec). Never throws. */
export function compileSpec(spec: Spec): CompiledSpec {
  return new CompiledSpec(spec);
}

export interface EvaluateOptions {
  /** Only the sets with one of these tags (selectSets). */
  tags?: string[];
  failFast?: boolean;
  /**
   * false: each rule's name and isMatch only, no matchedExpressions or matchedAny (for callers
   * that need verdicts alone, over many hosts: check's fleet impact). The same evaluation, with
   * the same errors at the same points; only the reports are not made.
   */
  reports?: boolean;
}

export function evaluateSpec(
  spec: Spec | CompiledSpec,
  features: Features,
  opts: EvaluateOptions = {},
): CompatibilityResult[] {
  const compiled = spec instanceof CompiledSpec ? spec : new CompiledSpec(spec);
  const host = new HostIndex(features);
  const backref = new Backref(features);
  const outcomes = new ListOutcomes(host, opts.failFast ?? false, backref);
  const results: CompatibilityResult[] = [];
  const sets = compiled.spec.compatibilities;
  const tags = opts.tags?.length ? opts.tags : undefined;
  const reports = opts.reports ?? true;
  // Index loops, here and below: the first evaluation runs them before they are optimised, when
  // an iterator costs an allocation per step.
  for (let index = 0; index < sets.length; index++) {
    const set = sets[index]!;
    if (tags && !tags.includes(set.tag ?? '')) continue; // selectSets
    const rules = compiled.rules(index);
    // Of the exact size (an array grown by push holds room for 17).
    const result: CompatibilityResult = { rules: new Array(rules.length) };
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r]!;
      let status;
      try {
        status = executeCompiledRule(rule, outcomes);
      } catch (err) {
        throw evaluationError(err, set, index, rule.source.name);
      }
      result.rules[r] = reports
        ? reportCompiledRule(rule, status, outcomes)
        : { name: rule.source.name, isMatch: status.isMatch };
      backref.add(status.vars);
    }
    if (set.description) result.description = set.description;
    if (set.weight) result.weight = set.weight;
    if (set.tag) result.tag = set.tag;
    results.push(result);
  }
  return results;
}

/** An evaluation error with its set and rule (and feature and element); other errors as they are. */
function evaluationError(err: unknown, set: Compatibility, index: number, rule: string): unknown {
  if (err instanceof TemplateError) {
    return new EvaluationError(
      `compatibility set ${setLabel(set, index)}, rule ${JSON.stringify(rule)}: varsTemplate: ${err.message}`,
      { set: set.tag ?? `#${index + 1}`, rule },
    );
  }
  if (!(err instanceof TermError)) return err;
  const where =
    err.key !== undefined
      ? `feature ${err.feature}, element ${JSON.stringify(err.key)}`
      : `feature ${err.feature}, matchName`;
  return new EvaluationError(
    `compatibility set ${setLabel(set, index)}, rule ${JSON.stringify(rule)}: ${where}: ${err.message}`,
    { set: set.tag ?? `#${index + 1}`, rule, feature: err.feature, key: err.key },
  );
}

/** Sets are alternatives: compatible when at least one evaluated set has all its rules matching. */
export function isCompatible(results: readonly CompatibilityResult[]): boolean {
  return results.some((r) => r.rules.every((rule) => rule.isMatch));
}
