// Docker token auth (the `Bearer` challenge): ask the challenge's realm for a token scoped to what
// the request needs (`repository:<name>:pull`, `pull,push` for writes, plus `pull` on a mount's
// source), with Basic credentials, an identity token (OAuth2 refresh grant) or anonymously (public
// pulls). Tokens are cached per realm, service and scope until shortly before they expire; a token
// the registry refuses (expired, `insufficient_scope`) is dropped and a new one fetched once.
// Neither tokens nor credentials ever reach a message or the debug log.
import { RegistryError } from '../errors.js';
import type { AuthScope, Challenge, ChallengeHandler } from './auth.js';
import type { Credentials, CredentialSource } from './credentials.js';
import type { HttpFetch, HttpResponse, HttpTls } from './http.js';
import { nodeHttpFetch } from './http.js';
import { pause, requestSignal } from './retry.js';
import type { RetryPolicy } from './transport.js';

export interface BearerOptions {
  credentials: CredentialSource;
  /** The HTTP path (default: ./http.ts with `tls`). */
  fetch?: HttpFetch;
  tls?: HttpTls;
  dispatcher?: unknown;
  timeoutMs?: number;
  retry?: RetryPolicy;
  userAgent?: string;
  debug?: (line: string) => void;
  /** OAuth2 client_id sent with the refresh grant. */
  clientId?: string;
  /** Cancels the token requests with the registry's (TransportOptions.signal). */
  signal?: AbortSignal;
}

interface CachedToken {
  value: string;
  /** ms since the epoch after which the token is not used again. */
  renewAt: number;
}

/** Docker's default when the token service names no lifetime. */
const DEFAULT_EXPIRES_IN_S = 60;

/** The scopes a request needs, as the token service spells them. */
export function scopesFor(scope: AuthScope): string[] {
  if (scope.repository === undefined) return [];
  const out = [`repository:${scope.repository}:${scope.actions.join(',')}`];
  for (const from of scope.pullFrom ?? []) if (from !== scope.repository) out.push(`repository:${from}:pull`);
  return out;
}

export class BearerHandler implements ChallengeHandler {
  private readonly cache = new Map<string, CachedToken>();
  private readonly pending = new Map<string, Promise<string | undefined>>();
  private readonly refusals = new Map<string, string>();
  private readonly doFetch: HttpFetch;

  constructor(private readonly options: BearerOptions) {
    this.doFetch = options.fetch ?? nodeHttpFetch(options.tls);
  }

  private key(challenge: Challenge, scope: AuthScope): string {
    return [
      scope.registry,
      challenge.params.realm ?? '',
      challenge.params.service ?? '',
      ...scopesFor(scope).sort(),
    ].join('\n');
  }

  async answer(challenge: Challenge, scope: AuthScope): Promise<string | undefined> {
    const key = this.key(challenge, scope);
    const cached = this.cache.get(key);
    if (cached && Date.now() < cached.renewAt) return cached.value;
    let pending = this.pending.get(key);
    if (!pending) {
      pending = this.fetchToken(challenge, scope, key).finally(() => this.pending.delete(key));
      this.pending.set(key, pending);
    }
    return pending;
  }

  invalidate(sent: string, challenge: Challenge, scope: AuthScope): void {
    const key = this.key(challenge, scope);
    if (this.cache.get(key)?.value === sent) this.cache.delete(key);
    // Whatever token was sent is no good: drop it under any scope it was cached for.
    for (const [k, t] of this.cache) if (t.value === sent) this.cache.delete(k);
  }

  refusal(scope: AuthScope): string | undefined {
    return this.refusals.get(scope.registry);
  }

  private async fetchToken(challenge: Challenge, scope: AuthScope, key: string): Promise<string | undefined> {
    const realm = challenge.params.realm;
    if (!realm) {
      this.refusals.set(scope.registry, `the registry's Bearer challenge names no realm`);
      return undefined;
    }
    let realmUrl: URL;
    try {
      realmUrl = new URL(realm);
    } catch {
      throw new RegistryError(`the registry ${scope.registry} names a token realm that is not a URL`);
    }
    const credentials = await this.options.credentials(scope.registry);
    const scopes = scopesFor(scope);
    const service = challenge.params.service;
    const request = tokenRequest(realmUrl, credentials, scopes, service, this.options.clientId);
    const label = `${request.init.method} ${request.url.origin}${request.url.pathname}`;
    for (let attempt = 1; ; attempt++) {
      let response: HttpResponse | undefined;
      let error: unknown;
      try {
        response = await this.doFetch(request.url, {
          ...request.init,
          redirect: 'manual',
          signal: requestSignal(this.options.timeoutMs, this.options.signal),
          ...(this.options.dispatcher !== undefined && { dispatcher: this.options.dispatcher }),
        } as RequestInit);
      } catch (err) {
        error = err;
      }
      this.options.debug?.(
        `token ${label} (${scopes.join(' ') || 'no scope'}; ${request.grant}) -> ${response?.status ?? 'failed'}`,
      );
      const retryable = error !== undefined || (response !== undefined && response.status >= 429);
      const wait = retryable
        ? this.options.retry?.(
            attempt,
            { ...(response && { response }), error },
            {
              method: request.init.method,
              url: request.url.href,
              idempotent: true,
            },
          )
        : undefined;
      if (wait !== undefined) {
        await response?.body?.cancel().catch(() => undefined);
        await pause(wait, this.options.signal);
        this.options.signal?.throwIfAborted();
        continue;
      }
      if (error !== undefined) {
        const e = error as { name?: string; code?: unknown; cause?: { code?: unknown } };
        const cause = [e.cause?.code, e.code].find((c) => typeof c === 'string') ?? e.name;
        throw new RegistryError(`cannot reach the token service of ${scope.registry}: ${label}: ${cause}`, {
          method: request.init.method,
          url: `${request.url.origin}${request.url.pathname}`,
        });
      }
      return this.readToken(response as HttpResponse, scope, key, label, request.grant);
    }
  }

  private async readToken(
    response: HttpResponse,
    scope: AuthScope,
    key: string,
    label: string,
    grant: string,
  ): Promise<string | undefined> {
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel().catch(() => undefined);
      this.refusals.set(
        scope.registry,
        grant === 'anonymous'
          ? `no credentials for ${scope.registry}, and its token service refused an anonymous token`
          : `the token service (${label}) refused the ${grant === 'refresh_token' ? 'identity token' : 'credentials'} for ${scope.registry}: ${response.status}`,
      );
      return undefined;
    }
    const text = await response.text().catch(() => '');
    if (response.status !== 200) {
      throw new RegistryError(
        `the token service of ${scope.registry} answered ${label}: ${response.status} ${response.statusText}`,
        { method: label.split(' ')[0] as string, url: label.split(' ')[1] as string },
        { status: response.status },
      );
    }
    let body: { token?: unknown; access_token?: unknown; expires_in?: unknown };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new RegistryError(
        `the token service of ${scope.registry} answered ${label} with something not JSON`,
      );
    }
    const token = typeof body.token === 'string' ? body.token : body.access_token;
    if (typeof token !== 'string' || token === '') {
      throw new RegistryError(`the token service of ${scope.registry} answered ${label} without a token`);
    }
    const expiresIn =
      typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : DEFAULT_EXPIRES_IN_S;
    // Renew a little early (a tenth of its life, at most 30 s), measured on our clock.
    const margin = Math.min(30_000, expiresIn * 100);
    const value = `Bearer ${token}`;
    this.cache.set(key, { value, renewAt: Date.now() + expiresIn * 1000 - margin });
    if (grant === 'anonymous') this.refusals.set(scope.registry, `no credentials for ${scope.registry}`);
    else this.refusals.delete(scope.registry);
    return value;
  }
}

function tokenRequest(
  realm: URL,
  credentials: Credentials | undefined,
  scopes: string[],
  service: string | undefined,
  clientId = 'image-compat',
): { url: URL; init: { method: string; headers: Record<string, string>; body?: string }; grant: string } {
  const headers: Record<string, string> = { 'User-Agent': 'image-compat', Accept: 'application/json' };
  if (credentials?.identityToken) {
    // An identity token is an OAuth2 refresh token: POST the refresh grant (form-encoded).
    const form = new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: credentials.identityToken,
      client_id: clientId,
    });
    if (service !== undefined) form.set('service', service);
    if (scopes.length > 0) form.set('scope', scopes.join(' '));
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    return { url: realm, init: { method: 'POST', headers, body: form.toString() }, grant: 'refresh_token' };
  }
  const url = new URL(realm.href);
  if (service !== undefined) url.searchParams.set('service', service);
  for (const s of scopes) url.searchParams.append('scope', s);
  if (credentials) {
    headers.Authorization = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64')}`;
    return { url, init: { method: 'GET', headers }, grant: 'basic' };
  }
  return { url, init: { method: 'GET', headers }, grant: 'anonymous' };
}
