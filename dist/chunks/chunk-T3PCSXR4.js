import {
  catalogEntry,
  isOwnFeature
} from "./chunk-ZBJJTEMS.js";
import {
  InputError
} from "./chunk-TS22JX7Z.js";

// src/kubernetes/local-keys.ts
var LOCAL_FEATURE = "local.feature";
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
  LOCAL_FEATURE,
  LOCAL_KEY_PREFIX,
  MAX_LOCAL_INSTANCES,
  ownFeatureKind,
  presenceKey,
  attributeKey,
  instanceKey,
  instanceAttributeKey,
  MAX_FEATURE_FILE_SIZE,
  localFeatureLines,
  formatNfdLocal,
  parseNfdLocal
};
