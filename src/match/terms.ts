// A list of terms (matchFeatures) against the host features, as NFD's evaluateFeatureMatcher with
// failFast=false (what validate-node uses): every term is evaluated so every error surfaces, and
// for each term the expressions that held anywhere are recorded (NFD's MatchedFeaturesTerms),
// which is what the per-expression report is built from.
import type { Features } from '../features/types.js';
import type { FeatureMatcherTerm, MatchExpression } from '../spec/types.js';
import { evaluateExpression, ExpressionError } from './expression.js';

/** One term as NFD records it after evaluation: the expressions that held, by element name. */
export interface ProcessedTerm {
  /** Lower-cased, as NFD stores it (and compares it, unchanged, with the spec's spelling). */
  feature: string;
  matchExpressions?: Map<string, MatchExpression>;
  matchName?: MatchExpression;
}

export interface FeatureMatcherStatus {
  isMatch: boolean;
  terms: ProcessedTerm[];
  /** Per input term: the element names its matchName matched (empty when not evaluated). */
  names: string[][];
}

/** Where an ExpressionError happened, for the caller's message. */
export class TermError extends Error {
  constructor(
    message: string,
    readonly feature: string,
    readonly key?: string,
  ) {
    super(message);
  }
}

function guard<T>(feature: string, key: string | undefined, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof ExpressionError) throw new TermError(err.message, feature, key);
    throw err;
  }
}

/** NFD's MatchMulti: flags and attributes as a union, instances each on their own. */
function matchMulti(
  feature: string,
  exprs: Record<string, MatchExpression>,
  keys: Record<string, unknown> | undefined,
  values: Record<string, string> | undefined,
  instances: Array<{ attributes: Record<string, string> }> | undefined,
): { isMatch: boolean; matched: Map<string, MatchExpression> } {
  const matched = new Map<string, MatchExpression>();
  const entries = Object.entries(exprs);
  let current: string | undefined;
  try {
    let isMatch = keys !== undefined || values !== undefined;
    for (const [name, e] of entries) {
      current = name;
      let matchK = false;
      let matchV = false;
      if (keys) {
        matchK = evaluateExpression(e, Object.hasOwn(keys, name), undefined);
        if (matchK) matched.set(name, e);
        else if (e.op === 'DoesNotExist') {
          // DoesNotExist must hold in both flags and attributes.
          isMatch = false;
          continue;
        }
      }
      if (values) {
        const has = Object.hasOwn(values, name);
        matchV = evaluateExpression(e, has, has ? values[name] : undefined);
        if (matchV) matched.set(name, e);
        else if (e.op === 'DoesNotExist') {
          isMatch = false;
          continue;
        }
      }
      if (!matchK && !matchV) isMatch = false;
    }
    // Instances: all expressions against each instance; the term matches if one instance satisfies all.
    let anyInstance = false;
    for (const inst of instances ?? []) {
      const attrs = inst.attributes ?? {};
      let all = true;
      for (const [name, e] of entries) {
        current = name;
        const has = Object.hasOwn(attrs, name);
        if (evaluateExpression(e, has, has ? attrs[name] : undefined)) {
          if (!matched.has(name)) matched.set(name, e);
        } else all = false;
      }
      if (all) anyInstance = true;
    }
    return { isMatch: isMatch || anyInstance, matched };
  } catch (err) {
    if (err instanceof ExpressionError) throw new TermError(err.message, feature, current);
    throw err;
  }
}

/** NFD's MatchNamesMulti: the expression against every element name (instances: attribute names). */
function matchNames(
  feature: string,
  e: MatchExpression,
  keys: Record<string, unknown> | undefined,
  values: Record<string, string> | undefined,
  instances: Array<{ attributes: Record<string, string> }> | undefined,
): string[] {
  const names: string[] = [];
  const test = (n: string) => guard(feature, undefined, () => evaluateExpression(e, true, n));
  for (const k of Object.keys(keys ?? {})) if (test(k)) names.push(k);
  for (const k of Object.keys(values ?? {})) if (test(k)) names.push(k);
  const seen = new Set(names);
  for (const inst of instances ?? []) {
    for (const k of Object.keys(inst.attributes ?? {})) {
      if (test(k) && !seen.has(k)) {
        seen.add(k);
        names.push(k);
      }
    }
  }
  return names;
}

/** obj[key] only when it is the object's own property (a feature named "constructor" is not found on {}). */
export function own<T>(obj: Record<string, T> | undefined, key: string): T | undefined {
  return obj && Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** Evaluates terms (logical AND), recording what matched; throws TermError on an NFD error. */
export function evaluateTerms(
  terms: readonly FeatureMatcherTerm[],
  features: Features,
): FeatureMatcherStatus {
  let isMatch = true;
  // NFD declares this once for all terms: a failed term leaves it false, so a later term's
  // matchName is not evaluated (and reported as failed). Kept for identical reports.
  let isTermMatch = true;
  const processed: ProcessedTerm[] = [];
  const names: string[][] = [];
  for (const term of terms) {
    const matchedNames: string[] = [];
    names.push(matchedNames);
    const feature = term.feature.toLowerCase();
    const flags = own(features.flags, feature);
    const attrs = own(features.attributes, feature);
    const insts = own(features.instances, feature);
    if (!flags && !attrs && !insts) {
      // An absent feature fails the term, whatever its expressions (even DoesNotExist).
      isMatch = false;
      continue;
    }
    const keys = flags ? (flags.elements ?? {}) : undefined;
    const values = attrs ? (attrs.elements ?? {}) : undefined;
    const instances = insts ? (insts.elements ?? []) : undefined;
    const rec: ProcessedTerm = { feature };
    if (term.matchExpressions) {
      const r = matchMulti(feature, term.matchExpressions, keys, values, instances);
      isTermMatch = r.isMatch;
      rec.matchExpressions = r.matched;
    }
    if (isTermMatch && term.matchName) {
      matchedNames.push(...matchNames(feature, term.matchName, keys, values, instances));
      isTermMatch = matchedNames.length > 0;
      if (isTermMatch) rec.matchName = term.matchName;
    }
    if (rec.matchName || (rec.matchExpressions && rec.matchExpressions.size > 0)) processed.push(rec);
    if (!isTermMatch) isMatch = false;
  }
  return { isMatch, terms: processed, names };
}
