// `select` in process against real registries: docker-registry (no referrers API: the fallback tag
// index) and go-containerregistry's (referrers API). amd64 against amd64/v3 on hosts of x86-64
// levels v2 and v3; a generic and a CUDA build of linux/amd64 on the H100 and CI VM fixtures
// (weights); artifacts only on the index; none fitting; a cluster snapshot with a node whose
// architecture cannot be told; --require-signature with no trusted artifact.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { select, selectExitCode } from '../../src/commands/select.js';
import type { SelectOptions } from '../../src/commands/select.js';
import { ExitCode } from '../../src/errors.js';
import { servedCounts } from '../../src/report/select.js';
import { startReferrersRegistry } from '../helpers/referrers-registry.js';
import { startRegistry, type TestRegistry } from '../helpers/registry.js';
import {
  attachTo,
  attachToIndex,
  pushCandidates,
  specNeeding,
  withoutCpuFlags,
} from '../helpers/select-index.js';

const H100 = path.resolve('examples/hosts/h100-server.json'); // amd64, x86-64-v4, NVIDIA H100
const VM = path.resolve('examples/hosts/ci-vm.json'); // amd64, x86-64-v3, no GPU
const ARM = path.resolve('examples/hosts/arm-server.json');
const CLUSTER = path.resolve('examples/hosts/cluster.json'); // gpu-node-01, arm-node-01, ci-runner-vm
const V2 = withoutCpuFlags(VM, ['X86_64_V3', 'AVX2', 'BMI2', 'FMA3']);
const quiet = { note: () => {}, warn: () => {} };

let reg: TestRegistry;
let api: Awaited<ReturnType<typeof startReferrersRegistry>>;
let n = 0;

beforeAll(async () => {
  [reg, api] = await Promise.all([startRegistry(), startReferrersRegistry()]);
});
afterAll(async () => {
  await Promise.all([reg?.stop(), api?.stop()]);
});

const opts = (image: string, features: string, more: Partial<SelectOptions> = {}): SelectOptions => ({
  image,
  features,
  policy: {},
  requireSignature: false,
  plainHttp: true,
  ...more,
});

describe.each([
  ['docker-registry (fallback index)', () => reg as { url: string; host: string }],
  ['referrers API', () => api as { url: string; host: string }],
])('%s', (_name, registry) => {
  it('amd64 against amd64/v3: the v3 build on a v3 host, the baseline on a v2 host', async () => {
    const pushed = await pushCandidates(registry(), `levels${++n}`, [
      { platform: 'linux/amd64' },
      { platform: 'linux/amd64/v3' },
      { platform: 'linux/arm64' },
    ]);
    const [base, v3] = pushed.manifests;
    // Without artifacts the first that runs wins (the image spec's first match).
    let got = await select(opts(pushed.image, VM), quiet);
    expect(got.hosts[0]!.chosen).toBe(`${pushed.repository}@${base!.digest}`);
    expect(got.hosts[0]!.ranking[1]!.reason).toMatch(/comes first in the index/);
    expect(got.hosts[0]!.ranking[2]!.reason).toMatch(/cannot run here: host is linux\/amd64/);
    // The v3 build states its requirement: it matches on v3, and ranks above the artifact-less baseline.
    await attachTo(pushed, v3!.digest, specNeeding('avx2', 0, { cpuFlag: 'AVX2' }));
    got = await select(opts(pushed.image, VM), quiet);
    expect(got.hosts[0]!.chosen).toBe(`${pushed.repository}@${v3!.digest}`);
    expect(got.hosts[0]!.ranking[0]!.reason).toMatch(/no compatibility artifact: ranked below #2/);
    expect(got.candidates[1]!.artifact).toMatchObject({ attachedTo: 'manifest' });
    expect(selectExitCode(got)).toBe(ExitCode.ok);
    // A v2 host cannot run the v3 build: the baseline.
    got = await select(opts(pushed.image, V2), quiet);
    expect(got.hosts[0]!.platform).toBe('linux/amd64 (x86-64-v2)');
    expect(got.hosts[0]!.chosen).toBe(`${pushed.repository}@${base!.digest}`);
    expect(got.hosts[0]!.ranking[1]!.reason).toMatch(/below x86-64-v3/);
  });

  it('a generic and a CUDA build of linux/amd64: the CUDA one on the H100, the generic one on the VM', async () => {
    const pushed = await pushCandidates(registry(), `gpu${++n}`, [
      { platform: 'linux/amd64', build: 'generic', annotations: { 'com.example.flavor': 'generic' } },
      { platform: 'linux/amd64', build: 'cuda', annotations: { 'com.example.flavor': 'cuda' } },
    ]);
    const [generic, cuda] = pushed.manifests;
    await attachTo(pushed, generic!.digest, specNeeding('cpu', 1, { cpuFlag: 'SSE2' }));
    await attachTo(pushed, cuda!.digest, specNeeding('cuda', 10, { pciVendor: '10de' }));
    const h100 = await select(opts(pushed.image, H100), quiet);
    expect(h100.hosts[0]!.chosen).toBe(`${pushed.repository}@${cuda!.digest}`);
    expect(h100.hosts[0]!.ranking[0]!.reason).toMatch(/higher weight \(10 > 1\)/);
    expect(h100.candidates[1]!.annotations).toEqual({ 'com.example.flavor': 'cuda' });
    const vm = await select(opts(pushed.image, VM), quiet);
    expect(vm.hosts[0]!.chosen).toBe(`${pushed.repository}@${generic!.digest}`);
    expect(vm.hosts[0]!.ranking[1]!.reason).toMatch(
      /not compatible: no set matches: cuda \(rule cuda-needs\)/,
    );
  });

  it('artifacts only on the index: every candidate reads the index artifact', async () => {
    const pushed = await pushCandidates(registry(), `onindex${++n}`, [
      { platform: 'linux/arm64' },
      { platform: 'linux/amd64' },
    ]);
    await attachToIndex(pushed, specNeeding('gpu', 5, { pciVendor: '10de' }));
    const h100 = await select(opts(pushed.image, H100), quiet);
    expect(h100.hosts[0]!.chosen).toBe(`${pushed.repository}@${pushed.manifests[1]!.digest}`);
    expect(h100.candidates.map((c) => c.artifact?.attachedTo)).toEqual(['index', 'index']);
    expect(h100.hosts[0]!.ranking[1]!.reason).toMatch(/set gpu matches, weight 5/);
    // The VM runs amd64, but the index's requirement does not match: none fits (exit 1).
    const vm = await select(opts(pushed.image, VM), quiet);
    expect(vm.hosts[0]!.chosen).toBeNull();
    expect(vm.hosts[0]!.noFit).toBe('none');
    expect(selectExitCode(vm)).toBe(ExitCode.incompatible);
  });

  it('none fitting: no candidate runs on the host (exit 1)', async () => {
    const pushed = await pushCandidates(registry(), `nofit${++n}`, [{ platform: 'linux/amd64/v3' }]);
    const got = await select(opts(pushed.image, ARM), quiet);
    expect(got.hosts[0]!.chosen).toBeNull();
    expect(got.hosts[0]!.ranking[0]).toMatchObject({ eligible: false, reason: /cannot run here/ });
    expect(selectExitCode(got)).toBe(ExitCode.incompatible);
  });

  it('a cluster snapshot: each node its candidate, counts per candidate', async () => {
    const pushed = await pushCandidates(registry(), `cluster${++n}`, [
      { platform: 'linux/amd64', build: 'generic' },
      { platform: 'linux/amd64', build: 'cuda' },
      { platform: 'linux/arm64' },
    ]);
    const [generic, cuda, arm] = pushed.manifests;
    await attachTo(pushed, cuda!.digest, specNeeding('cuda', 10, { pciVendor: '10de' }));
    const got = await select(opts(pushed.image, CLUSTER), quiet);
    expect(got.cluster).toBe(true);
    expect(Object.fromEntries(got.hosts.map((h) => [h.node, h.chosen]))).toEqual({
      'gpu-node-01': `${pushed.repository}@${cuda!.digest}`,
      'arm-node-01': `${pushed.repository}@${arm!.digest}`,
      'ci-runner-vm': `${pushed.repository}@${generic!.digest}`,
    });
    expect(servedCounts(got)).toEqual([1, 1, 1]);
    expect(selectExitCode(got)).toBe(ExitCode.ok);
  });
});

describe('nodes whose architecture cannot be told', () => {
  it('uses kubernetes.io/arch where the List has it, else cpu flags; names the rest (exit 2)', async () => {
    const pushed = await pushCandidates(reg, `arch${++n}`, [
      { platform: 'linux/amd64' },
      { platform: 'linux/arm64' },
    ]);
    const list = JSON.parse(readFileSync(CLUSTER, 'utf8')) as {
      items: Array<{
        metadata: { name: string; labels?: Record<string, string> };
        spec: { features: { flags: Record<string, unknown> } };
      }>;
    };
    // arm-node-01 loses its cpu flags: a label tells its arch. ci-runner-vm loses them too, unlabelled.
    for (const item of list.items) {
      if (item.metadata.name === 'gpu-node-01') continue;
      delete item.spec.features.flags['cpu.cpuid'];
      if (item.metadata.name === 'arm-node-01')
        item.metadata.labels = { ...item.metadata.labels, 'kubernetes.io/arch': 'arm64' };
    }
    const file = withoutCpuFlags(H100, []).replace(/\.json$/, '-list.json');
    writeFileSync(file, JSON.stringify(list));
    const got = await select(opts(pushed.image, file), quiet);
    const byNode = Object.fromEntries(got.hosts.map((h) => [h.node, h]));
    expect(byNode['arm-node-01']!.chosen).toBe(`${pushed.repository}@${pushed.manifests[1]!.digest}`);
    expect(byNode['gpu-node-01']!.chosen).toBe(`${pushed.repository}@${pushed.manifests[0]!.digest}`);
    expect(byNode['ci-runner-vm']).toMatchObject({ chosen: null, noFit: 'unknown-platform', platform: null });
    expect(selectExitCode(got)).toBe(ExitCode.input);
  });
});

describe('--require-signature', () => {
  it('refuses candidates without a trusted artifact (exit 4)', async () => {
    const pushed = await pushCandidates(reg, `sig${++n}`, [{ platform: 'linux/amd64' }]);
    await attachTo(pushed, pushed.manifests[0]!.digest, specNeeding('cpu', 0, { cpuFlag: 'SSE2' }));
    const key = path.resolve('test/fixtures/sign/ec-pub.pem');
    const got = await select(opts(pushed.image, VM, { requireSignature: true, policy: { key } }), quiet);
    expect(got.hosts[0]!.chosen).toBeNull();
    expect(got.candidates[0]!.refused).toMatchObject({ cause: 'signature' });
    expect(got.hosts[0]!.ranking[0]!.reason).toMatch(/not trusted: .*unsigned/);
    expect(selectExitCode(got)).toBe(ExitCode.signature);
  });
});
