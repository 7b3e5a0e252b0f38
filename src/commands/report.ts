// `report`: merges the validation reports found under a folder (recursively: download-artifact
// puts each artifact in its own folder) into one verdict, Markdown summary and JSON.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';
import { readSource } from '../spec/document.js';
import { renderMarkdown } from '../report/markdown.js';
import { mergeReports, type MergedReport, type Requirement, type SourcedReport } from '../report/merge.js';
import { parsePlannedRuns, parseReport } from '../report/parse.js';

export interface ReportOptions {
  /** The folder holding the downloaded report files. */
  dir: string;
  require: Requirement;
  /** The plan's matrix (JSON), so that planned runs that sent no report count. */
  matrix?: { text: string; source: string };
}

export interface ReportResult {
  merged: MergedReport;
  markdown: string;
  /** Report files read, relative to `dir`. */
  files: string[];
  /** `.json` files under `dir` that are not reports (feature snapshots, specs), left alone. */
  skipped: string[];
}

/** Reports are small; a folder with more than this many JSON files is not a matrix run's. */
export const MAX_REPORT_FILES = 10_000;

export async function report(opts: ReportOptions): Promise<ReportResult> {
  // The plan first: a bad matrix is an input error before any report is read.
  const planned = opts.matrix ? parsePlannedRuns(opts.matrix.text, opts.matrix.source) : undefined;
  const names = await jsonFilesUnder(opts.dir);
  const reports: SourcedReport[] = [];
  const skipped: string[] = [];
  for (const name of names) {
    const file = path.join(opts.dir, name);
    const parsed = parseReport(await readSource(file), file);
    if (parsed) reports.push({ file: name, report: parsed });
    else skipped.push(name);
  }
  // With a plan, no reports at all is a verdict (every planned job is missing), not bad input.
  if (reports.length === 0 && !planned?.length) {
    throw new InputError(
      names.length
        ? `no validation report among the ${names.length} JSON files found`
        : 'no JSON files found (expected the validate reports, e.g. downloaded with actions/download-artifact)',
      { file: opts.dir },
    );
  }
  const merged = mergeReports(reports, opts.require, planned);
  return { merged, markdown: renderMarkdown(merged), files: reports.map((r) => r.file), skipped };
}

/** `.json` files under `dir`, relative to it, sorted so that merging is deterministic. */
async function jsonFilesUnder(dir: string): Promise<string[]> {
  let info;
  try {
    info = await stat(dir);
  } catch {
    throw new InputError('no such folder', { file: dir });
  }
  if (!info.isDirectory()) throw new InputError('not a folder', { file: dir });
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.json'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
  if (files.length > MAX_REPORT_FILES) {
    throw new InputError(`more than ${MAX_REPORT_FILES} JSON files: is this the right folder?`, {
      file: dir,
    });
  }
  return files;
}
