// The report action: run(inputs) on its own, then the bundle as the runner runs it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run } from '../../src/action/run/report.js';
import { InputError } from '../../src/errors.js';
import { inputVariable, runAction } from '../helpers/action.js';
import { report, writeMatrixFolder } from '../helpers/reports.js';

const MATRIX = path.resolve('test/fixtures/report/matrix');
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'ic-report-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('report run(inputs)', () => {
  it('merges a downloaded matrix run and writes the summary and JSON it names', async () => {
    const outputDir = path.join(tmp, 'out1');
    const o = await run({ path: MATRIX, require: 'all', failOnIncompatible: true, outputDir });
    expect(o.files).toEqual([
      'report-gpu-runner-a/report.json',
      'report-gpu-runner-b/report.json',
      'report-sriov-runner-c/report.json',
    ]);
    expect(o.skipped).toEqual(['report-sriov-runner-c/features.json']);
    expect(o.merged.compatible).toBe(false);
    expect(await readFile(o.summaryFile, 'utf8')).toBe(o.markdown);
    expect(JSON.parse(await readFile(o.reportFile, 'utf8'))).toEqual(JSON.parse(JSON.stringify(o.merged)));
  });

  it('counts the same run compatible under any-per-set', async () => {
    const o = await run({
      path: MATRIX,
      require: 'any-per-set',
      failOnIncompatible: true,
      outputDir: path.join(tmp, 'out2'),
    });
    expect(o.merged.compatible).toBe(true);
  });

  it.each([
    ['a missing folder', 'nope', /nope: no such folder/],
    ['a folder without reports', 'empty', /no JSON files found/],
    ['a folder with only other JSON', 'other', /no validation report among the 1 JSON files found/],
  ])('fails with an InputError on %s', async (_name, dir, message) => {
    await mkdir(path.join(tmp, 'empty'), { recursive: true });
    await mkdir(path.join(tmp, 'other'), { recursive: true });
    await writeFile(path.join(tmp, 'other', 'f.json'), '{"kind": "NodeFeature"}');
    const p = run({ path: path.join(tmp, dir), require: 'all', failOnIncompatible: true, outputDir: tmp });
    await expect(p).rejects.toThrow(InputError);
    await expect(p).rejects.toThrow(message);
  });
});

describe('report action bundle (dist/report.js)', () => {
  it('runs on the Node major that runs.using names', () => {
    expect(process.versions.node.split('.')[0]).toBe('24');
    expect(inputVariable('fail-on-incompatible')).toBe('INPUT_FAIL-ON-INCOMPATIBLE');
    expect(inputVariable('my input')).toBe('INPUT_MY_INPUT');
  });

  it('writes outputs, the job summary and one error per failed pair; fails the step', async () => {
    const r = await runAction('report', { inputs: { path: MATRIX } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.outputs.compatible).toBe('false');
    expect(r.outputs.summary).toBe(path.join(r.runnerTemp, 'image-compat', 'report-summary.md'));
    expect(r.outputs.report).toBe(path.join(r.runnerTemp, 'image-compat', 'report.json'));
    expect(r.summary).toContain('**❌ Not compatible**');
    expect(r.summary).toContain(
      '| gpu-h100<br>Hopper GPU nodes | linux/amd64 | ✅ 2/2 rules matched | ❌ 1 of 2 rules failed | — |',
    );
    expect(r.summary).toContain(
      '| gpu driver | gpu.device | driver\\_version | Ge 550 (version) | 535.104.05 |',
    );
    const errors = r.commands.filter((c) => c.command === 'error');
    expect(errors).toEqual([
      {
        command: 'error',
        properties: { title: 'image-compat: gpu-h100 not compatible' },
        message: 'gpu-h100 on gpu-b (linux/amd64): 1 of 2 rules failed',
      },
    ]);
    expect(r.stdout).toContain('report-sriov-runner-c/features.json: a host snapshot, listed, not merged');
  });

  it('passes with require any-per-set', async () => {
    const r = await runAction('report', {
      inputs: { path: MATRIX, require: 'any-per-set', 'fail-on-incompatible': 'true' },
    });
    expect(r.code).toBe(0);
    expect(r.outputs.compatible).toBe('true');
    expect(r.commands.filter((c) => c.command === 'error')).toEqual([]);
    expect(r.summary).toContain('**✅ Compatible**');
  });

  it('reports but does not fail with fail-on-incompatible false', async () => {
    const r = await runAction('report', { inputs: { path: MATRIX, 'fail-on-incompatible': 'false' } });
    expect(r.code).toBe(0);
    expect(r.outputs.compatible).toBe('false');
  });

  it('finds the folder relative to the workspace, as download-artifact leaves it', async () => {
    const r = await runAction('report', {
      inputs: { path: 'matrix' },
      workspace: path.resolve('test/fixtures/report'),
    });
    expect(r.outputs.compatible).toBe('false');
  });

  it('puts an invalid report at its file and line, exit 2, no outputs', async () => {
    const r = await runAction('report', { inputs: { path: 'test/fixtures/report/bad' } });
    expect(r.code).toBe(2);
    expect(r.outputs).toEqual({});
    expect(r.commands).toEqual([
      {
        command: 'error',
        properties: {
          title: 'image-compat: invalid input',
          file: 'test/fixtures/report/bad/report.json',
          line: '2',
          col: '17',
        },
        message: 'compatible: expected boolean, got string "yes"',
      },
    ]);
  });

  it('rejects a bad input value naming the input', async () => {
    const r = await runAction('report', { inputs: { path: MATRIX, require: 'most' } });
    expect(r.code).toBe(2);
    expect(r.commands[0]!.message).toBe('input "require": must be one of all, any-per-set; got "most"');
  });

  it('keeps to 10 error annotations and lists the rest in the summary', async () => {
    const dir = path.join(tmp, 'many');
    for (let i = 0; i < 13; i++) {
      await mkdir(path.join(dir, `report-${i}`), { recursive: true });
      await writeFile(
        path.join(dir, `report-${i}`, 'report.json'),
        JSON.stringify(report('gpu', `runner-${String(i).padStart(2, '0')}`, false)),
      );
    }
    const r = await runAction('report', { inputs: { path: dir } });
    expect(r.commands.filter((c) => c.command === 'error')).toHaveLength(10);
    expect(r.summary).toContain('### More annotations (3 beyond the 10 per level GitHub shows)');
    expect(r.summary).toContain('gpu on runner-12 (linux/amd64): 1 of 1 rules failed');
  });
});

describe('report action with the plan matrix', () => {
  it('fails a run whose planned jobs did not all report', async () => {
    const matrix = JSON.stringify([{ name: 'sriov' }, { name: 'sriov' }]);
    const r = await runAction('report', { inputs: { path: MATRIX, require: 'any-per-set', matrix } });
    expect(r.code).toBe(0); // sriov reported once and passed: any-per-set holds
    const all = await runAction('report', { inputs: { path: MATRIX, matrix } });
    expect(all.code).toBe(1);
    expect(all.commands.filter((c) => c.command === 'error').map((c) => c.message)).toEqual([
      'gpu-h100 on gpu-b (linux/amd64): 1 of 2 rules failed',
      'sriov: 1 of 2 planned runs sent no report',
    ]);
  });

  it('puts a bad matrix input in an annotation', async () => {
    const r = await runAction('report', { inputs: { path: MATRIX, matrix: 'not json [' } });
    expect(r.code).toBe(2);
    expect(r.commands[0]!.properties).toEqual({ title: 'image-compat: invalid input' });
    expect(r.commands[0]!.message).toMatch(/^input "matrix":1:\d+: /);
  });
});

describe('report action fleet-out', () => {
  const HOSTS = path.resolve('examples/hosts');
  const jobs = [
    { snapshot: path.join(HOSTS, 'h100-server.json'), runner: 'gpu-h100' },
    { snapshot: path.join(HOSTS, 'arm-server.json'), runner: 'arm' },
    { snapshot: path.join(HOSTS, 'h100-server.json'), runner: 'gpu-h100-2nd' },
  ];

  it('run(inputs) writes one host snapshot per distinct host of the matrix', async () => {
    const matrix = path.join(tmp, 'fleet-matrix');
    writeMatrixFolder(matrix, jobs);
    const fleetOut = path.join(tmp, 'fleet-out');
    const o = await run({ path: matrix, require: 'all', failOnIncompatible: true, outputDir: tmp, fleetOut });
    expect(o.fleet).toEqual({
      dir: fleetOut,
      files: [path.join(fleetOut, 'gpu-h100.json'), path.join(fleetOut, 'arm.json')],
      hosts: ['gpu-h100', 'arm'],
      withoutSnapshot: [],
      withoutReport: [],
    });
    const nf = JSON.parse(await readFile(o.fleet!.files[1]!, 'utf8')) as { kind: string; metadata: object };
    expect(nf).toMatchObject({ kind: 'NodeFeature', metadata: { name: 'arm', labels: {} } });
  });

  it('the bundle writes the folder relative to the workspace and names it in output fleet', async () => {
    const workspace = path.join(tmp, 'ws');
    writeMatrixFolder(path.join(workspace, 'image-compat-reports'), [
      ...jobs,
      { snapshot: path.join(HOSTS, 'ci-vm.json'), runner: 'vm' },
    ]);
    await rm(path.join(workspace, 'image-compat-reports', 'image-compat-report-3', 'features.json'));
    const r = await runAction('report', { inputs: { 'fleet-out': 'fleet' }, workspace });
    expect(r.code).toBe(0);
    expect(r.outputs.fleet).toBe(path.join(workspace, 'fleet'));
    expect((await readdir(r.outputs.fleet!)).sort()).toEqual(['arm.json', 'gpu-h100.json']);
    // The report without a snapshot is a warning (its file relative to the reports folder).
    const warnings = r.commands.filter((c) => c.command === 'warning');
    expect(warnings.map((c) => c.message)).toEqual([
      "image-compat-report-3/report.json: no host snapshot beside it (the validate action's features.json): its host is not in the fleet folder",
    ]);
    expect(r.stdout).toContain(`wrote 2 host snapshot(s) to ${path.join(workspace, 'fleet')}: gpu-h100, arm`);
  });

  it('without fleet-out writes no folder and sets no output fleet', async () => {
    const r = await runAction('report', { inputs: { path: MATRIX } });
    expect(r.outputs.fleet).toBeUndefined();
  });
});
