import {
  InputError
} from "./chunk-P4NOGRMT.js";
import "./chunk-J6WBSD4J.js";

// src/features/catalog.ts
var CPUID_FLAGS = "ADX AESNI AMD3DNOW AMD3DNOWEXT AMXBF16 AMXFP16 AMXINT8 AMXFP8 AMXTILE AMXTF32 AMXCOMPLEX AMXTRANSPOSE APX_F AVX AVX10 AVX10_128 AVX10_256 AVX10_512 AVX2 AVX512BF16 AVX512BITALG AVX512BMM AVX512BW AVX512CD AVX512DQ AVX512ER AVX512F AVX512FP16 AVX512IFMA AVX512PF AVX512VBMI AVX512VBMI2 AVX512VL AVX512VNNI AVX512VP2INTERSECT AVX512VPOPCNTDQ AVXIFMA AVXNECONVERT AVXSLOW AVXVNNI AVXVNNIINT8 AVXVNNIINT16 BHI_CTRL BMI1 BMI2 CETIBT CETSS CLDEMOTE CLMUL CLZERO CMOV CMPCCXADD CMPSB_SCADBS_SHORT CMPXCHG8 CPBOOST CPPC CX16 EFER_LMSLE_UNS ENQCMD ERMS F16C FLUSH_L1D FMA3 FMA4 FP128 FP256 FRED FSRM FXSR FXSROPT GFNI HLE HRESET HTT HWA HYBRID_CPU HYPERVISOR IA32_ARCH_CAP IA32_CORE_CAP IBPB IBPB_BRTYPE IBRS IBRS_PREFERRED IBRS_PROVIDES_SMP IBS IDPRED_CTRL INT_WBINVD INVLPGB KEYLOCKER KEYLOCKERW LAHF LAM LBRVIRT LZCNT MCAOVERFLOW MCDT_NO MCOMMIT MD_CLEAR MMX MMXEXT MOVBE MOVDIR64B MOVDIRI MOVSB_ZL MOVU MPX MSRIRC MSRLIST MSR_PAGEFLUSH NRIPS NX OSXSAVE PCONFIG POPCNT PPIN PREFETCHI PSFD RDPRU RDRAND RDSEED RDTSCP RRSBA_CTRL RTM RTM_ALWAYS_ABORT SBPB SERIALIZE SEV SEV_64BIT SEV_ALTERNATIVE SEV_DEBUGSWAP SEV_ES SEV_RESTRICTED SEV_SNP SGX SGXLC SGXPQC SHA SME SME_COHERENT SM3_X86 SM4_X86 SPEC_CTRL_SSBD SRBDS_CTRL SRSO_MSR_FIX SRSO_NO SRSO_USER_KERNEL_NO SSE SSE2 SSE3 SSE4 SSE42 SSE4A SSSE3 STIBP STIBP_ALWAYSON STOSB_SHORT SUCCOR SVM SVMDA SVMFBASID SVML SVMNP SVMPF SVMPFT SYSCALL SYSEE TBM TDX_GUEST TLB_FLUSH_NESTED TME TOPEXT TSA_L1_NO TSA_SQ_NO TSA_VERW_CLEAR TSCRATEMSR TSXLDTRK VAES VMCBCLEAN VMPL VMSA_REGPROT VMX VPCLMULQDQ VTE WAITPKG WBNOINVD WRMSRNS X87 XGETBV1 XOP XSAVE XSAVEC XSAVEOPT XSAVES AESARM ARMCPUID ASIMD ASIMDDP ASIMDHP ASIMDRDM ATOMICS CRC32 DCPOP EVTSTRM FCMA FHM FP FPHP GPA JSCVT LRCPC PMULL RNDR TLB TS SHA1 SHA2 SHA3 SHA512 SM3 SM4 SVE X86_64_V2 X86_64_V3 X86_64_V4 AVX10_VERSION".split(" ");
var entries = [
  { name: "cpu.cpuid", kind: "flag", source: "nfd", keys: CPUID_FLAGS, description: "CPUID feature flags" },
  {
    name: "cpu.model",
    kind: "attribute",
    source: "nfd",
    keys: ["vendor_id", "family", "id", "hypervisor"],
    description: "CPU vendor (Intel, AMD, ARM, ...), family and model id (decimal)"
  },
  {
    name: "cpu.topology",
    kind: "attribute",
    source: "nfd",
    keys: ["hardware_multithreading", "socket_count"],
    description: "SMT and sockets"
  },
  { name: "cpu.cstate", kind: "attribute", source: "nfd", keys: ["enabled"], description: "C-states" },
  {
    name: "cpu.pstate",
    kind: "attribute",
    source: "nfd",
    keys: ["status", "turbo", "scaling_governor"],
    description: "P-states"
  },
  { name: "cpu.rdt", kind: "attribute", source: "nfd", keys: [], openKeys: true, description: "Intel RDT" },
  {
    name: "cpu.security",
    kind: "attribute",
    source: "nfd",
    keys: [
      "sgx.enabled",
      "sgx.epc",
      "se.enabled",
      "tdx.enabled",
      "tdx.protected",
      "tdx.total_keys",
      "sev.enabled",
      "sev.es.enabled",
      "sev.snp.enabled",
      "sev.asids",
      "sev.encrypted_state_ids"
    ],
    description: "SGX, TDX, SEV, IBM SE"
  },
  { name: "cpu.sst", kind: "attribute", source: "nfd", keys: ["bf.enabled"], description: "Intel SST" },
  { name: "cpu.coprocessor", kind: "attribute", source: "nfd", keys: ["nx_gzip"], description: "POWER" },
  {
    name: "kernel.version",
    kind: "attribute",
    source: "nfd",
    keys: ["full", "major", "minor", "revision"],
    description: "/proc/sys/kernel/osrelease"
  },
  {
    name: "kernel.config",
    kind: "attribute",
    source: "nfd",
    keys: [],
    openKeys: true,
    description: "kernel options without CONFIG_, values y, m or the raw value"
  },
  {
    name: "kernel.loadedmodule",
    kind: "flag",
    source: "nfd",
    keys: [],
    openKeys: true,
    description: "modules in /proc/modules (underscores)"
  },
  {
    name: "kernel.enabledmodule",
    kind: "flag",
    source: "nfd",
    keys: [],
    openKeys: true,
    description: "loaded modules plus the builtin ones (modules.builtin file names)"
  },
  { name: "kernel.selinux", kind: "attribute", source: "nfd", keys: ["enabled"], description: "SELinux" },
  {
    name: "pci.device",
    kind: "instance",
    source: "nfd",
    keys: [
      "class",
      "vendor",
      "device",
      "subsystem_vendor",
      "subsystem_device",
      "sriov_totalvfs",
      "iommu_group/type",
      "iommu/type"
    ],
    description: "PCI devices: class is 4 hex digits, ids without 0x"
  },
  {
    name: "usb.device",
    kind: "instance",
    source: "nfd",
    keys: ["class", "vendor", "device", "serial"],
    description: "USB devices"
  },
  {
    name: "network.device",
    kind: "instance",
    source: "nfd",
    keys: ["name", "operstate", "speed", "mtu", "sriov_totalvfs", "sriov_numvfs"],
    description: "physical network interfaces"
  },
  {
    name: "network.virtual",
    kind: "instance",
    source: "nfd",
    keys: ["name", "operstate", "speed", "mtu"],
    description: "virtual network interfaces"
  },
  {
    name: "memory.numa",
    kind: "attribute",
    source: "nfd",
    keys: ["is_numa", "node_count"],
    description: "NUMA nodes"
  },
  { name: "memory.swap", kind: "attribute", source: "nfd", keys: ["enabled"], description: "swap" },
  {
    name: "memory.hugepages",
    kind: "attribute",
    source: "nfd",
    keys: ["enabled", "hugepages-2Mi", "hugepages-1Gi"],
    keyPattern: /^hugepages-\d+[KMG]i$/,
    description: "huge pages: enabled and the page count per size"
  },
  {
    name: "memory.nv",
    kind: "instance",
    source: "nfd",
    keys: ["name", "devtype", "mode"],
    description: "NVDIMM devices"
  },
  {
    name: "storage.block",
    kind: "instance",
    source: "nfd",
    keys: ["name", "dax", "rotational", "nr_zones", "zoned"],
    description: "block devices"
  },
  {
    name: "system.osrelease",
    kind: "attribute",
    source: "nfd",
    keys: ["ID", "ID_LIKE", "VERSION_ID", "VERSION_ID.major", "VERSION_ID.minor", "NAME", "PRETTY_NAME"],
    openKeys: true,
    description: "/etc/os-release fields"
  },
  {
    name: "system.dmiid",
    kind: "attribute",
    source: "nfd",
    keys: ["sys_vendor", "product_name", "product_version", "board_vendor", "board_name", "bios_version"],
    openKeys: true,
    description: "/sys/devices/virtual/dmi/id"
  },
  {
    name: "local.label",
    kind: "attribute",
    source: "nfd",
    keys: [],
    openKeys: true,
    description: "local hooks"
  },
  { name: "local.feature", kind: "attribute", source: "nfd", keys: [], openKeys: true, description: "local" },
  {
    name: "gpu.device",
    kind: "instance",
    source: "image-compat",
    keys: [
      "vendor",
      "device",
      "class",
      "driver",
      "driver_version",
      "model",
      "memory_mib",
      "compute_capability",
      "gfx_target",
      "numa_node"
    ],
    description: "GPUs (image-compat only)"
  },
  {
    name: "gpu.count",
    kind: "attribute",
    source: "image-compat",
    keys: ["total", "nvidia", "amd", "intel"],
    description: "GPU counts (image-compat only)"
  },
  {
    name: "rdma.device",
    kind: "instance",
    source: "image-compat",
    keys: ["name", "vendor", "link_layer", "state", "rate"],
    description: "RDMA devices (image-compat only)"
  }
];
var FEATURE_CATALOG = new Map(entries.map((e) => [e.name, e]));
function catalogEntry(feature) {
  return FEATURE_CATALOG.get(feature.toLowerCase());
}
function isOwnFeature(feature) {
  return catalogEntry(feature)?.source === "image-compat";
}

// src/kubernetes/local-keys.ts
var LOCAL_KEY_PREFIX = "image-compat.dev";
var MAX_LOCAL_INSTANCES = 16;
function ownFeatureKind(feature) {
  if (!isOwnFeature(feature)) return void 0;
  return catalogEntry(feature).kind;
}
function presenceKey(feature) {
  return `${LOCAL_KEY_PREFIX}/${feature.toLowerCase()}`;
}
function attributeKey(feature, key) {
  return `${presenceKey(feature)}.${key}`;
}
function instanceKey(feature, index) {
  return `${presenceKey(feature)}.${index}`;
}
function instanceAttributeKey(feature, index, attribute) {
  return `${instanceKey(feature, index)}.${attribute}`;
}

// src/kubernetes/nfd-local.ts
var MAX_FEATURE_FILE_SIZE = 65536;
function localFeatureLines(features) {
  const lines = [];
  const byName = (m) => Object.entries(m ?? {}).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
  const sortedPairs = (m) => byName(m);
  for (const [name, set] of byName(features.attributes)) {
    if (ownFeatureKind(name) !== "attribute") continue;
    lines.push([presenceKey(name), "true"]);
    for (const [k, v] of sortedPairs(set.elements)) lines.push([attributeKey(name, k), v]);
  }
  for (const [name, set] of byName(features.instances)) {
    if (ownFeatureKind(name) !== "instance") continue;
    lines.push([presenceKey(name), "true"]);
    const distinct = /* @__PURE__ */ new Map();
    for (const inst of set.elements) {
      const attrs = sortedPairs(inst.attributes ?? {});
      distinct.set(JSON.stringify(attrs), attrs);
    }
    if (distinct.size > MAX_LOCAL_INSTANCES) {
      throw new InputError(
        `${name} has ${distinct.size} distinct instances; the NFD local file carries at most ${MAX_LOCAL_INSTANCES}`
      );
    }
    [...distinct.values()].forEach((attrs, i) => {
      lines.push([instanceKey(name, i), "true"]);
      for (const [k, v] of attrs) lines.push([instanceAttributeKey(name, i, k), v]);
    });
  }
  return lines;
}
function formatNfdLocal(features, opts = {}) {
  const out = ["# image-compat features --output nfd-local: GPU and RDMA features for NFD (local.feature)."];
  if (opts.expiry) out.push(`# +expiry-time=${opts.expiry.toISOString().replace(/\.\d{3}Z$/, "Z")}`);
  for (const [key, value] of localFeatureLines(features)) {
    if (/[\r\n=]/.test(key) || /[\r\n]/.test(value) || value.trim() !== value) {
      throw new InputError(
        `${key}: value ${JSON.stringify(value)} cannot be written as an NFD local feature line`
      );
    }
    out.push("# +no-label", `${key}=${value}`);
  }
  const text = out.join("\n") + "\n";
  if (Buffer.byteLength(text) > MAX_FEATURE_FILE_SIZE) {
    throw new InputError(
      `the NFD local feature file would be ${Buffer.byteLength(text)} bytes; nfd-worker reads at most ${MAX_FEATURE_FILE_SIZE}`
    );
  }
  return text;
}
var RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
function parseNfdLocal(text, now = /* @__PURE__ */ new Date()) {
  const features = {};
  const labels = {};
  let expiry = now;
  let skipLabel = false;
  let skipFeature = false;
  const put = (m, key, value) => Object.defineProperty(m, key, { value, enumerable: true, writable: true, configurable: true });
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "") continue;
    if (line.startsWith("#")) {
      if (!line.startsWith("# +")) continue;
      const [directive, value2] = splitOnce(line.slice(3));
      if (directive === "expiry-time" && value2 !== void 0) {
        const t = RFC3339.test(value2.trim()) ? new Date(value2.trim()) : void 0;
        if (t && !Number.isNaN(t.getTime())) expiry = t;
      } else if (directive === "no-feature") skipFeature = true;
      else if (directive === "no-label") skipLabel = true;
      continue;
    }
    if (expiry.getTime() < now.getTime()) continue;
    const [key, value] = splitOnce(line);
    if (skipFeature) delete features[key];
    else put(features, key, value ?? "true");
    if (skipLabel) delete labels[key];
    else put(labels, key, value ?? "true");
    skipFeature = false;
    skipLabel = false;
  }
  return { features, labels };
}
function splitOnce(s) {
  const i = s.indexOf("=");
  return i < 0 ? [s, void 0] : [s.slice(0, i), s.slice(i + 1)];
}
export {
  MAX_FEATURE_FILE_SIZE,
  formatNfdLocal,
  localFeatureLines,
  parseNfdLocal
};
