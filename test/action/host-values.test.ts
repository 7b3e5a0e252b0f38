// The validate and report actions' input `all-host-values`: read as a boolean (default false, as in
// action.yml); without it the report file, the job summary and the merged report carry the first
// 16 host values and `hostValuesTotal`, with it every value.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run as runReport } from '../../src/action/run/report.js';
import { run as runValidate } from '../../src/action/run/validate.js';
import { readReportInputs, readValidateInputs, type ValidateInputs } from '../../src/action/runtime.js';
import type { ReportedExpression, ValidationReport } from '../../src/report/report.js';

const ids = Array.from({ length: 40 }, (_, i) => i.toString(16).padStart(4, '0'));
let dir: string;
let host: string;
let spec: string;
const saved = { ...process.env };

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ic-host-values-action-'));
  host = path.join(dir, 'host.json');
  writeFileSync(
    host,
    JSON.stringify({
      instances: { 'pci.device': { elements: ids.map((device) => ({ attributes: { device } })) } },
    }),
  );
  spec = path.join(dir, 'spec.yaml');
  writeFileSync(
    spec,
    'version: v1alpha1\ncompatibilities:\n  - tag: nic\n    rules:\n      - name: e810\n        matchFeatures:\n          - feature: pci.device\n            matchExpressions:\n              device: {op: In, value: ["ffff"]}\n',
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeEach(() => {
  for (const k of Object.keys(process.env)) if (/^INPUT_/.test(k)) delete process.env[k];
});
afterEach(() => {
  process.env = { ...saved };
});

describe('input all-host-values', () => {
  it.each([
    [undefined, false],
    ['true', true],
    ['false', false],
  ])('%p -> %p (validate and report)', (value, expected) => {
    process.env.INPUT_SPEC = 's.yaml';
    if (value !== undefined) process.env['INPUT_ALL-HOST-VALUES'] = value;
    expect(readValidateInputs().allHostValues).toBe(expected);
    expect(readReportInputs().allHostValues).toBe(expected);
  });

  it('rejects what is not a boolean, naming the input', () => {
    process.env.INPUT_SPEC = 's.yaml';
    process.env['INPUT_ALL-HOST-VALUES'] = 'all';
    expect(() => readValidateInputs()).toThrow(/input "all-host-values": must be true or false; got "all"/);
  });
});

describe('the actions with 40 host values', () => {
  const inputs = (over: Partial<ValidateInputs>): ValidateInputs => ({
    spec,
    features: host,
    requireSignature: false,
    policy: {},
    hostRoot: '/',
    registry: {},
    failOnIncompatible: true,
    runnerName: 'r1',
    attest: false,
    oidc: false,
    outputDir: mkdtempSync(path.join(dir, 'out-')),
    ...over,
  });
  const first = (r: ValidationReport) =>
    r.results[0]!.rules[0]!.matchedExpressions![0]! as ReportedExpression;

  it('validate: the report file and the summary carry 16 and the total; with the input, all 40', async () => {
    const capped = await runValidate(inputs({}));
    const written = JSON.parse(readFileSync(capped.reportFile, 'utf8')) as ValidationReport;
    expect([first(written).hostValues, first(written).hostValuesTotal]).toEqual([ids.slice(0, 16), 40]);
    expect(capped.markdown).toContain(`${ids.slice(0, 16).join(', ')} (+24 more)`);

    const all = await runValidate(inputs({ allHostValues: true }));
    const full = JSON.parse(readFileSync(all.reportFile, 'utf8')) as ValidationReport;
    expect(first(full).hostValues).toEqual(ids);
    expect(first(full)).not.toHaveProperty('hostValuesTotal');
    expect(all.markdown).toContain(ids.join(', '));

    // The report action over the full report: capped unless its own input says all.
    const reports = path.join(dir, 'reports');
    mkdirSync(path.join(reports, 'r1'), { recursive: true });
    writeFileSync(path.join(reports, 'r1', 'report.json'), readFileSync(all.reportFile));
    const merge = (allHostValues?: boolean) =>
      runReport({
        path: reports,
        require: 'all',
        failOnIncompatible: true,
        ...(allHostValues !== undefined && { allHostValues }),
        outputDir: mkdtempSync(path.join(dir, 'merged-')),
      });
    const m = await merge();
    const e = m.merged.rows[0]!.cells[0]!.failed[0]!.expressions[0]!;
    expect([e.hostValues!.length, e.hostValuesTotal]).toEqual([16, 40]);
    expect(readFileSync(m.summaryFile, 'utf8')).toContain('(+24 more)');
    const kept = (await merge(true)).merged.rows[0]!.cells[0]!.failed[0]!.expressions[0]!;
    expect(kept.hostValues).toEqual(ids);
  });
});
