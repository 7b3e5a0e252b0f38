// The actions on a pull request through the GitHub API, as the runner runs them (dist/check.js,
// dist/report.js): a depth-1 checkout (the base commit is absent, so git alone could not diff),
// GITHUB_API_URL pointing at a stand-in API that lists the change's files and serves the config at
// the base commit, and the pull-request comment that is created once and then updated in place.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runAction, type ActionRun } from '../helpers/action.js';
import { startFakeGitHubApi, type FakeGitHubApi } from '../helpers/github-api.js';
import { config, FLEET, fixtureRepo, fleetDir, pullRequestEvent, type FixtureRepo } from '../check/repo.js';

const CONFIG = '.github/image-compat.yaml';
const MARKER = `<!-- image-compat: check ${CONFIG} -->`;
const fleet = fleetDir();
const cleanup: Array<() => void> = [() => rmSync(fleet, { recursive: true, force: true })];
let api: FakeGitHubApi;

beforeAll(async () => {
  api = await startFakeGitHubApi('acme', 'app');
});
afterAll(async () => {
  await api.close();
  for (const c of cleanup) c();
});

/** The change as a repository, and a depth-1 clone of its head: what actions/checkout leaves. */
function shallowCheckout(head: Record<string, string | null>): { repo: FixtureRepo; dir: string } {
  const repo = fixtureRepo({ [CONFIG]: config('base') }, head);
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'ic-shallow-')), 'app');
  execFileSync('git', ['clone', '-q', '--depth', '1', '--branch', 'change', `file://${repo.dir}`, dir]);
  cleanup.push(repo.remove, () => rmSync(path.dirname(dir), { recursive: true, force: true }));
  expect(() =>
    execFileSync('git', ['cat-file', '-e', `${repo.base}^{commit}`], { cwd: dir, stdio: 'ignore' }),
  ).toThrow();
  api.contents.set(repo.base, new Map([[CONFIG, config('base')]]));
  return { repo, dir };
}

function runCheck(
  dir: string,
  eventName: string,
  event: unknown,
  inputs: Record<string, string>,
): Promise<ActionRun> {
  return runAction('check', {
    workspace: dir,
    event,
    inputs: { config: CONFIG, fleet, 'github-token': 'ghs_test', ...inputs },
    env: { GITHUB_EVENT_NAME: eventName, GITHUB_REPOSITORY: 'acme/app', GITHUB_API_URL: api.url },
  });
}

describe('check action through the GitHub API', () => {
  it('a pull request from a depth-1 checkout: comments once, then updates the same comment', async () => {
    const { repo, dir } = shallowCheckout({ [CONFIG]: config('driver-535') });
    api.pullFiles.set(7, [{ filename: CONFIG, status: 'modified' }]);
    const first = await runCheck(dir, 'pull_request', pullRequestEvent(repo), {
      'comment-summary-in-pr': 'always',
    });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.outputs.changes!)).toEqual([
      expect.objectContaining({ set: 'gpu', key: 'driver_version', change: 'tightened' }),
    ]);
    expect(JSON.parse(first.outputs['excluded-hosts']!)).toEqual([FLEET.a100_525]);
    expect(api.comments.get(7)).toHaveLength(1);
    const [comment] = api.comments.get(7)!;
    expect(comment!.body.startsWith(MARKER)).toBe(true);
    expect(comment!.body).toContain('🔒 tightened');
    expect(comment!.body).toContain('**Newly excluded:** `a100-focal`');
    expect(first.outputs['comment-content']).toBe(comment!.body);
    expect(first.stdout).toContain(`pull request #7: comment created (${comment!.id})`);

    const second = await runCheck(dir, 'pull_request', pullRequestEvent(repo), {
      'comment-summary-in-pr': 'always',
    });
    expect(second.code).toBe(0);
    expect(api.comments.get(7)).toHaveLength(1);
    expect(second.stdout).toContain(`pull request #7: comment updated (${comment!.id})`);
    expect(
      api.requests.filter((r) => r.path.startsWith('/repos/acme/app')).every((r) => r.authenticated),
    ).toBe(true);
    expect(
      api.requests.some((r) => decodeURIComponent(r.path) === `/repos/acme/app/contents/${CONFIG}`),
    ).toBe(true);
  });

  it('on-failure: no comment while passing; a failure comments; a later pass updates it', async () => {
    const { repo, dir } = shallowCheckout({ [CONFIG]: config('driver-535') });
    const event = {
      ...(pullRequestEvent(repo) as object),
      number: 8,
      pull_request: { ...(pullRequestEvent(repo) as { pull_request: object }).pull_request, number: 8 },
    };
    api.pullFiles.set(8, [{ filename: CONFIG, status: 'modified' }]);
    const passing = await runCheck(dir, 'pull_request', event, {});
    expect(passing.code).toBe(0);
    expect(api.comments.get(8) ?? []).toHaveLength(0);
    expect(passing.stdout).toContain('no comment: the check passed');
    expect(passing.outputs['comment-content']).toContain(MARKER);

    const failing = await runCheck(dir, 'pull_request', event, { 'fail-on-exclusion': 'true' });
    expect(failing.code).toBe(1);
    expect(api.comments.get(8)).toHaveLength(1);

    const again = await runCheck(dir, 'pull_request', event, {});
    expect(again.code).toBe(0);
    expect(api.comments.get(8)).toHaveLength(1);
    expect(again.stdout).toContain('comment updated');
  });

  it('a token that may not comment (403) is a warning, not a failure', async () => {
    const { repo, dir } = shallowCheckout({ [CONFIG]: config('driver-535') });
    const event = {
      number: 9,
      pull_request: { ...(pullRequestEvent(repo) as { pull_request: object }).pull_request, number: 9 },
    };
    api.pullFiles.set(9, [{ filename: CONFIG, status: 'modified' }]);
    api.refuseCommentWrites = 403;
    try {
      const run = await runCheck(dir, 'pull_request', event, { 'comment-summary-in-pr': 'always' });
      expect(run.code).toBe(0);
      const warning = run.commands.find((c) => c.command === 'warning');
      expect(warning?.message).toMatch(/may not comment on pull request #9 \(403\).*pull-requests: write/);
      expect(api.comments.get(9) ?? []).toHaveLength(0);
    } finally {
      api.refuseCommentWrites = undefined;
    }
  });

  it('merge_group: base and head from the payload, files from the comparison', async () => {
    const { repo, dir } = shallowCheckout({ [CONFIG]: config('driver-535') });
    api.compareFiles.set(`${repo.base}...${repo.head}`, [{ filename: CONFIG, status: 'modified' }]);
    const run = await runCheck(
      dir,
      'merge_group',
      {
        merge_group: {
          base_sha: repo.base,
          head_sha: repo.head,
          head_ref: 'refs/heads/gh-readonly-queue/main/pr-7',
        },
      },
      {},
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.outputs.changes!)).toEqual([expect.objectContaining({ change: 'tightened' })]);
    expect(api.requests.some((r) => r.path === `/repos/acme/app/compare/${repo.base}...${repo.head}`)).toBe(
      true,
    );
  });

  it('push: before and after from the payload; a push that created the branch compares with nothing', async () => {
    const { repo, dir } = shallowCheckout({ [CONFIG]: config('driver-535') });
    api.compareFiles.set(`${repo.base}...${repo.head}`, [{ filename: CONFIG, status: 'modified' }]);
    const run = await runCheck(dir, 'push', { before: repo.base, after: repo.head }, {});
    expect(run.code).toBe(0);
    expect(JSON.parse(run.outputs.changes!)).toEqual([expect.objectContaining({ change: 'tightened' })]);

    api.compareFiles.set(repo.head, [{ filename: CONFIG, status: 'added' }]);
    const created = await runCheck(dir, 'push', { before: '0'.repeat(40), after: repo.head }, {});
    expect(created.code).toBe(0);
    expect(JSON.parse(created.outputs.changes!).every((c: { change: string }) => c.change === 'added')).toBe(
      true,
    );
    expect(created.stdout).toContain('every requirement is new');
  });

  it('without a token, git alone: a depth-1 checkout says to fetch the history', async () => {
    const { repo, dir } = shallowCheckout({ [CONFIG]: config('driver-535') });
    const run = await runCheck(dir, 'pull_request', pullRequestEvent(repo), { 'github-token': '' });
    expect(run.code).toBe(2);
    expect(run.commands.find((c) => c.command === 'error')?.message).toMatch(/fetch-depth: 0/);
  });
});

describe('report action on a pull request', () => {
  const matrix = path.resolve('test/fixtures/report/matrix');
  const event = {
    number: 21,
    pull_request: { number: 21, base: { sha: 'a'.repeat(40) }, head: { sha: 'b'.repeat(40) } },
  };
  const runReport = (inputs: Record<string, string>) =>
    runAction('report', {
      event,
      inputs: { path: matrix, 'github-token': 'ghs_test', 'fail-on-incompatible': 'false', ...inputs },
      env: { GITHUB_EVENT_NAME: 'pull_request', GITHUB_REPOSITORY: 'acme/app', GITHUB_API_URL: api.url },
    });

  it('comments the matrix verdict on failure, and updates the same comment', async () => {
    const first = await runReport({});
    expect(first.code).toBe(0);
    expect(first.outputs.compatible).toBe('false');
    const comments = api.comments.get(21)!;
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body.startsWith('<!-- image-compat: report -->\n')).toBe(true);
    expect(comments[0]!.body).toContain('**❌ Not compatible**');
    expect(first.outputs['comment-content']).toBe(comments[0]!.body);
    const second = await runReport({ require: 'any-per-set' });
    expect(second.outputs.compatible).toBe('true');
    expect(api.comments.get(21)).toHaveLength(1);
    expect(api.comments.get(21)![0]!.body).toContain('**✅ Compatible**');
  });

  it('never: no API call at all', async () => {
    const before = api.requests.length;
    const run = await runReport({ 'comment-summary-in-pr': 'never' });
    expect(run.code).toBe(0);
    expect(api.requests.length).toBe(before);
  });
});
