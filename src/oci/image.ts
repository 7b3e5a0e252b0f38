// Resolving an image reference to the manifests artifacts attach to: a manifest is itself; an index
// gives its platform manifests (attestations skipped): all of them, the first matching a wanted
// platform (oras-go's platform.Match, as NFD resolves `--platform`), or the first this host can
// run (the image spec's first match; amd64 variants by the host's x86-64 level, arm64 any). Each
// platform manifest keeps its index, whose own referrers are read too.
import { RegistryError } from '../errors.js';
import type { HostPlatform } from '../platform/host.js';
import { canRun, hostPlatform } from '../platform/host.js';
import {
  formatPlatform,
  isAttestationManifest,
  parsePlatform,
  platformsMatch,
} from '../platform/platform.js';
import type { RegistryOptions, Repository } from './client.js';
import { openRepository } from './client.js';
import type { Reference } from './reference.js';
import { formatReference, parseReference } from './reference.js';
import { registryText } from './text.js';
import type { Descriptor, ImageIndex, ImageManifest, Platform } from './types.js';
import { isIndexMediaType, MAX_MANIFEST_BYTES, MediaType } from './types.js';

export interface ResolvedManifest {
  descriptor: Descriptor;
  /** Known from the index entry or the image config; undefined for artifacts with no platform. */
  platform?: Platform;
  /** The index it came from, when the reference named an index. */
  index?: Descriptor;
  /** The annotations of its index descriptor (what `targets:` and `select` read). */
  annotations?: Record<string, string>;
}

async function platformFromConfig(repo: Repository, manifest: ImageManifest): Promise<Platform | undefined> {
  const config = manifest.config;
  if (!config || (config.mediaType !== MediaType.ociConfig && config.mediaType !== MediaType.dockerConfig))
    return undefined;
  const bytes = await repo.fetchBlob(config, MAX_MANIFEST_BYTES);
  const parsed = JSON.parse(registryText(bytes, `image config ${config.digest}`)) as {
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

/** A host whose x86-64 level is not known: every amd64 variant is a candidate (the verdict decides). */
function asHost(p: Platform | HostPlatform): HostPlatform {
  const level = 'x86Level' in p ? p.x86Level : undefined;
  return { ...p, x86Level: level ?? 4, source: 'source' in p ? p.source : 'machine' };
}

export interface ResolveOptions {
  /** The wanted platform (`--platform`): the first entry that matches it. */
  platform?: Platform;
  /** Every platform manifest of an index when no platform is wanted. */
  all?: boolean;
  /** The host whose runnable platforms an index resolves to by default. */
  hostPlatform: Platform | HostPlatform;
  /** When the host can run no entry: the index's first platform manifest instead of an error (validate refuses it). */
  orFirst?: boolean;
  /**
   * Called with a single manifest as soon as it is read, before its config is: a caller's reads of
   * that subject (its referrers) go out with the config's instead of after it.
   */
  onManifest?: (descriptor: Descriptor, repo: Repository) => void;
}

/**
 * The manifests `ref` stands for. `platform` restricts an index to the matching entry (an error when
 * none matches); `all` returns every platform manifest of an index when no platform is given.
 */
export async function resolveManifests(
  repo: Repository,
  ref: Reference,
  opts: ResolveOptions,
): Promise<ResolvedManifest[]> {
  const name = formatReference(ref);
  const got = await repo.getManifest(ref.digest ?? (ref.tag as string), {
    notFound: `image ${name} not found`,
    what: `image ${name}`,
  });
  if (!got) throw new RegistryError(`image ${name} not found`);
  const body = (got.json ?? {}) as Partial<ImageIndex & ImageManifest>;
  if (!isIndexMediaType(got.descriptor.mediaType) && !Array.isArray(body.manifests)) {
    opts.onManifest?.(got.descriptor, repo);
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
  if (entries.length === 0) throw new RegistryError(`image ${name} is an index with no platform manifests`);
  const offered = entries.map((d) => (d.platform ? formatPlatform(d.platform) : '?')).join(', ');
  let chosen = entries;
  if (opts.platform) {
    const wanted = opts.platform;
    const first = entries.find((d) => d.platform && platformsMatch(wanted, d.platform));
    if (!first)
      throw new RegistryError(
        `image ${name} has no manifest for ${formatPlatform(wanted)}; it offers ${offered}`,
      );
    chosen = [first];
  } else if (!opts.all) {
    const host = asHost(opts.hostPlatform);
    const first = entries.find((d) => d.platform && canRun(host, d.platform).ok);
    if (!first && !opts.orFirst) {
      throw new RegistryError(
        `image ${name} has no manifest this host (${formatPlatform(host)}) can run; it offers ${offered}`,
      );
    }
    chosen = [first ?? entries[0]!];
  }
  return chosen.map((d) => ({
    descriptor: { mediaType: d.mediaType, digest: d.digest, size: d.size },
    ...(d.platform && { platform: d.platform }),
    ...(d.annotations && { annotations: d.annotations }),
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
 * names, else (with `all`) every platform manifest of an index, else the first the host runs.
 */
export async function resolveImage(
  image: string | Reference,
  opts: RegistryOptions & {
    platform?: string | Platform;
    all?: boolean;
    host?: HostPlatform;
    orFirst?: boolean;
    onManifest?: ResolveOptions['onManifest'];
  },
): Promise<ImageSubjects> {
  const reference = typeof image === 'string' ? parseReference(image) : image;
  const platform = typeof opts.platform === 'string' ? parsePlatform(opts.platform) : opts.platform;
  const repo = openRepository(reference, opts);
  const subjects = await resolveManifests(repo, reference, {
    ...(platform && { platform }),
    ...(opts.all && { all: true }),
    ...(opts.orFirst && { orFirst: true }),
    ...(opts.onManifest && { onManifest: opts.onManifest }),
    hostPlatform: opts.host ?? hostPlatform(),
  });
  return { reference, repo, subjects };
}
