// The referrer manifest for a bundle, and recognising bundles in referrers lists (including
// cosign 3's fallback-index entries typed application/vnd.oci.empty.v1+json).

import { describe, expect, it } from '@jest/globals';
import {
  EMPTY_CONFIG_BYTES,
  EMPTY_CONFIG_DIGEST,
  OCI_EMPTY_MEDIA_TYPE,
  OCI_MANIFEST_MEDIA_TYPE,
  SIGSTORE_BUNDLE_MEDIA_TYPE,
  buildBundleArtifact,
  bundleLayerOf,
  bundleReferrerKind,
  declaredPredicateType,
  isBundleManifest,
} from '../../src/sign/bundle-artifact.js';
import { sha256Digest } from '../../src/oci/digest.js';
import type { Descriptor } from '../../src/sign/bundle-artifact.js';

const subject: Descriptor = {
  mediaType: OCI_MANIFEST_MEDIA_TYPE,
  digest: `sha256:${'a'.repeat(64)}`,
  size: 512,
  artifactType: 'application/vnd.nfd.image-compatibility.v1alpha1',
};
const bundle = Buffer.from('{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json"}');
const TYPE = 'https://image-compat.dev/compatibility/v1';

describe('buildBundleArtifact', () => {
  const a = buildBundleArtifact({ bundle, predicateType: TYPE, subject, created: '2026-01-02T03:04:05Z' });

  it('builds the manifest cosign reads', () => {
    expect(a.manifest).toEqual({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST_MEDIA_TYPE,
      artifactType: SIGSTORE_BUNDLE_MEDIA_TYPE,
      config: { mediaType: OCI_EMPTY_MEDIA_TYPE, digest: EMPTY_CONFIG_DIGEST, size: 2 },
      layers: [
        {
          mediaType: SIGSTORE_BUNDLE_MEDIA_TYPE,
          digest: sha256Digest(bundle),
          size: bundle.length,
          annotations: {
            'org.opencontainers.image.title': `${sha256Digest(bundle).replace(':', '-')}.sigstore.json`,
          },
        },
      ],
      // only the descriptor's identity: artifactType/annotations are not part of a subject
      subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
      annotations: {
        'dev.sigstore.bundle.content': 'dsse-envelope',
        'dev.sigstore.bundle.predicateType': TYPE,
        'org.opencontainers.image.created': '2026-01-02T03:04:05Z',
      },
    });
  });

  it('gives blobs and a descriptor whose digests match their bytes', () => {
    expect(sha256Digest(EMPTY_CONFIG_BYTES)).toBe(EMPTY_CONFIG_DIGEST);
    for (const blob of a.blobs) {
      expect(sha256Digest(blob.bytes)).toBe(blob.descriptor.digest);
      expect(blob.bytes.length).toBe(blob.descriptor.size);
    }
    expect(a.manifestDescriptor).toEqual({
      mediaType: OCI_MANIFEST_MEDIA_TYPE,
      digest: sha256Digest(a.manifestBytes),
      size: a.manifestBytes.length,
      artifactType: SIGSTORE_BUNDLE_MEDIA_TYPE,
      annotations: a.manifest.annotations,
    });
    expect(JSON.parse(a.manifestBytes.toString('utf8'))).toEqual(a.manifest);
  });

  it('leaves out the created annotation unless given', () => {
    const b = buildBundleArtifact({ bundle, predicateType: TYPE, subject });
    expect(Object.keys(b.manifest.annotations)).toEqual([
      'dev.sigstore.bundle.content',
      'dev.sigstore.bundle.predicateType',
    ]);
  });
});

describe('bundleReferrerKind', () => {
  const entry = (artifactType?: string, mediaType = OCI_MANIFEST_MEDIA_TYPE): Descriptor => ({
    mediaType,
    digest: `sha256:${'b'.repeat(64)}`,
    size: 700,
    ...(artifactType === undefined ? {} : { artifactType }),
  });
  it.each<[string, Descriptor, 'yes' | 'maybe' | 'no']>([
    ['bundle artifactType', entry(SIGSTORE_BUNDLE_MEDIA_TYPE), 'yes'],
    ['cosign fallback index entry', entry(OCI_EMPTY_MEDIA_TYPE), 'maybe'],
    ['no artifactType', entry(), 'maybe'],
    ['empty artifactType', entry(''), 'maybe'],
    ['our compatibility artifact', entry('application/vnd.nfd.image-compatibility.v1alpha1'), 'no'],
    ['an index', entry(undefined, 'application/vnd.oci.image.index.v1+json'), 'no'],
  ])('%s -> %s', (_name, d, kind) => {
    expect(bundleReferrerKind(d)).toBe(kind);
  });
});

describe('bundleLayerOf / isBundleManifest', () => {
  const built = buildBundleArtifact({ bundle, predicateType: TYPE, subject }).manifest;
  it('finds the bundle layer in our manifest', () => {
    expect(bundleLayerOf(built)?.digest).toBe(sha256Digest(bundle));
    expect(declaredPredicateType(built)).toBe(TYPE);
  });
  it('finds it by layer mediaType when the manifest has no artifactType', () => {
    const { artifactType: _drop, ...noType } = built;
    expect(isBundleManifest(noType)).toBe(true);
  });
  it.each([
    ['null', null],
    ['no layers', { artifactType: SIGSTORE_BUNDLE_MEDIA_TYPE }],
    [
      'a compatibility artifact',
      {
        config: { mediaType: OCI_EMPTY_MEDIA_TYPE },
        layers: [{ mediaType: 'application/vnd.nfd.image-compatibility.spec.v1alpha1+yaml' }],
      },
    ],
  ])('rejects %s', (_name, m) => {
    expect(isBundleManifest(m)).toBe(false);
  });
});
