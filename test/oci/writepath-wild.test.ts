// The referrers write path against docker-registry 2.8 behind the faulty proxy: each fault of
// issue #15 made real. A 503 with Retry-After on the first index PUT while another writer finishes
// (both kept, both exit 0); a Retry-After over the cap (named, not waited for); attempts that match
// the message (no nested retry loops); exit 3 only when the write did not land (an answer lost
// after the PUT landed is success); an index PUT never resent as it was; a signed attach
// interrupted before its signature lists nothing; an index overwritten by a stale writer (as
// `oras attach` does) is repaired by the next reader that may push, and a refused repair changes
// nothing but the index.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { attach, attachArtifacts } from '../../src/commands/attach.js';
import { discover } from '../../src/commands/discover.js';
import { RegistryError } from '../../src/errors.js';
import {
  artifactTag,
  COMPATIBILITY_ARTIFACT_TYPE,
  fallbackTag,
  listReferrers,
  openRepository,
  parseReference,
  retryPolicy,
} from '../../src/oci/index.js';
import { loadPrivateKey } from '../../src/sign/keys.js';
import { runCli } from '../helpers/cli.js';
import type { FaultyProxy } from '../helpers/faulty-proxy.js';
import { startFaultyProxy } from '../helpers/faulty-proxy.js';
import type { TestRegistry } from '../helpers/registry.js';
import { pushTestImage, rawManifest, rawPushManifest, rawTags, startRegistry } from '../helpers/registry.js';
import { distinctSpecs, orasDiscover } from './wild-helpers.js';

const indexPut = (subject: string) => ({
  method: 'PUT',
  path: new RegExp(`/manifests/${fallbackTag(subject)}$`),
});
const fast = (retries: number) => retryPolicy({ retries, baseMs: 5, maxBackoffMs: 20 });

describe('the referrers write path under faults (docker-registry 2.8)', () => {
  let reg: TestRegistry;
  let proxy: FaultyProxy;
  let dir: string;
  let specs: string[];

  beforeAll(async () => {
    reg = await startRegistry();
    proxy = await startFaultyProxy({ upstream: reg.url });
    dir = await mkdtemp(path.join(os.tmpdir(), 'ic-writepath-'));
    specs = await distinctSpecs(dir, 4);
  });
  afterAll(async () => {
    await proxy?.stop();
    await reg?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const indexDigests = async (repo: string, subject: string) =>
    (
      JSON.parse((await rawManifest(reg, repo, fallbackTag(subject))).body) as {
        manifests: Array<{ digest: string }>;
      }
    ).manifests.map((m) => m.digest);

  it('503 with Retry-After on the first index PUT while another writer finishes: both kept, both exit 0', async () => {
    proxy.reset();
    const subject = await pushTestImage(reg, 'w/race', 'v1');
    const rule = proxy.inject({
      ...indexPut(subject.digest),
      times: 1,
      fault: { type: 'status', status: 503, headers: { 'Retry-After': '2' } },
    });
    const image = `${proxy.host}/w/race:v1`;
    const cli = (spec: string) =>
      runCli(['attach', '--image', image, '--spec', spec, '--plain-http', '--output', 'json']);
    const started = Date.now();
    const a = cli(specs[0]!);
    while (rule.hits === 0) await new Promise((r) => setTimeout(r, 20));
    const b = await cli(specs[1]!);
    const aDone = await a;
    expect([aDone.code, b.code, aDone.stderr, b.stderr]).toEqual([0, 0, '', '']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000); // A waited what the registry asked
    const digests = [aDone, b].map(
      (r) => (JSON.parse(r.stdout) as Array<{ artifact: { digest: string } }>)[0]!.artifact.digest,
    );
    expect((await orasDiscover(`${reg.host}/w/race:v1`)).sort()).toEqual(digests.sort());
  }, 60_000);

  it('names a Retry-After over the cap and does not wait for it; the artifact tag stays for a repair', async () => {
    proxy.reset();
    const subject = await pushTestImage(reg, 'w/cap', 'v1');
    proxy.inject({
      ...indexPut(subject.digest),
      times: Infinity,
      fault: { type: 'status', status: 503, headers: { 'Retry-After': '120' } },
    });
    const started = Date.now();
    const err = await attach({
      image: `${proxy.host}/w/cap:v1`,
      specFile: specs[0]!,
      plainHttp: true,
      retry: fast(4),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryError);
    expect((err as Error).message).toMatch(
      /asked to retry after 120 s, more than the 60 s this client waits/,
    );
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(proxy.count('PUT', new RegExp(`/manifests/${fallbackTag(subject.digest)}$`))).toBe(1);
    // Not listed where oras and NFD look, but recorded by its own tag: the next reader puts it back.
    expect(await orasDiscover(`${reg.host}/w/cap:v1`)).toEqual([]);
    expect(
      (await rawTags(reg, 'w/cap')).filter((t) => t.startsWith(`${fallbackTag(subject.digest)}.`)),
    ).toHaveLength(1);
    proxy.reset();
    const found = await discover({ image: `${proxy.host}/w/cap:v1`, plainHttp: true });
    expect(found.artifacts).toHaveLength(1);
    expect(await orasDiscover(`${reg.host}/w/cap:v1`)).toEqual([found.artifacts[0]!.digest]);
  }, 60_000);

  it('counts attempts once: a request retried by the transport is not retried again around it', async () => {
    proxy.reset();
    await pushTestImage(reg, 'w/count', 'v1');
    proxy.inject({
      method: 'GET',
      path: '/manifests/v1',
      times: Infinity,
      fault: { type: 'status', status: 503 },
    });
    const err = await discover({ image: `${proxy.host}/w/count:v1`, plainHttp: true, retry: fast(2) }).catch(
      (e: unknown) => e,
    );
    expect((err as Error).message).toMatch(/503 .*after 3 attempts/);
    expect(proxy.count('GET', '/manifests/v1')).toBe(3);

    // A blob upload (not resent by the transport) is restarted as a whole, as often as the policy
    // says: 3 POSTs for each of the artifact's two blobs (the empty config and the spec, both new
    // to this repository, uploaded at once as oras does).
    proxy.reset();
    proxy.inject({
      method: 'POST',
      path: '/blobs/uploads/',
      times: Infinity,
      fault: { type: 'status', status: 503 },
    });
    const up = await attach({
      image: `${proxy.host}/w/count:v1`,
      specFile: specs[3]!,
      plainHttp: true,
      retry: fast(2),
    }).catch((e: unknown) => e);
    expect((up as Error).message).toMatch(/after 3 attempts/);
    expect(proxy.count('POST', '/blobs/uploads/')).toBe(2 * 3);
  }, 60_000);

  it('an answer lost after the index PUT landed is success (exit 0): re-read to decide', async () => {
    proxy.reset();
    const subject = await pushTestImage(reg, 'w/lost', 'v1');
    proxy.inject({
      ...indexPut(subject.digest),
      times: Infinity,
      fault: { type: 'answer-lost', status: 503 },
    });
    const [a] = await attach({
      image: `${proxy.host}/w/lost:v1`,
      specFile: specs[0]!,
      plainHttp: true,
      retry: fast(1),
    });
    expect(await indexDigests('w/lost', subject.digest)).toEqual([a!.artifactDescriptor.digest]);
  }, 60_000);

  it('an index PUT that did not land is exit 3, after re-reading before each new write (never resent as it was)', async () => {
    proxy.reset();
    const subject = await pushTestImage(reg, 'w/down', 'v1');
    const tag = fallbackTag(subject.digest);
    proxy.inject({ ...indexPut(subject.digest), times: Infinity, fault: { type: 'status', status: 503 } });
    const r = await runCli(
      ['attach', '--image', `${proxy.host}/w/down:v1`, '--spec', specs[0]!, '--plain-http', '--retries', '1'],
      {},
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/referrers index was not written after 2 attempts/);
    const seq = proxy.requests
      .filter((q) => q.url.endsWith(`/manifests/${tag}`))
      .map((q) => q.method)
      .join(' ');
    // Read, write (refused), read again, write again (refused), a last read to decide.
    expect(seq).toBe('GET PUT GET PUT GET');
  }, 60_000);

  it('a signed attach interrupted before its signature lands lists nothing; run again, it lists both', async () => {
    proxy.reset();
    const subject = await pushTestImage(reg, 'w/sign', 'v1');
    const sign = {
      kind: 'key' as const,
      key: loadPrivateKey(readFileSync('test/fixtures/sign/ec-pkcs8.pem', 'utf8')),
    };
    // The first artifact tag PUT is the signature's: refuse it (not retryable).
    proxy.inject({
      method: 'PUT',
      path: /\/manifests\/sha256-[0-9a-f]{64}\.[0-9a-f]{16}$/,
      times: 1,
      fault: { type: 'status', status: 400, body: '{"errors":[{"code":"DENIED","message":"scripted"}]}' },
    });
    const now = () => new Date('2026-12-01T10:00:00Z');
    const image = `${proxy.host}/w/sign:v1`;
    await expect(attachArtifacts({ image, specFile: specs[0]!, plainHttp: true, sign, now })).rejects.toThrow(
      RegistryError,
    );
    expect(await orasDiscover(`${reg.host}/w/sign:v1`)).toEqual([]);
    expect((await discover({ image, plainHttp: true })).artifacts).toEqual([]);
    const out = await attachArtifacts({ image, specFile: specs[0]!, plainHttp: true, sign, now });
    const art = out.artifacts[0]!;
    expect(await orasDiscover(`${reg.host}/w/sign:v1`)).toEqual([art.artifactDescriptor.digest]);
    const repo = openRepository(parseReference(image), { plainHttp: true });
    expect((await listReferrers(repo, art.artifactDescriptor.digest)).map((d) => d.digest)).toEqual([
      art.signatureDescriptor!.digest,
    ]);
    expect(subject.digest).toBe(art.subjectDescriptor.digest);
  }, 60_000);

  it('an index overwritten by a stale writer is repaired by one discover; a refused repair changes only the index', async () => {
    proxy.reset();
    const subject = await pushTestImage(reg, 'w/repair', 'v1');
    const image = `${proxy.host}/w/repair:v1`;
    const ours = (await attach({ image, specFile: specs[0]!, plainHttp: true }))[0]!.artifactDescriptor;
    const other = await pushTestImage(reg, 'w/repair', 'other', { os: 'linux', architecture: 'arm64' });
    // What `oras attach` with a stale read writes: its own entry only.
    await rawPushManifest(reg, 'w/repair', fallbackTag(subject.digest), {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [{ ...other, artifactType: 'application/x-other' }],
    });
    expect(await orasDiscover(`${reg.host}/w/repair:v1`)).toEqual([]);

    // No push rights (the registry refuses the PUT): discover still lists it, exit 0, index unchanged.
    proxy.inject({ ...indexPut(subject.digest), times: Infinity, fault: { type: 'status', status: 403 } });
    const refused = await runCli(['discover', '--image', image, '--plain-http', '--output', 'json'], {});
    expect(refused.code).toBe(0);
    expect(
      (JSON.parse(refused.stdout) as { artifacts: Array<{ digest: string }> }).artifacts.map((a) => a.digest),
    ).toEqual([ours.digest]);
    expect(await orasDiscover(`${reg.host}/w/repair:v1`)).toEqual([]);

    proxy.reset();
    const found = await discover({ image, plainHttp: true });
    expect(found.artifacts.map((a) => a.digest)).toEqual([ours.digest]);
    expect(await orasDiscover(`${reg.host}/w/repair:v1`)).toEqual([ours.digest]);
    expect((await indexDigests('w/repair', subject.digest)).sort()).toEqual(
      [ours.digest, other.digest].sort(),
    );
    expect(artifactTag(subject.digest, ours.digest)).toMatch(/^sha256-[0-9a-f]{64}\.[0-9a-f]{16}$/);
    expect(COMPATIBILITY_ARTIFACT_TYPE).toBe(ours.artifactType);
  }, 60_000);
});
