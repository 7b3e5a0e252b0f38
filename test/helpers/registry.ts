// A real `docker-registry` (distribution 2.8) for tests: started on 127.0.0.1:<free port> with a
// temporary storage folder, optionally behind htpasswd Basic auth; plus raw-fetch helpers that push
// small test images (one manifest, or a multi-platform index with a BuildKit-style attestation)
// without going through the client under test.
import { spawn, execFileSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface TestRegistry {
  /** `127.0.0.1:<port>` */
  host: string;
  url: string;
  dir: string;
  auth?: { username: string; password: string };
  stop(): Promise<void>;
}

/** A port nothing listens on right now (bound then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startRegistry(
  opts: { auth?: { username: string; password: string }; deleteEnabled?: boolean } = {},
): Promise<TestRegistry> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'image-compat-registry-'));
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  let auth = '';
  if (opts.auth) {
    const line = execFileSync('htpasswd', ['-Bbn', opts.auth.username, opts.auth.password], {
      encoding: 'utf8',
    });
    await writeFile(path.join(dir, 'htpasswd'), line);
    auth = `auth: {htpasswd: {realm: test-realm, path: ${path.join(dir, 'htpasswd')}}}\n`;
  }
  const config = [
    'version: 0.1',
    'log: {level: error, accesslog: {disabled: true}}',
    `storage: {filesystem: {rootdirectory: ${path.join(dir, 'data')}}, delete: {enabled: ${opts.deleteEnabled ?? true}}}`,
    `http: {addr: "${host}", secret: test-secret}`,
    auth,
  ].join('\n');
  await writeFile(path.join(dir, 'config.yml'), config);
  const child: ChildProcess = spawn('docker-registry', ['serve', path.join(dir, 'config.yml')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://${host}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited: ${stderr}`);
    try {
      const res = await fetch(`${url}/v2/`);
      if (res.status === 200 || res.status === 401) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`docker-registry did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return {
    host,
    url,
    dir,
    ...(opts.auth && { auth: opts.auth }),
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

// ---- raw pushes (independent of src/oci)

export interface RawDescriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: { os: string; architecture: string; variant?: string };
  annotations?: Record<string, string>;
  artifactType?: string;
}

export const sha256 = (b: Uint8Array) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

function headers(reg: TestRegistry, extra: Record<string, string> = {}): Record<string, string> {
  const h = { ...extra };
  if (reg.auth)
    h.Authorization = `Basic ${Buffer.from(`${reg.auth.username}:${reg.auth.password}`).toString('base64')}`;
  return h;
}

export async function rawPushBlob(reg: TestRegistry, repo: string, bytes: Uint8Array): Promise<string> {
  const digest = sha256(bytes);
  const start = await fetch(`${reg.url}/v2/${repo}/blobs/uploads/`, {
    method: 'POST',
    headers: headers(reg),
  });
  if (start.status !== 202) throw new Error(`upload start: ${start.status} ${await start.text()}`);
  const loc = new URL(start.headers.get('location') as string, reg.url);
  loc.searchParams.set('digest', digest);
  const put = await fetch(loc, {
    method: 'PUT',
    body: bytes,
    headers: headers(reg, { 'Content-Type': 'application/octet-stream' }),
  });
  if (put.status !== 201) throw new Error(`upload: ${put.status} ${await put.text()}`);
  return digest;
}

export async function rawPushManifest(
  reg: TestRegistry,
  repo: string,
  ref: string,
  body: unknown,
): Promise<RawDescriptor> {
  const bytes = Buffer.from(JSON.stringify(body));
  const mediaType = (body as { mediaType: string }).mediaType;
  const res = await fetch(`${reg.url}/v2/${repo}/manifests/${ref}`, {
    method: 'PUT',
    body: bytes,
    headers: headers(reg, { 'Content-Type': mediaType }),
  });
  if (res.status !== 201) throw new Error(`manifest put: ${res.status} ${await res.text()}`);
  return { mediaType, digest: sha256(bytes), size: bytes.byteLength };
}

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';

/** A tiny image: an OCI image config for `platform` and one layer. */
export async function pushTestImage(
  reg: TestRegistry,
  repo: string,
  ref: string,
  platform = { os: 'linux', architecture: 'amd64' } as { os: string; architecture: string; variant?: string },
): Promise<RawDescriptor> {
  const config = Buffer.from(
    JSON.stringify({ ...platform, rootfs: { type: 'layers', diff_ids: [] }, config: {} }),
  );
  const layer = Buffer.from(
    `layer for ${platform.os}/${platform.architecture}/${platform.variant ?? ''} ${ref}`,
  );
  await rawPushBlob(reg, repo, config);
  await rawPushBlob(reg, repo, layer);
  return rawPushManifest(reg, repo, ref, {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      digest: sha256(config),
      size: config.byteLength,
    },
    layers: [
      { mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: sha256(layer), size: layer.byteLength },
    ],
  });
}

export interface TestIndex {
  index: RawDescriptor;
  platforms: RawDescriptor[];
  attestation: RawDescriptor;
}

/** A multi-platform index, BuildKit style: one manifest per platform plus an attestation manifest. */
export async function pushTestIndex(
  reg: TestRegistry,
  repo: string,
  tag: string,
  platforms: Array<{ os: string; architecture: string; variant?: string }>,
): Promise<TestIndex> {
  const entries: RawDescriptor[] = [];
  for (const p of platforms) {
    const d = await pushTestImage(
      reg,
      repo,
      sha256(Buffer.from(JSON.stringify(p)))
        .replace(':', '-')
        .slice(0, 40),
      p,
    );
    entries.push({ ...d, platform: p });
  }
  const statement = Buffer.from('{"_type":"https://in-toto.io/Statement/v0.1"}');
  await rawPushBlob(reg, repo, statement);
  const empty = Buffer.from('{}');
  await rawPushBlob(reg, repo, empty);
  const first = entries[0] as RawDescriptor;
  const att = await rawPushManifest(reg, repo, `att-${tag}`, {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha256(empty), size: 2 },
    layers: [
      { mediaType: 'application/vnd.in-toto+json', digest: sha256(statement), size: statement.byteLength },
    ],
  });
  const attestation: RawDescriptor = {
    ...att,
    platform: { os: 'unknown', architecture: 'unknown' },
    annotations: {
      'vnd.docker.reference.digest': first.digest,
      'vnd.docker.reference.type': 'attestation-manifest',
    },
  };
  const index = await rawPushManifest(reg, repo, tag, {
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: [...entries, attestation],
  });
  return { index, platforms: entries, attestation };
}

export async function rawTags(reg: TestRegistry, repo: string): Promise<string[]> {
  const res = await fetch(`${reg.url}/v2/${repo}/tags/list`, { headers: headers(reg) });
  if (res.status === 404) return [];
  return ((await res.json()) as { tags: string[] | null }).tags ?? [];
}

export async function rawManifest(
  reg: TestRegistry,
  repo: string,
  ref: string,
): Promise<{ status: number; body: string }> {
  const res = await fetch(`${reg.url}/v2/${repo}/manifests/${ref}`, {
    headers: headers(reg, { Accept: [OCI_INDEX, OCI_MANIFEST].join(', ') }),
  });
  return { status: res.status, body: await res.text() };
}

export async function rawBlob(reg: TestRegistry, repo: string, digest: string): Promise<Buffer> {
  const res = await fetch(`${reg.url}/v2/${repo}/blobs/${digest}`, { headers: headers(reg) });
  if (res.status !== 200) throw new Error(`blob ${digest}: ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}
