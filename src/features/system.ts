// Source `system`: system.osrelease (every /etc/os-release key plus VERSION_ID.major/minor),
// system.dmiid and system.name, as NFD reads them (source/system/system.go).
import type { HostRoot } from './host-root.js';
import type { Features } from './types.js';
import { attributeSet, newFeatures, prefix } from './feature-set.js';

/** The DMI attributes NFD reads from /sys/devices/virtual/dmi/id. */
export const DMI_ATTRS = [
  'bios_date',
  'bios_vendor',
  'bios_version',
  'board_asset_tag',
  'board_name',
  'board_vendor',
  'board_version',
  'chassis_asset_tag',
  'chassis_type',
  'chassis_vendor',
  'chassis_version',
  'product_family',
  'product_name',
  'product_sku',
  'product_version',
  'sys_vendor',
];

/** `KEY=value` lines, quotes (`"` and `'`) trimmed from both ends, as NFD parses them. */
export function parseOsRelease(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^(\w+)=(.+)/.exec(line);
    if (m) out[m[1]!] = m[2]!.replace(/^["']+|["']+$/g, '');
  }
  const v = out.VERSION_ID;
  const vm = v === undefined ? null : /^(\d+)(\.(\d+))?(\..*)?$/.exec(v);
  if (vm) {
    out['VERSION_ID.major'] = vm[1]!;
    if (vm[3]) out['VERSION_ID.minor'] = vm[3];
  }
  return out;
}

export function collect(root: HostRoot): Features {
  const f = newFeatures();
  f.attributes['name'] = attributeSet({ nodename: root.hostname() });
  // NFD reads /etc/os-release only (not /usr/lib/os-release).
  try {
    f.attributes['osrelease'] = attributeSet(parseOsRelease(root.readText('/etc/os-release')));
  } catch (err) {
    root.markUnavailable('system.osrelease', root.describe(err));
  }
  const dmi: Record<string, string> = {};
  for (const a of DMI_ATTRS) {
    const v = root.readAttr(`/sys/devices/virtual/dmi/id/${a}`);
    if (v !== undefined) dmi[a] = v;
  }
  if (Object.keys(dmi).length > 0) f.attributes['dmiid'] = attributeSet(dmi);
  else root.markUnavailable('system.dmiid', 'cannot read /sys/devices/virtual/dmi/id: no DMI attributes');
  return prefix('system', f);
}
