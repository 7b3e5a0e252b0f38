// `discover`: the image's NFD compatibility artifacts (an index resolved to one platform, the
// first the host runs by default): the platform manifest's, newest first, then the index's, each
// marked with where it hangs (the first listed is the one validate evaluates).
import type { AttachedTo, Descriptor, RegistryOptions } from '../oci/index.js';
import {
  ANNOTATION_CREATED,
  formatPlatform,
  formatReference,
  listCompatibilityArtifacts,
  parsePlatform,
  parseReference,
  withDigest,
} from '../oci/index.js';

export interface DiscoverOptions extends RegistryOptions {
  image: string;
  platform?: string;
}

export interface DiscoveredArtifact {
  /** `manifest`: attached to the platform manifest; `index`: to the index it belongs to. */
  attachedTo: AttachedTo;
  /** `registry/repo@digest` of the artifact manifest. */
  reference: string;
  digest: string;
  mediaType: string;
  artifactType?: string;
  size: number;
  /** `org.opencontainers.image.created`, or null when the artifact has none. */
  created: string | null;
  annotations: Record<string, string>;
}

export interface DiscoverResult {
  subject: string;
  platform: string | null;
  /** `registry/repo@digest` of the index the platform manifest came from, or null. */
  index: string | null;
  artifacts: DiscoveredArtifact[];
}

export async function discover(opts: DiscoverOptions): Promise<DiscoverResult> {
  const reference = parseReference(opts.image);
  const platform = opts.platform !== undefined ? parsePlatform(opts.platform) : undefined;
  const listing = await listCompatibilityArtifacts(reference, { ...opts, ...(platform && { platform }) });
  const entry = (attachedTo: AttachedTo) => (d: Descriptor) => ({
    attachedTo,
    reference: formatReference(withDigest(reference, d.digest)),
    digest: d.digest,
    mediaType: d.mediaType,
    ...(d.artifactType !== undefined && { artifactType: d.artifactType }),
    size: d.size,
    created: d.annotations?.[ANNOTATION_CREATED] ?? null,
    annotations: d.annotations ?? {},
  });
  return {
    subject: formatReference(withDigest(reference, listing.subject.digest)),
    platform: listing.platform ? formatPlatform(listing.platform) : null,
    index: listing.index ? formatReference(withDigest(reference, listing.index.digest)) : null,
    artifacts: [...listing.artifacts.map(entry('manifest')), ...listing.indexArtifacts.map(entry('index'))],
  };
}
