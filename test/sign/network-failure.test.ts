// Sigstore services that cannot be reached are network errors (exit 3) that name the URL, not
// signature policy failures (exit 4): the OIDC token endpoint, Fulcio, Rekor and a TSA on ports
// nothing listens on, and a Fulcio that answers 503 until the client gives up.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ExitCode, exitCodeOf, RegistryError, SignatureError } from '../../src/errors.js';
import {
  githubActionsIdentityProvider,
  isNetworkFailure,
  signStatement,
  staticIdentityProvider,
} from '../../src/sign/sign.js';
import { buildCompatibilityStatement } from '../../src/sign/statement.js';
import { freePort } from '../helpers/registry.js';
import { identityToken, startSigstoreMock, type SigstoreMock } from './sigstore-mock.js';

const statement = buildCompatibilityStatement({
  subjectName: 'ghcr.io/acme/app',
  artifactDigest: `sha256:${'1'.repeat(64)}`,
  imageDigest: `sha256:${'2'.repeat(64)}`,
  spec: { digest: `sha256:${'3'.repeat(64)}`, mediaType: 'application/vnd.nfd.image-compatibility.v1alpha1' },
});
const token = identityToken({
  iss: 'https://token.actions.githubusercontent.com',
  sub: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
});

let closed: string;
let mock: SigstoreMock;
let unavailable: http.Server;
let unavailableURL: string;

beforeAll(async () => {
  closed = `http://127.0.0.1:${await freePort()}`;
  mock = await startSigstoreMock();
  unavailable = http.createServer((_req, res) => res.writeHead(503).end('down for maintenance'));
  await new Promise<void>((resolve) => unavailable.listen(0, '127.0.0.1', resolve));
  unavailableURL = `http://127.0.0.1:${(unavailable.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await mock?.close();
  await new Promise((resolve) => unavailable?.close(resolve));
});

async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a failure');
}

describe('unreachable Sigstore services', () => {
  it('OIDC token endpoint: exit 3 with its URL, never the request token', async () => {
    const provider = githubActionsIdentityProvider({
      requestURL: `${closed}/token?api-version=2.0`,
      requestToken: 'request-token-secret',
    });
    const err = await failure(
      signStatement(statement, {
        kind: 'keyless',
        identityProvider: provider,
        instance: { fulcioURL: mock.fulcioURL, rekorURL: mock.rekorURL },
        timeout: 2000,
      }),
    );
    expect(err).toBeInstanceOf(RegistryError);
    expect(exitCodeOf(err)).toBe(ExitCode.registry);
    expect(err.message).toContain(`${closed}/token`);
    expect(err.message).not.toContain('request-token-secret');
    expect((err as RegistryError).request?.url).toBe(`${closed}/token`);
  });

  it.each([
    ['Fulcio', () => ({ fulcioURL: closed, rekorURL: mock.rekorURL })],
    ['Rekor', () => ({ fulcioURL: mock.fulcioURL, rekorURL: closed })],
    ['the timestamp authority', () => ({ fulcioURL: mock.fulcioURL, tsaURL: closed })],
  ])('%s refused: exit 3 with its URL', async (name, instance) => {
    const err = await failure(
      signStatement(statement, {
        kind: 'keyless',
        identityProvider: staticIdentityProvider(token),
        instance: instance(),
        timeout: 2000,
      }),
    );
    expect(err).toBeInstanceOf(RegistryError);
    expect(exitCodeOf(err)).toBe(ExitCode.registry);
    expect(err.message).toContain(`cannot reach ${name} at ${closed}`);
  });

  it('Fulcio answering 503 past the retries: exit 3 with its URL', async () => {
    const err = await failure(
      signStatement(statement, {
        kind: 'keyless',
        identityProvider: staticIdentityProvider(token),
        instance: { fulcioURL: unavailableURL, rekorURL: mock.rekorURL },
        timeout: 2000,
      }),
    );
    expect(err).toBeInstanceOf(RegistryError);
    expect(err.message).toContain(unavailableURL);
  }, 30_000);

  it('a refused identity token stays a signing failure (exit 4)', async () => {
    const err = await failure(
      signStatement(statement, {
        kind: 'keyless',
        identityProvider: staticIdentityProvider('not-a-jwt'),
        instance: { fulcioURL: mock.fulcioURL, rekorURL: mock.rekorURL },
        timeout: 2000,
      }),
    );
    expect(err).toBeInstanceOf(SignatureError);
    expect(exitCodeOf(err)).toBe(ExitCode.signature);
  });

  it.each([
    [Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), true],
    [Object.assign(new Error('timeout'), { type: 'request-timeout' }), true],
    [Object.assign(new Error('Service Unavailable'), { statusCode: 503 }), true],
    [Object.assign(new Error('Too Many Requests'), { statusCode: 429 }), true],
    [Object.assign(new Error('Unauthorized'), { statusCode: 401 }), false],
    [new Error('invalid JWT'), false],
    ['ECONNREFUSED', false],
  ])('isNetworkFailure(%p) is %p', (err, expected) => {
    expect(isNetworkFailure(err)).toBe(expected);
  });
});
