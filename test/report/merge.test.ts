import { describe, expect, it } from '@jest/globals';
import { failedRule, mergeReports, type Requirement, type SourcedReport } from '../../src/report/merge.js';
import type { ValidationReport } from '../../src/report/report.js';
import { expression, report, rule, set } from '../helpers/reports.js';

const sourced = (...reports: ValidationReport[]): SourcedReport[] =>
  reports.map((report, i) => ({ file: `r${i}.json`, report }));

describe('mergeReports verdict', () => {
  const cases: Array<[string, ValidationReport[], Requirement, boolean]> = [
    ['all pairs pass', [report('gpu', 'a', true), report('gpu', 'b', true)], 'all', true],
    ['one pair fails under all', [report('gpu', 'a', true), report('gpu', 'b', false)], 'all', false],
    [
      'one pair fails, any-per-set',
      [report('gpu', 'a', true), report('gpu', 'b', false)],
      'any-per-set',
      true,
    ],
    [
      'a set fails everywhere, any-per-set',
      [report('gpu', 'a', true), report('nic', 'b', false), report('nic', 'c', false)],
      'any-per-set',
      false,
    ],
    [
      'an error counts as a failure',
      [report('gpu', 'a', true, { error: { code: 3, message: 'x' }, results: [] })],
      'all',
      false,
    ],
    [
      'an error is no pass for any-per-set',
      [report('gpu', 'a', true, { error: { code: 4, message: 'x' }, results: [] })],
      'any-per-set',
      false,
    ],
  ];
  it.each(cases)('%s', (_name, reports, require, compatible) => {
    expect(mergeReports(sourced(...reports), require).compatible).toBe(compatible);
  });

  it('is not compatible when nothing was evaluated', () => {
    expect(mergeReports([], 'all').compatible).toBe(false);
  });
});

describe('mergeReports table', () => {
  it('builds set rows x runner columns, sorted, with only the pairs that ran', () => {
    const m = mergeReports(
      sourced(report('nic', 'z-runner', true), report('gpu', 'b', false), report('gpu', 'a', true)),
      'all',
    );
    expect(m.runners.map((r) => r.name)).toEqual(['a', 'b', 'z-runner']);
    expect(m.rows.map((r) => [r.set, r.cells.map((c) => `${c.runner}:${c.verdict}`)])).toEqual([
      ['gpu', ['a:compatible', 'b:incompatible']],
      ['nic', ['z-runner:compatible']],
    ]);
    expect(m.totals).toEqual({ runs: 3, compatible: 2, incompatible: 1, error: 0 });
    expect(m.shortfalls).toEqual([
      { set: 'gpu', platform: 'linux/amd64', runner: 'b', reason: '1 of 1 rules failed' },
    ]);
  });

  it('gives the same result whatever the order of the reports', () => {
    const rs = [report('gpu', 'a', true), report('gpu', 'b', false), report('nic', 'c', true)];
    const one = mergeReports(sourced(...rs), 'all');
    const other = mergeReports(sourced(...[...rs].reverse()), 'all');
    const strip = (m: typeof one) => JSON.stringify(m, (k, v) => (k === 'files' ? undefined : v));
    expect(strip(other)).toBe(strip(one));
  });

  it('names the column by the host when there is no runner name', () => {
    const r = report('gpu', 'a', true);
    r.host = { name: 'node-7', hardware: r.host.hardware };
    expect(mergeReports(sourced(r), 'all').runners).toEqual([
      { name: 'node-7', host: 'node-7', hardware: r.host.hardware },
    ]);
  });

  it('keeps the worst verdict when a pair ran twice, and both files', () => {
    const m = mergeReports(sourced(report('gpu', 'a', true), report('gpu', 'a', false)), 'all');
    expect(m.rows[0]!.cells).toHaveLength(1);
    expect(m.rows[0]!.cells[0]).toMatchObject({ verdict: 'incompatible', files: ['r0.json', 'r1.json'] });
  });

  it('separates platforms and images into rows', () => {
    const m = mergeReports(
      sourced(
        report('gpu', 'a', true),
        report('gpu', 'arm', true, { platform: 'linux/arm64' }),
        report('gpu', 'a', false, { image: 'other/app:1' }),
      ),
      'all',
    );
    expect(m.rows.map((r) => `${r.image}|${r.platform}|${r.set}`)).toEqual([
      'other/app:1|linux/amd64|gpu',
      `registry.example/app@sha256:${'1'.repeat(64)}|linux/amd64|gpu`,
      `registry.example/app@sha256:${'1'.repeat(64)}|linux/arm64|gpu`,
    ]);
    expect(m.images).toHaveLength(2);
  });

  it('takes only the requested set from a report that evaluated several', () => {
    const r = report('gpu', 'a', true, {
      results: [set('gpu', [rule('x', true)]), set('nic', [rule('y', false)])],
    });
    const m = mergeReports(sourced(r), 'all');
    expect(m.rows.map((row) => row.set)).toEqual(['gpu']);
    expect(m.compatible).toBe(true);
  });

  it('takes every set when none was requested, named by tag, description or position', () => {
    const r = report('', 'a', true, {
      compatibility: undefined,
      results: [
        set('gpu', [rule('x', true)]),
        { description: 'NIC nodes', rules: [rule('y', false)] },
        { rules: [] },
      ],
    });
    const m = mergeReports(sourced(r), 'all');
    expect(m.rows.map((row) => `${row.set}:${row.cells[0]!.verdict}`)).toEqual([
      'NIC nodes:incompatible',
      'gpu:compatible',
      'set 3:compatible',
    ]);
  });

  it('shows an error report as an error cell under the requested set', () => {
    const r = report('gpu', 'a', false, { results: [], error: { code: 4, message: 'no signature' } });
    const m = mergeReports(sourced(r), 'all');
    expect(m.rows[0]!.cells[0]).toMatchObject({ verdict: 'error', error: 'no signature' });
    expect(m.shortfalls[0]!.reason).toBe('error: no signature');
  });

  it('falls back on the report verdict when no set was evaluated', () => {
    const m = mergeReports(sourced(report('gpu', 'a', false, { results: [] })), 'all');
    expect(m.rows[0]!.cells[0]!.verdict).toBe('incompatible');
  });
});

describe('failedRule', () => {
  it('lists the expressions that failed', () => {
    const failed = expression({ name: 'vfio_pci', isMatch: false, hostValues: undefined });
    const r = rule('modules', false, [expression({ name: 'nvidia' }), failed]);
    expect(failedRule(r)).toEqual({
      rule: 'modules',
      anyOf: false,
      expressions: [
        { feature: 'kernel.loadedmodule', name: 'vfio_pci', matcherType: 'matchExpression', op: 'Exists' },
      ],
    });
  });

  it('lists every failed alternative of a matchAny none of which matched', () => {
    const r = {
      name: 'nic',
      isMatch: false,
      matchedAny: [
        {
          matchedExpressions: [
            expression({
              feature: 'pci.device',
              name: 'vendor',
              isMatch: false,
              expression: { op: 'In' as const, value: ['15b3'] },
              hostValues: ['8086'],
            }),
          ],
        },
        { matchedExpressions: [expression({ name: 'mlx5_core', isMatch: false, hostValues: undefined })] },
      ],
    };
    const f = failedRule(r);
    expect(f.anyOf).toBe(true);
    expect(f.expressions.map((e) => `${e.feature}.${e.name}`)).toEqual([
      'pci.device.vendor',
      'kernel.loadedmodule.mlx5_core',
    ]);
    expect(f.expressions[0]).toMatchObject({ op: 'In', value: ['15b3'], hostValues: ['8086'] });
  });

  it('reports no expressions when a matchAny alternative did match (another part failed silently)', () => {
    const r = { name: 'x', isMatch: false, matchedAny: [{ matchedExpressions: [expression()] }] };
    expect(failedRule(r)).toEqual({ rule: 'x', anyOf: false, expressions: [] });
  });
});

describe('mergeReports with the plan', () => {
  const runs = [
    report('gpu', 'a', true),
    report('gpu', 'b', true),
    report('nic', 'c', false),
    report('nic', 'd', true),
  ];
  const plan = [
    { name: 'gpu' },
    { name: 'gpu' },
    { name: 'gpu' },
    { name: 'nic' },
    { name: 'nic' },
    { name: 'rdma' },
  ];

  it('counts the planned runs that sent no report', () => {
    const m = mergeReports(sourced(...runs), 'any-per-set', plan);
    expect(m.missing).toEqual([
      { set: 'gpu', planned: 3, reported: 2 },
      { set: 'rdma', planned: 1, reported: 0 },
    ]);
  });

  it.each<[Requirement, string[]]>([
    [
      'all',
      ['nic on c', 'gpu: 1 of 3 planned runs sent no report', 'rdma: 1 of 1 planned runs sent no report'],
    ],
    ['any-per-set', ['rdma: 1 of 1 planned runs sent no report']],
  ])('under %s, missing reports are shortfalls where the rule says', (require, expected) => {
    const m = mergeReports(sourced(...runs), require, plan);
    expect(m.compatible).toBe(false);
    expect(m.shortfalls.map((s) => (s.runner ? `${s.set} on ${s.runner}` : `${s.set}: ${s.reason}`))).toEqual(
      expected,
    );
  });

  it('is compatible when every planned run reported and passed', () => {
    const m = mergeReports(sourced(report('gpu', 'a', true)), 'all', [{ name: 'gpu' }]);
    expect(m).toMatchObject({ compatible: true, missing: [], shortfalls: [] });
  });
});
