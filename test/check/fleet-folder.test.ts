// The fleet folder writer (validations --fleet-out, report --fleet-out) and the matrix's fleet:
// file names that cannot leave the folder or collide, one host per distinct snapshot, named by
// the runner the matrix shows it under, scrubbed.
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fleetFileNames, fleetFileStem, writeFleetFolder } from '../../src/check/fleet-folder.js';
import { besideReports, matrixFleet } from '../../src/check/matrix-fleet.js';
import type { HostFeatures } from '../../src/features/snapshot.js';
import { report } from '../helpers/reports.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ic-fleet-folder-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fleet file names', () => {
  it.each([
    ['gpu-a', 'gpu-a'],
    ['GPU Runner 1', 'GPU-Runner-1'],
    ['../../etc/passwd', 'etc-passwd'],
    ['/abs/path', 'abs-path'],
    ['.hidden', 'hidden'],
    ['..', 'host'],
    ['', 'host'],
    ['runner\\win\0nul', 'runner-win-nul'],
    ['ünïcode ✓', 'n-code'],
    ['machine-0123abcd', 'machine-0123abcd'],
    ['a'.repeat(300), 'a'.repeat(100)],
  ])('%j -> %j', (name, stem) => {
    expect(fleetFileStem(name)).toBe(stem);
  });

  it('keeps names apart, also on a case-insensitive file system', () => {
    expect(fleetFileNames(['gpu', 'GPU', 'gpu/', 'gpu-2', 'x'])).toEqual([
      'gpu.json',
      'GPU-2.json',
      'gpu-3.json',
      'gpu-2-2.json',
      'x.json',
    ]);
  });

  it('writes each host inside the folder, whatever its name', async () => {
    const nf = (name: string) => ({
      apiVersion: 'nfd.k8s-sigs.io/v1alpha1' as const,
      kind: 'NodeFeature' as const,
      metadata: { name, labels: {} },
      spec: { features: {} },
    });
    const out = path.join(dir, 'out');
    const files = await writeFleetFolder(out, [nf('../escape'), nf('a'), nf('A')]);
    expect(files).toEqual(['escape.json', 'a.json', 'A-2.json'].map((f) => path.join(out, f)));
    expect(readdirSync(out).sort()).toEqual(['A-2.json', 'a.json', 'escape.json']);
    expect(readdirSync(dir)).toEqual(['out']);
    expect(JSON.parse(readFileSync(files[0]!, 'utf8'))).toEqual(nf('../escape'));
  });
});

const host = (name: string, kernel: string, extra: Record<string, string> = {}): HostFeatures => ({
  name,
  features: {
    attributes: {
      'kernel.version': { elements: { full: kernel } },
      'system.name': { elements: { nodename: name } },
      'network.device': { elements: {} },
      ...(Object.keys(extra).length && { 'system.dmiid': { elements: extra } }),
    },
  },
});

describe('matrixFleet', () => {
  it('names each host by its report column, one per distinct host in job order, scrubbed', () => {
    const reports = [
      { file: 'image-compat-report-10/report.json', report: report('a', 'gpu-b', true) },
      { file: 'image-compat-report-2/report.json', report: report('a', 'gpu-a', true) },
      { file: 'image-compat-report-3/report.json', report: report('b', 'nic', false) },
      { file: 'image-compat-report-4/report.json', report: report('b', 'gpu-a', true) },
    ];
    const h100 = host('node-1', '6.8.0', { product_serial: 'SN123', sys_vendor: 'Acme' });
    const fleet = matrixFleet(reports, [
      { file: 'image-compat-report-10/features.json', hosts: [h100] },
      { file: 'image-compat-report-3/features.json', hosts: [host('node-2', '6.1.0')] },
      { file: 'image-compat-report-2/features.json', hosts: [h100] },
      // The same runner name on another machine: a host of its own, its name made unique.
      { file: 'image-compat-report-4/features.json', hosts: [host('node-3', '5.15.0')] },
      { file: 'stray/features.json', hosts: [host('node-4', '6.8.0')] },
    ]);
    expect(fleet.hosts.map((h) => h.metadata.name)).toEqual(['gpu-a', 'nic', 'gpu-a-2']);
    expect(besideReports(reports)('stray/features.json')).toBe(false);
    expect(besideReports(reports)('image-compat-report-3/features.json')).toBe(true);
    expect(fleet.withoutSnapshot).toEqual([]);
    const text = JSON.stringify(fleet.hosts);
    expect(text).not.toContain('node-1');
    expect(text).not.toContain('SN123');
    expect(fleet.hosts[0]!.spec.features.attributes!['system.dmiid']!.elements).toEqual({
      sys_vendor: 'Acme',
    });
    expect(fleet.hosts[0]!.metadata.labels).toEqual({});
  });

  it('lists the reports with no snapshot beside them; a List keeps its node names', () => {
    const reports = [
      { file: 'a/report.json', report: report('a', 'r1', true) },
      { file: 'b/report.json', report: report('a', 'r2', true) },
    ];
    const fleet = matrixFleet(reports, [
      { file: 'b/features.json', hosts: [host('n1', '6.1'), host('', '6.2')] },
    ]);
    expect(fleet.withoutSnapshot).toEqual(['a/report.json']);
    expect(fleet.hosts.map((h) => h.metadata.name)).toEqual(['n1', 'host']);
  });

  it('keeps the unavailable sources a host could not read', () => {
    const h = { ...host('n', '6.1'), unavailable: [{ source: 'kernel.loadedmodule', reason: 'denied' }] };
    const fleet = matrixFleet(
      [{ file: 'a/report.json', report: report('a', 'r', true) }],
      [{ file: 'a/f.json', hosts: [h] }],
    );
    expect(fleet.hosts[0]!.metadata.annotations).toEqual({
      'image-compat.dev/unavailable-sources': JSON.stringify(h.unavailable),
    });
  });
});
