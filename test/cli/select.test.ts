// `image-compat select` as users run it (dist/cli.js) against a real docker-registry: stdout is
// exactly one line `<registry>/<repository>@<digest>` (no tag), the table goes to stderr,
// `--output json` is `{chosen, candidates}`, a cluster prints `node<TAB>ref` per node with the
// counts on stderr, and the exit codes: 1 none fits, 2 bad input or a node whose arch cannot be
// told, 3 registry, 4 --require-signature with no trusted artifact.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runCli } from '../helpers/cli.js';
import { startRegistry, type TestRegistry } from '../helpers/registry.js';
import { attachTo, pushCandidates, specNeeding, withoutCpuFlags } from '../helpers/select-index.js';

const H100 = path.resolve('examples/hosts/h100-server.json');
const VM = path.resolve('examples/hosts/ci-vm.json');
const ARM = path.resolve('examples/hosts/arm-server.json');
const CLUSTER = path.resolve('examples/hosts/cluster.json');

let reg: TestRegistry;
let image: string;
let repository: string;
let digests: string[];

beforeAll(async () => {
  reg = await startRegistry();
  const pushed = await pushCandidates(reg, 'app', [
    { platform: 'linux/amd64', build: 'generic' },
    { platform: 'linux/amd64', build: 'cuda' },
    { platform: 'linux/arm64' },
  ]);
  await attachTo(pushed, pushed.manifests[1]!.digest, specNeeding('cuda', 10, { pciVendor: '10de' }));
  ({ image, repository } = pushed);
  digests = pushed.manifests.map((m) => m.digest);
});
afterAll(async () => {
  await reg?.stop();
});

const run = (...args: string[]) => runCli(['select', '--plain-http', '--image', image, ...args]);

describe('image-compat select', () => {
  it('prints exactly the chosen reference on stdout and the table on stderr', async () => {
    const got = await run('--features', H100);
    expect(got.code).toBe(0);
    expect(got.stdout).toBe(`${repository}@${digests[1]}\n`);
    expect(got.stdout).not.toContain(':v1');
    expect(got.stderr).toMatch(/→ │ 2 +│ linux\/amd64/);
    expect(got.stderr).toMatch(/chosen: set cuda matches, weight 10/);
    expect(got.stderr).toMatch(/has no compatibility artifact: ranked below #2/);
    const vm = await run('--features', VM);
    expect(vm.stdout).toBe(`${repository}@${digests[0]}\n`);
  });

  it('--output json: {chosen, candidates}', async () => {
    const got = await run('--features', H100, '--output', 'json');
    expect(got.code).toBe(0);
    const json = JSON.parse(got.stdout) as {
      chosen: string;
      candidates: Array<{ digest: string; chosen: boolean; eligible: boolean; reason: string }>;
    };
    expect(json.chosen).toBe(`${repository}@${digests[1]}`);
    expect(json.candidates.map((c) => [c.digest, c.chosen, c.eligible])).toEqual([
      [digests[0], false, true],
      [digests[1], true, true],
      [digests[2], false, false],
    ]);
  });

  it('a cluster: node<TAB>ref per node, counts on stderr', async () => {
    const got = await run('--features', CLUSTER);
    expect(got.code).toBe(0);
    expect(got.stdout.trimEnd().split('\n').sort()).toEqual(
      [
        `arm-node-01\t${repository}@${digests[2]}`,
        `ci-runner-vm\t${repository}@${digests[0]}`,
        `gpu-node-01\t${repository}@${digests[1]}`,
      ].sort(),
    );
    expect(got.stderr).toMatch(/3 nodes/);
    expect(got.stderr).toMatch(/NODES/);
  });

  it('names the nodes whose architecture cannot be told (exit 2), still printing the others', async () => {
    const list = JSON.parse(readFileSync(CLUSTER, 'utf8')) as {
      items: Array<{ metadata: { name: string }; spec: { features: { flags: Record<string, unknown> } } }>;
    };
    delete list.items.find((i) => i.metadata.name === 'ci-runner-vm')!.spec.features.flags['cpu.cpuid'];
    const file = withoutCpuFlags(VM, []).replace(/\.json$/, '-list.json');
    writeFileSync(file, JSON.stringify(list));
    const got = await run('--features', file);
    expect(got.code).toBe(2);
    expect(got.stdout).toContain(`gpu-node-01\t${repository}@${digests[1]}`);
    expect(got.stdout).not.toContain('ci-runner-vm');
    expect(got.stderr).toMatch(/cannot tell the architecture of ci-runner-vm/);
  });

  it('exit 1 when none fits, with nothing on stdout', async () => {
    const only = await pushCandidates(reg, 'v3only', [{ platform: 'linux/amd64/v3' }]);
    const got = await runCli(['select', '--plain-http', '--image', only.image, '--features', ARM]);
    expect(got.code).toBe(1);
    expect(got.stdout).toBe('');
    expect(got.stderr).toMatch(/cannot run here/);
    expect(got.stderr).toMatch(/no candidate of .* fits 1 host/);
  });

  it('exit 4 when --require-signature finds no trusted artifact', async () => {
    const key = path.resolve('test/fixtures/sign/ec-pub.pem');
    const got = await run('--features', H100, '--require-signature', '--key', key);
    expect(got.code).toBe(4);
    expect(got.stdout).toBe('');
    expect(got.stderr).toMatch(/--require-signature: no trusted compatibility artifact/);
  });

  it('exit 2 for bad input, 3 for a registry error', async () => {
    expect((await run('--features', H100, '--require-signature')).code).toBe(2);
    const both = await run('--features', H100, '--host-root', '/');
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/give --features or --host-root, not both/);
    const missing = await runCli([
      'select',
      '--plain-http',
      '--image',
      `${reg.host}/nothing:here`,
      '--features',
      H100,
    ]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/not found/);
  });
});
