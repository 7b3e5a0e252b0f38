// The referrers-API registry (go-containerregistry's pkg/registry) answers GET /v2/<name>/referrers/
// <digest> with an index, and has the quirks a client must cope with; docker-registry 2.8 lacks the
// API. These tests pin both down with raw HTTP.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ReferrersRegistry } from '../helpers/referrers-registry.js';
import { startReferrersRegistry } from '../helpers/referrers-registry.js';
import type { SecureRegistry } from '../helpers/secure-registry.js';
import { startSecureRegistry } from '../helpers/secure-registry.js';
import type { Target } from './raw-registry.js';
import {
  EMPTY_CONFIG,
  OCI_INDEX,
  OCI_MANIFEST,
  pushBlob,
  pushImage,
  pushManifest,
  req,
} from './raw-registry.js';

const ARTIFACT_TYPE = 'application/vnd.nfd.image-compatibility.v1alpha1';

// An artifact manifest (OCI 1.1): artifactType, the empty config, one layer, a subject.
async function pushReferrer(
  t: Target,
  name: string,
  subject: { digest: string; size: number },
  note: string,
) {
  const empty = await pushBlob(t, name, '{}');
  const layer = await pushBlob(t, name, note);
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType: ARTIFACT_TYPE,
    config: { mediaType: EMPTY_CONFIG, digest: empty.digest, size: 2 },
    layers: [
      {
        mediaType: 'application/vnd.nfd.image-compatibility.spec.v1alpha1+yaml',
        digest: layer.digest,
        size: note.length,
      },
    ],
    subject: { mediaType: OCI_MANIFEST, ...subject },
    annotations: { 'org.opencontainers.image.created': '2026-11-22T00:00:00Z' },
  };
  const put = await pushManifest(t, name, subject.digest.replace(':', '-') + '-' + note.length, manifest);
  return { ...put, size: Buffer.byteLength(JSON.stringify(manifest)) };
}

describe('referrers-registry (go-containerregistry)', () => {
  let registry: ReferrersRegistry;
  let t: Target;
  let subject: { digest: string; size: number };

  beforeAll(async () => {
    registry = await startReferrersRegistry();
    t = { base: registry.url };
    const image = await pushImage(t, 'app', 'v1');
    subject = { digest: image.digest, size: Buffer.byteLength(JSON.stringify(image.manifest)) };
  });
  afterAll(async () => {
    await registry?.stop();
  });

  it('listens on 127.0.0.1 and answers /v2/', async () => {
    expect(registry.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await req(t, '/v2/')).status).toBe(200);
  });

  it('lists a manifest pushed with a subject in the referrers index', async () => {
    const empty = await req(t, `/v2/app/referrers/${subject.digest}`);
    expect(empty.status).toBe(200);
    expect(await empty.json()).toEqual({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [] });

    const put = await pushReferrer(t, 'app', subject, 'spec one');
    expect(put.status).toBe(201);
    const res = await req(t, `/v2/app/referrers/${subject.digest}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(OCI_INDEX);
    const index = (await res.json()) as { manifests: Record<string, unknown>[] };
    expect(index.manifests).toEqual([
      { mediaType: OCI_MANIFEST, digest: put.digest, size: put.size, artifactType: EMPTY_CONFIG },
    ]);
  });

  it('has the quirks a client must cope with', async () => {
    const put = await pushReferrer(t, 'app', subject, 'spec number two');
    // No OCI-Subject header on the PUT, though the API is there.
    expect(put.headers.get('oci-subject')).toBeNull();
    // The artifactType filter is ignored (no OCI-Filters-Applied), and artifactType is reported
    // from the config's mediaType, not the manifest's artifactType; annotations are dropped.
    const res = await req(
      t,
      `/v2/app/referrers/${subject.digest}?artifactType=${encodeURIComponent('application/x-other')}`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('oci-filters-applied')).toBeNull();
    const index = (await res.json()) as { manifests: Record<string, unknown>[] };
    expect(index.manifests).toHaveLength(2);
    for (const d of index.manifests) {
      expect(d.artifactType).toBe(EMPTY_CONFIG);
      expect(d.annotations).toBeUndefined();
    }
    // An unknown repository is 404 NAME_UNKNOWN (not an empty index); a bad digest is 400.
    expect((await req(t, `/v2/nothing/referrers/${subject.digest}`)).status).toBe(404);
    expect((await req(t, '/v2/app/referrers/not-a-digest')).status).toBe(400);
  });
});

describe('docker-registry (distribution 2.8) has no referrers API', () => {
  let registry: SecureRegistry;

  beforeAll(async () => {
    registry = await startSecureRegistry();
  });
  afterAll(async () => {
    await registry?.cleanup();
  });

  it('answers 404 text/plain to the referrers API and accepts a subject without OCI-Subject', async () => {
    const t = { base: registry.url };
    const image = await pushImage(t, 'app', 'v1');
    const res = await req(t, `/v2/app/referrers/${image.digest}`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const put = await pushReferrer(t, 'app', { digest: image.digest, size: 1 }, 'spec');
    expect(put.status).toBe(201);
    expect(put.headers.get('oci-subject')).toBeNull();
  });
});
