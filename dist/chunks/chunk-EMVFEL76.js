import {
  formatPlatform,
  normalisePlatform
} from "./chunk-ARJZT3GV.js";

// src/platform/host.ts
function hostPlatform() {
  const os = process.platform === "win32" ? "windows" : process.platform;
  const archMap = { x64: "amd64", ia32: "386", arm64: "arm64", arm: "arm" };
  let architecture = archMap[process.arch] ?? process.arch;
  if (process.arch === "ppc64") architecture = "ppc64le";
  if (architecture === "arm") {
    const v = process.config.variables.arm_version;
    return { os, architecture, variant: `v${typeof v === "string" || typeof v === "number" ? v : "7"}` };
  }
  return normalisePlatform({ os, architecture });
}
function cpuFlags(features) {
  return features.flags?.["cpu.cpuid"]?.elements ?? {};
}
function x86LevelOf(features) {
  const flags = cpuFlags(features);
  for (let level = 4; level >= 2; level--) if (`X86_64_V${level}` in flags) return level;
  return "X86_64_V1" in flags || "SSE2" in flags ? 1 : void 0;
}
function archFromCpuFlags(features) {
  const flags = cpuFlags(features);
  if (x86LevelOf(features) !== void 0 || "SSE" in flags || "CMOV" in flags) return "amd64";
  if ("ASIMD" in flags || "FP" in flags || "ATOMICS" in flags) return "arm64";
  return void 0;
}
function machineHostPlatform(features) {
  const p = hostPlatform();
  const level = p.architecture === "amd64" ? x86LevelOf(features) : void 0;
  return { ...p, ...level !== void 0 && { x86Level: level }, source: "machine" };
}
function snapshotHostPlatform(features, labels = {}) {
  const labelled = labels["kubernetes.io/arch"];
  const architecture = labelled ?? archFromCpuFlags(features);
  if (architecture === void 0) return void 0;
  const p = normalisePlatform({ os: labels["kubernetes.io/os"] ?? "linux", architecture });
  const level = p.architecture === "amd64" ? x86LevelOf(features) : void 0;
  return {
    ...p,
    ...level !== void 0 && { x86Level: level },
    source: labelled !== void 0 ? "labels" : "cpu flags"
  };
}
function describeHost(host) {
  const base = formatPlatform(host);
  return host.x86Level !== void 0 ? `${base} (x86-64-v${host.x86Level})` : base;
}
function canRun(host, image) {
  const img = normalisePlatform(image);
  const refuse = (why) => ({
    ok: false,
    reason: `host is ${describeHost(host)}, image platform is ${formatPlatform(img)}${why ? ` (${why})` : ""}`
  });
  if (img.os !== host.os || img.architecture !== host.architecture) return refuse();
  if (img.architecture === "amd64" && img.variant !== void 0) {
    const m = /^v(\d+)$/.exec(img.variant);
    if (!m) return refuse(`unknown amd64 variant ${img.variant}`);
    const need = Number(m[1]);
    if (host.x86Level === void 0 && need > 1) return refuse("the host x86-64 level is unknown");
    if ((host.x86Level ?? 1) < need) return refuse(`the host CPU is below x86-64-v${need}`);
  }
  if (img.architecture === "arm" && host.variant !== void 0 && img.variant !== void 0) {
    if (Number(img.variant.slice(1)) > Number(host.variant.slice(1))) return refuse();
  }
  return { ok: true };
}

export {
  hostPlatform,
  machineHostPlatform,
  snapshotHostPlatform,
  describeHost,
  canRun
};
