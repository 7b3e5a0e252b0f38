// Attaching any referrer manifest to a subject: its blobs (each skipped when present), the manifest
// by digest, then the referrers API when the registry serves it, else the fallback tag index. The
// compatibility artifact and the signature bundle that signs it both go through here.
import { RegistryError } from '../errors.js';
import type { Repository } from './client.js';
import { addToFallbackIndex, referrersApiSupported } from './referrers.js';
import type { Descriptor } from './types.js';

/** A referrer built ahead of pushing: the exact manifest bytes, its descriptor, and its blobs. */
export interface ReferrerManifest {
  manifest: Uint8Array;
  /** As a referrers list should hold it (mediaType, digest, size, artifactType, annotations). */
  descriptor: Descriptor;
  blobs: Array<{ bytes: Uint8Array; mediaType: string }>;
}

export interface PushReferrerResult {
  descriptor: Descriptor;
  /** `api` when the registry indexes referrers itself, `fallback` when we wrote the `sha256-<hex>` tag. */
  referrers: 'api' | 'fallback';
}

/** Pushes `referrer` and makes it listed as a referrer of `subjectDigest`. */
export async function pushReferrer(
  repo: Repository,
  subjectDigest: string,
  referrer: ReferrerManifest,
  opts: { settleMs?: number } = {},
): Promise<PushReferrerResult> {
  await pushManifestWithBlobs(repo, referrer);
  // An OCI-Subject header is no proof (ECR sends it without serving the API): ask the API itself.
  if (await referrersApiSupported(repo, subjectDigest))
    return { descriptor: referrer.descriptor, referrers: 'api' };
  await addToFallbackIndex(repo, subjectDigest, referrer.descriptor, {
    ...(opts.settleMs !== undefined && { settleMs: opts.settleMs }),
  });
  return { descriptor: referrer.descriptor, referrers: 'fallback' };
}

/**
 * Blobs, then the manifest by digest. Writers uploading the same blob at once can leave
 * docker-registry briefly without it (MANIFEST_BLOB_UNKNOWN on the manifest PUT): then the blobs
 * are checked again and the PUT repeated, a few times.
 */
async function pushManifestWithBlobs(repo: Repository, referrer: ReferrerManifest): Promise<void> {
  const { descriptor } = referrer;
  for (let attempt = 1; ; attempt++) {
    for (const blob of referrer.blobs) await repo.pushBlob(blob.bytes, blob.mediaType);
    try {
      await repo.putManifest(descriptor.digest, referrer.manifest, descriptor.mediaType);
      return;
    } catch (err) {
      const blobUnknown =
        err instanceof RegistryError &&
        err.response?.status === 400 &&
        /BLOB_UNKNOWN/.test(err.response.body ?? '');
      if (!blobUnknown || attempt >= 3) throw err;
      await new Promise((r) => setTimeout(r, 100 * attempt + Math.floor(Math.random() * 100)));
    }
  }
}
