// The pull-request check's pure parts: requirement diff, fleet impact, rendering.
import type { Spec } from '../spec/types.js';

export * from './requirements.js';
export {
  describeVersions,
  kernelVersionRule,
  versionRelation,
  type KernelVersionForm,
  type VersionInterval,
  type VersionSet,
  type VersionTuple,
} from './kernel-versions.js';
export * from './fleet.js';
export * from './render.js';

/**
 * Pairs the platforms of two per-platform spec maps: a side compiled for every platform (only the
 * key `''`, a config naming no platform) stands for each platform the other side names.
 */
export function alignPlatforms(
  before: ReadonlyMap<string, Spec>,
  after: ReadonlyMap<string, Spec>,
): [Map<string, Spec>, Map<string, Spec>] {
  const onlyAll = (m: ReadonlyMap<string, Spec>) => m.size === 1 && m.has('');
  const named = (m: ReadonlyMap<string, Spec>) => [...m.keys()].filter((k) => k !== '');
  const spread = (m: ReadonlyMap<string, Spec>, keys: string[]) => new Map(keys.map((k) => [k, m.get('')!]));
  if (onlyAll(before) && named(after).length) return [spread(before, named(after)), new Map(after)];
  if (onlyAll(after) && named(before).length) return [new Map(before), spread(after, named(before))];
  return [new Map(before), new Map(after)];
}
