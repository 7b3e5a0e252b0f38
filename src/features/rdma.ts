// Source `rdma` (ours, not NFD's): rdma.device, one instance per /sys/class/infiniband device,
// described by its first port (link layer, state, rate) and the PCI vendor of its device.
import type { HostRoot } from './host-root.js';
import type { Features } from './types.js';
import { instanceSet, newFeatures, prefix } from './feature-set.js';

const BASE = '/sys/class/infiniband';

/** `4: ACTIVE` -> `ACTIVE`. */
export function portState(raw: string): string {
  return raw.replace(/^\d+:\s*/, '').trim();
}

/** `100 Gb/sec (4X EDR)` -> `100`; `2.5 Gb/sec (1X SDR)` -> `2.5`. */
export function portRate(raw: string): string {
  return /^([\d.]+)\s*Gb\/sec/.exec(raw.trim())?.[1] ?? raw.trim();
}

export function collect(root: HostRoot): Features {
  const f = newFeatures();
  let names: string[];
  try {
    names = root.list(BASE);
  } catch (err) {
    // No infiniband class: the kernel has no RDMA device (or no RDMA core). Not an error.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') names = [];
    else {
      root.markUnavailable('rdma.device', root.describe(err));
      return f;
    }
  }
  const devices = names.map((name) => {
    const attrs: Record<string, string> = { name };
    const vendor = root.readAttr(`${BASE}/${name}/device/vendor`);
    if (vendor) attrs.vendor = vendor.replace(/^0x/, '');
    let ports: string[] = [];
    try {
      ports = root.list(`${BASE}/${name}/ports`).sort((a, b) => Number(a) - Number(b));
    } catch {
      // a device without ports directory: name and vendor only
    }
    const port = ports[0];
    if (port !== undefined) {
      const p = `${BASE}/${name}/ports/${port}`;
      const linkLayer = root.readAttr(`${p}/link_layer`);
      if (linkLayer) attrs.link_layer = linkLayer;
      const state = root.readAttr(`${p}/state`);
      if (state) attrs.state = portState(state);
      const rate = root.readAttr(`${p}/rate`);
      if (rate) attrs.rate = portRate(rate);
    }
    return attrs;
  });
  f.instances['device'] = instanceSet(devices);
  return prefix('rdma', f);
}
