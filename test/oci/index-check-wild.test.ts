// The fallback index's check (src/oci/referrers.ts, recordInFallbackIndex) at the two moments a
// race once slipped through it (16 attach processes on one subject, one referrer missing from the
// index afterwards): a listed artifact tag that answers 404 (distribution lists a tag's folder
// before its PUT has written the link) must be asked again at the next check, and an index write
// whose answer was lost (it landed, a 503 came back) must be checked as any landed write is.
// docker-registry behind the faulty proxy; the referrers are tagged as their writers tag them,
// and missing from the index as a writer whose index write was overwritten leaves them.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rm } from 'node:fs/promises';
import type { Descriptor } from '../../src/oci/index.js';
import {
  artifactTag,
  MediaType,
  openRepository,
  parseReference,
  readFallback,
  recordInFallbackIndex,
  fallbackTag,
  retryPolicy,
} from '../../src/oci/index.js';
import type { FaultyProxy } from '../helpers/faulty-proxy.js';
import { startFaultyProxy } from '../helpers/faulty-proxy.js';
import type { SecureRegistry } from '../helpers/secure-registry.js';
import { startSecureRegistry } from '../helpers/secure-registry.js';
import type { Scratch } from './wild-helpers.js';
import { bareEnv, pushImage, scratch } from './wild-helpers.js';

describe('the fallback index check, at the moments a race meets it', () => {
  let registry: SecureRegistry;
  let proxy: FaultyProxy;
  let s: Scratch;
  const opts = () => ({ plainHttp: true, env: bareEnv(s), retry: retryPolicy({ retries: 3, baseMs: 10 }) });

  beforeAll(async () => {
    s = await scratch();
    registry = await startSecureRegistry();
    proxy = await startFaultyProxy({ upstream: registry.url });
  });
  afterAll(async () => {
    await proxy?.stop();
    await registry?.cleanup();
    if (s) await rm(s.dir, { recursive: true, force: true });
  });

  /** The subject, and referrers of it tagged as their writers tag them (none in the index). */
  async function setUp(name: string, count: number) {
    const direct = { plainHttp: true, env: bareEnv(s) };
    const subject = await pushImage(`${registry.host}/${name}:v1`, direct);
    const repo = openRepository(parseReference(`${registry.host}/${name}:v1`), direct);
    const tagged: Descriptor[] = [];
    for (let i = 0; i < count; i++) {
      const referrer = await pushImage(`${registry.host}/${name}:r${i}`, direct);
      const got = await repo.getManifest(referrer.digest);
      await repo.putManifest(artifactTag(subject.digest, referrer.digest), got!.bytes, MediaType.ociManifest);
      tagged.push(referrer);
    }
    const writer = await pushImage(`${registry.host}/${name}:x`, direct);
    const viaProxy = openRepository(parseReference(`${proxy.host}/${name}:v1`), opts());
    const listed = async () =>
      (await readFallback(repo, subject.digest)).manifests.map((d) => d.digest).sort();
    return { subject, tagged, writer, viaProxy, listed };
  }

  it('asks again at the next check for a listed tag that answered 404', async () => {
    proxy.reset();
    const { subject, tagged, writer, viaProxy, listed } = await setUp('k/again', 2);
    const [late, other] = tagged as [Descriptor, Descriptor];
    // The first GET of one tag answers 404, as while its PUT is under way; the other tag makes
    // the writer write a second time, and its second check must find the first tag then.
    const rule = proxy.inject({
      method: 'GET',
      path: `/manifests/${artifactTag(subject.digest, late.digest)}`,
      fault: { type: 'status', status: 404, body: '{"errors":[{"code":"MANIFEST_UNKNOWN"}]}' },
    });
    await recordInFallbackIndex(viaProxy, subject.digest, [writer]);
    expect(rule.hits).toBe(1);
    expect(await listed()).toEqual([writer.digest, late.digest, other.digest].sort());
  });

  it('checks a write whose answer was lost as a write that landed', async () => {
    proxy.reset();
    const { subject, tagged, writer, viaProxy, listed } = await setUp('k/lost', 1);
    const rule = proxy.inject({
      method: 'PUT',
      path: `/manifests/${fallbackTag(subject.digest)}`,
      fault: { type: 'answer-lost', status: 503 },
    });
    await recordInFallbackIndex(viaProxy, subject.digest, [writer]);
    expect(rule.hits).toBe(1);
    expect(await listed()).toEqual([writer.digest, tagged[0]!.digest].sort());
  });
});
