// The auth layer of the transport: parse `WWW-Authenticate` challenges and answer them with a
// handler per scheme. Basic is here; Bearer (token service, scopes, cached tokens) is in bearer.ts.
import type { CredentialSource } from './credentials.js';

export interface Challenge {
  /** Lower-case scheme: `basic`, `bearer`, ... */
  scheme: string;
  params: Record<string, string>;
}

/** What the request needs: the registry, and for repository calls the repository and actions. */
export interface AuthScope {
  registry: string;
  repository?: string;
  actions: Array<'pull' | 'push'>;
  /** Other repositories read from (a cross-repository mount's source): pull on each. */
  pullFrom?: string[];
}

export interface ChallengeHandler {
  /** The `Authorization` value answering `challenge` for `scope`, or undefined when it cannot. */
  answer(challenge: Challenge, scope: AuthScope): Promise<string | undefined>;
  /** The registry refused `sent` (401): forget it, so the next answer asks anew (a new token). */
  invalidate?(sent: string, challenge: Challenge, scope: AuthScope): void;
  /** Why the last answer could not be given or was refused, for the error message. */
  refusal?(scope: AuthScope): string | undefined;
}

/** Parses `Basic realm="x", Bearer realm="y",service="z"` into challenges. */
export function parseChallenges(header: string): Challenge[] {
  const out: Challenge[] = [];
  const token = /([!#$%&'*+.^`|~\w-]+)(?:\s*=\s*("(?:[^"\\]|\\.)*"|[^\s,]*))?/g;
  let current: Challenge | undefined;
  for (const m of header.matchAll(token)) {
    const name = m[1] as string;
    const value = m[2];
    if (value === undefined) {
      current = { scheme: name.toLowerCase(), params: {} };
      out.push(current);
    } else if (current) {
      current.params[name.toLowerCase()] = value.startsWith('"')
        ? value.slice(1, -1).replace(/\\(.)/g, '$1')
        : value;
    }
  }
  return out;
}

export class BasicHandler implements ChallengeHandler {
  constructor(private readonly credentials: CredentialSource) {}

  async answer(_challenge: Challenge, scope: AuthScope): Promise<string | undefined> {
    const c = await this.credentials(scope.registry);
    // An identity token is for a token service only: it is never sent as Basic.
    if (!c || c.identityToken !== undefined) return undefined;
    return `Basic ${Buffer.from(`${c.username}:${c.password}`, 'utf8').toString('base64')}`;
  }
}

/**
 * Remembers the registry's challenge so later requests answer it up front (no 401 round trip
 * per request), and asks the scheme's handler for the header.
 */
export class Authenticator {
  private challenge: Challenge | undefined;
  /** Why the last challenge went unanswered, for the error message. */
  lastRefusal: string | undefined;

  constructor(private readonly handlers: Record<string, ChallengeHandler>) {}

  async authorization(scope: AuthScope): Promise<string | undefined> {
    if (!this.challenge) return undefined;
    return this.handlers[this.challenge.scheme]?.answer(this.challenge, scope);
  }

  /** After a 401: true when the request should be sent again with new credentials. */
  async onChallenge(header: string | null, scope: AuthScope, sent: string | undefined): Promise<boolean> {
    const challenges = parseChallenges(header ?? '');
    for (const challenge of challenges) {
      const handler = this.handlers[challenge.scheme];
      if (!handler) continue;
      // A refused token (expired, or lacking a scope: `insufficient_scope`) is dropped first, so
      // the handler fetches a new one for this challenge.
      if (sent !== undefined) handler.invalidate?.(sent, challenge, scope);
      const value = await handler.answer(challenge, scope);
      if (value === undefined) {
        this.lastRefusal = handler.refusal?.(scope) ?? `no credentials for ${scope.registry}`;
        return false;
      }
      this.challenge = challenge;
      // The same answer was already refused: the credentials are wrong.
      if (value === sent) {
        this.lastRefusal = `the credentials for ${scope.registry} were refused`;
        return false;
      }
      return true;
    }
    const schemes = challenges.map((c) => c.scheme).join(', ') || 'none';
    this.lastRefusal = `unsupported authentication scheme (${schemes})`;
    return false;
  }

  /** The answer to a challenge was refused again: record why (no new credentials are fetched). */
  refused(header: string | null, scope: AuthScope): void {
    const challenge = parseChallenges(header ?? '').find((c) => this.handlers[c.scheme]);
    const handler = challenge ? this.handlers[challenge.scheme] : undefined;
    const error = challenge?.params.error;
    const why = handler?.refusal?.(scope);
    if (why !== undefined) this.lastRefusal = why;
    else if (error === 'insufficient_scope')
      this.lastRefusal = `the token for ${scope.registry} lacks ${challenge?.params.scope ?? 'the scope asked for'}`;
    else this.lastRefusal = `the credentials for ${scope.registry} were refused`;
  }
}

export function basicAuthenticator(credentials: CredentialSource): Authenticator {
  return new Authenticator({ basic: new BasicHandler(credentials) });
}
