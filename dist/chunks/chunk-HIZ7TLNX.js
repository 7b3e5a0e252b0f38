
// src/report/hardware.ts
var VENDOR_NAMES = {
  "10de": "NVIDIA",
  "1002": "AMD",
  "8086": "Intel",
  "15b3": "Mellanox"
};
function summarizeHardware(features, host = "", unavailable = []) {
  const attr = (f) => features.attributes?.[f]?.elements ?? {};
  const inst = (f) => (features.instances?.[f]?.elements ?? []).map((e) => e.attributes);
  const flags = Object.keys(features.flags?.["cpu.cpuid"]?.elements ?? {});
  const levels = flags.filter((f) => /^X86_64_V\d$/.test(f)).sort();
  const model = attr("cpu.model");
  const topo = attr("cpu.topology");
  const os = attr("system.osrelease");
  const hp = attr("memory.hugepages");
  return {
    host,
    cpu: {
      vendor: model.vendor_id,
      family: model.family,
      model: model.id,
      x86Level: levels.length ? `x86-64-v${levels[levels.length - 1].slice(-1)}` : void 0,
      hypervisor: model.hypervisor,
      sockets: topo.socket_count,
      multithreading: topo.hardware_multithreading,
      flagCount: flags.length
    },
    kernel: attr("kernel.version").full,
    os: os.PRETTY_NAME ?? ([os.ID, os.VERSION_ID].filter(Boolean).join(" ") || void 0),
    memory: {
      numaNodes: attr("memory.numa").node_count,
      hugepages: Object.entries(hp).filter(([k]) => k.startsWith("hugepages-")).map(([k, v]) => `${k.slice("hugepages-".length)}: ${v}`),
      swap: attr("memory.swap").enabled
    },
    gpus: inst("gpu.device").map((g) => ({
      vendor: VENDOR_NAMES[g.vendor ?? ""] ?? g.vendor ?? "?",
      device: g.device ?? "?",
      model: g.model,
      driver: g.driver,
      driverVersion: g.driver_version,
      memoryMib: g.memory_mib,
      computeCapability: g.compute_capability,
      gfxTarget: g.gfx_target,
      numaNode: g.numa_node
    })),
    nics: inst("network.device").map((n) => ({
      name: n.name ?? "?",
      operstate: n.operstate,
      speed: n.speed,
      totalVfs: n.sriov_totalvfs,
      numVfs: n.sriov_numvfs
    })),
    rdma: inst("rdma.device").map((r) => ({
      name: r.name ?? "?",
      vendor: r.vendor ? VENDOR_NAMES[r.vendor] ?? r.vendor : void 0,
      linkLayer: r.link_layer,
      state: r.state,
      rate: r.rate
    })),
    unavailable
  };
}
function cpuLine(s) {
  const c = s.cpu;
  const parts = [c.vendor ?? "unknown vendor"];
  if (c.family !== void 0) parts.push(`family ${c.family} model ${c.model ?? "?"}`);
  if (c.x86Level) parts.push(c.x86Level);
  if (c.sockets) parts.push(`${c.sockets} socket(s)`);
  if (c.multithreading === "true") parts.push("SMT");
  if (c.hypervisor && c.hypervisor !== "none") parts.push(`hypervisor ${c.hypervisor}`);
  parts.push(`${c.flagCount} cpuid flags`);
  return parts.join(", ");
}
function gpuLine(g) {
  const parts = [g.model ?? `${g.vendor} ${g.device}`];
  if (g.memoryMib) parts.push(`${g.memoryMib} MiB`);
  if (g.computeCapability) parts.push(`cc ${g.computeCapability}`);
  if (g.gfxTarget) parts.push(g.gfxTarget);
  if (g.driver) parts.push(`driver ${g.driver}${g.driverVersion ? ` ${g.driverVersion}` : ""}`);
  if (g.numaNode) parts.push(`NUMA ${g.numaNode}`);
  return parts.join(", ");
}
function nicLine(n) {
  const parts = [n.name];
  if (n.operstate) parts.push(n.operstate);
  if (n.speed && n.speed !== "-1") parts.push(`${n.speed} Mb/s`);
  if (n.totalVfs !== void 0) parts.push(`SR-IOV ${n.numVfs ?? "?"}/${n.totalVfs} VFs`);
  return parts.join(", ");
}
function rdmaLine(r) {
  const parts = [r.name];
  if (r.vendor) parts.push(r.vendor);
  if (r.linkLayer) parts.push(r.linkLayer);
  if (r.state) parts.push(r.state);
  if (r.rate) parts.push(`${r.rate} Gb/s`);
  return parts.join(", ");
}
function hardwareRows(s) {
  const rows = [];
  rows.push(["Host", s.host || "-"]);
  rows.push(["CPU", cpuLine(s)]);
  rows.push(["Kernel", s.kernel ?? "-"]);
  rows.push(["OS", s.os ?? "-"]);
  const mem = [
    s.memory.numaNodes ? `${s.memory.numaNodes} NUMA node(s)` : void 0,
    s.memory.hugepages.length ? `hugepages ${s.memory.hugepages.join(", ")}` : void 0,
    s.memory.swap === "true" ? "swap on" : void 0
  ].filter(Boolean);
  rows.push(["Memory", mem.join("; ") || "-"]);
  if (s.gpus.length === 0) rows.push(["GPU", "none"]);
  s.gpus.forEach((g, i) => rows.push([`GPU ${i}`, gpuLine(g)]));
  if (s.nics.length === 0) rows.push(["NIC", "none"]);
  for (const n of s.nics) rows.push(["NIC", nicLine(n)]);
  if (s.rdma.length === 0) rows.push(["RDMA", "none"]);
  for (const r of s.rdma) rows.push(["RDMA", rdmaLine(r)]);
  for (const u of s.unavailable) rows.push(["Unavailable", `${u.source}: ${u.reason}`]);
  return rows;
}
function formatHardwareTable(s) {
  const rows = hardwareRows(s);
  const w = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join("\n") + "\n";
}

export {
  summarizeHardware,
  cpuLine,
  gpuLine,
  nicLine,
  rdmaLine,
  formatHardwareTable
};
