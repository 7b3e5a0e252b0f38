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

/** Where NFD looks for the C library on x86-64 (source/system/libc_linux_amd64.go). */
export const LIBC_PATHS = [
  '/usr/lib64/libc.so.6',
  '/lib/x86_64-linux-gnu/libc.so.6',
  '/lib/libc.so.6',
  '/lib/ld-musl-x86_64.so.1',
];

const NEWLINE = 0x0a;

/**
 * NFD's system.libc: `name` glibc/musl/unknown and `version`, from the C library's read-only
 * data (`GNU C Library ... release version 2.36.`). musl does not store its version.
 */
export function libcOf(bytes: Buffer): Record<string, string> {
  // Searched as bytes (latin1: one character per byte), not as a 2 MB string; indexOf, not a
  // regex: a binary with few newlines makes `[^\n]*` patterns quadratic.
  if (bytes.includes('GNU C Library', 0, 'latin1')) {
    const at = bytes.indexOf('release version', 0, 'latin1');
    let version = '';
    if (at >= 0) {
      const start = bytes.lastIndexOf(NEWLINE, at) + 1;
      const nl = bytes.indexOf(NEWLINE, at);
      const line = bytes.toString('latin1', start, nl < 0 ? bytes.length : nl).trim();
      version = line.split(/\s+/).pop() ?? '';
      if (version.endsWith('.')) version = version.slice(0, -1);
    }
    return { name: 'glibc', version };
  }
  if (bytes.includes('musl', 0, 'latin1')) return { name: 'musl', version: '' };
  return { name: 'unknown', version: '' };
}

function libc(root: HostRoot, x86: boolean): Record<string, string> | undefined {
  const unknown = { name: 'unknown', version: '' };
  if (!x86) return unknown;
  const found = LIBC_PATHS.find((p) => root.exists(root.resolveLink(p)));
  if (!found) return unknown;
  try {
    return libcOf(root.readBytes(root.resolveLink(found)));
  } catch (err) {
    root.markUnavailable('system.libc', root.describe(err));
    return undefined;
  }
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
  // The libc paths NFD searches are x86-64's; elsewhere it reports `unknown`.
  const x86 = /^flags\s*:/m.test(root.readAttr('/proc/cpuinfo') ?? '');
  const lc = libc(root, x86);
  if (lc) f.attributes['libc'] = attributeSet(lc);
  return prefix('system', f);
}
