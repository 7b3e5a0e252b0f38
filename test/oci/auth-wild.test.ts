// Registry auth as users' registries do it, against real processes: docker-registry behind bearer
// tokens from the test token server (scoped, cached, anonymous for public repositories, identity
// tokens, a refused token replaced), credential helpers on PATH (credHelpers, credsStore), Podman's
// auth.json, --password-stdin through the CLI, and credentials kept from a redirect's other host.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { attach } from '../../src/commands/attach.js';
import { discover } from '../../src/commands/discover.js';
import { RegistryError } from '../../src/errors.js';
import { fetchNewestCompatibilitySpec, RegistrySession } from '../../src/oci/index.js';
import { runCli } from '../helpers/cli.js';
import { credHelperCalls, credHelperEnv, writeCredStore } from '../helpers/cred-helper/cred-helper.js';
import type { FaultyProxy } from '../helpers/faulty-proxy.js';
import { startFaultyProxy } from '../helpers/faulty-proxy.js';
import type { SecureRegistry } from '../helpers/secure-registry.js';
import { startSecureRegistry } from '../helpers/secure-registry.js';
import type { TestCa } from '../helpers/tls.js';
import { createTestCa } from '../helpers/tls.js';
import type { TokenServer } from '../helpers/token-server.js';
import { startTokenServer } from '../helpers/token-server.js';
import type { Scratch } from './wild-helpers.js';
import { bareEnv, pushImage, scratch, SPEC_TEXT } from './wild-helpers.js';

const SERVICE = 'image-compat-wild';
const ALICE = { username: 'alice', password: 'alice-secret-7f3' };

describe('docker-registry behind bearer tokens', () => {
  let ca: TestCa;
  let tokens: TokenServer;
  let registry: SecureRegistry;
  let s: Scratch;
  const plain = { plainHttp: true };
  // One session for the attaches of this file: what one learns (blobs seen in public/app) the next uses.
  const session = new RegistrySession();

  beforeAll(async () => {
    s = await scratch();
    ca = await createTestCa();
    const signer = await ca.issue('token-signer');
    tokens = await startTokenServer({
      service: SERVICE,
      signingKey: signer.key,
      signingCert: signer.cert,
      users: {
        alice: { password: ALICE.password },
        bob: { password: 'bob-secret', repositories: { 'team/app': ['pull'] } },
      },
      publicRepositories: ['public/app'],
    });
    registry = await startSecureRegistry({
      token: { realm: tokens.realm, service: SERVICE, issuer: tokens.issuer, rootCertBundle: ca.certPath },
    });
    await pushImage(`${registry.host}/team/app:v1`, { ...plain, credentials: ALICE, env: bareEnv(s) });
    await pushImage(`${registry.host}/public/app:v1`, { ...plain, credentials: ALICE, env: bareEnv(s) });
    await attach({
      image: `${registry.host}/public/app:v1`,
      specFile: s.spec,
      session,
      ...plain,
      credentials: ALICE,
      env: bareEnv(s),
    });
  });
  afterAll(async () => {
    await registry?.cleanup();
    await tokens?.stop();
    await ca?.cleanup();
    if (s) await rm(s.dir, { recursive: true, force: true });
  });

  it('asks for pull, then pull,push, once per scope, and reuses each token', async () => {
    tokens.requests.length = 0;
    const attached = await attach({
      image: `${registry.host}/team/app:v1`,
      specFile: s.spec,
      session,
      ...plain,
      credentials: ALICE,
      env: bareEnv(s),
    });
    expect(attached).toHaveLength(1);
    const scopes = tokens.requests.map((r) => r.scopes.join(' '));
    // The empty config and the spec were pushed to public/app earlier in this session: they are
    // mounted from there, which needs pull on public/app too.
    expect(scopes.sort()).toEqual([
      'repository:team/app:pull',
      'repository:team/app:pull,push',
      'repository:team/app:pull,push repository:public/app:pull',
    ]);
    expect(
      tokens.requests.every((r) => r.grant === 'basic' && r.account === 'alice' && r.status === 200),
    ).toBe(true);
  });

  it('retries a token service that fails for a moment', async () => {
    tokens.requests.length = 0;
    tokens.failNext(503, 2);
    const found = await discover({
      image: `${registry.host}/team/app:v1`,
      ...plain,
      credentials: ALICE,
      env: bareEnv(s),
    });
    expect(found.subject).toMatch(/team\/app@sha256:/);
    expect(tokens.requests.map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it('pulls a public repository with an anonymous token', async () => {
    tokens.requests.length = 0;
    const found = await discover({ image: `${registry.host}/public/app:v1`, ...plain, env: bareEnv(s) });
    expect(found.artifacts).toHaveLength(1);
    expect(tokens.requests.map((r) => [r.grant, r.scopes.join(' ')])).toEqual([
      ['anonymous', 'repository:public/app:pull'],
    ]);
  });

  it('refuses an anonymous pull of a private repository with a clear registry error', async () => {
    const err = await discover({ image: `${registry.host}/team/app:v1`, ...plain, env: bareEnv(s) }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(RegistryError);
    expect((err as Error).message).toMatch(/401 Unauthorized/);
    expect((err as Error).message).toMatch(/no credentials for 127\.0\.0\.1:\d+/);
  });

  it('names refused credentials without showing them', async () => {
    const err = await discover({
      image: `${registry.host}/team/app:v1`,
      ...plain,
      credentials: { username: 'alice', password: 'wrong-pass-91x' },
      env: bareEnv(s),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryError);
    expect((err as Error).message).toMatch(/token service .* refused the credentials/);
    expect((err as Error).message).not.toContain('wrong-pass-91x');
  });

  it('says a token lacks push when the user may only pull (insufficient_scope), writing nothing', async () => {
    const err = await attach({
      image: `${registry.host}/team/app:v1`,
      specFile: s.spec,
      ...plain,
      credentials: { username: 'bob', password: 'bob-secret' },
      env: bareEnv(s),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryError);
    expect((err as Error).message).toMatch(/401/);
    expect((err as Error).message).toMatch(/lacks repository:team\/app:(push,pull|pull,push)/);
  });

  it('exchanges an identity token (OAuth2 refresh grant) from config.json', async () => {
    const refresh = tokens.addRefreshToken('alice');
    const dir = path.join(s.dir, 'docker-identity');
    await mkdir(dir, { recursive: true });
    await writeFile(
      path.join(dir, 'config.json'),
      JSON.stringify({ auths: { [registry.host]: { auth: '', identitytoken: refresh } } }),
    );
    tokens.requests.length = 0;
    const found = await discover({
      image: `${registry.host}/team/app:v1`,
      ...plain,
      env: bareEnv(s, { DOCKER_CONFIG: dir }),
    });
    expect(found.artifacts.length).toBeGreaterThanOrEqual(1);
    expect(tokens.requests.map((r) => [r.method, r.grant, r.scopes.join(' ')])).toEqual([
      ['POST', 'refresh_token', 'repository:team/app:pull'],
    ]);
  });

  it('replaces a token the registry refuses (expired) with a new one', async () => {
    let served = 0;
    const expired = tokens.mint('alice', [{ type: 'repository', name: 'team/app', actions: ['pull'] }], {
      issuedAt: Math.floor(Date.now() / 1000) - 3600,
      expiresIn: 60,
    });
    // The first token answer is replaced by an expired token (as a clock-skewed token service would send).
    const fetchHook: typeof fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.startsWith(tokens.realm) && served++ === 0)
        return new Response(JSON.stringify({ token: expired, expires_in: 300 }), { status: 200 });
      return fetch(input, init);
    };
    tokens.requests.length = 0;
    const found = await discover({
      image: `${registry.host}/team/app:v1`,
      ...plain,
      credentials: ALICE,
      fetch: fetchHook,
      env: bareEnv(s),
    });
    expect(found.artifacts.length).toBeGreaterThanOrEqual(1);
    expect(served).toBe(2);
    expect(tokens.requests).toHaveLength(1);
  });

  it.each([
    ['credHelpers', (host: string) => ({ credHelpers: { [host]: 'test' } })],
    ['credsStore', () => ({ auths: {}, credsStore: 'test' })],
  ])('runs docker-credential-test for %s', async (_name, config) => {
    const dir = path.join(s.dir, `docker-${_name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'config.json'), JSON.stringify(config(registry.host)));
    const store = path.join(dir, 'store.json');
    const log = path.join(dir, 'calls.log');
    await writeCredStore(store, { [registry.host]: { Username: 'alice', Secret: ALICE.password } });
    tokens.requests.length = 0;
    const found = await discover({
      image: `${registry.host}/team/app:v1`,
      ...plain,
      env: credHelperEnv(store, log, bareEnv(s, { DOCKER_CONFIG: dir })),
    });
    expect(found.artifacts.length).toBeGreaterThanOrEqual(1);
    expect(await credHelperCalls(log)).toEqual([`get ${registry.host}`]);
    expect(tokens.requests.map((r) => r.account)).toEqual(['alice']);
  });

  it("reads Podman's auth.json (XDG_RUNTIME_DIR) and REGISTRY_AUTH_FILE", async () => {
    const runtime = path.join(s.dir, 'runtime');
    await mkdir(path.join(runtime, 'containers'), { recursive: true });
    const auth = Buffer.from(`alice:${ALICE.password}`).toString('base64');
    await writeFile(
      path.join(runtime, 'containers', 'auth.json'),
      JSON.stringify({ auths: { [registry.host]: { auth } } }),
    );
    const viaXdg = await discover({
      image: `${registry.host}/team/app:v1`,
      ...plain,
      env: bareEnv(s, { XDG_RUNTIME_DIR: runtime }),
    });
    expect(viaXdg.artifacts.length).toBeGreaterThanOrEqual(1);
    const viaFile = await discover({
      image: `${registry.host}/team/app:v1`,
      ...plain,
      env: bareEnv(s, { REGISTRY_AUTH_FILE: path.join(runtime, 'containers', 'auth.json') }),
    });
    expect(viaFile.artifacts.length).toBeGreaterThanOrEqual(1);
  });

  it('takes --username with --password-stdin, and never prints the password or a token', async () => {
    const image = `${registry.host}/team/app:v1`;
    const ok = await runCli(
      ['discover', '--image', image, '--plain-http', '--username', 'alice', '--password-stdin'],
      { input: `${ALICE.password}\n`, env: bareEnv(s, { IMAGE_COMPAT_DEBUG: '1' }) },
    );
    expect(ok.stderr).toMatch(/debug: GET http:\/\/127\.0\.0\.1:\d+\/v2\/team\/app\/manifests\/v1 -> 200/);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^DIGEST/);
    const bad = await runCli(
      ['discover', '--image', image, '--plain-http', '--username', 'alice', '--password-stdin'],
      { input: 'not-the-password-55\n', env: bareEnv(s, { IMAGE_COMPAT_DEBUG: '1' }) },
    );
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/refused the credentials/);
    for (const out of [ok.stdout, ok.stderr, bad.stdout, bad.stderr]) {
      expect(out).not.toContain(ALICE.password);
      expect(out).not.toContain('not-the-password-55');
      expect(out).not.toMatch(/Bearer |Basic |eyJ/);
    }
    const env = await runCli(['discover', '--image', image, '--plain-http'], {
      env: bareEnv(s, { IMAGE_COMPAT_USERNAME: 'alice', IMAGE_COMPAT_PASSWORD: ALICE.password }),
    });
    expect(env.code).toBe(0);
  });

  describe('redirects', () => {
    let front: FaultyProxy;
    let storage: FaultyProxy;
    afterAll(async () => {
      await front?.stop();
      await storage?.stop();
    });

    it('follows a blob redirect to another host without the Authorization header', async () => {
      front = await startFaultyProxy({ upstream: registry.url });
      // "Storage" on another origin answers the spec itself.
      storage = await startFaultyProxy({ upstream: registry.url });
      const specDigest = `sha256:${createHash('sha256').update(SPEC_TEXT).digest('hex')}`;
      storage.inject({
        method: 'GET',
        path: specDigest,
        fault: { type: 'status', status: 200, body: SPEC_TEXT },
      });
      front.inject({
        method: 'GET',
        path: `/blobs/${specDigest}`,
        fault: { type: 'redirect', to: storage.url },
      });
      const got = await fetchNewestCompatibilitySpec(`${front.host}/team/app:v1`, {
        ...plain,
        credentials: ALICE,
        env: bareEnv(s),
        platform: 'linux/amd64',
      });
      expect(got.specBytes.toString()).toBe(SPEC_TEXT);
      expect(front.requests.some((r) => r.status === 307 && r.authorization)).toBe(true);
      expect(storage.requests).toHaveLength(1);
      expect(storage.requests[0]?.authorization).toBe(false);
    });
  });
});
