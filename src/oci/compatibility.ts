// NFD compatibility artifacts in a registry: attach one to a subject manifest (through
// ./referrer.ts: blobs, manifest, then the referrers API or the fallback index), list a subject's
// artifacts newest first, and fetch the newest one's spec bytes the way NFD's `validate-node` picks it.
// A platform manifest of an index is looked up with its index: the platform manifest's artifacts
// come first (newest first), then the index's (NFD's docs `oras attach` to the image as pushed).
import { RegistryError } from '../errors.js';
import type { HostPlatform } from '../platform/host.js';
import {
  ANNOTATION_CREATED,
  COMPATIBILITY_ARTIFACT_TYPE,
  COMPATIBILITY_SPEC_MEDIA_TYPE,
  EMPTY_CONFIG,
  EMPTY_CONFIG_BYTES,
  packCompatibilityArtifact,
  type PackedArtifact,
} from './artifact.js';
import type { RegistryOptions, Repository } from './client.js';
import { newestFirst } from './created.js';
import { resolveImage, type ResolvedManifest } from './image.js';
import type { Reference } from './reference.js';
import { formatReference } from './reference.js';
import { pushReferrer, type ReferrerManifest } from './referrer.js';
import { listReferrers } from './referrers.js';
import type { Descriptor, ImageManifest, Platform } from './types.js';
import { MAX_MANIFEST_BYTES } from './types.js';

/** The most bytes of a spec we read. */
export const MAX_SPEC_BYTES = 4 * 1024 * 1024;

export interface AttachResult {
  artifact: Descriptor;
  /** `api` when the registry indexes referrers itself, `fallback` when we wrote the `sha256-<hex>` tag. */
  referrers: 'api' | 'fallback';
}

export async function attachCompatibilityArtifact(
  repo: Repository,
  subject: Descriptor,
  spec: Uint8Array,
  opts: { created: Date; title?: string; settleMs?: number },
): Promise<AttachResult> {
  const packed = packCompatibilityArtifact({
    spec,
    subject,
    created: opts.created,
    ...(opts.title !== undefined && { title: opts.title }),
  });
  const pushed = await pushReferrer(repo, subject.digest, compatibilityReferrer(packed, spec), {
    ...(opts.settleMs !== undefined && { settleMs: opts.settleMs }),
  });
  return { artifact: pushed.descriptor, referrers: pushed.referrers };
}

/** A packed compatibility artifact as a referrer to push: the empty config and the spec blob. */
export function compatibilityReferrer(packed: PackedArtifact, spec: Uint8Array): ReferrerManifest {
  return {
    manifest: packed.manifest,
    descriptor: packed.descriptor,
    blobs: [
      { bytes: EMPTY_CONFIG_BYTES, mediaType: EMPTY_CONFIG.mediaType },
      { bytes: spec, mediaType: COMPATIBILITY_SPEC_MEDIA_TYPE },
    ],
  };
}

export interface CompatibilityListing {
  reference: Reference;
  subject: Descriptor;
  platform?: Platform;
  /** Newest first (by `org.opencontainers.image.created`; artifacts without it last). */
  artifacts: Descriptor[];
  /** The index the platform manifest came from, when the reference named one. */
  index?: Descriptor;
  /** The index's own artifacts, newest first (empty without an index). */
  indexArtifacts: Descriptor[];
}

/** Where a compatibility artifact hangs: on the platform manifest, or on its index. */
export type AttachedTo = 'manifest' | 'index';

export interface CompatibilityCandidate {
  artifact: Descriptor;
  /** The manifest the artifact names as its subject. */
  subject: Descriptor;
  attachedTo: AttachedTo;
}

/**
 * The precedence of a platform manifest's artifacts: its own, newest first, then its index's,
 * newest first. The first is the one evaluated (the platform manifest's newest, else the index's).
 * The two listings are independent reads and go out at once (an error of the manifest's is the
 * one thrown); `own` is the manifest's listing when the caller started it already.
 */
export async function compatibilityCandidates(
  repo: Repository,
  resolved: ResolvedManifest,
  own: Promise<Descriptor[]> = compatibilityReferrers(repo, resolved.descriptor.digest),
): Promise<CompatibilityCandidate[]> {
  const index = resolved.index;
  const [mine, ofIndex] = await Promise.allSettled([
    own,
    index ? compatibilityReferrers(repo, index.digest) : [],
  ]);
  if (mine.status === 'rejected') throw mine.reason;
  if (ofIndex.status === 'rejected') throw ofIndex.reason;
  return [
    ...mine.value.map((artifact) => ({
      artifact,
      subject: resolved.descriptor,
      attachedTo: 'manifest' as const,
    })),
    ...ofIndex.value.map((artifact) => ({ artifact, subject: index!, attachedTo: 'index' as const })),
  ];
}

export interface LookupOptions extends RegistryOptions {
  /** `os/arch[/variant]` or a parsed platform; an index resolves to it (the host's platform by default). */
  platform?: string | Platform;
  /** The host an index resolves for when no platform is given (default: this process's). */
  host?: HostPlatform;
}

/**
 * The image resolved to one platform manifest, and that manifest's compatibility artifacts: for a
 * single manifest the listing starts as soon as its digest is known, with its config's read.
 */
async function resolveListed(ref: string | Reference, opts: LookupOptions) {
  let early: { digest: string; listing: Promise<Descriptor[]> } | undefined;
  const { reference, repo, subjects } = await resolveImage(ref, {
    ...opts,
    onManifest: (d, r) => {
      early = { digest: d.digest, listing: compatibilityReferrers(r, d.digest) };
      early.listing.catch(() => undefined); // awaited below, unless resolving fails first
    },
  });
  const resolved = subjects[0]!;
  const own =
    early?.digest === resolved.descriptor.digest
      ? early.listing
      : compatibilityReferrers(repo, resolved.descriptor.digest);
  return { reference, repo, resolved, own };
}

/** A subject's compatibility artifacts, newest first by `org.opencontainers.image.created` (NFD's order). */
export async function compatibilityReferrers(repo: Repository, subjectDigest: string): Promise<Descriptor[]> {
  const found = await listReferrers(repo, subjectDigest, { artifactType: COMPATIBILITY_ARTIFACT_TYPE });
  return newestFirst(found);
}

export interface FetchedCompatibilityArtifact {
  artifact: Descriptor;
  /** The artifact's `org.opencontainers.image.created`, as written. */
  created?: string;
  /** layers[0] exactly as stored (verified against its digest). */
  specBytes: Buffer;
}

/** The spec layer of a listed compatibility artifact; RegistryError when the manifest is gone or not one. */
export async function fetchCompatibilityArtifact(
  repo: Repository,
  artifact: Descriptor,
): Promise<FetchedCompatibilityArtifact> {
  const fetched = await fetchListedArtifact(repo, artifact);
  if (!fetched) throw new RegistryError(`compatibility artifact ${artifact.digest} is listed but not found`);
  return fetched;
}

/** fetchCompatibilityArtifact, undefined when the manifest is gone (404: a removed referrer still listed). */
export async function fetchListedArtifact(
  repo: Repository,
  artifact: Descriptor,
): Promise<FetchedCompatibilityArtifact | undefined> {
  const got = await repo.getManifest(artifact.digest, { what: `compatibility artifact ${artifact.digest}` });
  if (!got) return undefined;
  const manifest = (got.json ?? {}) as Partial<ImageManifest>;
  const layer = manifest.layers?.[0];
  if (!layer || typeof layer.digest !== 'string' || typeof layer.size !== 'number')
    throw new RegistryError(`compatibility artifact ${artifact.digest} has no spec layer`);
  const specBytes = await repo.fetchBlob(layer, Math.min(MAX_SPEC_BYTES, MAX_MANIFEST_BYTES));
  const created = artifact.annotations?.[ANNOTATION_CREATED] ?? manifest.annotations?.[ANNOTATION_CREATED];
  return { artifact, ...(created !== undefined && { created }), specBytes };
}

/** The compatibility artifacts of an image (resolved to one platform manifest), newest first. */
export async function listCompatibilityArtifacts(
  ref: string | Reference,
  opts: LookupOptions = {},
): Promise<CompatibilityListing> {
  const { reference, repo, resolved, own } = await resolveListed(ref, opts);
  const candidates = await compatibilityCandidates(repo, resolved, own);
  return {
    reference,
    subject: resolved.descriptor,
    ...(resolved.platform && { platform: resolved.platform }),
    artifacts: candidates.filter((c) => c.attachedTo === 'manifest').map((c) => c.artifact),
    ...(resolved.index && { index: resolved.index }),
    indexArtifacts: candidates.filter((c) => c.attachedTo === 'index').map((c) => c.artifact),
  };
}

export interface NewestCompatibilitySpec extends FetchedCompatibilityArtifact {
  /** The platform manifest resolved. */
  subject: Descriptor;
  platform?: Platform;
  /** Whether the artifact hangs on the platform manifest or on its index. */
  attachedTo: AttachedTo;
}

/** NFD's pick: the newest compatibility artifact of the image; RegistryError (exit 3) when there is none. */
export async function fetchNewestCompatibilitySpec(
  ref: string | Reference,
  opts: LookupOptions = {},
): Promise<NewestCompatibilitySpec> {
  const { reference, repo, resolved, own } = await resolveListed(ref, opts);
  // The newest whose manifest is there: a listed entry whose manifest is gone has no spec (skipped, said).
  for (const candidate of await compatibilityCandidates(repo, resolved, own)) {
    const fetched = await fetchListedArtifact(repo, candidate.artifact);
    if (!fetched) {
      warnGone(repo, candidate.artifact);
      continue;
    }
    return {
      subject: resolved.descriptor,
      ...(resolved.platform && { platform: resolved.platform }),
      attachedTo: candidate.attachedTo,
      ...fetched,
    };
  }
  const where = `${formatReference(reference)}${resolved.index ? ` (${resolved.descriptor.digest})` : ''}`;
  throw new RegistryError(`image ${where} has no compatibility artifact (${COMPATIBILITY_ARTIFACT_TYPE})`);
}

/** Says that a listed compatibility artifact is skipped: its manifest is gone. */
export function warnGone(repo: Repository, artifact: Descriptor): void {
  repo.transport.options.warn?.(
    `compatibility artifact ${artifact.digest} is listed but its manifest is gone (removed): skipped, the next newest is used`,
  );
}
