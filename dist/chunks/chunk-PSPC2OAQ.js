import {
  sha256Digest
} from "./chunk-5POD2GZZ.js";

// src/sign/bundle-artifact.ts
var SIGSTORE_BUNDLE_MEDIA_TYPE = "application/vnd.dev.sigstore.bundle.v0.3+json";
var OCI_MANIFEST_MEDIA_TYPE = "application/vnd.oci.image.manifest.v1+json";
var OCI_EMPTY_MEDIA_TYPE = "application/vnd.oci.empty.v1+json";
var ANNOTATION_BUNDLE_CONTENT = "dev.sigstore.bundle.content";
var ANNOTATION_BUNDLE_PREDICATE_TYPE = "dev.sigstore.bundle.predicateType";
var ANNOTATION_CREATED = "org.opencontainers.image.created";
var ANNOTATION_TITLE = "org.opencontainers.image.title";
var EMPTY_CONFIG_BYTES = Buffer.from("{}", "utf8");
var EMPTY_CONFIG_DIGEST = "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";
function buildBundleArtifact(input) {
  const bundleBytes = Buffer.from(input.bundle);
  const bundleDigest = sha256Digest(bundleBytes);
  const bundleDescriptor = {
    mediaType: SIGSTORE_BUNDLE_MEDIA_TYPE,
    digest: bundleDigest,
    size: bundleBytes.length,
    annotations: { [ANNOTATION_TITLE]: `${bundleDigest.replace(":", "-")}.sigstore.json` }
  };
  const configDescriptor = {
    mediaType: OCI_EMPTY_MEDIA_TYPE,
    digest: EMPTY_CONFIG_DIGEST,
    size: EMPTY_CONFIG_BYTES.length
  };
  const annotations = {
    [ANNOTATION_BUNDLE_CONTENT]: "dsse-envelope",
    [ANNOTATION_BUNDLE_PREDICATE_TYPE]: input.predicateType
  };
  if (input.created) annotations[ANNOTATION_CREATED] = input.created;
  const subject = {
    mediaType: input.subject.mediaType,
    digest: input.subject.digest,
    size: input.subject.size
  };
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST_MEDIA_TYPE,
    artifactType: SIGSTORE_BUNDLE_MEDIA_TYPE,
    config: configDescriptor,
    layers: [bundleDescriptor],
    subject,
    annotations
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest), "utf8");
  return {
    manifest,
    manifestBytes,
    // What a referrers list (API or fallback tag index) should hold for this manifest.
    manifestDescriptor: {
      mediaType: OCI_MANIFEST_MEDIA_TYPE,
      digest: sha256Digest(manifestBytes),
      size: manifestBytes.length,
      artifactType: SIGSTORE_BUNDLE_MEDIA_TYPE,
      annotations
    },
    blobs: [
      { descriptor: configDescriptor, bytes: EMPTY_CONFIG_BYTES },
      { descriptor: bundleDescriptor, bytes: bundleBytes }
    ]
  };
}
function bundleReferrerKind(entry) {
  if (entry.artifactType === SIGSTORE_BUNDLE_MEDIA_TYPE) return "yes";
  if (entry.mediaType !== OCI_MANIFEST_MEDIA_TYPE) return "no";
  if (entry.artifactType === void 0 || entry.artifactType === "" || entry.artifactType === OCI_EMPTY_MEDIA_TYPE) {
    return "maybe";
  }
  return "no";
}
function bundleLayerOf(manifest) {
  const m = manifest;
  if (!m || typeof m !== "object" || !Array.isArray(m.layers)) return void 0;
  const byType = m.artifactType === SIGSTORE_BUNDLE_MEDIA_TYPE || m.config?.mediaType === SIGSTORE_BUNDLE_MEDIA_TYPE;
  const layer = m.layers.find((l) => l?.mediaType === SIGSTORE_BUNDLE_MEDIA_TYPE);
  if (layer) return layer;
  return byType && m.layers.length === 1 ? m.layers[0] : void 0;
}
function declaredPredicateType(entryOrManifest) {
  return entryOrManifest.annotations?.[ANNOTATION_BUNDLE_PREDICATE_TYPE];
}

export {
  buildBundleArtifact,
  bundleReferrerKind,
  bundleLayerOf,
  declaredPredicateType
};
