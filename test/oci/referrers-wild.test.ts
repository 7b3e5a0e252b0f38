// The referrers-API path against a real registry that serves it (go-containerregistry's, built by
// scripts/install-tools.sh), with its quirks: artifactType reported from the config mediaType,
// the artifactType filter ignored, no OCI-Subject header. No fallback tag may be written there.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rm } from 'node:fs/promises';
import { attach } from '../../src/commands/attach.js';
import { discover } from '../../src/commands/discover.js';
import {
  fetchNewestCompatibilitySpec,
  MediaType,
  openRepository,
  parseReference,
  sha256Digest,
} from '../../src/oci/index.js';
import type { FaultyProxy } from '../helpers/faulty-proxy.js';
import { startFaultyProxy } from '../helpers/faulty-proxy.js';
import type { ReferrersRegistry } from '../helpers/referrers-registry.js';
import { startReferrersRegistry } from '../helpers/referrers-registry.js';
import type { Scratch } from './wild-helpers.js';
import { bareEnv, pushImage, scratch, SPEC_TEXT } from './wild-helpers.js';

describe('a registry with the referrers API', () => {
  let registry: ReferrersRegistry;
  let proxy: FaultyProxy;
  let s: Scratch;
  const opts = () => ({ plainHttp: true, env: bareEnv(s) });

  beforeAll(async () => {
    s = await scratch();
    registry = await startReferrersRegistry();
    proxy = await startFaultyProxy({ upstream: registry.url });
    await pushImage(`${registry.host}/r/app:v1`, opts());
  });
  afterAll(async () => {
    await proxy?.stop();
    await registry?.stop();
    if (s) await rm(s.dir, { recursive: true, force: true });
  });

  it('attaches through the API (no sha256- tag), discovers and fetches despite its quirks', async () => {
    const image = `${proxy.host}/r/app:v1`;
    const [attached] = await attach({ image, specFile: s.spec, ...opts() });
    expect(attached?.referrers).toBe('api');
    // Another referrer of the subject with another artifactType: the server's filter is ignored.
    const repo = openRepository(parseReference(image), opts());
    const other = Buffer.from('other');
    const layer = await repo.pushBlob(other, 'text/plain');
    const config = await repo.pushBlob(Buffer.from('{}'), MediaType.empty);
    const otherManifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MediaType.ociManifest,
        artifactType: 'application/vnd.example.other',
        config,
        layers: [layer],
        subject: attached?.subjectDescriptor,
      }),
    );
    await repo.putManifest(sha256Digest(otherManifest), otherManifest, MediaType.ociManifest);

    const tags = await repo.listTags();
    expect(tags).toEqual(['v1']);
    expect(proxy.requests.some((r) => r.method === 'PUT' && /manifests\/sha256-/.test(r.url))).toBe(false);

    const found = await discover({ image, ...opts() });
    expect(found.artifacts.map((a) => a.digest)).toEqual([attached?.artifactDescriptor.digest]);
    expect(found.artifacts[0]?.artifactType).toBe('application/vnd.nfd.image-compatibility.v1alpha1');
    const got = await fetchNewestCompatibilitySpec(image, { ...opts(), platform: 'linux/amd64' });
    expect(got.specBytes.toString()).toBe(SPEC_TEXT);
    expect(got.artifact.digest).toBe(attached?.artifactDescriptor.digest);
  });
});
