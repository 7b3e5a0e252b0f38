// Source `cpu`: cpu.cpuid (flags), cpu.model, cpu.topology, cpu.security, cpu.cstate, cpu.pstate,
// cpu.rdt, cpu.coprocessor.
// NFD reads the CPUID instruction; from Node we read /proc/cpuinfo and map its names to NFD's.
import type { HostRoot } from './host-root.js';
import type { Features } from './types.js';
import { attributeSet, flagSet, newFeatures, prefix } from './feature-set.js';
import {
  ARM64_FLAG_NAMES,
  ARM_IMPLEMENTERS,
  X86_64_LEVELS,
  X86_FLAG_NAMES,
  X86_IMPLIED,
  X86_VENDORS,
} from './cpuid-names.js';

/** The first processor block of /proc/cpuinfo as key -> value (keys as the kernel spells them). */
export function parseCpuinfo(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      if (Object.keys(out).length > 0 && 'processor' in out) break;
      continue;
    }
    const i = line.indexOf(':');
    if (i < 0) continue;
    const key = line.slice(0, i).trim();
    if (!(key in out)) out[key] = line.slice(i + 1).trim();
  }
  return out;
}

export function cpuidFlags(info: Record<string, string>): string[] {
  const names = new Set<string>();
  if (info.flags !== undefined) {
    for (const f of info.flags.split(/\s+/)) {
      const n = X86_FLAG_NAMES[f];
      if (n) names.add(n);
      for (const implied of X86_IMPLIED[f] ?? []) names.add(implied);
    }
    // x86-64 levels are cumulative: a CPU at v3 also carries X86_64_V1 and X86_64_V2.
    if (/\blm\b/.test(info.flags)) {
      for (let level = 0; level < X86_64_LEVELS.length; level++) {
        if (!X86_64_LEVELS[level]!.every((n) => names.has(n))) break;
        names.add(`X86_64_V${level + 1}`);
      }
    }
  } else if (info.Features !== undefined) {
    for (const f of info.Features.split(/\s+/)) {
      const n = ARM64_FLAG_NAMES[f];
      if (n) names.add(n);
    }
  }
  return [...names].sort();
}

export function cpuModel(info: Record<string, string>): Record<string, string> | undefined {
  if (info.vendor_id !== undefined) {
    return {
      vendor_id: X86_VENDORS[info.vendor_id] ?? 'VendorUnknown',
      family: String(parseInt(info['cpu family'] ?? '0', 10)),
      id: String(parseInt(info.model ?? '0', 10)),
    };
  }
  if (info['CPU implementer'] !== undefined) {
    // klauspost/cpuid reads MIDR_EL1: family = bits [23:16] (variant, architecture 0xf on
    // AArch64), id = bits [15:0] (part number, revision). cpuinfo prints each field apart.
    const num = (k: string): number => parseInt(info[k] ?? '0', 0) || 0;
    const family = (num('CPU variant') << 4) | 0xf;
    const id = (num('CPU part') << 4) | num('CPU revision');
    return {
      vendor_id: ARM_IMPLEMENTERS[num('CPU implementer')] ?? 'VendorUnknown',
      family: String(family),
      id: String(id),
    };
  }
  return undefined;
}

/**
 * NFD names the hypervisor from CPUID leaf 0x40000000 (`kvm`, `msvm`, `vmware`, `xenhvm`,
 * `bhyve`), or `none`. Files do not carry that leaf; the clock sources and DMI name it.
 */
export function hypervisor(root: HostRoot, info: Record<string, string>): string {
  const sysinfo = root.readAttr('/proc/sysinfo');
  const control = sysinfo?.match(/Control Program:\s*(.+)/)?.[1]?.trim();
  if (control) return control.replace(/[^-A-Za-z0-9_.]+/g, '_');
  if (!/\bhypervisor\b/.test(info.flags ?? '')) return 'none';
  if (root.readAttr('/sys/hypervisor/type') === 'xen') return 'xenhvm';
  const clocks = root.readAttr('/sys/devices/system/clocksource/clocksource0/available_clocksource') ?? '';
  if (/\bkvm-clock\b/.test(clocks)) return 'kvm';
  if (/hyperv_clocksource/.test(clocks)) return 'msvm';
  const dmi = `${root.readAttr('/sys/devices/virtual/dmi/id/sys_vendor') ?? ''} ${root.readAttr('/sys/devices/virtual/dmi/id/product_name') ?? ''}`;
  if (/VMware/i.test(dmi)) return 'vmware';
  if (/QEMU|KVM/.test(dmi)) return 'kvm';
  if (/Microsoft/.test(dmi)) return 'msvm';
  if (/Xen/.test(dmi)) return 'xenhvm';
  if (/BHYVE/i.test(dmi)) return 'bhyve';
  return 'unknown';
}

function topology(root: HostRoot): Record<string, string> {
  let cpus: string[];
  try {
    cpus = root.list('/sys/bus/cpu/devices');
  } catch (err) {
    root.markUnavailable('cpu.topology', root.describe(err));
    return {};
  }
  let ht = false;
  const sockets = new Set<string>();
  for (const cpu of cpus) {
    try {
      const siblings = root.readText(`/sys/bus/cpu/devices/${cpu}/topology/thread_siblings_list`);
      if (/[,-]/.test(siblings)) ht = true;
      sockets.add(root.readText(`/sys/bus/cpu/devices/${cpu}/topology/physical_package_id`).trim());
    } catch (err) {
      // NFD drops the whole topology when one CPU's files cannot be read.
      root.markUnavailable('cpu.topology', root.describe(err));
      return {};
    }
  }
  return { hardware_multithreading: String(ht), socket_count: String(sockets.size) };
}

function miscCapacity(root: HostRoot, resource: string): string | undefined {
  for (const p of ['/sys/fs/cgroup/misc.capacity', '/sys/fs/cgroup/misc/misc.capacity']) {
    const text = root.readAttr(p);
    if (text === undefined) continue;
    for (const line of text.split('\n')) {
      const [name, value] = line.split(' ');
      if (name?.startsWith(resource) && value && /^\d+$/.test(value)) return value;
    }
    return undefined;
  }
  return undefined;
}

function security(root: HostRoot, flags: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  // NFD sums the SGX EPC sections from CPUID; the kernel exposes the same per NUMA node.
  let epc = 0;
  try {
    for (const node of root.list('/sys/devices/system/node')) {
      const bytes = root.readAttr(`/sys/devices/system/node/${node}/x86/sgx_total_bytes`);
      if (bytes && /^\d+$/.test(bytes)) epc += Number(bytes);
    }
  } catch {
    // no NUMA node directory: no EPC information
  }
  if (epc > 0 && flags.includes('SGX')) {
    out['sgx.enabled'] = 'true';
    out['sgx.epc'] = String(epc);
  }
  if (root.readAttr('/sys/module/kvm_intel/parameters/tdx') === 'Y') {
    out['tdx.enabled'] = 'true';
    const keys = miscCapacity(root, 'tdx');
    if (keys !== undefined) out['tdx.total_keys'] = keys;
  }
  if (flags.includes('TDX_GUEST')) out['tdx.protected'] = 'true';
  const kvmAmd = (p: string): boolean =>
    /^[1Y]/.test(root.readAttr(`/sys/module/kvm_amd/parameters/${p}`) ?? '');
  if (kvmAmd('sev')) {
    out['sev.enabled'] = 'true';
    const asids = miscCapacity(root, 'sev');
    if (asids !== undefined) out['sev.asids'] = asids;
  }
  if (kvmAmd('sev_es')) {
    out['sev.es.enabled'] = 'true';
    const ids = miscCapacity(root, 'sev_es');
    if (ids !== undefined) out['sev.encrypted_state_ids'] = ids;
  }
  if (kvmAmd('sev_snp')) out['sev.snp.enabled'] = 'true';
  return out;
}

/**
 * NFD's rdt_amd64.go reads CPUID leaves 0x7, 0xF and 0x10; the kernel names the same bits in
 * cpuinfo. Values are "true", plus RDTL3CA_NUM_CLOSID from resctrl.
 */
function rdt(root: HostRoot, info: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  const has = new Set((info.flags ?? '').split(/\s+/));
  if (has.has('cqm') && has.has('cqm_llc')) {
    out.RDTMON = 'true';
    if (has.has('cqm_occup_llc')) out.RDTCMT = 'true';
    if (has.has('cqm_mbm_total') && has.has('cqm_mbm_local')) out.RDTMBM = 'true';
  }
  if (has.has('rdt_a')) {
    if (has.has('cat_l3')) {
      out.RDTL3CA = 'true';
      const closids = root.readAttr('/sys/fs/resctrl/info/L3/num_closids');
      if (closids && /^\d+$/.test(closids)) out.RDTL3CA_NUM_CLOSID = closids;
    }
    if (has.has('cat_l2')) out.RDTL2CA = 'true';
    if (has.has('mba')) out.RDTMBA = 'true';
  }
  return out;
}

/** NFD's cstate_amd64.go: `enabled` from intel_idle's max_cstate; {} with another idle driver. */
function cstate(root: HostRoot): Record<string, string> | undefined {
  if (!root.exists('/sys/devices/system/cpu')) {
    root.markUnavailable('cpu.cstate', 'cannot read /sys/devices/system/cpu: not found (ENOENT)');
    return undefined;
  }
  if (!root.exists('/sys/devices/system/cpu/cpuidle')) return {};
  const driver = root.readAttr('/sys/devices/system/cpu/cpuidle/current_driver');
  if (driver === undefined) {
    root.markUnavailable('cpu.cstate', 'cannot read /sys/devices/system/cpu/cpuidle/current_driver');
    return undefined;
  }
  if (driver !== 'intel_idle') return {};
  const max = root.readAttr('/sys/module/intel_idle/parameters/max_cstate');
  if (max === undefined || !/^[-+]?\d+$/.test(max)) {
    root.markUnavailable(
      'cpu.cstate',
      'cannot read an integer from /sys/module/intel_idle/parameters/max_cstate',
    );
    return undefined;
  }
  return { enabled: String(Number(max) > 0) };
}

/**
 * NFD's pstate_amd64.go: the intel_pstate `status`, `turbo` (no_turbo inverted) and, when
 * active, the `scaling_governor` shared by every cpufreq policy with CPUs; {} otherwise.
 */
function pstate(root: HostRoot): Record<string, string> {
  const out: Record<string, string> = {};
  const base = '/sys/devices/system/cpu/intel_pstate';
  const status = root.readAttr(`${base}/status`);
  if (status === undefined || status === 'off') return out;
  out.status = status;
  const noTurbo = root.readAttr(`${base}/no_turbo`);
  if (noTurbo !== undefined) out.turbo = String(noTurbo.startsWith('0'));
  if (status !== 'active') return out;
  let policies: string[] = [];
  try {
    policies = root.list('/sys/devices/system/cpu/cpufreq');
  } catch {
    return out;
  }
  let scaling = '';
  for (const p of policies) {
    const cpus = root.readAttr(`/sys/devices/system/cpu/cpufreq/${p}/affected_cpus`);
    if (!cpus) continue;
    const governor = root.readAttr(`/sys/devices/system/cpu/cpufreq/${p}/scaling_governor`);
    if (governor === undefined) continue;
    if (scaling !== '' && scaling !== governor) {
      scaling = '';
      break;
    }
    scaling = governor;
  }
  if (scaling) out.scaling_governor = scaling;
  return out;
}

export function collect(root: HostRoot): Features {
  const features = newFeatures();
  let info: Record<string, string>;
  try {
    info = parseCpuinfo(root.readText('/proc/cpuinfo'));
  } catch (err) {
    root.markUnavailable('cpu.cpuid', root.describe(err));
    root.markUnavailable('cpu.model', root.describe(err));
    info = {};
  }
  const flags = cpuidFlags(info);
  const model = cpuModel(info);
  if (Object.keys(info).length > 0) {
    features.flags['cpuid'] = flagSet(flags);
    if (model) features.attributes['model'] = attributeSet({ ...model, hypervisor: hypervisor(root, info) });
  }
  features.attributes['topology'] = attributeSet(topology(root));
  features.attributes['security'] = attributeSet(security(root, flags));
  const cs = cstate(root);
  if (cs) features.attributes['cstate'] = attributeSet(cs);
  features.attributes['pstate'] = attributeSet(pstate(root));
  features.attributes['rdt'] = attributeSet(rdt(root, info));
  // NFD fills cpu.coprocessor on ppc64le only (nx_gzip); elsewhere the set is empty.
  features.attributes['coprocessor'] = attributeSet({});
  return prefix('cpu', features);
}
