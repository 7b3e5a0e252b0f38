// A set's `runner:`: where `plan` routes its validation jobs. A label, a list of labels, or a map
// from platform (`os/arch[/variant]`) to a label or list, so that an arm64 job never lands on an x64
// runner. Checked here: a platform of the set with no key in the map is an error; one label list
// serving several architectures with no architecture label is a warning (it would validate one
// architecture's artifact on the other's hardware).
import {
  formatPlatform,
  normalisePlatform,
  platformMatches,
  tryParsePlatform,
} from '../platform/platform.js';
import type { ConfigIssue } from './context.js';
import { setPlatforms } from './targets.js';
import type { CompatibilityConfig, ImageCompatConfig, RunnerConfig } from './types.js';

/** Labels that say a runner's architecture: GitHub's self-hosted defaults and common names. */
const ARCH_LABELS = new Set(['x64', 'arm64', 'amd64', 'aarch64']);

/** Whether a label names an architecture (X64, ARM64, ..., or a GitHub-hosted `*-arm` image). */
export function isArchLabel(label: string): boolean {
  return ARCH_LABELS.has(label.toLowerCase()) || /-arm$/.test(label);
}

function isMap(r: RunnerConfig): r is Record<string, string | string[]> {
  return typeof r === 'object' && !Array.isArray(r);
}

const labels = (v: string | string[]): string[] => [v].flat();

/** The map key for `platform`: the exact key, else the first whose platform matches it. */
function keyFor(map: Record<string, unknown>, platform: string): string | undefined {
  if (Object.hasOwn(map, platform)) return platform;
  return Object.keys(map).find((k) => platformMatches(k, platform) || platformMatches(platform, k));
}

/** The labels a set's job for `platform` runs on; undefined when the set names none for it. */
export function runnerLabels(set: CompatibilityConfig, platform: string): string[] | undefined {
  const r = set.runner;
  if (r === undefined) return undefined;
  if (!isMap(r)) return labels(r);
  const key = keyFor(r, platform);
  return key === undefined ? undefined : labels(r[key]!);
}

function archOf(platform: string): string | undefined {
  const p = tryParsePlatform(platform);
  return p ? normalisePlatform(p).architecture : undefined;
}

/** The runner problems of every set. */
export function runnerIssues(config: ImageCompatConfig): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  config.compatibilities.forEach((set, i) => {
    const r = set.runner;
    if (r === undefined) return;
    const path = ['compatibilities', i, 'runner'];
    const platforms = setPlatforms(set, config) ?? [];
    // Which architectures each distinct label list serves.
    const served = new Map<string, { labels: string[]; archs: Set<string>; path: (string | number)[] }>();
    const serve = (list: string[], platform: string, at: (string | number)[]) => {
      const key = JSON.stringify([...list].sort());
      const entry = served.get(key) ?? { labels: list, archs: new Set<string>(), path: at };
      const arch = archOf(platform);
      if (arch) entry.archs.add(arch);
      served.set(key, entry);
    };
    if (isMap(r)) {
      if (platforms.length === 0) {
        out.push({
          severity: 'error',
          message: `runner is a map of platforms, but the set has no platforms`,
          path,
          hint: 'give the config (or the set) platforms: [...], or make runner a label list',
        });
        return;
      }
      for (const p of platforms) {
        const key = keyFor(r, p);
        if (key === undefined) {
          out.push({
            severity: 'error',
            message: `runner has no key for platform ${p}`,
            path,
            hint: `add ${JSON.stringify(p)}: [labels] (keys: ${Object.keys(r).join(', ') || 'none'})`,
          });
          continue;
        }
        serve(labels(r[key]!), p, [...path, key]);
      }
      Object.keys(r).forEach((k) => {
        const p = tryParsePlatform(k);
        if (!p) {
          out.push({
            severity: 'error',
            message: `runner key ${JSON.stringify(k)} is not os/arch[/variant]`,
            path: [...path, k],
          });
        } else if (
          platforms.length &&
          !platforms.some((q) => platformMatches(k, q) || platformMatches(q, k))
        ) {
          out.push({
            severity: 'warning',
            message: `runner key ${formatPlatform(p)} is not a platform of the set (${platforms.join(', ')})`,
            path: [...path, k],
          });
        }
      });
    } else {
      for (const p of platforms) serve(labels(r), p, path);
    }
    for (const { labels: list, archs, path: at } of served.values()) {
      if (archs.size > 1 && !list.some(isArchLabel)) {
        out.push({
          severity: 'warning',
          message: `runner [${list.join(', ')}] serves ${[...archs].sort().join(' and ')} with no architecture label`,
          path: at,
          hint: `route each platform to its own runners: runner: {${platforms.map((p) => `${p}: [...]`).join(', ')}}`,
        });
      }
    }
  });
  return out;
}
