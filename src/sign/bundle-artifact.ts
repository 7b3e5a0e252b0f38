// The OCI shape of a signature: a referrer manifest whose only layer is the Sigstore bundle and
// whose subject is the signed manifest (cosign's specs/BUNDLE_SPEC.md). Pure: builds bytes and
// descriptors, and recognises bundle referrers in a referrers list; the OCI client pushes/fetches.

import { sha256Digest } from '../oci/digest.js';

export const SIGSTORE_BUNDLE_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
export const OCI_MANIFEST_MEDIA_TYPE = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_EMPTY_MEDIA_TYPE = 'application/vnd.oci.empty.v1+json';
export const ANNOTATION_BUNDLE_CONTENT = 'dev.sigstore.bundle.content';
export const ANNOTATION_BUNDLE_PREDICATE_TYPE = 'dev.sigstore.bundle.predicateType';
export const ANNOTATION_CREATED = 'org.opencontainers.image.created';
export const ANNOTATION_TITLE = 'org.opencontainers.image.title';

/** The empty config blob `{}` and its well-known digest. */
export const EMPTY_CONFIG_BYTES = Buffer.from('{}', 'utf8');
export const EMPTY_CONFIG_DIGEST = 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a';

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  artifactType?: string;
  annotations?: Record<string, string>;
}

export interface BundleManifest {
  schemaVersion: 2;
  mediaType: typeof OCI_MANIFEST_MEDIA_TYPE;
  artifactType: typeof SIGSTORE_BUNDLE_MEDIA_TYPE;
  config: Descriptor;
  layers: Descriptor[];
  subject: Descriptor;
  annotations: Record<string, string>;
}

export interface BundleArtifact {
  manifest: BundleManifest;
  /** The manifest serialized exactly as pushed (its digest is computed over these bytes). */
  manifestBytes: Buffer;
  manifestDescriptor: Descriptor;
  /** Blobs to push before the manifest: the empty config and the bundle. */
  blobs: { descriptor: Descriptor; bytes: Buffer }[];
}

export interface BundleArtifactInput {
  /** The bundle's stored bytes (SignedBundle.bytes). */
  bundle: Uint8Array;
  /** The predicate type of the signed statement. */
  predicateType: string;
  /** Descriptor of the signed manifest (the compatibility artifact manifest). */
  subject: Descriptor;
  /** RFC 3339 creation time; the caller passes it so output is reproducible in tests. */
  created?: string;
}

/** Builds the referrer manifest and blobs for a DSSE bundle signing `subject`. */
export function buildBundleArtifact(input: BundleArtifactInput): BundleArtifact {
  const bundleBytes = Buffer.from(input.bundle);
  const bundleDigest = sha256Digest(bundleBytes);
  const bundleDescriptor: Descriptor = {
    mediaType: SIGSTORE_BUNDLE_MEDIA_TYPE,
    digest: bundleDigest,
    size: bundleBytes.length,
    annotations: { [ANNOTATION_TITLE]: `${bundleDigest.replace(':', '-')}.sigstore.json` },
  };
  const configDescriptor: Descriptor = {
    mediaType: OCI_EMPTY_MEDIA_TYPE,
    digest: EMPTY_CONFIG_DIGEST,
    size: EMPTY_CONFIG_BYTES.length,
  };
  const annotations: Record<string, string> = {
    [ANNOTATION_BUNDLE_CONTENT]: 'dsse-envelope',
    [ANNOTATION_BUNDLE_PREDICATE_TYPE]: input.predicateType,
  };
  if (input.created) annotations[ANNOTATION_CREATED] = input.created;
  const subject: Descriptor = {
    mediaType: input.subject.mediaType,
    digest: input.subject.digest,
    size: input.subject.size,
  };
  const manifest: BundleManifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST_MEDIA_TYPE,
    artifactType: SIGSTORE_BUNDLE_MEDIA_TYPE,
    config: configDescriptor,
    layers: [bundleDescriptor],
    subject,
    annotations,
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest), 'utf8');
  return {
    manifest,
    manifestBytes,
    // What a referrers list (API or fallback tag index) should hold for this manifest.
    manifestDescriptor: {
      mediaType: OCI_MANIFEST_MEDIA_TYPE,
      digest: sha256Digest(manifestBytes),
      size: manifestBytes.length,
      artifactType: SIGSTORE_BUNDLE_MEDIA_TYPE,
      annotations,
    },
    blobs: [
      { descriptor: configDescriptor, bytes: EMPTY_CONFIG_BYTES },
      { descriptor: bundleDescriptor, bytes: bundleBytes },
    ],
  };
}

/**
 * Whether a referrers-list entry is a Sigstore bundle: 'yes' by artifactType; 'maybe' when the
 * entry carries the empty config type or none (cosign 3, through go-containerregistry, writes
 * fallback tag indexes with `artifactType: application/vnd.oci.empty.v1+json` and no
 * annotations: sigstore/cosign#4422, #4641): the caller must fetch the manifest and ask
 * `isBundleManifest`; 'no' otherwise.
 */
export function bundleReferrerKind(entry: Descriptor): 'yes' | 'maybe' | 'no' {
  if (entry.artifactType === SIGSTORE_BUNDLE_MEDIA_TYPE) return 'yes';
  if (entry.mediaType !== OCI_MANIFEST_MEDIA_TYPE) return 'no';
  if (
    entry.artifactType === undefined ||
    entry.artifactType === '' ||
    entry.artifactType === OCI_EMPTY_MEDIA_TYPE
  ) {
    return 'maybe';
  }
  return 'no';
}

/** Whether a fetched referrer manifest holds a Sigstore bundle; returns its layer if so. */
export function bundleLayerOf(manifest: unknown): Descriptor | undefined {
  const m = manifest as Partial<BundleManifest> | null;
  if (!m || typeof m !== 'object' || !Array.isArray(m.layers)) return undefined;
  const byType =
    m.artifactType === SIGSTORE_BUNDLE_MEDIA_TYPE || m.config?.mediaType === SIGSTORE_BUNDLE_MEDIA_TYPE;
  const layer = m.layers.find((l) => l?.mediaType === SIGSTORE_BUNDLE_MEDIA_TYPE);
  if (layer) return layer;
  return byType && m.layers.length === 1 ? m.layers[0] : undefined;
}

/** True when the manifest is a bundle referrer (see bundleLayerOf). */
export function isBundleManifest(manifest: unknown): boolean {
  return bundleLayerOf(manifest) !== undefined;
}

/** The predicate type a bundle referrer declares (annotation), if any: filter before fetching. */
export function declaredPredicateType(entryOrManifest: {
  annotations?: Record<string, string>;
}): string | undefined {
  return entryOrManifest.annotations?.[ANNOTATION_BUNDLE_PREDICATE_TYPE];
}
