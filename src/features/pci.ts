// Source `pci`: pci.device, one instance per device under /sys/bus/pci/devices, with NFD's
// attributes (source/pci/utils.go): hex ids without `0x`, the class cut to 4 digits.
import type { HostRoot } from './host-root.js';
import type { Features } from './types.js';
import { instanceSet, newFeatures, prefix } from './feature-set.js';

const MANDATORY = ['class', 'vendor', 'device', 'subsystem_vendor', 'subsystem_device'];
const OPTIONAL = ['sriov_totalvfs', 'iommu_group/type', 'iommu/intel-iommu/version'];

export const PCI_DEVICES = '/sys/bus/pci/devices';

/** One PCI attribute as NFD reads it: trimmed, `0x` stripped, class cut to 4 digits. */
export function readPciAttr(root: HostRoot, address: string, attr: string): string {
  let v = root.readText(`${PCI_DEVICES}/${address}/${attr}`);
  v = (v.startsWith('0x') ? v.slice(2) : v).trim();
  if (attr === 'class' && v.length > 4) v = v.slice(0, 4);
  return v;
}

/** The attributes of one device, or undefined when a mandatory one cannot be read (NFD skips it). */
export function readPciDevice(root: HostRoot, address: string): Record<string, string> | undefined {
  const attrs: Record<string, string> = {};
  for (const a of MANDATORY) {
    try {
      attrs[a] = readPciAttr(root, address, a);
    } catch {
      return undefined;
    }
  }
  for (const a of OPTIONAL) {
    try {
      attrs[a] = readPciAttr(root, address, a);
    } catch {
      // optional: absent on devices without SR-IOV or without an IOMMU
    }
  }
  return attrs;
}

/** PCI device addresses, or undefined (recorded as unavailable) when the bus cannot be listed. */
export function listPci(root: HostRoot, source: string): string[] | undefined {
  try {
    return root.list(PCI_DEVICES);
  } catch (err) {
    root.markUnavailable(source, root.describe(err));
    return undefined;
  }
}

export function collect(root: HostRoot): Features {
  const f = newFeatures();
  const addresses = listPci(root, 'pci.device');
  if (!addresses) return f;
  const devices: Array<Record<string, string>> = [];
  const skipped: string[] = [];
  for (const address of addresses) {
    const d = readPciDevice(root, address);
    if (d) devices.push(d);
    else skipped.push(address);
  }
  if (skipped.length > 0) {
    root.markUnavailable('pci.device', `skipped devices with unreadable attributes: ${skipped.join(', ')}`);
  }
  f.instances['device'] = instanceSet(devices);
  return prefix('pci', f);
}
