// Bounded retries for registry requests: 429 and 5xx answers and dropped or refused connections
// are tried again with exponential backoff and full jitter, honouring `Retry-After` (seconds or an
// HTTP date, capped). Only idempotent requests are retried here; a blob upload is restarted from
// its POST by the client instead (the upload is idempotent by digest, its session URL is not).
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

/** Whether a fetch failure is a dropped, refused or timed-out connection (not DNS, not TLS). */
export function isTransientNetworkError(err: unknown): boolean {
  const e = err as {
    name?: string;
    code?: string;
    cause?: { code?: string; message?: string; name?: string };
  };
  if (e?.name === 'TimeoutError' || e?.cause?.name === 'TimeoutError') return true;
  const code = e?.cause?.code ?? e?.code;
  if (code !== undefined && RETRY_CODES.has(code)) return true;
  // undici reports a socket closed mid-answer as `TypeError: terminated` / `other side closed`.
  const message = `${(err as Error)?.message ?? ''} ${e?.cause?.message ?? ''}`;
  return /\b(terminated|other side closed|socket hang up|socket closed)\b/i.test(message);
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

/** The default policy: up to `retries` more attempts for idempotent requests. */
export function retryPolicy(opts: RetryOptions = {}): RetryPolicy {
  const retries = opts.retries ?? 4;
  const base = opts.baseMs ?? 250;
  const maxBackoff = opts.maxBackoffMs ?? 8000;
  const maxRetryAfter = opts.maxRetryAfterMs ?? 60_000;
  const random = opts.random ?? Math.random;
  const now = opts.now ?? Date.now;
  return (attempt, outcome, request) => {
    if (attempt > retries || request.idempotent === false) return undefined;
    const status = outcome.response?.status;
    if (outcome.response !== undefined) {
      if (status === undefined || !RETRY_STATUSES.has(status)) return undefined;
    } else if (!isTransientNetworkError(outcome.error)) {
      return undefined;
    }
    // Full jitter: a random wait up to the exponential step, so clients that failed together spread out.
    const backoff = Math.min(maxBackoff, base * 2 ** (attempt - 1));
    const jittered = Math.floor(backoff / 2 + random() * (backoff / 2));
    const asked = parseRetryAfter(outcome.response?.headers.get('retry-after'), now());
    if (asked === undefined) return jittered;
    // The registry said when: wait that long (not less), unless it asks for more than the cap.
    if (asked > maxRetryAfter) return undefined;
    return asked + Math.floor(random() * 100);
  };
}
