// Raw registry calls for the infrastructure tests (no registry client: these tests check the test
// servers themselves). undici's fetch, so a TLS dispatcher with the test CA can be passed.
import { createHash } from 'node:crypto';
import type { Dispatcher } from 'undici';
import { fetch } from 'undici';

export interface Target {
  /** http(s)://127.0.0.1:PORT */
  base: string;
  /** An Authorization header value, if any. */
  auth?: string;
  dispatcher?: Dispatcher;
}

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const EMPTY_CONFIG = 'application/vnd.oci.empty.v1+json';

export const sha256 = (data: Buffer | string): string =>
  `sha256:${createHash('sha256').update(data).digest('hex')}`;

export function req(
  t: Target,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {},
) {
  const url = path.startsWith('http') ? path : `${t.base}${path}`;
  return fetch(url, {
    method: init.method ?? 'GET',
    headers: { ...(t.auth ? { authorization: t.auth } : {}), ...init.headers },
    body: init.body,
    dispatcher: t.dispatcher,
    redirect: 'manual',
  });
}

/** POST then PUT (docker-registry drops the body of a single-request POST ?digest= upload). */
export async function pushBlob(
  t: Target,
  name: string,
  data: Buffer | string,
): Promise<{ status: number; digest: string }> {
  const digest = sha256(data);
  const post = await req(t, `/v2/${name}/blobs/uploads/`, { method: 'POST' });
  await post.arrayBuffer();
  if (post.status !== 202) return { status: post.status, digest };
  const location = new URL(post.headers.get('location') ?? '', t.base);
  location.searchParams.set('digest', digest);
  const put = await req(t, location.toString(), {
    method: 'PUT',
    headers: { 'content-type': 'application/octet-stream' },
    body: data,
  });
  await put.arrayBuffer();
  return { status: put.status, digest };
}

export async function pushManifest(
  t: Target,
  name: string,
  ref: string,
  manifest: unknown,
  mediaType = OCI_MANIFEST,
): Promise<{ status: number; digest: string; headers: Headers }> {
  const body = JSON.stringify(manifest);
  const res = await req(t, `/v2/${name}/manifests/${ref}`, {
    method: 'PUT',
    headers: { 'content-type': mediaType },
    body,
  });
  await res.arrayBuffer();
  return { status: res.status, digest: sha256(body), headers: res.headers as unknown as Headers };
}

/** Pushes the empty config and one layer, then a manifest tagged `tag`; returns the manifest digest. */
export async function pushImage(
  t: Target,
  name: string,
  tag: string,
  extra: Record<string, unknown> = {},
): Promise<{ status: number; digest: string; manifest: Record<string, unknown> }> {
  const config = await pushBlob(t, name, '{}');
  const layerData = `layer of ${name}:${tag} ${JSON.stringify(extra)}`;
  const layer = await pushBlob(t, name, layerData);
  if (config.status !== 201 || layer.status !== 201)
    return { status: Math.max(config.status, layer.status), digest: '', manifest: {} };
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: { mediaType: EMPTY_CONFIG, digest: config.digest, size: 2 },
    layers: [
      {
        mediaType: 'application/vnd.oci.image.layer.v1.tar',
        digest: layer.digest,
        size: Buffer.byteLength(layerData),
      },
    ],
    ...extra,
  };
  const put = await pushManifest(t, name, tag, manifest);
  return { status: put.status, digest: put.digest, manifest };
}

/** Asks a token server for a token the way docker does (GET realm with Basic credentials or none). */
export async function getToken(
  realm: string,
  service: string,
  scopes: string[],
  basic?: { user: string; password: string },
): Promise<{ status: number; token?: string; body: Record<string, unknown> }> {
  const url = new URL(realm);
  url.searchParams.set('service', service);
  for (const s of scopes) url.searchParams.append('scope', s);
  const headers: Record<string, string> = {};
  if (basic)
    headers.authorization = `Basic ${Buffer.from(`${basic.user}:${basic.password}`).toString('base64')}`;
  const res = await fetch(url, { headers });
  const body = (await res.json()) as Record<string, unknown>;
  return { status: res.status, token: typeof body.token === 'string' ? body.token : undefined, body };
}
