// The faulty proxy makes each fault a registry client must survive, in front of a real
// docker-registry, and the registry can be stopped and started again on the same port and storage.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { FaultyProxy } from '../helpers/faulty-proxy.js';
import { MANIFEST_CAP, startFaultyProxy } from '../helpers/faulty-proxy.js';
import type { SecureRegistry } from '../helpers/secure-registry.js';
import { startSecureRegistry } from '../helpers/secure-registry.js';
import type { Target } from './raw-registry.js';
import { OCI_MANIFEST, pushBlob, pushImage, req, sha256 } from './raw-registry.js';

const ACCEPT = { accept: OCI_MANIFEST };

async function failure(p: Promise<unknown>): Promise<Error | undefined> {
  return p.then(
    () => undefined,
    (e: unknown) => e as Error,
  );
}

describe('faulty proxy in front of docker-registry', () => {
  let registry: SecureRegistry;
  let proxy: FaultyProxy;
  let t: Target;
  let image: { digest: string };
  const blobData = randomBytes(64 * 1024);
  let blobDigest: string;

  beforeAll(async () => {
    registry = await startSecureRegistry();
    proxy = await startFaultyProxy({ upstream: registry.url });
    t = { base: proxy.url };
    image = await pushImage(t, 'app', 'v1');
    blobDigest = (await pushBlob(t, 'app', blobData)).digest;
  });
  afterEach(() => proxy.reset());
  afterAll(async () => {
    await proxy?.stop();
    await registry?.cleanup();
  });

  it('passes requests through untouched, Location pointing back at the proxy, and records them', async () => {
    const post = await req(t, '/v2/app/blobs/uploads/', { method: 'POST' });
    expect(post.status).toBe(202);
    expect(new URL(post.headers.get('location') ?? '', proxy.url).host).toBe(proxy.host);
    await req(t, post.headers.get('location') ?? '', { method: 'DELETE' });
    const got = await req(t, `/v2/app/blobs/${blobDigest}`);
    expect(sha256(Buffer.from(await got.arrayBuffer()))).toBe(blobDigest);
    expect(proxy.count('GET', '/blobs/')).toBe(1);
    expect(proxy.requests[0]).toMatchObject({ method: 'POST', url: '/v2/app/blobs/uploads/', status: 202 });
  });

  it('answers 503 N times, then passes', async () => {
    const rule = proxy.inject({
      method: 'GET',
      path: '/manifests/',
      times: 2,
      fault: { type: 'status', status: 503 },
    });
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await req(t, '/v2/app/manifests/v1', { headers: ACCEPT })).status);
    expect(statuses).toEqual([503, 503, 200]);
    expect(rule.hits).toBe(2);
    expect(proxy.requests.map((r) => r.fault)).toEqual(['status', 'status', undefined]);
  });

  it('answers 429 with Retry-After', async () => {
    proxy.inject({
      path: /\/blobs\/sha256:/,
      fault: { type: 'status', status: 429, headers: { 'retry-after': '1' } },
    });
    const limited = await req(t, `/v2/app/blobs/${blobDigest}`, { method: 'HEAD' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect((await req(t, `/v2/app/blobs/${blobDigest}`, { method: 'HEAD' })).status).toBe(200);
  });

  it('drops the connection mid-upload, leaving nothing half written', async () => {
    const data = randomBytes(256 * 1024);
    const digest = sha256(data);
    proxy.inject({
      method: 'PUT',
      path: '/blobs/uploads/',
      fault: { type: 'drop-upload', afterBytes: 10_000 },
    });
    const post = await req(t, '/v2/app/blobs/uploads/', { method: 'POST' });
    const location = new URL(post.headers.get('location') ?? '', proxy.url);
    location.searchParams.set('digest', digest);
    const err = await failure(req(t, location.toString(), { method: 'PUT', body: data }));
    expect(err).toBeDefined();
    expect(proxy.requests.at(-1)).toMatchObject({ fault: 'drop-upload', requestBytes: 10_000, status: 0 });
    expect((await req(t, `/v2/app/blobs/${digest}`, { method: 'HEAD' })).status).toBe(404);
    // A fresh upload goes through once the fault is spent.
    expect((await pushBlob(t, 'app', data)).status).toBe(201);
  });

  it('drops the connection mid-download', async () => {
    proxy.inject({ method: 'GET', path: '/blobs/', fault: { type: 'drop-download', afterBytes: 1000 } });
    const res = await req(t, `/v2/app/blobs/${blobDigest}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(blobData.length));
    expect(await failure(res.arrayBuffer())).toBeDefined();
  });

  it('flips a byte of a blob and of a manifest: same headers, wrong digest', async () => {
    proxy.inject({ method: 'GET', path: '/blobs/', fault: { type: 'flip-byte' } });
    proxy.inject({ method: 'GET', path: '/manifests/', fault: { type: 'flip-byte', offset: 0 } });
    const blob = await req(t, `/v2/app/blobs/${blobDigest}`);
    const body = Buffer.from(await blob.arrayBuffer());
    expect(body.length).toBe(blobData.length);
    expect(sha256(body)).not.toBe(blobDigest);
    const manifest = await req(t, '/v2/app/manifests/v1', { headers: ACCEPT });
    expect(manifest.headers.get('docker-content-digest')).toBe(image.digest);
    expect(sha256(Buffer.from(await manifest.arrayBuffer()))).not.toBe(image.digest);
  });

  it('serves a manifest over the 4 MiB cap, with its true digest', async () => {
    proxy.inject({
      method: ['GET', 'HEAD'],
      path: '/manifests/',
      times: 2,
      fault: { type: 'oversize-manifest' },
    });
    const head = await req(t, '/v2/app/manifests/v1', { method: 'HEAD', headers: ACCEPT });
    expect(Number(head.headers.get('content-length'))).toBe(MANIFEST_CAP + 1);
    const res = await req(t, '/v2/app/manifests/v1', { headers: ACCEPT });
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.length).toBe(MANIFEST_CAP + 1);
    expect(res.headers.get('docker-content-digest')).toBe(sha256(body));
    expect(JSON.parse(body.toString())).toMatchObject({ schemaVersion: 2, mediaType: OCI_MANIFEST });
  });

  it('resets a connection and delays an answer', async () => {
    proxy.inject({ path: '/v2/', fault: { type: 'reset' } });
    expect(await failure(req(t, '/v2/'))).toBeDefined();
    proxy.inject({ path: '/v2/', fault: { type: 'delay', ms: 300 } });
    const started = Date.now();
    expect((await req(t, '/v2/')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('survives the registry being stopped and started again on the same port and storage', async () => {
    const port = registry.port;
    await registry.stop();
    expect(registry.running).toBe(false);
    expect((await req(t, '/v2/app/manifests/v1', { headers: ACCEPT })).status).toBe(502);
    const direct = await failure(req({ base: registry.url }, '/v2/'));
    expect((direct as Error & { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED');
    await registry.start();
    expect(registry.running).toBe(true);
    expect(registry.port).toBe(port);
    const res = await req(t, '/v2/app/manifests/v1', { headers: ACCEPT });
    expect(res.status).toBe(200);
    expect(res.headers.get('docker-content-digest')).toBe(image.digest);
  });
});

describe('faulty proxy with upstreamDown: reset', () => {
  it('resets the connection when the registry is down', async () => {
    const registry = await startSecureRegistry();
    const proxy = await startFaultyProxy({ upstream: registry.url, upstreamDown: 'reset' });
    try {
      await registry.stop();
      expect(await failure(req({ base: proxy.url }, '/v2/'))).toBeDefined();
      expect(proxy.requests).toHaveLength(1);
    } finally {
      await proxy.stop();
      await registry.cleanup();
    }
  });
});

describe('faulty proxy redirects', () => {
  it('redirects to another host and records whether credentials came along', async () => {
    const registry = await startSecureRegistry();
    const storage = await startFaultyProxy({ upstream: registry.url });
    const front = await startFaultyProxy({ upstream: registry.url });
    try {
      const image = await pushImage({ base: front.url }, 'app', 'v1');
      expect(image.status).toBe(201);
      // "Storage" on localhost: another host as far as a client is concerned.
      front.inject({
        method: 'GET',
        path: '/blobs/',
        fault: { type: 'redirect', to: storage.url.replace('127.0.0.1', 'localhost') },
      });
      const config = (image.manifest.config as { digest: string }).digest;
      const res = await req({ base: front.url, auth: 'Bearer secret' }, `/v2/app/blobs/${config}`);
      expect(res.status).toBe(307);
      const location = res.headers.get('location') ?? '';
      expect(location).toBe(`${storage.url.replace('127.0.0.1', 'localhost')}/v2/app/blobs/${config}`);
      expect(front.requests.at(-1)).toMatchObject({ fault: 'redirect', authorization: true });
      // Following it without credentials, as a client must:
      expect((await req({ base: '' }, location)).status).toBe(200);
      expect(storage.requests.at(-1)).toMatchObject({ authorization: false, status: 200 });
    } finally {
      await front.stop();
      await storage.stop();
      await registry.cleanup();
    }
  });
});
