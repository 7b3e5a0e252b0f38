// One rule, as NFD's nodefeaturerule.ExecuteGroupRule. With failFast=false (validate-node), every
// matchAny element is evaluated, and matchFeatures is evaluated even when matchAny fails (its
// errors are errors, its expressions report their real isMatch); with failFast=true (nfd-master)
// evaluation stops as early as NFD's does. varsTemplate is expanded over the matched features of
// each matching matchAny element and of matchFeatures when it matches; vars override it. The
// rule's vars are NFD's: undefined (nil) when matchFeatures fails or, with failFast, matchAny does.
// A rule is compiled once (compileRule): its terms, and its report's entries already in NFD's
// order with their output expressions (shared, frozen); per host only isMatch and hostValues vary.
import type { Features } from '../features/types.js';
import type { FeatureMatcherTerm, MatchExpression, Rule } from '../spec/types.js';
import { HostIndex, hostValuesOf } from './host.js';
import { expandVarsTemplate } from './template/index.js';
import {
  evaluateCompiledTerms,
  TermCompiler,
  type CompiledTerm,
  type FeatureMatcherStatus,
  type TermEntry,
  type ProcessedTerm,
} from './terms.js';
import type { MatchedExpression, ProcessedRule } from './types.js';

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

/** A terms list's report: its expressions and matchNames (TermEntry) in NFD's order. */
type ReportEntry = TermEntry;

export interface CompiledRule {
  source: Rule;
  matchAny: CompiledTerm[][];
  matchFeatures: CompiledTerm[];
  report: { matchFeatures: ReportEntry[]; matchAny: ReportEntry[][] };
}

const NONE: readonly never[] = Object.freeze([]);

/**
 * Compiles the rules of one spec: terms shared (TermCompiler), and each distinct list of terms'
 * report plan made once.
 */
export class RuleCompiler extends TermCompiler {
  private readonly plans = new Map<string, ReportEntry[]>();

  list(list: readonly FeatureMatcherTerm[] | undefined): { terms: CompiledTerm[]; plan: ReportEntry[] } {
    if (!list?.length) return { terms: NONE as never[], plan: NONE as never[] };
    const terms = list.map((t, i) => this.term(t, i));
    const key = terms.map((t) => t.id).join(',');
    let plan = this.plans.get(key);
    if (!plan) {
      plan = reportPlan(terms);
      this.plans.set(key, plan);
    }
    return { terms, plan };
  }
}

/** Compiles a rule; `compiler` shares the compiled terms among the rules of a spec. */
export function compileRule(rule: Rule, compiler = new RuleCompiler()): CompiledRule {
  const matchFeatures = compiler.list(rule.matchFeatures);
  if (!rule.matchAny?.length)
    return {
      source: rule,
      matchAny: NONE as never[],
      matchFeatures: matchFeatures.terms,
      report: { matchFeatures: matchFeatures.plan, matchAny: NONE as never[] },
    };
  const matchAny = rule.matchAny.map((elem) => compiler.list(elem.matchFeatures));
  return {
    source: rule,
    matchAny: matchAny.map((m) => m.terms),
    matchFeatures: matchFeatures.terms,
    report: { matchFeatures: matchFeatures.plan, matchAny: matchAny.map((m) => m.plan) },
  };
}

/** Evaluates a rule; throws TermError (an expression) or TemplateError (varsTemplate) where NFD errors. */
export function executeRule(rule: Rule, features: Features, failFast = false): RuleStatus {
  return executeCompiledRule(compileRule(rule), features, new HostIndex(features), failFast);
}

/** executeRule on a compiled rule; `features` may be the working copy (with rule.matched) of `host`'s. */
export function executeCompiledRule(
  compiled: CompiledRule,
  features: Features,
  host: HostIndex,
  failFast = false,
): RuleStatus {
  const rule = compiled.source;
  const matchAny: FeatureMatcherStatus[] = [];
  const vars: Record<string, string> = {};
  const template = rule.varsTemplate ?? '';
  let isMatchAny = false;
  if (rule.matchAny?.length) {
    for (const terms of compiled.matchAny) {
      const status = evaluateCompiledTerms(terms, features, host, failFast, template !== '');
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
    matchFeatures = evaluateCompiledTerms(compiled.matchFeatures, features, host, failFast, template !== '');
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

/** A terms list's report entries, in the order NFD sorts them (stable: ties in spec order). */
function reportPlan(terms: readonly CompiledTerm[]): ReportEntry[] {
  const out: ReportEntry[] = [];
  for (const term of terms) {
    for (const e of term.expressions ?? []) out.push(e);
    if (term.matchName) out.push(term.matchName);
  }
  const cmp = (x: string, y: string) => (x === y ? 0 : x < y ? -1 : 1);
  return out.sort(
    (a, b) =>
      cmp(a.feature, b.feature) ||
      cmp(a.name ?? '', b.name ?? '') ||
      cmp(a.compiled.reported!.text, b.compiled.reported!.text),
  );
}

/**
 * NFD's per-expression report (node-validator matchFeatureExpressions): an expression is OK when
 * a processed term of the same feature recorded the same key with the same op and values. NFD
 * compares the spec's spelling of the feature with the lower-cased one, so a feature written with
 * capitals reports every expression as failed; we keep that for identical output.
 */
function reportTerms(
  plan: readonly ReportEntry[],
  status: FeatureMatcherStatus | undefined,
  features: Features,
  host: HostIndex,
): MatchedExpression[] {
  const processed: ProcessedTerm[] = status?.terms ?? [];
  return plan.map((entry): MatchedExpression => {
    const { feature, name, expression: source } = entry;
    if (name === undefined) {
      const isMatch = processed.some(
        (p) => feature === p.feature && p.matchName !== undefined && sameExpression(source, p.matchName),
      );
      return {
        feature,
        name: '',
        expression: entry.compiled.reported!.expression,
        matcherType: 'matchName',
        isMatch,
        hostValues: [...(status?.names[entry.term] ?? [])],
      };
    }
    const isMatch = processed.some((p) => {
      const pexp = feature === p.feature ? p.matchExpressions?.get(name) : undefined;
      return pexp !== undefined && sameExpression(source, pexp);
    });
    return {
      feature,
      name,
      expression: entry.compiled.reported!.expression,
      matcherType: 'matchExpression',
      isMatch,
      // rule.matched grows rule by rule: read from the working copy each time.
      hostValues:
        entry.lower === 'rule.matched'
          ? hostValuesOf(features, entry.lower, name)
          : host.hostValues(entry.lower, name),
    };
  });
}

/** The rule's entry in NFD's result JSON, with host values. */
export function reportRule(rule: Rule, status: RuleStatus, features: Features): ProcessedRule {
  return reportCompiledRule(compileRule(rule), status, features, new HostIndex(features));
}

/** reportRule for a compiled rule; `features` may be the working copy (with rule.matched) of `host`'s. */
export function reportCompiledRule(
  compiled: CompiledRule,
  status: RuleStatus,
  features: Features,
  host: HostIndex,
): ProcessedRule {
  const rule = compiled.source;
  const out: ProcessedRule = { name: rule.name, isMatch: status.isMatch };
  const mf = reportTerms(compiled.report.matchFeatures, status.matchFeatures, features, host);
  if (mf.length) out.matchedExpressions = mf;
  if (rule.matchAny?.length) {
    out.matchedAny = compiled.report.matchAny.map((plan, i) => {
      const m = reportTerms(plan, status.matchAny[i], features, host);
      return { matchedExpressions: m.length ? m : null };
    });
  }
  return out;
}
