import { describe, expect, it } from '@jest/globals';
import { runCli } from '../helpers/cli.js';

const MATRIX = 'test/fixtures/report/matrix';

describe('image-compat report', () => {
  it('prints the Markdown table and exits 1 when a pair failed (require all)', async () => {
    const r = await runCli(['report', '--dir', MATRIX]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^## Image compatibility\n/);
    expect(r.stdout).toContain('| Compatibility set | Platform | gpu-a | gpu-b | nic-node-1 |');
    expect(r.stderr).toBe(
      'image-compat: report-sriov-runner-c/features.json: a host snapshot, listed, not merged\n',
    );
  });

  it('prints the merged JSON and exits 0 under any-per-set', async () => {
    const r = await runCli(['report', '--dir', MATRIX, '--output', 'json', '--require', 'any-per-set']);
    expect(r.code).toBe(0);
    const merged = JSON.parse(r.stdout) as {
      compatible: boolean;
      require: string;
      rows: Array<{ set: string }>;
    };
    expect(merged).toMatchObject({ compatible: true, require: 'any-per-set' });
    expect(merged.rows.map((row) => row.set)).toEqual(['gpu-h100', 'sriov']);
  });

  it.each([
    [['report'], /required option '--dir <dir>' not specified/],
    [['report', '--dir', MATRIX, '--output', 'yaml'], /argument 'yaml' is invalid/],
    [['report', '--dir', MATRIX, '--require', 'most'], /argument 'most' is invalid/],
    [['report', '--dir', 'test/fixtures/report/bad'], /bad\/report\.json:2:17: compatible: expected boolean/],
    [['report', '--dir', 'test/fixtures/report/none'], /none: no such folder/],
  ])('exits 2 on %j', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('has help', async () => {
    const r = await runCli(['report', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--require <rule>');
    expect(r.stdout).toContain('Exit codes: 0 compatible, 1 not compatible');
  });
});

describe('image-compat report --matrix', () => {
  it('counts planned runs that sent no report', async () => {
    const plan = JSON.stringify([
      { name: 'gpu-h100', 'runs-on': ['self-hosted', 'gpu'] },
      { name: 'gpu-h100', 'runs-on': ['self-hosted', 'gpu'] },
      { name: 'sriov', 'runs-on': ['self-hosted', 'sriov'] },
      { name: 'rdma', 'runs-on': ['self-hosted', 'rdma'] },
    ]);
    const r = await runCli(['report', '--dir', MATRIX, '--require', 'any-per-set', '--matrix', '-'], {
      input: plan,
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('⚠️ rdma: 1 of 1 planned runs sent no report.');
  });

  it('names a bad matrix file', async () => {
    const r = await runCli(['report', '--dir', MATRIX, '--matrix', '-'], { input: '{"x": 1}' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/<stdin>:1:1: expected the plan matrix/);
  });
});
