import {
  NODE_FEATURE_API_VERSION,
  UNAVAILABLE_ANNOTATION
} from "./chunk-3OLLROG6.js";

// src/validation/scrub.ts
var DROPPED_FEATURES = /* @__PURE__ */ new Set(["system.name"]);
var IDENTIFYING_KEYS = [
  [/^system\.dmiid$/, /serial|uuid|asset_tag/i],
  [/^usb\./, /serial/i],
  [/^(network|rdma|pci)\./, /^(address|perm_addr|mac|hw_?addr|.*guid|serial.*)$/i],
  [/./, /^(machine_?id|hostname|nodename)$/i]
];
var IDENTIFYING_VALUE = /^([0-9a-f]{2}[:-]){5}([0-9a-f]{2})([:-][0-9a-f]{2}){0,2}$|^([0-9a-f]{4}:){3}[0-9a-f]{4}$/i;
function scrubElements(feature, elements) {
  const keys = IDENTIFYING_KEYS.filter(([f]) => f.test(feature)).map(([, k]) => k);
  return Object.fromEntries(
    Object.entries(elements).filter(
      ([k, v]) => !keys.some((re) => re.test(k)) && !IDENTIFYING_VALUE.test(v.trim())
    )
  );
}
function scrubFeatures(features) {
  const out = { flags: {}, attributes: {}, instances: {} };
  for (const [name, set] of Object.entries(features.flags ?? {})) {
    if (DROPPED_FEATURES.has(name)) continue;
    out.flags[name] = { elements: { ...set.elements } };
  }
  for (const [name, set] of Object.entries(features.attributes ?? {})) {
    if (DROPPED_FEATURES.has(name)) continue;
    out.attributes[name] = { elements: scrubElements(name, set.elements) };
  }
  for (const [name, set] of Object.entries(features.instances ?? {})) {
    if (DROPPED_FEATURES.has(name)) continue;
    out.instances[name] = {
      elements: set.elements.map((e) => ({ attributes: scrubElements(name, e.attributes) }))
    };
  }
  return out;
}
function scrubbedNodeFeature(features, name, unavailable = []) {
  return {
    apiVersion: NODE_FEATURE_API_VERSION,
    kind: "NodeFeature",
    metadata: {
      name,
      labels: {},
      ...unavailable.length > 0 && {
        annotations: { [UNAVAILABLE_ANNOTATION]: JSON.stringify(unavailable) }
      }
    },
    spec: { features: scrubFeatures(features) }
  };
}

export {
  scrubFeatures,
  scrubbedNodeFeature
};
