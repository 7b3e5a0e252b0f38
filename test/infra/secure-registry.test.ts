// docker-registry behind bearer tokens (our token server), and behind htpasswd + TLS (our test CA):
// checks that the test infrastructure behaves as real registries do, with raw HTTP.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Agent } from 'undici';
import type { SecureRegistry } from '../helpers/secure-registry.js';
import { startSecureRegistry } from '../helpers/secure-registry.js';
import type { TestCa } from '../helpers/tls.js';
import { createTestCa } from '../helpers/tls.js';
import type { TokenServer } from '../helpers/token-server.js';
import { startTokenServer } from '../helpers/token-server.js';
import { OCI_MANIFEST, getToken, pushBlob, pushImage, req, sha256 } from './raw-registry.js';

const SERVICE = 'image-compat-registry';
// docker-registry 2.8 answers 404 MANIFEST_UNKNOWN for an OCI manifest asked for without this.
const ACCEPT = { accept: OCI_MANIFEST };
const bearer = (token: string | undefined): string => `Bearer ${token ?? ''}`;

describe('docker-registry with bearer tokens', () => {
  let ca: TestCa;
  let tokens: TokenServer;
  let registry: SecureRegistry;

  beforeAll(async () => {
    ca = await createTestCa();
    const signer = await ca.issue('token-signer');
    tokens = await startTokenServer({
      service: SERVICE,
      signingKey: signer.key,
      signingCert: signer.cert,
      users: {
        alice: { password: 'alice-secret' },
        bob: { password: 'bob-secret', repositories: { 'team/app': ['pull'] } },
      },
      publicRepositories: ['public/app'],
    });
    registry = await startSecureRegistry({
      token: { realm: tokens.realm, service: SERVICE, issuer: tokens.issuer, rootCertBundle: ca.certPath },
    });
  });
  afterAll(async () => {
    await registry?.cleanup();
    await tokens?.stop();
    await ca?.cleanup();
  });

  it('challenges with Bearer realm, service and the scope of the request', async () => {
    const ping = await req({ base: registry.url }, '/v2/');
    expect(ping.status).toBe(401);
    expect(ping.headers.get('www-authenticate')).toBe(`Bearer realm="${tokens.realm}",service="${SERVICE}"`);
    const pull = await req({ base: registry.url }, '/v2/team/app/manifests/v1');
    expect(pull.status).toBe(401);
    expect(pull.headers.get('www-authenticate')).toBe(
      `Bearer realm="${tokens.realm}",service="${SERVICE}",scope="repository:team/app:pull"`,
    );
    const push = await req({ base: registry.url }, '/v2/team/app/blobs/uploads/', { method: 'POST' });
    // distribution lists a scope's actions in Go map order: pull,push or push,pull.
    expect(push.headers.get('www-authenticate')).toMatch(
      /scope="repository:team\/app:(pull,push|push,pull)"/,
    );
  });

  it('accepts a pull,push token for pushing and pulling a blob and a manifest', async () => {
    const { token } = await getToken(tokens.realm, SERVICE, ['repository:team/app:pull,push'], {
      user: 'alice',
      password: 'alice-secret',
    });
    const t = { base: registry.url, auth: bearer(token) };
    const blob = await pushBlob(t, 'team/app', 'hello blob');
    expect(blob.status).toBe(201);
    const image = await pushImage(t, 'team/app', 'v1');
    expect(image.status).toBe(201);
    const manifest = await req(t, '/v2/team/app/manifests/v1', { headers: ACCEPT });
    expect(manifest.status).toBe(200);
    expect(manifest.headers.get('docker-content-digest')).toBe(image.digest);
    const got = await req(t, `/v2/team/app/blobs/${blob.digest}`);
    expect(got.status).toBe(200);
    expect(sha256(Buffer.from(await got.arrayBuffer()))).toBe(blob.digest);
  });

  it('refuses a pull-only token for a push, with error="insufficient_scope"', async () => {
    const res = await getToken(tokens.realm, SERVICE, ['repository:team/app:pull,push'], {
      user: 'bob',
      password: 'bob-secret',
    });
    expect(res.status).toBe(200);
    expect(tokens.requests.at(-1)?.granted).toEqual([
      { type: 'repository', name: 'team/app', actions: ['pull'] },
    ]);
    const t = { base: registry.url, auth: bearer(res.token) };
    expect((await req(t, '/v2/team/app/manifests/v1', { headers: ACCEPT })).status).toBe(200);
    const push = await req(t, '/v2/team/app/blobs/uploads/', { method: 'POST' });
    expect(push.status).toBe(401);
    expect(push.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
  });

  it('lets anonymous callers pull public repositories only', async () => {
    const alice = await getToken(tokens.realm, SERVICE, ['repository:public/app:pull,push'], {
      user: 'alice',
      password: 'alice-secret',
    });
    expect(
      (await pushImage({ base: registry.url, auth: bearer(alice.token) }, 'public/app', 'v1')).status,
    ).toBe(201);

    const anonPublic = await getToken(tokens.realm, SERVICE, ['repository:public/app:pull,push']);
    expect(anonPublic.status).toBe(200);
    expect(tokens.requests.at(-1)).toMatchObject({
      grant: 'anonymous',
      granted: [{ name: 'public/app', actions: ['pull'] }],
    });
    const pub = { base: registry.url, auth: bearer(anonPublic.token) };
    expect((await req(pub, '/v2/public/app/manifests/v1', { headers: ACCEPT })).status).toBe(200);
    expect((await req(pub, '/v2/public/app/blobs/uploads/', { method: 'POST' })).status).toBe(401);

    const anonPrivate = await getToken(tokens.realm, SERVICE, ['repository:team/app:pull']);
    expect(anonPrivate.status).toBe(200);
    expect(tokens.requests.at(-1)?.granted).toEqual([]);
    expect(
      (await req({ base: registry.url, auth: bearer(anonPrivate.token) }, '/v2/team/app/manifests/v1'))
        .status,
    ).toBe(401);
  });

  it('refuses expired tokens and tokens for another repository', async () => {
    const expired = tokens.mint('alice', [{ type: 'repository', name: 'team/app', actions: ['pull'] }], {
      issuedAt: Math.floor(Date.now() / 1000) - 3600,
      expiresIn: 60,
    });
    const res = await req({ base: registry.url, auth: bearer(expired) }, '/v2/team/app/manifests/v1');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
    const other = tokens.mint('alice', [{ type: 'repository', name: 'other/app', actions: ['pull'] }]);
    expect((await req({ base: registry.url, auth: bearer(other) }, '/v2/team/app/manifests/v1')).status).toBe(
      401,
    );
  });
});

describe('docker-registry with htpasswd and TLS', () => {
  let ca: TestCa;
  let registry: SecureRegistry;
  let trusted: Agent;
  const basic = `Basic ${Buffer.from('carol:carol-secret').toString('base64')}`;

  beforeAll(async () => {
    ca = await createTestCa();
    registry = await startSecureRegistry({
      htpasswd: { carol: 'carol-secret' },
      tls: { certPath: ca.server.certPath, keyPath: ca.server.keyPath },
    });
    trusted = new Agent({ connect: { ca: ca.cert } });
  });
  afterAll(async () => {
    await trusted?.close();
    await registry?.cleanup();
    await ca?.cleanup();
  });

  it('serves https with the test CA and challenges with Basic', async () => {
    expect(registry.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const ping = await req({ base: registry.url, dispatcher: trusted }, '/v2/');
    expect(ping.status).toBe(401);
    expect(ping.headers.get('www-authenticate')).toBe('Basic realm="image-compat-test"');
    const authed = { base: registry.url, dispatcher: trusted, auth: basic };
    expect((await req(authed, '/v2/')).status).toBe(200);
    expect((await pushImage(authed, 'tls/app', 'v1')).status).toBe(201);
    const wrong = `Basic ${Buffer.from('carol:nope').toString('base64')}`;
    expect((await req({ ...authed, auth: wrong }, '/v2/')).status).toBe(401);
  });

  it('fails verification without the CA', async () => {
    const err = await req({ base: registry.url }, '/v2/').then(
      () => undefined,
      (e: unknown) => e as Error & { cause?: { code?: string } },
    );
    expect(err).toBeDefined();
    expect(err?.cause?.code).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY|CERT/);
  });

  it('answers on localhost too (the certificate names it)', async () => {
    const res = await req(
      { base: registry.url.replace('127.0.0.1', 'localhost'), dispatcher: trusted },
      '/v2/',
    );
    expect(res.status).toBe(401);
  });
});

describe('docker-registry with token auth over TLS, https realm', () => {
  it('works end to end with the CA trusted, and not without it', async () => {
    const ca = await createTestCa();
    const signer = await ca.issue('token-signer');
    const tokens = await startTokenServer({
      service: SERVICE,
      signingKey: signer.key,
      signingCert: signer.cert,
      users: { alice: { password: 'pw' } },
      tls: { cert: ca.server.cert, key: ca.server.key },
    });
    const registry = await startSecureRegistry({
      token: { realm: tokens.realm, service: SERVICE, issuer: tokens.issuer, rootCertBundle: ca.certPath },
      tls: { certPath: ca.server.certPath, keyPath: ca.server.keyPath },
    });
    const agent = new Agent({ connect: { ca: ca.cert } });
    try {
      const ping = await req({ base: registry.url, dispatcher: agent }, '/v2/');
      expect(ping.headers.get('www-authenticate')).toContain(`realm="${tokens.realm}"`);
      expect(tokens.realm).toMatch(/^https:/);
      const url = new URL(tokens.realm);
      url.searchParams.set('service', SERVICE);
      url.searchParams.set('scope', 'repository:secure/app:pull,push');
      const basic = { authorization: `Basic ${Buffer.from('alice:pw').toString('base64')}` };
      const res = await req({ base: '', dispatcher: agent }, url.toString(), { headers: basic });
      const { token } = (await res.json()) as { token: string };
      const image = await pushImage(
        { base: registry.url, dispatcher: agent, auth: bearer(token) },
        'secure/app',
        'v1',
      );
      expect(image.status).toBe(201);
      expect(
        await req({ base: '' }, url.toString(), { headers: basic }).then(
          () => 'ok',
          () => 'refused',
        ),
      ).toBe('refused');
    } finally {
      await agent.close();
      await registry.cleanup();
      await tokens.stop();
      await ca.cleanup();
    }
  });
});
