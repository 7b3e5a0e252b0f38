// The runner matrix: one entry per set x platform, for `strategy.matrix.include`. Each entry routes
// a set's validation to runners that carry its hardware and run its platform (`runner:` labels,
// per platform when a map); `id` is a slug safe in artifact names (letters, digits, `.`, `_`, `-`).
// Every job validates its own platform's artifact: workflows pass `platform: ${{ matrix.platform }}`
// and `matrix-id: ${{ matrix.id }}` to the validate action. (A set that targets one manifest among
// several of a platform would add its `manifest` digest: left to the image-selection work.)
import type { ImageCompatConfig } from './types.js';
import { tryParsePlatform } from '../platform/platform.js';
import { runnerLabels } from './runner.js';

export interface PlanEntry {
  id: string;
  /** The set's name (its tag in the spec). */
  name: string;
  /** The platform to validate (`''`: any, when the config names no platform). */
  platform: string;
  weight: number;
  'runs-on': string[];
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

export function planMatrix(config: ImageCompatConfig): PlanEntry[] {
  const out: PlanEntry[] = [];
  const ids = new Set<string>();
  for (const set of config.compatibilities) {
    const platforms = set.platforms ?? config.platforms ?? [''];
    for (const platform of platforms) {
      let id = slug(platform ? `${set.name}-${platform}` : set.name);
      for (let n = 2; ids.has(id); n++) id = `${slug(platform ? `${set.name}-${platform}` : set.name)}-${n}`;
      ids.add(id);
      const runner = runnerLabels(set, platform) ?? defaultRunner(platform);
      out.push({ id, name: set.name, platform, weight: set.weight ?? 0, 'runs-on': runner });
    }
  }
  return out;
}
