// The referrers-API path against a small in-memory registry that serves the API the way
// go-containerregistry's does (artifactType reported from the config mediaType, the filter
// ignored, no OCI-Filters-Applied), paginated one referrer per page with `Link`.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { attach } from '../../src/commands/attach.js';
import { discover } from '../../src/commands/discover.js';
import { fetchNewestCompatibilitySpec } from '../../src/oci/index.js';

const sha = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

interface Stored {
  body: Buffer;
  type: string;
}

function fakeRegistry() {
  const blobs = new Map<string, Buffer>();
  const manifests = new Map<string, Stored>();
  const tags = new Map<string, string>();
  const log: string[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url as string, 'http://x');
    log.push(`${req.method} ${url.pathname}`);
    let m: RegExpExecArray | null;
    if ((m = /^\/v2\/(.+)\/blobs\/uploads\/$/.exec(url.pathname)) && req.method === 'POST') {
      res.writeHead(202, { Location: `/upload/1?state=s` }).end();
    } else if (url.pathname === '/upload/1' && req.method === 'PUT') {
      blobs.set(url.searchParams.get('digest') as string, body);
      res.writeHead(201).end();
    } else if ((m = /^\/v2\/(.+)\/blobs\/(.+)$/.exec(url.pathname))) {
      const blob = blobs.get(m[2] as string);
      if (!blob) res.writeHead(404).end();
      else
        res.writeHead(200, { 'Content-Length': blob.length }).end(req.method === 'HEAD' ? undefined : blob);
    } else if ((m = /^\/v2\/(.+)\/manifests\/(.+)$/.exec(url.pathname))) {
      const ref = m[2] as string;
      if (req.method === 'PUT') {
        const digest = sha(body);
        manifests.set(digest, { body, type: req.headers['content-type'] as string });
        if (!ref.startsWith('sha256:')) tags.set(ref, digest);
        res.writeHead(201, { 'Docker-Content-Digest': digest }).end();
        return;
      }
      const digest = ref.startsWith('sha256:') ? ref : tags.get(ref);
      const found = digest ? manifests.get(digest) : undefined;
      if (!found)
        res
          .writeHead(404, { 'Content-Type': 'application/json' })
          .end('{"errors":[{"code":"MANIFEST_UNKNOWN"}]}');
      else
        res
          .writeHead(200, {
            'Content-Type': found.type,
            'Docker-Content-Digest': digest as string,
            'Content-Length': found.body.length,
          })
          .end(req.method === 'HEAD' ? undefined : found.body);
    } else if ((m = /^\/v2\/(.+)\/referrers\/(.+)$/.exec(url.pathname))) {
      const all = [...manifests.entries()]
        .map(([digest, s]) => ({ digest, s, json: JSON.parse(s.body.toString()) }))
        .filter((x) => x.json.subject?.digest === m?.[2])
        .map((x) => ({
          mediaType: x.s.type,
          digest: x.digest,
          size: x.s.body.length,
          artifactType: x.json.config?.mediaType, // the quirk: config mediaType, not artifactType
          ...(x.json.annotations && { annotations: x.json.annotations }),
        }));
      const page = Number(url.searchParams.get('page') ?? 0);
      const headers: Record<string, string> = { 'Content-Type': 'application/vnd.oci.image.index.v1+json' };
      if (page + 1 < all.length) headers.Link = `<${url.pathname}?page=${page + 1}>; rel="next"`;
      res.writeHead(200, headers).end(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: 'application/vnd.oci.image.index.v1+json',
          manifests: all.slice(page, page + 1),
        }),
      );
    } else res.writeHead(404).end();
  });
  return { server, blobs, manifests, tags, log };
}

describe('registries with the referrers API', () => {
  const fake = fakeRegistry();
  let host: string;

  beforeAll(async () => {
    await new Promise<void>((r) => fake.server.listen(0, '127.0.0.1', r));
    host = `127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    // A subject image and an unrelated referrer (a signature-like artifact).
    const config = Buffer.from('{"os":"linux","architecture":"amd64"}');
    fake.blobs.set(sha(config), config);
    const image = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: {
          mediaType: 'application/vnd.oci.image.config.v1+json',
          digest: sha(config),
          size: config.length,
        },
        layers: [],
      }),
    );
    fake.manifests.set(sha(image), { body: image, type: 'application/vnd.oci.image.manifest.v1+json' });
    fake.tags.set('v1', sha(image));
    const other = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
        config: { mediaType: 'application/vnd.oci.empty.v1+json', digest: sha(Buffer.from('{}')), size: 2 },
        layers: [],
        subject: {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: sha(image),
          size: image.length,
        },
      }),
    );
    fake.manifests.set(sha(other), { body: other, type: 'application/vnd.oci.image.manifest.v1+json' });
  });
  afterAll(() => {
    fake.server.close();
  });

  it('attaches without a fallback tag, and corrects the artifactType the API reports', async () => {
    const image = `${host}/api/app:v1`;
    const [first] = await attach({
      image,
      specFile: 'test/fixtures/oci/spec.yaml',
      plainHttp: true,
      now: () => new Date('2026-01-01T00:00:00Z'),
    });
    const [second] = await attach({ image, specFile: 'test/fixtures/oci/spec.yaml', plainHttp: true });
    expect(first?.referrers).toBe('api');
    expect([...fake.tags.keys()]).toEqual(['v1']);
    expect(fake.log.some((l) => /manifests\/sha256-/.test(l))).toBe(false);

    const listed = await discover({ image, plainHttp: true });
    expect(listed.artifacts.map((a) => a.digest)).toEqual([
      second?.artifactDescriptor.digest,
      first?.artifactDescriptor.digest,
    ]);
    expect(
      listed.artifacts.every((a) => a.artifactType === 'application/vnd.nfd.image-compatibility.v1alpha1'),
    ).toBe(true);
    const newest = await fetchNewestCompatibilitySpec(image, { plainHttp: true });
    expect(newest.artifact.digest).toBe(second?.artifactDescriptor.digest);
    // The API was detected once for the repository, then paged with Link.
    expect(fake.log.filter((l) => /referrers/.test(l)).length).toBeGreaterThan(3);
  });
});
