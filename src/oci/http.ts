// The registry client's HTTP path: node:http / node:https requests over keep-alive agents, with the
// fetch-shaped call the transport makes (`(url, init) => answer`), so a programmatic caller can
// still pass its own `fetch`. Why not the global fetch: its first call compiles Node's bundled
// undici (about 100 ms of an attach on an idle machine, several times that on a loaded one), and
// a registry command makes a few small requests. What the client reads of an answer is
// `HttpResponse`: a fetch Response has it, and so does what this file returns. Bodies stream (read
// chunk by chunk, cancelled by destroying the socket's stream), the request's `signal` (the
// per-request timeout) aborts the connect, the headers and the body alike, and the TLS settings
// (extra CAs, no verification when asked) are the https agent's.
//
// How node:http and node:https load: with process.getBuiltinModule, when the first request of
// their scheme goes out, never by an `import` (types only). On Node 24 an ES module import of
// node:http, even a named one, builds the builtin's whole ES module facade, reading every export,
// and one of its getters loads Node's internal undici (about 22 ms of CPU, twice that in wall
// time); node:https loads node:tls (about 40 ms of CPU), which a plain-HTTP registry never needs.
// The bundle check (test/cli/bundle.test.ts) keeps every networking built-in out of src/'s imports.
import type { Agent as HttpAgent, IncomingMessage } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';

/** The part of an answer the client reads (a fetch Response is one). */
export interface HttpResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: { get(name: string): string | null };
  readonly body: HttpBody | null;
  text(): Promise<string>;
}

export interface HttpBody {
  cancel(): Promise<void>;
  getReader(): {
    read(): Promise<{ done: boolean; value?: Uint8Array }>;
    cancel(): Promise<void>;
  };
}

/**
 * A request as the transport sends it: fetch's RequestInit (of which this path reads method,
 * headers, body, signal), and `sent`, called once the request is written (this path only).
 */
export type HttpRequestInit = RequestInit & { sent?: () => void };

export type HttpFetch = (url: URL, init: HttpRequestInit) => Promise<HttpResponse>;

/** TLS settings for HTTPS registries. */
export interface HttpTls {
  /** The CAs to trust (replacing Node's defaults: pass them too to add to them). */
  ca?: string[];
  /** false: no certificate verification (`--insecure`). */
  rejectUnauthorized?: boolean;
}

/** A fetch-shaped client over node:http/https with one keep-alive agent per scheme. */
export function nodeHttpFetch(tls: HttpTls = {}): HttpFetch {
  let http: HttpAgent | undefined;
  let https: HttpsAgent | undefined;
  return (url, init) => {
    const secure = url.protocol === 'https:';
    const agent = secure
      ? (https ??= new (process.getBuiltinModule('node:https').Agent)({
          keepAlive: true,
          ...(tls.ca !== undefined && { ca: tls.ca }),
          ...(tls.rejectUnauthorized !== undefined && { rejectUnauthorized: tls.rejectUnauthorized }),
        }))
      : (http ??= new (process.getBuiltinModule('node:http').Agent)({ keepAlive: true }));
    return send(url, init, secure, agent);
  };
}

function send(url: URL, init: HttpRequestInit, secure: boolean, agent: HttpAgent): Promise<HttpResponse> {
  const signal = init.signal ?? undefined;
  // The client sends bytes (blobs, manifests) or a form (a token request's refresh grant).
  const body = typeof init.body === 'string' ? Buffer.from(init.body) : (init.body as Uint8Array | undefined);
  const headers: Record<string, string> = { ...(init.headers as Record<string, string> | undefined) };
  if (body !== undefined) headers['Content-Length'] = String(body.byteLength);
  return new Promise<HttpResponse>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const { request } = process.getBuiltinModule(secure ? 'node:https' : 'node:http');
    const req = request(url, {
      method: init.method ?? 'GET',
      headers,
      agent,
    });
    let response: IncomingMessage | undefined;
    // A timeout before the answer fails the request; after it, the body's next read.
    const onAbort = () => (response ?? req).destroy(signal?.reason as Error);
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => signal?.removeEventListener('abort', onAbort);
    req.once('error', (err) => {
      done();
      reject(err);
    });
    req.once('response', (res) => {
      response = res;
      res.once('close', done);
      // No body can follow (HEAD, 204, 304): consume the empty one now, or the keep-alive socket
      // stays taken (and keeps the process alive) until someone reads it.
      if (init.method === 'HEAD' || res.statusCode === 204 || res.statusCode === 304) res.resume();
      resolve(answer(res));
    });
    if (init.sent) req.once('finish', init.sent);
    req.end(body);
  });
}

function answer(res: IncomingMessage): HttpResponse {
  const chunks = res[Symbol.asyncIterator]();
  const cancel = async () => {
    res.destroy();
  };
  const read = async () => {
    const next = await chunks.next();
    return next.done ? { done: true } : { done: false, value: next.value as Uint8Array };
  };
  return {
    status: res.statusCode ?? 0,
    statusText: res.statusMessage ?? '',
    headers: {
      get(name) {
        const value = res.headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    },
    body: { cancel, getReader: () => ({ read, cancel }) },
    async text() {
      const parts: Buffer[] = [];
      for (let next = await read(); !next.done; next = await read()) parts.push(Buffer.from(next.value!));
      return Buffer.concat(parts).toString('utf8');
    },
  };
}
