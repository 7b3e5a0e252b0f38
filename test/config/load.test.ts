// Schema and compile errors at the exact line and column of the field, with fix hints.
import { describe, expect, it } from '@jest/globals';
import { checkConfigDocument, parseConfig } from '../../src/config/load.js';
import { InputError } from '../../src/errors.js';
import { parseSource } from '../../src/spec/document.js';

function diagnose(text: string) {
  return checkConfigDocument(parseSource(text, 'cfg.yaml')).diagnostics.map((d) => ({
    severity: d.severity,
    at: `${d.position.line}:${d.position.column}`,
    path: d.position.path,
    message: d.message,
    hint: d.hint,
  }));
}

const base = (require: string) => `version: 1
compatibilities:
  - name: gpu
    require:
${require}`;

describe('config errors with positions', () => {
  it('unknown key: at the key, with a did-you-mean', () => {
    expect(diagnose(base('      kernel: {version: ">=5.15", modlues: [nvidia]}'))).toEqual([
      {
        severity: 'error',
        at: '5:35',
        path: 'compatibilities[0].require.kernel.modlues',
        message: 'unknown field "modlues"',
        hint: 'did you mean "modules"?',
      },
    ]);
  });

  it('unknown requirement: lists the known ones when nothing is close', () => {
    const [d] = diagnose(base('      fpga: {vendor: xilinx}'));
    expect(d).toMatchObject({
      at: '5:7',
      path: 'compatibilities[0].require.fpga',
      message: 'unknown field "fpga"',
    });
    expect(d!.hint).toMatch(/^expected one of: kernel, cpu, gpu, pci, sriov, rdma, os, memory, anyOf$/);
  });

  it('enum: a bad cpu level at its value, with the nearest level', () => {
    expect(diagnose(base('      cpu:\n        level: x86-64-v5'))).toEqual([
      {
        severity: 'error',
        at: '6:16',
        path: 'compatibilities[0].require.cpu.level',
        message: 'must be one of x86-64-v2, x86-64-v3, x86-64-v4; got "x86-64-v5"',
        hint: 'did you mean "x86-64-v2"?',
      },
    ]);
  });

  it('wrong type', () => {
    expect(diagnose(base('      rdma: yes-please'))[0]).toMatchObject({
      at: '5:13',
      message: 'expected boolean,object, got string "yes-please"',
    });
  });

  it('missing version, and a raw rule with a misspelt field', () => {
    const text = `compatibilities:
  - name: a
    rules:
      - name: r
        matchFeatures:
          - feature: kernel.loadedmodule
            matchExpresions: {vfio_pci: {op: Exists}}
`;
    const ds = diagnose(text);
    expect(ds.map((d) => [d.at, d.message, d.hint])).toEqual([
      ['1:1', 'missing required field "version"', undefined],
      ['7:13', 'unknown field "matchExpresions"', 'did you mean "matchExpressions"?'],
    ]);
  });

  it('compile errors point at the field: a bad range, an unknown vendor in a list', () => {
    const ds = diagnose(
      base('      kernel:\n        version: ">=6.9.0-rc1"\n      cpu:\n        vendor: [amd, intle]'),
    );
    expect(ds.map((d) => [d.at, d.path, d.hint])).toEqual([
      [
        '6:18',
        'compatibilities[0].require.kernel.version',
        'write 6.9.0-rc1 (no operator) for that exact release, or >=6.9.0 for a bound',
      ],
      ['8:23', 'compatibilities[0].require.cpu.vendor[1]', 'did you mean "intel"?'],
    ]);
  });

  it('parseConfig throws the first error as an InputError naming file:line:column', () => {
    let err: unknown;
    try {
      parseConfig(base('      gpu: {vendor: nvidia, cuont: 2}'), 'ci.yaml');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toBe(
      'ci.yaml:5:29: compatibilities[0].require.gpu.cuont: unknown field "cuont" (did you mean "count"?)',
    );
  });
});
