// Source `network`: network.device (interfaces with a `device` link: physical NICs, SR-IOV
// PFs and VFs) and network.virtual (the others: lo, bridges, veth), as NFD reads /sys/class/net.
import type { HostRoot } from './host-root.js';
import type { Features } from './types.js';
import { instanceSet, newFeatures, prefix } from './feature-set.js';

const DEVICE_ATTRS = ['operstate', 'speed', 'mtu', 'device/sriov_numvfs', 'device/sriov_totalvfs'];
const VIRTUAL_ATTRS = ['operstate', 'speed', 'mtu'];
const BASE = '/sys/class/net';

function readIface(root: HostRoot, name: string, files: string[]): Record<string, string> {
  const attrs: Record<string, string> = { name };
  for (const file of files) {
    // Unreadable attributes (EINVAL for the speed of a link that is down) are left out.
    const v = root.readAttr(`${BASE}/${name}/${file}`);
    if (v !== undefined) attrs[file.slice(file.lastIndexOf('/') + 1)] = v;
  }
  return attrs;
}

export function collect(root: HostRoot): Features {
  const f = newFeatures();
  let names: string[];
  try {
    names = root.list(BASE).filter((n) => n !== 'bonding_masters');
  } catch (err) {
    root.markUnavailable('network.device', root.describe(err));
    root.markUnavailable('network.virtual', root.describe(err));
    return f;
  }
  const devices: Array<Record<string, string>> = [];
  const virtuals: Array<Record<string, string>> = [];
  for (const name of names) {
    if (root.exists(`${BASE}/${name}/device`)) devices.push(readIface(root, name, DEVICE_ATTRS));
    else virtuals.push(readIface(root, name, VIRTUAL_ATTRS));
  }
  f.instances['device'] = instanceSet(devices);
  f.instances['virtual'] = instanceSet(virtuals);
  return prefix('network', f);
}
