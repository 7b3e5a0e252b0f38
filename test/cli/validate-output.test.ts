// What `validate` and `report` print and write, through the built bundle (`npm run bundle` first):
// host values capped (the first 16 and `hostValuesTotal`; `--all-host-values` for all of them) in
// the JSON, the table, the report file and the merged report; and an expression on a source that
// could not be read marked `unreadable` in the JSON and the report, named in the merged summary.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli.js';

let dir: string;
let host: string;
let spec: string;
const ids = Array.from({ length: 500 }, (_, i) => i.toString(16).padStart(4, '0'));

interface Expression {
  feature: string;
  hostValues: string[];
  hostValuesTotal?: number;
  unreadable?: { source: string; reason: string };
}
type Results = Array<{ rules: Array<{ isMatch: boolean; matchedExpressions: Expression[] }> }>;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'validate-output-cli-'));
  host = path.join(dir, 'big.json');
  writeFileSync(
    host,
    JSON.stringify({
      flags: {},
      attributes: {},
      instances: {
        'pci.device': { elements: ids.map((device) => ({ attributes: { vendor: '8086', device } })) },
      },
    }),
  );
  spec = path.join(dir, 'nic.yaml');
  writeFileSync(
    spec,
    [
      'version: v1alpha1',
      'compatibilities:',
      '  - tag: nic',
      '    rules:',
      '      - name: e810',
      '        matchFeatures:',
      '          - feature: pci.device',
      '            matchExpressions:',
      '              device: {op: In, value: ["ffff"]}',
      '',
    ].join('\n'),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const first = (text: string): Expression =>
  (JSON.parse(text) as Results)[0]!.rules[0]!.matchedExpressions[0]!;

describe('validate with 500 PCI instances', () => {
  it('--output json: the first 16 and hostValuesTotal 500; --all-host-values: all 500', async () => {
    const capped = await runCli(['validate', '--spec', spec, '--features', host, '--output', 'json']);
    expect(capped.code).toBe(1);
    const e = first(capped.stdout);
    expect(e.hostValues).toEqual(ids.slice(0, 16));
    expect(e.hostValuesTotal).toBe(500);

    const all = await runCli([
      'validate',
      '--spec',
      spec,
      '--features',
      host,
      '--output',
      'json',
      '--all-host-values',
    ]);
    expect(all.code).toBe(1);
    expect(first(all.stdout).hostValues).toEqual(ids);
    expect(first(all.stdout)).not.toHaveProperty('hostValuesTotal');
    expect(capped.stdout.length).toBeLessThan(all.stdout.length / 5);
  });

  it('the table shows 4 and the count, or all; --report is capped the same way', async () => {
    const report = path.join(dir, 'report.json');
    const r = await runCli(['validate', '--spec', spec, '--features', host, '--report', report]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('expected ffff, host has 0000, 0001, 0002, 0003 (+496 more)');
    const saved = JSON.parse(readFileSync(report, 'utf8')) as { results: Results };
    const e = saved.results[0]!.rules[0]!.matchedExpressions[0]!;
    expect([e.hostValues.length, e.hostValuesTotal]).toEqual([16, 500]);

    const all = await runCli([
      'validate',
      '--spec',
      spec,
      '--features',
      host,
      '--report',
      report,
      '--all-host-values',
    ]);
    expect(all.stdout).toContain(`host has ${ids.join(', ')}`);
    const full = JSON.parse(readFileSync(report, 'utf8')) as { results: Results };
    expect(full.results[0]!.rules[0]!.matchedExpressions[0]!.hostValues).toEqual(ids);
  });

  it('report: the merged failures keep 16 and the total, --all-host-values what the reports carry', async () => {
    const reports = path.join(dir, 'reports');
    mkdirSync(path.join(reports, 'r1'), { recursive: true });
    const file = path.join(reports, 'r1', 'report.json');
    await runCli(['validate', '--spec', spec, '--features', host, '--report', file, '--all-host-values']);
    type Merged = { rows: Array<{ cells: Array<{ failed: Array<{ expressions: Expression[] }> }> }> };
    const failedOf = (text: string) =>
      (JSON.parse(text) as Merged).rows[0]!.cells[0]!.failed[0]!.expressions[0]!;

    const capped = await runCli(['report', '--dir', reports, '--output', 'json']);
    expect(capped.code).toBe(1);
    expect([failedOf(capped.stdout).hostValues!.length, failedOf(capped.stdout).hostValuesTotal]).toEqual([
      16, 500,
    ]);
    const all = await runCli(['report', '--dir', reports, '--output', 'json', '--all-host-values']);
    expect(failedOf(all.stdout).hostValues).toEqual(ids);
    const md = await runCli(['report', '--dir', reports]);
    expect(md.stdout).toContain(`| ${ids.slice(0, 16).join(', ')} (+484 more) |`);
  });
});

describe('a source that could not be read (examples/hosts/upf-unreadable-modules.json)', () => {
  const args = [
    'validate',
    '--config',
    'examples/config/free5gc-upf.yaml',
    '--features',
    'examples/hosts/upf-unreadable-modules.json',
  ];

  it('--output json marks the expression `unreadable`; the verdict stays NFD’s (exit 1)', async () => {
    const r = await runCli([...args, '--output', 'json']);
    expect(r.code).toBe(1);
    const modules = (JSON.parse(r.stdout) as Results)[0]!.rules.find((x) => !x.isMatch)!;
    const e = modules.matchedExpressions[0]!;
    expect(e.feature).toBe('kernel.enabledmodule');
    expect(e.hostValues).toEqual([]);
    expect(e.unreadable).toEqual({
      source: 'kernel.enabledmodule',
      reason: 'cannot read /lib/modules/5.4.0-150-generic/modules.builtin: not found (ENOENT)',
    });
  });

  it('the report marks it, and the merged summary names the source in the cell', async () => {
    const reports = path.join(dir, 'upf-reports');
    mkdirSync(path.join(reports, 'upf'), { recursive: true });
    const file = path.join(reports, 'upf', 'report.json');
    const v = await runCli([...args, '--report', file], { env: { RUNNER_NAME: 'upf-runner' } });
    expect(v.code).toBe(1);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { results: Results };
    const marked = saved.results[0]!.rules.flatMap((x) => x.matchedExpressions ?? []).filter(
      (e) => e.unreadable,
    );
    expect(marked.map((e) => e.feature)).toEqual(['kernel.enabledmodule']);
    const md = await runCli(['report', '--dir', reports]);
    expect(md.code).toBe(1);
    expect(md.stdout).toContain('| ❌ 1 of 2 rules failed; could not read kernel.enabledmodule |');
    expect(md.stdout).toContain(
      '**Could not be checked:** the source of failed expressions could not be read on upf-runner: kernel.enabledmodule (cannot read /lib/modules/5.4.0-150-generic/modules.builtin: not found (ENOENT)).',
    );
  });
});
