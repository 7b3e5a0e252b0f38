// The one builder of registry options (CLI and every action): the credential rule in its order
// (explicit, then the auth files with their helpers, then the GitHub token for GitHub's registry
// only), half-given logins named, and the TLS, retry and timeout settings checked.
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { credentialRule, githubRegistries, registryOptions } from '../../src/commands/registry-options.js';
import { InputError } from '../../src/errors.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ic-registry-options-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An env whose Docker config (and nothing else) is `config`, or absent. */
function envWith(config?: unknown, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const home = mkdtempSync(path.join(dir, 'home-'));
  if (config !== undefined) writeFileSync(path.join(home, 'config.json'), JSON.stringify(config));
  return { HOME: home, DOCKER_CONFIG: home, PATH: process.env.PATH, ...extra };
}
const basic = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString('base64');
const fromFile = { auths: { 'ghcr.io': { auth: basic('file-user', 'file-pw') } } };

describe('the credential rule', () => {
  it('explicit username and password come first', async () => {
    const source = credentialRule({ username: 'u', password: 'p', githubToken: 't' }, envWith(fromFile));
    expect(await source('ghcr.io')).toEqual({ username: 'u', password: 'p' });
  });

  it('then the Docker config, when it has the host', async () => {
    const source = credentialRule({ githubToken: 't' }, envWith(fromFile, { GITHUB_ACTOR: 'octocat' }));
    expect(await source('ghcr.io')).toEqual({ username: 'file-user', password: 'file-pw' });
  });

  it('then the GitHub token, for ghcr.io only, as the actor', async () => {
    const env = envWith({ auths: { 'other.io': { auth: basic('o', 'p') } } }, { GITHUB_ACTOR: 'octocat' });
    const source = credentialRule({ githubToken: 'gh-token' }, env);
    expect(await source('ghcr.io')).toEqual({ username: 'octocat', password: 'gh-token' });
    expect(await source('GHCR.IO')).toEqual({ username: 'octocat', password: 'gh-token' });
    expect(await source('docker.io')).toBeUndefined();
    expect(await source('registry.example.com')).toBeUndefined();
    expect(await source('other.io')).toEqual({ username: 'o', password: 'p' });
  });

  it("a GitHub Enterprise Server's registry is containers.HOST", () => {
    expect(githubRegistries({ GITHUB_SERVER_URL: 'https://github.com' })).toEqual(['ghcr.io']);
    expect(githubRegistries({ GITHUB_SERVER_URL: 'https://ghes.example.com' })).toEqual([
      'ghcr.io',
      'containers.ghes.example.com',
    ]);
    expect(githubRegistries({})).toEqual(['ghcr.io']);
  });

  it('without a token, nothing for ghcr.io (anonymous)', async () => {
    expect(await credentialRule({}, envWith())('ghcr.io')).toBeUndefined();
  });

  it.each([
    [{ password: 'p' }, /`password` is given without `username`/],
    [{ username: 'u' }, /`username` u needs `password`/],
  ])('a half-given login is an error naming the setting: %j', (settings, message) => {
    expect(() => credentialRule(settings, envWith())).toThrow(InputError);
    expect(() => credentialRule(settings, envWith())).toThrow(message);
  });
});

describe('registryOptions', () => {
  it('sets retries, timeout and the credential source', async () => {
    const o = await registryOptions({ plainHttp: true, retries: '0', timeout: '5' }, { env: envWith() });
    expect(o.plainHttp).toBe(true);
    expect(o.timeoutMs).toBe(5000);
    expect(o.retry).toBeDefined();
    expect(typeof o.credentialSource).toBe('function');
  });

  it('gives the HTTP path its TLS settings for ca-file and insecure', async () => {
    const o = await registryOptions({ insecure: true }, { env: envWith() });
    expect(o.tls?.rejectUnauthorized).toBe(false);
    expect(o.tls?.ca?.length).toBeGreaterThan(0);
    // The client's own HTTP path (node:https), not a fetch of undici's.
    expect(o.fetch).toBeUndefined();
    expect(o.dispatcher).toBeUndefined();
  });

  it.each([
    [{ retries: '-1' }, /`retries` must be a whole number from 0 to 100, got "-1"/],
    [{ retries: 'many' }, /`retries` must be a whole number/],
    [{ timeout: '0' }, /`timeout` must be a whole number from 1 to 86400, got "0"/],
    [{ insecure: true, plainHttp: true }, /`insecure` is for HTTPS registries; with `plain-http`/],
    [{ caFile: '/nonexistent/ca.pem' }, /cannot read the CA file/],
  ])('rejects %j', async (settings, message) => {
    await expect(registryOptions(settings, { env: envWith() })).rejects.toThrow(message);
  });

  it('logs requests only with IMAGE_COMPAT_DEBUG', async () => {
    expect((await registryOptions({}, { env: envWith() })).debug).toBeUndefined();
    const lines: string[] = [];
    const o = await registryOptions(
      {},
      { env: envWith(undefined, { IMAGE_COMPAT_DEBUG: '1' }), log: (l) => lines.push(l) },
    );
    o.debug!('GET x');
    expect(lines).toEqual(['GET x']);
  });
});
