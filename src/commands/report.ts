// `report`: merges the validation reports found under a folder (recursively: download-artifact
// puts each artifact in its own folder) into one verdict, Markdown summary and JSON.
import { ExitCode, InputError } from '../errors.js';
import { scanReportFolder } from '../report/folder.js';
import { summarizeHardware } from '../report/hardware.js';
import { renderMarkdown } from '../report/markdown.js';
import {
  mergeReports,
  type MergedReport,
  type PlannedRun,
  type Requirement,
  type SourcedReport,
} from '../report/merge.js';
import { parsePlannedRuns } from '../report/parse.js';
import type { ValidationReport } from '../report/report.js';

export interface ReportOptions {
  /** The folder holding the downloaded report files. */
  dir: string;
  require: Requirement;
  /** The plan's matrix (JSON), so that planned runs that sent no report count. */
  matrix?: { text: string; source: string };
  /** Keep every host value the reports carry (else the first 16 and the total, src/report/host-values.ts). */
  allHostValues?: boolean;
}

export interface ReportResult {
  merged: MergedReport;
  markdown: string;
  /** Report files read, relative to `dir`. */
  files: string[];
  /** Host snapshots (features.json) found beside the reports, relative to `dir`: listed, not merged. */
  skipped: string[];
  /** Files that are not valid reports but name their matrix job: each counted as a failed run. */
  invalid: string[];
}

export async function report(opts: ReportOptions): Promise<ReportResult> {
  // The plan first: a bad matrix is an input error before any report is read.
  const planned = opts.matrix ? parsePlannedRuns(opts.matrix.text, opts.matrix.source) : undefined;
  const entries = await scanReportFolder(opts.dir);
  const reports: SourcedReport[] = [];
  const skipped: string[] = [];
  const invalid: string[] = [];
  for (const entry of entries) {
    if (entry.kind === 'report') reports.push({ file: entry.file, report: entry.report });
    else if (entry.kind === 'snapshot') skipped.push(entry.file);
    else {
      // A job whose report is unreadable has no verdict: a failed cell when the plan says which
      // set the job ran, else the whole merge cannot be trusted (exit 2). Never a silent skip.
      const run = entry.job !== undefined ? planned?.[entry.job] : undefined;
      if (!run) throw entry.error;
      invalid.push(entry.file);
      reports.push({ file: entry.file, report: unreadableReport(entry.file, run, entry.error) });
    }
  }
  // With a plan, no reports at all is a verdict (every planned job is missing), not bad input.
  if (reports.length === 0 && !planned?.length) {
    throw new InputError(
      entries.length
        ? `no validation report among the ${entries.length} JSON files found`
        : 'no JSON files found (expected the validate reports, e.g. downloaded with actions/download-artifact)',
      { file: opts.dir },
    );
  }
  const merged = mergeReports(reports, opts.require, planned, { allHostValues: opts.allHostValues ?? false });
  return { merged, markdown: renderMarkdown(merged), files: reports.map((r) => r.file), skipped, invalid };
}

/** The report a job would have sent had it finished: an error, for the set the plan gave it. */
function unreadableReport(file: string, run: PlannedRun, error: InputError): ValidationReport {
  const job = file.split('/')[0]!;
  return {
    ...(run.name !== undefined && { compatibility: run.name }),
    compatible: false,
    host: { name: job, hardware: summarizeHardware({}, job) },
    results: [],
    error: { code: ExitCode.input, message: `${file}: not a valid report: ${error.detail}` },
  };
}
