// The token server speaks the Docker token protocol: GET with Basic or anonymous, OAuth2 POST with
// password and refresh_token grants, ES256 JWTs with x5c, and a record of every request.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { X509Certificate, verify } from 'node:crypto';
import { Agent, fetch } from 'undici';
import type { TestCa } from '../helpers/tls.js';
import { createTestCa } from '../helpers/tls.js';
import type { TokenServer } from '../helpers/token-server.js';
import { parseScope, startTokenServer } from '../helpers/token-server.js';
import { getToken } from './raw-registry.js';

const SERVICE = 'svc.test';

function decode(token: string): {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  input: string;
  sig: Buffer;
} {
  const [h, c, s] = token.split('.');
  return {
    header: JSON.parse(Buffer.from(h ?? '', 'base64url').toString()) as Record<string, unknown>,
    claims: JSON.parse(Buffer.from(c ?? '', 'base64url').toString()) as Record<string, unknown>,
    input: `${h}.${c}`,
    sig: Buffer.from(s ?? '', 'base64url'),
  };
}

async function post(
  realm: string,
  form: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(realm, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('token server', () => {
  let ca: TestCa;
  let server: TokenServer;

  beforeAll(async () => {
    ca = await createTestCa();
    const signer = await ca.issue('signer');
    server = await startTokenServer({
      service: SERVICE,
      signingKey: signer.key,
      signingCert: signer.cert,
      users: { dave: { password: 'pw', repositories: { 'a/b': ['pull', 'push'], '*': ['pull'] } } },
      publicRepositories: ['pub'],
      expiresIn: 120,
    });
  });
  afterAll(async () => {
    await server?.stop();
    await ca?.cleanup();
  });

  it('issues ES256 JWTs with x5c chained to the CA and the Docker claims', async () => {
    const before = Math.floor(Date.now() / 1000);
    const res = await getToken(
      server.realm,
      SERVICE,
      ['repository:a/b:pull,push', 'repository:c:pull,push'],
      {
        user: 'dave',
        password: 'pw',
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.access_token).toBe(res.token);
    expect(res.body.expires_in).toBe(120);
    expect(typeof res.body.issued_at).toBe('string');
    expect(res.body.refresh_token).toBeUndefined();
    const { header, claims, input, sig } = decode(res.token ?? '');
    expect(header).toMatchObject({ typ: 'JWT', alg: 'ES256' });
    const x5c = header.x5c as string[];
    const leaf = new X509Certificate(Buffer.from(x5c[0] ?? '', 'base64'));
    expect(leaf.verify(new X509Certificate(ca.cert).publicKey)).toBe(true);
    expect(
      verify('sha256', Buffer.from(input), { key: leaf.publicKey, dsaEncoding: 'ieee-p1363' }, sig),
    ).toBe(true);
    expect(claims).toMatchObject({ iss: server.issuer, sub: 'dave', aud: SERVICE });
    expect(claims.exp).toBe((claims.iat as number) + 120);
    expect(claims.iat as number).toBeGreaterThanOrEqual(before);
    expect(claims.nbf as number).toBeLessThanOrEqual(claims.iat as number);
    expect(typeof claims.jti).toBe('string');
    expect(claims.access).toEqual([
      { type: 'repository', name: 'a/b', actions: ['pull', 'push'] },
      { type: 'repository', name: 'c', actions: ['pull'] },
    ]);
    expect(server.requests.at(-1)).toMatchObject({
      method: 'GET',
      grant: 'basic',
      account: 'dave',
      service: SERVICE,
      scopes: ['repository:a/b:pull,push', 'repository:c:pull,push'],
      status: 200,
    });
  });

  it('answers 401 for a wrong password and records no secret', async () => {
    const res = await getToken(server.realm, SERVICE, ['repository:a/b:pull'], {
      user: 'dave',
      password: 'bad',
    });
    expect(res.status).toBe(401);
    expect(JSON.stringify(server.requests)).not.toContain('bad');
    expect(server.requests.at(-1)).toMatchObject({ status: 401, account: 'dave', granted: [] });
  });

  it('gives a refresh token for offline_token=true and for grant_type=password with access_type=offline', async () => {
    const url = `${server.realm}?service=${SERVICE}&scope=repository:a/b:pull&offline_token=true&client_id=test`;
    const res = await fetch(url, {
      headers: { authorization: `Basic ${Buffer.from('dave:pw').toString('base64')}` },
    });
    const body = (await res.json()) as Record<string, unknown>;
    expect(typeof body.refresh_token).toBe('string');
    expect(server.requests.at(-1)).toMatchObject({ offline: true, clientId: 'test' });

    const pw = await post(server.realm, {
      grant_type: 'password',
      username: 'dave',
      password: 'pw',
      service: SERVICE,
      scope: 'repository:a/b:pull repository:pub:pull',
      client_id: 'test',
      access_type: 'offline',
    });
    expect(pw.status).toBe(200);
    expect(typeof pw.body.refresh_token).toBe('string');
    expect(server.requests.at(-1)?.scopes).toEqual(['repository:a/b:pull', 'repository:pub:pull']);

    const refreshed = await post(server.realm, {
      grant_type: 'refresh_token',
      refresh_token: pw.body.refresh_token as string,
      service: SERVICE,
      scope: 'repository:a/b:push',
      client_id: 'test',
    });
    expect(refreshed.status).toBe(200);
    expect(decode(refreshed.body.access_token as string).claims).toMatchObject({
      sub: 'dave',
      access: [{ name: 'a/b', actions: ['push'] }],
    });
  });

  it('accepts identity tokens added by the test and refuses unknown ones', async () => {
    const identity = server.addRefreshToken('dave', 'identity-token-1');
    const ok = await post(server.realm, {
      grant_type: 'refresh_token',
      refresh_token: identity,
      service: SERVICE,
      scope: 'repository:x:pull',
    });
    expect(ok.status).toBe(200);
    const bad = await post(server.realm, {
      grant_type: 'refresh_token',
      refresh_token: 'nope',
      service: SERVICE,
    });
    expect(bad).toEqual({ status: 401, body: expect.objectContaining({ error: 'invalid_grant' }) });
    const wrongPw = await post(server.realm, {
      grant_type: 'password',
      username: 'dave',
      password: 'x',
      service: SERVICE,
    });
    expect(wrongPw.status).toBe(401);
    const unknownGrant = await post(server.realm, { grant_type: 'client_credentials' });
    expect(unknownGrant.status).toBe(400);
  });

  it('grants anonymous pull on public repositories only', async () => {
    const res = await getToken(server.realm, SERVICE, ['repository:pub:pull,push', 'repository:a/b:pull']);
    expect(res.status).toBe(200);
    expect(decode(res.token ?? '').claims).toMatchObject({
      sub: '',
      access: [{ name: 'pub', actions: ['pull'] }],
    });
  });

  it('fails the next requests when told to', async () => {
    server.failNext(503, 2);
    const scopes = ['repository:pub:pull'];
    expect((await getToken(server.realm, SERVICE, scopes)).status).toBe(503);
    expect((await getToken(server.realm, SERVICE, scopes)).status).toBe(503);
    expect((await getToken(server.realm, SERVICE, scopes)).status).toBe(200);
  });

  it.each([
    ['repository:a/b:pull,push', { type: 'repository', name: 'a/b', actions: ['pull', 'push'] }],
    ['repository:127.0.0.1:5000/x:pull', { type: 'repository', name: '127.0.0.1:5000/x', actions: ['pull'] }],
    ['registry:catalog:*', { type: 'registry', name: 'catalog', actions: ['*'] }],
    ['nonsense', undefined],
  ])('parses scope %s', (scope, expected) => {
    expect(parseScope(scope)).toEqual(expected);
  });

  it('serves https when given a certificate', async () => {
    const signer = await ca.issue('signer-tls');
    const secure = await startTokenServer({
      service: SERVICE,
      signingKey: signer.key,
      signingCert: signer.cert,
      publicRepositories: ['pub'],
      tls: { cert: ca.server.cert, key: ca.server.key },
    });
    const agent = new Agent({ connect: { ca: ca.cert } });
    try {
      expect(secure.realm).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/token$/);
      const res = await fetch(`${secure.realm}?service=${SERVICE}&scope=repository:pub:pull`, {
        dispatcher: agent,
      });
      expect(res.status).toBe(200);
    } finally {
      await agent.close();
      await secure.stop();
    }
  });
});
