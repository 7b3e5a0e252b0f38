// `discover`: the image's NFD compatibility artifacts (an index resolved to one platform, the
// host's by default), newest first.
import type { RegistryOptions } from '../oci/index.js';
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
  artifacts: DiscoveredArtifact[];
}

export async function discover(opts: DiscoverOptions): Promise<DiscoverResult> {
  const reference = parseReference(opts.image);
  const platform = opts.platform !== undefined ? parsePlatform(opts.platform) : undefined;
  const listing = await listCompatibilityArtifacts(reference, { ...opts, ...(platform && { platform }) });
  return {
    subject: formatReference(withDigest(reference, listing.subject.digest)),
    platform: listing.platform ? formatPlatform(listing.platform) : null,
    artifacts: listing.artifacts.map((d) => ({
      reference: formatReference(withDigest(reference, d.digest)),
      digest: d.digest,
      mediaType: d.mediaType,
      ...(d.artifactType !== undefined && { artifactType: d.artifactType }),
      size: d.size,
      created: d.annotations?.[ANNOTATION_CREATED] ?? null,
      annotations: d.annotations ?? {},
    })),
  };
}
