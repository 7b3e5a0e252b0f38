// `detach`: remove one compatibility artifact from its image, with what hangs off it: the artifact
// is unlisted and deleted first (its artifact tag, its manifest, its entry in the fallback index,
// or on a referrers-API registry its manifest alone), then its signature referrers (their tags,
// manifests, and the artifact's own fallback index). That order means a registry refusing DELETE
// changes nothing (the first DELETE is the refused one), and no observer ever sees the artifact
// listed without its signature. The index rewrite is the writers' merge (src/oci/referrers.ts);
// docs/registry.md, "Removing a referrer", says why a concurrent attach cannot bring it back.
import { InputError } from '../errors.js';
import type { Descriptor, ImageManifest, RegistryOptions, Repository } from '../oci/index.js';
import {
  artifactTag,
  COMPATIBILITY_ARTIFACT_TYPE,
  deleteFallbackIndex,
  fallbackTag,
  formatPlatform,
  formatReference,
  hostPlatform,
  isDigest,
  listReferrers,
  openRepository,
  parsePlatform,
  parseReference,
  referrersApiSupported,
  removeReferrer,
  resolveManifests,
  withDigest,
} from '../oci/index.js';
import { bundleLayerOf, bundleReferrerKind } from '../sign/bundle-artifact.js';

export interface DetachOptions extends RegistryOptions {
  image: string;
  /** The artifact manifest's digest. */
  artifact: string;
  /** `os/arch[/variant]`: for an index, only an artifact of that platform manifest (or of the index). */
  platform?: string;
  /** Pause before a fallback-index write is checked (ms; any value is safe). */
  settleMs?: number;
  /** Find and print what would be removed; remove nothing. */
  dryRun?: boolean;
}

export interface DetachResult {
  /** `registry/repo@digest` of the artifact's subject (a platform manifest or the index). */
  subject: string;
  /** The subject's platform, null for an index or a manifest without one. */
  platform: string | null;
  /** `registry/repo@digest` of the artifact removed. */
  artifact: string;
  /** `registry/repo@digest` of each signature referrer removed. */
  signatures: string[];
  /** The artifact tags of what is removed, deleted where they exist (none on a referrers-API registry). */
  tags: string[];
  /** The fallback index the entry was taken out of (null on a referrers-API registry). */
  index: string | null;
  referrers: 'api' | 'fallback';
  dryRun: boolean;
}

/** The Sigstore bundle referrers of the artifact (cosign's, typed as the empty config, recognised by their layer). */
async function signatureReferrers(repo: Repository, artifactDigest: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await listReferrers(repo, artifactDigest, { repair: false })) {
    const kind = bundleReferrerKind(entry);
    if (kind === 'no') continue;
    if (kind === 'maybe') {
      const got = await repo.getManifest(entry.digest);
      if (!got || !bundleLayerOf(got.json)) continue;
    }
    found.push(entry.digest);
  }
  return found;
}

export async function detach(opts: DetachOptions): Promise<DetachResult> {
  const reference = parseReference(opts.image);
  if (!isDigest(opts.artifact))
    throw new InputError(`the artifact to detach must be a digest (sha256:<64 hex>), got ${opts.artifact}`);
  const platform = opts.platform !== undefined ? parsePlatform(opts.platform) : undefined;
  const repo = openRepository(reference, opts);
  const resolved = await resolveManifests(repo, reference, {
    ...(platform && { platform }),
    all: true,
    hostPlatform: hostPlatform(),
  });
  const image = formatReference(reference);

  // The artifact must be a compatibility artifact whose subject is the image (a platform manifest or its index).
  const got = await repo.getManifest(opts.artifact);
  const notOurs = (why: string) =>
    new InputError(`${opts.artifact} is not a compatibility artifact of ${image}: ${why}`);
  if (!got) throw notOurs(`there is no manifest ${opts.artifact} in ${repo.label}`);
  const manifest = (got.json ?? {}) as Partial<ImageManifest>;
  if ((manifest.artifactType ?? manifest.config?.mediaType) !== COMPATIBILITY_ARTIFACT_TYPE)
    throw notOurs(`its artifactType is ${manifest.artifactType ?? manifest.config?.mediaType ?? 'none'}`);
  const subjectDigest = manifest.subject?.digest;
  const subject: { descriptor: Descriptor; platform?: string } | undefined = resolved
    .flatMap((r) => [
      { descriptor: r.descriptor, ...(r.platform && { platform: formatPlatform(r.platform) }) },
      ...(r.index ? [{ descriptor: r.index }] : []),
    ])
    .find((s) => s.descriptor.digest === subjectDigest);
  if (!subject)
    throw notOurs(
      `its subject is ${subjectDigest ?? 'none'}${platform ? ` (looked at ${formatPlatform(platform)} and its index)` : ''}`,
    );

  const signatures = await signatureReferrers(repo, opts.artifact);
  const api = await referrersApiSupported(repo, subjectDigest!);
  const result: DetachResult = {
    subject: formatReference(withDigest(reference, subjectDigest!)),
    platform: subject.platform ?? null,
    artifact: formatReference(withDigest(reference, opts.artifact)),
    signatures: signatures.map((d) => formatReference(withDigest(reference, d))),
    tags: api
      ? []
      : [
          artifactTag(subjectDigest!, opts.artifact),
          ...signatures.map((d) => artifactTag(opts.artifact, d)),
          ...(signatures.length ? [fallbackTag(opts.artifact)] : []),
        ],
    index: api ? null : `${repo.label}:${fallbackTag(subjectDigest!)}`,
    referrers: api ? 'api' : 'fallback',
    dryRun: opts.dryRun ?? false,
  };
  if (opts.dryRun) return result;

  const settle = opts.settleMs !== undefined ? { settleMs: opts.settleMs } : {};
  await removeReferrer(repo, subjectDigest!, opts.artifact, settle);
  // The artifact is unlisted and gone: its signatures are referrers of nothing any reader lists.
  for (const signature of signatures)
    await removeReferrer(repo, opts.artifact, signature, { ...settle, unlist: false });
  if (signatures.length && !(await referrersApiSupported(repo, opts.artifact)))
    await deleteFallbackIndex(repo, opts.artifact, (d) => signatures.includes(d.digest));
  return result;
}
