// `report --matrix` reconciles reports with the plan's entries by id: a planned entry with no
// report, or with an error report, is named and fails the verdict under either requirement; a
// report refused for its platform is an incompatible cell with the reason.
import { describe, expect, it } from '@jest/globals';
import {
  mergeReports,
  type PlannedRun,
  type Requirement,
  type SourcedReport,
} from '../../src/report/merge.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import type { ValidationReport } from '../../src/report/report.js';
import { report } from '../helpers/reports.js';

const sourced = (...reports: ValidationReport[]): SourcedReport[] =>
  reports.map((r, i) => ({ file: `r${i}.json`, report: r }));

const plan: PlannedRun[] = [
  { id: 'gpu-linux-amd64', name: 'gpu', platform: 'linux/amd64' },
  { id: 'gpu-linux-arm64', name: 'gpu', platform: 'linux/arm64' },
];
const amd = report('gpu', 'x64-1', true, { id: 'gpu-linux-amd64' });
const arm = report('gpu', 'arm-1', true, { id: 'gpu-linux-arm64', platform: 'linux/arm64' });
const armError = report('gpu', 'arm-1', false, {
  id: 'gpu-linux-arm64',
  platform: 'linux/arm64',
  results: [],
  error: { code: 3, message: 'image not found' },
});

describe.each<Requirement>(['all', 'any-per-set'])('require %s', (require) => {
  it.each<[string, ValidationReport[], boolean, RegExp | undefined]>([
    ['every planned entry reported', [amd, arm], true, undefined],
    ['a planned platform sent no report', [amd], false, /planned job gpu-linux-arm64 sent no report/],
    ['a planned platform sent an error report', [amd, armError], false, /image not found/],
    ['no reports at all', [], false, /planned job gpu-linux-amd64 sent no report/],
  ])('%s', (_name, reports, compatible, reason) => {
    const m = mergeReports(sourced(...reports), require, plan);
    expect(m.compatible).toBe(compatible);
    if (reason) expect(m.shortfalls.map((s) => s.reason).join('\n')).toMatch(reason);
  });
});

describe('reconcile', () => {
  it('names the missing platform in the summary', () => {
    const m = mergeReports(sourced(amd), 'all', plan);
    expect(m.missing).toEqual([
      { set: 'gpu', id: 'gpu-linux-arm64', platform: 'linux/arm64', planned: 1, reported: 0 },
    ]);
    expect(renderMarkdown(m)).toContain('gpu (linux/arm64): planned job `gpu-linux-arm64` sent no report');
  });

  it('counts by set for plans without ids (older plans)', () => {
    const m = mergeReports(sourced(report('gpu', 'a', true)), 'all', [{ name: 'gpu' }, { name: 'gpu' }]);
    expect(m.missing).toEqual([{ set: 'gpu', planned: 2, reported: 1 }]);
    expect(m.compatible).toBe(false);
  });

  it('a report refused for its platform is incompatible with the reason', () => {
    const refused = report('gpu', 'x64-1', true, {
      id: 'gpu-linux-arm64',
      platform: 'linux/arm64',
      compatible: false,
      refusal: 'host is linux/amd64, image platform is linux/arm64',
    });
    const m = mergeReports(sourced(amd, refused), 'all', plan);
    expect(m.compatible).toBe(false);
    expect(m.shortfalls).toEqual([
      expect.objectContaining({
        platform: 'linux/arm64',
        reason: 'host is linux/amd64, image platform is linux/arm64',
      }),
    ]);
  });
});
