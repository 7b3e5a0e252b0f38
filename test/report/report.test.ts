import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { validate } from '../../src/commands/validate.js';
import { parseFeaturesDocument } from '../../src/features/snapshot.js';
import type { MatchedExpression } from '../../src/match/types.js';
import { validateJson } from '../../src/report/json.js';
import { expectation, hostText, renderValidateTable } from '../../src/report/table.js';
import { parseSpec } from '../../src/spec/parse.js';
import type { MatchExpression } from '../../src/spec/types.js';

const spec = (name: string) => parseSpec(readFileSync(`examples/specs/${name}.yaml`, 'utf8'), name);
const hosts = (name: string) =>
  parseFeaturesDocument(readFileSync(`examples/hosts/${name}.json`, 'utf8'), name);

describe('expectation and host text', () => {
  it.each([
    [{ op: 'In', value: ['10de'] }, '10de'],
    [{ op: 'In', value: ['10de', '1002'] }, 'one of 10de, 1002'],
    [{ op: 'NotIn', value: ['a'] }, 'none of a'],
    [{ op: 'InRegexp', value: ['^AVX'] }, 'matching /^AVX/'],
    [{ op: 'Exists' }, 'present'],
    [{ op: 'DoesNotExist' }, 'absent'],
    [{ op: 'Ge', value: ['535'] }, '>= 535'],
    [{ op: 'GtLt', value: ['1', '9'] }, '> 1 and < 9'],
    [{ op: 'GeLe', value: ['1', '9'] }, '>= 1 and <= 9'],
    [{ op: 'IsTrue' }, 'true'],
  ] as Array<[MatchExpression, string]>)('%j -> %s', (e, text) => expect(expectation(e)).toBe(text));

  const m = (isMatch: boolean, hostValues: string[]): MatchedExpression => ({
    feature: 'gpu.device',
    name: 'driver_version',
    expression: { op: 'Ge', value: ['535'], type: 'version' },
    matcherType: 'matchExpression',
    isMatch,
    hostValues,
  });
  it('says what was expected and what the host has', () => {
    expect(hostText(m(false, ['470.82']))).toBe('expected >= 535, host has 470.82');
    expect(hostText(m(true, ['550.54']))).toBe('host has 550.54');
    expect(hostText(m(false, []))).toBe('expected >= 535, host has none');
    expect(hostText(m(true, ['1', '2', '3', '4', '5', '6']))).toBe('host has 1, 2, 3, 4 (+2 more)');
  });
});

describe('validateJson', () => {
  it("prints NFD's array for one host", () => {
    const r = validate({ spec: spec('kernel-module'), hosts: hosts('ci-vm') });
    const out = JSON.parse(validateJson(r)) as unknown[];
    expect(Array.isArray(out)).toBe(true);
    expect(out).toEqual(r.hosts[0]!.results);
    expect(out[0]).toMatchObject({
      tag: 'vfio',
      description: 'VFIO device passthrough',
      rules: expect.any(Array),
    });
  });

  it('prints [{node, compatible, results}] for several nodes', () => {
    const r = validate({ spec: spec('sriov'), hosts: hosts('cluster') });
    const out = JSON.parse(validateJson(r)) as Array<{
      node: string;
      compatible: boolean;
      results: unknown[];
    }>;
    expect(out.map((n) => [n.node, n.compatible])).toEqual([
      ['gpu-node-01', true],
      ['arm-node-01', false],
      ['ci-runner-vm', false],
    ]);
    expect(Object.keys(out[0]!)).toEqual(['node', 'compatible', 'results']);
  });
});

describe('renderValidateTable', () => {
  it("prints NFD's per-set, per-rule tables with host values and a verdict", () => {
    const text = renderValidateTable(validate({ spec: spec('kernel-module'), hosts: hosts('ci-vm') }), {
      color: false,
    });
    expect(text).toContain(
      'COMPATIBILITY SET #1 Weight: 0; Tag: vfio\nDescription: VFIO device passthrough\n',
    );
    expect(text).toContain('│ RULE: VFIO-PCI MODULE - FAIL');
    expect(text).toMatch(
      /│ 1 │ kernel\.loadedmodule\.vfio_pci +│ \{op: "Exists"\} +│ matchExpression │ FAIL +│ expected present, host has none +│/,
    );
    expect(text).toMatch(/kernel\.version\.major +│ \{op: "Gt", value: \["5"\]\} .*│ OK +│ host has 6 /);
    expect(text).toContain('ci-runner-vm: INCOMPATIBLE: no compatibility set has all its rules matching\n');
    expect(text).not.toContain('\x1b[');
    // Every line of a box has the same width.
    const box = text.split('\n').filter((l) => /^[│┌├└]/.test(l));
    const first = box.slice(0, box.findIndex((l) => l.startsWith('└')) + 1);
    expect(new Set(first.map((l) => [...l].length)).size).toBe(1);
  });

  it('colours only when asked', () => {
    const text = renderValidateTable(validate({ spec: spec('kernel-module'), hosts: hosts('h100-server') }), {
      color: true,
    });
    expect(text).toContain('\x1b[32mCOMPATIBLE\x1b[39m');
  });

  it('says how many nodes can run the image', () => {
    const text = renderValidateTable(validate({ spec: spec('sriov'), hosts: hosts('cluster') }), {
      color: false,
    });
    expect(text).toMatch(
      /│ arm-node-01 +│ incompatible │ - +│ #1 \(sriov\) rule "sr-iov physical function": pci\.device\.sriov_totalvfs expected >= 8, host has none │/,
    );
    expect(text.trimEnd().endsWith('1 of 3 nodes can run the image')).toBe(true);
  });
});
