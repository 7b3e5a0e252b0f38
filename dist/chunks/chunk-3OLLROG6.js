
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
function unavailableOf(nf) {
  const raw = nf.metadata?.annotations?.[UNAVAILABLE_ANNOTATION];
  if (!raw) return [];
  try {
    const v = JSON.parse(raw);
    if (!Array.isArray(v)) return [];
    return v.filter(
      (x) => typeof x === "object" && x !== null && typeof x.source === "string" && typeof x.reason === "string"
    );
  } catch {
    return [];
  }
}

export {
  NODE_FEATURE_API_VERSION,
  UNAVAILABLE_ANNOTATION,
  toNodeFeature,
  unavailableOf
};
