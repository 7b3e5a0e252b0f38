// The select action: the bundle (dist/select.js) run as the runner runs it, against a real
// docker-registry holding an index with a generic and a CUDA build of linux/amd64 (the CUDA one
// with an artifact needing an NVIDIA device): output `image`, the job summary table, and the
// failures: none fits (exit 1, an error annotation), --require-signature with no trusted artifact
// (exit 4), a cluster snapshot (exit 2, naming the input).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { runAction } from '../helpers/action.js';
import { startRegistry, type TestRegistry } from '../helpers/registry.js';
import { attachTo, pushCandidates, specNeeding } from '../helpers/select-index.js';

const H100 = path.resolve('examples/hosts/h100-server.json');
const VM = path.resolve('examples/hosts/ci-vm.json');
const ARM = path.resolve('examples/hosts/arm-server.json');
const CLUSTER = path.resolve('examples/hosts/cluster.json');
const PUB = path.resolve('test/fixtures/sign/ec-pub.pem');

let reg: TestRegistry;
let image: string;
let repository: string;
let digests: string[];

beforeAll(async () => {
  reg = await startRegistry();
  const pushed = await pushCandidates(reg, 'sel/app', [
    { platform: 'linux/amd64', build: 'generic' },
    { platform: 'linux/amd64', build: 'cuda' },
  ]);
  await attachTo(pushed, pushed.manifests[1]!.digest, specNeeding('cuda', 10, { pciVendor: '10de' }));
  ({ image, repository } = pushed);
  digests = pushed.manifests.map((m) => m.digest);
});
afterAll(async () => {
  await reg?.stop();
});

const select = (inputs: Record<string, string>) =>
  runAction('select', { inputs: { image, 'plain-http': 'true', ...inputs } });

describe('select action', () => {
  it('outputs the chosen image and a summary table of every candidate', async () => {
    const r = await select({ features: H100 });
    expect(r.code).toBe(0);
    expect(r.outputs.image).toBe(`${repository}@${digests[1]}`);
    expect(r.summary).toContain('## image-compat select');
    expect(r.summary).toMatch(/\| ✅ \| 2 \| linux\/amd64 \|/);
    expect(r.summary).toMatch(/ranked below #2 linux\/amd64, whose requirements matched/);
    const vm = await select({ features: VM });
    expect(vm.outputs.image).toBe(`${repository}@${digests[0]}`);
  });

  it('fails with exit 1 and an error annotation when none fits', async () => {
    const r = await select({ features: ARM });
    expect(r.code).toBe(1);
    expect(r.outputs.image).toBe('');
    expect(r.commands.filter((c) => c.command === 'error').map((c) => c.message)).toEqual([
      `no candidate of ${image} fits this host`,
    ]);
  });

  it('exit 4 when require-signature finds no trusted artifact, naming the input', async () => {
    const r = await select({ features: H100, 'require-signature': 'true', 'public-key': PUB });
    expect(r.code).toBe(4);
    expect(r.commands.find((c) => c.command === 'error')?.message).toMatch(/input "require-signature"/);
  });

  it('exit 2 for a cluster snapshot, naming the input', async () => {
    const r = await select({ features: CLUSTER });
    expect(r.code).toBe(2);
    expect(r.commands.find((c) => c.command === 'error')?.message).toMatch(/input "features".*one host/);
  });
});
