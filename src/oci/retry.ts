// The client's one retry policy: which failures are worth another try, how long to wait, and how
// many tries in all. Every loop of the client asks it (the transport for a request it may resend;
// a blob upload restarted from its POST; a read whose body dropped; a referrers-index write that
// re-reads and re-merges), and each failure is retried by exactly one of them: an error the
// transport already retried comes out with `transient: false`, so no loop nests inside another and
// "after N attempts" counts what was sent. 429 and 5xx answers and dropped or refused connections
// are retried with exponential backoff and full jitter; a `Retry-After` (seconds or an HTTP date)
// is waited for up to a cap, and one over the cap is named in the error, not waited for.
import { RegistryError } from '../errors.js';
import type { HttpResponse } from './http.js';
import type { RetryPolicy } from './transport.js';

export interface RetryOptions {
  /** Retries after the first attempt (default 4: five attempts in all). */
  retries?: number;
  /** First backoff step in ms (default 250); doubled each attempt. */
  baseMs?: number;
  /** The most one backoff waits, in ms (default 8000). */
  maxBackoffMs?: number;
  /** The most a `Retry-After` makes us wait, in ms (default 60000); longer asks give up. */
  maxRetryAfterMs?: number;
  /** For tests: the random source of the jitter (default Math.random). */
  random?: () => number;
  /** For tests: the clock HTTP-date Retry-After values are measured against. */
  now?: () => number;
}

/** Statuses worth another try: rate limited, or the server (or a proxy before it) failed. */
export const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

/** The default cap on a `Retry-After` we wait for. */
export const MAX_RETRY_AFTER_MS = 60_000;

/** Network error codes of a dropped, reset or refused connection (a registry restarting). */
const RETRY_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'ECONNABORTED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** Whether a request's failure is a dropped, refused or timed-out connection (not DNS, not TLS). */
export function isTransientNetworkError(err: unknown): boolean {
  const e = err as {
    name?: string;
    code?: string;
    cause?: { code?: string; message?: string; name?: string };
  };
  if (e?.name === 'TimeoutError' || e?.cause?.name === 'TimeoutError') return true;
  const code = e?.cause?.code ?? e?.code;
  if (code !== undefined && RETRY_CODES.has(code)) return true;
  // undici (a fetch passed in) reports a socket closed mid-answer as `TypeError: terminated` /
  // `other side closed`; node:http as `socket hang up` or `aborted` (ECONNRESET).
  const message = `${(err as Error)?.message ?? ''} ${e?.cause?.message ?? ''}`;
  return /\b(terminated|other side closed|socket hang up|socket closed)\b/i.test(message);
}

/** Whether an error is one a caller may answer by trying the operation again. */
export function isTransientFailure(err: unknown): boolean {
  return err instanceof RegistryError && err.transient;
}

/** `Retry-After` as milliseconds from now: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** The default policy: up to `retries` more attempts. */
export function retryPolicy(opts: RetryOptions = {}): RetryPolicy {
  const retries = opts.retries ?? 4;
  const base = opts.baseMs ?? 250;
  const maxBackoff = opts.maxBackoffMs ?? 8000;
  const maxRetryAfter = opts.maxRetryAfterMs ?? MAX_RETRY_AFTER_MS;
  const random = opts.random ?? Math.random;
  const now = opts.now ?? Date.now;
  const policy = (
    attempt: number,
    outcome: { response?: HttpResponse; error?: unknown },
    request: { method: string; url: string; idempotent?: boolean },
  ): number | undefined => {
    if (attempt > retries || request.idempotent === false) return undefined;
    let asked: number | undefined;
    if (outcome.response !== undefined) {
      if (!RETRY_STATUSES.has(outcome.response.status)) return undefined;
      asked = parseRetryAfter(outcome.response.headers.get('retry-after'), now());
    } else if (outcome.error instanceof RegistryError) {
      // An operation's failure (not a request's): worth another try only when marked so.
      if (!outcome.error.transient) return undefined;
      asked = outcome.error.retryAfterMs;
    } else if (!isTransientNetworkError(outcome.error)) {
      return undefined;
    }
    // The registry said when: wait that long (not less), unless it asks for more than the cap.
    if (asked !== undefined) return asked > maxRetryAfter ? undefined : asked + Math.floor(random() * 100);
    // Full jitter: a random wait up to the exponential step, so clients that failed together spread out.
    const backoff = Math.min(maxBackoff, base * 2 ** (attempt - 1));
    return Math.floor(backoff / 2 + random() * (backoff / 2));
  };
  return Object.assign(policy, { attempts: retries + 1, maxRetryAfterMs: maxRetryAfter });
}

/** The policy's cap on `Retry-After` (the default when a hand-written policy names none). */
export function retryAfterCap(policy: RetryPolicy | undefined): number {
  return policy?.maxRetryAfterMs ?? MAX_RETRY_AFTER_MS;
}

/**
 * Runs `operation` under `policy`: an error marked transient is tried again after the policy's
 * wait, until the policy says stop; then the last error stands (with the attempts counted).
 */
export async function withRetries<T>(
  policy: RetryPolicy | undefined,
  what: string,
  operation: (attempt: number) => Promise<T>,
  debug?: (line: string) => void,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (err) {
      const wait = policy?.(attempt, { error: err }, { method: 'operation', url: what, idempotent: true });
      if (wait === undefined || !isTransientFailure(err)) throw withAttempts(err, attempt);
      debug?.(`${what}: trying again in ${wait} ms (attempt ${attempt + 1})`);
      await pause(wait);
    }
  }
}

/** Waits `ms`, or less when `signal` aborts (the caller then sees the signal aborted). */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** The signal of one HTTP request: its timeout (default 60 s), and the caller's cancel when given. */
export function requestSignal(timeoutMs: number | undefined, cancel?: AbortSignal): AbortSignal {
  const timeout = AbortSignal.timeout(timeoutMs ?? 60_000);
  return cancel ? AbortSignal.any([timeout, cancel]) : timeout;
}

/** The error, saying how many attempts the operation made when more than one. */
function withAttempts(err: unknown, attempts: number): unknown {
  if (attempts <= 1 || !(err instanceof RegistryError)) return err;
  const message = /after \d+ attempts/.test(err.message)
    ? err.message.replace(/after \d+ attempts/, `after ${attempts} attempts`)
    : `${err.message} (after ${attempts} attempts)`;
  return new RegistryError(message, err.request, err.response, {
    attempts,
    ...(err.retryAfterMs !== undefined && { retryAfterMs: err.retryAfterMs }),
  });
}
