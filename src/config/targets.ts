// Which manifests of an image index a compatibility set is for. A set names them by `platforms`
// (os and arch exact, variant when given: every linux/amd64 build, v3 included, for `linux/amd64`)
// or by `targets`: selectors of one platform (variant included, compared exactly, after
// containerd's normalisation) and/or annotations of the index descriptor, so that two manifests
// of one platform (a generic and a CUDA build) get their own sets. Used by attach, plan and compile.
import {
  formatPlatform,
  normalisePlatform,
  platformMatches,
  tryParsePlatform,
} from '../platform/platform.js';
import type { CompatibilityConfig, TargetSelector } from './types.js';

/** One manifest of the index as a set's targets see it. */
export interface ManifestTarget {
  /** `os/arch[/variant]` of the index entry ('' when it has none). */
  platform: string;
  /** The annotations of its index descriptor. */
  annotations: Record<string, string>;
}

function samePlatform(a: string, b: string): boolean {
  const pa = tryParsePlatform(a);
  const pb = tryParsePlatform(b);
  if (!pa || !pb) return a === b;
  return formatPlatform(normalisePlatform(pa)) === formatPlatform(normalisePlatform(pb));
}

export function selectorMatches(t: TargetSelector, m: ManifestTarget): boolean {
  if (t.platform !== undefined && !samePlatform(t.platform, m.platform)) return false;
  return Object.entries(t.annotations ?? {}).every(([k, v]) => m.annotations[k] === v);
}

/** Whether a set with `targets` is for this manifest (any selector matches). */
export function targetsManifest(set: CompatibilityConfig, m: ManifestTarget): boolean {
  return (set.targets ?? []).some((t) => selectorMatches(t, m));
}

/** The platforms a set's targets name, or undefined when one selector names none (annotations only). */
export function targetPlatforms(set: CompatibilityConfig): string[] | undefined {
  if (!set.targets) return undefined;
  const platforms = set.targets.map((t) => t.platform);
  if (platforms.some((p) => p === undefined)) return undefined;
  return [...new Set(platforms as string[])];
}

/** The platforms a set is for: its own `platforms`, else its targets', else the config's. */
export function setPlatforms(
  set: CompatibilityConfig,
  config: { platforms?: string[] },
): string[] | undefined {
  return set.platforms ?? targetPlatforms(set) ?? config.platforms;
}

/** Whether a set is for this manifest: by its targets when it has them, else by its platforms. */
export function setAppliesTo(
  set: CompatibilityConfig,
  config: { platforms?: string[] },
  m: ManifestTarget,
): boolean {
  if (set.targets) return targetsManifest(set, m);
  const declared = setPlatforms(set, config);
  return !m.platform || !declared || declared.some((p) => platformMatches(p, m.platform));
}
