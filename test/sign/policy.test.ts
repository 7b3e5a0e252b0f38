// Policy flags, trusted-root parsing, instance selection and the GitHub OIDC token request.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { InputError } from '../../src/errors.js';
import {
  githubActionsIdentityProvider,
  keylessInstanceFor,
  repositoryVisibility,
} from '../../src/sign/sign.js';
import { parseTrustedRoot, policyFromFlags } from '../../src/sign/verify.js';
import type { PolicyFlags } from '../../src/sign/verify.js';

const ROOT = JSON.stringify({
  mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
  tlogs: [],
  certificateAuthorities: [],
  ctlogs: [],
  timestampAuthorities: [],
});
const PUB = readFileSync(resolve('test/fixtures/sign/ec-pub.pem'), 'utf8');
const ISSUER = 'https://token.actions.githubusercontent.com';

describe('policyFromFlags', () => {
  it('is undefined without policy flags', () => {
    expect(policyFromFlags({})).toBeUndefined();
  });
  it('builds a key policy', () => {
    expect(policyFromFlags({ key: PUB })?.kind).toBe('key');
  });
  it('builds an identity policy', () => {
    expect(
      policyFromFlags({
        certificateIdentityRegexp: '^https://github.com/o/',
        certificateOidcIssuer: ISSUER,
        trustedRoot: ROOT,
      }),
    ).toMatchObject({
      kind: 'identity',
      certificateIdentityRegexp: '^https://github.com/o/',
      certificateOidcIssuer: ISSUER,
    });
  });
  it.each<[string, PolicyFlags, RegExp]>([
    ['key and identity', { key: PUB, certificateIdentity: 'x' }, /cannot be combined/],
    [
      'both identity flags',
      {
        certificateIdentity: 'a',
        certificateIdentityRegexp: 'b',
        certificateOidcIssuer: ISSUER,
        trustedRoot: ROOT,
      },
      /not both/,
    ],
    [
      'issuer only',
      { certificateOidcIssuer: ISSUER, trustedRoot: ROOT },
      /`certificate-identity` or `certificate-identity-regexp` is required/,
    ],
    ['no issuer', { certificateIdentity: 'a', trustedRoot: ROOT }, /`certificate-oidc-issuer` is required/],
    [
      'no trusted root',
      { certificateIdentity: 'a', certificateOidcIssuer: ISSUER },
      /`trusted-root` is required/,
    ],
    [
      'bad RE2 (backreference)',
      { certificateIdentityRegexp: '(a)\\1', certificateOidcIssuer: ISSUER, trustedRoot: ROOT },
      /`certificate-identity-regexp`/,
    ],
    ['not a public key', { key: 'garbage' }, /cannot read the public key/],
  ])('rejects %s', (_name, flags, message) => {
    expect(() => policyFromFlags(flags)).toThrow(InputError);
    expect(() => policyFromFlags(flags)).toThrow(message);
  });
});

describe('parseTrustedRoot', () => {
  it.each([
    ['{', /root\.json: not JSON/],
    ['{"mediaType":"application/json"}', /root\.json: mediaType: not a Sigstore trusted root/],
  ])('rejects %s', (text, message) => {
    expect(() => parseTrustedRoot(text, 'root.json')).toThrow(message);
  });
});

describe('keyless instance', () => {
  it.each([
    [
      { repository: { visibility: 'public' } },
      'https://fulcio.sigstore.dev',
      'https://rekor.sigstore.dev',
      undefined,
    ],
    [
      { repository: { visibility: 'private' } },
      'https://fulcio.githubapp.com',
      undefined,
      'https://timestamp.githubapp.com',
    ],
    [
      { repository: { visibility: 'internal' } },
      'https://fulcio.githubapp.com',
      undefined,
      'https://timestamp.githubapp.com',
    ],
    [{}, 'https://fulcio.githubapp.com', undefined, 'https://timestamp.githubapp.com'],
  ])('%j', (event, fulcioURL, rekorURL, tsaURL) => {
    expect(keylessInstanceFor(repositoryVisibility(event))).toEqual({
      fulcioURL,
      ...(rekorURL ? { rekorURL } : {}),
      ...(tsaURL ? { tsaURL } : {}),
    });
  });
});

describe('githubActionsIdentityProvider', () => {
  it('asks for audience sigstore with the request token', async () => {
    const seen: { url?: string; auth?: string } = {};
    const server = createServer((req, res) => {
      seen.url = req.url;
      seen.auth = req.headers.authorization;
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"value":"the-jwt"}');
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    try {
      const port = (server.address() as AddressInfo).port;
      const token = await githubActionsIdentityProvider({
        requestURL: `http://127.0.0.1:${port}/token?api-version=2.0`,
        requestToken: 'request-secret',
      }).getToken();
      expect(token).toBe('the-jwt');
      expect(seen).toEqual({
        url: '/token?api-version=2.0&audience=sigstore',
        auth: 'Bearer request-secret',
      });
    } finally {
      await new Promise<void>((ok) => server.close(() => ok()));
    }
  });

  it('explains a refused token request', async () => {
    const server = createServer((_req, res) => res.writeHead(403).end());
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    try {
      const port = (server.address() as AddressInfo).port;
      await expect(
        githubActionsIdentityProvider({
          requestURL: `http://127.0.0.1:${port}/t`,
          requestToken: 'x',
        }).getToken(),
      ).rejects.toThrow(/HTTP 403 \(is id-token: write granted\?\)/);
    } finally {
      await new Promise<void>((ok) => server.close(() => ok()));
    }
  });
});
