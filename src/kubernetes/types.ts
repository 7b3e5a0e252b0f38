// The Kubernetes objects this room writes and reads, with NFD's CRD field names (NFD v0.19
// api/nfd/v1alpha1/types.go: NodeFeatureRule, Rule; core/v1 NodeAffinity). Only the fields we
// generate or evaluate; an object with others is still a valid NodeFeatureRule.
import type { FeatureMatcherTerm, MatchAnyElem } from '../spec/types.js';

export const NFD_API_VERSION = 'nfd.k8s-sigs.io/v1alpha1';

/** One rule of a NodeFeatureRule (NFD's Rule; matchFeatures/matchAny as in the image spec). */
export interface NodeFeatureRuleRule {
  name: string;
  labels?: Record<string, string>;
  labelsTemplate?: string;
  vars?: Record<string, string>;
  varsTemplate?: string;
  matchFeatures?: FeatureMatcherTerm[];
  matchAny?: MatchAnyElem[];
}

export interface NodeFeatureRule {
  apiVersion: typeof NFD_API_VERSION;
  kind: 'NodeFeatureRule';
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec: { rules: NodeFeatureRuleRule[] };
}

export interface NodeSelectorRequirement {
  key: string;
  operator: 'In';
  values: string[];
}

/** A Pod's `affinity` with the one field we set (core/v1 Affinity.nodeAffinity). */
export interface PodAffinity {
  affinity: {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: Array<{ matchExpressions: NodeSelectorRequirement[] }>;
      };
    };
  };
}
