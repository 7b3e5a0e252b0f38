// NFD's Features object (pkg/apis/nfd/v1alpha1 Features), also the `spec.features` of a
// Kubernetes NodeFeature. Every value is a string; flags carry no value.

export type Nil = Record<string, never>;

export interface FlagFeatureSet {
  elements: Record<string, Nil>;
}

export interface AttributeFeatureSet {
  elements: Record<string, string>;
}

export interface InstanceFeature {
  attributes: Record<string, string>;
}

export interface InstanceFeatureSet {
  elements: InstanceFeature[];
}

export interface Features {
  flags?: Record<string, FlagFeatureSet>;
  attributes?: Record<string, AttributeFeatureSet>;
  instances?: Record<string, InstanceFeatureSet>;
}

export function emptyFeatures(): Required<Features> {
  return { flags: {}, attributes: {}, instances: {} };
}
