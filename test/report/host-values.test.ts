// hostValues are capped where results are printed and written (the first 16 and hostValuesTotal),
// and all of them come back with allHostValues: the JSON, the table, the report file, its Markdown,
// the merged matrix report. The evaluator's results are left whole.
import { describe, expect, it } from '@jest/globals';
import { validate, type ValidateResult } from '../../src/commands/validate.js';
import type { Features } from '../../src/features/types.js';
import { capHostValues, HOST_VALUES_SHOWN } from '../../src/report/host-values.js';
import { validateJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { mergeReports } from '../../src/report/merge.js';
import type { ReportedExpression, ValidationReport } from '../../src/report/report.js';
import { outputReport } from '../../src/report/results.js';
import { renderValidateTable } from '../../src/report/table.js';
import { renderValidationMarkdown } from '../../src/report/validation.js';
import type { Spec } from '../../src/spec/types.js';
import { hardware } from '../helpers/reports.js';

/** A host with 500 PCI devices, each its own device id (500 distinct values). */
function pciHost(n = 500): Features {
  return {
    flags: {},
    attributes: {},
    instances: {
      'pci.device': {
        elements: Array.from({ length: n }, (_, i) => ({
          attributes: { vendor: '8086', device: i.toString(16).padStart(4, '0') },
        })),
      },
    },
  };
}

/** One rule asking for a device id no instance has: it fails, and hostValues lists all 500. */
const spec: Spec = {
  version: 'v1alpha1',
  compatibilities: [
    {
      tag: 'nic',
      rules: [
        {
          name: 'e810',
          matchFeatures: [
            { feature: 'pci.device', matchExpressions: { device: { op: 'In', value: ['ffff'] } } },
          ],
        },
      ],
    },
  ],
};

type JsonSet = { rules: Array<{ matchedExpressions: ReportedExpression[] }> };

function run(): ValidateResult {
  return validate({ spec, hosts: [{ name: 'big', features: pciHost() }] });
}

const ids = Array.from({ length: 500 }, (_, i) => i.toString(16).padStart(4, '0'));

describe('capHostValues', () => {
  it.each([
    [0, undefined],
    [16, undefined],
    [17, 17],
    [500, 500],
  ])('%d values -> at most 16, total %p', (n, total) => {
    const got = capHostValues(ids.slice(0, n));
    expect(got.hostValues).toEqual(ids.slice(0, Math.min(n, HOST_VALUES_SHOWN)));
    expect(got.hostValuesTotal).toBe(total);
  });

  it('keeps them all when asked', () => {
    expect(capHostValues(ids, { allHostValues: true })).toEqual({ hostValues: ids });
  });
});

describe('--output json with 500 PCI instances', () => {
  it('carries the first 16 and hostValuesTotal, after NFD fields; the evaluator keeps all 500', () => {
    const result = run();
    const text = validateJson(result);
    const [set] = JSON.parse(text) as JsonSet[];
    const e = set!.rules[0]!.matchedExpressions[0]!;
    expect(e.hostValues).toEqual(ids.slice(0, 16));
    expect(e.hostValuesTotal).toBe(500);
    expect(Object.keys(e)).toEqual([
      'feature',
      'name',
      'expression',
      'matcherType',
      'isMatch',
      'hostValues',
      'hostValuesTotal',
    ]);
    expect(result.hosts[0]!.results[0]!.rules[0]!.matchedExpressions![0]!.hostValues).toHaveLength(500);
  });

  it('with allHostValues carries all 500 and no hostValuesTotal', () => {
    const [set] = JSON.parse(validateJson(run(), { allHostValues: true })) as JsonSet[];
    const e = set!.rules[0]!.matchedExpressions[0]!;
    expect(e.hostValues).toEqual(ids);
    expect(e).not.toHaveProperty('hostValuesTotal');
  });

  it('is the same for several nodes', () => {
    const result = validate({
      spec,
      hosts: [
        { name: 'a', features: pciHost() },
        { name: 'b', features: pciHost(3) },
      ],
    });
    const nodes = JSON.parse(validateJson(result)) as Array<{ results: JsonSet[] }>;
    const [a, b] = nodes.map((n) => n.results[0]!.rules[0]!.matchedExpressions[0]!);
    expect([a!.hostValues.length, a!.hostValuesTotal]).toEqual([16, 500]);
    expect([b!.hostValues, b!.hostValuesTotal]).toEqual([['0000', '0001', '0002'], undefined]);
  });
});

describe('the table', () => {
  it('shows 4 values and the count, or all of them', () => {
    expect(renderValidateTable(run(), { color: false })).toContain(
      'expected ffff, host has 0000, 0001, 0002, 0003 (+496 more)',
    );
    const all = renderValidateTable(run(), { color: false, allHostValues: true });
    expect(all).toContain(`host has ${ids.join(', ')}`);
    expect(all).not.toContain('more)');
  });
});

describe('the report', () => {
  const full: ValidationReport = {
    compatibility: 'nic',
    compatible: false,
    host: { name: 'big', runner: 'r1', hardware: hardware() },
    results: run().hosts[0]!.results,
  };

  it('is written with the first 16 and the total; its Markdown says how many more', () => {
    const out = outputReport(full);
    const e = out.results[0]!.rules[0]!.matchedExpressions![0]! as ReportedExpression;
    expect([e.hostValues.length, e.hostValuesTotal]).toEqual([16, 500]);
    expect(JSON.stringify(out).length).toBeLessThan(JSON.stringify(full).length / 5);
    expect(renderValidationMarkdown(out)).toContain(
      `| ${ids.slice(0, 16).join(', ')} (+484 more) | **FAIL** |`,
    );
    const all = outputReport(full, { allHostValues: true });
    expect(all.results[0]!.rules[0]!.matchedExpressions![0]!.hostValues).toEqual(ids);
  });

  it('merged: a full report is capped, a capped one keeps its total, allHostValues keeps what it carries', () => {
    const cell = (r: ValidationReport, all = false) =>
      mergeReports([{ file: 'r.json', report: r }], 'all', undefined, { allHostValues: all }).rows[0]!
        .cells[0]!.failed[0]!.expressions[0]!;
    const fromFull = cell(full);
    expect([fromFull.hostValues!.length, fromFull.hostValuesTotal]).toEqual([16, 500]);
    const fromCapped = cell(outputReport(full));
    expect([fromCapped.hostValues!.length, fromCapped.hostValuesTotal]).toEqual([16, 500]);
    const kept = cell(full, true);
    expect([kept.hostValues!.length, kept.hostValuesTotal]).toEqual([500, undefined]);
    const md = renderMarkdown(mergeReports([{ file: 'r.json', report: full }], 'all'));
    expect(md).toContain(`| ${ids.slice(0, 16).join(', ')} (+484 more) |`);
  });
});
