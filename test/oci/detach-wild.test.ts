// `detach` against real registries the test starts: docker-registry 2.8 with delete enabled (a tag
// DELETE refused, the digest DELETE removing the tags) and disabled (405 UNSUPPORTED: exit 3,
// nothing changed), go-containerregistry's `crane registry serve` (tags deleted by tag), and the
// referrers-API registry (the manifest DELETE unlists it). What users read is checked with oras
// discover; concurrent attaches lose nothing and do not bring the removed entry back; an entry
// whose manifest was deleted by hand is skipped (with a warning) by reads and dropped by writes.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { attach } from '../../src/commands/attach.js';
import { detach } from '../../src/commands/detach.js';
import { discover } from '../../src/commands/discover.js';
import { exitCodeOf } from '../../src/errors.js';
import { artifactTag, fallbackTag, fetchNewestCompatibilitySpec } from '../../src/oci/index.js';
import { loadPrivateKey } from '../../src/sign/keys.js';
import { runCli } from '../helpers/cli.js';
import { startCraneRegistry } from '../helpers/crane-registry.js';
import { startReferrersRegistry } from '../helpers/referrers-registry.js';
import type { ReferrersRegistry } from '../helpers/referrers-registry.js';
import type { TestRegistry } from '../helpers/registry.js';
import { pushTestImage, rawManifest, rawTags, startRegistry } from '../helpers/registry.js';
import { distinctSpecs, oras, orasDiscover } from './wild-helpers.js';

const sign = {
  kind: 'key' as const,
  key: loadPrivateKey(readFileSync('test/fixtures/sign/ec-pkcs8.pem', 'utf8')),
};

let dir: string;
let specs: string[];
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ic-detach-'));
  specs = await distinctSpecs(dir, 12, 'detach');
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Concurrent attaches around a detach: 8, or the largest of IMAGE_COMPAT_STRESS (the big runs). */
const WRITERS = Math.max(
  8,
  ...(process.env.IMAGE_COMPAT_STRESS ?? '').split(',').map(Number).filter(Number.isInteger),
);

const second = (n: number) => () => new Date(Date.UTC(2026, 11, 2, 1, 0, n));

async function attachOne(image: string, spec: string, n: number, signed = false) {
  const [a] = await attach({
    image,
    specFile: spec,
    plainHttp: true,
    now: second(n),
    ...(signed && { sign }),
  });
  return a!;
}

const indexDigests = async (reg: TestRegistry, repo: string, subject: string) => {
  const got = await rawManifest(reg, repo, fallbackTag(subject));
  if (got.status === 404) return [];
  return (JSON.parse(got.body) as { manifests: Array<{ digest: string }> }).manifests.map((d) => d.digest);
};

describe.each([
  ['docker-registry 2.8', () => startRegistry()],
  ['crane registry serve', () => startCraneRegistry()],
])('detach on %s (fallback tag)', (_name, start) => {
  let reg: TestRegistry;
  beforeAll(async () => {
    reg = await start();
  });
  afterAll(async () => {
    await reg?.stop();
  });

  it('removes the artifact, its tag, its entry and its signature; the others stay, oras no longer lists it', async () => {
    const subject = await pushTestImage(reg, 'd/one', 'v1');
    const image = `${reg.host}/d/one:v1`;
    const a = await attachOne(image, specs[0]!, 1);
    const b = await attachOne(image, specs[1]!, 2, true);
    const c = await attachOne(image, specs[2]!, 3);
    const target = b.artifactDescriptor.digest;
    const signature = b.signatureDescriptor!.digest;
    expect(await rawTags(reg, 'd/one')).toEqual(
      expect.arrayContaining([artifactTag(subject.digest, target), fallbackTag(target)]),
    );

    const dry = await detach({ image, artifact: target, plainHttp: true, dryRun: true });
    expect(dry.dryRun).toBe(true);
    expect(dry.tags).toEqual([
      artifactTag(subject.digest, target),
      artifactTag(target, signature),
      fallbackTag(target),
    ]);
    expect(dry.signatures).toEqual([`${reg.host}/d/one@${signature}`]);
    expect((await orasDiscover(image)).sort()).toEqual(
      [a, b, c].map((x) => x.artifactDescriptor.digest).sort(),
    );

    const done = await detach({ image, artifact: target, plainHttp: true });
    expect(done.referrers).toBe('fallback');
    const tags = await rawTags(reg, 'd/one');
    for (const t of done.tags) expect(tags).not.toContain(t);
    expect(tags).toEqual(
      expect.arrayContaining([
        artifactTag(subject.digest, a.artifactDescriptor.digest),
        artifactTag(subject.digest, c.artifactDescriptor.digest),
      ]),
    );
    expect((await rawManifest(reg, 'd/one', target)).status).toBe(404);
    expect((await rawManifest(reg, 'd/one', signature)).status).toBe(404);
    expect((await indexDigests(reg, 'd/one', subject.digest)).sort()).toEqual(
      [a, c].map((x) => x.artifactDescriptor.digest).sort(),
    );
    expect((await orasDiscover(image)).sort()).toEqual([a, c].map((x) => x.artifactDescriptor.digest).sort());
    const listed = await discover({ image, plainHttp: true });
    expect(listed.artifacts.map((x) => x.digest)).toEqual([c, a].map((x) => x.artifactDescriptor.digest));
  });

  it('a digest that is not a compatibility artifact of the image is exit 2, and nothing changes', async () => {
    const subject = await pushTestImage(reg, 'd/other', 'v1');
    await pushTestImage(reg, 'd/other', 'v2');
    const image = `${reg.host}/d/other:v1`;
    const a = await attachOne(image, specs[3]!, 4);
    const onV2 = await attachOne(`${reg.host}/d/other:v2`, specs[4]!, 5);
    const tags = await rawTags(reg, 'd/other');
    for (const artifact of [
      onV2.artifactDescriptor.digest, // another image's artifact
      subject.digest, // the image itself
      `sha256:${'0'.repeat(64)}`, // nothing
    ]) {
      const err = await detach({ image, artifact, plainHttp: true }).catch((e: unknown) => e);
      expect(exitCodeOf(err)).toBe(2);
      expect((err as Error).message).toMatch(/is not a compatibility artifact of/);
    }
    expect(exitCodeOf(await detach({ image, artifact: 'latest', plainHttp: true }).catch((e) => e))).toBe(2);
    expect((await rawTags(reg, 'd/other')).sort()).toEqual(tags.sort());
    expect(await orasDiscover(image)).toEqual([a.artifactDescriptor.digest]);
  });

  it(`detach while ${WRITERS} attaches run: no attach lost, the removed one not back`, async () => {
    const subject = await pushTestImage(reg, 'd/busy', 'v1');
    const image = `${reg.host}/d/busy:v1`;
    const first = await attachOne(image, specs[5]!, 6);
    const gone = await attachOne(image, specs[6]!, 7);
    const writers = Array.from({ length: WRITERS }, (_, i) =>
      attach({
        image,
        specFile: specs[i % 4]!,
        plainHttp: true,
        now: () => new Date(Date.UTC(2026, 11, 3, 0, 0, i)),
      }),
    );
    const [removed, ...attached] = await Promise.all([
      detach({ image, artifact: gone.artifactDescriptor.digest, plainHttp: true }),
      ...writers,
    ]);
    expect(removed.artifact).toContain(gone.artifactDescriptor.digest);
    const want = [first, ...attached.map((x) => x[0]!)].map((x) => x.artifactDescriptor.digest).sort();
    // Once every writer is done, what oras (and NFD) read: every attach, not the removed one.
    const after = await orasDiscover(image);
    expect(after).not.toContain(gone.artifactDescriptor.digest);
    expect([...new Set(after)].sort()).toEqual([...new Set(want)].sort());
    // One more writer: still all of them.
    const last = await attachOne(image, specs[7]!, 59);
    const listed = await orasDiscover(image);
    expect(listed).not.toContain(gone.artifactDescriptor.digest);
    expect([...new Set(listed)].sort()).toEqual(
      [...new Set([...want, last.artifactDescriptor.digest])].sort(),
    );
    expect(await indexDigests(reg, 'd/busy', subject.digest)).not.toContain(gone.artifactDescriptor.digest);
  });

  it('a manifest deleted outside detach (oras manifest delete): reads skip its entry with a warning, a write drops it', async () => {
    const subject = await pushTestImage(reg, 'd/stale', 'v1');
    const image = `${reg.host}/d/stale:v1`;
    const old = await attachOne(image, specs[8]!, 8);
    const newest = await attachOne(image, specs[9]!, 9);
    // By digest, as `oras manifest delete` does: the index still lists it (distribution drops its tag, crane keeps it).
    const res = await fetch(`${reg.url}/v2/d/stale/manifests/${newest.artifactDescriptor.digest}`, {
      method: 'DELETE',
    });
    expect(res.status).toBe(202);
    expect(await indexDigests(reg, 'd/stale', subject.digest)).toContain(newest.artifactDescriptor.digest);

    const warnings: string[] = [];
    const picked = await fetchNewestCompatibilitySpec(image, {
      plainHttp: true,
      warn: (l) => warnings.push(l),
    });
    expect(picked.artifact.digest).toBe(old.artifactDescriptor.digest);
    expect(warnings.join('\n')).toContain(newest.artifactDescriptor.digest);
    expect(warnings.join('\n')).toMatch(/manifest is gone/);

    // The next writer's merge drops the entry (untagged and gone, or refused by the registry as a sub-manifest).
    // Nothing left to detach: its manifest is gone (exit 2; reads and writes clean the entry up).
    const err = await detach({ image, artifact: newest.artifactDescriptor.digest, plainHttp: true }).catch(
      (e: unknown) => e,
    );
    expect(exitCodeOf(err)).toBe(2);
    const added = await attachOne(image, specs[10]!, 10);
    expect((await indexDigests(reg, 'd/stale', subject.digest)).sort()).toEqual(
      [old, added].map((x) => x.artifactDescriptor.digest).sort(),
    );
    expect((await orasDiscover(image)).sort()).toEqual(
      [old, added].map((x) => x.artifactDescriptor.digest).sort(),
    );
  });
});

describe('detach on docker-registry 2.8 with delete disabled', () => {
  let reg: TestRegistry;
  beforeAll(async () => {
    reg = await startRegistry({ deleteEnabled: false });
  });
  afterAll(async () => {
    await reg?.stop();
  });

  it('is exit 3 naming the refusal, and nothing changes', async () => {
    const subject = await pushTestImage(reg, 'd/keep', 'v1');
    const image = `${reg.host}/d/keep:v1`;
    const a = await attachOne(image, specs[0]!, 1, true);
    const tags = (await rawTags(reg, 'd/keep')).sort();
    const index = await rawManifest(reg, 'd/keep', fallbackTag(subject.digest));
    const err = await detach({ image, artifact: a.artifactDescriptor.digest, plainHttp: true }).catch(
      (e: unknown) => e,
    );
    expect(exitCodeOf(err)).toBe(3);
    expect((err as Error).message).toMatch(
      /refused to delete manifest sha256:[0-9a-f]{64} \(.*405.*UNSUPPORTED/,
    );
    expect((err as Error).message).toMatch(/nothing of it was removed/);
    expect((err as Error).message).toMatch(/REGISTRY_STORAGE_DELETE_ENABLED=true/);
    expect((await rawTags(reg, 'd/keep')).sort()).toEqual(tags);
    expect((await rawManifest(reg, 'd/keep', fallbackTag(subject.digest))).body).toBe(index.body);
    expect((await rawManifest(reg, 'd/keep', a.signatureDescriptor!.digest)).status).toBe(200);
    expect(await orasDiscover(image)).toEqual([a.artifactDescriptor.digest]);

    // Through the CLI: a dry run prints what would go (exit 0), the real one is exit 3 on stderr.
    const args = ['detach', '--image', image, '--artifact', a.artifactDescriptor.digest, '--plain-http'];
    const dry = await runCli([...args, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(
      `would remove\t${reg.host}/d/keep@${a.artifactDescriptor.digest}\tlinux/amd64`,
    );
    expect(dry.stdout).toContain(
      `would remove\t${artifactTag(subject.digest, a.artifactDescriptor.digest)}\ttag`,
    );
    expect(dry.stdout).toContain(`\tsignature\n`);
    const real = await runCli(args);
    expect(real.code).toBe(3);
    expect(real.stdout).toBe('');
    expect(real.stderr).toMatch(/refused to delete manifest/);
    expect((await rawTags(reg, 'd/keep')).sort()).toEqual(tags);
    const bad = await runCli(['detach', '--image', image, '--artifact', 'sha256:abc', '--plain-http']);
    expect(bad.code).toBe(2);
  });
});

describe('detach on the referrers-API registry', () => {
  let rr: ReferrersRegistry;
  let reg: TestRegistry;
  beforeAll(async () => {
    rr = await startReferrersRegistry();
    reg = { host: rr.host, url: rr.url, dir: '', stop: () => rr.stop() };
  });
  afterAll(async () => {
    await rr?.stop();
  });

  it('deletes the manifest and its signature: the registry no longer lists them, no tag is touched', async () => {
    await pushTestImage(reg, 'd/api', 'v1');
    const image = `${reg.host}/d/api:v1`;
    const a = await attachOne(image, specs[0]!, 1);
    const b = await attachOne(image, specs[1]!, 2, true);
    const tags = (await rawTags(reg, 'd/api')).sort();
    const done = await detach({ image, artifact: b.artifactDescriptor.digest, plainHttp: true });
    expect(done.referrers).toBe('api');
    expect(done.tags).toEqual([]);
    expect((await rawManifest(reg, 'd/api', b.artifactDescriptor.digest)).status).toBe(404);
    expect((await rawManifest(reg, 'd/api', b.signatureDescriptor!.digest)).status).toBe(404);
    expect((await rawTags(reg, 'd/api')).sort()).toEqual(tags);
    // oras discover without a type (this registry reports the config's media type as artifactType).
    const all = JSON.parse(await oras(['discover', '--plain-http', '--format', 'json', image])) as {
      referrers?: Array<{ digest: string }>;
    };
    expect((all.referrers ?? []).map((r) => r.digest)).toEqual([a.artifactDescriptor.digest]);
    expect((await discover({ image, plainHttp: true })).artifacts.map((x) => x.digest)).toEqual([
      a.artifactDescriptor.digest,
    ]);
  });
});
