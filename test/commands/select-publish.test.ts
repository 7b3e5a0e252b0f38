// Publishing an index for selection, against both registries: two linux/amd64 builds (generic and
// CUDA, told apart by an annotation of the index descriptor) and a linux/arm64 one.
// `attach --config` gives each manifest the sets that target it; `plan --image` makes one entry
// per (set, manifest) with the `manifest` digest; validate with that `manifest` reads that
// manifest's artifact (and refuses a digest the index lacks); `select` then picks per host.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { attach } from '../../src/commands/attach.js';
import { plan } from '../../src/commands/plan.js';
import { select } from '../../src/commands/select.js';
import { runValidation } from '../../src/commands/validate-run.js';
import { InputError, RegistryError } from '../../src/errors.js';
import { startReferrersRegistry } from '../helpers/referrers-registry.js';
import { startRegistry, type TestRegistry } from '../helpers/registry.js';
import { pushCandidates } from '../helpers/select-index.js';

const CONFIG = path.resolve('examples/config/select-cuda.yaml');
const H100 = path.resolve('examples/hosts/h100-server.json');
const VM = path.resolve('examples/hosts/ci-vm.json');
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

describe.each([
  ['docker-registry (fallback index)', () => reg as { url: string; host: string }],
  ['referrers API', () => api as { url: string; host: string }],
])('%s', (_name, registry) => {
  it('attach --config, plan --image, validate by manifest, select', async () => {
    const pushed = await pushCandidates(registry(), `publish${++n}`, [
      { platform: 'linux/amd64', build: 'generic', annotations: { 'org.example.flavor': 'generic' } },
      { platform: 'linux/amd64', build: 'cuda', annotations: { 'org.example.flavor': 'cuda' } },
      { platform: 'linux/arm64' },
    ]);
    const [generic, cuda, arm] = pushed.manifests.map((m) => m.digest);
    const attached = await attach({ image: pushed.image, configFile: CONFIG, plainHttp: true, settleMs: 0 });
    const tagsOn = Object.fromEntries(
      attached.map((a) => [a.subjectDescriptor.digest, a.spec.compatibilities.map((c) => c.tag)]),
    );
    expect(tagsOn).toEqual({ [generic!]: ['generic'], [cuda!]: ['cuda'], [arm!]: ['generic'] });

    const entries = await plan({ config: CONFIG, image: pushed.image, plainHttp: true });
    expect(entries.map((e) => [e.id, e.manifest])).toEqual([
      ['generic-linux-amd64', generic],
      ['generic-linux-arm64', arm],
      ['cuda-linux-amd64', cuda],
    ]);

    // Each (set, manifest) job validates its manifest's artifact.
    const job = (manifest: string, compatibility: string, features: string) =>
      runValidation(
        {
          image: pushed.image,
          manifest,
          platform: 'linux/amd64',
          compatibility,
          features,
          policy: {},
          requireSignature: false,
          plainHttp: true,
          oneHost: ['report'],
        },
        quiet,
      );
    const onGpu = await job(cuda!, 'cuda', H100);
    expect(onGpu.report).toMatchObject({ compatible: true, platform: 'linux/amd64', compatibility: 'cuda' });
    expect(onGpu.report!.artifact).toBe(
      attached.find((a) => a.subjectDescriptor.digest === cuda)!.artifactDescriptor.digest,
    );
    expect((await job(generic!, 'generic', VM)).report!.compatible).toBe(true);
    // The generic manifest's artifact has no cuda set.
    await expect(job(generic!, 'cuda', H100)).rejects.toThrow(/selects no compatibility set/);
    await expect(job('sha256:' + 'f'.repeat(64), 'cuda', H100)).rejects.toThrow(RegistryError);
    await expect(job('latest', 'cuda', H100)).rejects.toThrow(InputError);
    await expect(job(arm!, 'generic', H100)).rejects.toThrow(/is for linux\/arm64, not/);

    const h100 = await select(
      { image: pushed.image, features: H100, policy: {}, requireSignature: false, plainHttp: true },
      quiet,
    );
    expect(h100.hosts[0]!.chosen).toBe(`${pushed.repository}@${cuda}`);
    const vm = await select(
      { image: pushed.image, features: VM, policy: {}, requireSignature: false, plainHttp: true },
      quiet,
    );
    expect(vm.hosts[0]!.chosen).toBe(`${pushed.repository}@${generic}`);
  });
});
