// Faults real networks and registries make, injected by the faulty proxy in front of docker-registry
// (and a registry stopped mid-run): retried where safe, clear errors (exit 3) where not, and
// nothing half written when a read does not verify. Also the cross-repository blob mount.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile, rm } from 'node:fs/promises';
import { attach } from '../../src/commands/attach.js';
import { discover } from '../../src/commands/discover.js';
import { RegistryError } from '../../src/errors.js';
import {
  fetchNewestCompatibilitySpec,
  openRepository,
  parseReference,
  retryPolicy,
  sha256Digest,
} from '../../src/oci/index.js';
import { runCli } from '../helpers/cli.js';
import type { FaultyProxy } from '../helpers/faulty-proxy.js';
import { startFaultyProxy } from '../helpers/faulty-proxy.js';
import type { SecureRegistry } from '../helpers/secure-registry.js';
import { startSecureRegistry } from '../helpers/secure-registry.js';
import type { Scratch } from './wild-helpers.js';
import { bareEnv, pushImage, scratch, SPEC_TEXT } from './wild-helpers.js';

describe('faults between the client and docker-registry', () => {
  let registry: SecureRegistry;
  let proxy: FaultyProxy;
  let s: Scratch;
  const opts = () => ({ plainHttp: true, env: bareEnv(s) });
  const tags = async (repo: string) => {
    const res = await fetch(`${registry.url}/v2/${repo}/tags/list`);
    return res.status === 404 ? [] : (((await res.json()) as { tags: string[] | null }).tags ?? []);
  };

  beforeAll(async () => {
    s = await scratch();
    registry = await startSecureRegistry();
    proxy = await startFaultyProxy({ upstream: registry.url });
    for (const repo of ['f/retry', 'f/upload', 'f/flip', 'f/big', 'f/down', 'f/mount-a', 'f/mount-b'])
      await pushImage(`${registry.host}/${repo}:v1`, { plainHttp: true, env: bareEnv(s) });
  });
  afterAll(async () => {
    await proxy?.stop();
    await registry?.cleanup();
    if (s) await rm(s.dir, { recursive: true, force: true });
  });

  it('retries a 503 and succeeds', async () => {
    proxy.reset();
    const rule = proxy.inject({
      method: 'GET',
      path: '/manifests/v1',
      times: 2,
      fault: { type: 'status', status: 503 },
    });
    const found = await discover({ image: `${proxy.host}/f/retry:v1`, ...opts() });
    expect(found.artifacts).toEqual([]);
    expect(rule.hits).toBe(2);
    expect(proxy.count('GET', '/manifests/v1')).toBe(3);
  });

  it('waits as long as a 429 Retry-After asks', async () => {
    proxy.reset();
    proxy.inject({
      method: 'GET',
      path: '/manifests/v1',
      fault: { type: 'status', status: 429, headers: { 'retry-after': '1' } },
    });
    const started = Date.now();
    await discover({ image: `${proxy.host}/f/retry:v1`, ...opts() });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(proxy.count('GET', '/manifests/v1')).toBe(2);
  });

  it('restarts an upload whose connection dropped mid-PUT, and the attach completes', async () => {
    proxy.reset();
    const rule = proxy.inject({
      method: 'PUT',
      path: '/blobs/uploads/',
      fault: { type: 'drop-upload', afterBytes: 10_000 },
    });
    const [attached] = await attach({ image: `${proxy.host}/f/upload:v1`, specFile: s.bigSpec, ...opts() });
    expect(rule.hits).toBe(1);
    expect(attached?.referrers).toBe('fallback');
    const got = await fetchNewestCompatibilitySpec(`${registry.host}/f/upload:v1`, {
      plainHttp: true,
      env: bareEnv(s),
    });
    expect(got.specBytes.byteLength).toBeGreaterThan(10_000);
    // A new session was started after the drop.
    expect(proxy.count('POST', '/blobs/uploads/')).toBeGreaterThanOrEqual(2);
  });

  it('reads a blob again when its download drops mid-body', async () => {
    await attach({ image: `${registry.host}/f/upload:v1`, specFile: s.bigSpec, ...opts() });
    proxy.reset();
    const specDigest = sha256Digest(await readFile(s.bigSpec));
    const rule = proxy.inject({
      method: 'GET',
      path: `/blobs/${specDigest}`,
      fault: { type: 'drop-download', afterBytes: 1000 },
    });
    const got = await fetchNewestCompatibilitySpec(`${proxy.host}/f/upload:v1`, {
      plainHttp: true,
      env: bareEnv(s),
    });
    expect(rule.hits).toBe(1);
    expect(proxy.count('GET', `/blobs/${specDigest}`)).toBe(2);
    expect(got.specBytes.byteLength).toBeGreaterThan(10_000);
  });

  it('times a slow request out and tries it again', async () => {
    proxy.reset();
    const rule = proxy.inject({ method: 'GET', path: '/manifests/v1', fault: { type: 'delay', ms: 3000 } });
    const started = Date.now();
    const found = await discover({ image: `${proxy.host}/f/retry:v1`, ...opts(), timeoutMs: 500 });
    expect(found.artifacts).toEqual([]);
    expect(rule.hits).toBe(1);
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it("reads a single manifest's config and its referrers at once", async () => {
    // Each read held 1.5 s: one after the other they take 3 s, at once 1.5 s.
    proxy.reset();
    const repo = openRepository(parseReference(`${registry.host}/f/retry:v1`), opts());
    const got = await repo.getManifest('v1');
    const config = (JSON.parse(got!.bytes.toString()) as { config: { digest: string } }).config.digest;
    const held = { type: 'delay', ms: 1500 } as const;
    proxy.inject({ method: 'GET', path: `/blobs/${config}`, fault: held });
    proxy.inject({ method: 'GET', path: '/manifests/sha256-', fault: held });
    const started = Date.now();
    const found = await discover({ image: `${proxy.host}/f/retry:v1`, ...opts() });
    expect(found.platform).toBe('linux/amd64');
    expect(Date.now() - started).toBeLessThan(2800);
  });

  it('refuses a manifest whose bytes do not match its digest, writing nothing', async () => {
    proxy.reset();
    proxy.inject({ method: 'GET', path: '/manifests/v1', times: Infinity, fault: { type: 'flip-byte' } });
    const err = await attach({ image: `${proxy.host}/f/flip:v1`, specFile: s.spec, ...opts() }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(RegistryError);
    expect((err as Error).message).toMatch(/does not match its digest/);
    expect(proxy.count('PUT')).toBe(0);
    expect(proxy.count('POST')).toBe(0);
    expect(await tags('f/flip')).toEqual(['v1']);
  });

  it('refuses a spec blob whose bytes do not match its digest', async () => {
    await attach({ image: `${registry.host}/f/flip:v1`, specFile: s.spec, ...opts() });
    proxy.reset();
    const rule = proxy.inject({
      method: 'GET',
      path: /\/blobs\/sha256:/,
      times: Infinity,
      fault: { type: 'flip-byte' },
    });
    const err = await fetchNewestCompatibilitySpec(`${proxy.host}/f/flip:v1`, {
      plainHttp: true,
      env: bareEnv(s),
    }).catch((e: unknown) => e);
    expect(rule.hits).toBeGreaterThanOrEqual(1);
    expect(err).toBeInstanceOf(RegistryError);
    expect((err as Error).message).toMatch(
      /blob sha256:[a-f0-9]{64} in .*: content does not match its digest/,
    );
  });

  it('refuses a manifest over 4 MiB (exit 3 through the CLI)', async () => {
    proxy.reset();
    proxy.inject({
      method: ['GET', 'HEAD'],
      path: '/manifests/',
      times: Infinity,
      fault: { type: 'oversize-manifest' },
    });
    const r = await runCli(['discover', '--image', `${proxy.host}/f/big:v1`, '--plain-http'], {
      env: bareEnv(s),
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/manifest .*f\/big.*(over the limit of 4194304|4194305 bytes is over)/);
  });

  it('gives up with exit 3 and the registry named when 5xx never stops', async () => {
    proxy.reset();
    proxy.inject({ path: '/manifests/', times: Infinity, fault: { type: 'status', status: 503 } });
    const r = await runCli(
      ['discover', '--image', `${proxy.host}/f/big:v1`, '--plain-http', '--retries', '2'],
      {
        env: bareEnv(s),
      },
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(
      /GET http:\/\/127\.0\.0\.1:\d+\/v2\/f\/big\/manifests\/v1: 503 Service Unavailable: UNAVAILABLE/,
    );
    expect(proxy.count('GET', '/manifests/')).toBe(3);
  });

  it('mounts a blob from another repository of the same registry', async () => {
    proxy.reset();
    await attach({ image: `${proxy.host}/f/mount-a:v1`, specFile: s.spec, ...opts() });
    await attach({ image: `${proxy.host}/f/mount-b:v1`, specFile: s.bigSpec, ...opts() });
    proxy.reset();
    // The same spec in another repository: the spec and the empty config are mounted, not uploaded.
    const repo = openRepository(parseReference(`${proxy.host}/f/mount-b:v1`), {
      plainHttp: true,
      env: bareEnv(s),
    });
    const spec = Buffer.from(SPEC_TEXT);
    await repo.pushBlob(spec, 'application/vnd.nfd.image-compatibility.spec.v1alpha1+yaml', {
      mountFrom: 'f/mount-a',
    });
    const mounts = proxy.requests.filter((r) => r.method === 'POST' && r.url.includes('mount='));
    expect(mounts.map((r) => r.status)).toEqual([201]);
    expect(proxy.count('PUT', '/blobs/uploads/')).toBe(0);
  });

  it('retries through a registry restart mid-run, and gives up (exit 3) when it stays down', async () => {
    const image = `${registry.host}/f/down:v1`;
    // Restarted after 700 ms: bounded retries carry the run through.
    let stopped = false;
    const hook: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (!stopped) {
        stopped = true;
        const body = await res.arrayBuffer();
        await registry.stop();
        setTimeout(() => void registry.start(), 700);
        return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
      }
      return res;
    };
    const found = await discover({
      image,
      plainHttp: true,
      env: bareEnv(s),
      fetch: hook,
      retry: retryPolicy({ retries: 6, baseMs: 200 }),
    });
    expect(found.artifacts).toEqual([]);
    expect(stopped).toBe(true);
    await new Promise((r) => setTimeout(r, 800));

    // Stays down: a clear registry error after the bounded retries.
    let down = false;
    const downHook: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (!down) {
        down = true;
        const body = await res.arrayBuffer();
        await registry.stop();
        return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
      }
      return res;
    };
    try {
      const err = await discover({
        image,
        plainHttp: true,
        env: bareEnv(s),
        fetch: downHook,
        retry: retryPolicy({ retries: 2, baseMs: 50 }),
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RegistryError);
      expect((err as Error).message).toMatch(
        /cannot reach registry 127\.0\.0\.1:\d+: GET .*ECONNREFUSED.* after 3 attempts/,
      );
      // Through the CLI, a registry that never answered fails at once with exit 3.
      const started = Date.now();
      const r = await runCli(['discover', '--image', image, '--plain-http'], { env: bareEnv(s) });
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/cannot reach registry 127\.0\.0\.1:\d+: .*ECONNREFUSED.* \(nothing listens/);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await registry.start();
    }
  });
});
