// `report --fleet-out`: the matrix's host snapshots (each job's features.json beside its report)
// written as a fleet folder, and `check --fleet` over it gives the fleet impact of `check --fleet`
// over the original snapshots (examples/hosts), each host under its runner's name.
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseFeaturesDocument } from '../../src/features/snapshot.js';
import { runCli } from '../helpers/cli.js';
import { writeMatrixFolder, type MatrixJob } from '../helpers/reports.js';

const HOSTS = path.resolve('examples/hosts');
const CONFIGS = path.resolve('test/fixtures/check/configs');
const dir = mkdtempSync(path.join(tmpdir(), 'ic-report-fleet-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One job per single-host snapshot of examples/hosts (cluster.json is a List: not one job's host). */
const single = readdirSync(HOSTS)
  .filter((f) => f.endsWith('.json') && f !== 'cluster.json')
  .sort();
const nodeName = (file: string) => parseFeaturesDocument(readFileSync(file, 'utf8'), file)[0]!.name;
const jobs: MatrixJob[] = single.map((f) => ({
  snapshot: path.join(HOSTS, f),
  runner: `runner ${f.replace(/\.json$/, '')}`,
}));
/** The runner each node ran on: what the fleet folder names it. */
const runnerOf = new Map(jobs.map((j) => [nodeName(j.snapshot), j.runner]));

interface FleetJson {
  fleet: { hosts: Array<{ name: string; admittedBefore: boolean; admittedAfter: boolean }> };
  excluded: string[];
  admitted: string[];
}

const check = async (head: string, fleet: string): Promise<FleetJson> => {
  const r = await runCli([
    'check',
    '--config',
    path.join(CONFIGS, `${head}.yaml`),
    '--base-config',
    path.join(CONFIGS, 'base.yaml'),
    '--fleet',
    fleet,
    '--output',
    'json',
  ]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as FleetJson;
};

describe('image-compat report --fleet-out', () => {
  const matrix = path.join(dir, 'matrix');
  const out = path.join(dir, 'fleet');
  // The H100 host ran two jobs (two sets) on two runners: one host in the fleet, its first name.
  writeMatrixFolder(matrix, [...jobs, { snapshot: path.join(HOSTS, 'h100-server.json'), runner: 'gpu-b' }]);

  it('writes one scrubbed NodeFeature per distinct host, named by its runner, file names safe', async () => {
    const r = await runCli(['report', '--dir', matrix, '--fleet-out', out, '--output', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`image-compat: wrote ${jobs.length} host snapshot(s) to ${out}: runner `);
    expect(r.stderr).not.toMatch(/warning/);
    const files = readdirSync(out).sort();
    expect(files).toEqual(jobs.map((j) => `${j.runner.replace(' ', '-')}.json`).sort());
    for (const f of files) {
      const text = readFileSync(path.join(out, f), 'utf8');
      const nf = JSON.parse(text) as { kind: string; metadata: { name: string; labels: object } };
      expect(nf.kind).toBe('NodeFeature');
      expect(nf.metadata.labels).toEqual({});
      expect(nf.metadata.name).toBe(`runner ${f.slice('runner-'.length, -'.json'.length)}`);
      // No node name: neither the label nor system.name reaches the folder.
      expect(text).not.toContain('nfd.node.kubernetes.io/node-name');
      expect(text).not.toContain('"system.name"');
    }
  });

  it.each(['driver-550', 'kernel-narrow', 'driver-535'])(
    'check --fleet over it gives the impact over examples/hosts (%s)',
    async (head) => {
      const original = await check(head, HOSTS);
      const written = await check(head, out);
      // examples/hosts names a host by its node name (`name (file)` when cluster.json repeats it).
      const rename = (n: string) => runnerOf.get(n.replace(/ \(.*\)$/, '')) ?? `?${n}`;
      const unique = (names: string[]) => [...new Set(names)].sort();
      expect(unique(written.excluded)).toEqual(unique(original.excluded.map(rename)));
      expect(unique(written.admitted)).toEqual(unique(original.admitted.map(rename)));
      const impacts = (f: FleetJson, map: (n: string) => string) =>
        unique(f.fleet.hosts.map((h) => JSON.stringify({ ...h, name: map(h.name) })));
      expect(impacts(written, (n) => n)).toEqual(impacts(original, rename));
      expect(written.fleet.hosts).toHaveLength(jobs.length);
    },
  );

  it('warns about a report with no snapshot beside it and an empty folder; names a stray snapshot', async () => {
    const bare = path.join(dir, 'bare');
    writeMatrixFolder(bare, [{ snapshot: path.join(HOSTS, 'ci-vm.json'), runner: 'vm' }]);
    rmSync(path.join(bare, 'image-compat-report-0', 'features.json'));
    // A snapshot with no report beside it is no host of the matrix: named, not even read.
    mkdirSync(path.join(bare, 'stray'));
    writeFileSync(path.join(bare, 'stray', 'features.json'), '{"kind": "NodeFeature"}');
    const empty = path.join(dir, 'empty-fleet');
    const r = await runCli(['report', '--dir', bare, '--fleet-out', empty]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'image-compat: warning: image-compat-report-0/report.json: no host snapshot beside it',
    );
    expect(r.stderr).toContain(`the fleet folder ${empty} is empty`);
    expect(r.stderr).toContain(
      'image-compat: stray/features.json: a host snapshot with no report beside it: not in the fleet folder',
    );
    expect(readdirSync(empty)).toEqual([]);
  });

  it('names a host snapshot it cannot read, exit 2', async () => {
    const bad = path.join(dir, 'bad');
    writeMatrixFolder(bad, [{ snapshot: path.join(HOSTS, 'ci-vm.json'), runner: 'vm' }]);
    const features = path.join(bad, 'image-compat-report-0', 'features.json');
    writeFileSync(features, '{"kind": "NodeFeature", "spec": {"features": 7}}');
    const r = await runCli(['report', '--dir', bad, '--fleet-out', path.join(dir, 'bad-fleet')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('features.json');
  });

  it('has the flag in its help', async () => {
    const r = await runCli(['report', '--help']);
    expect(r.stdout).toContain('--fleet-out <dir>');
  });
});
