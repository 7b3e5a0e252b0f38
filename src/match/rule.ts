// One rule, as NFD's nodefeaturerule.Execute with failFast=false: matchAny (every element is
// evaluated) must have a matching element, then matchFeatures must match; an empty rule matches.
// When matchAny fails, matchFeatures is not evaluated (its expressions report false).
import type { Features } from '../features/types.js';
import type { FeatureMatcherTerm, MatchExpression, Rule } from '../spec/types.js';
import { expressionString } from './expression.js';
import { evaluateTerms, own, type FeatureMatcherStatus, type ProcessedTerm } from './terms.js';
import type { MatchedExpression, ProcessedRule } from './types.js';

export interface RuleStatus {
  isMatch: boolean;
  matchFeatures?: FeatureMatcherStatus;
  matchAny: FeatureMatcherStatus[];
}

export function executeRule(rule: Rule, features: Features): RuleStatus {
  const matchAny: FeatureMatcherStatus[] = [];
  if (rule.matchAny?.length) {
    let any = false;
    for (const elem of rule.matchAny) {
      const status = evaluateTerms(elem.matchFeatures ?? [], features);
      if (status.isMatch) any = true;
      matchAny.push(status);
    }
    if (!any) return { isMatch: false, matchAny };
  }
  if (rule.matchFeatures?.length) {
    const status = evaluateTerms(rule.matchFeatures, features);
    return { isMatch: status.isMatch, matchFeatures: status, matchAny };
  }
  return { isMatch: true, matchAny };
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
