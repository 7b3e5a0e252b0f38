
// src/spec/values.ts
import { createRequire } from "node:module";
var RE2JS_MODULE = true ? "./re2js.cjs" : "re2js";
var INT64_MIN = -(2n ** 63n);
var INT64_MAX = 2n ** 63n - 1n;
function parseGoInt(s) {
  if (!/^[+-]?[0-9]+$/.test(s)) return void 0;
  const v = BigInt(s);
  return v < INT64_MIN || v > INT64_MAX ? void 0 : v;
}
var DIGITS = /^[+-]?[0-9]{1,15}$/;
function parseGoIntFast(s) {
  return DIGITS.test(s) ? Number(s) : parseGoInt(s);
}
var VERSION_RE = /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;
var UINT64_MAX = 2n ** 64n - 1n;
function versionOf(s) {
  const m = VERSION_RE.exec(s);
  if (!m) return null;
  const parts = [m[1], m[2]?.slice(1) ?? "0", m[3]?.slice(1) ?? "0"].map((p) => BigInt(p));
  if (parts.some((p) => p > UINT64_MAX)) return null;
  const pre = m[5];
  if (pre !== void 0 && pre.split(".").some((p) => /^[0-9]+$/.test(p) && p.length > 1 && p[0] === "0"))
    return null;
  return parts;
}
var versions = /* @__PURE__ */ new Map();
function parseVersion(s) {
  let v = versions.get(s);
  if (v === void 0) {
    v = versionOf(s);
    if (versions.size > 1e4) versions.clear();
    versions.set(s, v);
  }
  return v ?? void 0;
}
function compareVersions(a, b) {
  for (let i = 0; i < 3; i++) {
    const x = a[i] ?? 0n;
    const y = b[i] ?? 0n;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
var patterns = /* @__PURE__ */ new Map();
var engine;
var RegexEngineError = class extends Error {
};
function re2() {
  try {
    engine ??= createRequire(import.meta.url)(RE2JS_MODULE).RE2JS;
  } catch (err) {
    const why = err.message.split("\n")[0];
    throw new RegexEngineError(`cannot load the RE2 engine (${RE2JS_MODULE}): ${why}`);
  }
  return engine;
}
function rethrowEngineError(err) {
  if (err instanceof RegexEngineError) throw err;
}
function compileRE2(pattern) {
  let re = patterns.get(pattern);
  if (!re) {
    re = re2().compile(pattern);
    if (patterns.size > 1e4) patterns.clear();
    patterns.set(pattern, re);
  }
  return re;
}
var LITERAL = /^(\^?)([A-Za-z0-9_\-/:=,@%# ]*)(\$?)$/;
function literalPattern(pattern) {
  const m = typeof pattern === "string" ? LITERAL.exec(pattern) : null;
  if (!m) return void 0;
  const text = m[2];
  const start = m[1] !== "";
  const end = m[3] !== "";
  if (start && end) return (s) => s === text;
  if (start) return (s) => s.startsWith(text);
  if (end) return (s) => s.endsWith(text);
  return (s) => s.includes(text);
}

export {
  parseGoInt,
  parseGoIntFast,
  parseVersion,
  compareVersions,
  rethrowEngineError,
  compileRE2,
  literalPattern
};
