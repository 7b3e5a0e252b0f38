// Source `usb`: usb.device, one instance per device (or per interface class when the device
// class is 00), as NFD reads /sys/bus/usb/devices (source/usb/utils.go).
import type { HostRoot } from './host-root.js';
import type { Features } from './types.js';
import { instanceSet, newFeatures, prefix } from './feature-set.js';

const FILES: Array<[string, string]> = [
  ['class', 'bDeviceClass'],
  ['vendor', 'idVendor'],
  ['device', 'idProduct'],
  ['serial', 'serial'],
];

const BASE = '/sys/bus/usb/devices';

export function collect(root: HostRoot): Features {
  const f = newFeatures();
  let entries: string[];
  try {
    entries = root.list(BASE);
  } catch (err) {
    root.markUnavailable('usb.device', root.describe(err));
    return f;
  }
  const devices: Array<Record<string, string>> = [];
  for (const name of entries) {
    // Entries without idProduct are interfaces and hubs' ports, not devices.
    if (!root.exists(`${BASE}/${name}/idProduct`)) continue;
    const attrs: Record<string, string> = {};
    for (const [key, file] of FILES) {
      const v = root.readAttr(`${BASE}/${name}/${file}`);
      if (v) attrs[key] = v;
    }
    if (attrs.class !== '00') {
      devices.push(attrs);
      continue;
    }
    // Class 00: the class lives on each interface; one instance per interface.
    let subs: string[] = [];
    try {
      subs = root.list(`${BASE}/${name}`);
    } catch {
      continue;
    }
    for (const sub of subs) {
      const cls = root.readAttr(`${BASE}/${name}/${sub}/bInterfaceClass`);
      if (cls !== undefined) devices.push({ ...attrs, class: cls });
    }
  }
  f.instances['device'] = instanceSet(devices);
  return prefix('usb', f);
}
