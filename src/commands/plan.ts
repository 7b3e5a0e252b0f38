// `plan`: the runner matrix for validating each set on hardware that has it; planned against an
// image index, one entry per set and manifest the set targets, with the manifest's digest.
import { loadConfig } from '../config/load.js';
import { planMatrix, type PlanEntry, type PlannedManifest } from '../config/plan.js';
import { DEFAULT_CONFIG_PATH } from '../config/types.js';
import { formatPlatform, resolveImage, type RegistryOptions } from '../oci/index.js';

export interface PlanOptions extends RegistryOptions {
  config?: string;
  /** The image index whose manifests the entries name (`manifest`). */
  image?: string;
}

/** The platform manifests of an image, as the plan's targets see them. */
export async function plannedManifests(image: string, opts: RegistryOptions): Promise<PlannedManifest[]> {
  const { subjects } = await resolveImage(image, { ...opts, all: true });
  return subjects.map((s) => ({
    digest: s.descriptor.digest,
    platform: s.platform ? formatPlatform(s.platform) : '',
    annotations: s.annotations ?? {},
  }));
}

export async function plan(opts: PlanOptions): Promise<PlanEntry[]> {
  const { config } = await loadConfig(opts.config ?? DEFAULT_CONFIG_PATH);
  if (opts.image === undefined) return planMatrix(config);
  const { config: _c, image, ...registry } = opts;
  return planMatrix(config, await plannedManifests(image, registry));
}
