// One credential rule across the actions that reach a registry (publish, validate, check), each
// bundle run as the runner runs it against a docker-registry behind htpasswd Basic auth:
// username + password, the Docker config docker/login-action writes, a password alone (an error
// naming the input), nothing (the registry's 401, exit 3), and a github-token that is for ghcr.io
// only. Messages name the inputs, never the CLI's flags.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runAction, type ActionRun } from '../helpers/action.js';
import { pushTestIndex, startRegistry, type TestRegistry } from '../helpers/registry.js';

const CONFIG = path.resolve('test/fixtures/commands/publish-config.yaml');
const H100 = path.resolve('test/fixtures/features/snapshots/h100-server.json');
const AUTH = { username: 'ci', password: 'htpasswd-secret-pw' };

const dir = mkdtempSync(path.join(tmpdir(), 'ic-action-credentials-'));
let reg: TestRegistry;
let image: string;
let n = 0;

/** A DOCKER_CONFIG folder: empty, or with the login docker/login-action writes for the registry. */
function dockerConfig(login: boolean): string {
  const folder = mkdtempSync(path.join(dir, 'docker-'));
  if (login) {
    const auth = Buffer.from(`${AUTH.username}:${AUTH.password}`).toString('base64');
    writeFileSync(path.join(folder, 'config.json'), JSON.stringify({ auths: { [reg.host]: { auth } } }));
  }
  return folder;
}

async function freshImage(): Promise<string> {
  const name = `creds/app${n++}`;
  await pushTestIndex(reg, name, 'v1', [
    { os: 'linux', architecture: 'amd64' },
    { os: 'linux', architecture: 'arm64' },
  ]);
  return `${reg.host}/${name}:v1`;
}

beforeAll(async () => {
  reg = await startRegistry({ auth: AUTH });
  image = await freshImage();
  // The image validate and check read: its specs attached (by the publish action, with a login).
  const published = await runAction('index', {
    inputs: { image, config: CONFIG, sign: 'none', 'plain-http': 'true', ...AUTH },
    env: { DOCKER_CONFIG: dockerConfig(false), IMAGE_COMPAT_SETTLE_MS: '20' },
  });
  expect(published.code).toBe(0);
}, 120_000);
afterAll(async () => {
  await reg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

type ActionName = 'publish' | 'validate' | 'check';
const ACTIONS: Record<ActionName, { entry: string; inputs: () => Promise<Record<string, string>> }> = {
  publish: {
    entry: 'index',
    inputs: async () => ({ image: await freshImage(), config: CONFIG, sign: 'none' }),
  },
  validate: {
    entry: 'validate',
    inputs: async () => ({ image, platform: 'linux/amd64', features: H100, 'fail-on-incompatible': 'false' }),
  },
  check: {
    entry: 'check',
    inputs: async () => ({ config: CONFIG, 'base-image': image, files: CONFIG }),
  },
};

async function run(name: ActionName, inputs: Record<string, string>, login = false): Promise<ActionRun> {
  return runAction(ACTIONS[name].entry, {
    inputs: { ...(await ACTIONS[name].inputs()), 'plain-http': 'true', ...inputs },
    env: { DOCKER_CONFIG: dockerConfig(login), IMAGE_COMPAT_SETTLE_MS: '20', GITHUB_ACTOR: 'octocat' },
    timeoutMs: 60_000,
  });
}

const errors = (r: ActionRun) => r.commands.filter((c) => c.command === 'error').map((c) => c.message);

describe.each(Object.keys(ACTIONS) as ActionName[])('%s action: the credential rule', (name) => {
  it('username and password log in; the password is masked and never printed', async () => {
    const r = await run(name, AUTH);
    expect(errors(r)).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.commands.filter((c) => c.command === 'add-mask').map((c) => c.message)).toContain(AUTH.password);
    expect(
      r.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
    ).not.toContain(AUTH.password);
  }, 60_000);

  it('the Docker config docker/login-action wrote logs in', async () => {
    const r = await run(name, {}, true);
    expect(errors(r)).toEqual([]);
    expect(r.code).toBe(0);
  }, 60_000);

  it('a password alone is bad input naming the inputs', async () => {
    const r = await run(name, { password: AUTH.password });
    expect(r.code).toBe(2);
    expect(errors(r).join('\n')).toMatch(/`password` is given without `username`/);
    expect(errors(r).join('\n')).not.toMatch(/--password-stdin|--username/);
  }, 60_000);

  it('a user name alone is bad input naming the inputs', async () => {
    const r = await run(name, { username: AUTH.username });
    expect(r.code).toBe(2);
    expect(errors(r).join('\n')).toMatch(/`username` ci needs `password`/);
  }, 60_000);

  it('no login: the registry refuses (exit 3); github-token is for ghcr.io, not this registry', async () => {
    const r = await run(name, { 'github-token': 'gh-token-not-for-this-registry' });
    expect(r.code).toBe(3);
    expect(errors(r).join('\n')).toMatch(/401/);
    expect(r.commands.filter((c) => c.command === 'add-mask').map((c) => c.message)).toContain(
      'gh-token-not-for-this-registry',
    );
    const printed = r.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::'));
    expect(printed.join('\n')).not.toContain('gh-token-not-for-this-registry');
  }, 60_000);

  it('the unexpanded github-token default counts as unset', async () => {
    const r = await run(name, { 'github-token': '${{ github.token }}' }, true);
    expect(errors(r)).toEqual([]);
    expect(r.code).toBe(0);
  }, 60_000);

  it.each([
    [{ retries: 'many' }, /`retries` must be a whole number/],
    [{ timeout: '0' }, /`timeout` must be a whole number from 1 to 86400/],
    [{ insecure: 'true' }, /`insecure` is for HTTPS registries; with `plain-http` there is no TLS/],
    [{ 'ca-file': path.join(dir, 'missing-ca.pem'), 'plain-http': 'false' }, /cannot read the CA file/],
  ])(
    'checks the registry inputs: %j',
    async (inputs, message) => {
      const r = await run(name, { ...AUTH, ...inputs });
      expect(r.code).toBe(2);
      expect(errors(r).join('\n')).toMatch(message);
      expect(errors(r).join('\n')).not.toMatch(/--[a-z]/);
    },
    60_000,
  );
});

describe('messages name inputs', () => {
  it('a TLS registry spoken to over HTTPS says `plain-http`, not --plain-http', async () => {
    const r = await run('validate', { ...AUTH, 'plain-http': 'false', retries: '0' });
    expect(r.code).toBe(3);
    expect(errors(r).join('\n')).toMatch(/use `plain-http`/);
    expect(errors(r).join('\n')).not.toMatch(/--plain-http/);
  }, 60_000);

  it('a compatibility set that selects nothing says `compatibility`, not --tags', async () => {
    const r = await run('validate', { ...AUTH, compatibility: 'cpu-fallbak' });
    expect(r.code).toBe(2);
    expect(errors(r).join('\n')).toMatch(/`compatibility` cpu-fallbak selects no compatibility set/);
    expect(errors(r).join('\n')).not.toMatch(/--tags/);
  }, 60_000);

  it('require-signature without a policy names the inputs', async () => {
    const r = await run('validate', { ...AUTH, 'require-signature': 'true' });
    expect(r.code).toBe(2);
    const message = errors(r).join('\n');
    expect(message).toMatch(
      /`require-signature` needs a policy: `public-key`, or `certificate-identity` \(or `certificate-identity-regexp`\) with `certificate-oidc-issuer` \[and `trusted-root`\]/,
    );
    expect(message).not.toMatch(/--[a-z]/);
  }, 60_000);
});
