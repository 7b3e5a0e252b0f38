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
const GNU = Buffer.from('GNU C Library', 'latin1');
const RELEASE = Buffer.from('release version', 'latin1');
const MUSL = Buffer.from('musl', 'latin1');
/** Bytes kept from one piece to the next: a needle that straddles two pieces is still found. */
const OVERLAP = RELEASE.length - 1;

/**
 * NFD's system.libc over a C library read piece by piece (2 MB, that a whole copy would first
 * page in): `GNU C Library` anywhere is glibc, its version the last word of the first line with
 * `release version` (`GNU C Library ... release version 2.36.`); else `musl` anywhere is musl
 * (which does not store its version). Searched as bytes with indexOf, not as a string with a
 * regex: a binary with few newlines makes `[^\n]*` patterns quadratic.
 */
export class LibcScan {
  private gnu = false;
  private musl = false;
  /** From `release version` to the end of its line, as found so far; undefined before it. */
  private release: Buffer[] | undefined;
  private releaseDone = false;
  private tail = Buffer.alloc(0);

  push(chunk: Buffer): void {
    // The needles that start in the last piece's tail and end in this one.
    const joint = Buffer.concat([this.tail, chunk.subarray(0, OVERLAP)]);
    this.gnu ||= chunk.includes(GNU) || joint.includes(GNU);
    // musl counts only without glibc: once glibc is found, no need to look for it.
    if (!this.gnu) this.musl ||= chunk.includes(MUSL) || joint.includes(MUSL);
    let from = 0;
    if (this.release === undefined) {
      const across = joint.indexOf(RELEASE);
      if (across >= 0 && across < this.tail.length) this.release = [Buffer.from(this.tail.subarray(across))];
      else {
        const at = chunk.indexOf(RELEASE);
        if (at >= 0) {
          this.release = [];
          from = at;
        }
      }
    }
    if (this.release !== undefined && !this.releaseDone) {
      const nl = chunk.indexOf(NEWLINE, from);
      this.release.push(Buffer.from(chunk.subarray(from, nl < 0 ? chunk.length : nl)));
      this.releaseDone = nl >= 0;
    }
    const kept = Buffer.concat([this.tail, chunk.subarray(Math.max(0, chunk.length - OVERLAP))]);
    this.tail = Buffer.from(kept.subarray(Math.max(0, kept.length - OVERLAP)));
  }

  result(): Record<string, string> {
    if (this.gnu) {
      let version = '';
      if (this.release) {
        // The last word of the line: always after `release ` (the needle holds a space).
        version = Buffer.concat(this.release).toString('latin1').trim().split(/\s+/).pop() ?? '';
        if (version.endsWith('.')) version = version.slice(0, -1);
      }
      return { name: 'glibc', version };
    }
    if (this.musl) return { name: 'musl', version: '' };
    return { name: 'unknown', version: '' };
  }
}

/** NFD's system.libc from the C library's bytes (LibcScan over one piece). */
export function libcOf(bytes: Buffer): Record<string, string> {
  const scan = new LibcScan();
  scan.push(bytes);
  return scan.result();
}

function libc(root: HostRoot, x86: boolean): Record<string, string> | undefined {
  const unknown = { name: 'unknown', version: '' };
  if (!x86) return unknown;
  const found = LIBC_PATHS.find((p) => root.exists(root.resolveLink(p)));
  if (!found) return unknown;
  try {
    const scan = new LibcScan();
    root.readChunks(root.resolveLink(found), (chunk) => scan.push(chunk));
    return scan.result();
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
