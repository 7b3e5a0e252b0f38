// A fake Fulcio and Rekor (@sigstore/mock handlers) served over HTTP on 127.0.0.1 for keyless
// tests, with the trusted root that trusts them. Also builds unsigned OIDC identity tokens (the
// mock decodes, it does not verify them).

import { createHash, generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  fulcioHandler,
  initializeCA,
  initializeTLog,
  initializeTSA,
  rekorHandler,
  tsaHandler,
} from '@sigstore/mock';
import type { HandlerFn } from '@sigstore/mock';

export interface SigstoreMock {
  fulcioURL: string;
  rekorURL: string;
  /** RFC 3161 timestamp authority (GitHub's private-repository instance has no Rekor). */
  tsaURL: string;
  /** JSON TrustedRoot trusting this mock's CA and log. */
  trustedRoot: string;
  close: () => Promise<void>;
}

const p256 = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });

export async function startSigstoreMock(): Promise<SigstoreMock> {
  const routes = new Map<string, HandlerFn>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const fn = routes.get(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
      if (!fn || req.method !== 'POST') {
        res.writeHead(404).end();
        return;
      }
      fn(Buffer.concat(chunks).toString('utf8')).then(
        (r) => {
          res.writeHead(r.statusCode, { 'Content-Type': r.contentType ?? 'text/plain' });
          res.end(typeof r.response === 'string' ? r.response : Buffer.from(r.response.buffer));
        },
        (err: Error) => res.writeHead(500).end(err.message),
      );
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // Fixed clocks on whole seconds: certificates issued a minute ago, timestamps 2 s ahead. Two
  // flakes of the mock TSA with live clocks: it writes genTime with milliseconds, trimming
  // trailing zeros ("...01.12Z"), which @sigstore/core rejects ("invalid time"); and its own
  // certificates, made at init, could be a second newer than the timestamp.
  const now = Math.floor(Date.now() / 1000) * 1000;
  const ca = await initializeCA(p256(), undefined, new Date(now - 60_000));
  const tlog = await initializeTLog(base, p256());
  const tsa = await initializeTSA(p256(), new Date(now + 2000));
  for (const h of [fulcioHandler(ca), rekorHandler(tlog), tsaHandler(tsa)]) routes.set(h.path, h.fn);

  const start = new Date(Date.now() - 24 * 3600 * 1000).toISOString();
  const trustedRoot = JSON.stringify({
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [
      {
        baseUrl: base,
        hashAlgorithm: 'SHA2_256',
        publicKey: {
          rawBytes: tlog.publicKey.toString('base64'),
          keyDetails: 'PKIX_ECDSA_P256_SHA_256',
          validFor: { start },
        },
        logId: { keyId: createHash('sha256').update(tlog.publicKey).digest('base64') },
      },
    ],
    certificateAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
        uri: base,
        certChain: {
          certificates: [{ rawBytes: Buffer.from(ca.rootCertificate.buffer).toString('base64') }],
        },
        validFor: { start },
      },
    ],
    ctlogs: [],
    timestampAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'tsa' },
        uri: base,
        certChain: {
          certificates: [tsa.intCertificate, tsa.rootCertificate].map((c) => ({
            rawBytes: Buffer.from(c.buffer).toString('base64'),
          })),
        },
        validFor: { start },
      },
    ],
  });

  return {
    fulcioURL: base,
    rekorURL: base,
    tsaURL: base,
    trustedRoot,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** An unsigned JWT carrying `claims` (the mock Fulcio only decodes it). */
export function identityToken(claims: Record<string, unknown>): string {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ aud: 'sigstore', iat: now, exp: now + 600, ...claims })}.sig`;
}
