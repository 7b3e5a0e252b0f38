// A list of terms (matchFeatures) against the host features, as NFD's evaluateFeatureMatcher:
// with failFast=false (what validate-node uses) every term and expression is evaluated, so every
// error surfaces; with failFast=true (nfd-master) evaluation stops at the first failure. For each
// term it records the expressions that held (NFD's MatchedFeaturesTerms, from which the
// per-expression report is built) and the matched elements by domain and feature (NFD's
// MatchedFeatures, the data of varsTemplate). Terms are compiled once (TermCompiler); instance
// features are decided per expression over the host's index (host.ts), not instance by instance.
import type { Features, InstanceFeature } from '../features/types.js';
import type { FeatureMatcherTerm, MatchExpression } from '../spec/types.js';
import type { MatchedExpression } from './types.js';
import { Buckets, mixInt, mixString, SEED } from './hash.js';
import {
  ExpressionCompiler,
  evaluateCompiled,
  ExpressionError,
  type CompiledExpression,
  alike,
  expressionHash,
} from './expression.js';
import { andInto, DIRECT_INSTANCES, firstBit, HostIndex, nextBit, own, type InstanceIndex } from './host.js';

/** NFD's MatchedElement: {Name, Value} of a flag or attribute, or an instance's attributes. */
export type MatchedElement = Record<string, string>;

/** NFD's matchedFeatures: domain -> feature -> matched elements (the spec's spelling, split at the first dot). */
export type MatchedFeatures = Map<string, Map<string, MatchedElement[]>>;

export interface FeatureMatcherStatus {
  isMatch: boolean;
  /**
   * What NFD recorded as held (its MatchedFeaturesTerms), by slot (termSlots): each term's
   * expressions in order, then its matchName.
   */
  held: boolean[];
  /** Per input term with a matchName: the element names it matched (undefined when not evaluated). */
  names: Array<string[] | undefined>;
  /** The data of a varsTemplate: empty when the rule has none (evaluateCompiledTerms `gather`). */
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

/** An expression of a compiled term (or its matchName: no name), also an entry of its report. */
export interface TermEntry {
  /** The term's index in its list. */
  term: number;
  /** Its slot in its term (termSlots): its expression's index, or the last for the matchName. */
  slot: number;
  /** The spec's spelling of the feature, and lower-cased (as NFD looks it up). */
  feature: string;
  lower: string;
  name: string | undefined;
  /** The compiler's number for (feature, name): -1 for a matchName. */
  element: number;
  /** The compiler's number for (feature, name, expression): -1 for a matchName. */
  report: number;
  /** The expression as compiled and reported (compiled.reported's: its op, type and values). */
  expression: MatchExpression;
  compiled: CompiledExpression;
}

/** A term compiled once: its feature spelled both ways, its expressions in order, compiled. */
export interface CompiledTerm {
  source: FeatureMatcherTerm;
  /** Its TermCompiler's number for it: equal terms (at the same place in their list) are one. */
  id: number;
  /** Lower-cased, as NFD looks it up. */
  feature: string;
  /** The template's domain and name (the spec's spelling, split at the first dot). */
  dom: string;
  nam: string;
  /** Its place in its list (TermEntry.term). */
  index: number;
  expressions: Array<TermEntry & { name: string }> | undefined;
  matchName: TermEntry | undefined;
  /** How many distinct lists hold it (RuleCompiler): one held by several is decided once per host. */
  lists: number;
}

/**
 * Compiles the terms of one spec, each distinct one once: rules repeat terms (the same feature,
 * names, ops and values at the same place in their list), and a compiled term holds nothing of
 * one rule. Each distinct term gets an id (lists of terms are interned by their ids).
 */
export class TermCompiler extends ExpressionCompiler {
  private readonly terms = new Buckets<CompiledTerm>();
  private termIds = 0;
  /**
   * By place in a list: the interned term met there last. Rules repeat the terms of the rule
   * before them; one comparison recognises such a term without hashing it.
   */
  private readonly last: Array<CompiledTerm | undefined> = [];
  /**
   * By compiled expression number: the last entry made for it (an entry depends only on the
   * expression, its element and its place), for the next term that has it at the same place.
   */
  private readonly entries: Array<(TermEntry & { name: string }) | undefined> = [];
  /** The expression hashes of the term being hashed (written over, never emptied), for compileTerm. */
  private readonly hashes: number[] = [];

  /** Compiles the `index`th term of a list. */
  term(term: FeatureMatcherTerm, index: number): CompiledTerm {
    // No closure and no iterator here, and a term met before is recognised from its source (one
    // hash over its strings, then a comparison) without looking its expressions up one by one.
    const prev = this.last[index];
    if (prev && sameTerm(prev, term, index)) return prev;
    const exprs = term.matchExpressions;
    let plain = true;
    let n = 0;
    let h = mixString(mixInt(SEED, index), term.feature);
    // for-in over own keys (Object.keys' order) allocates nothing, here and in compileTerm.
    if (exprs) {
      for (const name in exprs) {
        if (!Object.hasOwn(exprs, name)) continue;
        const eh = expressionHash(exprs[name]!);
        this.hashes[n] = eh;
        if (eh < 0) plain = false;
        h = mixInt(mixString(h, name), eh);
        n++;
      }
    }
    const mh = term.matchName ? expressionHash(term.matchName) : -2;
    if (mh === -1) plain = false;
    h = mixInt(mixInt(h, exprs ? n : -1), mh);
    if (plain) {
      const table = this.terms;
      for (let i = table.first(h); i >= 0; i = table.next(h, i)) {
        if (sameTerm(table.at(i), term, index)) return (this.last[index] = table.at(i));
      }
    }
    const out = this.compileTerm(term, index, n);
    // A term with an expression that is not plain strings is compiled on its own (as its expressions).
    if (plain) {
      this.terms.add(h, out);
      this.last[index] = out;
    }
    return out;
  }

  /** A new compiled term of `n` expressions: its entries made in one pass, nothing else allocated. */
  private compileTerm(term: FeatureMatcherTerm, index: number, n: number): CompiledTerm {
    const exprs = term.matchExpressions;
    const spelling = term.feature;
    const { lower, dom, nam } = this.feature(spelling);
    let expressions: Array<TermEntry & { name: string }> | undefined;
    if (exprs) {
      expressions = new Array<TermEntry & { name: string }>(n);
      let k = 0;
      for (const name in exprs) {
        if (!Object.hasOwn(exprs, name)) continue;
        const c = this.compile(exprs[name]!, this.hashes[k]!);
        const element = this.element(spelling, name);
        // Terms that differ in one expression share their others' entries (made once per place).
        const known = this.entries[c.id];
        expressions[k] =
          known && known.term === index && known.slot === k && known.element === element
            ? known
            : (this.entries[c.id] = entry(
                index,
                k,
                spelling,
                lower,
                name,
                element,
                this.reportId(element, c),
                c,
              ));
        k++;
      }
    }
    const mn = term.matchName;
    return {
      source: term,
      id: this.termIds++,
      feature: lower,
      dom,
      nam,
      index,
      expressions,
      matchName: mn ? entry(index, n, spelling, lower, undefined, -1, -1, this.compile(mn)) : undefined,
      lists: 0,
    };
  }
}

function entry<N extends string | undefined>(
  term: number,
  slot: number,
  feature: string,
  lower: string,
  name: N,
  element: number,
  report: number,
  compiled: CompiledExpression,
): TermEntry & { name: N } {
  const expression = compiled.reported!.expression;
  return { term, slot, feature, lower, name, element, report, expression, compiled };
}

/** Whether compiled term c (interned: all plain) is the `index`th term `term`, plain or not. */
function sameTerm(c: CompiledTerm, term: FeatureMatcherTerm, index: number): boolean {
  if (c.index !== index || c.source.feature !== term.feature) return false;
  const mn = term.matchName;
  if (c.matchName ? !mn || !alike(c.matchName.expression, mn) : mn) return false;
  const exprs = c.expressions;
  const mine = term.matchExpressions;
  if (!exprs || !mine) return !exprs && !mine;
  let k = 0;
  for (const name in mine) {
    if (!Object.hasOwn(mine, name)) continue;
    if (k >= exprs.length || exprs[k]!.name !== name || !alike(exprs[k]!.expression, mine[name]!))
      return false;
    k++;
  }
  return k === exprs.length;
}

/** Stable sort by Name, as NFD sorts for reproducible output. */
function byName(elems: MatchedElement[]): MatchedElement[] {
  return elems.sort((a, b) => (a.Name! < b.Name! ? -1 : a.Name! > b.Name! ? 1 : 0));
}

/** A term's slots in FeatureMatcherStatus.held: one per expression, one for its matchName. */
export function termSlots(term: CompiledTerm): number {
  return (term.expressions?.length ?? 0) + 1;
}

/**
 * NFD's MatchGetInstances: every expression against each instance; the instances that satisfy
 * all. Decided per expression over the instance index; the error is the one NFD meets first
 * (instances in order, expressions in order, with failFast only up to an instance's first miss).
 * Records the expressions held from slot `base` on, adds the matching instances to `elems` (when
 * gathering) and returns how many there are.
 */
function matchInstances(
  term: CompiledTerm,
  index: InstanceIndex,
  failFast: boolean,
  held: boolean[],
  base: number,
  elems: MatchedElement[] | undefined,
): number {
  const exprs = term.expressions!;
  const candidates = index.allScratch();
  let errorAt = -1;
  let error = '';
  for (let k = 0; k < exprs.length; k++) {
    const v = index.verdict(exprs[k]!.name, exprs[k]!.compiled);
    if (v.errors) {
      // failFast: only the instances that every earlier expression held for get this far.
      let first: number;
      if (failFast) {
        const reached = v.errors.slice();
        andInto(reached, candidates);
        first = firstBit(reached);
      } else first = firstBit(v.errors);
      // Strictly lower: at the same instance, the earlier expression's error comes first.
      if (first >= 0 && (errorAt < 0 || first < errorAt)) {
        errorAt = first;
        error = v.errorAt!(first);
      }
    }
    andInto(candidates, v.match);
  }
  if (errorAt >= 0) throw new ExpressionError(error);
  let count = 0;
  for (let i = firstBit(candidates); i >= 0; i = nextBit(candidates, i + 1)) {
    count++;
    if (elems) elems.push(index.elements[i]!.attributes ?? {});
  }
  for (let k = 0; k < exprs.length; k++) {
    // failFast: an instance records its expressions only when all of them held.
    if (failFast ? count > 0 : index.verdict(exprs[k]!.name, exprs[k]!.compiled).any) held[base + k] = true;
  }
  return count;
}

/**
 * matchInstances for a few instances (DIRECT_INSTANCES at most): NFD's own loop, instance by
 * instance and expression by expression, with no index to build. The same verdicts, records and
 * first error.
 */
function matchInstancesDirect(
  term: CompiledTerm,
  elements: readonly InstanceFeature[],
  failFast: boolean,
  held: boolean[],
  base: number,
  elems: MatchedElement[] | undefined,
): number {
  const exprs = term.expressions!;
  let count = 0;
  for (let i = 0; i < elements.length; i++) {
    const attrs = elements[i]!.attributes;
    let all = true;
    for (let k = 0; k < exprs.length; k++) {
      const { name, compiled } = exprs[k]!;
      const has = attrs !== undefined && attrs !== null && Object.hasOwn(attrs, name);
      if (evaluateCompiled(compiled, has, has ? attrs[name] : undefined)) {
        // Not failFast: an expression is recorded when it held for some instance.
        if (!failFast) held[base + k] = true;
      } else {
        all = false;
        if (failFast) break;
      }
    }
    if (all) {
      count++;
      if (elems) elems.push(attrs ?? {});
    }
  }
  if (failFast && count > 0) for (let k = 0; k < exprs.length; k++) held[base + k] = true;
  return count;
}

/**
 * NFD's MatchMulti: flags and attributes as a union, instances each on their own. Records the
 * expressions held from slot `base` on and adds the matched elements to `elems` (when gathering).
 */
function matchMulti(
  host: HostIndex,
  term: CompiledTerm,
  keys: Keys,
  values: Values,
  instances: InstanceIndex | undefined,
  failFast: boolean,
  held: boolean[],
  base: number,
  elems: MatchedElement[] | undefined,
): boolean {
  const exprs = term.expressions!;
  let current: string | undefined;
  try {
    let isMatch = keys !== undefined || values !== undefined;
    for (let k = 0; k < exprs.length; k++) {
      const { name, expression: e, compiled: c } = exprs[k]!;
      current = name;
      let matchK = false;
      let matchV = false;
      let failed = false;
      if (keys) {
        matchK = evaluateCompiled(c, Object.hasOwn(keys, name), undefined, host);
        if (matchK) {
          if (elems) elems.push({ Name: name });
          held[base + k] = true;
        } else if (e.op === 'DoesNotExist') failed = true; // must hold in flags and attributes
      }
      if (values && !failed) {
        const has = Object.hasOwn(values, name);
        matchV = evaluateCompiled(c, has, has ? values[name] : undefined, host);
        if (matchV) {
          if (elems) elems.push({ Name: name, Value: has ? values[name]! : '' });
          held[base + k] = true;
        } else if (e.op === 'DoesNotExist') failed = true;
      }
      if (failed || (!matchK && !matchV)) {
        isMatch = false;
        if (!failFast) continue;
        if (elems) elems.length = 0;
        held.fill(false, base, base + exprs.length);
        break;
      }
    }
    if (elems && elems.length > 1) byName(elems);
    // Instances: all expressions against each instance; the term matches if one instance satisfies
    // all. (The error there names no element, as before: kept, for the same message.)
    current = undefined;
    const matchedInstances = !instances?.size
      ? 0
      : instances.size <= DIRECT_INSTANCES
        ? matchInstancesDirect(term, instances.elements, failFast, held, base, elems)
        : matchInstances(term, instances, failFast, held, base, elems);
    return isMatch || matchedInstances > 0;
  } catch (err) {
    if (err instanceof ExpressionError) throw new TermError(err.message, term.feature, current);
    throw err;
  }
}

/**
 * NFD's MatchNamesMulti: the expression against every element name (instances: attribute names).
 * Puts the matching names in `found`, adds the matched elements to `elems` (when gathering) and
 * returns how many there are.
 */
function matchNames(
  host: HostIndex,
  term: CompiledTerm,
  keys: Keys,
  values: Values,
  instances: InstanceIndex | undefined,
  found: string[],
  elems: MatchedElement[] | undefined,
): number {
  const c = term.matchName!.compiled;
  try {
    // Every name is evaluated (as NFD does, so errors surface); each matching name is listed once.
    const names = new Set<string>();
    const start = elems?.length ?? 0;
    let count = 0;
    if (keys) {
      const ks = Object.keys(keys);
      for (let i = 0; i < ks.length; i++) {
        const k = ks[i]!;
        if (evaluateCompiled(c, true, k, host)) {
          count++;
          if (elems) elems.push({ Name: k });
          names.add(k);
        }
      }
    }
    if (values) {
      const ks = Object.keys(values);
      for (let i = 0; i < ks.length; i++) {
        const k = ks[i]!;
        if (evaluateCompiled(c, true, k, host)) {
          count++;
          if (elems) elems.push({ Name: k, Value: values[k]! });
          names.add(k);
        }
      }
    }
    // The flags' and attributes' elements sorted by name, after those of the expressions.
    if (elems && elems.length - start > 1) {
      const mine = byName(elems.splice(start));
      for (let i = 0; i < mine.length; i++) elems.push(mine[i]!);
    }
    if (instances?.size) {
      // Instances with the same names decide alike; groups come in their first member's order, so
      // the first error and the order of the names are those of going instance by instance.
      const matching = instances.empty();
      for (const g of instances.nameGroups()) {
        let any = false;
        for (const k of g.names) {
          if (evaluateCompiled(c, true, k, host)) {
            any = true;
            names.add(k);
          }
        }
        if (any) for (const i of g.members) matching[i >>> 5]! |= 1 << (i & 31);
      }
      for (let i = firstBit(matching); i >= 0; i = nextBit(matching, i + 1)) {
        count++;
        if (elems) elems.push(instances.elements[i]!.attributes);
      }
    }
    for (const n of names) found.push(n);
    return count;
  } catch (err) {
    if (err instanceof ExpressionError) throw new TermError(err.message, term.feature, undefined);
    throw err;
  }
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
  const compiler = new TermCompiler();
  const compiled = terms.map((t, i) => compiler.term(t, i));
  return evaluateCompiledTerms(compiled, features, new HostIndex(features), failFast);
}

/**
 * What one term recorded on a host when evaluated with its matchName reached (a term with
 * expressions always reaches it; one without only after terms that matched): its own slots that
 * held, the names its matchName found (undefined when not evaluated), its verdict. It is the same
 * in every list and rule (its feature is not rule.matched, and nothing is gathered).
 */
export interface TermOutcome {
  held: boolean[];
  found: string[] | undefined;
  isTermMatch: boolean;
  /** Its matchName's report entry by verdict, made once and shared by the lists that hold it (rule.ts). */
  matched?: MatchedExpression;
  unmatched?: MatchedExpression;
}

/** Term outcomes by CompiledTerm.id, for one evaluation (one host, one failFast). */
export type TermOutcomes = Array<TermOutcome | undefined>;

function termOutcome(
  host: HostIndex,
  term: CompiledTerm,
  keys: Keys,
  values: Values,
  instances: InstanceIndex | undefined,
  failFast: boolean,
): TermOutcome {
  const held = new Array<boolean>(termSlots(term)).fill(false);
  let isTermMatch = true;
  if (term.expressions)
    isTermMatch = matchMulti(host, term, keys, values, instances, failFast, held, 0, undefined);
  let found: string[] | undefined;
  if (isTermMatch && term.matchName) {
    found = [];
    isTermMatch = matchNames(host, term, keys, values, instances, found, undefined) > 0;
    if (isTermMatch) held[held.length - 1] = true;
  }
  return { held, found, isTermMatch };
}

/** The matchedFeatures of terms evaluated without `gather`: always empty (nothing adds to it). */
const NOT_GATHERED: MatchedFeatures = new Map();

function statusOf(
  isMatch: boolean,
  held: boolean[],
  names: Array<string[] | undefined>,
  matchedFeatures: MatchedFeatures,
): FeatureMatcherStatus {
  return { isMatch, held, names, matchedFeatures };
}

/** evaluateTerms on compiled terms; `features` may be the working copy (with rule.matched) of `host`'s. */
export function evaluateCompiledTerms(
  terms: readonly CompiledTerm[],
  features: Features,
  host: HostIndex,
  failFast = false,
  /** Whether to gather matchedFeatures (a varsTemplate's data); empty when false. */
  gather = true,
  /** The outcomes of terms already decided on this host with this failFast (not gathering). */
  memo?: TermOutcomes,
): FeatureMatcherStatus {
  let isMatch = true;
  // NFD declares this once for all terms: a failed term leaves it false, so a later term's
  // matchName is not evaluated (and reported as failed). Kept for identical reports.
  let isTermMatch = true;
  let slots = 0;
  for (let k = 0; k < terms.length; k++) slots += termSlots(terms[k]!);
  const held = new Array<boolean>(slots).fill(false);
  // Of the exact size (an array grown by assignment holds room for 17).
  const names = new Array<string[] | undefined>(terms.length);
  const matchedFeatures: MatchedFeatures = gather ? new Map() : NOT_GATHERED;
  let base = 0;
  for (let k = 0; k < terms.length; k++) {
    const term = terms[k]!;
    const termBase = base;
    base += termSlots(term);
    const { feature, dom, nam } = term;
    if (gather && !matchedFeatures.has(dom)) matchedFeatures.set(dom, new Map());
    const flags = own(features.flags, feature);
    const attrs = own(features.attributes, feature);
    const insts = own(features.instances, feature);
    if (!flags && !attrs && !insts) {
      // An absent feature fails the term, whatever its expressions (even DoesNotExist).
      if (failFast) return statusOf(false, held, names, matchedFeatures);
      isMatch = false;
      continue;
    }
    // A feature set whose elements are missing is Go's nil map: not looked at, as in NFD.
    const keys = flags?.elements ?? undefined;
    const values = attrs?.elements ?? undefined;
    const instances = insts?.elements ? host.instances(feature, insts.elements) : undefined;
    if (
      memo &&
      term.lists > 1 &&
      !gather &&
      feature !== 'rule.matched' &&
      (term.expressions || isTermMatch)
    ) {
      // The term decides alike in every list (and every rule) of this evaluation: decided once.
      const o = (memo[term.id] ??= termOutcome(host, term, keys, values, instances, failFast));
      const oh = o.held;
      for (let s = 0; s < oh.length; s++) if (oh[s]) held[termBase + s] = true;
      if (o.found) names[k] = o.found;
      isTermMatch = o.isTermMatch;
    } else {
      const elems: MatchedElement[] | undefined = gather ? [] : undefined;
      if (term.expressions)
        isTermMatch = matchMulti(host, term, keys, values, instances, failFast, held, termBase, elems);
      if (isTermMatch && term.matchName) {
        const found: string[] = [];
        isTermMatch = matchNames(host, term, keys, values, instances, found, elems) > 0;
        names[k] = found;
        if (isTermMatch) held[base - 1] = true;
      }
      if (elems) {
        const byFeature = matchedFeatures.get(dom)!;
        const prev = byFeature.get(nam);
        byFeature.set(nam, prev ? [...prev, ...elems] : elems);
      }
    }
    if (!isTermMatch) {
      if (failFast) return statusOf(false, held, names, matchedFeatures);
      isMatch = false;
    }
  }
  return statusOf(isMatch, held, names, matchedFeatures);
}
