// Pushes a small multi-platform image (an OCI index of linux/amd64 and linux/arm64 manifests, each
// with a config and one tiny layer) to a registry over plain HTTP, as `docker buildx build --push`
// would, so the demo has an image to attach compatibility artifacts to without a Docker engine.
// With `--flavors`, the index has two linux/amd64 candidates, a generic and a CUDA build told apart
// by the `org.example.flavor` annotation of their index descriptors (what `select` chooses among).
// Usage: node scripts/demo-image.mjs 127.0.0.1:5000/demo/app:1.0 [--flavors]
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

const [, , target, mode] = process.argv;
const match = /^([^/]+)\/(.+):([^:/]+)$/.exec(target ?? '');
if (!match) {
  console.error('usage: node scripts/demo-image.mjs HOST:PORT/REPOSITORY:TAG');
  process.exit(2);
}
const [, host, repo, tag] = match;
const base = `http://${host}/v2/${repo}`;
const digestOf = (bytes) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

async function pushBlob(bytes) {
  const digest = digestOf(bytes);
  const start = await fetch(`${base}/blobs/uploads/`, { method: 'POST' });
  if (start.status !== 202) throw new Error(`blob upload start: HTTP ${start.status}`);
  const location = new URL(start.headers.get('location'), `http://${host}`);
  location.searchParams.set('digest', digest);
  const put = await fetch(location, {
    method: 'PUT',
    headers: { 'content-type': 'application/octet-stream' },
    body: bytes,
  });
  if (put.status !== 201) throw new Error(`blob upload: HTTP ${put.status}`);
  return { digest, size: bytes.length };
}

/** Pushes a manifest under `reference` (a tag), or under its own digest when none is given. */
async function pushManifest(reference, mediaType, body) {
  const bytes = Buffer.from(JSON.stringify(body));
  reference ??= digestOf(bytes);
  const res = await fetch(`${base}/manifests/${reference}`, {
    method: 'PUT',
    headers: { 'content-type': mediaType },
    body: bytes,
  });
  if (res.status !== 201) throw new Error(`manifest ${reference}: HTTP ${res.status} ${await res.text()}`);
  return { mediaType, digest: digestOf(bytes), size: bytes.length };
}

/** A one-file POSIX tar archive (a 512-byte header, the content padded to 512, two zero blocks). */
function tarOf(name, content) {
  const header = Buffer.alloc(512);
  const field = (offset, length, value) => header.write(value, offset, length, 'ascii');
  field(0, 100, name);
  field(100, 8, '0000644\0');
  field(108, 8, '0000000\0');
  field(116, 8, '0000000\0');
  field(124, 12, `${content.length.toString(8).padStart(11, '0')}\0`);
  field(136, 12, '00000000000\0');
  field(148, 8, '        ');
  field(156, 1, '0');
  field(257, 6, 'ustar\0');
  field(263, 2, '00');
  let sum = 0;
  for (const b of header) sum += b;
  field(148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  const body = Buffer.alloc(Math.ceil(content.length / 512) * 512);
  content.copy(body);
  return Buffer.concat([header, body, Buffer.alloc(1024)]);
}

const manifests = [];
const builds =
  mode === '--flavors'
    ? [
        ['linux', 'amd64', undefined, 'generic'],
        ['linux', 'amd64', undefined, 'cuda'],
        ['linux', 'arm64', 'v8', 'generic'],
      ]
    : [
        ['linux', 'amd64'],
        ['linux', 'arm64', 'v8'],
      ];
for (const [os, architecture, variant, flavor] of builds) {
  const what = `${os}/${architecture}${flavor ? ` (${flavor})` : ''}`;
  const tar = tarOf('hello.txt', Buffer.from(`hello from ${what}\n`));
  const layer = await pushBlob(gzipSync(tar, { level: 9, mtime: 0 }));
  const config = await pushBlob(
    Buffer.from(
      JSON.stringify({
        architecture,
        os,
        ...(variant && { variant }),
        config: { Cmd: ['cat', '/hello.txt'] },
        rootfs: { type: 'layers', diff_ids: [digestOf(tar)] },
      }),
    ),
  );
  const manifest = await pushManifest(undefined, 'application/vnd.oci.image.manifest.v1+json', {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
    layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', ...layer }],
  });
  manifests.push({
    ...manifest,
    platform: { architecture, os, ...(variant && { variant }) },
    ...(flavor && { annotations: { 'org.example.flavor': flavor } }),
  });
}
const index = await pushManifest(tag, 'application/vnd.oci.image.index.v1+json', {
  schemaVersion: 2,
  mediaType: 'application/vnd.oci.image.index.v1+json',
  manifests,
});
console.log(`${host}/${repo}:${tag}@${index.digest}`);
