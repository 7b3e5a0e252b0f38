// Builds validation reports for tests: a host, and sets whose rules match or fail; a matrix folder.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type {
  CompatibilityResult,
  HardwareSummary,
  MatchedExpression,
  ProcessedRule,
  ValidationReport,
} from '../../src/report/report.js';

export const hardware = (over: Partial<HardwareSummary> = {}): HardwareSummary => ({
  host: '',
  cpu: { flagCount: 0 },
  kernel: '6.8.0-45-generic',
  memory: { hugepages: [] },
  gpus: [],
  nics: [],
  rdma: [],
  unavailable: [],
  ...over,
});

export function expression(over: Partial<MatchedExpression> = {}): MatchedExpression {
  return {
    feature: 'kernel.loadedmodule',
    name: 'vfio_pci',
    expression: { op: 'Exists' },
    matcherType: 'matchExpression',
    isMatch: true,
    hostValues: ['vfio_pci'],
    ...over,
  };
}

export function rule(name: string, isMatch: boolean, exprs?: MatchedExpression[]): ProcessedRule {
  return { name, isMatch, matchedExpressions: exprs ?? [expression({ isMatch })] };
}

export function set(
  tag: string,
  rules: ProcessedRule[],
  over: Partial<CompatibilityResult> = {},
): CompatibilityResult {
  return { tag, rules, ...over };
}

/** A report of one set on one runner; `ok` decides whether its single rule matched. */
export function report(
  tag: string,
  runner: string,
  ok: boolean,
  over: Partial<ValidationReport> = {},
): ValidationReport {
  return {
    image: 'registry.example/app@sha256:' + '1'.repeat(64),
    platform: 'linux/amd64',
    compatibility: tag,
    compatible: ok,
    host: { name: `${runner}-host`, runner, hardware: hardware() },
    results: [set(tag, [rule('modules', ok)])],
    ...over,
  };
}

/** One validate job of a matrix folder: the host snapshot it validated and the runner it ran on. */
export interface MatrixJob {
  snapshot: string;
  runner: string;
}

/**
 * A downloaded matrix run as docs/actions.md uploads it: `image-compat-report-<job>/` holding the
 * job's report.json and its features.json (a copy of the snapshot), under `dir`.
 */
export function writeMatrixFolder(dir: string, jobs: readonly MatrixJob[]): void {
  jobs.forEach((job, i) => {
    const folder = path.join(dir, `image-compat-report-${i}`);
    mkdirSync(folder, { recursive: true });
    copyFileSync(job.snapshot, path.join(folder, 'features.json'));
    const r = report('base', job.runner, true);
    writeFileSync(path.join(folder, 'report.json'), JSON.stringify(r));
  });
}
