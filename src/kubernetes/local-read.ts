// The other way round: a NodeFeature from a cluster (`kubectl get nodefeatures -o json`) carries
// our own features only as `local.feature` keys of the features.d file (local-keys.ts); validate
// reads them back as gpu.count, gpu.device and rdma.device, so its verdict on the cluster's objects
// is its verdict on the hosts. A feature the object already has is kept as it is.
import { FEATURE_CATALOG } from '../features/catalog.js';
import type { Features, InstanceFeature } from '../features/types.js';
import { LOCAL_FEATURE, LOCAL_KEY_PREFIX } from './local-keys.js';

const PREFIX = `${LOCAL_KEY_PREFIX}/`;
const OWN = [...FEATURE_CATALOG.values()].filter((e) => e.source === 'image-compat');

function put(m: Record<string, string>, key: string, value: string): void {
  Object.defineProperty(m, key, { value, enumerable: true, writable: true, configurable: true });
}

export function ownFeaturesFromLocal(features: Features): Features {
  const local = features.attributes?.[LOCAL_FEATURE]?.elements;
  if (!local || !Object.keys(local).some((k) => k.startsWith(PREFIX))) return features;
  const rest: Record<string, string> = {};
  const attributes = { ...features.attributes };
  const instances = { ...features.instances };
  const attrs = new Map<string, Record<string, string>>();
  const insts = new Map<string, Map<number, Record<string, string>>>();
  for (const [key, value] of Object.entries(local)) {
    const own = key.startsWith(PREFIX)
      ? OWN.find(
          (e) => key.slice(PREFIX.length) === e.name || key.slice(PREFIX.length).startsWith(`${e.name}.`),
        )
      : undefined;
    if (!own) {
      put(rest, key, value);
      continue;
    }
    const tail = key.slice(PREFIX.length + own.name.length + 1);
    if (own.kind === 'attribute') {
      if (!attrs.has(own.name)) attrs.set(own.name, {});
      if (tail) put(attrs.get(own.name)!, tail, value);
    } else if (own.kind === 'instance') {
      if (!insts.has(own.name)) insts.set(own.name, new Map());
      const m = /^(\d+)(?:\.(.+))?$/.exec(tail);
      if (!m) continue;
      const slots = insts.get(own.name)!;
      const i = Number(m[1]);
      if (!slots.has(i)) slots.set(i, {});
      if (m[2] !== undefined) put(slots.get(i)!, m[2], value);
    }
  }
  for (const [name, elements] of attrs) if (!attributes[name]) attributes[name] = { elements };
  for (const [name, slots] of insts) {
    if (instances[name]) continue;
    const elements: InstanceFeature[] = [...slots.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, attributes]) => ({ attributes }));
    instances[name] = { elements };
  }
  attributes[LOCAL_FEATURE] = { elements: rest };
  return { ...features, attributes, instances };
}
