// One rule, as NFD's nodefeaturerule.ExecuteGroupRule. With failFast=false (validate-node), every
// matchAny element is evaluated, and matchFeatures is evaluated even when matchAny fails (its
// errors are errors, its expressions report their real isMatch); with failFast=true (nfd-master)
// evaluation stops as early as NFD's does. varsTemplate is expanded over the matched features of
// each matching matchAny element and of matchFeatures when it matches; vars override it. The
// rule's vars are NFD's: undefined (nil) when matchFeatures fails or, with failFast, matchAny does.
// A rule is compiled once (compileRule): its terms, and its report's entries already in NFD's
// order with their output expressions (shared, frozen: plan.ts); per host only isMatch and
// hostValues vary.
import type { Backref } from './backref.js';
import type { Features } from '../features/types.js';
import type { FeatureMatcherTerm, Rule } from '../spec/types.js';
import { Planner, type ReportEntry } from './plan.js';
import { Buckets, mixInt, SEED } from './hash.js';
import { assignOwn, HostIndex, hostValuesOf } from './host.js';
import { expandVarsTemplate } from './template/index.js';
import {
  evaluateCompiledTerms,
  TermCompiler,
  type CompiledTerm,
  type FeatureMatcherStatus,
  type TermOutcome,
  type TermOutcomes,
} from './terms.js';
import type { MatchAnyResult, MatchedExpression, ProcessedRule } from './types.js';

export interface RuleStatus {
  isMatch: boolean;
  matchFeatures?: FeatureMatcherStatus;
  matchAny: FeatureMatcherStatus[];
  /** What the rule contributes to rule.matched; undefined where NFD's is nil. */
  vars?: Record<string, string>;
}

/** A list of terms (a rule's matchFeatures or a matchAny element's) compiled once. */
export interface CompiledList {
  /** Its RuleCompiler's number for it: lists of the same terms are one. */
  id: number;
  terms: CompiledTerm[];
  /** Its report's entries, in NFD's order. */
  plan: ReportEntry[];
  /** Per entry of the plan: the slots (FeatureMatcherStatus.held) any of which makes it OK. */
  checks: Array<readonly number[]>;
  /**
   * Whether a term looks at rule.matched, which grows rule by rule: such a list is evaluated
   * every time; any other gives the same outcome on a host every time (ListOutcomes).
   */
  backref: boolean;
}

export interface CompiledRule {
  source: Rule;
  matchAny: readonly CompiledList[];
  /** Undefined when the rule has no matchFeatures (or an empty one). */
  matchFeatures: CompiledList | undefined;
}

const NONE: readonly never[] = Object.freeze([]);

/** Compiles the rules of one spec: terms shared (TermCompiler), and lists of the same terms one list. */
export class RuleCompiler extends TermCompiler {
  private readonly lists = new Buckets<CompiledList>();
  private listIds = 0;
  /** The terms of the list being compiled (one array for every call: the first list.length). */
  private readonly listScratch: CompiledTerm[] = [];
  private readonly planner = new Planner();

  list(list: readonly FeatureMatcherTerm[] | undefined): CompiledList {
    // Written over, never emptied (an array emptied by `length = 0` loses its storage).
    const terms = this.listScratch;
    const n = list?.length ?? 0;
    let h = SEED;
    for (let i = 0; i < n; i++) {
      const t = this.term(list![i]!, i);
      terms[i] = t;
      h = mixInt(h, t.id);
    }
    h = mixInt(h, n);
    const table = this.lists;
    for (let i = table.first(h); i >= 0; i = table.next(h, i)) {
      const c = table.at(i);
      if (sameTerms(c.terms, terms, n)) return c;
    }
    const own = terms.slice(0, n);
    for (let i = 0; i < n; i++) own[i]!.lists++;
    const { entries, checks } = this.planner.plan(own);
    const c: CompiledList = {
      id: this.listIds++,
      terms: own,
      plan: entries,
      checks,
      backref: readsBackref(own),
    };
    this.lists.add(h, c);
    return c;
  }
}

function readsBackref(terms: readonly CompiledTerm[]): boolean {
  for (let i = 0; i < terms.length; i++) if (terms[i]!.feature === 'rule.matched') return true;
  return false;
}

/** Whether a is the first n terms of b. */
function sameTerms(a: readonly CompiledTerm[], b: readonly CompiledTerm[], n: number): boolean {
  if (a.length !== n) return false;
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Compiles a rule; `compiler` shares the compiled terms and lists among the rules of a spec. */
export function compileRule(rule: Rule, compiler = new RuleCompiler()): CompiledRule {
  return {
    source: rule,
    matchAny: rule.matchAny?.length ? rule.matchAny.map((elem) => compiler.list(elem.matchFeatures)) : NONE,
    matchFeatures: rule.matchFeatures?.length ? compiler.list(rule.matchFeatures) : undefined,
  };
}

/** What one list gave on the host: its statuses (with and without matchedFeatures) and reports. */
interface ListOutcome {
  plain?: FeatureMatcherStatus;
  gathered?: FeatureMatcherStatus;
  /** The report of the list evaluated (from either status: they differ only in matchedFeatures). */
  report?: MatchedExpression[];
  /** The report of the list not evaluated (failFast stopped before it). */
  unevaluated?: MatchedExpression[];
  /** The same as a matchAny element's entry. */
  any?: MatchAnyResult;
  anyUnevaluated?: MatchAnyResult;
  /** The status of the rules of this matchFeatures alone that it fails (ListOutcomes.failed). */
  failed?: RuleStatus;
}

function anyResult(m: MatchedExpression[]): MatchAnyResult {
  return { matchedExpressions: m.length ? m : null };
}

/**
 * What is handed out a second time is frozen first (then shared by several rules' results: no
 * reader may change it); what only one rule's result holds is not (freezing costs as much as
 * making it).
 */
function shared<T extends object>(x: T): T {
  return Object.isFrozen(x) ? x : Object.freeze(x);
}

function sharedReport(report: MatchedExpression[]): MatchedExpression[] {
  if (Object.isFrozen(report)) return report;
  for (let i = 0; i < report.length; i++) Object.freeze(report[i]);
  return Object.freeze(report) as MatchedExpression[];
}

/**
 * One evaluation of a spec's rules on one host (evaluateSpec's lifetime): the lists of terms'
 * outcomes, remembered where they cannot change (no rule.matched term), so that a list shared by
 * many rules is evaluated and reported once. Its statuses and reports are shared: reports frozen
 * once shared, statuses read-only.
 */
export class ListOutcomes {
  private readonly byId: Array<ListOutcome | undefined> = [];
  /** Report entries shared across lists (reportTerms). */
  private readonly entries: Array<MatchedExpression | undefined> = [];
  /** Terms shared across lists, decided once (evaluateCompiledTerms). */
  private readonly terms: TermOutcomes = [];

  /** `backref`: the evaluation's rule.matched (none: the host's features as they are, for every list). */
  constructor(
    readonly host: HostIndex,
    readonly failFast: boolean,
    private readonly backref?: Backref,
  ) {}

  /** The features a list reads: with the evaluation's rule.matched when it reads that. */
  private features(list: CompiledList): Features {
    return list.backref && this.backref ? this.backref.features() : this.host.features;
  }

  private outcome(list: CompiledList): ListOutcome {
    let o = this.byId[list.id];
    if (!o) {
      o = {};
      this.byId[list.id] = o;
    }
    return o;
  }

  status(list: CompiledList, gather: boolean): FeatureMatcherStatus {
    if (list.backref) return this.evaluate(list, gather);
    const o = this.outcome(list);
    if (gather) return (o.gathered ??= this.evaluate(list, true));
    return (o.plain ??= this.evaluate(list, false));
  }

  private evaluate(list: CompiledList, gather: boolean): FeatureMatcherStatus {
    return evaluateCompiledTerms(
      list.terms,
      this.features(list),
      this.host,
      this.failFast,
      gather,
      this.terms,
    );
  }

  /**
   * The status of a rule with no matchAny whose matchFeatures `list` failed with `status`: one
   * for every such rule (read-only), as most rules of a big spec fail alike.
   */
  failed(list: CompiledList, status: FeatureMatcherStatus): RuleStatus {
    if (list.backref) return { isMatch: false, matchFeatures: status, matchAny: NONE as never[] };
    const o = this.outcome(list);
    if (o.failed?.matchFeatures !== status)
      o.failed = { isMatch: false, matchFeatures: status, matchAny: NONE as never[] };
    return o.failed;
  }

  /** report() as a matchAny element's entry (null for no expressions, as NFD). */
  any(list: CompiledList, status: FeatureMatcherStatus | undefined): MatchAnyResult {
    if (list.backref) return anyResult(this.report(list, status));
    const o = this.outcome(list);
    const r = status ? o.any : o.anyUnevaluated;
    if (r) return shared(r);
    const made = anyResult(this.report(list, status));
    if (status) o.any = made;
    else o.anyUnevaluated = made;
    return made;
  }

  /** The list's report; `status` is this.status(list, ...) or undefined (not evaluated). */
  report(list: CompiledList, status: FeatureMatcherStatus | undefined): MatchedExpression[] {
    if (list.backref) return reportTerms(list, status, this.features(list), this.host, this.terms);
    const o = this.outcome(list);
    const r = status ? o.report : o.unevaluated;
    if (r) return sharedReport(r);
    const made = reportTerms(list, status, this.features(list), this.host, this.terms, this.entries);
    if (status) o.report = made;
    else o.unevaluated = made;
    return made;
  }
}

/** Evaluates a rule; throws TermError (an expression) or TemplateError (varsTemplate) where NFD errors. */
export function executeRule(rule: Rule, features: Features, failFast = false): RuleStatus {
  return executeCompiledRule(compileRule(rule), new ListOutcomes(new HostIndex(features), failFast));
}

/** executeRule on a compiled rule, with the outcomes of the evaluation it is part of. */
export function executeCompiledRule(compiled: CompiledRule, outcomes: ListOutcomes): RuleStatus {
  const rule = compiled.source;
  const failFast = outcomes.failFast;
  const lists = compiled.matchAny;
  // Of the exact size (an array grown by push holds room for 17); cut where failFast stops.
  const matchAny: FeatureMatcherStatus[] = lists.length ? new Array(lists.length) : (NONE as never[]);
  let recorded = 0;
  // Made when first written to or returned (most rules fail and return none).
  let vars: Record<string, string> | undefined;
  const template = rule.varsTemplate ?? '';
  let isMatchAny = false;
  if (lists.length) {
    for (let i = 0; i < lists.length; i++) {
      const status = outcomes.status(lists[i]!, template !== '');
      if (status.isMatch) {
        isMatchAny = true;
        // No template to expand: nfd-master stops at the first match (and does not record it).
        if (template === '' && failFast) break;
        if (template !== '') assignOwn((vars ??= {}), expandVarsTemplate(template, status.matchedFeatures));
      }
      matchAny[recorded++] = status;
    }
    if (recorded < lists.length) matchAny.length = recorded;
    if (!isMatchAny && failFast) return { isMatch: false, matchAny };
  }
  let matchFeatures: FeatureMatcherStatus | undefined;
  if (compiled.matchFeatures) {
    matchFeatures = outcomes.status(compiled.matchFeatures, template !== '');
    if (!matchFeatures.isMatch)
      return lists.length
        ? { isMatch: false, matchFeatures, matchAny }
        : outcomes.failed(compiled.matchFeatures, matchFeatures);
    if (template !== '')
      assignOwn((vars ??= {}), expandVarsTemplate(template, matchFeatures.matchedFeatures));
  }
  vars ??= {};
  if (rule.vars) assignOwn(vars, rule.vars);
  // Here matchFeatures, when the rule has one, matched.
  const isMatch = !lists.length || isMatchAny;
  return matchFeatures ? { isMatch, matchFeatures, matchAny, vars } : { isMatch, matchAny, vars };
}

function anyHeld(held: readonly boolean[], slots: readonly number[]): boolean {
  for (let i = 0; i < slots.length; i++) if (held[slots[i]!]) return true;
  return false;
}

/**
 * A list's report: its plan's entries with their verdicts (checks) and host values. `shared`:
 * the evaluation's expression entries by TermEntry.report and verdict, reused across lists (the
 * same element, expression and verdict give the same entry), frozen when reused.
 */
function reportTerms(
  list: CompiledList,
  status: FeatureMatcherStatus | undefined,
  features: Features,
  host: HostIndex,
  memo: TermOutcomes,
  shared?: Array<MatchedExpression | undefined>,
): MatchedExpression[] {
  const { plan, checks } = list;
  const out = new Array<MatchedExpression>(plan.length);
  for (let i = 0; i < plan.length; i++) {
    const entry = plan[i]!;
    const isMatch = status !== undefined && anyHeld(status.held, checks[i]!);
    const name = entry.name;
    if (name === undefined) {
      out[i] = nameEntry(entry, isMatch, status?.names[entry.term], memo[list.terms[entry.term]!.id]);
      continue;
    }
    const at = shared ? entry.report * 2 + (isMatch ? 1 : 0) : -1;
    const known = at >= 0 ? shared![at] : undefined;
    if (known) {
      out[i] = Object.isFrozen(known) ? known : Object.freeze(known);
      continue;
    }
    const made: MatchedExpression = {
      feature: entry.feature,
      name,
      expression: entry.compiled.reported!.expression,
      matcherType: 'matchExpression',
      isMatch,
      // rule.matched grows rule by rule: read from the working copy each time.
      hostValues:
        entry.lower === 'rule.matched'
          ? hostValuesOf(features, entry.lower, name)
          : host.hostValues(entry.lower, name, entry.element),
    };
    if (at >= 0) shared![at] = made;
    out[i] = made;
  }
  return out;
}

/**
 * A matchName's report entry, with the names it found (undefined: not evaluated). Where they are
 * the outcome `o` of a term decided once per host, the entry is made once per verdict and shared
 * by the lists that hold the term (frozen, with its host values, once shared).
 */
function nameEntry(
  entry: ReportEntry,
  isMatch: boolean,
  found: string[] | undefined,
  o: TermOutcome | undefined,
): MatchedExpression {
  const theirs = o !== undefined && found !== undefined && o.found === found;
  const known = theirs ? (isMatch ? o.matched : o.unmatched) : undefined;
  if (known) {
    if (!Object.isFrozen(known)) {
      Object.freeze(known.hostValues);
      Object.freeze(known);
    }
    return known;
  }
  const made: MatchedExpression = {
    feature: entry.feature,
    name: '',
    expression: entry.compiled.reported!.expression,
    matcherType: 'matchName',
    isMatch,
    hostValues: [...(found ?? [])],
  };
  if (theirs) {
    if (isMatch) o.matched = made;
    else o.unmatched = made;
  }
  return made;
}

/** The rule's entry in NFD's result JSON, with host values: `status` from executeCompiledRule with `outcomes`. */
export function reportCompiledRule(
  compiled: CompiledRule,
  status: RuleStatus,
  outcomes: ListOutcomes,
): ProcessedRule {
  const out: ProcessedRule = { name: compiled.source.name, isMatch: status.isMatch };
  if (compiled.matchFeatures) {
    const mf = outcomes.report(compiled.matchFeatures, status.matchFeatures);
    if (mf.length) out.matchedExpressions = mf;
  }
  const lists = compiled.matchAny;
  if (lists.length) {
    const any = new Array<MatchAnyResult>(lists.length);
    for (let i = 0; i < lists.length; i++) any[i] = outcomes.any(lists[i]!, status.matchAny[i]);
    out.matchedAny = any;
  }
  return out;
}
