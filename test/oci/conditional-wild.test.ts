// Conditional PUTs on the fallback referrers index: the write sends If-Match with the ETag it read.
// A registry that honours it answers 412 to a stale write (the writer re-reads and re-merges);
// docker-registry ignores it (the write lands; the tag-listing check keeps the index whole); a
// registry that refuses every conditional PUT although nothing changed gets the write without them.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { rm } from 'node:fs/promises';
import type { Descriptor } from '../../src/oci/index.js';
import {
  addToFallbackIndex,
  artifactTag,
  listReferrers,
  MediaType,
  openRepository,
  parseReference,
  recordInFallbackIndex,
  sha256Digest,
} from '../../src/oci/index.js';
import type { SecureRegistry } from '../helpers/secure-registry.js';
import { startSecureRegistry } from '../helpers/secure-registry.js';
import type { Scratch } from './wild-helpers.js';
import { bareEnv, pushImage, scratch } from './wild-helpers.js';

const sha = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** Manifests only, with ETags (= digest) and RFC 9110 preconditions on PUT; no referrers API. */
function preconditionRegistry() {
  const manifests = new Map<string, { body: Buffer; type: string }>();
  const tags = new Map<string, string>();
  let refused = 0;
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const m = /^\/v2\/(.+)\/manifests\/(.+)$/.exec(new URL(req.url as string, 'http://x').pathname);
    if (!m) return res.writeHead(404).end();
    const ref = m[2] as string;
    const currentDigest = ref.startsWith('sha256:') ? (manifests.has(ref) ? ref : undefined) : tags.get(ref);
    if (req.method === 'PUT') {
      const ifMatch = req.headers['if-match'];
      const ifNoneMatch = req.headers['if-none-match'];
      if (
        (ifMatch !== undefined && ifMatch !== `"${currentDigest}"`) ||
        (ifNoneMatch === '*' && currentDigest)
      ) {
        refused++;
        return res.writeHead(412).end();
      }
      const digest = sha(body);
      manifests.set(digest, { body, type: req.headers['content-type'] as string });
      if (!ref.startsWith('sha256:')) tags.set(ref, digest);
      return res.writeHead(201, { 'Docker-Content-Digest': digest }).end();
    }
    const found = currentDigest ? manifests.get(currentDigest) : undefined;
    if (!found) return res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"errors":[]}');
    res
      .writeHead(200, {
        'Content-Type': found.type,
        'Docker-Content-Digest': currentDigest as string,
        ETag: `"${currentDigest}"`,
        'Content-Length': found.body.length,
      })
      .end(req.method === 'HEAD' ? undefined : found.body);
  });
  return {
    server,
    manifests,
    tags,
    refused: () => refused,
  };
}

function artifact(n: number): { bytes: Buffer; descriptor: Descriptor } {
  const bytes = Buffer.from(
    JSON.stringify({ schemaVersion: 2, mediaType: MediaType.ociManifest, artifactType: 'x/y', n }),
  );
  return {
    bytes,
    descriptor: { mediaType: MediaType.ociManifest, digest: sha256Digest(bytes), size: bytes.length },
  };
}

describe('conditional writes of the fallback index', () => {
  let s: Scratch;
  let registry: SecureRegistry;
  const fake = preconditionRegistry();
  let host = '';

  beforeAll(async () => {
    s = await scratch();
    registry = await startSecureRegistry();
    await new Promise<void>((r) => fake.server.listen(0, '127.0.0.1', r));
    host = `127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await registry?.cleanup();
    await new Promise((r) => fake.server.close(r));
    if (s) await rm(s.dir, { recursive: true, force: true });
  });

  it('keeps every concurrent entry where If-Match is honoured (a 412 re-reads and re-merges)', async () => {
    const repo = openRepository(parseReference(`${host}/c/app:v1`), { plainHttp: true, env: bareEnv(s) });
    const subject = 'sha256:' + 'a'.repeat(64);
    const entries = Array.from({ length: 6 }, (_, i) => artifact(i));
    for (const e of entries) await repo.putManifest(e.descriptor.digest, e.bytes, MediaType.ociManifest);
    // Separate repository objects (as separate processes would be): nothing shared between them.
    await Promise.all(
      entries.map((e) =>
        addToFallbackIndex(
          openRepository(parseReference(`${host}/c/app:v1`), { plainHttp: true, env: bareEnv(s) }),
          subject,
          { ...e.descriptor, artifactType: 'x/y' },
        ),
      ),
    );
    const index = JSON.parse(
      (fake.manifests.get(fake.tags.get(subject.replace(':', '-')) as string)?.body as Buffer).toString(),
    ) as { manifests: Descriptor[] };
    expect(index.manifests.map((d) => d.digest).sort()).toEqual(
      entries.map((e) => e.descriptor.digest).sort(),
    );
    // Each entry also has its own tag (the durable record).
    for (const e of entries)
      expect(fake.tags.get(artifactTag(subject, e.descriptor.digest))).toBe(e.descriptor.digest);
  });

  it('writes without preconditions to a registry that refuses them although nothing changed', async () => {
    // Answers 412 to any conditional PUT, stores unconditional ones; no tag listing (404).
    const stored = new Map<string, Buffer>();
    let conditional = 0;
    const broken = http.createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const ref = (req.url as string).split('/manifests/')[1];
      if (ref === undefined) return res.writeHead(404).end();
      if (req.method === 'PUT') {
        if (req.headers['if-match'] !== undefined || req.headers['if-none-match'] !== undefined) {
          conditional++;
          return res.writeHead(412).end();
        }
        stored.set(ref, Buffer.concat(chunks));
        return res.writeHead(201, { 'Docker-Content-Digest': sha(Buffer.concat(chunks)) }).end();
      }
      const body = stored.get(ref);
      if (!body) return res.writeHead(404).end();
      res
        .writeHead(200, { 'Content-Type': MediaType.ociIndex, 'Docker-Content-Digest': sha(body) })
        .end(body);
    });
    await new Promise<void>((r) => broken.listen(0, '127.0.0.1', r));
    try {
      const at = `127.0.0.1:${(broken.address() as AddressInfo).port}`;
      const repo = openRepository(parseReference(`${at}/b/app:v1`), { plainHttp: true, env: bareEnv(s) });
      const subject = 'sha256:' + 'b'.repeat(64);
      const entry = artifact(100);
      const writes = await recordInFallbackIndex(repo, subject, [entry.descriptor]);
      expect(writes).toBe(1);
      expect(conditional).toBe(1);
      const index = JSON.parse((stored.get(subject.replace(':', '-')) as Buffer).toString()) as {
        manifests: Descriptor[];
      };
      expect(index.manifests.map((d) => d.digest)).toEqual([entry.descriptor.digest]);
    } finally {
      await new Promise((r) => broken.close(r));
    }
  });

  it('sends If-Match to docker-registry, which ignores it: the write lands, the index stays whole', async () => {
    const subject = await pushImage(`${registry.host}/c/app:v1`, { plainHttp: true, env: bareEnv(s) });
    const repo = openRepository(parseReference(`${registry.host}/c/app:v1`), {
      plainHttp: true,
      env: bareEnv(s),
    });
    // Stand-ins for referrers: two more manifests of the repository.
    const first = await pushImage(`${registry.host}/c/app:e1`, { plainHttp: true, env: bareEnv(s) });
    const second = await pushImage(`${registry.host}/c/app:e2`, { plainHttp: true, env: bareEnv(s) });
    expect(await addToFallbackIndex(repo, subject.digest, first)).toBe(1);
    expect(await addToFallbackIndex(repo, subject.digest, second)).toBe(1);
    const listed = await listReferrers(repo, subject.digest);
    expect(listed.map((d) => d.digest)).toEqual([first.digest, second.digest]);
  });
});
