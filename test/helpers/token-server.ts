// A Docker token server for tests (the protocol docker-registry's auth.token speaks): issues ES256
// JWTs whose header carries x5c of a signing certificate chained to the test CA, with scoped
// `access` claims. GET realm?service=&scope= with Basic credentials or anonymously, and the OAuth2
// POST realm (grant_type=password | refresh_token). Records every request so tests can assert the
// scopes asked for and that a client caches its tokens.
import { createPrivateKey, randomBytes, randomUUID, sign } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { pemToBase64Der } from './tls.js';

export type Action = 'pull' | 'push' | 'delete' | '*';

export interface TokenUser {
  password: string;
  /** Actions allowed per repository name ('*' as a name: every repository). Default: all on all. */
  repositories?: Record<string, Action[]>;
}

export interface TokenServerOptions {
  /** The `service` docker-registry names (auth.token.service); the token's `aud`. */
  service: string;
  /** The `iss` claim (auth.token.issuer). Default 'image-compat-test-issuer'. */
  issuer?: string;
  /** Signing key and certificate (PEM); the certificate must chain to the rootcertbundle's CA. */
  signingKey: string;
  signingCert: string;
  /** Extra certificates (PEM, intermediates) to append to x5c. */
  chain?: string[];
  users?: Record<string, TokenUser>;
  /** Repository names anonymous callers may pull. */
  publicRepositories?: string[];
  /** Token lifetime in seconds (default 300). docker-registry allows 60 s of leeway past `exp`. */
  expiresIn?: number;
  /** Serve https with this certificate and key (PEM), as real token realms do. */
  tls?: { cert: string; key: string };
}

export interface AccessEntry {
  type: string;
  name: string;
  actions: string[];
}

export interface TokenRequestRecord {
  method: string;
  /** The grant: 'basic' (GET with credentials), 'anonymous' (GET without), 'password', 'refresh_token', or what was sent. */
  grant: string;
  /** The user credentials named (never the password), if any. */
  account?: string;
  service?: string;
  /** The scopes asked for, as sent (`repository:name:pull,push`). */
  scopes: string[];
  /** What was granted (empty when refused). */
  granted: AccessEntry[];
  status: number;
  offline: boolean;
  clientId?: string;
}

export interface TokenServer {
  /** http(s)://127.0.0.1:PORT/token: the realm to configure in docker-registry. */
  realm: string;
  service: string;
  issuer: string;
  requests: TokenRequestRecord[];
  /** Adds an identity (refresh) token for a user, as `docker login` stores in `identitytoken`. */
  addRefreshToken(user: string, token?: string): string;
  /** Answers the next `times` requests with `status` (to test token-server outages). */
  failNext(status: number, times?: number): void;
  /** Mints a token directly (e.g. an expired one, or one for a scope nobody asked for). */
  mint(sub: string, access: AccessEntry[], opts?: { expiresIn?: number; issuedAt?: number }): string;
  stop(): Promise<void>;
}

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

/** Parses `type:name:actions`; the name may itself contain ':' (host:port/name). */
export function parseScope(scope: string): AccessEntry | undefined {
  const first = scope.indexOf(':');
  const last = scope.lastIndexOf(':');
  if (first < 0 || last === first) return undefined;
  return {
    type: scope.slice(0, first),
    name: scope.slice(first + 1, last),
    actions: scope
      .slice(last + 1)
      .split(',')
      .filter(Boolean),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (body += d));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export async function startTokenServer(opts: TokenServerOptions): Promise<TokenServer> {
  const issuer = opts.issuer ?? 'image-compat-test-issuer';
  const expiresIn = opts.expiresIn ?? 300;
  const key = createPrivateKey(opts.signingKey);
  const x5c = [opts.signingCert, ...(opts.chain ?? [])].map(pemToBase64Der);
  const users = opts.users ?? {};
  const publicRepos = new Set(opts.publicRepositories ?? []);
  const refreshTokens = new Map<string, string>();
  const requests: TokenRequestRecord[] = [];
  let failures: { status: number; left: number } | undefined;

  const mint: TokenServer['mint'] = (sub, access, mintOpts = {}) => {
    const iat = mintOpts.issuedAt ?? Math.floor(Date.now() / 1000);
    const header = { typ: 'JWT', alg: 'ES256', x5c };
    const claims = {
      iss: issuer,
      sub,
      aud: opts.service,
      exp: iat + (mintOpts.expiresIn ?? expiresIn),
      nbf: iat - 1,
      iat,
      jti: randomUUID(),
      access,
    };
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
    // JWS ES256 wants the raw r||s signature, not DER.
    const sig = sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
    return `${input}.${b64url(sig)}`;
  };

  // What `account` (undefined: anonymous) may do on each requested scope.
  const grant = (account: string | undefined, scopes: string[]): AccessEntry[] => {
    const out: AccessEntry[] = [];
    for (const scope of scopes) {
      const wanted = parseScope(scope);
      if (!wanted || wanted.type !== 'repository') continue;
      let allowed: string[];
      if (account === undefined) {
        allowed = publicRepos.has(wanted.name) ? ['pull'] : [];
      } else {
        const table = users[account]?.repositories;
        const perms = table ? (table[wanted.name] ?? table['*'] ?? []) : ['*'];
        allowed = perms.includes('*')
          ? wanted.actions
          : wanted.actions.filter((a) => perms.includes(a as Action));
      }
      if (allowed.length > 0) out.push({ type: wanted.type, name: wanted.name, actions: allowed });
    }
    return out;
  };

  const answer = (
    res: ServerResponse,
    rec: TokenRequestRecord,
    account: string | undefined,
    refresh: boolean,
  ): void => {
    rec.granted = grant(account, rec.scopes);
    const token = mint(account ?? '', rec.granted);
    const body: Record<string, unknown> = {
      token,
      access_token: token,
      expires_in: expiresIn,
      issued_at: new Date().toISOString(),
    };
    if (refresh && account !== undefined) body.refresh_token = addRefreshToken(account);
    rec.status = 200;
    send(res, 200, body);
  };

  const unauthorized = (res: ServerResponse, rec: TokenRequestRecord, message: string): void => {
    rec.status = 401;
    send(
      res,
      401,
      { errors: [{ code: 'UNAUTHORIZED', message }] },
      { 'www-authenticate': 'Basic realm="token"' },
    );
  };

  const checkPassword = (user: string, password: string): boolean => users[user]?.password === password;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rec: TokenRequestRecord = {
      method: req.method ?? '',
      grant: '',
      scopes: [],
      granted: [],
      status: 0,
      offline: false,
    };
    requests.push(rec);
    if (failures && failures.left > 0) {
      failures.left--;
      rec.grant = 'failed';
      rec.status = failures.status;
      send(res, failures.status, { errors: [{ code: 'UNAVAILABLE', message: 'scripted failure' }] });
      return;
    }
    if (url.pathname !== '/token') {
      rec.status = 404;
      send(res, 404, { errors: [{ code: 'NOT_FOUND', message: url.pathname }] });
      return;
    }
    if (req.method === 'GET') {
      rec.service = url.searchParams.get('service') ?? undefined;
      rec.scopes = url.searchParams.getAll('scope').flatMap((s) => s.split(' ').filter(Boolean));
      rec.offline = url.searchParams.get('offline_token') === 'true';
      rec.clientId = url.searchParams.get('client_id') ?? undefined;
      const auth = req.headers.authorization;
      if (!auth) {
        rec.grant = 'anonymous';
        answer(res, rec, undefined, false);
        return;
      }
      rec.grant = 'basic';
      const m = /^Basic\s+(.+)$/i.exec(auth);
      const decoded = m?.[1] ? Buffer.from(m[1], 'base64').toString('utf8') : '';
      const colon = decoded.indexOf(':');
      const user = colon >= 0 ? decoded.slice(0, colon) : decoded;
      rec.account = user || undefined;
      if (colon < 0 || !checkPassword(user, decoded.slice(colon + 1))) {
        unauthorized(res, rec, 'invalid username or password');
        return;
      }
      answer(res, rec, user, rec.offline);
      return;
    }
    if (req.method === 'POST') {
      const form = new URLSearchParams(await readBody(req));
      rec.grant = form.get('grant_type') ?? '';
      rec.service = form.get('service') ?? undefined;
      rec.scopes = form.getAll('scope').flatMap((s) => s.split(' ').filter(Boolean));
      rec.clientId = form.get('client_id') ?? undefined;
      if (rec.grant === 'password') {
        const user = form.get('username') ?? '';
        rec.account = user || undefined;
        rec.offline = form.get('access_type') === 'offline';
        if (!checkPassword(user, form.get('password') ?? '')) {
          unauthorized(res, rec, 'invalid username or password');
          return;
        }
        answer(res, rec, user, rec.offline);
        return;
      }
      if (rec.grant === 'refresh_token') {
        const user = refreshTokens.get(form.get('refresh_token') ?? '');
        rec.account = user;
        if (user === undefined) {
          rec.status = 401;
          send(res, 401, { error: 'invalid_grant', error_description: 'unknown refresh token' });
          return;
        }
        // OAuth2 refresh answers keep the same refresh token valid; no new one unless asked.
        answer(res, rec, user, false);
        return;
      }
      rec.status = 400;
      send(res, 400, { error: 'unsupported_grant_type' });
      return;
    }
    rec.status = 405;
    send(res, 405, { errors: [{ code: 'UNSUPPORTED', message: req.method }] });
  };

  const addRefreshToken = (user: string, token = randomBytes(24).toString('base64url')): string => {
    refreshTokens.set(token, user);
    return token;
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((err: unknown) => {
      res.destroy(err instanceof Error ? err : new Error(String(err)));
    });
  };
  const server = opts.tls
    ? https.createServer({ cert: opts.tls.cert, key: opts.tls.key }, onRequest)
    : http.createServer(onRequest);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    realm: `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}/token`,
    service: opts.service,
    issuer,
    requests,
    addRefreshToken,
    failNext: (status, times = 1) => {
      failures = { status, left: times };
    },
    mint,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
