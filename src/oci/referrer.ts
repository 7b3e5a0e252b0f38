// Attaching any referrer manifest to a subject: its blobs (each skipped when present), the manifest,
// then the referrers API when the registry serves it, else the referrer's own tag and the fallback
// tag index (./referrers.ts). The compatibility artifact and the signature bundle that signs it both
// go through here. `before` runs once the manifest is stored but before anything lists it: attach
// pushes the signature there, so no observer ever sees an unsigned artifact as the newest.
import { RegistryError } from '../errors.js';
import type { Repository } from './client.js';
import { withRetries } from './retry.js';
import { artifactTag, recordInFallbackIndex, referrersApiSupported } from './referrers.js';
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
  /** `api` when the registry indexes referrers itself, `fallback` when we wrote the `sha256-<hex>` tags. */
  referrers: 'api' | 'fallback';
}

export interface PushReferrerOptions {
  /** Pause before the fallback index is checked (ms; any value is safe, default 0). */
  settleMs?: number;
  /** Runs after the manifest's blobs are stored and before the referrer is listed. */
  before?: () => Promise<unknown>;
}

/** Pushes `referrer` and makes it listed as a referrer of `subjectDigest`. */
export async function pushReferrer(
  repo: Repository,
  subjectDigest: string,
  referrer: ReferrerManifest,
  opts: PushReferrerOptions = {},
): Promise<PushReferrerResult> {
  const { descriptor } = referrer;
  // An OCI-Subject header is no proof (ECR sends it without serving the API): ask the API itself.
  if (await referrersApiSupported(repo, subjectDigest)) {
    // The registry lists the manifest as soon as it is stored: `before` goes first.
    await pushBlobs(repo, referrer);
    await opts.before?.();
    await putManifest(repo, referrer, descriptor.digest);
    return { descriptor, referrers: 'api' };
  }
  const tag = artifactTag(subjectDigest, descriptor.digest);
  // Stored by digest (listed nowhere), then `before`, then tagged: the tag lists it.
  if (opts.before) {
    await pushBlobs(repo, referrer);
    await putManifest(repo, referrer, descriptor.digest);
    await opts.before();
    await repo.putManifest(tag, referrer.manifest, descriptor.mediaType);
  } else {
    await pushBlobs(repo, referrer);
    await putManifest(repo, referrer, tag);
  }
  await recordInFallbackIndex(repo, subjectDigest, [descriptor], {
    ...(opts.settleMs !== undefined && { settleMs: opts.settleMs }),
  });
  return { descriptor, referrers: 'fallback' };
}

async function pushBlobs(repo: Repository, referrer: ReferrerManifest): Promise<void> {
  for (const blob of referrer.blobs) await repo.pushBlob(blob.bytes, blob.mediaType);
}

/**
 * The manifest under `reference` (its digest or its tag). Writers uploading the same blob at once
 * can leave docker-registry briefly without it (MANIFEST_BLOB_UNKNOWN on the manifest PUT): then
 * the blobs are checked again and the PUT repeated, as the client's retry policy allows.
 */
async function putManifest(repo: Repository, referrer: ReferrerManifest, reference: string): Promise<void> {
  const { descriptor } = referrer;
  await withRetries(
    repo.transport.options.retry,
    `pushing manifest ${repo.label}@${descriptor.digest}`,
    async (attempt) => {
      if (attempt > 1) await pushBlobs(repo, referrer);
      try {
        await repo.putManifest(reference, referrer.manifest, descriptor.mediaType);
      } catch (err) {
        const blobUnknown =
          err instanceof RegistryError &&
          err.response?.status === 400 &&
          /BLOB_UNKNOWN/.test(err.response.body ?? '');
        if (!blobUnknown) throw err;
        throw new RegistryError(err.message, err.request, err.response, { transient: true });
      }
    },
    repo.transport.options.debug,
  );
}
