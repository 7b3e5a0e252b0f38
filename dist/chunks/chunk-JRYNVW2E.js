import {
  gunzipCapped
} from "./chunk-LKJTNIGP.js";
import {
  InputError
} from "./chunk-TS22JX7Z.js";

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
function collect(root) {
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

export {
  flagSet,
  attributeSet,
  instanceSet,
  mergeFeatures,
  sortFeatures,
  prefix,
  newFeatures,
  parseKernelVersion,
  collect
};
