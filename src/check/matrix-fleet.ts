// The fleet a matrix run describes: the host snapshot each validate job uploaded beside its report
// (the validate action's features.json next to report.json, one artifact folder per job), as the
// scrubbed NodeFeatures `check --fleet` reads (src/validation/scrub.ts: no node name, labels,
// serial numbers, MAC addresses). A host is named by the column the matrix report shows it under
// (the runner's name, else the host name the report carries), identical hosts from several jobs
// are one host (named by its first job, `image-compat-report-2` before `-10`), and names are made
// unique. What
// `report --fleet-out` (the report action's `fleet-out`) writes. Pure: the files come in read.
import { createHash } from 'node:crypto';
import type { NodeFeature } from '../features/node-feature.js';
import type { HostFeatures } from '../features/snapshot.js';
import { columnOf, type SourcedReport } from '../report/merge.js';
import { scrubbedNodeFeature } from '../validation/scrub.js';

export interface SnapshotFile {
  /** Relative to the reports folder, `/`-separated, as the folder scan names it. */
  file: string;
  hosts: HostFeatures[];
}

export interface MatrixFleet {
  /** One scrubbed NodeFeature per distinct host, in job order; names unique. */
  hosts: NodeFeature[];
  /** Report files with no host snapshot in their folder: their hosts are not in the fleet. */
  withoutSnapshot: string[];
}

function folderOf(file: string): string {
  const at = file.lastIndexOf('/');
  return at < 0 ? '' : file.slice(0, at);
}

/** Whether a file lies in the artifact folder of one of the reports (only those snapshots are read). */
export function besideReports(reports: readonly SourcedReport[]): (file: string) => boolean {
  const folders = new Set(reports.map((r) => folderOf(r.file)));
  return (file) => folders.has(folderOf(file));
}

/** JSON with every object's keys sorted: the same host collected twice gives the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Job order: `image-compat-report-2/` before `image-compat-report-10/` (digits compared as numbers). */
const JOB_ORDER = new Intl.Collator('en', { numeric: true });
const byJob = (a: SnapshotFile, b: SnapshotFile) =>
  JOB_ORDER.compare(a.file, b.file) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

function hostKey(nf: NodeFeature): string {
  return createHash('sha256')
    .update(canonical({ features: nf.spec.features, annotations: nf.metadata.annotations ?? {} }))
    .digest('hex');
}

/**
 * The matrix's hosts from its reports and the snapshots beside them. A snapshot of one host in a
 * folder whose reports show one column takes that column's name; otherwise each host keeps its
 * node name (else `host`).
 */
export function matrixFleet(
  reports: readonly SourcedReport[],
  snapshots: readonly SnapshotFile[],
): MatrixFleet {
  const columns = new Map<string, Set<string>>();
  for (const { file, report } of reports) {
    const folder = folderOf(file);
    columns.set(folder, (columns.get(folder) ?? new Set()).add(columnOf(report)));
  }
  const seen = new Set<string>();
  const names = new Set<string>();
  const hosts: NodeFeature[] = [];
  const snapshotFolders = new Set<string>();
  for (const snapshot of [...snapshots].sort(byJob)) {
    const folder = folderOf(snapshot.file);
    const cols = columns.get(folder);
    // Not beside a report: not a host of the matrix (besideReports names those).
    if (!cols) continue;
    snapshotFolders.add(folder);
    const column = cols.size === 1 && snapshot.hosts.length === 1 ? [...cols][0]! : undefined;
    for (const host of snapshot.hosts) {
      const base = column || host.name || 'host';
      const nf = scrubbedNodeFeature(host.features, base, host.unavailable ?? []);
      const key = hostKey(nf);
      if (seen.has(key)) continue;
      seen.add(key);
      let name = base;
      for (let i = 2; names.has(name); i++) name = `${base}-${i}`;
      names.add(name);
      hosts.push({ ...nf, metadata: { ...nf.metadata, name } });
    }
  }
  const withoutSnapshot = reports.filter((r) => !snapshotFolders.has(folderOf(r.file))).map((r) => r.file);
  return { hosts, withoutSnapshot };
}
