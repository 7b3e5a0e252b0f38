import {
  HostRoot
} from "./chunk-IZMZ3V3G.js";
import {
  attributeSet,
  collect,
  flagSet,
  instanceSet,
  mergeFeatures,
  newFeatures,
  prefix,
  sortFeatures
} from "./chunk-JRYNVW2E.js";

// src/features/program.ts
function makeProgramRunner(env = process.env) {
  return (file, args, { timeoutMs }) => new Promise((resolve) => {
    process.getBuiltinModule("node:child_process").execFile(
      file,
      args,
      { env, timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024, encoding: "utf8", killSignal: "SIGKILL" },
      (err, stdout, stderr) => {
        if (!err) return resolve({ code: 0, stdout, stderr });
        const e = err;
        const timedOut = e.killed === true && typeof e.code !== "number";
        if (typeof e.code === "number") {
          return resolve({ code: e.code, stdout, stderr });
        }
        resolve({
          code: null,
          stdout,
          stderr,
          error: {
            code: typeof e.code === "string" ? e.code : void 0,
            message: timedOut ? `timed out after ${timeoutMs} ms` : e.message,
            timedOut
          }
        });
      }
    );
  });
}
var runProgram = makeProgramRunner();

// src/features/cpuid-names.ts
var X86_FLAG_NAMES = {
  "3dnow": "AMD3DNOW",
  "3dnowext": "AMD3DNOWEXT",
  abm: "LZCNT",
  adx: "ADX",
  aes: "AESNI",
  amx_bf16: "AMXBF16",
  amx_complex: "AMXCOMPLEX",
  amx_fp16: "AMXFP16",
  amx_int8: "AMXINT8",
  amx_tile: "AMXTILE",
  arch_capabilities: "IA32_ARCH_CAP",
  avx: "AVX",
  avx2: "AVX2",
  avx512_bf16: "AVX512BF16",
  avx512_bitalg: "AVX512BITALG",
  avx512_fp16: "AVX512FP16",
  avx512_vbmi2: "AVX512VBMI2",
  avx512_vnni: "AVX512VNNI",
  avx512_vp2intersect: "AVX512VP2INTERSECT",
  avx512_vpopcntdq: "AVX512VPOPCNTDQ",
  avx512bw: "AVX512BW",
  avx512cd: "AVX512CD",
  avx512dq: "AVX512DQ",
  avx512er: "AVX512ER",
  avx512f: "AVX512F",
  avx512ifma: "AVX512IFMA",
  avx512pf: "AVX512PF",
  avx512vbmi: "AVX512VBMI",
  avx512vl: "AVX512VL",
  avx_ifma: "AVXIFMA",
  avx_ne_convert: "AVXNECONVERT",
  avx_vnni: "AVXVNNI",
  avx_vnni_int16: "AVXVNNIINT16",
  avx_vnni_int8: "AVXVNNIINT8",
  bmi1: "BMI1",
  bmi2: "BMI2",
  cldemote: "CLDEMOTE",
  clzero: "CLZERO",
  cmov: "CMOV",
  cmpccxadd: "CMPCCXADD",
  core_capabilities: "IA32_CORE_CAP",
  cpb: "CPBOOST",
  cppc: "CPPC",
  cx16: "CX16",
  cx8: "CMPXCHG8",
  decodeassists: "SVMDA",
  enqcmd: "ENQCMD",
  erms: "ERMS",
  f16c: "F16C",
  flush_l1d: "FLUSH_L1D",
  flushbyasid: "SVMFBASID",
  fma: "FMA3",
  fma4: "FMA4",
  fpu: "X87",
  fsrm: "FSRM",
  fxsr: "FXSR",
  fxsr_opt: "FXSROPT",
  gfni: "GFNI",
  hle: "HLE",
  ht: "HTT",
  hybrid_cpu: "HYBRID_CPU",
  hypervisor: "HYPERVISOR",
  ibpb: "IBPB",
  ibrs: "IBRS",
  ibs: "IBS",
  lahf_lm: "LAHF",
  lam: "LAM",
  lbrv: "LBRVIRT",
  mcommit: "MCOMMIT",
  md_clear: "MD_CLEAR",
  mmx: "MMX",
  mmxext: "MMXEXT",
  movbe: "MOVBE",
  movdir64b: "MOVDIR64B",
  movdiri: "MOVDIRI",
  mpx: "MPX",
  nrip_save: "NRIPS",
  npt: "SVMNP",
  nx: "NX",
  overflow_recov: "MCAOVERFLOW",
  pausefilter: "SVMPF",
  pclmulqdq: "CLMUL",
  pconfig: "PCONFIG",
  pfthreshold: "SVMPFT",
  pni: "SSE3",
  popcnt: "POPCNT",
  ppin: "PPIN",
  prefetchi: "PREFETCHI",
  rdpru: "RDPRU",
  rdrand: "RDRAND",
  rdseed: "RDSEED",
  rdtscp: "RDTSCP",
  rtm: "RTM",
  serialize: "SERIALIZE",
  sev: "SEV",
  sev_es: "SEV_ES",
  sev_snp: "SEV_SNP",
  sgx: "SGX",
  sgx_lc: "SGXLC",
  sha_ni: "SHA",
  sme: "SME",
  sse: "SSE",
  sse2: "SSE2",
  sse4_1: "SSE4",
  sse4_2: "SSE42",
  sse4a: "SSE4A",
  ssse3: "SSSE3",
  stibp: "STIBP",
  succor: "SUCCOR",
  svm: "SVM",
  syscall: "SYSCALL",
  sep: "SYSEE",
  tbm: "TBM",
  tdx_guest: "TDX_GUEST",
  tme: "TME",
  topoext: "TOPEXT",
  tsc_scale: "TSCRATEMSR",
  tsxldtrk: "TSXLDTRK",
  vaes: "VAES",
  vmcb_clean: "VMCBCLEAN",
  vmx: "VMX",
  vpclmulqdq: "VPCLMULQDQ",
  waitpkg: "WAITPKG",
  wbnoinvd: "WBNOINVD",
  wrmsrns: "WRMSRNS",
  xgetbv1: "XGETBV1",
  xop: "XOP",
  xsave: "XSAVE",
  xsavec: "XSAVEC",
  xsaveopt: "XSAVEOPT",
  xsaves: "XSAVES"
};
var X86_IMPLIED = {
  xsave: ["OSXSAVE"]
};
var X86_64_LEVELS = [
  ["CMOV", "CMPXCHG8", "X87", "FXSR", "MMX", "SYSCALL", "SSE", "SSE2"],
  ["CX16", "LAHF", "POPCNT", "SSE3", "SSE4", "SSE42", "SSSE3"],
  ["AVX", "AVX2", "BMI1", "BMI2", "F16C", "FMA3", "LZCNT", "MOVBE", "OSXSAVE"],
  ["AVX512F", "AVX512BW", "AVX512CD", "AVX512DQ", "AVX512VL"]
];
var ARM64_FLAG_NAMES = {
  aes: "AESARM",
  asimd: "ASIMD",
  asimddp: "ASIMDDP",
  asimdfhm: "FHM",
  asimdhp: "ASIMDHP",
  asimdrdm: "ASIMDRDM",
  atomics: "ATOMICS",
  cpuid: "ARMCPUID",
  crc32: "CRC32",
  dcpop: "DCPOP",
  evtstrm: "EVTSTRM",
  fcma: "FCMA",
  flagm: "TS",
  fp: "FP",
  fphp: "FPHP",
  jscvt: "JSCVT",
  lrcpc: "LRCPC",
  pacg: "GPA",
  pmull: "PMULL",
  rng: "RNDR",
  sha1: "SHA1",
  sha2: "SHA2",
  sha3: "SHA3",
  sha512: "SHA512",
  sm3: "SM3",
  sm4: "SM4",
  sve: "SVE"
};
var X86_VENDORS = {
  GenuineIntel: "Intel",
  AuthenticAMD: "AMD",
  HygonGenuine: "Hygon",
  CentaurHauls: "VIA",
  GenuineTMx86: "Transmeta",
  TransmetaCPU: "Transmeta",
  "Geode by NSC": "NSC",
  "SiS SiS SiS": "SiS",
  "Genuine  RDC": "RDC"
};
var ARM_IMPLEMENTERS = {
  65: "ARM",
  66: "Broadcom",
  67: "Cavium",
  68: "DEC",
  70: "Fujitsu",
  73: "Infineon",
  77: "Motorola",
  78: "NVIDIA",
  80: "AMCC",
  81: "Qualcomm",
  86: "Marvell",
  105: "Intel"
};

// src/features/cpu.ts
function parseCpuinfo(text) {
  const out = {};
  for (const line of text.split("\n")) {
    if (line.trim() === "") {
      if (Object.keys(out).length > 0 && "processor" in out) break;
      continue;
    }
    const i = line.indexOf(":");
    if (i < 0) continue;
    const key = line.slice(0, i).trim();
    if (!(key in out)) out[key] = line.slice(i + 1).trim();
  }
  return out;
}
function cpuidFlags(info) {
  const names = /* @__PURE__ */ new Set();
  if (info.flags !== void 0) {
    for (const f of info.flags.split(/\s+/)) {
      const n = X86_FLAG_NAMES[f];
      if (n) names.add(n);
      for (const implied of X86_IMPLIED[f] ?? []) names.add(implied);
    }
    if (/\blm\b/.test(info.flags)) {
      for (let level = 0; level < X86_64_LEVELS.length; level++) {
        if (!X86_64_LEVELS[level].every((n) => names.has(n))) break;
        names.add(`X86_64_V${level + 1}`);
      }
    }
  } else if (info.Features !== void 0) {
    for (const f of info.Features.split(/\s+/)) {
      const n = ARM64_FLAG_NAMES[f];
      if (n) names.add(n);
    }
  }
  return [...names].sort();
}
function cpuModel(info) {
  if (info.vendor_id !== void 0) {
    return {
      vendor_id: X86_VENDORS[info.vendor_id] ?? "VendorUnknown",
      family: String(parseInt(info["cpu family"] ?? "0", 10)),
      id: String(parseInt(info.model ?? "0", 10))
    };
  }
  if (info["CPU implementer"] !== void 0) {
    const num = (k) => parseInt(info[k] ?? "0", 0) || 0;
    const family = num("CPU variant") << 4 | 15;
    const id = num("CPU part") << 4 | num("CPU revision");
    return {
      vendor_id: ARM_IMPLEMENTERS[num("CPU implementer")] ?? "VendorUnknown",
      family: String(family),
      id: String(id)
    };
  }
  return void 0;
}
function hypervisor(root, info) {
  const sysinfo = root.readAttr("/proc/sysinfo");
  const control = sysinfo?.match(/Control Program:\s*(.+)/)?.[1]?.trim();
  if (control) return control.replace(/[^-A-Za-z0-9_.]+/g, "_");
  if (!/\bhypervisor\b/.test(info.flags ?? "")) return "none";
  if (root.readAttr("/sys/hypervisor/type") === "xen") return "xenhvm";
  const clocks = root.readAttr("/sys/devices/system/clocksource/clocksource0/available_clocksource") ?? "";
  if (/\bkvm-clock\b/.test(clocks)) return "kvm";
  if (/hyperv_clocksource/.test(clocks)) return "msvm";
  const dmi = `${root.readAttr("/sys/devices/virtual/dmi/id/sys_vendor") ?? ""} ${root.readAttr("/sys/devices/virtual/dmi/id/product_name") ?? ""}`;
  if (/VMware/i.test(dmi)) return "vmware";
  if (/QEMU|KVM/.test(dmi)) return "kvm";
  if (/Microsoft/.test(dmi)) return "msvm";
  if (/Xen/.test(dmi)) return "xenhvm";
  if (/BHYVE/i.test(dmi)) return "bhyve";
  return "unknown";
}
function topology(root) {
  let cpus;
  try {
    cpus = root.list("/sys/bus/cpu/devices");
  } catch (err) {
    root.markUnavailable("cpu.topology", root.describe(err));
    return {};
  }
  let ht = false;
  const sockets = /* @__PURE__ */ new Set();
  for (const cpu of cpus) {
    try {
      const siblings = root.readText(`/sys/bus/cpu/devices/${cpu}/topology/thread_siblings_list`);
      if (/[,-]/.test(siblings)) ht = true;
      sockets.add(root.readText(`/sys/bus/cpu/devices/${cpu}/topology/physical_package_id`).trim());
    } catch (err) {
      root.markUnavailable("cpu.topology", root.describe(err));
      return {};
    }
  }
  return { hardware_multithreading: String(ht), socket_count: String(sockets.size) };
}
function miscCapacity(root, resource) {
  for (const p of ["/sys/fs/cgroup/misc.capacity", "/sys/fs/cgroup/misc/misc.capacity"]) {
    const text = root.readAttr(p);
    if (text === void 0) continue;
    for (const line of text.split("\n")) {
      const [name, value] = line.split(" ");
      if (name?.startsWith(resource) && value && /^\d+$/.test(value)) return value;
    }
    return void 0;
  }
  return void 0;
}
function security(root, flags) {
  const out = {};
  let epc = 0;
  try {
    for (const node of root.list("/sys/devices/system/node")) {
      const bytes = root.readAttr(`/sys/devices/system/node/${node}/x86/sgx_total_bytes`);
      if (bytes && /^\d+$/.test(bytes)) epc += Number(bytes);
    }
  } catch {
  }
  if (epc > 0 && flags.includes("SGX")) {
    out["sgx.enabled"] = "true";
    out["sgx.epc"] = String(epc);
  }
  if (root.readAttr("/sys/module/kvm_intel/parameters/tdx") === "Y") {
    out["tdx.enabled"] = "true";
    const keys = miscCapacity(root, "tdx");
    if (keys !== void 0) out["tdx.total_keys"] = keys;
  }
  if (flags.includes("TDX_GUEST")) out["tdx.protected"] = "true";
  const kvmAmd = (p) => /^[1Y]/.test(root.readAttr(`/sys/module/kvm_amd/parameters/${p}`) ?? "");
  if (kvmAmd("sev")) {
    out["sev.enabled"] = "true";
    const asids = miscCapacity(root, "sev");
    if (asids !== void 0) out["sev.asids"] = asids;
  }
  if (kvmAmd("sev_es")) {
    out["sev.es.enabled"] = "true";
    const ids = miscCapacity(root, "sev_es");
    if (ids !== void 0) out["sev.encrypted_state_ids"] = ids;
  }
  if (kvmAmd("sev_snp")) out["sev.snp.enabled"] = "true";
  return out;
}
function rdt(root, info) {
  const out = {};
  const has = new Set((info.flags ?? "").split(/\s+/));
  if (has.has("cqm") && has.has("cqm_llc")) {
    out.RDTMON = "true";
    if (has.has("cqm_occup_llc")) out.RDTCMT = "true";
    if (has.has("cqm_mbm_total") && has.has("cqm_mbm_local")) out.RDTMBM = "true";
  }
  if (has.has("rdt_a")) {
    if (has.has("cat_l3")) {
      out.RDTL3CA = "true";
      const closids = root.readAttr("/sys/fs/resctrl/info/L3/num_closids");
      if (closids && /^\d+$/.test(closids)) out.RDTL3CA_NUM_CLOSID = closids;
    }
    if (has.has("cat_l2")) out.RDTL2CA = "true";
    if (has.has("mba")) out.RDTMBA = "true";
  }
  return out;
}
function cstate(root) {
  if (!root.exists("/sys/devices/system/cpu")) {
    root.markUnavailable("cpu.cstate", "cannot read /sys/devices/system/cpu: not found (ENOENT)");
    return void 0;
  }
  if (!root.exists("/sys/devices/system/cpu/cpuidle")) return {};
  const driver = root.readAttr("/sys/devices/system/cpu/cpuidle/current_driver");
  if (driver === void 0) {
    root.markUnavailable("cpu.cstate", "cannot read /sys/devices/system/cpu/cpuidle/current_driver");
    return void 0;
  }
  if (driver !== "intel_idle") return {};
  const max = root.readAttr("/sys/module/intel_idle/parameters/max_cstate");
  if (max === void 0 || !/^[-+]?\d+$/.test(max)) {
    root.markUnavailable(
      "cpu.cstate",
      "cannot read an integer from /sys/module/intel_idle/parameters/max_cstate"
    );
    return void 0;
  }
  return { enabled: String(Number(max) > 0) };
}
function pstate(root) {
  const out = {};
  const base = "/sys/devices/system/cpu/intel_pstate";
  const status = root.readAttr(`${base}/status`);
  if (status === void 0 || status === "off") return out;
  out.status = status;
  const noTurbo = root.readAttr(`${base}/no_turbo`);
  if (noTurbo !== void 0) out.turbo = String(noTurbo.startsWith("0"));
  if (status !== "active") return out;
  let policies = [];
  try {
    policies = root.list("/sys/devices/system/cpu/cpufreq");
  } catch {
    return out;
  }
  let scaling = "";
  for (const p of policies) {
    const cpus = root.readAttr(`/sys/devices/system/cpu/cpufreq/${p}/affected_cpus`);
    if (!cpus) continue;
    const governor = root.readAttr(`/sys/devices/system/cpu/cpufreq/${p}/scaling_governor`);
    if (governor === void 0) continue;
    if (scaling !== "" && scaling !== governor) {
      scaling = "";
      break;
    }
    scaling = governor;
  }
  if (scaling) out.scaling_governor = scaling;
  return out;
}
function collect2(root) {
  const features = newFeatures();
  let info;
  try {
    info = parseCpuinfo(root.readText("/proc/cpuinfo"));
  } catch (err) {
    root.markUnavailable("cpu.cpuid", root.describe(err));
    root.markUnavailable("cpu.model", root.describe(err));
    info = {};
  }
  const flags = cpuidFlags(info);
  const model = cpuModel(info);
  if (Object.keys(info).length > 0) {
    features.flags["cpuid"] = flagSet(flags);
    if (model) features.attributes["model"] = attributeSet({ ...model, hypervisor: hypervisor(root, info) });
  }
  features.attributes["topology"] = attributeSet(topology(root));
  features.attributes["security"] = attributeSet(security(root, flags));
  const cs = cstate(root);
  if (cs) features.attributes["cstate"] = attributeSet(cs);
  features.attributes["pstate"] = attributeSet(pstate(root));
  features.attributes["rdt"] = attributeSet(rdt(root, info));
  features.attributes["coprocessor"] = attributeSet({});
  return prefix("cpu", features);
}

// src/features/pci.ts
var MANDATORY = ["class", "vendor", "device", "subsystem_vendor", "subsystem_device"];
var OPTIONAL = ["sriov_totalvfs", "iommu_group/type", "iommu/intel-iommu/version"];
var PCI_DEVICES = "/sys/bus/pci/devices";
function readPciAttr(root, address, attr) {
  let v = root.readText(`${PCI_DEVICES}/${address}/${attr}`);
  v = (v.startsWith("0x") ? v.slice(2) : v).trim();
  if (attr === "class" && v.length > 4) v = v.slice(0, 4);
  return v;
}
function readPciDevice(root, address) {
  const attrs = {};
  for (const a of MANDATORY) {
    try {
      attrs[a] = readPciAttr(root, address, a);
    } catch {
      return void 0;
    }
  }
  for (const a of OPTIONAL) {
    try {
      attrs[a] = readPciAttr(root, address, a);
    } catch {
    }
  }
  return attrs;
}
function listPci(root, source) {
  try {
    return root.list(PCI_DEVICES);
  } catch (err) {
    root.markUnavailable(source, root.describe(err));
    return void 0;
  }
}
function collect3(root) {
  const f = newFeatures();
  const addresses = listPci(root, "pci.device");
  if (!addresses) return f;
  const devices = [];
  const skipped = [];
  for (const address of addresses) {
    const d = readPciDevice(root, address);
    if (d) devices.push(d);
    else skipped.push(address);
  }
  if (skipped.length > 0) {
    root.markUnavailable("pci.device", `skipped devices with unreadable attributes: ${skipped.join(", ")}`);
  }
  f.instances["device"] = instanceSet(devices);
  return prefix("pci", f);
}

// src/features/usb.ts
var FILES = [
  ["class", "bDeviceClass"],
  ["vendor", "idVendor"],
  ["device", "idProduct"],
  ["serial", "serial"]
];
var BASE = "/sys/bus/usb/devices";
function collect4(root) {
  const f = newFeatures();
  let entries;
  try {
    entries = root.list(BASE);
  } catch (err) {
    root.markUnavailable("usb.device", root.describe(err));
    return f;
  }
  const devices = [];
  for (const name of entries) {
    if (!root.exists(`${BASE}/${name}/idProduct`)) continue;
    const attrs = {};
    for (const [key, file] of FILES) {
      const v = root.readAttr(`${BASE}/${name}/${file}`);
      if (v) attrs[key] = v;
    }
    if (attrs.class !== "00") {
      devices.push(attrs);
      continue;
    }
    let subs = [];
    try {
      subs = root.list(`${BASE}/${name}`);
    } catch {
      continue;
    }
    for (const sub of subs) {
      const cls = root.readAttr(`${BASE}/${name}/${sub}/bInterfaceClass`);
      if (cls !== void 0) devices.push({ ...attrs, class: cls });
    }
  }
  f.instances["device"] = instanceSet(devices);
  return prefix("usb", f);
}

// src/features/network.ts
var DEVICE_ATTRS = ["operstate", "speed", "mtu", "device/sriov_numvfs", "device/sriov_totalvfs"];
var VIRTUAL_ATTRS = ["operstate", "speed", "mtu"];
var BASE2 = "/sys/class/net";
function readIface(root, name, files) {
  const attrs = { name };
  for (const file of files) {
    const v = root.readAttr(`${BASE2}/${name}/${file}`);
    if (v !== void 0) attrs[file.slice(file.lastIndexOf("/") + 1)] = v;
  }
  return attrs;
}
function collect5(root) {
  const f = newFeatures();
  let names;
  try {
    names = root.list(BASE2).filter((n) => n !== "bonding_masters");
  } catch (err) {
    root.markUnavailable("network.device", root.describe(err));
    root.markUnavailable("network.virtual", root.describe(err));
    return f;
  }
  const devices = [];
  const virtuals = [];
  for (const name of names) {
    if (root.exists(`${BASE2}/${name}/device`)) devices.push(readIface(root, name, DEVICE_ATTRS));
    else virtuals.push(readIface(root, name, VIRTUAL_ATTRS));
  }
  f.instances["device"] = instanceSet(devices);
  f.instances["virtual"] = instanceSet(virtuals);
  return prefix("network", f);
}

// src/features/memory.ts
function hugepageSize(dirName) {
  const m = /^hugepages-(\d+)kB$/.exec(dirName);
  if (!m) return void 0;
  let n = Number(m[1]);
  const units = ["Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];
  let u = 0;
  while (n > 0 && n % 1024 === 0 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return `${n}${units[u]}`;
}
function numa(root) {
  try {
    const nodes = root.list("/sys/bus/node/devices");
    return { is_numa: String(nodes.length > 1), node_count: String(nodes.length) };
  } catch (err) {
    root.markUnavailable("memory.numa", root.describe(err));
    return void 0;
  }
}
function swap(root) {
  try {
    const lines = root.readText("/proc/swaps").split("\n").filter((l) => l.trim() !== "");
    return { enabled: String(lines.length > 1) };
  } catch (err) {
    root.markUnavailable("memory.swap", root.describe(err));
    return void 0;
  }
}
function hugepages(root) {
  const out = { enabled: "false" };
  const base = "/sys/kernel/mm/hugepages";
  let dirs;
  try {
    dirs = root.list(base);
  } catch (err) {
    if (err.code === "ENOENT") return out;
    root.markUnavailable("memory.hugepages", root.describe(err));
    return void 0;
  }
  for (const d of dirs) {
    if (!root.isDir(`${base}/${d}`)) continue;
    const size = hugepageSize(d);
    if (!size) continue;
    const total = root.readAttr(`${base}/${d}/nr_hugepages`) ?? "";
    out[`hugepages-${size}`] = total;
    if (/^\d+$/.test(total) && Number(total) > 0) out.enabled = "true";
  }
  return out;
}
function nv(root) {
  let devices;
  try {
    devices = root.list("/sys/bus/nd/devices");
  } catch (err) {
    if (err.code === "ENOENT") return [];
    root.markUnavailable("memory.nv", root.describe(err));
    return void 0;
  }
  return devices.map((name) => {
    const attrs = { name };
    for (const a of ["devtype", "mode"]) {
      const v = root.readAttr(`/sys/bus/nd/devices/${name}/${a}`);
      if (v !== void 0) attrs[a] = v;
    }
    return attrs;
  });
}
function collect6(root) {
  const f = newFeatures();
  const n = numa(root);
  if (n) f.attributes["numa"] = attributeSet(n);
  const s = swap(root);
  if (s) f.attributes["swap"] = attributeSet(s);
  const nvs = nv(root);
  if (nvs) f.instances["nv"] = instanceSet(nvs);
  const hp = hugepages(root);
  if (hp) f.attributes["hugepages"] = attributeSet(hp);
  return prefix("memory", f);
}

// src/features/storage.ts
var QUEUE_ATTRS = ["dax", "rotational", "nr_zones", "zoned"];
function collect7(root) {
  const f = newFeatures();
  let names;
  try {
    names = root.list("/sys/block");
  } catch (err) {
    root.markUnavailable("storage.block", root.describe(err));
    return f;
  }
  f.instances["block"] = instanceSet(
    names.map((name) => {
      const attrs = { name };
      for (const a of QUEUE_ATTRS) {
        const v = root.readAttr(`/sys/block/${name}/queue/${a}`);
        if (v !== void 0) attrs[a] = v;
      }
      return attrs;
    })
  );
  return prefix("storage", f);
}

// src/features/system.ts
var DMI_ATTRS = [
  "bios_date",
  "bios_vendor",
  "bios_version",
  "board_asset_tag",
  "board_name",
  "board_vendor",
  "board_version",
  "chassis_asset_tag",
  "chassis_type",
  "chassis_vendor",
  "chassis_version",
  "product_family",
  "product_name",
  "product_sku",
  "product_version",
  "sys_vendor"
];
function parseOsRelease(text) {
  const out = {};
  for (const line of text.split("\n")) {
    const m = /^(\w+)=(.+)/.exec(line);
    if (m) out[m[1]] = m[2].replace(/^["']+|["']+$/g, "");
  }
  const v = out.VERSION_ID;
  const vm = v === void 0 ? null : /^(\d+)(\.(\d+))?(\..*)?$/.exec(v);
  if (vm) {
    out["VERSION_ID.major"] = vm[1];
    if (vm[3]) out["VERSION_ID.minor"] = vm[3];
  }
  return out;
}
var LIBC_PATHS = [
  "/usr/lib64/libc.so.6",
  "/lib/x86_64-linux-gnu/libc.so.6",
  "/lib/libc.so.6",
  "/lib/ld-musl-x86_64.so.1"
];
var NEWLINE = 10;
var GNU = Buffer.from("GNU C Library", "latin1");
var RELEASE = Buffer.from("release version", "latin1");
var MUSL = Buffer.from("musl", "latin1");
var OVERLAP = RELEASE.length - 1;
var LibcScan = class {
  gnu = false;
  musl = false;
  /** From `release version` to the end of its line, as found so far; undefined before it. */
  release;
  releaseDone = false;
  tail = Buffer.alloc(0);
  push(chunk) {
    const joint = Buffer.concat([this.tail, chunk.subarray(0, OVERLAP)]);
    this.gnu ||= chunk.includes(GNU) || joint.includes(GNU);
    if (!this.gnu) this.musl ||= chunk.includes(MUSL) || joint.includes(MUSL);
    let from = 0;
    if (this.release === void 0) {
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
    if (this.release !== void 0 && !this.releaseDone) {
      const nl = chunk.indexOf(NEWLINE, from);
      this.release.push(Buffer.from(chunk.subarray(from, nl < 0 ? chunk.length : nl)));
      this.releaseDone = nl >= 0;
    }
    const kept = Buffer.concat([this.tail, chunk.subarray(Math.max(0, chunk.length - OVERLAP))]);
    this.tail = Buffer.from(kept.subarray(Math.max(0, kept.length - OVERLAP)));
  }
  result() {
    if (this.gnu) {
      let version = "";
      if (this.release) {
        version = Buffer.concat(this.release).toString("latin1").trim().split(/\s+/).pop() ?? "";
        if (version.endsWith(".")) version = version.slice(0, -1);
      }
      return { name: "glibc", version };
    }
    if (this.musl) return { name: "musl", version: "" };
    return { name: "unknown", version: "" };
  }
};
function libc(root, x86) {
  const unknown = { name: "unknown", version: "" };
  if (!x86) return unknown;
  const found = LIBC_PATHS.find((p) => root.exists(root.resolveLink(p)));
  if (!found) return unknown;
  try {
    const scan = new LibcScan();
    root.readChunks(root.resolveLink(found), (chunk) => scan.push(chunk));
    return scan.result();
  } catch (err) {
    root.markUnavailable("system.libc", root.describe(err));
    return void 0;
  }
}
function collect8(root) {
  const f = newFeatures();
  f.attributes["name"] = attributeSet({ nodename: root.hostname() });
  try {
    f.attributes["osrelease"] = attributeSet(parseOsRelease(root.readText("/etc/os-release")));
  } catch (err) {
    root.markUnavailable("system.osrelease", root.describe(err));
  }
  const dmi = {};
  for (const a of DMI_ATTRS) {
    const v = root.readAttr(`/sys/devices/virtual/dmi/id/${a}`);
    if (v !== void 0) dmi[a] = v;
  }
  if (Object.keys(dmi).length > 0) f.attributes["dmiid"] = attributeSet(dmi);
  else root.markUnavailable("system.dmiid", "cannot read /sys/devices/virtual/dmi/id: no DMI attributes");
  const x86 = /^flags\s*:/m.test(root.readAttr("/proc/cpuinfo") ?? "");
  const lc = libc(root, x86);
  if (lc) f.attributes["libc"] = attributeSet(lc);
  return prefix("system", f);
}

// src/features/gpu.ts
var GPU_VENDORS = { "10de": "nvidia", "1002": "amd", "8086": "intel" };
function parseNvidiaProcVersion(text) {
  return /Kernel Module(?: for \S+)?\s+(\d+(?:\.\d+)+)/.exec(text)?.[1];
}
function nvidiaDriverVersion(root) {
  const v = root.readAttr("/sys/module/nvidia/version");
  if (v) return v;
  const proc = root.readAttr("/proc/driver/nvidia/version");
  return proc ? parseNvidiaProcVersion(proc) : void 0;
}
function gfxTarget(version) {
  if (!Number.isInteger(version) || version <= 0) return void 0;
  const major = Math.floor(version / 1e4);
  const minor = Math.floor(version / 100) % 100;
  const step = version % 100;
  return `gfx${major}${minor.toString(16)}${step.toString(16)}`;
}
function kfdTargets(root) {
  const out = /* @__PURE__ */ new Map();
  const base = "/sys/class/kfd/kfd/topology/nodes";
  let nodes = [];
  try {
    nodes = root.list(base);
  } catch {
    return out;
  }
  for (const n of nodes) {
    const text = root.readAttr(`${base}/${n}/properties`);
    if (!text) continue;
    const props = {};
    for (const line of text.split("\n")) {
      const [k, v] = line.trim().split(/\s+/);
      if (k && v && /^\d+$/.test(v)) props[k] = Number(v);
    }
    const target = gfxTarget(props.gfx_target_version ?? 0);
    const loc = props.location_id;
    if (!target || loc === void 0) continue;
    const domain = props.domain ?? 0;
    const bus = loc >> 8 & 255;
    const dev = loc >> 3 & 31;
    const fn = loc & 7;
    const hex = (x, w) => x.toString(16).padStart(w, "0");
    out.set(`${hex(domain, 4)}:${hex(bus, 2)}:${hex(dev, 2)}.${fn}`, target);
  }
  return out;
}
var SMI_FIELDS = ["pci.bus_id", "pci.device_id", "name", "driver_version", "memory.total"];
function parseSmiLine(line, withCc) {
  const cols = line.split(",").map((c) => c.trim());
  if (cols.length < SMI_FIELDS.length + (withCc ? 1 : 0)) return void 0;
  const [bus, devId, name, driver, mem, cc] = cols;
  const address = bus.toLowerCase().replace(/^[0-9a-f]{4}([0-9a-f]{4}:)/, "$1");
  const idm = /^0x([0-9a-f]{4})([0-9a-f]{4})$/i.exec(devId);
  const gpu = {
    address,
    model: name,
    driverVersion: driver,
    memoryMib: mem.replace(/\s*MiB$/, "")
  };
  if (idm) gpu.device = idm[1].toLowerCase();
  if (withCc && cc && /^\d+\.\d+$/.test(cc)) gpu.computeCapability = cc;
  return gpu;
}
async function queryNvidiaSmi(run, timeoutMs) {
  let lastReason = "";
  for (const withCc of [true, false]) {
    const fields = withCc ? [...SMI_FIELDS, "compute_cap"] : SMI_FIELDS;
    const r = await run("nvidia-smi", [`--query-gpu=${fields.join(",")}`, "--format=csv,noheader,nounits"], {
      timeoutMs
    });
    if (r.error) {
      if (r.error.code === "ENOENT") return { reason: "nvidia-smi not found on PATH" };
      return { reason: `nvidia-smi: ${r.error.message}` };
    }
    if (r.code === 0) {
      const gpus = r.stdout.split("\n").filter((l) => l.trim() !== "").map((l) => parseSmiLine(l, withCc)).filter((g) => g !== void 0);
      return { gpus };
    }
    lastReason = `nvidia-smi exited ${r.code}: ${(r.stderr || r.stdout).trim().split("\n")[0] ?? ""}`;
    if (!withCc || !/compute_cap/i.test(r.stdout + r.stderr)) break;
  }
  return { reason: lastReason };
}
async function collect9(root, opts = {}) {
  const f = newFeatures();
  const addresses = listPci(root, "gpu.device");
  const gpus = [];
  const byAddress = /* @__PURE__ */ new Map();
  const amdTargets = kfdTargets(root);
  for (const address of addresses ?? []) {
    let cls, vendor, device;
    try {
      cls = readPciAttr(root, address, "class");
      if (!cls.startsWith("03")) continue;
      vendor = readPciAttr(root, address, "vendor");
      if (!(vendor in GPU_VENDORS)) continue;
      device = readPciAttr(root, address, "device");
    } catch {
      continue;
    }
    const g = { vendor, device, class: cls };
    const driver = root.linkName(`${PCI_DEVICES}/${address}/driver`);
    if (driver) g.driver = driver;
    const numa2 = root.readAttr(`${PCI_DEVICES}/${address}/numa_node`);
    if (numa2 && /^\d+$/.test(numa2)) g.numa_node = numa2;
    const gfx = amdTargets.get(address);
    if (gfx) g.gfx_target = gfx;
    gpus.push(g);
    byAddress.set(address, g);
  }
  const nvidia = gpus.filter((g) => g.vendor === "10de");
  const driverVersion = nvidiaDriverVersion(root);
  if (driverVersion) {
    for (const g of nvidia) if (g.driver === "nvidia") g.driver_version = driverVersion;
  }
  if (nvidia.length > 0 || driverVersion) {
    if (!opts.runProgram) {
      root.markUnavailable("gpu.device (nvidia-smi)", "programs are not run against a host root");
    } else {
      const res = await queryNvidiaSmi(opts.runProgram, opts.timeoutMs ?? 1e4);
      if ("reason" in res) {
        root.markUnavailable("gpu.device (nvidia-smi)", res.reason);
      } else {
        for (const s of res.gpus) {
          let g = byAddress.get(s.address);
          if (!g) {
            g = { vendor: "10de", driver: "nvidia" };
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
  if (addresses === void 0 && gpus.length === 0) return f;
  f.instances["device"] = instanceSet(gpus);
  const count = (v) => String(gpus.filter((g) => g.vendor === v).length);
  f.attributes["count"] = attributeSet({
    total: String(gpus.length),
    nvidia: count("10de"),
    amd: count("1002"),
    intel: count("8086")
  });
  return prefix("gpu", f);
}

// src/features/rdma.ts
var BASE3 = "/sys/class/infiniband";
function portState(raw) {
  return raw.replace(/^\d+:\s*/, "").trim();
}
function portRate(raw) {
  return /^([\d.]+)\s*Gb\/sec/.exec(raw.trim())?.[1] ?? raw.trim();
}
function collect10(root) {
  const f = newFeatures();
  let names;
  try {
    names = root.list(BASE3);
  } catch (err) {
    if (err.code === "ENOENT") names = [];
    else {
      root.markUnavailable("rdma.device", root.describe(err));
      return f;
    }
  }
  const devices = names.map((name) => {
    const attrs = { name };
    const vendor = root.readAttr(`${BASE3}/${name}/device/vendor`);
    if (vendor) attrs.vendor = vendor.replace(/^0x/, "");
    let ports = [];
    try {
      ports = root.list(`${BASE3}/${name}/ports`).sort((a, b) => Number(a) - Number(b));
    } catch {
    }
    const port = ports[0];
    if (port !== void 0) {
      const p = `${BASE3}/${name}/ports/${port}`;
      const linkLayer = root.readAttr(`${p}/link_layer`);
      if (linkLayer) attrs.link_layer = linkLayer;
      const state = root.readAttr(`${p}/state`);
      if (state) attrs.state = portState(state);
      const rate = root.readAttr(`${p}/rate`);
      if (rate) attrs.rate = portRate(rate);
    }
    return attrs;
  });
  f.instances["device"] = instanceSet(devices);
  return prefix("rdma", f);
}

// src/features/collect.ts
var SOURCES = [
  "cpu",
  "kernel",
  "memory",
  "network",
  "pci",
  "storage",
  "system",
  "usb",
  "gpu",
  "rdma"
];
async function collectHostFeatures(opts = {}) {
  const root = new HostRoot(opts.hostRoot ?? "", opts.fs);
  const run = opts.runProgram ?? (root.isSet ? void 0 : runProgram);
  const parts = [];
  const guard = async (source, f) => {
    try {
      parts.push(await f());
    } catch (err) {
      root.markUnavailable(source, `collector failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  await guard("cpu", () => collect2(root));
  await guard("kernel", () => collect(root));
  await guard("memory", () => collect6(root));
  await guard("network", () => collect5(root));
  await guard("pci", () => collect3(root));
  await guard("storage", () => collect7(root));
  await guard("system", () => collect8(root));
  await guard("usb", () => collect4(root));
  await guard("gpu", () => collect9(root, { runProgram: run, timeoutMs: opts.programTimeoutMs }));
  await guard("rdma", () => collect10(root));
  return {
    features: sortFeatures(mergeFeatures(parts)),
    unavailable: root.unavailable,
    hostname: root.hostname()
  };
}

export {
  SOURCES,
  collectHostFeatures
};
