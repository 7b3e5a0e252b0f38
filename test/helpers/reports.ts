// Builds validation reports for tests: a host, and sets whose rules match or fail.
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
