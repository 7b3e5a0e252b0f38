// `report`: merges the validation reports found under a folder (recursively: download-artifact
// puts each artifact in its own folder) into one verdict, Markdown summary and JSON; with
// `fleetOut`, also writes the matrix's hosts (the snapshots beside the reports) as a fleet folder.
import path from 'node:path';
import { writeFleetFolder } from '../check/fleet-folder.js';
import { besideReports, matrixFleet, type SnapshotFile } from '../check/matrix-fleet.js';
import { ExitCode, InputError } from '../errors.js';
import { parseFeaturesDocument } from '../features/snapshot.js';
import { LIMITS } from '../io/limits.js';
import { readText } from '../io/read.js';
import { makeFolder } from '../io/write.js';
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
  /** Write the matrix's host snapshots (scrubbed, one per distinct host) to this folder for `check --fleet`. */
  fleetOut?: string;
}

/** The fleet folder written (`fleetOut`). */
export interface FleetOutResult {
  dir: string;
  /** The files written, one per distinct host. */
  files: string[];
  /** The hosts' names (their NodeFeature names, what `check` calls them). */
  hosts: string[];
  /** Report files with no host snapshot beside them: their hosts are not in the folder. */
  withoutSnapshot: string[];
  /** Host snapshots with no report beside them: left out. */
  withoutReport: string[];
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
  /** Only with `fleetOut`. */
  fleet?: FleetOutResult;
}

export async function report(opts: ReportOptions): Promise<ReportResult> {
  // The plan first: a bad matrix is an input error before any report is read.
  const planned = opts.matrix ? parsePlannedRuns(opts.matrix.text, opts.matrix.source) : undefined;
  const entries = await scanReportFolder(opts.dir);
  const reports: SourcedReport[] = [];
  /** The reports read as written (not those standing in for unreadable files): the fleet's hosts. */
  const read: SourcedReport[] = [];
  const skipped: string[] = [];
  const invalid: string[] = [];
  for (const entry of entries) {
    if (entry.kind === 'report') {
      reports.push({ file: entry.file, report: entry.report });
      read.push({ file: entry.file, report: entry.report });
    } else if (entry.kind === 'snapshot') skipped.push(entry.file);
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
  const fleet =
    opts.fleetOut !== undefined ? await writeMatrixFleet(opts.dir, opts.fleetOut, read, skipped) : undefined;
  return {
    merged,
    markdown: renderMarkdown(merged),
    files: reports.map((r) => r.file),
    skipped,
    invalid,
    ...(fleet && { fleet }),
  };
}

/** What the edges say about the fleet folder: a warning per host left out for want of a snapshot. */
export function fleetMessages(fleet: FleetOutResult): { notes: string[]; warnings: string[] } {
  return {
    notes: [
      `wrote ${fleet.files.length} host snapshot(s) to ${fleet.dir}${fleet.hosts.length ? `: ${fleet.hosts.join(', ')}` : ''}`,
      ...fleet.withoutReport.map(
        (f) => `${f}: a host snapshot with no report beside it: not in the fleet folder`,
      ),
    ],
    warnings: [
      ...fleet.withoutSnapshot.map(
        (f) =>
          `${f}: no host snapshot beside it (the validate action's features.json): its host is not in the fleet folder`,
      ),
      ...(fleet.files.length === 0
        ? [`the fleet folder ${fleet.dir} is empty: no report had a host snapshot beside it`]
        : []),
    ],
  };
}

/** Reads the snapshots beside the reports and writes the matrix's hosts to `out`. */
async function writeMatrixFleet(
  dir: string,
  out: string,
  reports: readonly SourcedReport[],
  snapshotFiles: readonly string[],
): Promise<FleetOutResult> {
  const snapshots: SnapshotFile[] = [];
  const beside = besideReports(reports);
  // Only a snapshot beside a report is a host of the matrix; the others are named, not read.
  const withoutReport = snapshotFiles.filter((f) => !beside(f));
  for (const file of snapshotFiles.filter(beside)) {
    const full = path.join(dir, file);
    const text = await readText(full, { maxBytes: LIMITS.features });
    snapshots.push({ file, hosts: parseFeaturesDocument(text, full) });
  }
  const fleet = matrixFleet(reports, snapshots);
  // The folder even when empty: the step that uploads it and the check that reads it say so.
  await makeFolder(out, { what: 'the fleet folder' });
  const files = await writeFleetFolder(out, fleet.hosts);
  return {
    dir: out,
    files,
    hosts: fleet.hosts.map((h) => h.metadata.name),
    withoutSnapshot: fleet.withoutSnapshot,
    withoutReport,
  };
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
