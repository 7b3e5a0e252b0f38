import {
  unreadableOf
} from "./chunk-QG2XQ7B5.js";
import {
  capHostValues
} from "./chunk-THTKVCSJ.js";

// src/report/results.ts
function outputExpression(e, opts) {
  const { hostValuesTotal: total, unreadable: marked, ...nfd } = e;
  const out = { ...nfd, ...capHostValues(nfd.hostValues ?? [], opts) };
  if (total !== void 0 && total > out.hostValues.length) out.hostValuesTotal = total;
  const u = unreadableOf(e, opts.unavailable) ?? marked;
  if (u) out.unreadable = { source: u.source, reason: u.reason };
  return out;
}
function outputRule(rule, opts) {
  const out = { ...rule };
  if (rule.matchedExpressions)
    out.matchedExpressions = rule.matchedExpressions.map((e) => outputExpression(e, opts));
  if (rule.matchedAny)
    out.matchedAny = rule.matchedAny.map((a) => ({
      matchedExpressions: a.matchedExpressions?.map((e) => outputExpression(e, opts)) ?? null
    }));
  return out;
}
function outputResults(results, opts = {}) {
  return results.map((set) => ({ ...set, rules: set.rules.map((r) => outputRule(r, opts)) }));
}
function outputReport(report, opts = {}) {
  return {
    ...report,
    results: outputResults(report.results, { ...opts, unavailable: report.host.hardware.unavailable })
  };
}

export {
  outputResults,
  outputReport
};
