// The Kubernetes outputs through the built bundle (run `npm run bundle` first): generate's
// NodeFeatureRule and node affinity with the label names on stderr, features --output nfd-local,
// and validate reading a cluster's NodeFeatures whose gpu/rdma features are NFD local features.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { parseFeaturesDocument } from '../../src/features/snapshot.js';
import { nfdView, parseNfdLocal } from '../../src/kubernetes/index.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ic-k8s-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('image-compat generate --output node-feature-rule | node-affinity', () => {
  it('writes the NodeFeatureRule of a spec, the labels on stderr', async () => {
    const r = await runCli([
      'generate',
      '--spec',
      'examples/specs/gpu.yaml',
      '--output',
      'node-feature-rule',
      '--name',
      'cuda-app',
    ]);
    expect(r.code).toBe(0);
    const nfr = parse(r.stdout);
    expect(nfr).toMatchObject({ apiVersion: 'nfd.k8s-sigs.io/v1alpha1', kind: 'NodeFeatureRule' });
    expect(nfr.metadata.name).toBe('image-compat-cuda-app');
    expect(r.stderr).toContain(
      'label image-compat.dev/cuda-app.hopper="true": nodes where set #1 (tag "hopper") matches',
    );
    expect(r.stderr).toMatch(/read gpu\.device from NFD's local source/);
    expect(r.stdout).not.toMatch(/[&*]a\d/); // no YAML anchors
  });

  it("compiles a config; the affinity requires the config's platform", async () => {
    const r = await runCli([
      'generate',
      '-c',
      'examples/config/cuda12-inference.yaml',
      '--output',
      'node-affinity',
      '--name',
      'cuda12',
    ]);
    expect(r.code).toBe(0);
    const terms = parse(r.stdout).affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution
      .nodeSelectorTerms;
    expect(terms).toEqual([
      {
        matchExpressions: [
          { key: 'image-compat.dev/cuda12.cuda12', operator: 'In', values: ['true'] },
          { key: 'kubernetes.io/os', operator: 'In', values: ['linux'] },
          { key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] },
        ],
      },
    ]);
  });

  it('exit 2 without --name, with --out-dir, or for a rule NFD would read differently', async () => {
    const noName = await runCli([
      'generate',
      '--spec',
      'examples/specs/gpu.yaml',
      '--output',
      'node-affinity',
    ]);
    expect(noName.code).toBe(2);
    expect(noName.stderr).toMatch(/needs the image's name for its labels \(--name\) \(e.g. --name app\)/);
    const outDir = await runCli([
      'generate',
      '--output',
      'node-feature-rule',
      '--name',
      'a',
      '--out-dir',
      dir,
    ]);
    expect(outDir.code).toBe(2);
    const bad = path.join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      'version: v1alpha1\ncompatibilities:\n  - rules:\n      - name: r\n        matchFeatures:\n          - feature: gpu.device\n            matchName: {op: In, value: [vendor]}\n',
    );
    const refused = await runCli(['generate', '--spec', bad, '--output', 'node-feature-rule', '--name', 'a']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/rule "r", feature gpu.device: matchName on our own features/);
    expect(refused.stdout).toBe('');
  });
});

describe('image-compat features --output nfd-local; validate on the cluster view', () => {
  it('writes unlabelled local features with an expiry', async () => {
    const r = await runCli([
      'features',
      '--host-root',
      path.resolve('test/fixtures/features/h100-server'),
      '--output',
      'nfd-local',
      '--expiry',
      '2h',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# \+expiry-time=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/m);
    const { features, labels } = parseNfdLocal(r.stdout);
    expect(labels).toEqual({});
    expect(features['image-compat.dev/gpu.device.0.vendor']).toBe('10de');
    const bad = await runCli(['features', '--output', 'json', '--expiry', '2h']);
    expect(bad.code).toBe(2);
  });

  it('validate --features reads gpu/rdma back from local.feature of NodeFeatures', async () => {
    const text = readFileSync('examples/hosts/cluster.json', 'utf8');
    const list = JSON.parse(text) as { items: Array<{ spec: { features: unknown } }> };
    const hosts = parseFeaturesDocument(text, 'cluster.json');
    list.items.forEach((item, i) => (item.spec.features = nfdView(hosts[i]!.features)));
    const file = path.join(dir, 'cluster-nfd.json');
    writeFileSync(file, JSON.stringify(list));
    const run = async (f: string) =>
      JSON.parse(
        (await runCli(['validate', '--spec', 'examples/specs/gpu.yaml', '--features', f, '--output', 'json']))
          .stdout,
      );
    const viaLocal = await run(file);
    const direct = await run('examples/hosts/cluster.json');
    const verdicts = (v: Array<{ node: string; compatible: boolean }>) =>
      v.map((h) => [h.node, h.compatible]);
    expect(verdicts(viaLocal)).toEqual(verdicts(direct));
    expect(verdicts(direct)).toContainEqual(['gpu-node-01', true]);
  });
});
