import { createRequire as __icCreateRequire } from 'node:module';
const require = __icCreateRequire(import.meta.url);
import {
  parseKernelVersion
} from "./chunk-JRYNVW2E.js";
import {
  CPUID_FLAGS,
  SPEC_VERSION,
  catalogEntry,
  closest,
  expressionProblems,
  formatPath,
  isOwnFeature
} from "./chunk-3JTZG76I.js";
import {
  formatPlatform,
  normalisePlatform,
  platformMatches,
  tryParsePlatform
} from "./chunk-ARJZT3GV.js";
import {
  InputError,
  quote
} from "./chunk-TS22JX7Z.js";

// src/config/context.ts
var MAX_ALTERNATIVES = 16;
var Context = class {
  issues = [];
  /** Notes of the set being compiled (kept only when the set applies to the platform). */
  notes = /* @__PURE__ */ new Set();
  usesVersionType = false;
  error(path, message, hint) {
    this.issues.push({ severity: "error", message, path, hint });
  }
  warn(path, message, hint) {
    this.issues.push({ severity: "warning", message, path, hint });
  }
};
var list = (v) => v === void 0 ? [] : Array.isArray(v) ? v : [v];
var expr = (op, ...value) => value.length ? { op, value } : { op };

// src/config/range.ts
var RangeSyntaxError = class extends Error {
  constructor(message, hint) {
    super(message);
    this.hint = hint;
  }
  hint;
};
var VERSION_RE = /^v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?$/;
function parseVersion(token, whole) {
  if (/[-+]/.test(token.replace(/^v/, ""))) {
    throw new RangeSyntaxError(
      `"${token}" in "${whole}" has a pre-release or build part; NFD drops it when it compares versions`,
      `write ${token.replace(/[-+].*$/, "")}`
    );
  }
  const m = VERSION_RE.exec(token);
  if (!m) {
    if (/^v?\d+(\.\d+){3,}$/.test(token)) {
      throw new RangeSyntaxError(`"${token}" in "${whole}" has more than three components`);
    }
    throw new RangeSyntaxError(
      `"${token}" in "${whole}" is not a version`,
      "write e.g. 5.15, 535.104 or 22.04"
    );
  }
  const parts = [];
  const texts = [];
  for (const c of m.slice(1)) {
    if (c === void 0 || /^[xX*]$/.test(c)) break;
    parts.push(Number(c));
    texts.push(c);
  }
  return parts.length ? { parts, texts } : void 0;
}
function pad(parts) {
  return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0];
}
function bound(v, inclusive) {
  const texts = [...v.texts];
  while (texts.length < 2) texts.push("0");
  return { parts: pad(v.parts), text: texts.join("."), inclusive };
}
function bump(v, at) {
  const parts = v.parts.slice(0, at + 1);
  parts[at] = (parts[at] ?? 0) + 1;
  return { parts, texts: parts.map(String) };
}
function compareParts(a, b) {
  for (let i = 0; i < 3; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
function tighterLo(a, b) {
  if (!a) return b;
  const c = compareParts(a.parts, b.parts);
  if (c !== 0) return c > 0 ? a : b;
  return a.inclusive ? b : a;
}
function tighterHi(a, b) {
  if (!a) return b;
  const c = compareParts(a.parts, b.parts);
  if (c !== 0) return c < 0 ? a : b;
  return a.inclusive ? b : a;
}
function parseRange(input) {
  const whole = String(input).trim();
  if (!whole) throw new RangeSyntaxError("empty version range", 'write e.g. ">=5.15" or "^535"');
  return whole.split("||").map((alt) => parseAlternative(alt.trim(), whole));
}
function parseAlternative(alt, whole) {
  if (!alt) throw new RangeSyntaxError(`empty alternative in "${whole}"`);
  const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(alt);
  const out = {};
  const addLo = (b) => out.lo = tighterLo(out.lo, b);
  const addHi = (b) => out.hi = tighterHi(out.hi, b);
  if (hyphen) {
    const a = parseVersion(hyphen[1], whole);
    const b = parseVersion(hyphen[2], whole);
    if (a) addLo(bound(a, true));
    if (b) addHi(b.parts.length === 3 ? bound(b, true) : bound(bump(b, b.parts.length - 1), false));
  } else {
    const tokens = alt.replace(/(>=|<=|>|<|=|\^|~)\s+/g, "$1").split(/\s+/);
    for (const token of tokens) {
      const m = /^(>=|<=|>|<|=|\^|~>?|)(.*)$/.exec(token);
      const op = m[1];
      if (!m[2]) throw new RangeSyntaxError(`"${token}" in "${whole}" has no version after "${op}"`);
      const v = parseVersion(m[2], whole);
      if (!v) {
        if (op === "<" || op === ">") throw new RangeSyntaxError(`"${token}" in "${whole}" can never match`);
        continue;
      }
      const p = v.parts.length;
      switch (op) {
        case ">=":
          addLo(bound(v, true));
          break;
        case ">":
          addLo(p === 3 ? bound(v, false) : bound(bump(v, p - 1), true));
          break;
        case "<":
          addHi(bound(v, false));
          break;
        case "<=":
          addHi(p === 3 ? bound(v, true) : bound(bump(v, p - 1), false));
          break;
        case "~":
        case "~>":
          addLo(bound(v, true));
          addHi(bound(bump(v, p >= 2 ? 1 : 0), false));
          break;
        case "^": {
          addLo(bound(v, true));
          const [a, b] = v.parts;
          const at = a > 0 || p === 1 ? 0 : b > 0 || p === 2 ? 1 : 2;
          addHi(bound(bump(v, at), false));
          break;
        }
        default:
          addLo(bound(v, true));
          addHi(p === 3 ? bound(v, true) : bound(bump(v, p - 1), false));
      }
    }
  }
  if (out.lo && out.hi) {
    const c = compareParts(out.lo.parts, out.hi.parts);
    if (c > 0 || c === 0 && !(out.lo.inclusive && out.hi.inclusive)) {
      throw new RangeSyntaxError(`"${alt}" can never match: its lower bound is above its upper bound`);
    }
  }
  return out;
}
function versionExpressions(iv) {
  const { lo, hi } = iv;
  const v = (op, ...value) => ({
    op,
    value,
    type: "version"
  });
  if (!lo && !hi) return [{ op: "Exists" }];
  if (lo && !hi) return [v(lo.inclusive ? "Ge" : "Gt", lo.text)];
  if (!lo && hi) return [v(hi.inclusive ? "Le" : "Lt", hi.text)];
  if (lo.inclusive && hi.inclusive) {
    if (compareParts(lo.parts, hi.parts) === 0) return [v("Ge", lo.text), v("Le", hi.text)];
    return [v("GeLe", lo.text, hi.text)];
  }
  if (!lo.inclusive && !hi.inclusive) return [v("GtLt", lo.text, hi.text)];
  return [v(lo.inclusive ? "Ge" : "Gt", lo.text), v(hi.inclusive ? "Le" : "Lt", hi.text)];
}
var MAX_PART = 999999999;
function singleVersionExpression(iv) {
  const exprs = versionExpressions(iv);
  if (exprs.length === 1) return exprs[0];
  const { lo, hi } = iv;
  if (!lo || !hi) return void 0;
  const made = (parts, inclusive) => ({
    parts,
    text: parts.join("."),
    inclusive
  });
  const [a, b, c] = hi.parts;
  const alike = hi.inclusive ? { lo, hi: made([a, b, c + 1], false) } : lo.parts[2] > 0 ? { lo: made([lo.parts[0], lo.parts[1], lo.parts[2] - 1], false), hi } : {
    lo,
    hi: made(c > 0 ? [a, b, c - 1] : b > 0 ? [a, b - 1, MAX_PART] : [a - 1, MAX_PART, MAX_PART], true)
  };
  if (compareParts(alike.lo.parts, alike.hi.parts) >= 0) return void 0;
  const again = versionExpressions(alike);
  return again.length === 1 ? again[0] : void 0;
}
function integerExpression(input, whole = String(input)) {
  let lo;
  let hi;
  const text = String(input).trim();
  if (!text) throw new RangeSyntaxError("empty count", 'write e.g. ">=1" or 2');
  const tokens = text.replace(/(>=|<=|>|<|=)\s+/g, "$1").split(/\s+/);
  const hyphen = /^(\d+)\s+-\s+(\d+)$/.exec(text);
  const setLo = (n) => lo = lo === void 0 ? n : Math.max(lo, n);
  const setHi = (n) => hi = hi === void 0 ? n : Math.min(hi, n);
  if (hyphen) {
    setLo(Number(hyphen[1]));
    setHi(Number(hyphen[2]));
  } else {
    for (const token of tokens) {
      const m = /^(>=|<=|>|<|=|)(\d+)$/.exec(token);
      if (!m) {
        throw new RangeSyntaxError(`"${token}" in "${whole}" is not a count`, 'write e.g. ">=8", "<=4" or 2');
      }
      const n = Number(m[2]);
      if (m[1] === ">=") setLo(n);
      else if (m[1] === ">") setLo(n + 1);
      else if (m[1] === "<=") setHi(n);
      else if (m[1] === "<") setHi(n - 1);
      else {
        setLo(n);
        setHi(n);
      }
    }
  }
  if (lo !== void 0 && hi !== void 0 && lo > hi) {
    throw new RangeSyntaxError(`"${whole}" can never match: its lower bound is above its upper bound`);
  }
  if (hi !== void 0 && hi < 0) throw new RangeSyntaxError(`"${whole}" can never match`);
  if (lo !== void 0 && hi !== void 0) {
    return lo === hi ? { op: "In", value: [String(lo)] } : { op: "GeLe", value: [String(lo), String(hi)] };
  }
  if (lo !== void 0) return { op: "Ge", value: [String(lo)] };
  if (hi !== void 0) return { op: "Le", value: [String(hi)] };
  return { op: "Exists" };
}
function integerExpressions(input) {
  const whole = String(input);
  return whole.split("||").map((alt) => integerExpression(alt, whole));
}

// src/config/vocabulary.ts
var PCI_VENDORS = {
  nvidia: "10de",
  amd: "1002",
  ati: "1002",
  intel: "8086",
  mellanox: "15b3",
  broadcom: "14e4",
  qlogic: "1077",
  marvell: "1d6a",
  chelsio: "1425",
  solarflare: "1924",
  pensando: "1dd8",
  habana: "1da3",
  xilinx: "10ee",
  huawei: "19e5",
  amazon: "1d0f",
  google: "1ae0",
  redhat: "1af4",
  virtio: "1af4"
};
var GPU_VENDORS = {
  nvidia: { pci: "10de", countKey: "nvidia" },
  amd: { pci: "1002", countKey: "amd" },
  intel: { pci: "8086", countKey: "intel" }
};
var GPU_PCI_CLASSES = ["0300", "0302", "0380"];
var PCI_CLASSES = {
  ethernet: "0200",
  infiniband: "0207",
  vga: "0300",
  "3d": "0302",
  display: "0380",
  nvme: "0108",
  accelerator: "1200"
};
var CPU_VENDORS = {
  intel: "Intel",
  genuineintel: "Intel",
  amd: "AMD",
  authenticamd: "AMD",
  hygon: "Hygon",
  hygongenuine: "Hygon",
  arm: "ARM",
  ampere: "Ampere",
  nvidia: "NVIDIA",
  qualcomm: "Qualcomm",
  fujitsu: "Fujitsu",
  cavium: "Cavium",
  marvell: "Marvell",
  broadcom: "Broadcom",
  apple: "Apple",
  via: "VIA",
  centaurhauls: "VIA"
};
var NFD_CPU_VENDOR_IDS = [...new Set(Object.values(CPU_VENDORS))].sort();
var X86_64_LEVEL_FLAGS = {
  v2: ["CX16", "LAHF", "POPCNT", "SSE3", "SSE4", "SSE42", "SSSE3"],
  v3: ["AVX", "AVX2", "BMI1", "BMI2", "F16C", "FMA3", "LZCNT", "MOVBE", "OSXSAVE"],
  v4: ["AVX512BW", "AVX512CD", "AVX512DQ", "AVX512F", "AVX512VL"]
};
var CPU_LEVELS = ["x86-64-v2", "x86-64-v3", "x86-64-v4"];
function levelFlags(level) {
  const order = ["v2", "v3", "v4"];
  const upto = order.indexOf(level.slice("x86-64-".length));
  return order.slice(0, upto + 1).flatMap((l) => X86_64_LEVEL_FLAGS[l]).sort();
}
var CPUINFO_TO_NFD = {
  pni: "SSE3",
  sse4_1: "SSE4",
  sse4_2: "SSE42",
  fma: "FMA3",
  lahf_lm: "LAHF",
  abm: "LZCNT",
  cx8: "CMPXCHG8",
  fpu: "X87",
  pclmulqdq: "CLMUL",
  aes: "AESNI",
  sha_ni: "SHA",
  avx512_vnni: "AVX512VNNI",
  avx_vnni: "AVXVNNI",
  avx512_bf16: "AVX512BF16",
  avx512_fp16: "AVX512FP16",
  avx512_vbmi2: "AVX512VBMI2",
  avx512_bitalg: "AVX512BITALG",
  avx512_vpopcntdq: "AVX512VPOPCNTDQ",
  avx512vbmi: "AVX512VBMI",
  avx512ifma: "AVX512IFMA",
  amx_tile: "AMXTILE",
  amx_bf16: "AMXBF16",
  amx_int8: "AMXINT8",
  vpclmulqdq: "VPCLMULQDQ",
  // arm64 /proc/cpuinfo "Features"
  asimd: "ASIMD",
  asimddp: "ASIMDDP",
  asimdhp: "ASIMDHP",
  asimdrdm: "ASIMDRDM",
  atomics: "ATOMICS",
  sha2: "SHA2",
  sha3: "SHA3",
  sha512: "SHA512",
  fphp: "FPHP"
};
function normaliseCpuFlag(flag) {
  const lower = flag.trim().toLowerCase();
  return (Object.hasOwn(CPUINFO_TO_NFD, lower) ? CPUINFO_TO_NFD[lower] : void 0) ?? flag.trim().toUpperCase();
}
function normaliseModule(name) {
  return name.trim().replace(/-/g, "_");
}
function normaliseKconfig(name) {
  return name.trim().replace(/^CONFIG_/, "");
}
var KNOWN_OS_IDS = [
  "ubuntu",
  "debian",
  "rhel",
  "centos",
  "rocky",
  "almalinux",
  "fedora",
  "ol",
  "amzn",
  "sles",
  "opensuse-leap",
  "opensuse-tumbleweed",
  "alpine",
  "arch",
  "flatcar",
  "cos",
  "bottlerocket",
  "talos",
  "photon",
  "azurelinux",
  "mariner",
  "rhcos"
];
var OS_ID_ALIASES = {
  redhat: "rhel",
  "red-hat": "rhel",
  rocky: "rocky",
  rockylinux: "rocky",
  alma: "almalinux",
  oracle: "ol",
  oraclelinux: "ol",
  amazon: "amzn",
  amazonlinux: "amzn",
  suse: "sles"
};
var RDMA_LINK_LAYERS = {
  infiniband: "InfiniBand",
  ib: "InfiniBand",
  ethernet: "Ethernet",
  roce: "Ethernet"
};

// src/config/terms.ts
function versionAlternatives(range, path, ctx, instance) {
  try {
    ctx.usesVersionType = true;
    return parseRange(range).map((iv) => {
      const one = instance ? singleVersionExpression(iv) : void 0;
      return one ? [one] : versionExpressions(iv);
    });
  } catch (err) {
    if (!(err instanceof RangeSyntaxError)) throw err;
    ctx.error(path, err.message, err.hint);
    return void 0;
  }
}
function integerAlternatives(range, path, ctx) {
  try {
    return integerExpressions(range).map((e) => [e]);
  } catch (err) {
    if (!(err instanceof RangeSyntaxError)) throw err;
    ctx.error(path, err.message, err.hint);
    return void 0;
  }
}
function featureAlternatives(feature, fixed, ranged, path, ctx) {
  const count = ranged.reduce((n, r) => n * r.alternatives.length, 1);
  if (count > MAX_ALTERNATIVES) {
    ctx.error(path, `${count} combinations of "||" alternatives; at most ${MAX_ALTERNATIVES} per rule`);
    return [];
  }
  let combos = [[]];
  for (const r of ranged) {
    const next = [];
    for (const c of combos) for (const alt of r.alternatives) next.push([...c, { key: r.key, exprs: alt }]);
    combos = next;
  }
  const instance = catalogEntry(feature)?.kind === "instance";
  return combos.map((combo) => {
    const first = { ...fixed };
    const extra = [];
    for (const { key, exprs } of combo) {
      first[key] = exprs[0];
      for (const e of exprs.slice(1)) extra.push({ feature, matchExpressions: { [key]: e } });
    }
    if (instance && extra.length) {
      ctx.notes.add(
        `${formatPath(path)}: a range with one inclusive and one exclusive bound on ${feature} needs two terms, which two different devices could satisfy`
      );
    }
    return [{ feature, matchExpressions: first }, ...extra];
  });
}
function ruleOf(name, alternatives, common = []) {
  if (alternatives.length <= 1) return { name, matchFeatures: [...common, ...alternatives[0] ?? []] };
  const rule = { name };
  if (common.length) rule.matchFeatures = common;
  rule.matchAny = alternatives.map((matchFeatures) => ({ matchFeatures }));
  return rule;
}
function lookup(table, word, path, ctx, what, accept) {
  const hit = table[word.trim().toLowerCase()] ?? accept?.(word.trim());
  if (hit) return hit;
  const close = closest(word, Object.keys(table));
  ctx.error(
    path,
    `unknown ${what} ${quote(word)}`,
    close ? `did you mean ${quote(close)}?` : `known: ${Object.keys(table).join(", ")}`
  );
  return void 0;
}
var hexId = (w) => /^(0x)?[0-9a-fA-F]{4}$/.test(w) ? w.replace(/^0x/, "").toLowerCase() : void 0;
function pciVendor(word, path, ctx) {
  return lookup(PCI_VENDORS, word, path, ctx, "PCI vendor", hexId);
}
function pciClass(word, path, ctx) {
  const w = word.trim().toLowerCase().replace(/^0x/, "");
  if (PCI_CLASSES[w]) return PCI_CLASSES[w];
  if (/^[0-9a-f]{4}$/.test(w)) return w;
  if (/^[0-9a-f]{6}$/.test(w)) {
    ctx.warn(
      path,
      `PCI class ${quote(word)} has 6 digits; NFD reports the first 4`,
      `write "${w.slice(0, 4)}"`
    );
    return w.slice(0, 4);
  }
  ctx.error(
    path,
    `${quote(word)} is not a PCI class`,
    `write 4 hex digits or one of: ${Object.keys(PCI_CLASSES).join(", ")}`
  );
  return void 0;
}
function pciDevice(word, path, ctx) {
  const id = hexId(word);
  if (!id) ctx.error(path, `${quote(word)} is not a PCI device id`, "write 4 hex digits, e.g. 2330");
  return id;
}
function indexed(v, path) {
  return Array.isArray(v) ? v.map((x, i) => [x, [...path, i]]) : [[v, path]];
}
function collect(v, path, f) {
  if (v === void 0) return [];
  const out = [];
  for (const [x, p] of indexed(v, path)) {
    const r = f(x, p);
    if (r !== void 0 && !out.includes(r)) out.push(r);
  }
  return out;
}
function escapeRe(s) {
  return s.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
}

// src/config/any-of.ts
var MAX_ANY_OF_ALTERNATIVES = 64;
function termLists(rule) {
  const common = rule.matchFeatures ?? [];
  if (!rule.matchAny?.length) return [common];
  return rule.matchAny.map((a) => [...common, ...a.matchFeatures]);
}
function compileAnyOf(set, groups, path, ctx, compileGroup) {
  const perGroup = [];
  let total = 0;
  groups.forEach((group, i) => {
    const gp = [...path, i];
    const rules = compileGroup(group, gp);
    if (!rules.length) {
      ctx.error(gp, "an anyOf group needs at least one requirement", 'e.g. {memory: {hugepages1G: ">=16"}}');
      return;
    }
    const lists = rules.map(termLists);
    total += lists.reduce((n, l) => n * l.length, 1);
    perGroup.push(lists);
  });
  if (total > MAX_ANY_OF_ALTERNATIVES) {
    ctx.error(
      path,
      `this anyOf expands to ${total} alternatives (each group's rules multiplied out); at most ${MAX_ANY_OF_ALTERNATIVES}`,
      'move requirements every group shares out of anyOf, or use fewer "||" parts inside it'
    );
    return void 0;
  }
  const alternatives = [];
  for (const lists of perGroup) {
    let combos = [[]];
    for (const l of lists) combos = combos.flatMap((c) => l.map((terms) => [...c, ...terms]));
    alternatives.push(...combos);
  }
  if (!alternatives.length) return void 0;
  return alternatives.length === 1 ? ruleOf(`${set}/any-of`, alternatives) : { name: `${set}/any-of`, matchAny: alternatives.map((matchFeatures) => ({ matchFeatures })) };
}

// src/config/kernel-version.ts
var KERNEL_VERSION_KEYS = ["major", "minor", "revision"];
var allZero = (t) => t.every((x) => x === 0);
function halfOpen(iv) {
  const after = (p) => [p[0], p[1], p[2] + 1];
  return {
    lo: iv.lo && (iv.lo.inclusive ? [...iv.lo.parts] : after(iv.lo.parts)),
    hi: iv.hi && (iv.hi.inclusive ? after(iv.hi.parts) : [...iv.hi.parts])
  };
}
function splitTuples(lo, hi) {
  if (!lo && !hi) return [[]];
  const k = (lo ?? hi).length;
  const l0 = lo?.[0];
  const h0 = hi?.[0];
  if (k === 1) return l0 !== void 0 && h0 !== void 0 && l0 >= h0 ? [] : [[{ lo: l0, hi: h0 }]];
  const loRest = lo?.slice(1);
  const hiRest = hi?.slice(1);
  const fixed = (n, boxes) => boxes.map((b) => [{ lo: n, hi: n + 1 }, ...b]);
  if (l0 !== void 0 && h0 !== void 0) {
    if (l0 > h0) return [];
    if (l0 === h0) return fixed(l0, splitTuples(loRest, hiRest));
  }
  const out = [];
  let start = l0;
  if (l0 !== void 0 && !allZero(loRest)) {
    out.push(...fixed(l0, splitTuples(loRest, void 0)));
    start = l0 + 1;
  }
  if (start === void 0 || h0 === void 0 || start < h0) out.push([{ lo: start, hi: h0 }]);
  if (h0 !== void 0 && !allZero(hiRest)) out.push(...fixed(h0, splitTuples(void 0, hiRest)));
  return out;
}
function spanExpression(s) {
  const lo = s.lo ?? 0;
  if (s.hi !== void 0 && s.hi === lo + 1) return { op: "In", value: [String(lo)] };
  if (lo > 0 && s.hi !== void 0) return { op: "GtLt", value: [String(lo - 1), String(s.hi)] };
  if (lo > 0) return { op: "Gt", value: [String(lo - 1)] };
  if (s.hi !== void 0) return { op: "Lt", value: [String(s.hi)] };
  return void 0;
}
function boxExpressions(box) {
  const out = {};
  box.forEach((s, i) => {
    const e = spanExpression(s);
    if (e) out[KERNEL_VERSION_KEYS[i]] = e;
  });
  return Object.keys(out).length ? out : { full: { op: "Exists" } };
}
function mergeIns(alts) {
  let out = alts;
  for (let changed = true; changed; ) {
    changed = false;
    for (const k of KERNEL_VERSION_KEYS) {
      const groups = /* @__PURE__ */ new Map();
      const next = [];
      for (const alt of out) {
        const e = alt[k];
        if (e?.op !== "In") {
          next.push(alt);
          continue;
        }
        const rest = Object.keys(alt).sort().map((key) => key === k ? key : `${key}=${JSON.stringify(alt[key])}`).join("|");
        const group = groups.get(rest);
        if (group) {
          for (const v of e.value) group.values.add(v);
          changed = true;
          continue;
        }
        const entry = { alt: { ...alt }, values: new Set(e.value) };
        groups.set(rest, entry);
        next.push(entry.alt);
      }
      for (const { alt, values } of groups.values()) {
        alt[k] = { op: "In", value: [...values].sort((x, y) => Number(x) - Number(y)) };
      }
      out = next;
    }
  }
  return out;
}
function kernelVersionTerms(intervals) {
  const seen = /* @__PURE__ */ new Set();
  const exprs = [];
  const empty = [];
  intervals.forEach((iv, i) => {
    const { lo, hi } = halfOpen(iv);
    const boxes = splitTuples(lo, hi);
    if (!boxes.length) empty.push(i);
    for (const box of boxes) {
      const e = boxExpressions(box);
      const id = JSON.stringify(e);
      if (seen.has(id)) continue;
      seen.add(id);
      exprs.push(e);
    }
  });
  return {
    alternatives: mergeIns(exprs).map((m) => [{ feature: "kernel.version", matchExpressions: m }]),
    empty
  };
}
var ECHO = 120;
var echo = (text) => text.length > ECHO ? `${text.slice(0, ECHO)}...` : text;
var EXACT_RELEASE = /^\d+(\.\d+){0,2}[-+]\S+$/;
var OPERATOR_RELEASE = /^(>=|<=|>|<|=|\^|~>?)\s*v?\d+(\.\d+)*[-+]\S*/;
function kernelVersionAlternatives(range, path, ctx) {
  const whole = String(range).trim();
  const parts = whole.split("||").map((p) => p.trim());
  const exact = /* @__PURE__ */ new Set();
  const ranged = [];
  for (const part of parts) {
    if (EXACT_RELEASE.test(part)) {
      const full = parseKernelVersion(part).full;
      if (full !== part) {
        ctx.warn(
          path,
          `NFD reports the kernel release "${echo(part)}" as "${full}" (characters other than letters, digits, ".", "_" and "-" become "_")`,
          `write ${full}`
        );
      }
      exact.add(full);
      continue;
    }
    const tokens = part.split(/\s+/);
    const withOp = tokens.find((t) => OPERATOR_RELEASE.test(t));
    if (withOp) {
      const op = /^(>=|<=|>|<|=|\^|~>?)/.exec(withOp)[1];
      const release = withOp.replace(/^(>=|<=|>|<|=|\^|~>?)\s*v?/, "");
      const base = release.replace(/[-+].*$/, "");
      ctx.error(
        path,
        `"${echo(withOp)}" in "${echo(whole)}" puts an operator before a release with a "-" suffix (a pre-release or a distribution's ABI number): NFD compares kernel.version as the integers major, minor and revision, which drop everything from the first "-", so the bound would be on ${base} and admit every ${base}-* build alike`,
        `write ${echo(release)} (no operator) for that exact release, or ${op}${base} for a bound`
      );
      return void 0;
    }
    const lone = tokens.find((t) => EXACT_RELEASE.test(t));
    if (lone && tokens.length > 1) {
      ctx.error(
        path,
        `the exact release "${echo(lone)}" in "${echo(whole)}" must stand alone between "||"`,
        `write e.g. "${lone} || 5.4.x"`
      );
      return void 0;
    }
    ranged.push(part);
  }
  let intervals = [];
  try {
    if (ranged.length) intervals = parseRange(ranged.join(" || "));
  } catch (err) {
    if (!(err instanceof RangeSyntaxError)) throw err;
    ctx.error(path, err.message, err.hint);
    return void 0;
  }
  const { alternatives, empty } = kernelVersionTerms(intervals);
  if (empty.length) {
    ctx.error(
      path,
      `"${echo(ranged[empty[0]])}" can never match: no kernel version lies between its bounds`
    );
    return void 0;
  }
  if (exact.size) {
    alternatives.push([{ feature: "kernel.version", matchExpressions: { full: expr("In", ...exact) } }]);
  }
  if (alternatives.length > MAX_ALTERNATIVES) {
    ctx.error(
      path,
      `"${echo(whole)}" needs ${alternatives.length} alternatives on kernel.version major/minor/revision; at most ${MAX_ALTERNATIVES} per rule`,
      'use fewer "||" parts'
    );
    return void 0;
  }
  return alternatives;
}

// src/config/requirements.ts
function compileKernel(set, k, path, ctx) {
  const rules = [];
  if (k.version !== void 0) {
    const alts = kernelVersionAlternatives(k.version, [...path, "version"], ctx);
    if (alts) rules.push(ruleOf(`${set}/kernel-version`, alts));
  }
  if (k.modules !== void 0) {
    const plain = {};
    const spelled = [];
    for (const [m, p] of indexed(k.modules, [...path, "modules"])) {
      const name = normaliseModule(m);
      if (!/^[\w-]+$/.test(m.trim())) {
        ctx.error(p, `${quote(m)} is not a kernel module name`);
        continue;
      }
      if (name.includes("_")) {
        const re = `^${name.split("_").map(escapeRe).join("[-_]")}$`;
        spelled.push({ feature: "kernel.enabledmodule", matchName: expr("InRegexp", re) });
      } else {
        plain[name] = expr("Exists");
      }
    }
    const terms = Object.keys(plain).length ? [{ feature: "kernel.enabledmodule", matchExpressions: plain }] : [];
    rules.push({ name: `${set}/kernel-modules`, matchFeatures: [...terms, ...spelled] });
  }
  if (k.loadedModules !== void 0) {
    const mods = {};
    for (const [m] of indexed(k.loadedModules, [...path, "loadedModules"]))
      mods[normaliseModule(m)] = expr("Exists");
    rules.push({
      name: `${set}/kernel-loaded-modules`,
      matchFeatures: [{ feature: "kernel.loadedmodule", matchExpressions: mods }]
    });
  }
  if (k.config !== void 0) {
    const opts = {};
    for (const [option, value] of Object.entries(k.config)) {
      const p = [...path, "config", option];
      const key = normaliseKconfig(option);
      if (!/^[A-Za-z0-9_]+$/.test(key)) {
        ctx.error(p, `${quote(option)} is not a kernel config option name`);
        continue;
      }
      if (value === true) {
        opts[key] = expr("In", "y", "m");
        continue;
      }
      if (value === false) {
        opts[key] = expr("DoesNotExist");
        continue;
      }
      const values = list(value).map(String);
      if (values.includes("n")) {
        if (values.length > 1)
          ctx.error(p, `"n" (not set) cannot be combined with other values`, "write n alone");
        opts[key] = expr("DoesNotExist");
      } else {
        opts[key] = expr("In", ...values);
      }
    }
    rules.push({
      name: `${set}/kernel-config`,
      matchFeatures: [{ feature: "kernel.config", matchExpressions: opts }]
    });
  }
  return rules;
}
function compileCpu(set, c, path, ctx) {
  const rules = [];
  if (c.vendor !== void 0) {
    const ids = collect(
      c.vendor,
      [...path, "vendor"],
      (v, p) => lookup(CPU_VENDORS, v, p, ctx, "CPU vendor")
    );
    if (ids.length) {
      rules.push({
        name: `${set}/cpu-vendor`,
        matchFeatures: [{ feature: "cpu.model", matchExpressions: { vendor_id: expr("In", ...ids) } }]
      });
    }
  }
  if (c.model !== void 0) {
    const m = {};
    if (c.model.family !== void 0) m.family = expr("In", ...list(c.model.family).map(String));
    if (c.model.id !== void 0) m.id = expr("In", ...list(c.model.id).map(String));
    rules.push({ name: `${set}/cpu-model`, matchFeatures: [{ feature: "cpu.model", matchExpressions: m }] });
  }
  if (c.level !== void 0) {
    const flags = {};
    for (const f of levelFlags(c.level)) flags[f] = expr("Exists");
    rules.push({
      name: `${set}/cpu-level`,
      matchFeatures: [{ feature: "cpu.cpuid", matchExpressions: flags }]
    });
  }
  if (c.flags !== void 0) {
    const flags = {};
    for (const [f, p] of indexed(c.flags, [...path, "flags"])) {
      const name = normaliseCpuFlag(f);
      if (!CPUID_FLAGS.includes(name)) {
        const close = closest(name, CPUID_FLAGS);
        ctx.warn(
          p,
          `${quote(f)} is not a CPU flag NFD reports`,
          close ? `did you mean ${close}?` : void 0
        );
      }
      flags[name] = expr("Exists");
    }
    rules.push({
      name: `${set}/cpu-flags`,
      matchFeatures: [{ feature: "cpu.cpuid", matchExpressions: flags }]
    });
  }
  return rules;
}
function compileGpu(set, g, path, ctx) {
  const rules = [];
  const vendors = collect(g.vendor, [...path, "vendor"], (v, p) => {
    const hit = GPU_VENDORS[v.trim().toLowerCase()];
    if (hit) return v.trim().toLowerCase();
    const close = closest(v, Object.keys(GPU_VENDORS));
    ctx.error(
      p,
      `unknown GPU vendor ${quote(v)}`,
      close ? `did you mean ${quote(close)}?` : `known: ${Object.keys(GPU_VENDORS).join(", ")}`
    );
    return void 0;
  });
  const ids = vendors.map((v) => GPU_VENDORS[v].pci);
  const pci = {};
  pci.vendor = expr("In", ...ids.length ? ids : Object.values(GPU_VENDORS).map((v) => v.pci));
  pci.class = expr("In", ...GPU_PCI_CLASSES);
  rules.push({ name: `${set}/gpu`, matchFeatures: [{ feature: "pci.device", matchExpressions: pci }] });
  const fixed = {};
  const ranged = [];
  if (ids.length && (g.driver ?? g.computeCapability ?? g.model ?? g.memory) !== void 0) {
    fixed.vendor = expr("In", ...ids);
  }
  if (g.model !== void 0) {
    const models = list(g.model).map((m) => `(?i)${escapeRe(m.trim())}`);
    fixed.model = expr("InRegexp", ...models);
  }
  const versioned = [
    ["driver", "driver_version"],
    ["computeCapability", "compute_capability"]
  ];
  for (const [field, key] of versioned) {
    const r = g[field];
    if (r === void 0) continue;
    warnBareVersions(r, field === "driver" ? "driver" : "compute capability", [...path, field], ctx);
    const alts = versionAlternatives(r, [...path, field], ctx, true);
    if (alts) ranged.push({ key, alternatives: alts });
  }
  if (g.memory !== void 0) {
    const alts = integerAlternatives(g.memory, [...path, "memory"], ctx);
    if (alts) ranged.push({ key: "memory_mib", alternatives: alts });
  }
  if (Object.keys(fixed).length || ranged.length) {
    const ordered = orderKeys(fixed, ["vendor", "model"]);
    rules.push(ruleOf(`${set}/gpu-device`, featureAlternatives("gpu.device", ordered, ranged, path, ctx)));
  }
  if (g.count !== void 0) {
    const alts = integerAlternatives(g.count, [...path, "count"], ctx);
    const trivial = alts?.length === 1 && alts[0][0].op === "Ge" && Number(alts[0][0].value[0]) <= 1;
    if (alts && !trivial) {
      const key = vendors.length === 1 ? GPU_VENDORS[vendors[0]].countKey ?? "total" : "total";
      rules.push(
        ruleOf(
          `${set}/gpu-count`,
          featureAlternatives("gpu.count", {}, [{ key, alternatives: alts }], path, ctx)
        )
      );
    }
  }
  return rules;
}
function warnBareVersions(range, what, path, ctx) {
  for (const part of String(range).split("||")) {
    const v = part.trim();
    if (!/^v?\d+(\.\d+){0,2}$/.test(v)) continue;
    const next = v.split(".").length === 3 ? `${v} exactly` : `${v}.x only`;
    ctx.warn(
      path,
      `"${v}" is a bare version: it matches ${what} ${next}, not a later one`,
      `did you mean ">=${v}"?`
    );
  }
}
function orderKeys(rec, first) {
  const out = {};
  for (const k of first) if (rec[k]) out[k] = rec[k];
  for (const k of Object.keys(rec)) if (!(k in out)) out[k] = rec[k];
  return out;
}
function pciTerm(d, path, ctx) {
  const m = {};
  const vendors = collect(d.vendor, [...path, "vendor"], (x, p) => pciVendor(x, p, ctx));
  if (vendors.length) m.vendor = expr("In", ...vendors);
  const devices = collect(d.device, [...path, "device"], (x, p) => pciDevice(x, p, ctx));
  if (devices.length) m.device = expr("In", ...devices);
  const classes = collect(d.class, [...path, "class"], (x, p) => pciClass(x, p, ctx));
  if (classes.length) m.class = expr("In", ...classes);
  return m;
}
function compilePci(set, devices, path, ctx) {
  const terms = devices.map((d, i) => {
    const m = pciTerm(d, [...path, i], ctx);
    if (!Object.keys(m).length) ctx.error([...path, i], "a PCI device needs a vendor, device or class");
    return { feature: "pci.device", matchExpressions: m };
  });
  return { name: `${set}/pci`, matchFeatures: terms };
}
function compileSriov(set, s, path, ctx) {
  const rules = [];
  const fixed = pciTerm(s, path, ctx);
  const alts = integerAlternatives(s.vfs ?? ">=1", [...path, "vfs"], ctx);
  if (alts) {
    rules.push(
      ruleOf(
        `${set}/sriov`,
        featureAlternatives("pci.device", fixed, [{ key: "sriov_totalvfs", alternatives: alts }], path, ctx)
      )
    );
  }
  if (s.numVfs !== void 0) {
    if (s.vendor !== void 0 || s.device !== void 0) {
      ctx.warn(
        [...path, "numVfs"],
        `NFD cannot tie numVfs to the ${s.vendor !== void 0 ? "vendor" : "device"}: configured VFs are on network.device, which has no vendor or device id, so one NIC can have the ${s.vendor !== void 0 ? "vendor" : "device"} and another the VFs`,
        "use vfs (VFs the device can have, on the same pci.device as the vendor) when the vendor matters"
      );
    }
    const num = integerAlternatives(s.numVfs, [...path, "numVfs"], ctx);
    if (num) {
      rules.push(
        ruleOf(
          `${set}/sriov-numvfs`,
          featureAlternatives("network.device", {}, [{ key: "sriov_numvfs", alternatives: num }], path, ctx)
        )
      );
    }
  }
  return rules;
}
function compileRdma(set, r, path, ctx) {
  const m = {};
  if (r === true || r.vendor === void 0 && r.linkLayer === void 0) m.name = expr("Exists");
  if (r !== true && r.vendor !== void 0) {
    const vendors = collect(r.vendor, [...path, "vendor"], (x, p) => pciVendor(x, p, ctx));
    if (vendors.length) m.vendor = expr("In", ...vendors);
  }
  if (r !== true && r.linkLayer !== void 0) {
    const l = lookup(RDMA_LINK_LAYERS, r.linkLayer, [...path, "linkLayer"], ctx, "RDMA link layer");
    if (l) m.link_layer = expr("In", l);
  }
  return { name: `${set}/rdma`, matchFeatures: [{ feature: "rdma.device", matchExpressions: m }] };
}
function compileOs(set, os, path, ctx) {
  const alternatives = [];
  for (const [o, p] of indexed(os, path)) {
    const fixed = {};
    const ids = collect(o.id, [...p, "id"], (id, q) => {
      const w = id.trim().toLowerCase();
      const alias = OS_ID_ALIASES[w];
      if (alias && alias !== w) {
        ctx.warn(q, `/etc/os-release spells ${quote(id)} as ${quote(alias)}`, `write ${alias}`);
        return alias;
      }
      if (!KNOWN_OS_IDS.includes(w)) {
        const close = closest(w, KNOWN_OS_IDS);
        ctx.warn(
          q,
          `${quote(id)} is not an os-release ID we know`,
          close ? `did you mean ${quote(close)}?` : void 0
        );
      }
      return w;
    });
    if (ids.length) fixed.ID = expr("In", ...ids);
    const ranged = [];
    if (o.version !== void 0) {
      const alts = versionAlternatives(o.version, [...p, "version"], ctx, false);
      if (alts) ranged.push({ key: "VERSION_ID", alternatives: alts });
    }
    if (!ids.length && !ranged.length) ctx.error(p, "an os requirement needs an id or a version");
    alternatives.push(...featureAlternatives("system.osrelease", fixed, ranged, p, ctx));
  }
  return ruleOf(`${set}/os`, alternatives);
}
function compileMemory(set, m, path, ctx) {
  const rules = [];
  if (m.numa !== void 0) {
    rules.push({
      name: `${set}/memory-numa`,
      matchFeatures: [
        { feature: "memory.numa", matchExpressions: { is_numa: expr(m.numa ? "IsTrue" : "IsFalse") } }
      ]
    });
  }
  if (m.swap !== void 0) {
    rules.push({
      name: `${set}/memory-swap`,
      matchFeatures: [
        { feature: "memory.swap", matchExpressions: { enabled: expr(m.swap ? "IsTrue" : "IsFalse") } }
      ]
    });
  }
  const ranged = [];
  for (const [field, key] of [
    ["hugepages1G", "hugepages-1Gi"],
    ["hugepages2M", "hugepages-2Mi"]
  ]) {
    if (m[field] === void 0) continue;
    const alts = integerAlternatives(m[field], [...path, field], ctx);
    if (alts) ranged.push({ key, alternatives: alts });
  }
  if (ranged.length) {
    rules.push(
      ruleOf(`${set}/memory-hugepages`, featureAlternatives("memory.hugepages", {}, ranged, path, ctx))
    );
  }
  if (m.hugepages !== void 0) {
    const hp = [...path, "hugepages"];
    const count = integerAlternatives(m.hugepages.count ?? ">=1", [...hp, "count"], ctx);
    const keys = collect(
      m.hugepages.size,
      [...hp, "size"],
      (size) => `hugepages-${size.trim().toUpperCase()}i`
    );
    if (count) {
      const alternatives = keys.flatMap(
        (key) => featureAlternatives("memory.hugepages", {}, [{ key, alternatives: count }], hp, ctx)
      );
      rules.push(ruleOf(`${set}/memory-hugepage-sizes`, alternatives));
    }
  }
  return rules;
}

// src/config/targets.ts
function samePlatform(a, b) {
  const pa = tryParsePlatform(a);
  const pb = tryParsePlatform(b);
  if (!pa || !pb) return a === b;
  return formatPlatform(normalisePlatform(pa)) === formatPlatform(normalisePlatform(pb));
}
function selectorMatches(t, m) {
  if (t.platform !== void 0 && !samePlatform(t.platform, m.platform)) return false;
  return Object.entries(t.annotations ?? {}).every(([k, v]) => m.annotations[k] === v);
}
function targetsManifest(set, m) {
  return (set.targets ?? []).some((t) => selectorMatches(t, m));
}
function targetPlatforms(set) {
  if (!set.targets) return void 0;
  const platforms = set.targets.map((t) => t.platform);
  if (platforms.some((p) => p === void 0)) return void 0;
  return [...new Set(platforms)];
}
function setPlatforms(set, config) {
  return set.platforms ?? targetPlatforms(set) ?? config.platforms;
}
function setAppliesTo(set, config, m) {
  if (set.targets) return targetsManifest(set, m);
  const declared = setPlatforms(set, config);
  return !m.platform || !declared || declared.some((p) => platformMatches(p, m.platform));
}

// src/config/compile.ts
function compileConfig(config, opts = {}) {
  const ctx = new Context();
  const compatibilities = [];
  const notes = /* @__PURE__ */ new Set();
  let versionType = false;
  const seen = /* @__PURE__ */ new Map();
  config.compatibilities.forEach((set, i) => {
    const base = ["compatibilities", i];
    const previous = seen.get(set.name);
    if (previous !== void 0) {
      ctx.error(
        [...base, "name"],
        `duplicate set name "${set.name}" (also compatibilities[${previous}]); names become tags and must be unique`
      );
    }
    seen.set(set.name, i);
    const declared = setPlatforms(set, config);
    if (set.platforms && set.targets) {
      ctx.error(
        [...base, "targets"],
        `set "${set.name}" has both platforms and targets`,
        "targets name platforms themselves: drop platforms"
      );
    }
    if (set.targets && config.platforms) {
      set.targets.forEach((t, j) => {
        if (t.platform !== void 0 && !config.platforms.some((q) => platformMatches(q, t.platform))) {
          ctx.error(
            [...base, "targets", j, "platform"],
            `platform "${t.platform}" is not one of the image's platforms (${config.platforms.join(", ")})`
          );
        }
      });
    }
    if (set.platforms && config.platforms) {
      set.platforms.forEach((p, j) => {
        if (!config.platforms.some((q) => platformMatches(p, q))) {
          ctx.error(
            [...base, "platforms", j],
            `platform "${p}" is not one of the image's platforms (${config.platforms.join(", ")})`,
            closest(p, config.platforms) ? `did you mean "${closest(p, config.platforms)}"?` : void 0
          );
        }
      });
    }
    ctx.notes = /* @__PURE__ */ new Set();
    ctx.usesVersionType = false;
    const compiled = compileSet(set, base, ctx);
    checkArchitecture(set, declared, base, ctx);
    if (!appliesTo(set, config, declared, opts)) return;
    compatibilities.push(compiled);
    ctx.notes.forEach((n) => notes.add(n));
    if (ctx.usesVersionType) versionType = true;
  });
  if (versionType) notes.add("rules with `type: version` need NFD v0.18 or later to evaluate");
  return { spec: { version: SPEC_VERSION, compatibilities }, notes: [...notes], issues: ctx.issues };
}
function appliesTo(set, config, declared, opts) {
  if (opts.manifest) return setAppliesTo(set, config, opts.manifest);
  return !opts.platform || !declared || declared.some((p) => platformMatches(p, opts.platform));
}
function compileForManifest(config, manifest) {
  const result = compileConfig(config, { manifest });
  const first = result.issues.find((i) => i.severity === "error");
  if (first) throw new InputError(first.message, { path: formatPath(first.path) }, first.hint);
  return result.spec.compatibilities.length ? { spec: result.spec, notes: result.notes } : void 0;
}
function declaredPlatforms(config) {
  const all = new Set(config.platforms ?? []);
  for (const set of config.compatibilities) for (const p of setPlatforms(set, {}) ?? []) all.add(p);
  return [...all].sort();
}
function noSetApplies(file, config, platform) {
  const known = declaredPlatforms(config);
  return new InputError(
    platform ? `no compatibility set applies to platform ${platform}` : "no compatibility set applies: the spec would be empty",
    { file },
    known.length ? `the config has sets for: ${known.join(", ")}` : void 0
  );
}
function compileForPlatforms(config, platforms) {
  const out = /* @__PURE__ */ new Map();
  const wanted = platforms ?? declaredPlatforms(config);
  for (const platform of wanted.length ? wanted : [""]) {
    const result = compileConfig(config, platform ? { platform } : {});
    const first = result.issues.find((i) => i.severity === "error");
    if (first) throw new InputError(first.message, { path: formatPath(first.path) }, first.hint);
    if (result.spec.compatibilities.length) out.set(platform, result.spec);
  }
  return out;
}
function compileSet(set, base, ctx) {
  const rules = [];
  const add = (rule) => {
    if (!rule) return;
    rules.push(rule);
    const features = /* @__PURE__ */ new Set();
    for (const t of rule.matchFeatures ?? []) features.add(t.feature);
    for (const a of rule.matchAny ?? []) for (const t of a.matchFeatures) features.add(t.feature);
    for (const f of [...features].sort()) {
      if (isOwnFeature(f)) {
        ctx.notes.add(
          `rule '${rule.name}' uses ${f}: nfd compat validate-node cannot check it (NFD has no such source and treats the term as not matching)`
        );
      }
    }
  };
  const req = set.require ?? {};
  const rp = [...base, "require"];
  const n = set.name;
  compileRequirements(n, req, rp, ctx).forEach(add);
  const generated = new Set(rules.map((r) => r.name));
  (set.rules ?? []).forEach((raw, j) => {
    const path = [...base, "rules", j];
    if (generated.has(raw.name)) {
      ctx.error([...path, "name"], `rule name "${raw.name}" is already used in this set`);
    }
    generated.add(raw.name);
    add(passThrough(raw, path, ctx));
  });
  if (!rules.length && !Object.keys(req).length) {
    ctx.warn([...base, "name"], `set "${n}" has no requirements and no rules: it matches every host`);
  }
  const out = {};
  if (set.description !== void 0) out.description = set.description;
  out.tag = set.name;
  if (set.weight !== void 0) out.weight = set.weight;
  out.rules = rules;
  return out;
}
function compileRequirements(n, req, rp, ctx) {
  const rules = [];
  const add = (rule) => {
    if (rule) rules.push(rule);
  };
  if (req.kernel) compileKernel(n, req.kernel, [...rp, "kernel"], ctx).forEach(add);
  if (req.cpu) compileCpu(n, req.cpu, [...rp, "cpu"], ctx).forEach(add);
  if (req.gpu) compileGpu(n, req.gpu, [...rp, "gpu"], ctx).forEach(add);
  if (req.pci) add(compilePci(n, req.pci, [...rp, "pci"], ctx));
  if (req.sriov) compileSriov(n, req.sriov, [...rp, "sriov"], ctx).forEach(add);
  if (req.rdma !== void 0 && req.rdma !== false) add(compileRdma(n, req.rdma, [...rp, "rdma"], ctx));
  if (req.os) add(compileOs(n, req.os, [...rp, "os"], ctx));
  if (req.memory) compileMemory(n, req.memory, [...rp, "memory"], ctx).forEach(add);
  if (req.anyOf) {
    const groupRules = (g, p) => compileRequirements(n, g, p, ctx);
    add(compileAnyOf(n, req.anyOf, [...rp, "anyOf"], ctx, groupRules));
  }
  return rules;
}
function checkArchitecture(set, platforms, base, ctx) {
  const level = set.require?.cpu?.level;
  if (!level) return;
  const others = (platforms ?? []).filter((p) => !/^[a-z0-9]+\/(amd64|386)(\/|$)/.test(p));
  if (others.length) {
    ctx.warn(
      [...base, "require", "cpu", "level"],
      `${level} never matches on ${others.join(", ")}`,
      "give this set platforms: [linux/amd64]"
    );
  }
}
function passThrough(raw, path, ctx) {
  const fix = (e, p) => {
    const strung = e.value ? { ...e, value: e.value.map(String) } : e;
    for (const problem of expressionProblems(strung)) {
      ctx.issues.push({ severity: problem.severity, message: problem.message, path: [...p, ...problem.at] });
    }
    if (!e.value) return e;
    const value = e.value.map((v, i) => {
      if (typeof v !== "string") {
        ctx.warn(
          [...p, "value", i],
          `value ${JSON.stringify(v)} is not a string; compiled as "${String(v)}"`,
          `quote it`
        );
      }
      return String(v);
    });
    return { ...e, value };
  };
  const term = (t, p) => {
    const out = { feature: t.feature };
    if (t.matchExpressions) {
      out.matchExpressions = Object.fromEntries(
        Object.entries(t.matchExpressions).map(([k, e]) => [k, fix(e, [...p, "matchExpressions", k])])
      );
    }
    if (t.matchName) out.matchName = fix(t.matchName, [...p, "matchName"]);
    return out;
  };
  const rule = { name: raw.name };
  if (raw.matchFeatures)
    rule.matchFeatures = raw.matchFeatures.map((t, i) => term(t, [...path, "matchFeatures", i]));
  if (raw.matchAny) {
    rule.matchAny = raw.matchAny.map((a, i) => ({
      matchFeatures: a.matchFeatures.map((t, j) => term(t, [...path, "matchAny", i, "matchFeatures", j]))
    }));
  }
  if (raw.vars) rule.vars = raw.vars;
  if (raw.varsTemplate !== void 0) rule.varsTemplate = raw.varsTemplate;
  return rule;
}

export {
  MAX_ALTERNATIVES,
  CPU_LEVELS,
  setPlatforms,
  compileConfig,
  compileForManifest,
  declaredPlatforms,
  noSetApplies,
  compileForPlatforms
};
