// The client's HTTP path (src/oci/http.ts) against a real node:http server: bodies stream in
// chunks, headers read case-insensitively, string and byte bodies carry their Content-Length,
// connections are kept alive and reused (a HEAD answer frees its socket by itself), the timeout
// signal fails a stalled body read with a transient error, a refused connection is transient, and
// `sent` (the transport's idle work: loading the hasher) comes once the request is written.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isTransientNetworkError, nodeHttpFetch, Transport } from '../../src/oci/index.js';
import { freePort } from '../helpers/registry.js';

describe('the HTTP path (node:http, keep-alive)', () => {
  let server: Server;
  let base: string;
  const sockets = new Set<unknown>();
  const seen: Array<{ method: string; length?: string; body: string }> = [];

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      sockets.add(req.socket);
      const parts: Buffer[] = [];
      for await (const c of req) parts.push(c as Buffer);
      seen.push({
        method: req.method as string,
        ...(req.headers['content-length'] !== undefined && { length: req.headers['content-length'] }),
        body: Buffer.concat(parts).toString(),
      });
      if (req.url === '/chunks') {
        res.writeHead(200, { 'Docker-Content-Digest': 'sha256:x', 'Content-Type': 'text/plain' });
        res.write('one,');
        setTimeout(() => res.end('two'), 20);
      } else if (req.url === '/stall') {
        res.writeHead(200, { 'Content-Length': '100' });
        res.write('partial');
      } else if (req.method === 'HEAD') {
        res.writeHead(200, { 'Content-Length': '42' }).end();
      } else {
        res.writeHead(201, { 'Content-Type': 'text/plain' }).end('ok');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('streams a body in chunks and reads headers in any case', async () => {
    const http = nodeHttpFetch();
    const res = await http(new URL('/chunks', base), { method: 'GET' });
    expect(res.status).toBe(200);
    expect(res.headers.get('docker-content-digest')).toBe('sha256:x');
    expect(res.headers.get('Content-Type')).toBe('text/plain');
    expect(res.headers.get('x-missing')).toBeNull();
    const reader = res.body!.getReader();
    const chunks: string[] = [];
    for (let next = await reader.read(); !next.done; next = await reader.read())
      chunks.push(Buffer.from(next.value!).toString());
    expect(chunks).toEqual(['one,', 'two']);
  });

  it('sends byte and string bodies with their length, and reuses the connection', async () => {
    const http = nodeHttpFetch();
    sockets.clear();
    seen.length = 0;
    const put = await http(new URL('/put', base), { method: 'PUT', body: new Uint8Array([104, 105]) });
    expect(await put.text()).toBe('ok');
    const head = await http(new URL('/head', base), { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe('42'); // not read: freed by itself
    const post = await http(new URL('/form', base), { method: 'POST', body: 'a=1&b=2' });
    await post.body!.cancel();
    const empty = await http(new URL('/empty', base), { method: 'POST', body: new Uint8Array(0) });
    expect(empty.status).toBe(201);
    expect(seen).toEqual([
      { method: 'PUT', length: '2', body: 'hi' },
      { method: 'HEAD', body: '' },
      { method: 'POST', length: '7', body: 'a=1&b=2' },
      { method: 'POST', length: '0', body: '' },
    ]);
    // The PUT and the HEAD went over one kept-alive connection (the cancelled POST closed its own).
    expect(sockets.size).toBeLessThanOrEqual(2);
  });

  it('fails a stalled body read when the timeout fires, as a transient error', async () => {
    const http = nodeHttpFetch();
    const res = await http(new URL('/stall', base), { method: 'GET', signal: AbortSignal.timeout(300) });
    const reader = res.body!.getReader();
    expect(Buffer.from((await reader.read()).value!).toString()).toBe('partial');
    const err = await reader.read().catch((e: unknown) => e);
    expect((err as Error).name).toBe('TimeoutError');
    expect(isTransientNetworkError(err)).toBe(true);
  });

  it('calls `sent` once the request is written, before the answer', async () => {
    const order: string[] = [];
    const res = await nodeHttpFetch()(new URL('/chunks', base), {
      method: 'PUT',
      body: Buffer.from('manifest'),
      sent: () => order.push('sent'),
    });
    order.push(`answer ${res.status}`);
    expect(order).toEqual(['sent', 'answer 200']);
  });

  it('the transport does its idle work once, while the first request is on the way', async () => {
    const order: string[] = [];
    const t = new Transport({
      host: base.slice('http://'.length),
      plainHttp: true,
      whileWaiting: () => order.push('idle'),
    });
    for (let i = 0; i < 3; i++)
      order.push(`answer ${(await t.send({ method: 'HEAD', url: '/v2/' })).status}`);
    expect(order).toEqual(['idle', 'answer 200', 'answer 200', 'answer 200']);
  });

  it('reports a refused connection with its code (transient)', async () => {
    const port = await freePort();
    const err = await nodeHttpFetch()(new URL(`http://127.0.0.1:${port}/v2/`), { method: 'GET' }).catch(
      (e: unknown) => e,
    );
    expect((err as { code?: string }).code).toBe('ECONNREFUSED');
    expect(isTransientNetworkError(err)).toBe(true);
  });
});
