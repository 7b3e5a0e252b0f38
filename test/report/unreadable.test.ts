// "The host does not have it" vs "the source could not be read": an expression that found nothing
// on a source the collectors could not read says so in the validate table, the JSON (`unreadable`),
// the report, its Markdown and annotations, and the merged matrix report; the verdict stays NFD's.
import { describe, expect, it } from '@jest/globals';
import type { ValidateResult } from '../../src/commands/validate.js';
import { validateJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { describe as describeCell, mergeReports } from '../../src/report/merge.js';
import { mergedAnnotations } from '../../src/report/annotations.js';
import { unreadableSource, type ReportedExpression } from '../../src/report/report.js';
import { outputReport } from '../../src/report/results.js';
import { hostText, renderValidateTable } from '../../src/report/table.js';
import { renderValidationMarkdown, validationAnnotations } from '../../src/report/validation.js';
import { expression, hardware, report, rule, set } from '../helpers/reports.js';

const unavailable = [
  { source: 'kernel.enabledmodule', reason: 'cannot read /lib/modules/6.8.0/modules.builtin' },
  { source: 'gpu.device (nvidia-smi)', reason: 'nvidia-smi not found' },
];
const gtp5g = expression({ feature: 'kernel.enabledmodule', name: 'gtp5g', isMatch: false, hostValues: [] });
const missing = expression({ feature: 'kernel.loadedmodule', name: 'gtp5g', isMatch: false, hostValues: [] });

describe('unreadableSource', () => {
  it.each([
    ['kernel.enabledmodule', 'kernel.enabledmodule'],
    ['gpu.device', 'gpu.device (nvidia-smi)'],
    ['kernel.loadedmodule', undefined],
    ['gpu', undefined],
  ])('%s -> %s', (feature, source) => {
    expect(unreadableSource(feature, unavailable)?.source).toBe(source);
  });
});

const result: ValidateResult = {
  sets: [{ index: 0, tag: 'upf' }],
  hosts: [
    {
      node: 'n1',
      compatible: false,
      results: [set('upf', [rule('modules', false, [gtp5g, missing])])],
      matchingSets: [],
      unavailable,
    },
  ],
  compatible: false,
  compatibleCount: 0,
};

describe('the validate table', () => {
  it('says "source could not be read" instead of "host has none", and names the sources after the verdict', () => {
    expect(hostText(gtp5g, unavailable)).toBe(
      'expected present, source could not be read (cannot read /lib/modules/6.8.0/modules.builtin)',
    );
    expect(hostText(missing, unavailable)).toBe('expected present, host has none');
    const text = renderValidateTable(result, { color: false });
    expect(text).toContain('n1: INCOMPATIBLE: no compatibility set has all its rules matching');
    expect(text).toContain(
      'n1: failed expressions could not be checked, their source could not be read: kernel.enabledmodule (cannot read /lib/modules/6.8.0/modules.builtin); the host may have what they ask for',
    );
    expect(text).not.toContain('nvidia-smi'); // no failed expression depends on it
  });
});

describe('the several-nodes table', () => {
  it('names, after the count, each node whose failed expressions depend on an unreadable source', () => {
    const other = { ...result.hosts[0]!, node: 'n2', unavailable: [] };
    const text = renderValidateTable({ ...result, hosts: [result.hosts[0]!, other] }, { color: false });
    expect(text).toContain('0 of 2 nodes can run the image\n');
    expect(text).toContain(
      'failed expressions could not be checked on 1 node, their source could not be read:\nn1: could not read kernel.enabledmodule (cannot read /lib/modules/6.8.0/modules.builtin)\n',
    );
    expect(text).not.toMatch(/n2: could not read/);
  });
});

describe('--output json', () => {
  type Json = Array<{ rules: Array<{ isMatch: boolean; matchedExpressions: ReportedExpression[] }> }>;

  it('marks the expression on the unreadable source with `unreadable`, after NFD fields; not the other', () => {
    const [s] = JSON.parse(validateJson(result)) as Json;
    const [onUnreadable, absent] = s!.rules[0]!.matchedExpressions;
    expect(onUnreadable!.unreadable).toEqual(unavailable[0]);
    expect(Object.keys(onUnreadable!).slice(-2)).toEqual(['hostValues', 'unreadable']);
    expect(absent).not.toHaveProperty('unreadable');
    expect(s!.rules[0]!.isMatch).toBe(false); // the verdict is NFD's
  });

  it('without the marker the bytes are what they were: NFD fields plus hostValues', () => {
    const noSources = { ...result, hosts: [{ ...result.hosts[0]!, unavailable: [] }] };
    expect(validateJson(noSources)).not.toContain('unreadable');
  });
});

describe('the report', () => {
  const r = report('upf', 'r1', false, { results: [set('upf', [rule('modules', false, [gtp5g, missing])])] });
  r.host.hardware = hardware({ unavailable });

  it('Markdown: the cell, and a line naming the unreadable sources; the verdict is unchanged', () => {
    const md = renderValidationMarkdown(r);
    expect(md).toContain('## Image compatibility: ❌ not compatible');
    expect(md).toMatch(
      /\| gtp5g \| Exists \| source could not be read \(cannot read \/lib\/modules\/6\.8\.0\/modules\.builtin\) \| \*\*FAIL\*\* \|/,
    );
    expect(md).toMatch(/\| gtp5g \| Exists \| absent \| \*\*FAIL\*\* \|/);
    expect(md).toContain(
      '**Could not be checked:** the source of failed expressions could not be read on this host: kernel.enabledmodule',
    );
  });

  it('annotations say it too', () => {
    const [a] = validationAnnotations(r);
    expect(a!.message).toContain(
      'kernel.enabledmodule gtp5g: expected Exists, source could not be read (cannot read',
    );
    expect(a!.message).toContain('kernel.loadedmodule gtp5g: expected Exists, host has absent');
  });
});

describe('the report file and the merged matrix report', () => {
  const full = report('upf', 'r1', false, {
    results: [set('upf', [rule('modules', false, [gtp5g, missing])])],
  });
  full.host.hardware = hardware({ unavailable });
  const ok = report('upf', 'r2', true);

  it('the written report marks the expression', () => {
    const written = outputReport(full);
    const [a, b] = written.results[0]!.rules[0]!.matchedExpressions! as ReportedExpression[];
    expect(a!.unreadable).toEqual(unavailable[0]);
    expect(b).not.toHaveProperty('unreadable');
  });

  it('a cell names the sources its runner could not read; the verdict is unchanged', () => {
    const m = mergeReports(
      [
        { file: 'r1/report.json', report: full },
        { file: 'r2/report.json', report: ok },
      ],
      'all',
    );
    const [bad, good] = m.rows[0]!.cells;
    expect(bad!.verdict).toBe('incompatible');
    expect(bad!.unreadable).toEqual([unavailable[0]]);
    expect(good).not.toHaveProperty('unreadable');
    expect(describeCell(bad!)).toBe('1 of 1 rules failed; could not read kernel.enabledmodule');
    expect(bad!.failed[0]!.expressions.map((e) => e.unreadable?.source)).toEqual([
      'kernel.enabledmodule',
      undefined,
    ]);
    expect(m.compatible).toBe(false);
    expect(mergedAnnotations(m)[0]!.message).toBe(
      'upf on r1 (linux/amd64): 1 of 1 rules failed; could not read kernel.enabledmodule',
    );
  });

  it('the Markdown names them in the cell and the failure section, and the host cell says why', () => {
    const md = renderMarkdown(mergeReports([{ file: 'r1/report.json', report: full }], 'all'));
    expect(md).toContain('| ❌ 1 of 1 rules failed; could not read kernel.enabledmodule |');
    expect(md).toContain(
      '**Could not be checked:** the source of failed expressions could not be read on r1: kernel.enabledmodule (cannot read /lib/modules/6.8.0/modules.builtin).',
    );
    expect(md).toContain(
      '| modules | kernel.enabledmodule | gtp5g | Exists | source could not be read (cannot read /lib/modules/6.8.0/modules.builtin) |',
    );
    expect(md).toContain('| modules | kernel.loadedmodule | gtp5g | Exists | absent |');
  });

  it('a report written earlier with the marker (no hardware record) still names it', () => {
    const written = outputReport(full);
    written.host.hardware = hardware();
    const m = mergeReports([{ file: 'r1/report.json', report: written }], 'all');
    const cell = m.rows[0]!.cells[0]!;
    expect(cell.failed[0]!.expressions[0]!.unreadable).toEqual(unavailable[0]);
    expect(cell.unreadable).toEqual([unavailable[0]]);
  });
});
