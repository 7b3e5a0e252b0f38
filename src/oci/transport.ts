// HTTP to one registry over the client's HTTP path (./http.ts: node:http/https with keep-alive, or a
// fetch the caller passes): HTTPS unless plain HTTP was asked for, the auth
// layer (challenge -> answer -> resend), redirects followed by hand so credentials never leave the
// registry's origin, the client's retry policy (./retry.ts) for requests that may be sent twice, TLS
// settings, timeouts, size-capped bodies, and registry answers
// turned into RegistryError with the request named, the attempts counted and `transient` set when
// a caller may try the operation again. The optional debug log names methods, URLs and statuses
// only: never a header or a body.
import { RegistryError } from '../errors.js';
import type { AuthScope, Authenticator } from './auth.js';
import type { HttpFetch, HttpRequestInit, HttpResponse, HttpTls } from './http.js';
import { nodeHttpFetch } from './http.js';
import {
  isTransientNetworkError,
  parseRetryAfter,
  pause,
  requestSignal,
  RETRY_STATUSES,
  retryAfterCap,
} from './retry.js';
import { setting } from '../settings.js';

/** After a failed attempt: milliseconds to wait before the next, or undefined to stop. */
export interface RetryPolicy {
  (
    attempt: number,
    outcome: { response?: HttpResponse; error?: unknown },
    request: { method: string; url: string; idempotent?: boolean },
  ): number | undefined;
  /** The most attempts in all, for messages. */
  readonly attempts?: number;
  /** The longest `Retry-After` waited for, in ms. */
  readonly maxRetryAfterMs?: number;
}

/** An answer, with how many times the request was sent to get it. */
export type RegistryResponse = HttpResponse & { readonly attempts: number };

export interface TransportOptions {
  /** host[:port] the API lives at. */
  host: string;
  /** Registry name used to look up credentials (defaults to host). */
  registry?: string;
  plainHttp?: boolean;
  authenticator?: Authenticator;
  retry?: RetryPolicy;
  /** With `fetch`: an undici Dispatcher passed to it as `dispatcher`. */
  dispatcher?: unknown;
  /** Replaces the HTTP path (./http.ts); a global fetch or undici's will do. */
  fetch?: HttpFetch;
  /** TLS settings of the HTTP path (not used with `fetch`). */
  tls?: HttpTls;
  /** Per request. Default 60 s. */
  timeoutMs?: number;
  userAgent?: string;
  /** A line per request and retry (method, URL, status): never headers or bodies. */
  debug?: (line: string) => void;
  /** Warnings a command goes on past (RegistryOptions.warn). */
  warn?: (line: string) => void;
  /** Cancels every request: the one in flight fails with the signal's reason, none is retried. */
  signal?: AbortSignal;
  /**
   * Work done once, while the first request is on its way to the registry (after it is written,
   * on the node:http path): the client loads its hasher then (./digest.ts `loadHasher`).
   */
  whileWaiting?: () => void;
}

export interface RegistryRequest {
  method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';
  /** A path under the registry (`/v2/...`) or an absolute URL (upload locations). */
  url: string;
  headers?: Record<string, string>;
  body?: Uint8Array;
  repository?: string;
  push?: boolean;
  /** Other repositories the request reads from (a cross-repository mount's source): pull scope on them. */
  pullFrom?: string[];
  /**
   * Whether the transport may send it twice; default: GET, HEAD, PUT and DELETE yes, POST and PATCH
   * no. A referrers-index PUT is not (a resent index is stale): its writer re-reads and re-merges.
   */
  idempotent?: boolean;
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);

const MAX_REDIRECTS = 5;

export class Transport {
  readonly baseUrl: string;
  readonly registry: string;
  private readonly doFetch: HttpFetch;
  /** Whether the registry answered at least once: a refused connection after that is a restart. */
  private reached = false;
  /** `options.whileWaiting`, until the first request takes it. */
  private idleWork: (() => void) | undefined;

  constructor(readonly options: TransportOptions) {
    this.baseUrl = `${options.plainHttp ? 'http' : 'https'}://${options.host}`;
    this.registry = options.registry ?? options.host;
    this.doFetch = options.fetch ?? nodeHttpFetch(options.tls);
    this.idleWork = options.whileWaiting;
  }

  resolve(url: string): URL {
    return new URL(url, this.baseUrl);
  }

  /** Sends a request; any status comes back (callers decide), network failures throw RegistryError. */
  async send(req: RegistryRequest): Promise<RegistryResponse> {
    const url = this.resolve(req.url);
    const scope: AuthScope = {
      registry: this.registry,
      ...(req.repository !== undefined && { repository: req.repository }),
      actions: req.push ? ['pull', 'push'] : ['pull'],
      ...(req.pullFrom !== undefined && { pullFrom: req.pullFrom }),
    };
    const idempotent = req.idempotent ?? IDEMPOTENT.has(req.method);
    const debug = this.options.debug;
    const cancel = this.options.signal;
    for (let attempt = 1; ; attempt++) {
      cancel?.throwIfAborted();
      let response: HttpResponse | undefined;
      let error: unknown;
      try {
        response = await this.sendAuthorised(req, url, scope);
      } catch (err) {
        if (err instanceof RegistryError) throw err;
        cancel?.throwIfAborted();
        error = err;
      }
      debug?.(
        `${req.method} ${redactUrl(url)} -> ${response ? response.status : `failed (${errorCode(error)})`}`,
      );
      if (response) this.reached = true;
      // Refused before the registry ever answered: a wrong host or port, not a restart; fail fast.
      const firstContactRefused = error !== undefined && !this.reached && errorCode(error) === 'ECONNREFUSED';
      const wait =
        this.options.retry &&
        !firstContactRefused &&
        (error !== undefined || (response && response.status >= 500) || response?.status === 429)
          ? this.options.retry(
              attempt,
              { ...(response && { response }), error },
              {
                method: req.method,
                url: url.href,
                idempotent,
              },
            )
          : undefined;
      if (wait === undefined) {
        if (error !== undefined) throw this.networkError(req, url, error, attempt, !firstContactRefused);
        return Object.assign(response as HttpResponse, { attempts: attempt });
      }
      debug?.(`retrying ${req.method} ${redactUrl(url)} in ${wait} ms (attempt ${attempt + 1})`);
      await response?.body?.cancel().catch(() => undefined);
      await pause(wait, cancel);
    }
  }

  private async sendAuthorised(req: RegistryRequest, url: URL, scope: AuthScope): Promise<HttpResponse> {
    const auth = this.options.authenticator;
    let authorization = await auth?.authorization(scope);
    let response = await this.follow(req, url, authorization);
    // Two rounds: the first answers the challenge; the second replaces an answer the registry
    // refused (an expired token, one lacking a scope); then the refusal stands.
    let retried = false;
    for (let round = 0; response.status === 401 && auth && round < 2; round++) {
      const retry = await auth.onChallenge(response.headers.get('www-authenticate'), scope, authorization);
      if (!retry) return response;
      retried = true;
      await response.body?.cancel().catch(() => undefined);
      authorization = await auth.authorization(scope);
      response = await this.follow(req, url, authorization);
    }
    // Refused again: let the auth layer record why, for the error message.
    if (response.status === 401 && auth && retried)
      auth.refused(response.headers.get('www-authenticate'), scope);
    return response;
  }

  /** One request and its redirects; Authorization only goes to the registry's own origin. */
  private async follow(
    req: RegistryRequest,
    start: URL,
    authorization: string | undefined,
  ): Promise<HttpResponse> {
    const origin = new URL(this.baseUrl).origin;
    let url = start;
    let method: string = req.method;
    let body = req.body;
    for (let hop = 0; ; hop++) {
      const headers: Record<string, string> = {
        'User-Agent': this.options.userAgent ?? 'image-compat',
        ...req.headers,
      };
      if (authorization !== undefined && url.origin === origin) headers.Authorization = authorization;
      if (url.origin !== origin) {
        for (const name of Object.keys(headers))
          if (name.toLowerCase() === 'authorization') delete headers[name];
      }
      const idle = this.idleWork;
      this.idleWork = undefined;
      const init = {
        method,
        headers,
        redirect: 'manual',
        signal: requestSignal(this.options.timeoutMs, this.options.signal),
        ...(body !== undefined && { body }),
        ...(this.options.dispatcher !== undefined && { dispatcher: this.options.dispatcher }),
        // Once written: the registry works on the answer while this process does `idle`.
        ...(idle && { sent: () => setImmediate(idle) }),
      } as HttpRequestInit;
      const response = await this.doFetch(url, init);
      const location = response.headers.get('location');
      if (![301, 302, 303, 307, 308].includes(response.status) || location === null) return response;
      if (hop >= MAX_REDIRECTS) {
        throw new RegistryError(`${req.method} ${start.href}: more than ${MAX_REDIRECTS} redirects`, {
          method: req.method,
          url: start.href,
        });
      }
      await response.body?.cancel().catch(() => undefined);
      url = new URL(location, url);
      if (
        response.status === 303 ||
        ((response.status === 301 || response.status === 302) && method === 'POST')
      ) {
        method = 'GET';
        body = undefined;
      }
    }
  }

  private networkError(
    req: RegistryRequest,
    url: URL,
    err: unknown,
    attempts: number,
    mayRetry: boolean,
  ): RegistryError {
    // fetch wraps the system error as `cause`; node:http throws it as it is.
    const cause = ((err as { cause?: { code?: unknown; message?: string } })?.cause ?? err) as
      { code?: unknown; message?: string } | undefined;
    const code = typeof cause?.code === 'string' ? cause.code : undefined;
    const message = (cause?.message ?? (err as Error)?.message ?? '').split('\n')[0] as string;
    // OpenSSL's messages carry a long internal prefix: keep the code and the reason.
    const reason = /SSL routines:[^:]*:([^:]+)/.exec(message)?.[1] ?? message;
    const detail = [code, reason].filter(Boolean).join(' ');
    let hint = '';
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') hint = ` (the host ${url.hostname} does not resolve)`;
    else if (code === 'ECONNREFUSED') hint = ` (nothing listens at ${url.host})`;
    else if (/wrong version number|EPROTO|packet length too long/i.test(detail) && url.protocol === 'https:')
      hint = ` (the registry may speak plain HTTP: use ${setting('plain-http')})`;
    else if (/certificate|self[- ]signed|UNABLE_TO_VERIFY|CERT_/i.test(detail))
      hint = ` (TLS: give the registry's CA with ${setting('ca-file')}, or ${setting('insecure')} to skip verification)`;
    else if ((err as Error)?.name === 'TimeoutError')
      hint = ` (timed out after ${this.options.timeoutMs ?? 60_000} ms)`;
    if (attempts > 1) hint += ` after ${attempts} attempts`;
    // Transient for a caller only when nobody retried it here (a request the transport may not resend).
    return new RegistryError(
      `cannot reach registry ${url.host}: ${req.method} ${redactUrl(url)}: ${detail}${hint}`,
      { method: req.method, url: redactUrl(url) },
      undefined,
      { transient: mayRetry && attempts === 1 && isTransientNetworkError(err), attempts },
    );
  }

  /** A RegistryError carrying the registry's answer: status and the `errors` of its body. */
  async fail(req: RegistryRequest, response: HttpResponse, what?: string): Promise<RegistryError> {
    const url = redactUrl(this.resolve(req.url));
    let body = '';
    try {
      body = (await readCapped(response, 64 * 1024, url)).toString('utf8');
    } catch {
      body = '';
    }
    let detail = '';
    try {
      const parsed = JSON.parse(body) as { errors?: Array<{ code?: string; message?: string }> };
      detail = (parsed.errors ?? []).map((e) => [e.code, e.message].filter(Boolean).join(': ')).join('; ');
    } catch {
      detail = body.trim().slice(0, 200);
    }
    let message = `${what ? `${what}: ` : ''}${req.method} ${url}: ${response.status} ${response.statusText}`;
    if (detail) message += `: ${detail}`;
    if (response.status === 401 && this.options.authenticator?.lastRefusal) {
      message += ` (${this.options.authenticator.lastRefusal})`;
    }
    const attempts = (response as Partial<RegistryResponse>).attempts ?? 1;
    const retryable = RETRY_STATUSES.has(response.status);
    const retryAfterMs = retryable ? parseRetryAfter(response.headers.get('retry-after')) : undefined;
    const cap = retryAfterCap(this.options.retry);
    if (retryAfterMs !== undefined && retryAfterMs > cap) {
      message += ` (it asked to retry after ${Math.ceil(retryAfterMs / 1000)} s, more than the ${Math.round(cap / 1000)} s this client waits)`;
    }
    if (attempts > 1) message += ` after ${attempts} attempts`;
    return new RegistryError(
      message,
      { method: req.method, url },
      { status: response.status, body },
      {
        // The transport did not retry it (not resendable, or retries off): a caller may.
        transient: retryable && attempts === 1 && this.options.retry !== undefined,
        attempts,
        ...(retryAfterMs !== undefined && { retryAfterMs }),
      },
    );
  }
}

/** A URL for messages: upload-session state in the query is left out (it is the registry's, not ours to show). */
export function redactUrl(url: URL): string {
  if (!url.search) return url.href;
  const copy = new URL(url.href);
  for (const key of [...copy.searchParams.keys()])
    if (/state|token|sig|signature|credential|key/i.test(key)) copy.searchParams.set(key, '…');
  return copy.href;
}

function errorCode(err: unknown): string {
  const e = err as { name?: string; code?: unknown; cause?: { code?: unknown } };
  const code = [e?.cause?.code, e?.code].find((c): c is string => typeof c === 'string');
  return code ?? e?.name ?? 'error';
}

/** Reads a body, refusing more than `max` bytes (checked before and while reading). */
export async function readCapped(response: HttpResponse, max: number, what: string): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > max) {
    await response.body?.cancel().catch(() => undefined);
    throw new RegistryError(`${what}: ${declared} bytes is over the limit of ${max}`);
  }
  if (!response.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    let next: Awaited<ReturnType<typeof reader.read>>;
    try {
      next = await reader.read();
    } catch (err) {
      // The connection dropped mid-body: a RegistryError a caller may answer by reading again.
      throw new RegistryError(
        `${what}: the connection dropped after ${total} bytes (${errorCode(err)})`,
        undefined,
        undefined,
        { transient: isTransientNetworkError(err) },
      );
    }
    const chunk = next.value;
    if (next.done || chunk === undefined) break;
    total += chunk.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      throw new RegistryError(`${what}: over the limit of ${max} bytes`);
    }
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}
