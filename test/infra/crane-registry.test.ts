// `crane registry serve` (go-containerregistry) as the concurrency tests use it: a registry with no
// referrers API that ignores If-Match, so the fallback tag is last-writer-wins there, and whose tag
// listing honours `n` and `last` (the artifact tags are found in one page). Pinned with raw HTTP.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startCraneRegistry } from '../helpers/crane-registry.js';
import type { TestRegistry } from '../helpers/registry.js';
import { pushTestImage, rawManifest } from '../helpers/registry.js';

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';

describe('crane registry serve', () => {
  let reg: TestRegistry;
  beforeAll(async () => {
    reg = await startCraneRegistry();
  });
  afterAll(async () => {
    await reg?.stop();
  });

  it('has no referrers API', async () => {
    const subject = await pushTestImage(reg, 'infra/app', 'v1');
    const res = await fetch(`${reg.url}/v2/infra/app/referrers/${subject.digest}`, {
      headers: { Accept: OCI_INDEX },
    });
    expect(res.status).toBe(404);
  });

  it('ignores If-Match on a manifest PUT: the fallback tag is last-writer-wins', async () => {
    const index = (n: number) => JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [], n });
    const put = (body: string, headers: Record<string, string> = {}) =>
      fetch(`${reg.url}/v2/infra/app/manifests/sha256-lww`, {
        method: 'PUT',
        body,
        headers: { 'Content-Type': OCI_INDEX, ...headers },
      });
    expect((await put(index(1))).status).toBe(201);
    expect((await put(index(2), { 'If-Match': '"sha256:stale"' })).status).toBe(201);
    expect(JSON.parse((await rawManifest(reg, 'infra/app', 'sha256-lww')).body).n).toBe(2);
  });

  it('lists tags sorted, honouring n and last', async () => {
    for (const tag of ['b', 'a.1', 'a', 'a.2']) await pushTestImage(reg, 'infra/tags', tag);
    const res = await fetch(`${reg.url}/v2/infra/tags/tags/list?n=2&last=a`);
    expect(((await res.json()) as { tags: string[] }).tags).toEqual(['a.1', 'a.2']);
  });
});
