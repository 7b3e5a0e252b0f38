import { describe, expect, it } from '@jest/globals';
import { renderValidationMarkdown, validationAnnotations } from '../../src/report/validation.js';
import { expression, hardware, report, rule, set } from '../helpers/reports.js';

const driver = expression({
  feature: 'gpu.device',
  name: 'driver_version',
  expression: { op: 'Ge', value: ['550'], type: 'version' },
  isMatch: false,
  hostValues: ['535.104.05'],
});
const nicAny = {
  name: 'nic',
  isMatch: false,
  matchedAny: [
    {
      matchedExpressions: [
        expression({
          feature: 'pci.device',
          name: 'vendor',
          expression: { op: 'In' as const, value: ['15b3'] },
          isMatch: false,
          hostValues: ['8086'],
        }),
      ],
    },
    { matchedExpressions: [expression({ name: 'mlx5_core', isMatch: false, hostValues: undefined })] },
  ],
};
const failing = report('gpu', 'gpu-b', false, {
  artifact: 'sha256:' + 'a'.repeat(64),
  results: [
    set('gpu', [rule('driver', false, [driver]), rule('modules', true), nicAny], { description: 'Hopper' }),
  ],
});
failing.host.hardware = hardware({
  cpu: { vendor: 'Intel', flagCount: 100 },
  gpus: [{ vendor: 'NVIDIA', device: '20b0', model: 'A100', computeCapability: '8.0' }],
});

describe('renderValidationMarkdown', () => {
  const md = renderValidationMarkdown(failing);

  it('starts with the verdict and what was validated', () => {
    expect(md).toMatch(
      /^## Image compatibility: ❌ not compatible\n\nImage: registry\.example\/app@sha256:1+<br>Platform: linux\/amd64<br>Artifact: sha256:a+<br>Compatibility set: gpu\n/,
    );
  });

  it("shows the host's hardware", () => {
    expect(md).toContain('### Host gpu-b-host (runner gpu-b)');
    expect(md).toContain('| GPUs | A100, cc 8.0 |');
    expect(md).toContain('| NICs | — |');
  });

  it('lists every expression of every rule with expected, host value and OK/FAIL', () => {
    expect(md).toContain('### gpu (Hopper): ❌ 2 of 3 rules failed');
    expect(md).toContain(
      '| driver | gpu.device | driver\\_version | Ge 550 (version) | 535.104.05 | **FAIL** |',
    );
    expect(md).toContain('| modules | kernel.loadedmodule | vfio\\_pci | Exists | vfio\\_pci | OK |');
    expect(md).toContain('| nic (any of, #1) | pci.device | vendor | In 15b3 | 8086 | **FAIL** |');
    expect(md).toContain(
      '| nic (any of, #2) | kernel.loadedmodule | mlx5\\_core | Exists | absent | **FAIL** |',
    );
  });

  it('says compatible and shows an error when there was one', () => {
    expect(renderValidationMarkdown(report('gpu', 'a', true))).toMatch(
      /^## Image compatibility: ✅ compatible/,
    );
    const e = renderValidationMarkdown(
      report('gpu', 'a', false, { results: [], error: { code: 3, message: 'HTTP 401 <x>' } }),
    );
    expect(e).toMatch(/^## Image compatibility: ⚠️ no verdict/);
    expect(e).toContain('**Error:** HTTP 401 &lt;x&gt;');
  });
});

describe('validationAnnotations', () => {
  it('gives one error per failed rule, with expected and host values', () => {
    expect(validationAnnotations(failing)).toEqual([
      {
        level: 'error',
        title: 'image-compat: rule "driver" failed (gpu)',
        message: 'gpu.device driver_version: expected Ge 550 (version), host has 535.104.05',
      },
      {
        level: 'error',
        title: 'image-compat: rule "nic" failed (gpu)',
        message:
          'none of: pci.device vendor: expected In 15b3, host has 8086 | kernel.loadedmodule mlx5_core: expected Exists, host has absent',
      },
    ]);
  });

  it('gives none for a compatible host', () => {
    expect(validationAnnotations(report('gpu', 'a', true))).toEqual([]);
  });
});
