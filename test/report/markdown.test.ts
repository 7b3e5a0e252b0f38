import { describe, expect, it } from '@jest/globals';
import { expected, gpu, hostHas, nic, rdma, text } from '../../src/report/format.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { mergeReports, type SourcedReport } from '../../src/report/merge.js';
import type { ValidationReport } from '../../src/report/report.js';
import { expression, hardware, report, rule, set } from '../helpers/reports.js';

const sourced = (...reports: ValidationReport[]): SourcedReport[] =>
  reports.map((report, i) => ({ file: `r${i}.json`, report }));

describe('renderMarkdown', () => {
  const driver = expression({
    feature: 'gpu.device',
    name: 'driver_version',
    expression: { op: 'Ge', value: ['550'], type: 'version' },
    isMatch: false,
    hostValues: ['535.104.05'],
  });
  const failing = report('gpu', 'b', false, {
    results: [set('gpu', [rule('driver', false, [driver]), rule('k', true)])],
  });
  failing.host.hardware = hardware({
    cpu: { vendor: 'Intel', flagCount: 120 },
    os: 'Ubuntu 22.04',
    gpus: [
      {
        vendor: 'NVIDIA',
        device: '20b0',
        model: 'NVIDIA A100',
        driver: 'nvidia',
        driverVersion: '535.104.05',
        memoryMib: '40960',
        computeCapability: '8.0',
      },
    ],
  });
  const md = renderMarkdown(mergeReports(sourced(report('gpu', 'a', true), failing), 'all'));

  it('states the verdict and the rule it was judged by', () => {
    expect(md).toMatch(
      /^## Image compatibility\n\n\*\*❌ Not compatible\*\*.*require `all`.*2 runs: 1 compatible, 1 incompatible, 0 errors/m,
    );
  });

  it('has a set x runner table with a mark per pair', () => {
    expect(md).toContain('| Compatibility set | Platform | a | b |');
    expect(md).toContain('| gpu | linux/amd64 | ✅ 1/1 rules matched | ❌ 1 of 2 rules failed |');
  });

  it("lists each runner's hardware", () => {
    expect(md).toContain(
      '| b | b-host | Intel, 120 cpuid flags | 6.8.0-45-generic | Ubuntu 22.04 | NVIDIA A100, 40960 MiB, cc 8.0, driver nvidia 535.104.05 | — | — |',
    );
  });

  it('details each failure: expected against what the host has', () => {
    expect(md).toContain('#### ❌ gpu on b (linux/amd64)');
    expect(md).toContain('| driver | gpu.device | driver\\_version | Ge 550 (version) | 535.104.05 |');
  });

  it('says compatible when every pair passed, without a failure section', () => {
    const ok = renderMarkdown(mergeReports(sourced(report('gpu', 'a', true)), 'any-per-set'));
    expect(ok).toMatch(/\*\*✅ Compatible\*\*: every compatibility set on at least one runner/);
    expect(ok).not.toContain('### Failures');
  });

  it('marks pairs that did not run with a dash', () => {
    const m = renderMarkdown(
      mergeReports(sourced(report('gpu', 'a', true), report('nic', 'b', true)), 'all'),
    );
    expect(m).toContain('| gpu | linux/amd64 | ✅ 1/1 rules matched | — |');
  });

  it('shows errors with their message', () => {
    const r = report('gpu', 'a', false, { results: [], error: { code: 3, message: 'registry said 401' } });
    const m = renderMarkdown(mergeReports(sourced(r), 'all'));
    expect(m).toContain('| ⚠️ error: registry said 401 |');
    expect(m).toContain('#### ⚠️ gpu on a');
  });

  it('caps the failure details and counts the rest', () => {
    const many = Array.from({ length: 5 }, (_, i) => report('gpu', `r${i}`, false));
    const m = renderMarkdown(mergeReports(sourced(...many), 'all'), { maxFailureDetails: 2 });
    expect(m.match(/^#### /gm)).toHaveLength(2);
    expect(m).toContain('…and 3 more failed runs, not detailed here.');
  });

  it('escapes what hosts and specs say: no HTML, no table breaks', () => {
    const r = report('a|b', '<script>', false);
    r.host.hardware.os = 'evil\n| x |';
    const m = renderMarkdown(mergeReports(sourced(r), 'all'));
    expect(m).not.toContain('<script>');
    expect(m).toContain('&lt;script&gt;');
    expect(m).toContain('a\\|b');
    expect(m).toContain('evil \\| x \\|');
  });
});

describe('cell text', () => {
  it.each([
    [{ op: 'Exists' }, 'Exists'],
    [{ op: 'In', value: ['Intel', 'AMD'] }, 'In Intel, AMD'],
    [{ op: 'GeLe', value: ['6', '9'], type: 'version' }, 'GeLe 6, 9 (version)'],
  ])('expected(%j) = %s', (e, out) => expect(expected(e)).toBe(out));

  it.each([
    [undefined, 'absent'],
    [[], 'absent'],
    [['vfio_pci'], 'vfio_pci'],
    [['10de', '15b3'], '10de, 15b3'],
  ])('hostHas(%j) = %s', (hostValues, out) => expect(hostHas({ hostValues })).toBe(out));

  it('summarises devices, leaving out what is unknown', () => {
    expect(gpu({ vendor: 'NVIDIA', device: '2330' })).toBe('NVIDIA 2330');
    expect(gpu({ vendor: 'NVIDIA', device: '2330', model: 'H100', computeCapability: '9.0' })).toBe(
      'H100, cc 9.0',
    );
    expect(nic({ name: 'ens1', totalVfs: '0', numVfs: '0' })).toBe('ens1, SR-IOV 0/0 VFs');
    expect(rdma({ name: 'mlx5_0', linkLayer: 'Ethernet' })).toBe('mlx5_0, Ethernet');
  });

  it('text() escapes Markdown and HTML', () => {
    expect(text('a_b*c`d [e] <f> & |\ng')).toBe('a\\_b\\*c\\`d \\[e\\] &lt;f&gt; &amp; \\| g');
  });
});
