// The Kubernetes NodeFeature object (nfd.k8s-sigs.io/v1alpha1) that carries a host's features:
// what `image-compat features` prints and `validate --features` reads back.
import type { Features } from './types.js';
import type { HostFeatures } from './collect.js';
import type { UnavailableSource } from './host-root.js';

export const NODE_FEATURE_API_VERSION = 'nfd.k8s-sigs.io/v1alpha1';
export const NODE_NAME_LABEL = 'nfd.node.kubernetes.io/node-name';
/** Our annotation: a JSON array of {source, reason} for the sources that could not be read. */
export const UNAVAILABLE_ANNOTATION = 'image-compat.dev/unavailable-sources';

export interface NodeFeature {
  apiVersion: typeof NODE_FEATURE_API_VERSION;
  kind: 'NodeFeature';
  metadata: {
    name: string;
    labels: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec: {
    features: Features;
    labels?: Record<string, string>;
  };
}

export function toNodeFeature(host: HostFeatures): NodeFeature {
  return {
    apiVersion: NODE_FEATURE_API_VERSION,
    kind: 'NodeFeature',
    metadata: {
      name: host.hostname,
      labels: { [NODE_NAME_LABEL]: host.hostname },
      annotations: { [UNAVAILABLE_ANNOTATION]: JSON.stringify(host.unavailable) },
    },
    spec: { features: host.features },
  };
}

/** The unavailable sources recorded in a NodeFeature's annotation ([] when absent or unreadable). */
export function unavailableOf(nf: {
  metadata?: { annotations?: Record<string, string> };
}): UnavailableSource[] {
  const raw = nf.metadata?.annotations?.[UNAVAILABLE_ANNOTATION];
  if (!raw) return [];
  try {
    const v: unknown = JSON.parse(raw);
    if (!Array.isArray(v)) return [];
    return v.filter(
      (x): x is UnavailableSource =>
        typeof x === 'object' && x !== null && typeof x.source === 'string' && typeof x.reason === 'string',
    );
  } catch {
    return [];
  }
}
