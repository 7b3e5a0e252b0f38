// The check action as the runner runs it (dist/check.js): a git repository workspace with a base
// and a head commit, a pull_request event payload, inputs as INPUT_* variables; outputs, job
// summary, annotations (10 per level; the rest in the summary) and the exit code.
import { afterAll, describe, expect, it } from '@jest/globals';
import { rmSync } from 'node:fs';
import { runAction } from '../helpers/action.js';
import { config, FLEET, fixtureRepo, fleetDir, pullRequestEvent, type FixtureRepo } from './repo.js';

const CONFIG = '.github/image-compat.yaml';
const fleet = fleetDir();
const repos: FixtureRepo[] = [];
afterAll(() => {
  for (const r of repos) r.remove();
  rmSync(fleet, { recursive: true, force: true });
});

/** A spec with `n` rules that can never match (each a lint warning on its own line). */
function specWithWarnings(n: number): string {
  const rules = Array.from(
    { length: n },
    (_, i) =>
      `      - name: r${i}\n        matchFeatures:\n          - feature: cpu.model\n            matchExpressions:\n              vendor_id: {op: In, value: [GenuineIntel]}\n`,
  );
  return `version: v1alpha1\ncompatibilities:\n  - tag: intel\n    rules:\n${rules.join('')}`;
}

function prRepo(head: Record<string, string | null>): FixtureRepo {
  const r = fixtureRepo({ [CONFIG]: config('base') }, head);
  r.git('checkout', '-q', r.head);
  repos.push(r);
  return r;
}

describe('check action', () => {
  it('on a pull request: outputs, summary tables and lint annotations', async () => {
    const repo = prRepo({ [CONFIG]: config('driver-535'), 'specs/intel.yaml': specWithWarnings(1) });
    const run = await runAction('check', {
      workspace: repo.dir,
      event: pullRequestEvent(repo),
      inputs: { config: CONFIG, fleet, 'fail-on-exclusion': 'false', 'plain-http': 'false' },
      env: { GITHUB_EVENT_NAME: 'pull_request' },
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.outputs['excluded-hosts']!)).toEqual([FLEET.a100_525]);
    expect(JSON.parse(run.outputs['admitted-hosts']!)).toEqual([]);
    expect(JSON.parse(run.outputs.changes!)).toEqual([
      expect.objectContaining({
        platform: 'linux/amd64',
        set: 'gpu',
        key: 'driver_version',
        change: 'tightened',
      }),
    ]);
    expect(run.summary).toContain('### Requirement changes (1)');
    expect(run.summary).toContain('🔒 tightened');
    expect(run.summary).toContain('**Newly excluded:** `a100-focal`');
    const warnings = run.commands.filter((c) => c.command === 'warning');
    expect(warnings).toEqual([
      expect.objectContaining({
        properties: expect.objectContaining({ file: 'specs/intel.yaml', line: '9', col: expect.any(String) }),
        message: expect.stringContaining('did you mean Intel?'),
      }),
    ]);
  });

  it('fails the step (1) with fail-on-exclusion when a host is newly excluded', async () => {
    const repo = prRepo({ [CONFIG]: config('module') });
    const run = await runAction('check', {
      workspace: repo.dir,
      event: pullRequestEvent(repo),
      inputs: { fleet, 'fail-on-exclusion': 'true' },
    });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.outputs['excluded-hosts']!).sort()).toEqual(
      [FLEET.a100_525, FLEET.l40s_535].sort(),
    );
    expect(run.commands.find((c) => c.command === 'error')?.message).toMatch(/newly excluded: .*a100-focal/);
  });

  it('more than 10 warnings: 10 annotations, the rest in the summary', async () => {
    const repo = prRepo({ [CONFIG]: config('driver-535'), 'specs/intel.yaml': specWithWarnings(13) });
    const run = await runAction('check', { workspace: repo.dir, event: pullRequestEvent(repo), inputs: {} });
    expect(run.code).toBe(0);
    expect(run.commands.filter((c) => c.command === 'warning')).toHaveLength(10);
    expect(run.summary).toContain('### More annotations (3 beyond the 10 per level GitHub shows)');
    expect(run.summary).toContain('specs/intel.yaml:69');
  });

  it('a config with errors fails the step (2) with an annotation at the line', async () => {
    const repo = prRepo({ [CONFIG]: config('broken') });
    const run = await runAction('check', {
      workspace: repo.dir,
      event: pullRequestEvent(repo),
      inputs: { fleet },
    });
    expect(run.code).toBe(2);
    expect(run.commands).toContainEqual(
      expect.objectContaining({
        command: 'error',
        properties: expect.objectContaining({ file: CONFIG, line: '8', col: '35' }),
        message: expect.stringContaining('unknown field "modulez"'),
      }),
    );
    expect(run.outputs['excluded-hosts']).toBe('[]');
  });

  it('bad input: two baselines', async () => {
    const repo = prRepo({ [CONFIG]: config('driver-535') });
    const run = await runAction('check', {
      workspace: repo.dir,
      inputs: { 'base-ref': 'main', 'base-config': 'x.yaml' },
    });
    expect(run.code).toBe(2);
    expect(run.commands[0]?.message).toMatch(/at most one of base-ref, base-config and base-image/);
  });
});
