// A readable summary of a host's hardware (CPU, kernel, OS, GPUs, NICs with SR-IOV VFs, RDMA)
// from its NFD Features: the table of `image-compat features --output table`, and Markdown
// for a GitHub job summary.
import type { Features } from '../features/types.js';

export interface HardwareSummary {
  host: string;
  cpu: {
    vendor?: string;
    family?: string;
    model?: string;
    x86Level?: string;
    hypervisor?: string;
    sockets?: string;
    multithreading?: string;
    flagCount: number;
  };
  kernel?: string;
  os?: string;
  memory: { numaNodes?: string; hugepages: string[]; swap?: string };
  gpus: Array<{
    vendor: string;
    device: string;
    model?: string;
    driver?: string;
    driverVersion?: string;
    memoryMib?: string;
    computeCapability?: string;
    gfxTarget?: string;
    numaNode?: string;
  }>;
  nics: Array<{ name: string; operstate?: string; speed?: string; totalVfs?: string; numVfs?: string }>;
  rdma: Array<{ name: string; vendor?: string; linkLayer?: string; state?: string; rate?: string }>;
  unavailable: Array<{ source: string; reason: string }>;
}

const VENDOR_NAMES: Record<string, string> = {
  '10de': 'NVIDIA',
  '1002': 'AMD',
  '8086': 'Intel',
  '15b3': 'Mellanox',
};

export function summarizeHardware(
  features: Features,
  host = '',
  unavailable: Array<{ source: string; reason: string }> = [],
): HardwareSummary {
  const attr = (f: string): Record<string, string> => features.attributes?.[f]?.elements ?? {};
  const inst = (f: string): Array<Record<string, string>> =>
    (features.instances?.[f]?.elements ?? []).map((e) => e.attributes);
  const flags = Object.keys(features.flags?.['cpu.cpuid']?.elements ?? {});
  const levels = flags.filter((f) => /^X86_64_V\d$/.test(f)).sort();
  const model = attr('cpu.model');
  const topo = attr('cpu.topology');
  const os = attr('system.osrelease');
  const hp = attr('memory.hugepages');
  return {
    host,
    cpu: {
      vendor: model.vendor_id,
      family: model.family,
      model: model.id,
      x86Level: levels.length ? `x86-64-v${levels[levels.length - 1]!.slice(-1)}` : undefined,
      hypervisor: model.hypervisor,
      sockets: topo.socket_count,
      multithreading: topo.hardware_multithreading,
      flagCount: flags.length,
    },
    kernel: attr('kernel.version').full,
    os: os.PRETTY_NAME ?? ([os.ID, os.VERSION_ID].filter(Boolean).join(' ') || undefined),
    memory: {
      numaNodes: attr('memory.numa').node_count,
      hugepages: Object.entries(hp)
        .filter(([k]) => k.startsWith('hugepages-'))
        .map(([k, v]) => `${k.slice('hugepages-'.length)}: ${v}`),
      swap: attr('memory.swap').enabled,
    },
    gpus: inst('gpu.device').map((g) => ({
      vendor: VENDOR_NAMES[g.vendor ?? ''] ?? g.vendor ?? '?',
      device: g.device ?? '?',
      model: g.model,
      driver: g.driver,
      driverVersion: g.driver_version,
      memoryMib: g.memory_mib,
      computeCapability: g.compute_capability,
      gfxTarget: g.gfx_target,
      numaNode: g.numa_node,
    })),
    nics: inst('network.device').map((n) => ({
      name: n.name ?? '?',
      operstate: n.operstate,
      speed: n.speed,
      totalVfs: n.sriov_totalvfs,
      numVfs: n.sriov_numvfs,
    })),
    rdma: inst('rdma.device').map((r) => ({
      name: r.name ?? '?',
      vendor: r.vendor ? (VENDOR_NAMES[r.vendor] ?? r.vendor) : undefined,
      linkLayer: r.link_layer,
      state: r.state,
      rate: r.rate,
    })),
    unavailable,
  };
}

export function cpuLine(s: HardwareSummary): string {
  const c = s.cpu;
  const parts = [c.vendor ?? 'unknown vendor'];
  if (c.family !== undefined) parts.push(`family ${c.family} model ${c.model ?? '?'}`);
  if (c.x86Level) parts.push(c.x86Level);
  if (c.sockets) parts.push(`${c.sockets} socket(s)`);
  if (c.multithreading === 'true') parts.push('SMT');
  if (c.hypervisor && c.hypervisor !== 'none') parts.push(`hypervisor ${c.hypervisor}`);
  parts.push(`${c.flagCount} cpuid flags`);
  return parts.join(', ');
}

export function gpuLine(g: HardwareSummary['gpus'][number]): string {
  const parts = [g.model ?? `${g.vendor} ${g.device}`];
  if (g.memoryMib) parts.push(`${g.memoryMib} MiB`);
  if (g.computeCapability) parts.push(`cc ${g.computeCapability}`);
  if (g.gfxTarget) parts.push(g.gfxTarget);
  if (g.driver) parts.push(`driver ${g.driver}${g.driverVersion ? ` ${g.driverVersion}` : ''}`);
  if (g.numaNode) parts.push(`NUMA ${g.numaNode}`);
  return parts.join(', ');
}

export function nicLine(n: HardwareSummary['nics'][number]): string {
  const parts = [n.name];
  if (n.operstate) parts.push(n.operstate);
  if (n.speed && n.speed !== '-1') parts.push(`${n.speed} Mb/s`);
  if (n.totalVfs !== undefined) parts.push(`SR-IOV ${n.numVfs ?? '?'}/${n.totalVfs} VFs`);
  return parts.join(', ');
}

export function rdmaLine(r: HardwareSummary['rdma'][number]): string {
  const parts = [r.name];
  if (r.vendor) parts.push(r.vendor);
  if (r.linkLayer) parts.push(r.linkLayer);
  if (r.state) parts.push(r.state);
  if (r.rate) parts.push(`${r.rate} Gb/s`);
  return parts.join(', ');
}

/** Rows of [label, value]: one per GPU, NIC and RDMA device. */
export function hardwareRows(s: HardwareSummary): Array<[string, string]> {
  const rows: Array<[string, string]> = [];
  rows.push(['Host', s.host || '-']);
  rows.push(['CPU', cpuLine(s)]);
  rows.push(['Kernel', s.kernel ?? '-']);
  rows.push(['OS', s.os ?? '-']);
  const mem = [
    s.memory.numaNodes ? `${s.memory.numaNodes} NUMA node(s)` : undefined,
    s.memory.hugepages.length ? `hugepages ${s.memory.hugepages.join(', ')}` : undefined,
    s.memory.swap === 'true' ? 'swap on' : undefined,
  ].filter(Boolean);
  rows.push(['Memory', mem.join('; ') || '-']);
  if (s.gpus.length === 0) rows.push(['GPU', 'none']);
  s.gpus.forEach((g, i) => rows.push([`GPU ${i}`, gpuLine(g)]));
  if (s.nics.length === 0) rows.push(['NIC', 'none']);
  for (const n of s.nics) rows.push(['NIC', nicLine(n)]);
  if (s.rdma.length === 0) rows.push(['RDMA', 'none']);
  for (const r of s.rdma) rows.push(['RDMA', rdmaLine(r)]);
  for (const u of s.unavailable) rows.push(['Unavailable', `${u.source}: ${u.reason}`]);
  return rows;
}

/** Plain-text table for a terminal. */
export function formatHardwareTable(s: HardwareSummary): string {
  const rows = hardwareRows(s);
  const w = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n') + '\n';
}

/** Markdown table for a GitHub job summary. */
export function formatHardwareMarkdown(s: HardwareSummary): string {
  const esc = (t: string): string => t.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = ['| | |', '| --- | --- |'];
  for (const [k, v] of hardwareRows(s)) lines.push(`| ${esc(k)} | ${esc(v)} |`);
  return lines.join('\n') + '\n';
}
