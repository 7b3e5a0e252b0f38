// Attaching any referrer manifest to a subject: its blobs (each skipped when present), the manifest,
// then the referrers API when the registry serves it, else the referrer's own tag and the fallback
// tag index (./referrers.ts). The compatibility artifact and the signature bundle that signs it both
// go through here. `before` runs once the manifest is stored but before anything lists it: attach
// pushes the signature there, so no observer ever sees an unsigned artifact as the newest.
// Removing one (`detach`) goes the other way: unlisted and deleted first, what hangs off it after.
import { RegistryError } from '../errors.js';
import type { Repository } from './client.js';
import { withRetries } from './retry.js';
import {
  artifactTag,
  fallbackTag,
  readFallback,
  recordInFallbackIndex,
  referrersApiSupported,
} from './referrers.js';
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
  // Every path stores the blobs first, and blobs are listed nowhere: they go up while the API is
  // asked (the same requests, one round trip less). A failed question is the error, as before.
  const [asked, pushed] = await Promise.allSettled([
    referrersApiSupported(repo, subjectDigest),
    pushBlobs(repo, referrer),
  ]);
  if (asked.status === 'rejected') throw asked.reason;
  if (pushed.status === 'rejected') throw pushed.reason;
  if (asked.value) {
    // The registry lists the manifest as soon as it is stored: `before` goes first.
    await opts.before?.();
    await putManifest(repo, referrer, descriptor.digest);
    return { descriptor, referrers: 'api' };
  }
  const tag = artifactTag(subjectDigest, descriptor.digest);
  // Stored by digest (listed nowhere), then `before`, then tagged: the tag lists it. The index is
  // read while the tag goes up: the merge loop is safe whenever its first read happens, as long as
  // each write of the index follows the writer's own tag (docs/registry.md, "Concurrent writers").
  if (opts.before) {
    await putManifest(repo, referrer, descriptor.digest);
    await opts.before();
  }
  const read = readFallback(repo, subjectDigest);
  try {
    if (opts.before) await repo.putManifest(tag, referrer.manifest, descriptor.mediaType);
    else await putManifest(repo, referrer, tag);
  } catch (err) {
    read.catch(() => undefined); // the tag's error is the one reported
    throw err;
  }
  await recordInFallbackIndex(repo, subjectDigest, [descriptor], {
    ...(opts.settleMs !== undefined && { settleMs: opts.settleMs }),
    read,
  });
  return { descriptor, referrers: 'fallback' };
}

/**
 * The referrer's blobs, all at once as oras sends them (blobs are listed nowhere: one that goes
 * up while another fails is harmless); the first failing one in order is the error.
 */
async function pushBlobs(repo: Repository, referrer: ReferrerManifest): Promise<void> {
  const pushed = await Promise.allSettled(referrer.blobs.map((b) => repo.pushBlob(b.bytes, b.mediaType)));
  const failed = pushed.find((p) => p.status === 'rejected');
  if (failed) throw failed.reason;
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

/** Says what the registry refused, and how distribution is made to delete. */
function refusal(repo: Repository, what: string, err: RegistryError): RegistryError {
  return new RegistryError(
    `${repo.label} refused to delete ${what} (${err.message}); nothing of it was removed. distribution deletes only with REGISTRY_STORAGE_DELETE_ENABLED=true; on GHCR delete the package version`,
    err.request,
    err.response,
  );
}

/**
 * Removes referrer `digest` of `subjectDigest`: on a referrers-API registry its manifest (the
 * registry drops it from the listing); elsewhere, in this order, its artifact tag (crane and
 * distribution 3 delete tags; distribution 2.8 refuses, its digest DELETE removes the tags), its
 * manifest, then its entry in the fallback index, rewritten through the same merge as a write
 * (`remove`), after the manifest is gone: a writer that read the index before and writes after
 * finds the entry untagged and its manifest gone at its own check, and drops it (docs/registry.md,
 * "Removing a referrer"). A registry that refuses the first DELETE leaves everything as it was
 * (RegistryError naming the refusal).
 */
export async function removeReferrer(
  repo: Repository,
  subjectDigest: string,
  digest: string,
  opts: Pick<PushReferrerOptions, 'settleMs'> & {
    /** Rewrite the index without it (default true; false when the whole index goes next). */
    unlist?: boolean;
  } = {},
): Promise<PushReferrerResult['referrers']> {
  if (await referrersApiSupported(repo, subjectDigest)) {
    const out = await repo.deleteManifest(digest);
    if (out.status === 'refused') throw refusal(repo, `manifest ${digest}`, out.error);
    return 'api';
  }
  const tag = artifactTag(subjectDigest, digest);
  const byTag = await repo.deleteManifest(tag);
  const byDigest = await repo.deleteManifest(digest);
  if (byDigest.status === 'refused') {
    const what =
      byTag.status === 'deleted' ? `manifest ${digest} (its tag ${tag} is gone)` : `manifest ${digest}`;
    throw refusal(repo, what, byDigest.error);
  }
  if (opts.unlist === false) return 'fallback';
  await recordInFallbackIndex(repo, subjectDigest, [], {
    remove: [digest],
    ...(opts.settleMs !== undefined && { settleMs: opts.settleMs }),
  });
  return 'fallback';
}

/**
 * Deletes the fallback index of a subject that is itself gone (a removed artifact: its signatures'
 * `sha256-<artifact hex>`): by tag, else (distribution 2.8) by the digest the tag names, which
 * removes the tag; never by digest when the index lists anything not `ours` (another writer's
 * entry), as other tags could name the same bytes.
 */
export async function deleteFallbackIndex(
  repo: Repository,
  subjectDigest: string,
  ours: (d: Descriptor) => boolean,
): Promise<boolean> {
  const tag = fallbackTag(subjectDigest);
  const byTag = await repo.deleteManifest(tag);
  if (byTag.status !== 'refused') return byTag.status === 'deleted';
  const got = await repo.getManifest(tag);
  if (!got) return false;
  const listed = (got.json as { manifests?: Descriptor[] } | null)?.manifests ?? [];
  if (!listed.length || listed.some((d) => !ours(d))) return false;
  const byDigest = await repo.deleteManifest(got.descriptor.digest);
  if (byDigest.status === 'refused') throw refusal(repo, `${tag}`, byDigest.error);
  return byDigest.status === 'deleted';
}
