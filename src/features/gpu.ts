// Source `gpu` (ours, not NFD's): gpu.device, one instance per GPU, and gpu.count. PCI display
// controllers give vendor/device/class/driver/numa_node; the NVIDIA driver version comes from
// sysfs or procfs; model, memory and compute capability from nvidia-smi; AMD's gfx target
// from the KFD topology.
import type { HostRoot } from './host-root.js';
import type { Features } from './types.js';
import type { RunProgram } from './program.js';
import { attributeSet, instanceSet, newFeatures, prefix } from './feature-set.js';
import { PCI_DEVICES, listPci, readPciAttr } from './pci.js';

export const GPU_VENDORS: Record<string, string> = { '10de': 'nvidia', '1002': 'amd', '8086': 'intel' };

export interface GpuOptions {
  /** Runs nvidia-smi; undefined: do not run programs (a host root is set). */
  runProgram?: RunProgram;
  timeoutMs?: number;
}

/** `... Kernel Module  550.135  ...` or `... Open Kernel Module for x86_64  580.95.05  ...`. */
export function parseNvidiaProcVersion(text: string): string | undefined {
  return /Kernel Module(?: for \S+)?\s+(\d+(?:\.\d+)+)/.exec(text)?.[1];
}

export function nvidiaDriverVersion(root: HostRoot): string | undefined {
  const v = root.readAttr('/sys/module/nvidia/version');
  if (v) return v;
  const proc = root.readAttr('/proc/driver/nvidia/version');
  return proc ? parseNvidiaProcVersion(proc) : undefined;
}

/** KFD's gfx_target_version (major*10000 + minor*100 + stepping) -> `gfx942`, `gfx90a`, `gfx1100`. */
export function gfxTarget(version: number): string | undefined {
  if (!Number.isInteger(version) || version <= 0) return undefined;
  const major = Math.floor(version / 10000);
  const minor = Math.floor(version / 100) % 100;
  const step = version % 100;
  return `gfx${major}${minor.toString(16)}${step.toString(16)}`;
}

/** PCI address -> gfx target, from /sys/class/kfd/kfd/topology/nodes/N/properties. */
function kfdTargets(root: HostRoot): Map<string, string> {
  const out = new Map<string, string>();
  const base = '/sys/class/kfd/kfd/topology/nodes';
  let nodes: string[] = [];
  try {
    nodes = root.list(base);
  } catch {
    return out;
  }
  for (const n of nodes) {
    const text = root.readAttr(`${base}/${n}/properties`);
    if (!text) continue;
    const props: Record<string, number> = {};
    for (const line of text.split('\n')) {
      const [k, v] = line.trim().split(/\s+/);
      if (k && v && /^\d+$/.test(v)) props[k] = Number(v);
    }
    const target = gfxTarget(props.gfx_target_version ?? 0);
    const loc = props.location_id;
    if (!target || loc === undefined) continue;
    const domain = props.domain ?? 0;
    const bus = (loc >> 8) & 0xff;
    const dev = (loc >> 3) & 0x1f;
    const fn = loc & 0x7;
    const hex = (x: number, w: number): string => x.toString(16).padStart(w, '0');
    out.set(`${hex(domain, 4)}:${hex(bus, 2)}:${hex(dev, 2)}.${fn}`, target);
  }
  return out;
}

export interface NvidiaSmiGpu {
  address: string;
  device?: string;
  model: string;
  driverVersion: string;
  memoryMib: string;
  computeCapability?: string;
}

const SMI_FIELDS = ['pci.bus_id', 'pci.device_id', 'name', 'driver_version', 'memory.total'];

/** `00000000:17:00.0` -> `0000:17:00.0`; `0x233010DE` -> `2330`. */
function parseSmiLine(line: string, withCc: boolean): NvidiaSmiGpu | undefined {
  const cols = line.split(',').map((c) => c.trim());
  if (cols.length < SMI_FIELDS.length + (withCc ? 1 : 0)) return undefined;
  const [bus, devId, name, driver, mem, cc] = cols as [string, string, string, string, string, string?];
  const address = bus.toLowerCase().replace(/^[0-9a-f]{4}([0-9a-f]{4}:)/, '$1');
  const idm = /^0x([0-9a-f]{4})([0-9a-f]{4})$/i.exec(devId);
  const gpu: NvidiaSmiGpu = {
    address,
    model: name,
    driverVersion: driver,
    memoryMib: mem.replace(/\s*MiB$/, ''),
  };
  if (idm) gpu.device = idm[1]!.toLowerCase();
  if (withCc && cc && /^\d+\.\d+$/.test(cc)) gpu.computeCapability = cc;
  return gpu;
}

/**
 * Ask nvidia-smi for every GPU. `compute_cap` is not a valid field on R470 and older drivers:
 * retry without it. Returns the GPUs, or a reason when nvidia-smi gave no answer.
 */
export async function queryNvidiaSmi(
  run: RunProgram,
  timeoutMs: number,
): Promise<{ gpus: NvidiaSmiGpu[] } | { reason: string }> {
  let lastReason = '';
  for (const withCc of [true, false]) {
    const fields = withCc ? [...SMI_FIELDS, 'compute_cap'] : SMI_FIELDS;
    const r = await run('nvidia-smi', [`--query-gpu=${fields.join(',')}`, '--format=csv,noheader,nounits'], {
      timeoutMs,
    });
    if (r.error) {
      if (r.error.code === 'ENOENT') return { reason: 'nvidia-smi not found on PATH' };
      return { reason: `nvidia-smi: ${r.error.message}` };
    }
    if (r.code === 0) {
      const gpus = r.stdout
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => parseSmiLine(l, withCc))
        .filter((g): g is NvidiaSmiGpu => g !== undefined);
      return { gpus };
    }
    lastReason = `nvidia-smi exited ${r.code}: ${(r.stderr || r.stdout).trim().split('\n')[0] ?? ''}`;
    // Only an unknown compute_cap field deserves a second try.
    if (!withCc || !/compute_cap/i.test(r.stdout + r.stderr)) break;
  }
  return { reason: lastReason };
}

export async function collect(root: HostRoot, opts: GpuOptions = {}): Promise<Features> {
  const f = newFeatures();
  const addresses = listPci(root, 'gpu.device');
  const gpus: Array<Record<string, string>> = [];
  const byAddress = new Map<string, Record<string, string>>();
  const amdTargets = kfdTargets(root);
  for (const address of addresses ?? []) {
    let cls: string, vendor: string, device: string;
    try {
      cls = readPciAttr(root, address, 'class');
      if (!cls.startsWith('03')) continue;
      vendor = readPciAttr(root, address, 'vendor');
      // Display controllers of other vendors are BMC consoles (ASPEED, Matrox), not GPUs.
      if (!(vendor in GPU_VENDORS)) continue;
      device = readPciAttr(root, address, 'device');
    } catch {
      continue;
    }
    const g: Record<string, string> = { vendor, device, class: cls };
    const driver = root.linkName(`${PCI_DEVICES}/${address}/driver`);
    if (driver) g.driver = driver;
    const numa = root.readAttr(`${PCI_DEVICES}/${address}/numa_node`);
    if (numa && /^\d+$/.test(numa)) g.numa_node = numa;
    const gfx = amdTargets.get(address);
    if (gfx) g.gfx_target = gfx;
    gpus.push(g);
    byAddress.set(address, g);
  }

  const nvidia = gpus.filter((g) => g.vendor === '10de');
  const driverVersion = nvidiaDriverVersion(root);
  if (driverVersion) for (const g of nvidia) if (g.driver === 'nvidia') g.driver_version = driverVersion;

  if (nvidia.length > 0 || driverVersion) {
    if (!opts.runProgram) {
      root.markUnavailable('gpu.device (nvidia-smi)', 'programs are not run against a host root');
    } else {
      const res = await queryNvidiaSmi(opts.runProgram, opts.timeoutMs ?? 10_000);
      if ('reason' in res) {
        root.markUnavailable('gpu.device (nvidia-smi)', res.reason);
      } else {
        for (const s of res.gpus) {
          let g = byAddress.get(s.address);
          if (!g) {
            // A GPU nvidia-smi sees but sysfs does not show (a sandbox hiding /sys/bus/pci):
            // no class or NUMA node to report; nvidia-smi answers only through `nvidia`.
            g = { vendor: '10de', driver: 'nvidia' };
            if (s.device) g.device = s.device;
            gpus.push(g);
            byAddress.set(s.address, g);
          }
          g.model = s.model;
          g.memory_mib = s.memoryMib;
          g.driver_version = s.driverVersion;
          if (s.computeCapability) g.compute_capability = s.computeCapability;
        }
      }
    }
  }

  if (addresses === undefined && gpus.length === 0) return f;
  f.instances['device'] = instanceSet(gpus);
  const count = (v: string): string => String(gpus.filter((g) => g.vendor === v).length);
  f.attributes['count'] = attributeSet({
    total: String(gpus.length),
    nvidia: count('10de'),
    amd: count('1002'),
    intel: count('8086'),
  });
  return prefix('gpu', f);
}
