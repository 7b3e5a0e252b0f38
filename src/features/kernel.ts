// Source `kernel`: kernel.version, kernel.config, kernel.loadedmodule, kernel.enabledmodule,
// kernel.selinux, kernel.kvm, read as NFD reads them (source/kernel).
import { InputError } from '../errors.js';
import { gunzipCapped } from '../io/read.js';
import type { HostRoot } from './host-root.js';
import type { Features } from './types.js';
import { attributeSet, flagSet, newFeatures, prefix } from './feature-set.js';

/** NFD's kernel.version: `full` (label-safe), `major`, `minor`, `revision`. */
export function parseKernelVersion(raw: string): Record<string, string> {
  const full = raw.replace(/[^-A-Za-z0-9_.]/g, '_').replace(/^[-_.]+|[-_.]+$/g, '');
  const out: Record<string, string> = { full };
  const m = /^(\d+)(\.(\d+))?(\.(\d+))?(-.*)?$/.exec(full);
  if (m) {
    // Go's FindStringSubmatch gives '' for a group that did not take part.
    out.major = m[1] ?? '';
    out.minor = m[3] ?? '';
    out.revision = m[5] ?? '';
  }
  return out;
}

/** Where NFD looks for the kernel config, first readable wins (source/kernel/kconfig.go). */
export function kconfigPaths(release: string | undefined): string[] {
  if (release === undefined) return ['/proc/config.gz', '/usr/src/linux/.config'];
  const r = release;
  return [
    '/proc/config.gz',
    `/usr/src/linux-${r}/.config`,
    `/usr/src/linux-rt-${r}/.config`,
    '/usr/src/linux/.config',
    `/usr/lib/modules/${r}/config`,
    `/usr/lib/ostree-boot/config-${r}`,
    `/usr/lib/kernel/config-${r}`,
    `/usr/src/linux-headers-${r}/.config`,
    `/lib/modules/${r}/build/.config`,
    `/usr/src/linux-rt-headers-${r}/.config`,
    `/boot/config-${r}`,
  ];
}

const QUOTE = 0x22; // "

/** `CONFIG_X=v` lines -> {X: v} with surrounding quotes removed; `# ... is not set` skipped. */
export function parseKconfig(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (!line.startsWith('CONFIG_')) continue;
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const value = line.slice(eq + 1);
    // Most values are y, m or numbers: only quoted ones pay for the regex.
    out[line.slice(7, eq)] =
      value.charCodeAt(0) === QUOTE || value.charCodeAt(value.length - 1) === QUOTE
        ? value.replace(/^"+|"+$/g, '')
        : value;
  }
  return out;
}

function readKconfig(root: HostRoot, release: string | undefined): Record<string, string> | undefined {
  const tried: string[] = [];
  for (const p of kconfigPaths(release)) {
    try {
      const raw = root.readBytes(p);
      // Capped: a gzip bomb as /proc/config.gz stops at LIMITS.decompressed, said in the reason.
      return parseKconfig((p.endsWith('.gz') ? gunzipCapped(raw, p) : raw).toString('utf8'));
    } catch (err) {
      tried.push(err instanceof InputError ? `${p}: ${err.detail}` : p);
    }
  }
  root.markUnavailable('kernel.config', `no readable kernel config (tried ${tried.join(', ')})`);
  return undefined;
}

function loadedModules(root: HostRoot): string[] | undefined {
  try {
    return root
      .readText('/proc/modules')
      .split('\n')
      .filter((l) => l.length > 0)
      .map((l) => l.split(/\s+/)[0]!)
      .filter((m) => m.length > 0);
  } catch (err) {
    root.markUnavailable('kernel.loadedmodule', root.describe(err));
    return undefined;
  }
}

function builtinModules(root: HostRoot, release: string | undefined): string[] | undefined {
  if (release === undefined) {
    root.markUnavailable('kernel.enabledmodule', 'kernel release unknown');
    return undefined;
  }
  try {
    return root
      .readText(`/lib/modules/${release}/modules.builtin`)
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.endsWith('.ko'))
      .map((l) => l.slice(l.lastIndexOf('/') + 1, -3));
  } catch (err) {
    root.markUnavailable('kernel.enabledmodule', root.describe(err));
    return undefined;
  }
}

function selinux(root: HostRoot): string | undefined {
  if (!root.exists('/sys/fs')) {
    root.markUnavailable('kernel.selinux', 'cannot read /sys/fs: not found (ENOENT)');
    return undefined;
  }
  if (!root.exists('/sys/fs/selinux')) return 'false';
  try {
    return String(root.readText('/sys/fs/selinux/enforce').startsWith('1'));
  } catch (err) {
    root.markUnavailable('kernel.selinux', root.describe(err));
    return undefined;
  }
}

export function collect(root: HostRoot): Features {
  const f = newFeatures();
  let release: string | undefined;
  try {
    release = root.readText('/proc/sys/kernel/osrelease').trim();
    f.attributes['version'] = attributeSet(parseKernelVersion(release));
  } catch (err) {
    root.markUnavailable('kernel.version', root.describe(err));
  }
  const kconfig = readKconfig(root, release);
  // parseKconfig's object is this set's own: no copy of its 1,744 keys (attributeSet copies).
  if (kconfig) f.attributes['config'] = { elements: kconfig };
  const loaded = loadedModules(root);
  if (loaded) f.flags['loadedmodule'] = flagSet(loaded);
  const builtin = builtinModules(root, release);
  // NFD: enabledmodule = loaded + builtin, present only when modules.builtin was read.
  if (builtin) f.flags['enabledmodule'] = flagSet([...(loaded ?? []), ...builtin]);
  const se = selinux(root);
  if (se !== undefined) f.attributes['selinux'] = attributeSet({ enabled: se });
  f.attributes['kvm'] = attributeSet({ enabled: String(root.exists('/sys/devices/virtual/misc/kvm')) });
  return prefix('kernel', f);
}
