// Resolving an image reference to the manifests artifacts attach to: a manifest is itself; an index
// gives its platform manifests (attestations skipped), all of them or the ones matching a platform.
import { RegistryError } from '../errors.js';
import type { RegistryOptions, Repository } from './client.js';
import { openRepository } from './client.js';
import {
  formatPlatform,
  hostPlatform,
  isAttestationManifest,
  parsePlatform,
  platformsMatch,
} from './platform.js';
import type { Reference } from './reference.js';
import { formatReference, parseReference } from './reference.js';
import type { Descriptor, ImageIndex, ImageManifest, Platform } from './types.js';
import { isIndexMediaType, MAX_MANIFEST_BYTES, MediaType } from './types.js';
import { setting } from '../settings.js';

export interface ResolvedManifest {
  descriptor: Descriptor;
  /** Known from the index entry or the image config; undefined for artifacts with no platform. */
  platform?: Platform;
  /** The index it came from, when the reference named an index. */
  index?: Descriptor;
}

async function platformFromConfig(repo: Repository, manifest: ImageManifest): Promise<Platform | undefined> {
  const config = manifest.config;
  if (!config || (config.mediaType !== MediaType.ociConfig && config.mediaType !== MediaType.dockerConfig))
    return undefined;
  const bytes = await repo.fetchBlob(config, MAX_MANIFEST_BYTES);
  const parsed = JSON.parse(bytes.toString('utf8')) as {
    os?: string;
    architecture?: string;
    variant?: string;
  };
  if (typeof parsed.os !== 'string' || typeof parsed.architecture !== 'string') return undefined;
  return {
    os: parsed.os,
    architecture: parsed.architecture,
    ...(parsed.variant && { variant: parsed.variant }),
  };
}

/**
 * The manifests `ref` stands for. `platform` restricts an index to the matching entry (an error when
 * none matches); `all` returns every platform manifest of an index when no platform is given.
 */
export async function resolveManifests(
  repo: Repository,
  ref: Reference,
  opts: { platform?: Platform; all?: boolean; hostPlatform: Platform },
): Promise<ResolvedManifest[]> {
  const name = formatReference(ref);
  const got = await repo.getManifest(ref.digest ?? (ref.tag as string), {
    notFound: `image ${name} not found`,
  });
  if (!got) throw new RegistryError(`image ${name} not found`);
  const body = JSON.parse(got.bytes.toString('utf8')) as Partial<ImageIndex & ImageManifest>;
  if (!isIndexMediaType(got.descriptor.mediaType) && !Array.isArray(body.manifests)) {
    const platform = await platformFromConfig(repo, body as ImageManifest);
    if (opts.platform && platform && !platformsMatch(opts.platform, platform)) {
      throw new RegistryError(
        `image ${name} is for ${formatPlatform(platform)}, not ${formatPlatform(opts.platform)}`,
      );
    }
    return [{ descriptor: got.descriptor, ...(platform && { platform }) }];
  }
  const entries = (body.manifests ?? []).filter(
    (d) => !isAttestationManifest(d) && !isIndexMediaType(d.mediaType),
  );
  const offered = entries.map((d) => (d.platform ? formatPlatform(d.platform) : '?')).join(', ') || 'none';
  const wanted = opts.platform ?? (opts.all ? undefined : opts.hostPlatform);
  let chosen = entries;
  if (wanted) {
    const first = entries.find((d) => d.platform && platformsMatch(wanted, d.platform));
    if (!first) {
      throw new RegistryError(
        `image ${name} has no manifest for ${formatPlatform(wanted)}${opts.platform ? '' : ` (the host platform; use ${setting('platform')})`}; it offers ${offered}`,
      );
    }
    chosen = [first];
  }
  if (chosen.length === 0) throw new RegistryError(`image ${name} is an index with no platform manifests`);
  return chosen.map((d) => ({
    descriptor: { mediaType: d.mediaType, digest: d.digest, size: d.size },
    ...(d.platform && { platform: d.platform }),
    index: got.descriptor,
  }));
}

export interface ImageSubjects {
  reference: Reference;
  repo: Repository;
  /** The platform manifests artifacts attach to (one for a manifest or a chosen platform). */
  subjects: ResolvedManifest[];
}

/**
 * Opens an image: its reference, its repository, and its platform manifests: the one `platform`
 * names, else (with `all`) every platform manifest of an index, else the host's platform.
 */
export async function resolveImage(
  image: string | Reference,
  opts: RegistryOptions & { platform?: string | Platform; all?: boolean },
): Promise<ImageSubjects> {
  const reference = typeof image === 'string' ? parseReference(image) : image;
  const platform = typeof opts.platform === 'string' ? parsePlatform(opts.platform) : opts.platform;
  const repo = openRepository(reference, opts);
  const subjects = await resolveManifests(repo, reference, {
    ...(platform && { platform }),
    ...(opts.all && { all: true }),
    hostPlatform: hostPlatform(),
  });
  if (subjects.length === 0)
    throw new RegistryError(`image ${formatReference(reference)} resolved to nothing`);
  return { reference, repo, subjects };
}
