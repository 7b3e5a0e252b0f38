// `validate --image` reads registry bytes as strict UTF-8, as a spec file is read: a spec blob that
// is not UTF-8 is bad input (exit 2) naming the image and the artifact digest, a manifest or an
// image config that is not is the registry's (exit 3), never text with U+FFFD in it. Against a real docker-registry:
// the bad artifact is pushed as an attacker with push rights would (a newer artifact manifest in
// the fallback index), since `attach` never writes one. The same holds for the fallback index that
// discover reads and attach merges into: exit 3 naming it, and attach writes nothing over it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { attach } from '../../src/commands/attach.js';
import { discover } from '../../src/commands/discover.js';
import { specFromImage } from '../../src/commands/validate-sources.js';
import { exitCodeOf, InputError, RegistryError } from '../../src/errors.js';
import {
  addToFallbackIndex,
  artifactTag,
  fallbackTag,
  openRepository,
  parseReference,
} from '../../src/oci/index.js';
import type { ImageManifest } from '../../src/oci/index.js';
import { pushTestImage, rawPushBlob, rawPushManifest, sha256, startRegistry } from '../helpers/registry.js';
import type { TestRegistry } from '../helpers/registry.js';
import { attachSpec } from '../helpers/signed-artifact.js';

const spec = (tag: string) =>
  `version: v1alpha1\ncompatibilities:\n  - tag: ${tag}\n    rules:\n      - name: r\n        matchFeatures:\n          - feature: kernel.loadedmodule\n            matchExpressions:\n              nvidia: {op: Exists}\n`;

const dir = mkdtempSync(path.join(tmpdir(), 'ic-validate-utf8-'));
let reg: TestRegistry;
let n = 0;

beforeAll(async () => {
  reg = await startRegistry();
});
afterAll(async () => {
  await reg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * An image with a genuine artifact, then a newer one (NFD's pick) made by `forge` from the
 * genuine manifest: its bytes as pushed. Returns the image reference and the forged digest.
 */
async function withForgedArtifact(
  forge: (genuine: ImageManifest, repoName: string) => Promise<Buffer>,
): Promise<{ ref: string; forged: string }> {
  const repoName = `utf8-${++n}`;
  await pushTestImage(reg, repoName, 'v1');
  const ref = `${reg.host}/${repoName}:v1`;
  const [a] = await attachSpec(ref, spec('genuine'), dir, { now: new Date('2025-01-01T00:00:00Z') });
  const repo = openRepository(parseReference(a!.artifact), { plainHttp: true });
  const genuine = JSON.parse(
    (await repo.getManifest(a!.artifactDescriptor.digest))!.bytes.toString(),
  ) as ImageManifest;
  const bytes = await forge(genuine, repoName);
  const forged = sha256(bytes);
  // Pushed under its artifact tag by hand: the client refuses to read (and so to tag) bytes that are not UTF-8.
  const put = await fetch(
    `${reg.url}/v2/${repoName}/manifests/${artifactTag(a!.subjectDescriptor.digest, forged)}`,
    {
      method: 'PUT',
      body: bytes,
      headers: { 'Content-Type': genuine.mediaType! },
    },
  );
  expect(put.status).toBe(201);
  const created = '2026-01-01T00:00:00Z';
  await addToFallbackIndex(
    repo,
    a!.subjectDescriptor.digest,
    {
      mediaType: genuine.mediaType!,
      digest: forged,
      size: bytes.byteLength,
      artifactType: genuine.artifactType!,
      annotations: { ...genuine.annotations, 'org.opencontainers.image.created': created },
    },
    { settleMs: 0, tagged: true },
  );
  return { ref, forged };
}

const newer = (m: ImageManifest) => ({
  ...m,
  annotations: { ...m.annotations, 'org.opencontainers.image.created': '2026-01-01T00:00:00Z' },
});

describe('validate --image: registry bytes are strict UTF-8', () => {
  it('a spec blob that is not UTF-8: exit 2 naming the image, the artifact and the line', async () => {
    // "tag: gpu" then a lone continuation byte and a truncated 3-byte sequence on line 3.
    const bad = Buffer.concat([
      Buffer.from('version: v1alpha1\ncompatibilities:\n  - tag: gpu'),
      Buffer.from([0x80, 0xe2, 0x82]),
      Buffer.from('\n    rules: []\n'),
    ]);
    const { ref, forged } = await withForgedArtifact(async (m, repoName) => {
      await rawPushBlob(reg, repoName, bad);
      return Buffer.from(
        JSON.stringify({
          ...newer(m),
          layers: [{ ...m.layers[0]!, digest: sha256(bad), size: bad.byteLength }],
        }),
      );
    });
    const err = await specFromImage({ image: ref, requireSignature: false, plainHttp: true }).catch(
      (e: Error) => e,
    );
    expect(err).toBeInstanceOf(InputError);
    expect(exitCodeOf(err)).toBe(2);
    expect((err as Error).message).toBe(`${ref}@${forged}:3:13: invalid UTF-8: expected text`);
    expect((err as Error).message).not.toContain('\uFFFD');
  });

  it('an artifact manifest that is not UTF-8: exit 3 naming the artifact', async () => {
    const { ref, forged } = await withForgedArtifact(async (m) => {
      const text = JSON.stringify({ ...newer(m), annotations: { ...newer(m).annotations, note: '@@' } });
      const [before, after] = text.split('@@');
      return Buffer.concat([Buffer.from(before!), Buffer.from([0xff, 0xfe]), Buffer.from(after!)]);
    });
    const err = await specFromImage({ image: ref, requireSignature: false, plainHttp: true }).catch(
      (e: Error) => e,
    );
    expect(err).toBeInstanceOf(RegistryError);
    expect(exitCodeOf(err)).toBe(3);
    expect((err as Error).message).toMatch(
      new RegExp(`^compatibility artifact ${forged}:1:\\d+: invalid UTF-8: expected text$`),
    );
  });

  it('an image config that is not UTF-8: exit 3 naming the config, not a platform with U+FFFD', async () => {
    const repoName = `utf8-${++n}`;
    const config = Buffer.concat([
      Buffer.from('{"os":"linux","architecture":"amd'),
      Buffer.from([0xc0, 0xaf]), // an overlong encoding: never UTF-8
      Buffer.from('64","rootfs":{"type":"layers","diff_ids":[]}}'),
    ]);
    const layer = Buffer.from('layer');
    await rawPushBlob(reg, repoName, config);
    await rawPushBlob(reg, repoName, layer);
    await rawPushManifest(reg, repoName, 'v1', {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: sha256(config),
        size: config.byteLength,
      },
      layers: [
        {
          mediaType: 'application/vnd.oci.image.layer.v1.tar',
          digest: sha256(layer),
          size: layer.byteLength,
        },
      ],
    });
    const ref = `${reg.host}/${repoName}:v1`;
    const err = await specFromImage({ image: ref, requireSignature: false, plainHttp: true }).catch(
      (e: Error) => e,
    );
    expect(err).toBeInstanceOf(RegistryError);
    expect(exitCodeOf(err)).toBe(3);
    expect((err as Error).message).toBe(`image config ${sha256(config)}:1:34: invalid UTF-8: expected text`);
  });
});

describe('the referrers write and read paths: registry bytes are strict UTF-8', () => {
  /** An image whose fallback index holds a byte that is not UTF-8 (in an annotation). */
  async function withBadIndex(): Promise<{ ref: string; repoName: string; tag: string }> {
    const repoName = `utf8-${++n}`;
    const subject = await pushTestImage(reg, repoName, 'v1');
    const text = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [],
      annotations: { note: '@@' },
    });
    const [before, after] = text.split('@@');
    const bytes = Buffer.concat([Buffer.from(before!), Buffer.from([0xe2, 0x28, 0xa1]), Buffer.from(after!)]);
    const tag = fallbackTag(subject.digest);
    const put = await fetch(`${reg.url}/v2/${repoName}/manifests/${tag}`, {
      method: 'PUT',
      body: bytes,
      headers: { 'Content-Type': 'application/vnd.oci.image.index.v1+json' },
    });
    expect(put.status).toBe(201);
    return { ref: `${reg.host}/${repoName}:v1`, repoName, tag };
  }

  it('discover: exit 3 naming the fallback index and the byte, never U+FFFD', async () => {
    const { ref, repoName, tag } = await withBadIndex();
    const err = await discover({ image: ref, plainHttp: true }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(RegistryError);
    expect(exitCodeOf(err)).toBe(3);
    expect((err as Error).message).toMatch(
      new RegExp(`^manifest ${reg.host}/${repoName}@${tag}:1:\\d+: invalid UTF-8: expected text$`),
    );
  });

  it('attach: exit 3 before the index is written, which stays as it was', async () => {
    const { ref, repoName, tag } = await withBadIndex();
    const before = await (await fetch(`${reg.url}/v2/${repoName}/manifests/${tag}`)).arrayBuffer();
    const file = path.join(dir, 'attach-utf8.yaml');
    writeFileSync(file, spec('attached'));
    const err = await attach({ image: ref, specFile: file, plainHttp: true }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(RegistryError);
    expect(exitCodeOf(err)).toBe(3);
    expect((err as Error).message).toMatch(/invalid UTF-8: expected text/);
    const after = await (await fetch(`${reg.url}/v2/${repoName}/manifests/${tag}`)).arrayBuffer();
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true);
  });
});
