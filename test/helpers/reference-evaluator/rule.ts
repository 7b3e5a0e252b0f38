// REFERENCE EVALUATOR (test-only oracle): a frozen copy of src/match/rule.ts as of main e8e359a, before
// the compiled evaluator. test/match/compiled-identity.test.ts compares the compiled evaluator's
// results and errors with this one's. Do not change it to follow src/match: it is the reference.
//
// One rule, as NFD's nodefeaturerule.ExecuteGroupRule. With failFast=false (validate-node), every
// matchAny element is evaluated, and matchFeatures is evaluated even when matchAny fails (its
// errors are errors, its expressions report their real isMatch); with failFast=true (nfd-master)
// evaluation stops as early as NFD's does. varsTemplate is expanded over the matched features of
// each matching matchAny element and of matchFeatures when it matches; vars override it. The
// rule's vars are NFD's: undefined (nil) when matchFeatures fails or, with failFast, matchAny does.
import type { Features } from '../../../src/features/types.js';
import type { FeatureMatcherTerm, MatchExpression, Rule } from '../../../src/spec/types.js';
import { expressionString } from './expression.js';
import { expandVarsTemplate } from '../../../src/match/template/index.js';
import { evaluateTerms, own, type FeatureMatcherStatus, type ProcessedTerm } from './terms.js';
import type { MatchedExpression, ProcessedRule } from '../../../src/match/types.js';

export interface RuleStatus {
  isMatch: boolean;
  matchFeatures?: FeatureMatcherStatus;
  matchAny: FeatureMatcherStatus[];
  /** What the rule contributes to rule.matched; undefined where NFD's is nil. */
  vars?: Record<string, string>;
}

/** Go's maps.Copy: own keys only, `__proto__` a key like any other. */
function assignOwn(out: Record<string, string>, from: Record<string, string>): void {
  for (const [k, v] of Object.entries(from))
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
}

/** Evaluates a rule; throws TermError (an expression) or TemplateError (varsTemplate) where NFD errors. */
export function executeRule(rule: Rule, features: Features, failFast = false): RuleStatus {
  const matchAny: FeatureMatcherStatus[] = [];
  const vars: Record<string, string> = {};
  const template = rule.varsTemplate ?? '';
  let isMatchAny = false;
  if (rule.matchAny?.length) {
    for (const elem of rule.matchAny) {
      const status = evaluateTerms(elem.matchFeatures ?? [], features, failFast);
      if (status.isMatch) {
        isMatchAny = true;
        // No template to expand: nfd-master stops at the first match (and does not record it).
        if (template === '' && failFast) break;
        assignOwn(vars, expandVarsTemplate(template, status.matchedFeatures));
      }
      matchAny.push(status);
    }
    if (!isMatchAny && failFast) return { isMatch: false, matchAny };
  }
  let isMatchFeatures = false;
  let matchFeatures: FeatureMatcherStatus | undefined;
  if (rule.matchFeatures?.length) {
    matchFeatures = evaluateTerms(rule.matchFeatures, features, failFast);
    if (!matchFeatures.isMatch) return { isMatch: false, matchFeatures, matchAny };
    isMatchFeatures = true;
    assignOwn(vars, expandVarsTemplate(template, matchFeatures.matchedFeatures));
  }
  assignOwn(vars, rule.vars ?? {});
  const isMatch = (!rule.matchAny?.length || isMatchAny) && (!rule.matchFeatures?.length || isMatchFeatures);
  return { isMatch, ...(matchFeatures && { matchFeatures }), matchAny, vars };
}

function sameExpression(a: MatchExpression, b: MatchExpression): boolean {
  const av = a.value ?? [];
  const bv = b.value ?? [];
  return a.op === b.op && av.length === bv.length && av.every((v, i) => v === bv[i]);
}

function outputExpression(e: MatchExpression): MatchExpression {
  return {
    op: e.op,
    ...(e.value?.length ? { value: [...e.value] } : {}),
    ...(e.type ? { type: e.type } : {}),
  };
}

/** What the host has for element `name` of `feature` (see MatchedExpression.hostValues). */
export function hostValuesOf(features: Features, feature: string, name: string): string[] {
  const out = new Set<string>();
  const flags = own(features.flags, feature)?.elements;
  if (flags && Object.hasOwn(flags, name)) out.add(name);
  const attrs = own(features.attributes, feature)?.elements;
  if (attrs && Object.hasOwn(attrs, name)) out.add(attrs[name]!);
  for (const inst of own(features.instances, feature)?.elements ?? []) {
    if (inst.attributes && Object.hasOwn(inst.attributes, name)) out.add(inst.attributes[name]!);
  }
  return [...out];
}

/**
 * NFD's per-expression report (node-validator matchFeatureExpressions): an expression is OK when
 * a processed term of the same feature recorded the same key with the same op and values. NFD
 * compares the spec's spelling of the feature with the lower-cased one, so a feature written with
 * capitals reports every expression as failed; we keep that for identical output.
 */
function reportTerms(
  terms: readonly FeatureMatcherTerm[],
  status: FeatureMatcherStatus | undefined,
  features: Features,
  cache: HostValuesCache,
): MatchedExpression[] {
  const processed: ProcessedTerm[] = status?.terms ?? [];
  const out: MatchedExpression[] = [];
  terms.forEach((term, i) => {
    const lower = term.feature.toLowerCase();
    for (const [name, exp] of Object.entries(term.matchExpressions ?? {})) {
      const isMatch = processed.some((p) => {
        const pexp = term.feature === p.feature ? p.matchExpressions?.get(name) : undefined;
        return pexp !== undefined && sameExpression(exp, pexp);
      });
      out.push({
        feature: term.feature,
        name,
        expression: outputExpression(exp),
        matcherType: 'matchExpression',
        isMatch,
        hostValues: cachedHostValues(cache, features, lower, name),
      });
    }
    if (term.matchName) {
      const mn = term.matchName;
      const isMatch = processed.some(
        (p) => term.feature === p.feature && p.matchName !== undefined && sameExpression(mn, p.matchName),
      );
      out.push({
        feature: term.feature,
        name: '',
        expression: outputExpression(mn),
        matcherType: 'matchName',
        isMatch,
        hostValues: [...(status?.names[i] ?? [])],
      });
    }
  });
  const key = (m: MatchedExpression) => [m.feature, m.name, expressionString(m.expression)];
  return out.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < 3; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
    return 0;
  });
}

/** Host values by feature and element, for one evaluation (rule.matched changes, so it is not cached). */
export type HostValuesCache = Map<string, string[]>;

function cachedHostValues(
  cache: HostValuesCache,
  features: Features,
  feature: string,
  name: string,
): string[] {
  if (feature === 'rule.matched') return hostValuesOf(features, feature, name);
  const key = `${feature}\u0000${name}`;
  let v = cache.get(key);
  if (!v) {
    v = hostValuesOf(features, feature, name);
    cache.set(key, v);
  }
  return [...v];
}

/** The rule's entry in NFD's result JSON, with host values. */
export function reportRule(
  rule: Rule,
  status: RuleStatus,
  features: Features,
  cache: HostValuesCache = new Map(),
): ProcessedRule {
  const out: ProcessedRule = { name: rule.name, isMatch: status.isMatch };
  const mf = reportTerms(rule.matchFeatures ?? [], status.matchFeatures, features, cache);
  if (mf.length) out.matchedExpressions = mf;
  if (rule.matchAny?.length) {
    out.matchedAny = rule.matchAny.map((elem, i) => {
      const m = reportTerms(elem.matchFeatures ?? [], status.matchAny[i], features, cache);
      return { matchedExpressions: m.length ? m : null };
    });
  }
  return out;
}
