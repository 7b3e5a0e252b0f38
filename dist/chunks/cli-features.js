import { createRequire as __icCreateRequire } from 'node:module';
const require = __icCreateRequire(import.meta.url);
import {
  InvalidValueError,
  VERSION
} from "./chunk-W3ZOGML6.js";
import {
  ExitCode,
  ImageCompatError,
  InputError,
  LIMITS,
  exitCodeOf,
  formatBytes
} from "./chunk-P4NOGRMT.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-J6WBSD4J.js";

// builtin:fs
var require_fs = __commonJS({
  "builtin:fs"(exports, module) {
    module.exports = __require("node:fs");
  }
});

// src/features/host-root.ts
var import_node_fs2 = __toESM(require_fs(), 1);
import os from "node:os";
import path from "node:path";

// src/io/read.ts
var import_node_fs = __toESM(require_fs(), 1);

// src/io/fs-error.ts
var WORDS = {
  ENOENT: "no such file or folder",
  EISDIR: "is a folder",
  ENOTDIR: "a part of the path is not a folder",
  EEXIST: "exists and is not a folder",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ENOSPC: "no space left on device",
  EIO: "input/output error",
  EROFS: "read-only file system",
  ELOOP: "too many symbolic links",
  ENAMETOOLONG: "name too long",
  EMFILE: "too many open files",
  EINVAL: "invalid argument",
  EBADF: "bad file descriptor",
  ENXIO: "no such device",
  EDQUOT: "disk quota exceeded",
  EFBIG: "file too large"
};
function fsErrorDetail(err) {
  const code = err?.code;
  if (code && WORDS[code]) return `${WORDS[code]} (${code})`;
  if (code) return code;
  return err instanceof Error ? err.message : String(err);
}

// src/io/read.ts
var CHUNK = 1024 * 1024;
var SYNC_CHUNK = 64 * 1024;
var scratch = Buffer.allocUnsafe(SYNC_CHUNK);
function displayName(file) {
  return file === "-" ? "<stdin>" : file;
}
function tooLarge(file, opts) {
  const what = opts.what ? `${opts.what} is ` : "";
  return new InputError(`${what}larger than the ${formatBytes(opts.maxBytes)} limit`, {
    file: displayName(file)
  });
}
function unreadable(file, err, opts) {
  if (err instanceof InputError) return err;
  const what = opts.what ? ` ${opts.what}` : "";
  return new InputError(`cannot read${what}: ${fsErrorDetail(err)}`, { file: displayName(file) });
}
function readBytesSync(file, opts) {
  const chunks = [];
  let size = 0;
  readChunksSync(file, opts, (view) => {
    const got = Buffer.from(view);
    if (opts.text && got.includes(0)) decodeText(Buffer.concat([...chunks, got]), file);
    size += got.byteLength;
    chunks.push(got);
  });
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
}
function readChunksSync(file, opts, each) {
  let fd;
  let size = 0;
  try {
    fd = import_node_fs.default.openSync(file, "r");
    for (; ; ) {
      const n = import_node_fs.default.readSync(fd, scratch, 0, SYNC_CHUNK, null);
      if (n === 0) break;
      size += n;
      if (size > opts.maxBytes) throw tooLarge(file, opts);
      each(scratch.subarray(0, n));
    }
  } catch (err) {
    if (opts.rawErrors && !(err instanceof InputError)) throw err;
    throw unreadable(file, err, opts);
  } finally {
    if (fd !== void 0) import_node_fs.default.closeSync(fd);
  }
}
var utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
function decodeText(buf, file) {
  const nul = buf.indexOf(0);
  if (nul >= 0) throw new InputError("a NUL byte: expected text", positionOfByte(buf, nul, file));
  try {
    return utf8.decode(buf);
  } catch {
    const bad = firstInvalidUtf8(buf);
    throw new InputError("invalid UTF-8: expected text", positionOfByte(buf, bad, file));
  }
}
function gunzipCapped(buf, file, maxBytes = LIMITS.decompressed) {
  try {
    return process.getBuiltinModule("node:zlib").gunzipSync(buf, { maxOutputLength: maxBytes });
  } catch (err) {
    if (err.code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError) {
      throw new InputError(`decompressed size is larger than the ${formatBytes(maxBytes)} limit`, { file });
    }
    throw new InputError(`cannot decompress: ${err.message}`, { file });
  }
}
function positionOfByte(buf, offset, file) {
  let line = 1;
  let start = 0;
  for (let i = buf.indexOf(10); i >= 0 && i < offset; i = buf.indexOf(10, i + 1)) {
    line++;
    start = i + 1;
  }
  let column = 1;
  for (let i = start; i < offset; i++) if ((buf[i] & 192) !== 128) column++;
  return { file: displayName(file), line, column };
}
function firstInvalidUtf8(buf) {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    const len = b < 128 ? 1 : b >= 194 && b < 224 ? 2 : b >= 224 && b < 240 ? 3 : b >= 240 && b < 245 ? 4 : 0;
    if (len === 0 || i + len > buf.length) return i;
    if (len > 1 && !isUtf8(buf.subarray(i, i + len))) return i;
    i += len;
  }
  return buf.length;
}
function isUtf8(seq) {
  try {
    utf8.decode(seq);
    return true;
  } catch {
    return false;
  }
}

// src/features/host-root.ts
var nodeHostFs = {
  // Bounded: a host file that never ends (a device, a loop of links) stops at the cap.
  readFileSync: (p) => readBytesSync(p, { maxBytes: LIMITS.hostFile, rawErrors: true }),
  readdirSync: (p) => import_node_fs2.default.readdirSync(p),
  readlinkSync: (p) => import_node_fs2.default.readlinkSync(p),
  statSync: (p) => import_node_fs2.default.statSync(p),
  readChunksSync: (p, each) => readChunksSync(p, { maxBytes: LIMITS.hostFile, rawErrors: true }, each)
};
var HostRoot = class {
  constructor(dir = "", fs3 = nodeHostFs) {
    this.dir = dir;
    this.fs = fs3;
  }
  dir;
  fs;
  unavailable = [];
  /** True when reading a mounted host or a fixture tree rather than this machine. */
  get isSet() {
    return this.dir !== "";
  }
  /** The real path of a host path such as `/proc/modules`. */
  path(hostPath) {
    return this.dir ? path.join(this.dir, hostPath) : hostPath;
  }
  readText(hostPath) {
    return this.readBytes(hostPath).toString("utf8");
  }
  readBytes(hostPath) {
    try {
      return this.fs.readFileSync(this.path(this.isSet ? this.resolveLink(hostPath) : hostPath));
    } catch (err) {
      throw withHostPath(err, hostPath);
    }
  }
  /** readBytes piece by piece (for a large file searched, not kept); the same paths and errors. */
  readChunks(hostPath, each) {
    try {
      const p = this.path(this.isSet ? this.resolveLink(hostPath) : hostPath);
      if (this.fs.readChunksSync) this.fs.readChunksSync(p, each);
      else each(this.fs.readFileSync(p));
    } catch (err) {
      throw withHostPath(err, hostPath);
    }
  }
  /** A sysfs attribute: trimmed text, or undefined when it cannot be read. */
  readAttr(hostPath) {
    try {
      return this.readText(hostPath).trim();
    } catch {
      return void 0;
    }
  }
  /** Directory entries, sorted as Go's os.ReadDir sorts them (by name). */
  list(hostPath) {
    return this.fs.readdirSync(this.path(hostPath)).filter((n) => !n.startsWith(".")).sort();
  }
  /** The last component of a link's target (a driver name, a device address), or undefined. */
  linkName(hostPath) {
    try {
      return path.basename(this.fs.readlinkSync(this.path(hostPath)));
    } catch {
      return void 0;
    }
  }
  /**
   * Follow a final symbolic link inside the host root: an absolute target such as
   * `/lib64/libc-2.28.so` means the host's file, not this container's.
   */
  resolveLink(hostPath) {
    let p = hostPath;
    for (let i = 0; i < 40; i++) {
      let target;
      try {
        target = this.fs.readlinkSync(this.path(p));
      } catch {
        return p;
      }
      p = path.posix.isAbsolute(target) ? target : path.posix.join(path.posix.dirname(p), target);
    }
    return p;
  }
  /** stat() following links: false for missing paths and dangling links. */
  exists(hostPath) {
    try {
      this.fs.statSync(this.path(hostPath));
      return true;
    } catch {
      return false;
    }
  }
  isDir(hostPath) {
    try {
      return this.fs.statSync(this.path(hostPath)).isDirectory();
    } catch {
      return false;
    }
  }
  /** The host name: the mounted host's /etc/hostname, else this machine's. */
  hostname() {
    if (this.isSet) {
      const name = this.readAttr("/etc/hostname")?.split("\n")[0]?.trim() || this.readAttr("/proc/sys/kernel/hostname");
      if (name) return name;
      return "unknown";
    }
    return os.hostname();
  }
  /** Record a source that could not be read; its feature stays absent. */
  markUnavailable(source, reason) {
    this.unavailable.push({ source, reason: typeof reason === "string" ? reason : describeError(reason) });
  }
  /** Turn an error on a real path back into a message naming the host path. */
  describe(err) {
    return describeError(err, this.dir);
  }
};
var CODES = {
  ENOENT: "not found",
  ENOTDIR: "not a directory",
  EISDIR: "is a directory, not a file",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EINVAL: "invalid argument",
  ELOOP: "too many levels of symbolic links",
  EIO: "input/output error"
};
function withHostPath(err, hostPath) {
  if (err && typeof err === "object" && typeof err.code === "string") {
    err.hostPath = hostPath;
  }
  return err;
}
function describeError(err, rootDir = "") {
  const e = err;
  if (e && typeof e === "object" && typeof e.code === "string") {
    let where = e.hostPath ?? e.path ?? "";
    if (rootDir && where.startsWith(rootDir)) where = where.slice(rootDir.length) || "/";
    const what = CODES[e.code] ?? e.code;
    return `cannot read ${where || "path"}: ${what} (${e.code})`;
  }
  return err instanceof Error ? err.message : String(err);
}
function resolveHostRoot(flag, env = process.env) {
  const raw = flag ?? env.IMAGE_COMPAT_HOST_ROOT ?? "";
  if (raw === "") return "";
  const dir = path.resolve(raw);
  if (dir === "/") return "";
  let st;
  try {
    st = import_node_fs2.default.statSync(dir);
  } catch {
    throw new InputError(
      `host root ${raw} does not exist`,
      {},
      "give the directory where the host root is mounted"
    );
  }
  if (!st.isDirectory()) throw new InputError(`host root ${raw} is not a directory`);
  return dir;
}

// src/features/feature-set.ts
function flagSet(names) {
  const elements = {};
  for (const n of names) elements[n] = {};
  return { elements };
}
function attributeSet(values) {
  return { elements: { ...values } };
}
function instanceSet(items) {
  return { elements: items.map((attributes) => ({ attributes })) };
}
function mergeFeatures(parts) {
  const out = { flags: {}, attributes: {}, instances: {} };
  for (const p of parts) {
    for (const [k, v] of Object.entries(p.flags ?? {})) out.flags[k] ??= v;
    for (const [k, v] of Object.entries(p.attributes ?? {})) out.attributes[k] ??= v;
    for (const [k, v] of Object.entries(p.instances ?? {})) out.instances[k] ??= v;
  }
  return out;
}
function sortFeatures(f) {
  const sortKeys = (o) => {
    const sorted = {};
    for (const k of Object.keys(o).sort()) sorted[k] = o[k];
    return sorted;
  };
  const out = { flags: {}, attributes: {}, instances: {} };
  for (const [k, v] of Object.entries(sortKeys(f.flags ?? {})))
    out.flags[k] = { elements: sortKeys(v.elements) };
  for (const [k, v] of Object.entries(sortKeys(f.attributes ?? {})))
    out.attributes[k] = { elements: sortKeys(v.elements) };
  for (const [k, v] of Object.entries(sortKeys(f.instances ?? {})))
    out.instances[k] = { elements: v.elements.map((i) => ({ attributes: sortKeys(i.attributes) })) };
  return out;
}
function prefix(domain, f) {
  const q = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [`${domain}.${k}`, v]));
  return { flags: q(f.flags), attributes: q(f.attributes), instances: q(f.instances) };
}
function newFeatures() {
  return { flags: {}, attributes: {}, instances: {} };
}

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
function collect(root) {
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

// src/features/kernel.ts
function parseKernelVersion(raw) {
  const full = raw.replace(/[^-A-Za-z0-9_.]/g, "_").replace(/^[-_.]+|[-_.]+$/g, "");
  const out = { full };
  const m = /^(\d+)(\.(\d+))?(\.(\d+))?(-.*)?$/.exec(full);
  if (m) {
    out.major = m[1] ?? "";
    out.minor = m[3] ?? "";
    out.revision = m[5] ?? "";
  }
  return out;
}
function kconfigPaths(release) {
  if (release === void 0) return ["/proc/config.gz", "/usr/src/linux/.config"];
  const r = release;
  return [
    "/proc/config.gz",
    `/usr/src/linux-${r}/.config`,
    `/usr/src/linux-rt-${r}/.config`,
    "/usr/src/linux/.config",
    `/usr/lib/modules/${r}/config`,
    `/usr/lib/ostree-boot/config-${r}`,
    `/usr/lib/kernel/config-${r}`,
    `/usr/src/linux-headers-${r}/.config`,
    `/lib/modules/${r}/build/.config`,
    `/usr/src/linux-rt-headers-${r}/.config`,
    `/boot/config-${r}`
  ];
}
var QUOTE = 34;
function parseKconfig(text) {
  const out = {};
  for (const line of text.split("\n")) {
    if (!line.startsWith("CONFIG_")) continue;
    const eq = line.indexOf("=");
    if (eq < 0) continue;
    const value = line.slice(eq + 1);
    out[line.slice(7, eq)] = value.charCodeAt(0) === QUOTE || value.charCodeAt(value.length - 1) === QUOTE ? value.replace(/^"+|"+$/g, "") : value;
  }
  return out;
}
function readKconfig(root, release) {
  const tried = [];
  for (const p of kconfigPaths(release)) {
    try {
      const raw = root.readBytes(p);
      return parseKconfig((p.endsWith(".gz") ? gunzipCapped(raw, p) : raw).toString("utf8"));
    } catch (err) {
      tried.push(err instanceof InputError ? `${p}: ${err.detail}` : p);
    }
  }
  root.markUnavailable("kernel.config", `no readable kernel config (tried ${tried.join(", ")})`);
  return void 0;
}
function loadedModules(root) {
  try {
    return root.readText("/proc/modules").split("\n").filter((l) => l.length > 0).map((l) => l.split(/\s+/)[0]).filter((m) => m.length > 0);
  } catch (err) {
    root.markUnavailable("kernel.loadedmodule", root.describe(err));
    return void 0;
  }
}
function builtinModules(root, release) {
  if (release === void 0) {
    root.markUnavailable("kernel.enabledmodule", "kernel release unknown");
    return void 0;
  }
  try {
    return root.readText(`/lib/modules/${release}/modules.builtin`).split("\n").map((l) => l.trim()).filter((l) => l.endsWith(".ko")).map((l) => l.slice(l.lastIndexOf("/") + 1, -3));
  } catch (err) {
    root.markUnavailable("kernel.enabledmodule", root.describe(err));
    return void 0;
  }
}
function selinux(root) {
  if (!root.exists("/sys/fs")) {
    root.markUnavailable("kernel.selinux", "cannot read /sys/fs: not found (ENOENT)");
    return void 0;
  }
  if (!root.exists("/sys/fs/selinux")) return "false";
  try {
    return String(root.readText("/sys/fs/selinux/enforce").startsWith("1"));
  } catch (err) {
    root.markUnavailable("kernel.selinux", root.describe(err));
    return void 0;
  }
}
function collect2(root) {
  const f = newFeatures();
  let release;
  try {
    release = root.readText("/proc/sys/kernel/osrelease").trim();
    f.attributes["version"] = attributeSet(parseKernelVersion(release));
  } catch (err) {
    root.markUnavailable("kernel.version", root.describe(err));
  }
  const kconfig = readKconfig(root, release);
  if (kconfig) f.attributes["config"] = { elements: kconfig };
  const loaded = loadedModules(root);
  if (loaded) f.flags["loadedmodule"] = flagSet(loaded);
  const builtin = builtinModules(root, release);
  if (builtin) f.flags["enabledmodule"] = flagSet([...loaded ?? [], ...builtin]);
  const se = selinux(root);
  if (se !== void 0) f.attributes["selinux"] = attributeSet({ enabled: se });
  f.attributes["kvm"] = attributeSet({ enabled: String(root.exists("/sys/devices/virtual/misc/kvm")) });
  return prefix("kernel", f);
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
async function queryNvidiaSmi(run2, timeoutMs) {
  let lastReason = "";
  for (const withCc of [true, false]) {
    const fields = withCc ? [...SMI_FIELDS, "compute_cap"] : SMI_FIELDS;
    const r = await run2("nvidia-smi", [`--query-gpu=${fields.join(",")}`, "--format=csv,noheader,nounits"], {
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
async function collectHostFeatures(opts = {}) {
  const root = new HostRoot(opts.hostRoot ?? "", opts.fs);
  const run2 = opts.runProgram ?? (root.isSet ? void 0 : runProgram);
  const parts = [];
  const guard = async (source, f) => {
    try {
      parts.push(await f());
    } catch (err) {
      root.markUnavailable(source, `collector failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  await guard("cpu", () => collect(root));
  await guard("kernel", () => collect2(root));
  await guard("memory", () => collect6(root));
  await guard("network", () => collect5(root));
  await guard("pci", () => collect3(root));
  await guard("storage", () => collect7(root));
  await guard("system", () => collect8(root));
  await guard("usb", () => collect4(root));
  await guard("gpu", () => collect9(root, { runProgram: run2, timeoutMs: opts.programTimeoutMs }));
  await guard("rdma", () => collect10(root));
  return {
    features: sortFeatures(mergeFeatures(parts)),
    unavailable: root.unavailable,
    hostname: root.hostname()
  };
}

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

// src/commands/features.ts
async function runFeatures(opts = {}) {
  const hostRoot = resolveHostRoot(opts.hostRoot, opts.env ?? process.env);
  const host = await collectHostFeatures({ hostRoot, runProgram: opts.runProgram });
  return { host, nodeFeature: toNodeFeature(host) };
}

// src/io/duration.ts
var UNITS = { s: 1e3, m: 6e4, h: 36e5, d: 864e5, w: 6048e5 };
function parseDuration(text, name = "duration") {
  const parts = [...text.trim().matchAll(/(\d+)\s*([smhdw])/gi)];
  const joined = parts.map((p) => p[0].replace(/\s+/g, "")).join("");
  if (parts.length === 0 || joined !== text.trim().replace(/\s+/g, "")) {
    throw new InputError(`${name} ${JSON.stringify(text)}: expected a duration such as 30d, 12h, 90m or 2w`);
  }
  return parts.reduce((ms, p) => ms + Number(p[1]) * UNITS[p[2].toLowerCase()], 0);
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
  const os2 = attr("system.osrelease");
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
    os: os2.PRETTY_NAME ?? ([os2.ID, os2.VERSION_ID].filter(Boolean).join(" ") || void 0),
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

// src/cli/features.ts
function parseExpiry(value, now = /* @__PURE__ */ new Date()) {
  try {
    return new Date(now.getTime() + parseDuration(value));
  } catch {
  }
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value.trim())) {
    const t = new Date(value.trim());
    if (!Number.isNaN(t.getTime())) return t;
  }
  throw new InvalidValueError("expected a duration (90m, 2h, 7d) or an RFC 3339 time (2027-01-01T00:00:00Z)");
}
var featuresCommand = {
  name: "features",
  description: "Collect this host's features (NFD's feature sources plus GPUs and RDMA) as a NodeFeature object.",
  options: [
    {
      flags: "--host-root <dir>",
      description: "read the host mounted at DIR (DIR/proc, DIR/sys, DIR/etc, ...) instead of this machine; also IMAGE_COMPAT_HOST_ROOT"
    },
    {
      flags: "--output <format>",
      description: "json or yaml (a NodeFeature object), table (a hardware summary), or nfd-local (the GPU and RDMA features as an NFD features.d file)",
      choices: ["json", "yaml", "table", "nfd-local"],
      default: "json"
    },
    {
      flags: "--expiry <when>",
      description: "with nfd-local: nfd-worker ignores the lines after this (a duration from now: 90m, 2h, 7d; or an RFC 3339 time)",
      parse: (v) => parseExpiry(v)
    }
  ],
  after: "\nIn a container: docker run -v /:/host:ro IMAGE image-compat features --host-root /host\nSources that cannot be read are listed in the annotation image-compat.dev/unavailable-sources.\nnfd-local: write it to /etc/kubernetes/node-feature-discovery/features.d/image-compat on each node (docs/kubernetes.md).",
  action: async (opts) => {
    if (opts.expiry && opts.output !== "nfd-local")
      throw new InputError("--expiry is for --output nfd-local");
    const { host, nodeFeature } = await runFeatures({ hostRoot: opts.hostRoot });
    let out;
    if (opts.output === "nfd-local") {
      const { formatNfdLocal } = await import("./nfd-local-ZQRZXLUI.js");
      out = formatNfdLocal(host.features, opts.expiry ? { expiry: opts.expiry } : {});
    } else if (opts.output === "table") {
      out = formatHardwareTable(summarizeHardware(host.features, host.hostname, host.unavailable));
    } else if (opts.output === "yaml") {
      const { stringify } = (await import("./browser-X6U73B4W.js")).default;
      out = stringify(nodeFeature);
    } else {
      out = JSON.stringify(nodeFeature, null, 2) + "\n";
    }
    process.stdout.write(out);
  }
};

// src/io/workflow-command.ts
var BREAK = "\u200B";
function neutraliseText(text) {
  if (!text.includes("::")) return text;
  return text.replace(/(^|[\r\n])([ \t]*):(?=:)/g, `$1$2:${BREAK}`);
}

// src/cli/argv.ts
function keyOf(long) {
  return long.slice(2).split("-").reduce((key, word) => key + word[0].toUpperCase() + word.slice(1));
}
var FLAGS = /^(?:(-[A-Za-z]), )?(--[a-z][a-z0-9]*(?:-[a-z0-9]+)*)(?: (<[^<>]+>|\[[^[\]]+\]))?$/;
function flagsOf(definition) {
  const byName = /* @__PURE__ */ new Map();
  for (const option of definition.options) {
    const m = FLAGS.exec(option.flags);
    if (!m || m[2].startsWith("--no-")) return void 0;
    const value = m[3];
    const plain = value === void 0 || value.startsWith("<") && !value.endsWith("...>");
    const flag = { key: keyOf(m[2]), takesValue: value !== void 0, plain, option };
    byName.set(m[2], flag);
    if (m[1]) byName.set(m[1], flag);
  }
  return byName;
}
var plainValue = (value) => value !== void 0 && value !== "" && (value === "-" || !value.startsWith("-"));
function parseArguments(definition, args) {
  const byName = flagsOf(definition);
  if (!byName) return void 0;
  const flags = {};
  const given = /* @__PURE__ */ new Set();
  const operands = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "" || arg === "-") return void 0;
    if (!arg.startsWith("-")) {
      operands.push(arg);
      continue;
    }
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const name = eq < 0 ? arg : arg.slice(0, eq);
    const flag = byName.get(name);
    if (!flag || !flag.plain || given.has(flag.key)) return void 0;
    given.add(flag.key);
    if (!flag.takesValue) {
      if (eq >= 0) return void 0;
      flags[flag.key] = true;
      continue;
    }
    const value = eq < 0 ? args[++i] : arg.slice(eq + 1);
    if (!plainValue(value)) return void 0;
    const { choices, parse } = flag.option;
    if (choices && !choices.includes(value)) return void 0;
    if (parse) {
      try {
        flags[flag.key] = parse(value);
      } catch {
        return void 0;
      }
    } else {
      flags[flag.key] = value;
    }
  }
  for (const { key, option } of byName.values()) {
    if (given.has(key)) continue;
    if (option.required && option.default === void 0) return void 0;
    if (option.default !== void 0) flags[key] = option.default;
  }
  const positional = operandsOf(definition, operands);
  return positional && { flags, args: positional };
}
function operandsOf(definition, operands) {
  const declared = definition.arguments ?? [];
  const args = [];
  let next = 0;
  for (const argument of declared) {
    const m = /^\[([^\]]+?)(\.\.\.)?\]$/.exec(argument.name);
    if (!m) return void 0;
    if (m[2]) {
      const rest = operands.slice(next);
      next = operands.length;
      args.push(rest.length ? rest : argument.default === void 0 ? [] : argument.default);
    } else {
      args.push(next < operands.length ? operands[next++] : argument.default);
    }
  }
  return next === operands.length ? args : void 0;
}

// src/cli/version-flag.ts
var VERSION_FLAGS = /* @__PURE__ */ new Set(["-V", "--version"]);
function answerVersion(argv) {
  if (argv.length !== 3 || !VERSION_FLAGS.has(argv[2])) return false;
  process.stdout.write(`${VERSION}
`);
  return true;
}

// src/settings.ts
var SETTINGS = [
  "plain-http",
  "ca-file",
  "insecure",
  "username",
  "password",
  "github-token",
  "retries",
  "timeout",
  "image",
  "platform",
  "manifest",
  "tags",
  "compatibility",
  "spec",
  "config",
  "features",
  "host-root",
  "report",
  "save-features",
  "attest",
  "strict",
  "name",
  "label-prefix",
  "runner-labels",
  "out-dir",
  "signing-key",
  "signing-key-env",
  "public-key",
  "require-signature",
  "certificate-identity",
  "certificate-identity-regexp",
  "certificate-oidc-issuer",
  "trusted-root",
  "base-ref",
  "base-config",
  "base-image",
  "event",
  "fleet",
  "fleet-image"
];
var KNOWN = new Set(SETTINGS);
function inWords(message, words) {
  return message.replace(
    /`([a-z][a-z-]*)`/g,
    (whole, name) => KNOWN.has(name) ? words(name) : whole
  );
}

// src/cli/words.ts
var FLAGS2 = {
  password: "--password-stdin (or IMAGE_COMPAT_PASSWORD)",
  "github-token": "GITHUB_TOKEN",
  "signing-key": "--key",
  "signing-key-env": "--key-env",
  "public-key": "--key",
  // The sources of a spec, as the help writes them: "give exactly one of --spec FILE, ...".
  spec: "--spec FILE",
  config: "--config FILE",
  image: "--image REF"
};
function cliWord(name) {
  return FLAGS2[name] ?? `--${name}`;
}
function inCliWords(message) {
  return inWords(message, cliWord);
}

// src/cli/run.ts
async function commandsFor(commands, first) {
  if (first !== void 0 && Object.hasOwn(commands, first)) return [await commands[first]()];
  if (first !== void 0 && VERSION_FLAGS.has(first)) return [];
  return Promise.all(Object.values(commands).map((load) => load()));
}
async function run(commands, argv) {
  if (answerVersion(argv)) return ExitCode.ok;
  const name = argv[2];
  if (name !== void 0 && Object.hasOwn(commands, name)) {
    const [definition] = await commandsFor(commands, name);
    const parsed = parseArguments(definition, argv.slice(3));
    if (parsed) {
      await definition.action(parsed.flags, ...parsed.args);
      return Number(process.exitCode ?? ExitCode.ok);
    }
  }
  const [{ runProgram: runProgram2 }, definitions] = await Promise.all([
    import("./program-JLE5DMF7.js"),
    commandsFor(commands, name)
  ]);
  return runProgram2(argv, definitions);
}
async function main(commands, argv) {
  try {
    return await run(commands, argv);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(neutraliseText(`image-compat: ${message}
`));
    if (!(err instanceof ImageCompatError) && process.env.IMAGE_COMPAT_DEBUG && err instanceof Error) {
      process.stderr.write(`${err.stack}
`);
    }
    return exitCodeOf(err);
  }
}
async function runCli(commands) {
  const writeStderr = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk, ...rest) => writeStderr(
    typeof chunk === "string" ? inCliWords(chunk) : chunk,
    ...rest
  ));
  process.stdout.on("error", (err) => {
    if (err.code === "EPIPE") process.exit(process.exitCode ?? ExitCode.ok);
    throw err;
  });
  process.exitCode = await main(commands, process.argv);
}

// src/cli-features.ts
await runCli({ features: async () => featuresCommand });
