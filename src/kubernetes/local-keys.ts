// How our own features (gpu.*, rdma.*: no NFD source has them) are spelt as keys of NFD's
// `local.feature` (the local source's attribute feature, read from features.d files), so that
// nfd-master can evaluate rules on them. Stable names, one scheme for the writer and the rules:
//   <prefix>/<feature>                    "true": the feature exists on the node
//   <prefix>/<feature>.<key>              an attribute feature's element (gpu.count.total)
//   <prefix>/<feature>.<i>                "true": instance i exists (0-based, distinct instances)
//   <prefix>/<feature>.<i>.<attribute>    an instance's attribute (gpu.device.0.compute_capability)
import { catalogEntry, isOwnFeature } from '../features/catalog.js';

export const LOCAL_FEATURE = 'local.feature';
export const LOCAL_KEY_PREFIX = 'image-compat.dev';
/**
 * Instances of one feature the local file carries and a rule looks at: identical instances are
 * written once (a term asks whether some instance matches, so duplicates change nothing), and a
 * host with more distinct ones is refused by the writer rather than half described.
 */
export const MAX_LOCAL_INSTANCES = 16;

export type OwnFeatureKind = 'attribute' | 'instance';

/** The kind of one of our own features (lower-cased name, as NFD looks features up), if it is one. */
export function ownFeatureKind(feature: string): OwnFeatureKind | 'flag' | undefined {
  if (!isOwnFeature(feature)) return undefined;
  return catalogEntry(feature)!.kind;
}

export function presenceKey(feature: string): string {
  return `${LOCAL_KEY_PREFIX}/${feature.toLowerCase()}`;
}

export function attributeKey(feature: string, key: string): string {
  return `${presenceKey(feature)}.${key}`;
}

export function instanceKey(feature: string, index: number): string {
  return `${presenceKey(feature)}.${index}`;
}

export function instanceAttributeKey(feature: string, index: number, attribute: string): string {
  return `${instanceKey(feature, index)}.${attribute}`;
}
