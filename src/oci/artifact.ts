// The NFD image compatibility artifact, packed as `oras attach --artifact-type
// application/vnd.nfd.image-compatibility.v1alpha1 IMAGE spec.yaml:<spec media type>` packs it:
// an OCI image manifest with the empty config (inline data), the spec bytes as layers[0] (titled
// with the file's name), the subject, and the creation time NFD sorts by. The spec bytes are opaque here.
import { sha256Digest } from './digest.js';
import type { Descriptor, ImageManifest } from './types.js';
import { MediaType } from './types.js';

export const COMPATIBILITY_ARTIFACT_TYPE = 'application/vnd.nfd.image-compatibility.v1alpha1';
export const COMPATIBILITY_SPEC_MEDIA_TYPE = 'application/vnd.nfd.image-compatibility.spec.v1alpha1+yaml';
export const ANNOTATION_CREATED = 'org.opencontainers.image.created';
export const ANNOTATION_TITLE = 'org.opencontainers.image.title';

export const EMPTY_CONFIG_BYTES = Buffer.from('{}');
export const EMPTY_CONFIG: Descriptor = {
  mediaType: MediaType.empty,
  digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
  size: 2,
  data: 'e30=',
};

/** RFC 3339 in UTC to the second, as oras writes it: `2026-11-22T11:26:05Z`. */
export function formatCreated(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, 'Z');
}

export interface PackedArtifact {
  manifest: Buffer;
  /** The manifest's descriptor as a referrers index lists it (artifactType and annotations). */
  descriptor: Descriptor;
  layer: Descriptor;
}

export function packCompatibilityArtifact(input: {
  spec: Uint8Array;
  subject: Descriptor;
  created: Date;
  /** The spec file's name, recorded as the layer's title (oras does the same). */
  title?: string;
}): PackedArtifact {
  const layer: Descriptor = {
    mediaType: COMPATIBILITY_SPEC_MEDIA_TYPE,
    digest: sha256Digest(input.spec),
    size: input.spec.byteLength,
    ...(input.title && { annotations: { [ANNOTATION_TITLE]: input.title } }),
  };
  const annotations = { [ANNOTATION_CREATED]: formatCreated(input.created) };
  // Key order follows oras, so the same inputs give the same bytes.
  const manifest: ImageManifest = {
    schemaVersion: 2,
    mediaType: MediaType.ociManifest,
    artifactType: COMPATIBILITY_ARTIFACT_TYPE,
    config: EMPTY_CONFIG,
    layers: [layer],
    subject: { mediaType: input.subject.mediaType, digest: input.subject.digest, size: input.subject.size },
    annotations,
  };
  const bytes = Buffer.from(JSON.stringify(manifest));
  return {
    manifest: bytes,
    descriptor: {
      mediaType: MediaType.ociManifest,
      digest: sha256Digest(bytes),
      size: bytes.byteLength,
      annotations,
      artifactType: COMPATIBILITY_ARTIFACT_TYPE,
    },
    layer,
  };
}
