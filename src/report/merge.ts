// Merges the validation reports of a matrix run into one table: (image, platform, compatibility
// set) rows x runner columns, each cell the verdict of that set on that runner with the rules that
// failed. Pure: the reports come in already read, in any order; the result is deterministic.
// Given the plan's matrix, reports are reconciled with its entries by `id`: a planned entry with no
// report, or whose report holds an error, is named and fails the run whatever `require` says.
// A cell names the sources its failed expressions could not read on that runner; host values are
// capped as everywhere (src/report/host-values.ts) unless all were asked for.
import { capHostValues, type HostValuesOptions } from './host-values.js';
import type {
  CompatibilityResult,
  HardwareSummary,
  MatchedExpression,
  ProcessedRule,
  ReportedExpression,
  UnreadableSource,
  ValidationReport,
} from './report.js';
import { setMatched, setName, unreadableOf } from './report.js';

/**
 * When the run as a whole counts as compatible:
 * - `all`: every (set, runner) pair that ran is compatible: each runner in the plan carries the
 *   hardware its set needs, so any failure is a host the image was meant to run on and does not.
 * - `any-per-set`: every set that ran is compatible on at least one runner: for fleets where a set
 *   is tried on several kinds of runner to find out which qualify.
 */
export const REQUIREMENTS = ['all', 'any-per-set'] as const;
export type Requirement = (typeof REQUIREMENTS)[number];

export type Verdict = 'compatible' | 'incompatible' | 'error';

export interface SourcedReport {
  /** Where the report was read from, as it should be shown (relative to the merged folder). */
  file: string;
  report: ValidationReport;
}

export interface FailedExpression {
  feature: string;
  name: string;
  matcherType: MatchedExpression['matcherType'];
  op: string;
  value?: string[];
  type?: string;
  /** What the host has; absent when the host lacks the key or feature. */
  hostValues?: string[];
  /** How many values the host has, when `hostValues` was cut to the first HOST_VALUES_SHOWN. */
  hostValuesTotal?: number;
  /** The source could not be read on the host: it may have what was asked for (NFD still fails it). */
  unreadable?: UnreadableSource;
}

export interface FailedRule {
  rule: string;
  /** True when the expressions are alternatives of `matchAny`, none of which matched. */
  anyOf: boolean;
  expressions: FailedExpression[];
}

export interface Cell {
  runner: string;
  verdict: Verdict;
  rules: number;
  matchedRules: number;
  failed: FailedRule[];
  /** Why no verdict could be reached (verdict `error`). */
  error?: string;
  /** Why the host cannot run the image's platform (verdict `incompatible`). */
  refusal?: string;
  /** Reports that made this cell (more than one when a pair ran twice: the worst verdict wins). */
  files: string[];
  /** Sources the failed expressions depend on that the runner could not read (absent when none). */
  unreadable?: UnreadableSource[];
  /** Digest of the signed validation record of this run (`validate --attest`), when attached. */
  attestation?: string;
}

export interface Row {
  set: string;
  description?: string;
  image?: string;
  platform?: string;
  /** Only the runners this set ran on, in the order of `MergedReport.runners`. */
  cells: Cell[];
}

export interface RunnerInfo {
  /** The column name: the GitHub runner's name, else the host name. */
  name: string;
  host: string;
  hardware: HardwareSummary;
}

export interface Shortfall {
  set: string;
  platform?: string;
  /** Absent for `any-per-set`: the set failed on every runner. */
  runner?: string;
  reason: string;
}

/** One entry of the plan's matrix (`strategy.matrix.include`): `name` is the set a job was to validate. */
export interface PlannedRun {
  /** The entry's id; its report carries it (`--matrix-id`, input `matrix-id`). */
  id?: string;
  name?: string;
  platform?: string;
}

/** Planned runs that sent no report: one entry by id, or a set's count for entries without ids. */
export interface MissingRuns {
  set: string;
  /** The planned entry's id, when the plan has ids. */
  id?: string;
  platform?: string;
  planned: number;
  reported: number;
}

export interface MergedReport {
  require: Requirement;
  compatible: boolean;
  images: string[];
  runners: RunnerInfo[];
  rows: Row[];
  totals: { runs: number } & Record<Verdict, number>;
  /** Only when the plan was given: sets with fewer reports than planned runs. */
  missing: MissingRuns[];
  /** Why `compatible` is false; empty when it is true. */
  shortfalls: Shortfall[];
}

const severity: Record<Verdict, number> = { compatible: 0, incompatible: 1, error: 2 };

/**
 * `planned`, the plan's matrix, lets runs that never reported count: under `all` each missing
 * report is a shortfall, under `any-per-set` a planned set with no report at all is one.
 */
export function mergeReports(
  reports: readonly SourcedReport[],
  require: Requirement,
  planned?: readonly PlannedRun[],
  opts: HostValuesOptions = {},
): MergedReport {
  const runners = new Map<string, RunnerInfo>();
  const rows = new Map<string, Row & { byRunner: Map<string, Cell> }>();
  const images = new Set<string>();
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
      const key = JSON.stringify([image ?? '', report.platform ?? '', outcome.set]);
      let row = rows.get(key);
      if (!row) {
        row = {
          set: outcome.set,
          description: outcome.description,
          image,
          platform: report.platform,
          cells: [],
          byRunner: new Map(),
        };
        rows.set(key, row);
      }
      const cell: Cell = {
        runner,
        ...outcome.cell,
        files: [file],
        ...(report.attestation && { attestation: report.attestation }),
      };
      const seen = row.byRunner.get(runner);
      row.byRunner.set(runner, seen ? worse(seen, cell) : cell);
    }
  }

  const runnerList = [...runners.values()].sort((a, b) => compare(a.name, b.name));
  const rowList: Row[] = [...rows.values()]
    .sort(
      (a, b) =>
        compare(a.image ?? '', b.image ?? '') ||
        compare(a.platform ?? '', b.platform ?? '') ||
        compare(a.set, b.set),
    )
    .map(({ byRunner, ...row }) => ({
      ...row,
      cells: runnerList.flatMap((r) => byRunner.get(r.name) ?? []),
    }));

  const totals = { runs, compatible: 0, incompatible: 0, error: 0 };
  for (const row of rowList) for (const cell of row.cells) totals[cell.verdict]++;
  const byId = planned ? reconcile(reports, planned) : { missing: [], failed: [] };
  const legacy = planned
    ? missingRuns(
        rowList,
        planned.filter((p) => !idOf(p)),
      )
    : [];
  const missing = [...byId.missing, ...legacy];
  const shortfalls = [
    ...shortfallsOf(rowList, require),
    ...missingShortfalls(missing, require),
    ...(require === 'all' ? [] : byId.failed),
  ];
  return {
    require,
    compatible: rowList.length > 0 && shortfalls.length === 0,
    images: [...images].sort(compare),
    runners: runnerList,
    rows: rowList,
    totals,
    missing,
    shortfalls,
  };
}

/** The column a report's host is shown under: the GitHub runner's name, else the host name. */
export function columnOf(report: ValidationReport): string {
  return report.host.runner || report.host.name;
}

interface Outcome {
  set: string;
  description?: string;
  cell: Omit<Cell, 'runner' | 'files'>;
}

/** The sets a report speaks for: the requested one when named, else every set it evaluated. */
function outcomesOf(report: ValidationReport, opts: HostValuesOptions): Outcome[] {
  if (report.refusal !== undefined) {
    const refusal = report.refusal;
    const named = report.results.map((r, i) => setName(r, i));
    const sets = report.compatibility ? [report.compatibility] : named.length ? named : ['all sets'];
    return sets.map((set) => ({
      set,
      cell: { verdict: 'incompatible', rules: 0, matchedRules: 0, failed: [], refusal },
    }));
  }
  if (report.error) {
    const set = report.compatibility || 'all sets';
    return [
      { set, cell: { verdict: 'error', rules: 0, matchedRules: 0, failed: [], error: report.error.message } },
    ];
  }
  let sets = report.results.map((r, i) => ({ result: r, name: setName(r, i) }));
  if (report.compatibility) {
    const named = sets.filter((s) => s.result.tag === report.compatibility);
    sets = named.length ? named : sets.map((s) => ({ ...s, name: report.compatibility! }));
  }
  if (sets.length === 0) {
    // Nothing evaluated: the report's own verdict is all there is.
    const set = report.compatibility || 'all sets';
    const verdict: Verdict = report.compatible ? 'compatible' : 'incompatible';
    return [{ set, cell: { verdict, rules: 0, matchedRules: 0, failed: [] } }];
  }
  return sets.map(({ result, name }) => ({
    set: name,
    description: result.description,
    cell: cellOf(result, { ...opts, unavailable: report.host.hardware.unavailable }),
  }));
}

function cellOf(result: CompatibilityResult, opts: FailedOptions): Outcome['cell'] {
  const matchedRules = result.rules.filter((r) => r.isMatch).length;
  const failed = result.rules.filter((r) => !r.isMatch).map((r) => failedRule(r, opts));
  const unreadable = new Map<string, UnreadableSource>();
  for (const f of failed)
    for (const e of f.expressions) if (e.unreadable) unreadable.set(e.unreadable.source, e.unreadable);
  return {
    verdict: setMatched(result) ? 'compatible' : 'incompatible',
    rules: result.rules.length,
    matchedRules,
    failed,
    ...(unreadable.size && { unreadable: [...unreadable.values()] }),
  };
}

export interface FailedOptions extends HostValuesOptions {
  /** The host's unreadable feature sources (the report's `host.hardware.unavailable`). */
  unavailable?: readonly UnreadableSource[];
}

/** What made a rule fail: its failed expressions, or every alternative of a matchAny that failed. */
export function failedRule(rule: ProcessedRule, opts: FailedOptions = {}): FailedRule {
  const failed = (e: MatchedExpression) => failedExpression(e, opts);
  const own = (rule.matchedExpressions ?? []).filter((e) => !e.isMatch).map(failed);
  if (own.length > 0 || !rule.matchedAny?.length) return { rule: rule.name, anyOf: false, expressions: own };
  const anyMatched = rule.matchedAny.some((m) => (m.matchedExpressions ?? []).every((e) => e.isMatch));
  if (anyMatched) return { rule: rule.name, anyOf: false, expressions: [] };
  const alternatives = rule.matchedAny.flatMap((m) => (m.matchedExpressions ?? []).filter((e) => !e.isMatch));
  return { rule: rule.name, anyOf: true, expressions: alternatives.map(failed) };
}

function failedExpression(e: ReportedExpression, opts: FailedOptions): FailedExpression {
  const out: FailedExpression = {
    feature: e.feature,
    name: e.name,
    matcherType: e.matcherType,
    op: e.expression.op,
  };
  if (e.expression.value) out.value = e.expression.value;
  if (e.expression.type) out.type = e.expression.type;
  if (e.hostValues) {
    const capped = capHostValues(e.hostValues, opts);
    out.hostValues = capped.hostValues;
    // A report written capped carries its own total; one cut here, the length it had.
    const total = Math.max(e.hostValuesTotal ?? 0, capped.hostValuesTotal ?? 0);
    if (total > capped.hostValues.length) out.hostValuesTotal = total;
  }
  const u = unreadableOf(e, opts.unavailable) ?? e.unreadable;
  if (u) out.unreadable = { source: u.source, reason: u.reason };
  return out;
}

function worse(a: Cell, b: Cell): Cell {
  const pick = severity[b.verdict] > severity[a.verdict] ? b : a;
  return { ...pick, files: [...a.files, ...b.files] };
}

function shortfallsOf(rows: readonly Row[], require: Requirement): Shortfall[] {
  const out: Shortfall[] = [];
  for (const row of rows) {
    if (require === 'all') {
      for (const cell of row.cells) {
        if (cell.verdict === 'compatible') continue;
        out.push({ set: row.set, platform: row.platform, runner: cell.runner, reason: describe(cell) });
      }
    } else if (!row.cells.some((c) => c.verdict === 'compatible')) {
      out.push({ set: row.set, platform: row.platform, reason: 'compatible on no runner' });
    }
  }
  return out;
}

function missingRuns(rows: readonly Row[], planned: readonly PlannedRun[]): MissingRuns[] {
  const want = new Map<string, number>();
  for (const run of planned) {
    const set = run.name || 'all sets';
    want.set(set, (want.get(set) ?? 0) + 1);
  }
  const out: MissingRuns[] = [];
  for (const [set, count] of [...want].sort(([a], [b]) => compare(a, b))) {
    const reported = rows.filter((r) => r.set === set).reduce((n, r) => n + r.cells.length, 0);
    if (reported < count) out.push({ set, planned: count, reported });
  }
  return out;
}

function idOf(p: PlannedRun): string | undefined {
  return typeof p.id === 'string' && p.id !== '' ? p.id : undefined;
}

/**
 * Planned entries with an id against the reports that carry it: entries with none are missing;
 * entries whose every report is an error failed (a shortfall under any `require`).
 */
function reconcile(
  reports: readonly SourcedReport[],
  planned: readonly PlannedRun[],
): { missing: MissingRuns[]; failed: Shortfall[] } {
  const byId = new Map<string, ValidationReport[]>();
  for (const { report } of reports) {
    if (report.id === undefined) continue;
    byId.set(report.id, [...(byId.get(report.id) ?? []), report]);
  }
  const missing: MissingRuns[] = [];
  const failed: Shortfall[] = [];
  for (const entry of planned) {
    const id = idOf(entry);
    if (!id) continue;
    const set = entry.name || 'all sets';
    const platform = typeof entry.platform === 'string' && entry.platform !== '' ? entry.platform : undefined;
    const got = byId.get(id) ?? [];
    if (got.length === 0) {
      missing.push({ set, id, ...(platform && { platform }), planned: 1, reported: 0 });
      continue;
    }
    const error = got.find((r) => r.error)?.error;
    if (error && got.every((r) => r.error)) {
      failed.push({
        set,
        ...(platform && { platform }),
        reason: `planned job ${id}: error: ${error.message}`,
      });
    }
  }
  return { missing, failed };
}

function missingShortfalls(missing: readonly MissingRuns[], require: Requirement): Shortfall[] {
  return missing
    .filter((m) => m.id !== undefined || require === 'all' || m.reported === 0)
    .map((m) => ({
      set: m.set,
      ...(m.platform && { platform: m.platform }),
      reason:
        m.id !== undefined
          ? `planned job ${m.id} sent no report`
          : `${m.planned - m.reported} of ${m.planned} planned runs sent no report`,
    }));
}

export function describe(cell: Cell): string {
  if (cell.verdict === 'error') return `error: ${cell.error ?? 'no verdict'}`;
  if (cell.refusal !== undefined) return cell.refusal;
  if (cell.verdict === 'compatible')
    return cell.rules ? `${cell.rules}/${cell.rules} rules matched` : 'compatible';
  const failed = cell.rules - cell.matchedRules;
  const verdict = cell.rules ? `${failed} of ${cell.rules} rules failed` : 'incompatible';
  return cell.unreadable?.length
    ? `${verdict}; could not read ${cell.unreadable.map((u) => u.source).join(', ')}`
    : verdict;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
