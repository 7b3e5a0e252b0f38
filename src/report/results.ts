// The evaluator's results as they are printed and written (`validate --output json`, the
// validation report): NFD's fields unchanged and in NFD's order, then ours on each expression,
// `hostValues` capped (src/report/host-values.ts) with `hostValuesTotal` when cut, and `unreadable`
// when the expression found nothing on a source that could not be read. A consumer of NFD's JSON
// ignores the extra fields (Go's encoding/json does by default); the verdicts are NFD's.
import type { CompatibilityResult, MatchedExpression, ProcessedRule } from '../match/types.js';
import { capHostValues, type HostValuesOptions } from './host-values.js';
import {
  unreadableOf,
  type ReportedExpression,
  type UnreadableSource,
  type ValidationReport,
} from './report.js';

export interface OutputOptions extends HostValuesOptions {
  /** The host's unreadable feature sources (the collectors' record). */
  unavailable?: readonly UnreadableSource[];
}

function outputExpression(e: MatchedExpression, opts: OutputOptions): ReportedExpression {
  const { hostValuesTotal: total, unreadable: marked, ...nfd } = e as ReportedExpression;
  const out: ReportedExpression = { ...nfd, ...capHostValues(nfd.hostValues ?? [], opts) };
  // A report read back already carries its total: keep it when it is larger than what is left.
  if (total !== undefined && total > out.hostValues.length) out.hostValuesTotal = total;
  const u = unreadableOf(e, opts.unavailable) ?? marked;
  if (u) out.unreadable = { source: u.source, reason: u.reason };
  return out;
}

function outputRule(rule: ProcessedRule, opts: OutputOptions): ProcessedRule {
  const out: ProcessedRule = { ...rule };
  if (rule.matchedExpressions)
    out.matchedExpressions = rule.matchedExpressions.map((e) => outputExpression(e, opts));
  if (rule.matchedAny)
    out.matchedAny = rule.matchedAny.map((a) => ({
      matchedExpressions: a.matchedExpressions?.map((e) => outputExpression(e, opts)) ?? null,
    }));
  return out;
}

/** Every set's rules with their expressions as output carries them. */
export function outputResults(
  results: readonly CompatibilityResult[],
  opts: OutputOptions = {},
): CompatibilityResult[] {
  return results.map((set) => ({ ...set, rules: set.rules.map((r) => outputRule(r, opts)) }));
}

/** The report as it is written and summarised: its results as output carries them. */
export function outputReport(report: ValidationReport, opts: HostValuesOptions = {}): ValidationReport {
  return {
    ...report,
    results: outputResults(report.results, { ...opts, unavailable: report.host.hardware.unavailable }),
  };
}
