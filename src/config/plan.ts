// The runner matrix: one entry per set x platform, for `strategy.matrix.include`. Each entry routes
// a set's validation to runners that carry its hardware and run its platform (`runner:` labels,
// per platform when a map); `id` is a slug safe in artifact names (letters, digits, `.`, `_`, `-`).
// Every job validates its own platform's artifact: workflows pass `platform: ${{ matrix.platform }}`
// and `matrix-id: ${{ matrix.id }}` to the validate action. Planned against an image index, an
// entry is one (set, manifest) pair, for each manifest the set targets (./targets.ts), and carries
// the `manifest` digest (the validate action's `manifest` input): several manifests may share a
// platform (a generic and a CUDA build), and each is validated on its runners.
import type { ImageCompatConfig } from './types.js';
import { tryParsePlatform } from '../platform/platform.js';
import { runnerLabels } from './runner.js';
import { setAppliesTo, setPlatforms, type ManifestTarget } from './targets.js';

export interface PlanEntry {
  id: string;
  /** The set's name (its tag in the spec). */
  name: string;
  /** The platform to validate (`''`: any, when the config names no platform). */
  platform: string;
  weight: number;
  'runs-on': string[];
  /** The manifest of the index to validate (planned against an image). */
  manifest?: string;
}

/** A manifest of the image index a plan is made against. */
export interface PlannedManifest extends ManifestTarget {
  digest: string;
}

/** GitHub's default labels of a self-hosted runner for an image architecture. */
const ARCH_LABELS: Readonly<Record<string, string>> = { amd64: 'X64', arm64: 'ARM64', arm: 'ARM' };

function defaultRunner(platform: string): string[] {
  const p = tryParsePlatform(platform);
  const labels = ['self-hosted', p?.os ?? 'linux'];
  const arch = p && ARCH_LABELS[p.architecture];
  if (arch) labels.push(arch);
  return labels;
}

export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '') || 'set'
  );
}

/**
 * The matrix: one entry per set and platform; with `manifests` (the image index's), one per set
 * and manifest the set is for, each with its `manifest` digest.
 */
export function planMatrix(config: ImageCompatConfig, manifests?: readonly PlannedManifest[]): PlanEntry[] {
  const out: PlanEntry[] = [];
  const ids = new Set<string>();
  for (const set of config.compatibilities) {
    const jobs: Array<{ platform: string; manifest?: string }> = manifests
      ? manifests
          .filter((m) => setAppliesTo(set, config, m))
          .map((m) => ({ platform: m.platform, manifest: m.digest }))
      : (setPlatforms(set, config) ?? ['']).map((platform) => ({ platform }));
    for (const { platform, manifest } of jobs) {
      const base = slug(platform ? `${set.name}-${platform}` : set.name);
      let id = base;
      for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
      ids.add(id);
      const runner = runnerLabels(set, platform) ?? defaultRunner(platform);
      out.push({
        id,
        name: set.name,
        platform,
        weight: set.weight ?? 0,
        'runs-on': runner,
        ...(manifest !== undefined && { manifest }),
      });
    }
  }
  return out;
}
