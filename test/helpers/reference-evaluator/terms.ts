// REFERENCE EVALUATOR (test-only oracle): a frozen copy of src/match/terms.ts as of main e8e359a, before
// the compiled evaluator. test/match/compiled-identity.test.ts compares the compiled evaluator's
// results and errors with this one's. Do not change it to follow src/match: it is the reference.
//
// A list of terms (matchFeatures) against the host features, as NFD's evaluateFeatureMatcher:
// with failFast=false (what validate-node uses) every term and expression is evaluated, so every
// error surfaces; with failFast=true (nfd-master) evaluation stops at the first failure. For each
// term it records the expressions that held (NFD's MatchedFeaturesTerms, from which the
// per-expression report is built) and the matched elements by domain and feature (NFD's
// MatchedFeatures, the data of varsTemplate).
import type { Features } from '../../../src/features/types.js';
import type { FeatureMatcherTerm, MatchExpression } from '../../../src/spec/types.js';
import { evaluateExpression, ExpressionError } from './expression.js';

/** One term as NFD records it after evaluation: the expressions that held, by element name. */
export interface ProcessedTerm {
  /** Lower-cased, as NFD stores it (and compares it, unchanged, with the spec's spelling). */
  feature: string;
  matchExpressions?: Map<string, MatchExpression>;
  matchName?: MatchExpression;
}

/** NFD's MatchedElement: {Name, Value} of a flag or attribute, or an instance's attributes. */
export type MatchedElement = Record<string, string>;

/** NFD's matchedFeatures: domain -> feature -> matched elements (the spec's spelling, split at the first dot). */
export type MatchedFeatures = Map<string, Map<string, MatchedElement[]>>;

export interface FeatureMatcherStatus {
  isMatch: boolean;
  terms: ProcessedTerm[];
  /** Per input term: the element names its matchName matched (empty when not evaluated). */
  names: string[][];
  matchedFeatures: MatchedFeatures;
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

type Keys = Record<string, unknown> | undefined;
type Values = Record<string, string> | undefined;
type Instances = Array<{ attributes: Record<string, string> }> | undefined;

/** Stable sort by Name, as NFD sorts for reproducible output. */
function byName(elems: MatchedElement[]): MatchedElement[] {
  return elems.sort((a, b) => (a.Name! < b.Name! ? -1 : a.Name! > b.Name! ? 1 : 0));
}

/** NFD's MatchGetValues on one instance's attributes. */
function matchValues(
  exprs: ReadonlyArray<[string, MatchExpression]>,
  attrs: Record<string, string>,
  failFast: boolean,
): { isMatch: boolean; matched?: Map<string, MatchExpression> } {
  const matched = new Map<string, MatchExpression>();
  let isMatch = true;
  for (const [name, e] of exprs) {
    const has = Object.hasOwn(attrs, name);
    if (evaluateExpression(e, has, has ? attrs[name] : undefined)) matched.set(name, e);
    else if (failFast) return { isMatch: false };
    else isMatch = false;
  }
  return { isMatch, matched };
}

/** NFD's MatchMulti: flags and attributes as a union, instances each on their own. */
function matchMulti(
  feature: string,
  exprs: Record<string, MatchExpression>,
  keys: Keys,
  values: Values,
  instances: Instances,
  failFast: boolean,
): { isMatch: boolean; elems: MatchedElement[]; matched: Map<string, MatchExpression> } {
  let elems: MatchedElement[] = [];
  let matched = new Map<string, MatchExpression>();
  const entries = Object.entries(exprs);
  let current: string | undefined;
  try {
    let isMatch = keys !== undefined || values !== undefined;
    for (const [name, e] of entries) {
      current = name;
      let matchK = false;
      let matchV = false;
      let failed = false;
      if (keys) {
        matchK = evaluateExpression(e, Object.hasOwn(keys, name), undefined);
        if (matchK) {
          elems.push({ Name: name });
          matched.set(name, e);
        } else if (e.op === 'DoesNotExist') failed = true; // must hold in flags and attributes
      }
      if (values && !failed) {
        const has = Object.hasOwn(values, name);
        matchV = evaluateExpression(e, has, has ? values[name] : undefined);
        if (matchV) {
          elems.push({ Name: name, Value: has ? values[name]! : '' });
          matched.set(name, e);
        } else if (e.op === 'DoesNotExist') failed = true;
      }
      if (failed || (!matchK && !matchV)) {
        isMatch = false;
        if (!failFast) continue;
        elems = [];
        matched = new Map();
        break;
      }
    }
    byName(elems);
    // Instances: all expressions against each instance; the term matches if one instance satisfies all.
    let anyInstance = false;
    current = undefined;
    for (const inst of instances ?? []) {
      const r = matchValues(entries, inst.attributes ?? {}, failFast);
      if (r.isMatch) {
        anyInstance = true;
        elems.push(inst.attributes ?? {});
      }
      for (const [name, e] of r.matched ?? []) matched.set(name, e);
    }
    return { isMatch: isMatch || anyInstance, elems, matched };
  } catch (err) {
    if (err instanceof ExpressionError) throw new TermError(err.message, feature, current);
    throw err;
  }
}

/** NFD's MatchNamesMulti: the expression against every element name (instances: attribute names). */
function matchNames(
  feature: string,
  e: MatchExpression,
  keys: Keys,
  values: Values,
  instances: Instances,
): { elems: MatchedElement[]; names: string[] } {
  try {
    // Every name is evaluated (as NFD does, so errors surface); each matching name is listed once.
    const names = new Set<string>();
    const elems: MatchedElement[] = [];
    for (const k of Object.keys(keys ?? {})) {
      if (evaluateExpression(e, true, k)) {
        elems.push({ Name: k });
        names.add(k);
      }
    }
    for (const [k, v] of Object.entries(values ?? {})) {
      if (evaluateExpression(e, true, k)) {
        elems.push({ Name: k, Value: v });
        names.add(k);
      }
    }
    byName(elems);
    for (const inst of instances ?? []) {
      let any = false;
      for (const k of Object.keys(inst.attributes ?? {})) {
        if (evaluateExpression(e, true, k)) {
          any = true;
          names.add(k);
        }
      }
      if (any) elems.push(inst.attributes);
    }
    return { elems, names: [...names] };
  } catch (err) {
    if (err instanceof ExpressionError) throw new TermError(err.message, feature, undefined);
    throw err;
  }
}

/** obj[key] only when it is the object's own property (a feature named "constructor" is not found on {}). */
export function own<T>(obj: Record<string, T> | undefined, key: string): T | undefined {
  return obj && Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** NFD's split of a term's feature for templates: domain and name at the first dot, as written. */
function templateName(feature: string): [string, string] {
  const dot = feature.indexOf('.');
  return dot < 0 ? [feature.toLowerCase(), ''] : [feature.slice(0, dot), feature.slice(dot + 1)];
}

/**
 * Evaluates terms (logical AND), recording what matched; throws TermError on an NFD error. With
 * failFast, returns at the first term that fails (its status then undefined when the feature is
 * absent, as NFD returns nil).
 */
export function evaluateTerms(
  terms: readonly FeatureMatcherTerm[],
  features: Features,
  failFast = false,
): FeatureMatcherStatus {
  let isMatch = true;
  // NFD declares this once for all terms: a failed term leaves it false, so a later term's
  // matchName is not evaluated (and reported as failed). Kept for identical reports.
  let isTermMatch = true;
  const processed: ProcessedTerm[] = [];
  const names: string[][] = [];
  const matchedFeatures: MatchedFeatures = new Map();
  const status = (m: boolean): FeatureMatcherStatus => ({
    isMatch: m,
    terms: processed,
    names,
    matchedFeatures,
  });
  for (const term of terms) {
    const matchedNames: string[] = [];
    names.push(matchedNames);
    const feature = term.feature.toLowerCase();
    const [dom, nam] = templateName(term.feature);
    if (!matchedFeatures.has(dom)) matchedFeatures.set(dom, new Map());
    const flags = own(features.flags, feature);
    const attrs = own(features.attributes, feature);
    const insts = own(features.instances, feature);
    if (!flags && !attrs && !insts) {
      // An absent feature fails the term, whatever its expressions (even DoesNotExist).
      if (failFast) return status(false);
      isMatch = false;
      continue;
    }
    // A feature set whose elements are missing is Go's nil map: not looked at, as in NFD.
    const keys = flags?.elements ?? undefined;
    const values = attrs?.elements ?? undefined;
    const instances = insts?.elements ?? undefined;
    const rec: ProcessedTerm = { feature };
    let elems: MatchedElement[] = [];
    if (term.matchExpressions) {
      const r = matchMulti(feature, term.matchExpressions, keys, values, instances, failFast);
      isTermMatch = r.isMatch;
      elems = r.elems;
      rec.matchExpressions = r.matched;
    }
    if (isTermMatch && term.matchName) {
      const r = matchNames(feature, term.matchName, keys, values, instances);
      elems.push(...r.elems);
      matchedNames.push(...r.names);
      isTermMatch = r.elems.length > 0;
      if (isTermMatch) rec.matchName = term.matchName;
    }
    const byFeature = matchedFeatures.get(dom)!;
    byFeature.set(nam, [...(byFeature.get(nam) ?? []), ...elems]);
    if (rec.matchName || (rec.matchExpressions && rec.matchExpressions.size > 0)) processed.push(rec);
    if (!isTermMatch) {
      if (failFast) return status(false);
      isMatch = false;
    }
  }
  return status(isMatch);
}
