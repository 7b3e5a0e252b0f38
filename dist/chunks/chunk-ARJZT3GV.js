import {
  InputError
} from "./chunk-TS22JX7Z.js";

// src/platform/platform.ts
var ARCH_ALIASES = {
  x86_64: "amd64",
  "x86-64": "amd64",
  aarch64: "arm64",
  armhf: "arm",
  armel: "arm",
  i386: "386",
  i686: "386"
};
function normalisePlatform(p) {
  const os = p.os.toLowerCase();
  const raw = p.architecture.toLowerCase();
  const architecture = ARCH_ALIASES[raw] ?? raw;
  let variant = p.variant?.toLowerCase() ?? "";
  if (raw === "armhf" && variant === "") variant = "v7";
  if (raw === "armel" && variant === "") variant = "v6";
  if (architecture === "arm64" && (variant === "8" || variant === "v8" || variant === "v8.0")) variant = "";
  if (architecture === "arm" && variant === "") variant = "v7";
  if (/^\d$/.test(variant)) variant = `v${variant}`;
  if (architecture === "amd64" && variant === "v1") variant = "";
  const rest = {
    ...p["os.version"] !== void 0 && { "os.version": p["os.version"] },
    ...p["os.features"] !== void 0 && { "os.features": p["os.features"] }
  };
  return variant === "" ? { os, architecture, ...rest } : { os, architecture, variant, ...rest };
}
var PART = /^[A-Za-z0-9_.-]+$/;
function tryParsePlatform(text) {
  const parts = text.trim().split("/");
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !PART.test(p))) return void 0;
  const [os, architecture, variant] = parts;
  return { os, architecture, ...variant !== void 0 && { variant } };
}
function parsePlatform(text) {
  const p = tryParsePlatform(text);
  if (!p) {
    throw new InputError(
      `invalid platform ${JSON.stringify(text)}`,
      {},
      "expected os/arch[/variant], e.g. linux/arm64/v8"
    );
  }
  return p;
}
function formatPlatform(p) {
  return [p.os, p.architecture, p.variant].filter((x) => x !== void 0 && x !== "").join("/");
}
function platformsMatch(wanted, offered) {
  const w = normalisePlatform(wanted);
  const o = normalisePlatform(offered);
  if (w.os !== o.os || w.architecture !== o.architecture) return false;
  if (w.variant !== void 0 && w.variant !== (o.variant ?? defaultVariant(o.architecture))) return false;
  if (w["os.version"] !== void 0 && w["os.version"] !== o["os.version"]) return false;
  return (w["os.features"] ?? []).every((f) => (o["os.features"] ?? []).includes(f));
}
function defaultVariant(architecture) {
  return architecture === "arm" ? "v7" : void 0;
}
function platformMatches(wanted, actual) {
  const w = tryParsePlatform(wanted);
  const a = tryParsePlatform(actual);
  if (!w || !a) return wanted === actual;
  return platformsMatch(w, a);
}
function platformFileName(platform) {
  return `${platform.replace(/\//g, "-")}.yaml`;
}
function isAttestationManifest(d) {
  return d.annotations?.["vnd.docker.reference.type"] === "attestation-manifest" || d.platform?.os === "unknown" && d.platform?.architecture === "unknown";
}

export {
  normalisePlatform,
  tryParsePlatform,
  parsePlatform,
  formatPlatform,
  platformsMatch,
  platformMatches,
  platformFileName,
  isAttestationManifest
};
