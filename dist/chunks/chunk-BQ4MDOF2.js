
// src/features/node-feature.ts
var NODE_FEATURE_API_VERSION = "nfd.k8s-sigs.io/v1alpha1";
var NODE_NAME_LABEL = "nfd.node.kubernetes.io/node-name";
var UNAVAILABLE_ANNOTATION = "image-compat.dev/unavailable-sources";
function toNodeFeature(host) {
  return {
    apiVersion: NODE_FEATURE_API_VERSION,
    kind: "NodeFeature",
    metadata: {
      name: host.hostname,
      labels: { [NODE_NAME_LABEL]: host.hostname },
      annotations: { [UNAVAILABLE_ANNOTATION]: JSON.stringify(host.unavailable) }
    },
    spec: { features: host.features }
  };
}
function unavailableOf(nf) {
  const raw = nf.metadata?.annotations?.[UNAVAILABLE_ANNOTATION];
  if (!raw) return [];
  try {
    const v = JSON.parse(raw);
    if (!Array.isArray(v)) return [];
    return v.filter(
      (x) => typeof x === "object" && x !== null && typeof x.source === "string" && typeof x.reason === "string"
    );
  } catch {
    return [];
  }
}

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

export {
  NODE_FEATURE_API_VERSION,
  UNAVAILABLE_ANNOTATION,
  toNodeFeature,
  unavailableOf,
  summarizeHardware
};
