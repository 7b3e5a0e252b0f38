// The retry policy's decisions, table-driven: which outcomes are retried, for how long, and
// Retry-After in both its forms; and the token scopes a request asks for.
import { describe, expect, it } from '@jest/globals';
import { RegistryError } from '../../src/errors.js';
import {
  parseRetryAfter,
  pause,
  redactUrl,
  retryPolicy,
  scopesFor,
  Transport,
  withRetries,
} from '../../src/oci/index.js';

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

describe('one policy for operations too', () => {
  const policy = retryPolicy({ retries: 2, baseMs: 100, random: () => 0.5 });
  const op = { method: 'operation', url: 'x', idempotent: true };
  const failure = (extra: { transient?: boolean; retryAfterMs?: number }) =>
    new RegistryError('failed', undefined, { status: 503 }, extra);
  it.each([
    ['a transient failure', failure({ transient: true }), 1, 75],
    ['one the transport already retried (not transient)', failure({}), 1, undefined],
    ['a transient failure with Retry-After 6 s', failure({ transient: true, retryAfterMs: 6000 }), 1, 6050],
    ['Retry-After over the cap', failure({ transient: true, retryAfterMs: 120_000 }), 1, undefined],
    ['past the attempts', failure({ transient: true }), 3, undefined],
  ])('%s', (_name, error, attempt, wait) => {
    expect(policy(attempt, { error }, op)).toBe(wait);
  });
  it('says how many attempts it has', () => {
    expect(policy.attempts).toBe(3);
    expect(policy.maxRetryAfterMs).toBe(60_000);
  });
  it('withRetries runs an operation as often as the policy says, and the message counts them', async () => {
    let runs = 0;
    const err = await withRetries(retryPolicy({ retries: 2, baseMs: 1 }), 'op', async () => {
      runs++;
      throw failure({ transient: true });
    }).catch((e: unknown) => e);
    expect(runs).toBe(3);
    expect((err as RegistryError).message).toBe('failed (after 3 attempts)');
    expect((err as RegistryError).transient).toBe(false);
  });
});

describe('Transport answers and errors', () => {
  const transport = (answers: Response[], retries = 2) => {
    let i = 0;
    const calls: string[] = [];
    const t = new Transport({
      host: 'reg.test',
      retry: retryPolicy({ retries, baseMs: 1 }),
      fetch: (async (url: URL, init: RequestInit) => {
        calls.push(`${init.method} ${url.pathname}`);
        return answers[Math.min(i++, answers.length - 1)]!;
      }) as unknown as typeof fetch,
    });
    return { t, calls };
  };
  it('counts the attempts on the answer and in the message', async () => {
    const { t, calls } = transport([res(503), res(503), res(503)]);
    const req = { method: 'GET' as const, url: '/v2/a/manifests/v1' };
    const answer = await t.send(req);
    expect(answer.attempts).toBe(3);
    expect(calls).toHaveLength(3);
    const err = await t.fail(req, answer);
    expect(err.message).toMatch(/503 .* after 3 attempts$/);
    expect(err.transient).toBe(false); // retried here: nobody retries it again
  });
  it('never resends a request marked not idempotent; its failure is transient for the caller', async () => {
    const { t, calls } = transport([res(503, { 'retry-after': '6' })]);
    const req = { method: 'PUT' as const, url: '/v2/a/manifests/sha256-x', idempotent: false };
    const answer = await t.send(req);
    expect(calls).toEqual(['PUT /v2/a/manifests/sha256-x']);
    const err = await t.fail(req, answer);
    expect([err.transient, err.attempts, err.retryAfterMs]).toEqual([true, 1, 6000]);
  });
  it('names a Retry-After over the cap', async () => {
    const { t, calls } = transport([res(503, { 'retry-after': '120' })]);
    const req = { method: 'GET' as const, url: '/v2/a/manifests/v1' };
    const err = await t.fail(req, await t.send(req));
    expect(calls).toHaveLength(1);
    expect(err.message).toMatch(/asked to retry after 120 s, more than the 60 s this client waits/);
  });
});

describe('Transport cancelled (TransportOptions.signal)', () => {
  const req = { method: 'GET' as const, url: '/v2/a/manifests/v1' };
  it('fails the request in flight with the reason and sends no retry', async () => {
    const cancel = new AbortController();
    const calls: string[] = [];
    const t = new Transport({
      host: 'reg.test',
      retry: retryPolicy({ retries: 5, baseMs: 1 }),
      signal: cancel.signal,
      // Like the HTTP path: the request's signal aborts it.
      fetch: ((url: URL, init: RequestInit) => {
        calls.push(url.pathname);
        return new Promise((_resolve, reject) => {
          if (init.signal!.aborted) reject(init.signal!.reason as Error);
          init.signal!.addEventListener('abort', () => reject(init.signal!.reason as Error));
        });
      }) as unknown as typeof fetch,
    });
    const sent = t.send(req);
    const why = new Error('the spec does not check out');
    cancel.abort(why);
    await expect(sent).rejects.toBe(why);
    expect(calls).toHaveLength(1);
  });
  it('stops waiting between attempts and sends nothing more', async () => {
    const cancel = new AbortController();
    const calls: string[] = [];
    const t = new Transport({
      host: 'reg.test',
      // A minute between attempts: the test ends long before unless the cancel wakes the wait.
      retry: retryPolicy({ retries: 5, baseMs: 120_000, maxBackoffMs: 120_000 }),
      signal: cancel.signal,
      fetch: (async (url: URL) => {
        calls.push(url.pathname);
        setTimeout(() => cancel.abort(new Error('cancelled')), 5);
        return res(503);
      }) as unknown as typeof fetch,
    });
    const started = Date.now();
    await expect(t.send(req)).rejects.toThrow('cancelled');
    expect(calls).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(30_000);
  });
  it('sends nothing once cancelled', async () => {
    const cancel = new AbortController();
    cancel.abort(new Error('too late'));
    let called = false;
    const t = new Transport({
      host: 'reg.test',
      signal: cancel.signal,
      fetch: (async () => {
        called = true;
        return res(200);
      }) as unknown as typeof fetch,
    });
    await expect(t.send(req)).rejects.toThrow('too late');
    expect(called).toBe(false);
  });
});

describe('pause', () => {
  it('waits the time given, or until the signal aborts', async () => {
    const started = Date.now();
    await pause(20);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
    const cancel = new AbortController();
    setTimeout(() => cancel.abort(), 5);
    await pause(120_000, cancel.signal); // resolves at the abort, not in two minutes
    await pause(120_000, cancel.signal); // already aborted: at once
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
