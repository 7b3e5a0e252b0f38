// A node's features as nfd-master sees them when nfd-worker runs with our features.d file: NFD's
// own sources as collected, our own features (gpu.*, rdma.*) gone (no NFD source has them), and
// their local-source lines, read back as nfd-worker reads the file, in `local.feature`.
import type { Features } from '../features/types.js';
import { isOwnFeature } from '../features/catalog.js';
import { LOCAL_FEATURE } from './local-keys.js';
import { formatNfdLocal, parseNfdLocal } from './nfd-local.js';

function withoutOwn<T>(m: Record<string, T> | undefined): Record<string, T> {
  return Object.fromEntries(Object.entries(m ?? {}).filter(([name]) => !isOwnFeature(name)));
}

export function nfdView(features: Features, now: Date = new Date()): Features {
  const local = parseNfdLocal(formatNfdLocal(features), now).features;
  const attributes = withoutOwn(features.attributes);
  attributes[LOCAL_FEATURE] = {
    elements: { ...(attributes[LOCAL_FEATURE]?.elements ?? {}), ...local },
  };
  return {
    flags: withoutOwn(features.flags),
    attributes,
    instances: withoutOwn(features.instances),
  };
}
