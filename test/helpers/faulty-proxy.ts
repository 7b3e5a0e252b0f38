// An HTTP proxy on 127.0.0.1 in front of a registry, scripted per request, to make the faults real
// registries and networks make: 503s, 429 with Retry-After, connections dropped mid-upload or
// mid-download, a flipped byte (digest mismatch), an oversized manifest, a reset, a delay, a
// redirect to another host, an answer lost after the request landed. Requests
// that match no rule pass through untouched (Host kept, so registry Location URLs point back at
// the proxy). Every request is recorded, so tests can count what a client sent.
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

export type Fault =
  /** Answer with this status (and headers, e.g. Retry-After) without asking upstream. */
  | { type: 'status'; status: number; headers?: Record<string, string>; body?: string }
  /** Forward K bytes of the request body upstream, then destroy both connections. */
  | { type: 'drop-upload'; afterBytes: number }
  /** Forward the answer's headers and K bytes of its body, then destroy the connection. */
  | { type: 'drop-download'; afterBytes: number }
  /** Flip one byte of the answer's body (default: the middle one); headers unchanged. */
  | { type: 'flip-byte'; offset?: number }
  /** Answer GET/HEAD with a valid OCI manifest of `size` bytes (default 4 MiB + 1), its true digest. */
  | { type: 'oversize-manifest'; size?: number }
  /** Wait, then pass through (a slow registry, for timeouts). */
  | { type: 'delay'; ms: number }
  /** Destroy the connection without answering. */
  | { type: 'reset' }
  /** Forward the request (it lands upstream), then answer `status` instead of the registry's answer. */
  | { type: 'answer-lost'; status: number; headers?: Record<string, string> }
  /** Answer `status` (default 307) with Location: `to` + the request's path and query (another
   * host: a blob download redirected to storage; check credentials do not follow). */
  | { type: 'redirect'; to: string; status?: number };

export interface FaultRule {
  /** Methods it applies to (default: all). */
  method?: string | string[];
  /** A substring of, or a RegExp tested on, the request path with its query (default: all). */
  path?: string | RegExp;
  /** How many matching requests it applies to (default 1; Infinity: until cleared). */
  times?: number;
  fault: Fault;
}

export interface ProxyRecord {
  method: string;
  /** Path with query, as sent. */
  url: string;
  /** Status answered (0 when the connection was dropped before headers). */
  status: number;
  /** The fault applied, if any. */
  fault?: Fault['type'];
  requestBytes: number;
  /** Whether the request carried an Authorization header (its value is never kept). */
  authorization: boolean;
}

export interface FaultyProxy {
  /** http://127.0.0.1:PORT */
  url: string;
  host: string;
  port: number;
  requests: ProxyRecord[];
  /** Adds a rule; rules are tried in the order added, the first with times left applies. */
  inject(rule: FaultRule): { readonly hits: number };
  /** Removes all rules and forgets the recorded requests. */
  reset(): void;
  /** Requests recorded so far, optionally only those of a method and path. */
  count(method?: string, path?: string | RegExp): number;
  stop(): Promise<void>;
}

export interface FaultyProxyOptions {
  /** The registry behind: http(s)://127.0.0.1:PORT. */
  upstream: string;
  /** CA (PEM) to trust when the upstream is https. */
  upstreamCa?: string;
  /** When the upstream cannot be reached: answer 502 (default) or reset the connection. */
  upstreamDown?: 'bad-gateway' | 'reset';
}

const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
];
export const MANIFEST_CAP = 4 * 1024 * 1024;

function stripHopByHop(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = { ...headers };
  for (const h of HOP_BY_HOP) delete out[h];
  return out;
}

function matches(rule: FaultRule, req: IncomingMessage): boolean {
  if (rule.method) {
    const methods = Array.isArray(rule.method) ? rule.method : [rule.method];
    if (!methods.some((m) => m.toUpperCase() === req.method)) return false;
  }
  const url = req.url ?? '/';
  if (typeof rule.path === 'string' && !url.includes(rule.path)) return false;
  if (rule.path instanceof RegExp && !rule.path.test(url)) return false;
  return true;
}

/** A valid OCI image manifest of exactly `size` bytes, padded with an annotation. */
export function oversizedManifest(size = MANIFEST_CAP + 1): Buffer {
  const base = {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: {
      mediaType: 'application/vnd.oci.empty.v1+json',
      digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
      size: 2,
    },
    layers: [],
    annotations: { padding: '' },
  };
  const pad = size - Buffer.byteLength(JSON.stringify(base));
  if (pad < 0) throw new Error(`a manifest cannot be smaller than ${size - pad} bytes`);
  base.annotations.padding = 'x'.repeat(pad);
  return Buffer.from(JSON.stringify(base));
}

export async function startFaultyProxy(opts: FaultyProxyOptions): Promise<FaultyProxy> {
  const upstream = new URL(opts.upstream);
  const secure = upstream.protocol === 'https:';
  const agent = secure
    ? new https.Agent({ keepAlive: true, ...(opts.upstreamCa ? { ca: opts.upstreamCa } : {}) })
    : new http.Agent({ keepAlive: true });
  const rules: { rule: FaultRule; left: number; hits: number }[] = [];
  const requests: ProxyRecord[] = [];

  const pickFault = (req: IncomingMessage): Fault | undefined => {
    for (const r of rules) {
      if (r.left > 0 && matches(r.rule, req)) {
        r.left--;
        r.hits++;
        return r.rule.fault;
      }
    }
    return undefined;
  };

  const forward = (
    req: IncomingMessage,
    res: ServerResponse,
    rec: ProxyRecord,
    fault: Fault | undefined,
  ): void => {
    const upReq = (secure ? https : http).request({
      protocol: upstream.protocol,
      hostname: upstream.hostname,
      port: upstream.port,
      method: req.method,
      path: req.url,
      headers: stripHopByHop(req.headers),
      agent,
    });
    upReq.on('error', () => {
      if (rec.fault === 'drop-upload') return; // we broke it on purpose
      if (res.headersSent) {
        res.destroy();
      } else if (opts.upstreamDown === 'reset') {
        res.socket?.destroy();
      } else {
        rec.status = 502;
        res.writeHead(502, { 'content-type': 'text/plain' }).end('upstream registry unreachable\n');
      }
    });
    upReq.on('response', (up) => {
      const status = up.statusCode ?? 502;
      const headers = stripHopByHop(up.headers);
      if (fault?.type === 'answer-lost') {
        up.resume();
        up.on('end', () => {
          const body = JSON.stringify({
            errors: [{ code: 'UNAVAILABLE', message: `scripted ${fault.status}` }],
          });
          rec.status = fault.status;
          res
            .writeHead(fault.status, {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
              ...fault.headers,
            })
            .end(body);
        });
        return;
      }
      if (fault?.type === 'flip-byte') {
        const chunks: Buffer[] = [];
        up.on('data', (c: Buffer) => chunks.push(c));
        up.on('end', () => {
          const body = Buffer.concat(chunks);
          if (body.length > 0) {
            const at = Math.min(fault.offset ?? Math.floor(body.length / 2), body.length - 1);
            body[at] = (body[at] ?? 0) ^ 0x01;
          }
          rec.status = status;
          res.writeHead(status, headers).end(body);
        });
        return;
      }
      rec.status = status;
      res.writeHead(status, headers);
      if (fault?.type === 'drop-download') {
        let sent = 0;
        up.on('data', (c: Buffer) => {
          if (sent >= fault.afterBytes) return;
          const part = c.subarray(0, fault.afterBytes - sent);
          sent += part.length;
          res.write(part);
          if (sent >= fault.afterBytes) {
            up.destroy();
            // Let the bytes out, then cut the connection.
            setImmediate(() => res.socket?.destroy());
          }
        });
        up.on('end', () => setImmediate(() => res.socket?.destroy()));
        return;
      }
      up.pipe(res);
    });

    if (fault?.type === 'drop-upload') {
      let seen = 0;
      req.on('data', (c: Buffer) => {
        if (seen >= fault.afterBytes) return;
        const part = c.subarray(0, fault.afterBytes - seen);
        seen += part.length;
        rec.requestBytes = seen;
        upReq.write(part);
        if (seen >= fault.afterBytes) {
          upReq.destroy();
          req.socket.destroy();
        }
      });
      req.on('end', () => {
        // The whole body was shorter than afterBytes: drop at its end.
        upReq.destroy();
        req.socket.destroy();
      });
      return;
    }
    req.on('data', (c: Buffer) => (rec.requestBytes += c.length));
    req.pipe(upReq);
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const rec: ProxyRecord = {
      method: req.method ?? '',
      url: req.url ?? '/',
      status: 0,
      requestBytes: 0,
      authorization: req.headers.authorization !== undefined,
    };
    requests.push(rec);
    const fault = pickFault(req);
    if (fault) rec.fault = fault.type;
    switch (fault?.type) {
      case 'status': {
        req.resume();
        const body =
          fault.body ??
          JSON.stringify({ errors: [{ code: 'UNAVAILABLE', message: `scripted ${fault.status}` }] });
        rec.status = fault.status;
        res.writeHead(fault.status, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...fault.headers,
        });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
      case 'reset':
        req.socket.destroy();
        return;
      case 'redirect':
        req.resume();
        rec.status = fault.status ?? 307;
        res
          .writeHead(rec.status, {
            location: new URL(req.url ?? '/', fault.to).toString(),
            'content-length': 0,
          })
          .end();
        return;
      case 'oversize-manifest': {
        req.resume();
        const body = oversizedManifest(fault.size);
        rec.status = 200;
        res.writeHead(200, {
          'content-type': 'application/vnd.oci.image.manifest.v1+json',
          'content-length': body.length,
          'docker-content-digest': `sha256:${createHash('sha256').update(body).digest('hex')}`,
        });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
      case 'delay':
        setTimeout(() => forward(req, res, rec, undefined), fault.ms);
        return;
      default:
        forward(req, res, rec, fault);
    }
  };

  const server = http.createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    port,
    requests,
    inject: (rule) => {
      const entry = { rule, left: rule.times ?? 1, hits: 0 };
      rules.push(entry);
      return {
        get hits() {
          return entry.hits;
        },
      };
    },
    reset: () => {
      rules.length = 0;
      requests.length = 0;
    },
    count: (method, path) =>
      requests.filter(
        (r) =>
          (!method || r.method === method.toUpperCase()) &&
          (path === undefined || (typeof path === 'string' ? r.url.includes(path) : path.test(r.url))),
      ).length,
    stop: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
