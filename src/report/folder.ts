// The folder a matrix run's reports were downloaded into, file by file: each `*.json` is a report,
// a host snapshot uploaded beside it (the validate action writes features.json next to
// report.json), or neither. Neither is never skipped in silence: an empty or truncated report.json
// is a job whose verdict is unknown, so it is an `invalid` entry the command must count against
// the run. When the artifact folder names the matrix job (`image-compat-report-<job-index>`, as
// docs/actions.md uploads it), the entry carries that index, so it can be a failed cell.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';
import { fsErrorDetail } from '../io/fs-error.js';
import { LIMITS } from '../io/limits.js';
import { readText } from '../io/read.js';
import { parseReport } from './parse.js';
import type { ValidationReport } from './report.js';

export type FolderEntry =
  | { kind: 'report'; file: string; report: ValidationReport }
  /** A host snapshot (NodeFeature, NodeFeatureList, List, bare Features): listed, not merged. */
  | { kind: 'snapshot'; file: string; shape: string }
  /** Not a valid report: why, and the matrix job its folder names, when it does. */
  | { kind: 'invalid'; file: string; error: InputError; job?: number };

/** Reports are small; a folder with more than this many JSON files is not a matrix run's. */
export const MAX_REPORT_FILES = 10_000;

/** The artifact folder name of docs/actions.md's upload step: `image-compat-report-${{ strategy.job-index }}`. */
const JOB_FOLDER = /^image-compat-report-(\d+)$/;

/** Every `.json` file under `dir` (recursively, sorted), each classified. */
export async function scanReportFolder(dir: string): Promise<FolderEntry[]> {
  const names = await jsonFilesUnder(dir);
  const out: FolderEntry[] = [];
  for (const name of names) out.push(await classify(dir, name));
  return out;
}

async function classify(dir: string, name: string): Promise<FolderEntry> {
  const file = path.join(dir, name);
  const top = name.split('/')[0]!;
  const job = name.includes('/') && JOB_FOLDER.test(top) ? Number(JOB_FOLDER.exec(top)![1]) : undefined;
  const invalid = (error: InputError): FolderEntry => ({
    kind: 'invalid',
    file: name,
    error,
    ...(job !== undefined && { job }),
  });
  let text: string;
  try {
    text = await readText(file, { maxBytes: LIMITS.features });
  } catch (err) {
    if (err instanceof InputError) return invalid(err);
    throw err;
  }
  if (text.trim() === '') return invalid(new InputError('empty file: not a validation report', { file }));
  const shape = snapshotShape(text);
  if (shape) return { kind: 'snapshot', file: name, shape };
  try {
    const report = parseReport(text, file);
    if (report) return { kind: 'report', file: name, report };
    return invalid(
      new InputError('not a validation report (no "results") nor a host snapshot (NodeFeature)', { file }),
    );
  } catch (err) {
    if (err instanceof InputError) return invalid(err);
    throw err;
  }
}

/** The kind of host snapshot a JSON text holds, or undefined (not JSON, or not a snapshot). */
function snapshotShape(text: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const obj = value as Record<string, unknown>;
  if (obj.kind === 'NodeFeature' || obj.kind === 'NodeFeatureList' || obj.kind === 'List') return obj.kind;
  const keys = Object.keys(obj);
  const features =
    keys.length > 0 && keys.every((k) => k === 'flags' || k === 'attributes' || k === 'instances');
  return features ? 'Features' : undefined;
}

/** `.json` files under `dir`, relative to it, sorted so that merging is deterministic. */
async function jsonFilesUnder(dir: string): Promise<string[]> {
  let info;
  try {
    info = await stat(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      throw new InputError('no such folder', { file: dir });
    throw new InputError(`cannot read the reports folder: ${fsErrorDetail(err)}`, { file: dir });
  }
  if (!info.isDirectory()) throw new InputError('not a folder', { file: dir });
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (err) {
    throw new InputError(`cannot read the reports folder: ${fsErrorDetail(err)}`, { file: dir });
  }
  const files = entries
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && e.name.toLowerCase().endsWith('.json'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
  if (files.length > MAX_REPORT_FILES) {
    throw new InputError(`more than ${MAX_REPORT_FILES} JSON files: is this the right folder?`, {
      file: dir,
    });
  }
  return files;
}
