// The retry policy's decisions, table-driven: which outcomes are retried, for how long, and
// Retry-After in both its forms; and the token scopes a request asks for.
import { describe, expect, it } from '@jest/globals';
import { parseRetryAfter, redactUrl, retryPolicy, scopesFor } from '../../src/oci/index.js';

const res = (status: number, headers: Record<string, string> = {}) => new Response(null, { status, headers });
const net = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: { code } });

describe('retryPolicy', () => {
  const policy = retryPolicy({
    retries: 3,
    baseMs: 100,
    random: () => 0.5,
    now: () => Date.parse('2026-01-01T00:00:00Z'),
  });
  it.each([
    ['503 on GET', { response: res(503) }, 'GET', 1, 75],
    ['500 on HEAD, 2nd attempt', { response: res(500) }, 'HEAD', 2, 150],
    ['429 with Retry-After seconds', { response: res(429, { 'retry-after': '2' }) }, 'GET', 1, 2050],
    [
      '429 with an HTTP date',
      { response: res(429, { 'retry-after': 'Thu, 01 Jan 2026 00:00:03 GMT' }) },
      'GET',
      1,
      3050,
    ],
    ['ECONNRESET', { error: net('ECONNRESET') }, 'GET', 1, 75],
    ['ECONNREFUSED (a restart)', { error: net('ECONNREFUSED') }, 'PUT', 1, 75],
    ['socket closed', { error: net('UND_ERR_SOCKET') }, 'GET', 1, 75],
    ['404', { response: res(404) }, 'GET', 1, undefined],
    ['401', { response: res(401) }, 'GET', 1, undefined],
    ['DNS failure', { error: net('ENOTFOUND') }, 'GET', 1, undefined],
    ['TLS failure', { error: net('UNABLE_TO_VERIFY_LEAF_SIGNATURE') }, 'GET', 1, undefined],
    ['past the bound', { response: res(503) }, 'GET', 4, undefined],
    ['Retry-After over the cap', { response: res(429, { 'retry-after': '3600' }) }, 'GET', 1, undefined],
  ])('%s', (_name, outcome, method, attempt, expected) => {
    expect(policy(attempt, outcome, { method, url: 'https://r/v2/', idempotent: true })).toBe(expected);
  });
  it('does not retry what is not idempotent (an upload session PUT, a POST)', () => {
    expect(policy(1, { response: res(503) }, { method: 'PUT', url: 'x', idempotent: false })).toBeUndefined();
  });
  it('grows exponentially, capped, with jitter in [step/2, step]', () => {
    const p = retryPolicy({ retries: 20, baseMs: 100, maxBackoffMs: 1000, random: () => 0.999 });
    const waits = [1, 2, 3, 4, 5, 10].map((a) => p(a, { response: res(502) }, { method: 'GET', url: 'x' }));
    expect(waits).toEqual([99, 199, 399, 799, 999, 999]);
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['3', 3000],
    [' 0 ', 0],
    ['Thu, 01 Jan 2026 00:00:10 GMT', 10_000],
    ['Wed, 31 Dec 2025 23:59:00 GMT', 0],
    ['soon', undefined],
    [null, undefined],
  ])('%p', (value, expected) => {
    expect(parseRetryAfter(value, Date.parse('2026-01-01T00:00:00Z'))).toBe(expected);
  });
});

describe('scopesFor and redactUrl', () => {
  it('asks pull, pull,push, and pull on a mount source', () => {
    expect(scopesFor({ registry: 'r', repository: 'a/b', actions: ['pull'] })).toEqual([
      'repository:a/b:pull',
    ]);
    expect(
      scopesFor({ registry: 'r', repository: 'a/b', actions: ['pull', 'push'], pullFrom: ['c/d'] }),
    ).toEqual(['repository:a/b:pull,push', 'repository:c/d:pull']);
    expect(scopesFor({ registry: 'r', actions: ['pull'] })).toEqual([]);
  });
  it('hides upload state and signed-URL secrets in messages', () => {
    expect(redactUrl(new URL('https://r/v2/a/blobs/uploads/u?_state=abc&digest=sha256:1'))).toBe(
      'https://r/v2/a/blobs/uploads/u?_state=%E2%80%A6&digest=sha256%3A1',
    );
    expect(redactUrl(new URL('https://s3/x?X-Amz-Signature=s&X-Amz-Credential=c'))).not.toMatch(/=s&|=c$/);
  });
});
