// "The host does not have it" vs "the source could not be read": an expression that found nothing
// on a source the collectors could not read says so in the validate table, in the report's
// Markdown and in its annotations; the verdict stays NFD's.
import { describe, expect, it } from '@jest/globals';
import type { ValidateResult } from '../../src/commands/validate.js';
import { unreadableSource } from '../../src/report/report.js';
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

describe('the validate table', () => {
  it('says "source could not be read" instead of "host has none", and names the sources after the verdict', () => {
    expect(hostText(gtp5g, unavailable)).toBe(
      'expected present, source could not be read (cannot read /lib/modules/6.8.0/modules.builtin)',
    );
    expect(hostText(missing, unavailable)).toBe('expected present, host has none');
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
    const text = renderValidateTable(result, { color: false });
    expect(text).toContain('n1: INCOMPATIBLE: no compatibility set has all its rules matching');
    expect(text).toContain(
      'n1: failed expressions could not be checked, their source could not be read: kernel.enabledmodule (cannot read /lib/modules/6.8.0/modules.builtin); the host may have what they ask for',
    );
    expect(text).not.toContain('nvidia-smi'); // no failed expression depends on it
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
