// Source `storage`: storage.block, one instance per /sys/block device with its queue
// attributes (source/storage/storage.go).
import type { HostRoot } from './host-root.js';
import type { Features } from './types.js';
import { instanceSet, newFeatures, prefix } from './feature-set.js';

const QUEUE_ATTRS = ['dax', 'rotational', 'nr_zones', 'zoned'];

export function collect(root: HostRoot): Features {
  const f = newFeatures();
  let names: string[];
  try {
    names = root.list('/sys/block');
  } catch (err) {
    root.markUnavailable('storage.block', root.describe(err));
    return f;
  }
  f.instances['block'] = instanceSet(
    names.map((name) => {
      const attrs: Record<string, string> = { name };
      for (const a of QUEUE_ATTRS) {
        const v = root.readAttr(`/sys/block/${name}/queue/${a}`);
        if (v !== undefined) attrs[a] = v;
      }
      return attrs;
    }),
  );
  return prefix('storage', f);
}
