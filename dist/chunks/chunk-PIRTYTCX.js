import { createRequire as __icCreateRequire } from 'node:module';
const require = __icCreateRequire(import.meta.url);
import {
  setMatched,
  setName,
  unreadableOf
} from "./chunk-QG2XQ7B5.js";
import {
  capHostValues
} from "./chunk-THTKVCSJ.js";

// src/report/merge.ts
var REQUIREMENTS = ["all", "any-per-set"];
var severity = { compatible: 0, incompatible: 1, error: 2 };
function mergeReports(reports, require2, planned, opts = {}) {
  const runners = /* @__PURE__ */ new Map();
  const rows = /* @__PURE__ */ new Map();
  const images = /* @__PURE__ */ new Set();
  let runs = 0;
  for (const { file, report } of reports) {
    const runner = columnOf(report);
    if (!runners.has(runner)) {
      runners.set(runner, { name: runner, host: report.host.name, hardware: report.host.hardware });
    }
    const image = report.image ?? report.spec;
    if (image) images.add(image);
    for (const outcome of outcomesOf(report, opts)) {
      runs++;
      const key = JSON.stringify([image ?? "", report.platform ?? "", outcome.set]);
      let row = rows.get(key);
      if (!row) {
        row = {
          set: outcome.set,
          description: outcome.description,
          image,
          platform: report.platform,
          cells: [],
          byRunner: /* @__PURE__ */ new Map()
        };
        rows.set(key, row);
      }
      const cell = {
        runner,
        ...outcome.cell,
        files: [file],
        ...report.attestation && { attestation: report.attestation }
      };
      const seen = row.byRunner.get(runner);
      row.byRunner.set(runner, seen ? worse(seen, cell) : cell);
    }
  }
  const runnerList = [...runners.values()].sort((a, b) => compare(a.name, b.name));
  const rowList = [...rows.values()].sort(
    (a, b) => compare(a.image ?? "", b.image ?? "") || compare(a.platform ?? "", b.platform ?? "") || compare(a.set, b.set)
  ).map(({ byRunner, ...row }) => ({
    ...row,
    cells: runnerList.flatMap((r) => byRunner.get(r.name) ?? [])
  }));
  const totals = { runs, compatible: 0, incompatible: 0, error: 0 };
  for (const row of rowList) for (const cell of row.cells) totals[cell.verdict]++;
  const byId = planned ? reconcile(reports, planned) : { missing: [], failed: [] };
  const legacy = planned ? missingRuns(
    rowList,
    planned.filter((p) => !idOf(p))
  ) : [];
  const missing = [...byId.missing, ...legacy];
  const shortfalls = [
    ...shortfallsOf(rowList, require2),
    ...missingShortfalls(missing, require2),
    ...require2 === "all" ? [] : byId.failed
  ];
  return {
    require: require2,
    compatible: rowList.length > 0 && shortfalls.length === 0,
    images: [...images].sort(compare),
    runners: runnerList,
    rows: rowList,
    totals,
    missing,
    shortfalls
  };
}
function columnOf(report) {
  return report.host.runner || report.host.name;
}
function outcomesOf(report, opts) {
  if (report.refusal !== void 0) {
    const refusal = report.refusal;
    const named = report.results.map((r, i) => setName(r, i));
    const sets2 = report.compatibility ? [report.compatibility] : named.length ? named : ["all sets"];
    return sets2.map((set) => ({
      set,
      cell: { verdict: "incompatible", rules: 0, matchedRules: 0, failed: [], refusal }
    }));
  }
  if (report.error) {
    const set = report.compatibility || "all sets";
    return [
      { set, cell: { verdict: "error", rules: 0, matchedRules: 0, failed: [], error: report.error.message } }
    ];
  }
  let sets = report.results.map((r, i) => ({ result: r, name: setName(r, i) }));
  if (report.compatibility) {
    const named = sets.filter((s) => s.result.tag === report.compatibility);
    sets = named.length ? named : sets.map((s) => ({ ...s, name: report.compatibility }));
  }
  if (sets.length === 0) {
    const set = report.compatibility || "all sets";
    const verdict = report.compatible ? "compatible" : "incompatible";
    return [{ set, cell: { verdict, rules: 0, matchedRules: 0, failed: [] } }];
  }
  return sets.map(({ result, name }) => ({
    set: name,
    description: result.description,
    cell: cellOf(result, { ...opts, unavailable: report.host.hardware.unavailable })
  }));
}
function cellOf(result, opts) {
  const matchedRules = result.rules.filter((r) => r.isMatch).length;
  const failed = result.rules.filter((r) => !r.isMatch).map((r) => failedRule(r, opts));
  const unreadable = /* @__PURE__ */ new Map();
  for (const f of failed)
    for (const e of f.expressions) if (e.unreadable) unreadable.set(e.unreadable.source, e.unreadable);
  return {
    verdict: setMatched(result) ? "compatible" : "incompatible",
    rules: result.rules.length,
    matchedRules,
    failed,
    ...unreadable.size && { unreadable: [...unreadable.values()] }
  };
}
function failedRule(rule, opts = {}) {
  const failed = (e) => failedExpression(e, opts);
  const own = (rule.matchedExpressions ?? []).filter((e) => !e.isMatch).map(failed);
  if (own.length > 0 || !rule.matchedAny?.length) return { rule: rule.name, anyOf: false, expressions: own };
  const anyMatched = rule.matchedAny.some((m) => (m.matchedExpressions ?? []).every((e) => e.isMatch));
  if (anyMatched) return { rule: rule.name, anyOf: false, expressions: [] };
  const alternatives = rule.matchedAny.flatMap((m) => (m.matchedExpressions ?? []).filter((e) => !e.isMatch));
  return { rule: rule.name, anyOf: true, expressions: alternatives.map(failed) };
}
function failedExpression(e, opts) {
  const out = {
    feature: e.feature,
    name: e.name,
    matcherType: e.matcherType,
    op: e.expression.op
  };
  if (e.expression.value) out.value = e.expression.value;
  if (e.expression.type) out.type = e.expression.type;
  if (e.hostValues) {
    const capped = capHostValues(e.hostValues, opts);
    out.hostValues = capped.hostValues;
    const total = Math.max(e.hostValuesTotal ?? 0, capped.hostValuesTotal ?? 0);
    if (total > capped.hostValues.length) out.hostValuesTotal = total;
  }
  const u = unreadableOf(e, opts.unavailable) ?? e.unreadable;
  if (u) out.unreadable = { source: u.source, reason: u.reason };
  return out;
}
function worse(a, b) {
  const pick = severity[b.verdict] > severity[a.verdict] ? b : a;
  return { ...pick, files: [...a.files, ...b.files] };
}
function shortfallsOf(rows, require2) {
  const out = [];
  for (const row of rows) {
    if (require2 === "all") {
      for (const cell of row.cells) {
        if (cell.verdict === "compatible") continue;
        out.push({ set: row.set, platform: row.platform, runner: cell.runner, reason: describe(cell) });
      }
    } else if (!row.cells.some((c) => c.verdict === "compatible")) {
      out.push({ set: row.set, platform: row.platform, reason: "compatible on no runner" });
    }
  }
  return out;
}
function missingRuns(rows, planned) {
  const want = /* @__PURE__ */ new Map();
  for (const run of planned) {
    const set = run.name || "all sets";
    want.set(set, (want.get(set) ?? 0) + 1);
  }
  const out = [];
  for (const [set, count] of [...want].sort(([a], [b]) => compare(a, b))) {
    const reported = rows.filter((r) => r.set === set).reduce((n, r) => n + r.cells.length, 0);
    if (reported < count) out.push({ set, planned: count, reported });
  }
  return out;
}
function idOf(p) {
  return typeof p.id === "string" && p.id !== "" ? p.id : void 0;
}
function reconcile(reports, planned) {
  const byId = /* @__PURE__ */ new Map();
  for (const { report } of reports) {
    if (report.id === void 0) continue;
    byId.set(report.id, [...byId.get(report.id) ?? [], report]);
  }
  const missing = [];
  const failed = [];
  for (const entry of planned) {
    const id = idOf(entry);
    if (!id) continue;
    const set = entry.name || "all sets";
    const platform = typeof entry.platform === "string" && entry.platform !== "" ? entry.platform : void 0;
    const got = byId.get(id) ?? [];
    if (got.length === 0) {
      missing.push({ set, id, ...platform && { platform }, planned: 1, reported: 0 });
      continue;
    }
    const error = got.find((r) => r.error)?.error;
    if (error && got.every((r) => r.error)) {
      failed.push({
        set,
        ...platform && { platform },
        reason: `planned job ${id}: error: ${error.message}`
      });
    }
  }
  return { missing, failed };
}
function missingShortfalls(missing, require2) {
  return missing.filter((m) => m.id !== void 0 || require2 === "all" || m.reported === 0).map((m) => ({
    set: m.set,
    ...m.platform && { platform: m.platform },
    reason: m.id !== void 0 ? `planned job ${m.id} sent no report` : `${m.planned - m.reported} of ${m.planned} planned runs sent no report`
  }));
}
function describe(cell) {
  if (cell.verdict === "error") return `error: ${cell.error ?? "no verdict"}`;
  if (cell.refusal !== void 0) return cell.refusal;
  if (cell.verdict === "compatible")
    return cell.rules ? `${cell.rules}/${cell.rules} rules matched` : "compatible";
  const failed = cell.rules - cell.matchedRules;
  const verdict = cell.rules ? `${failed} of ${cell.rules} rules failed` : "incompatible";
  return cell.unreadable?.length ? `${verdict}; could not read ${cell.unreadable.map((u) => u.source).join(", ")}` : verdict;
}
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

export {
  REQUIREMENTS,
  mergeReports,
  columnOf,
  failedRule,
  describe
};
