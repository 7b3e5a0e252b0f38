// `export`: the compatibility artifact an image publishes (the one validate --image evaluates, or
// with a signature policy the newest that passes it) as an NFD NodeFeatureRule or a Pod's node
// affinity. The spec comes from the registry, never from the working tree: what the cluster
// labels is what was signed and attached.
import type { GeneratedSet } from '../kubernetes/index.js';
import { parseReference } from '../oci/index.js';
import type { RegistryOptions } from '../oci/index.js';
import { setting } from '../settings.js';
import { imageName, renderNodeSelection, type NodeSelectionOutput } from './node-selection.js';
import { loadPolicy, policyNeeded, type PolicyRequest } from './policy.js';
import { specFromImage } from './validate-sources.js';

export interface ExportOptions extends RegistryOptions {
  image: string;
  platform?: string;
  output: NodeSelectionOutput;
  /** The image's name in labels; default the last part of its repository. */
  name?: string;
  labelPrefix?: string;
  policy: PolicyRequest;
  requireSignature: boolean;
}

export interface ExportResult {
  yaml: string;
  sets: GeneratedSet[];
  /** Digest of the compatibility artifact exported. */
  artifact: string;
  platform?: string;
  warnings: string[];
  notes: string[];
}

/** The annotation on the NodeFeatureRule saying which artifact it was made from. */
export const SOURCE_ANNOTATION = 'image-compat.dev/source';

export async function runExport(opts: ExportOptions, note: (m: string) => void): Promise<ExportResult> {
  const policy = await loadPolicy(opts.policy, note);
  if (opts.requireSignature && !policy) {
    throw policyNeeded(setting('require-signature'));
  }
  const {
    policy: _request,
    image,
    platform,
    output,
    name,
    labelPrefix,
    requireSignature,
    ...registry
  } = opts;
  const got = await specFromImage({
    image,
    ...(platform !== undefined && { platform }),
    ...(policy && { policy }),
    requireSignature,
    strict: true,
    ...registry,
  });
  const r = renderNodeSelection(got.spec, {
    output,
    name: name ?? imageName(parseReference(image).repository),
    ...(labelPrefix !== undefined && { labelPrefix }),
    ...(got.platform !== undefined && { platforms: [got.platform] }),
    annotations: { [SOURCE_ANNOTATION]: `${image}@${got.artifact}` },
  });
  const notes = [...r.notes];
  if (got.platform !== undefined && platform === undefined) {
    notes.push(
      `exported the compatibility artifact of platform ${got.platform} (${setting('platform')} picks another)`,
    );
  }
  return {
    yaml: r.yaml,
    sets: r.sets,
    artifact: got.artifact,
    ...(got.platform !== undefined && { platform: got.platform }),
    warnings: got.warnings,
    notes,
  };
}
