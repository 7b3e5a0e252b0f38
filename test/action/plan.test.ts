// The plan action: run(inputs) and the summary in process, then the bundle (dist/plan.js, `npm run
// bundle` first) as the runner runs it: the `matrix` output, the summary table, bad input.
import { describe, expect, it } from '@jest/globals';
import { planMarkdown, run } from '../../src/action/run/plan.js';
import { loadConfig } from '../../src/config/load.js';
import { planMatrix } from '../../src/config/plan.js';
import { runAction } from '../helpers/action.js';
import { startRegistry } from '../helpers/registry.js';
import { pushCandidates } from '../helpers/select-index.js';

const CONFIG = 'test/fixtures/commands/publish-config.yaml';

describe('plan run(inputs)', () => {
  it('is the plan command’s matrix', async () => {
    const entries = await run({ config: CONFIG, registry: {} });
    expect(entries).toEqual(planMatrix((await loadConfig(CONFIG)).config));
    expect(entries.map((e) => [e.id, e.name])).toEqual([
      ['amd64-gpu-linux-amd64', 'amd64-gpu'],
      ['vfio-linux-amd64', 'vfio'],
      ['vfio-linux-arm64', 'vfio'],
      ['wide-linux-amd64', 'wide'],
      ['wide-linux-arm64', 'wide'],
    ]);
  });

  it('renders a summary table', async () => {
    const md = planMarkdown(await run({ config: CONFIG, registry: {} }), CONFIG);
    expect(md).toContain('5 validation jobs from `test/fixtures/commands/publish-config.yaml`.');
    expect(md).toContain(
      '| `amd64-gpu-linux-amd64` | amd64-gpu | linux/amd64 | 0 | `self-hosted`, `linux`, `gpu` |',
    );
  });
});

describe('plan action bundle (dist/plan.js)', () => {
  it('with image: one entry per set and manifest, each with its manifest digest', async () => {
    const reg = await startRegistry();
    try {
      const pushed = await pushCandidates(reg, 'plan/app', [
        { platform: 'linux/amd64', build: 'generic', annotations: { 'org.example.flavor': 'generic' } },
        { platform: 'linux/amd64', build: 'cuda', annotations: { 'org.example.flavor': 'cuda' } },
        { platform: 'linux/arm64' },
      ]);
      const r = await runAction('plan', {
        inputs: { config: 'examples/config/select-cuda.yaml', image: pushed.image, 'plain-http': 'true' },
      });
      expect(r.code).toBe(0);
      const matrix = JSON.parse(r.outputs.matrix!) as Array<{ id: string; manifest: string }>;
      expect(matrix.map((e) => [e.id, e.manifest])).toEqual([
        ['generic-linux-amd64', pushed.manifests[0]!.digest],
        ['generic-linux-arm64', pushed.manifests[2]!.digest],
        ['cuda-linux-amd64', pushed.manifests[1]!.digest],
      ]);
      expect(r.summary).toContain(`linux/amd64 \`${pushed.manifests[1]!.digest.slice(0, 19)}…\``);
    } finally {
      await reg.stop();
    }
  });

  it('outputs the matrix for strategy.matrix.include and a summary', async () => {
    const r = await runAction('plan', { inputs: { config: CONFIG } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const matrix = JSON.parse(r.outputs.matrix!) as Array<Record<string, unknown>>;
    expect(matrix).toHaveLength(5);
    expect(matrix[0]).toEqual({
      id: 'amd64-gpu-linux-amd64',
      name: 'amd64-gpu',
      platform: 'linux/amd64',
      weight: 0,
      'runs-on': ['self-hosted', 'linux', 'gpu'],
    });
    expect(r.summary).toContain('## image-compat plan');
    expect(r.summary).toContain(
      '| `vfio-linux-arm64` | vfio | linux/arm64 | 0 | `self-hosted`, `linux`, `ARM64` |',
    );
  });

  it('fails with exit 2 and an annotation at the line of a config error', async () => {
    const r = await runAction('plan', { inputs: { config: 'test/fixtures/commands/attach-invalid.yaml' } });
    expect(r.code).toBe(2);
    expect(r.outputs.matrix).toBeUndefined();
    const [error] = r.commands.filter((c) => c.command === 'error');
    expect(error?.properties).toMatchObject({
      file: 'test/fixtures/commands/attach-invalid.yaml',
      line: '5',
    });
  });

  it('fails with exit 2 on a missing config', async () => {
    const r = await runAction('plan', { inputs: { config: 'no/such.yaml' } });
    expect(r.code).toBe(2);
    expect(r.commands.find((c) => c.command === 'error')?.message).toMatch(
      /no\/such.yaml: cannot read: no such file/,
    );
  });
});
