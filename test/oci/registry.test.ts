// The client against real docker-registry processes (no auth, and htpasswd): attach, discover and
// fetch on a single manifest and on an index, the fallback index, redirects, credentials.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { attach } from '../../src/commands/attach.js';
import { discover } from '../../src/commands/discover.js';
import { InputError, RegistryError } from '../../src/errors.js';
import {
  addToFallbackIndex,
  artifactTag,
  COMPATIBILITY_ARTIFACT_TYPE,
  createTransport,
  fetchNewestCompatibilitySpec,
  fallbackTag,
  openRepository,
  parseReference,
  Repository,
} from '../../src/oci/index.js';
import type { TestIndex, TestRegistry } from '../helpers/registry.js';
import {
  pushTestImage,
  pushTestIndex,
  rawBlob,
  rawPushBlob,
  rawManifest,
  rawPushManifest,
  rawTags,
  sha256,
  startRegistry,
} from '../helpers/registry.js';

const SPEC = 'test/fixtures/oci/spec.yaml';

describe('docker-registry without auth', () => {
  let reg: TestRegistry;
  let index: TestIndex;

  beforeAll(async () => {
    reg = await startRegistry();
    await pushTestImage(reg, 'single/app', 'v1');
    index = await pushTestIndex(reg, 'multi/app', 'v1', [
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64', variant: 'v8' },
      { os: 'linux', architecture: 'arm', variant: 'v7' },
    ]);
  });
  afterAll(async () => reg?.stop());

  it('attaches to a single manifest, discovers and fetches it back', async () => {
    const image = `${reg.host}/single/app:v1`;
    const [first] = await attach({
      image,
      specFile: SPEC,
      plainHttp: true,
      now: () => new Date('2026-01-01T00:00:00Z'),
    });
    expect(first).toMatchObject({ platform: 'linux/amd64', referrers: 'fallback' });
    const [second] = await attach({ image, specFile: SPEC, plainHttp: true });
    const listed = await discover({ image, plainHttp: true, platform: 'linux/amd64' });
    expect(listed.artifacts.map((a) => a.digest)).toEqual([
      second?.artifactDescriptor.digest,
      first?.artifactDescriptor.digest,
    ]);
    expect(listed.artifacts[1]?.created).toBe('2026-01-01T00:00:00Z');

    const newest = await fetchNewestCompatibilitySpec(image, { plainHttp: true });
    expect(newest.artifact.digest).toBe(second?.artifactDescriptor.digest);
    expect(newest.specBytes.toString()).toBe((await import('node:fs')).readFileSync(SPEC, 'utf8'));
    expect(newest.platform).toEqual({ os: 'linux', architecture: 'amd64' });

    // The artifact manifest in the registry: NFD's layout.
    const manifest = JSON.parse((await rawManifest(reg, 'single/app', newest.artifact.digest)).body);
    expect(manifest).toMatchObject({
      artifactType: COMPATIBILITY_ARTIFACT_TYPE,
      config: { mediaType: 'application/vnd.oci.empty.v1+json', size: 2, data: 'e30=' },
      layers: [
        {
          mediaType: 'application/vnd.nfd.image-compatibility.spec.v1alpha1+yaml',
          annotations: { 'org.opencontainers.image.title': 'spec.yaml' },
        },
      ],
      subject: { digest: newest.subject.digest },
    });
    expect(manifest.annotations['org.opencontainers.image.created']).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
    );
    expect((await rawBlob(reg, 'single/app', manifest.layers[0].digest)).toString()).toBe(
      newest.specBytes.toString(),
    );
    // Written through the fallback tag.
    expect(await rawTags(reg, 'single/app')).toContain(fallbackTag(newest.subject.digest));
  });

  it('attaches to every platform of an index but not to its attestation; --platform restricts', async () => {
    const image = `${reg.host}/multi/app:v1`;
    const all = await attach({ image, specFile: SPEC, plainHttp: true });
    expect(all.map((a) => a.platform).sort()).toEqual(['linux/amd64', 'linux/arm/v7', 'linux/arm64/v8']);
    expect(all.map((a) => a.subjectDescriptor.digest).sort()).toEqual(
      index.platforms.map((p) => p.digest).sort(),
    );
    const tags = await rawTags(reg, 'multi/app');
    expect(tags).not.toContain(fallbackTag(index.attestation.digest));
    expect(tags).not.toContain(fallbackTag(index.index.digest));

    const arm = await attach({
      image,
      specFile: SPEC,
      plainHttp: true,
      platform: 'linux/arm64',
      now: () => new Date(Date.now() + 60_000), // same inputs in the same second give the same artifact
    });
    expect(arm).toHaveLength(1);
    expect(arm[0]?.subjectDescriptor.digest).toBe(index.platforms[1]?.digest);

    const armList = await discover({ image, plainHttp: true, platform: 'linux/aarch64/v8' });
    expect(armList.platform).toBe('linux/arm64/v8');
    expect(armList.artifacts).toHaveLength(2);
    const amdList = await discover({ image, plainHttp: true, platform: 'linux/amd64' });
    expect(amdList.artifacts).toHaveLength(1);

    await expect(attach({ image, specFile: SPEC, plainHttp: true, platform: 'linux/s390x' })).rejects.toThrow(
      /has no manifest for linux\/s390x; it offers linux\/amd64, linux\/arm64\/v8, linux\/arm\/v7/,
    );
  });

  it('attaches to the manifests of a Docker manifest list', async () => {
    const platforms = [
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm', variant: 'v6' },
    ];
    const manifests = [];
    for (const p of platforms) {
      const config = Buffer.from(JSON.stringify({ ...p, rootfs: { type: 'layers', diff_ids: [] } }));
      const layer = Buffer.from(`docker layer ${p.architecture}`);
      await rawPushBlob(reg, 'docker/app', config);
      await rawPushBlob(reg, 'docker/app', layer);
      const d = await rawPushManifest(reg, 'docker/app', `d-${p.architecture}`, {
        schemaVersion: 2,
        mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
        config: {
          mediaType: 'application/vnd.docker.container.image.v1+json',
          digest: sha256(config),
          size: config.length,
        },
        layers: [
          {
            mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
            digest: sha256(layer),
            size: layer.length,
          },
        ],
      });
      manifests.push({ ...d, platform: p });
    }
    await rawPushManifest(reg, 'docker/app', 'v1', {
      schemaVersion: 2,
      mediaType: 'application/vnd.docker.distribution.manifest.list.v2+json',
      manifests,
    });
    const image = `${reg.host}/docker/app:v1`;
    const attached = await attach({ image, specFile: SPEC, plainHttp: true });
    expect(attached.map((a) => [a.platform, a.subjectDescriptor.mediaType])).toEqual([
      ['linux/amd64', 'application/vnd.docker.distribution.manifest.v2+json'],
      ['linux/arm/v6', 'application/vnd.docker.distribution.manifest.v2+json'],
    ]);
    const arm = await fetchNewestCompatibilitySpec(image, { plainHttp: true, platform: 'linux/arm/v6' });
    expect(arm.subject.digest).toBe(manifests[1]?.digest);
    // A single Docker v2 manifest: its platform comes from its config.
    const single = await discover({ image: `${reg.host}/docker/app:d-arm`, plainHttp: true });
    expect(single.platform).toBe('linux/arm/v6');
    expect(single.artifacts).toHaveLength(1);
  });

  it('says so when an image has no compatibility artifact (exit 3)', async () => {
    await pushTestImage(reg, 'bare/app', 'v1');
    const err = await fetchNewestCompatibilitySpec(`${reg.host}/bare/app:v1`, { plainHttp: true }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(RegistryError);
    expect(err.exitCode).toBe(3);
    expect(err.message).toMatch(/has no compatibility artifact/);
  });

  it('reports a missing image with the registry answer', async () => {
    const err = await discover({ image: `${reg.host}/single/app:nope`, plainHttp: true }).catch((e) => e);
    expect(err).toBeInstanceOf(RegistryError);
    expect(err.message).toMatch(
      /image .*single\/app:nope not found: GET http:.*manifests\/nope: 404 Not Found: MANIFEST_UNKNOWN/,
    );
  });

  it('refuses a fallback tag that holds something other than a referrers index', async () => {
    const subject = await pushTestImage(reg, 'odd/app', 'v1');
    const other = await pushTestImage(reg, 'odd/app', fallbackTag(subject.digest), {
      os: 'linux',
      architecture: 's390x',
    });
    expect(other.digest).not.toBe(subject.digest);
    const err = await discover({ image: `${reg.host}/odd/app:v1`, plainHttp: true }).catch((e) => e);
    expect(err).toBeInstanceOf(RegistryError);
    expect(err.message).toMatch(/not a referrers index/);
  });

  it('keeps every entry when writers in one process race on one subject', async () => {
    const subject = await pushTestImage(reg, 'race/app', 'v1');
    // Index entries must exist: distribution checks them.
    const entries = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        pushTestImage(reg, 'race/app', `e${i}`, { os: 'linux', architecture: `a${i}` }),
      ),
    );
    // Separate repositories (separate sessions, as separate processes): the artifact tags and the
    // read-back check keep every entry.
    await Promise.all(
      entries.map((e) =>
        addToFallbackIndex(
          openRepository(parseReference(`${reg.host}/race/app`), { plainHttp: true }),
          subject.digest,
          e,
        ),
      ),
    );
    const idx = JSON.parse((await rawManifest(reg, 'race/app', fallbackTag(subject.digest))).body);
    expect(idx.manifests.map((m: { digest: string }) => m.digest).sort()).toEqual(
      entries.map((e) => e.digest).sort(),
    );
  });

  it('re-adds an entry a stale writer removed (the listing after the write finds its tag)', async () => {
    const subject = await pushTestImage(reg, 'stale/app', 'v1');
    const tag = fallbackTag(subject.digest);
    const mine = await pushTestImage(reg, 'stale/app', 'mine', { os: 'linux', architecture: 'mine' });
    const theirs = await pushTestImage(reg, 'stale/app', 'theirs', { os: 'linux', architecture: 'theirs' });
    const repo = openRepository(parseReference(`${reg.host}/stale/app`), { plainHttp: true });
    let slept = 0;
    const writes = await addToFallbackIndex(repo, subject.digest, mine, {
      settleMs: 10,
      // Between our write and its check, a writer that read the index before our write tags its
      // entry and overwrites the index without ours (its own check would put ours back; ours must too).
      sleep: async () => {
        if (slept++ === 0) {
          const theirBytes = (await rawManifest(reg, 'stale/app', theirs.digest)).body;
          await rawPushManifest(
            reg,
            'stale/app',
            artifactTag(subject.digest, theirs.digest),
            JSON.parse(theirBytes),
          );
          await rawPushManifest(reg, 'stale/app', tag, {
            schemaVersion: 2,
            mediaType: 'application/vnd.oci.image.index.v1+json',
            manifests: [theirs],
          });
        }
      },
    });
    expect(writes).toBe(2);
    const idx = JSON.parse((await rawManifest(reg, 'stale/app', tag)).body);
    expect(idx.manifests.map((m: { digest: string }) => m.digest)).toEqual([theirs.digest, mine.digest]);
  });

  it('rejects a bad platform or reference before any request', async () => {
    await expect(discover({ image: `${reg.host}/single/app:v1`, platform: 'linux' })).rejects.toThrow(
      InputError,
    );
    await expect(discover({ image: `${reg.host}/Single/app:v1` })).rejects.toThrow(InputError);
  });
});

describe('docker-registry with htpasswd', () => {
  let reg: TestRegistry;
  const auth = { username: 'alice', password: 's3cret-pw' };

  beforeAll(async () => {
    reg = await startRegistry({ auth });
    await pushTestImage(reg, 'private/app', 'v1');
  });
  afterAll(async () => reg?.stop());

  it('uses explicit credentials', async () => {
    const image = `${reg.host}/private/app:v1`;
    const [a] = await attach({ image, specFile: SPEC, plainHttp: true, credentials: auth });
    const listed = await discover({ image, plainHttp: true, credentials: auth });
    expect(listed.artifacts.map((x) => x.digest)).toEqual([a?.artifactDescriptor.digest]);
  });

  it("uses Docker's config file", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ic-docker-'));
    await writeFile(
      path.join(dir, 'config.json'),
      JSON.stringify({ auths: { [reg.host]: { auth: Buffer.from('alice:s3cret-pw').toString('base64') } } }),
    );
    const listed = await discover({
      image: `${reg.host}/private/app:v1`,
      plainHttp: true,
      env: { DOCKER_CONFIG: dir },
    });
    expect(listed.artifacts.length).toBeGreaterThan(0);
  });

  it('fails with exit 3 on wrong or missing credentials, writing nothing', async () => {
    const before = await rawTags(reg, 'private/app');
    const noConfig = { DOCKER_CONFIG: path.join(os.tmpdir(), 'ic-no-such-dir') };
    for (const credentials of [{ username: 'alice', password: 'wrong' }, undefined]) {
      const err = await attach({
        image: `${reg.host}/private/app:v1`,
        specFile: SPEC,
        plainHttp: true,
        env: noConfig,
        ...(credentials && { credentials }),
      }).catch((e) => e);
      expect(err).toBeInstanceOf(RegistryError);
      expect(err.exitCode).toBe(3);
      expect(err.message).toMatch(/401 Unauthorized: UNAUTHORIZED/);
      expect(err.message).toMatch(credentials ? /were refused/ : /no credentials for/);
      expect(err.message).not.toContain('wrong');
    }
    expect(await rawTags(reg, 'private/app')).toEqual(before);
  });
});

describe('redirects', () => {
  it('never sends credentials to another host', async () => {
    const seen: Array<{ port: number; authorization?: string }> = [];
    const storage = http.createServer((req, res) => {
      seen.push({ port: (storage.address() as AddressInfo).port, authorization: req.headers.authorization });
      res.end('blob bytes');
    });
    const registry = http.createServer((req, res) => {
      seen.push({ port: (registry.address() as AddressInfo).port, authorization: req.headers.authorization });
      if (!req.headers.authorization) {
        res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="r"' }).end();
        return;
      }
      // Same host name, other port: another origin.
      res
        .writeHead(307, { Location: `http://127.0.0.1:${(storage.address() as AddressInfo).port}/blob` })
        .end();
    });
    await new Promise<void>((r) => storage.listen(0, '127.0.0.1', r));
    await new Promise<void>((r) => registry.listen(0, '127.0.0.1', r));
    try {
      const host = `127.0.0.1:${(registry.address() as AddressInfo).port}`;
      const repo = new Repository(
        createTransport(
          { registry: host, apiHost: host },
          { plainHttp: true, credentials: { username: 'u', password: 'p' } },
        ),
        'a/b',
      );
      const bytes = Buffer.from('blob bytes');
      const got = await repo.fetchBlob({ mediaType: 'x', digest: sha256(bytes), size: bytes.length }, 1024);
      expect(got.toString()).toBe('blob bytes');
      const registryPort = (registry.address() as AddressInfo).port;
      expect(seen.filter((s) => s.port === registryPort).map((s) => s.authorization)).toEqual([
        undefined,
        `Basic ${Buffer.from('u:p').toString('base64')}`,
      ]);
      expect(seen.filter((s) => s.port !== registryPort)).toEqual([
        { port: (storage.address() as AddressInfo).port, authorization: undefined },
      ]);
      // A blob whose bytes do not match its digest is refused.
      await expect(
        repo.fetchBlob({ mediaType: 'x', digest: sha256(Buffer.from('other')), size: bytes.length }, 1024),
      ).rejects.toThrow(/does not match its digest/);
    } finally {
      registry.close();
      storage.close();
    }
  });
});
