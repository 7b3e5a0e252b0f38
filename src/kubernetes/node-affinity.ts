// The Pod's node affinity for a generated NodeFeatureRule: required, any matching set (node
// selector terms are ORed), each term the set's label "true" and, when the image's platform is
// known, the node's kubernetes.io/os and kubernetes.io/arch (validate refuses other platforms;
// labels say nothing of the platform, and Kubernetes has no label for the variant).
import { tryParsePlatform } from '../platform/platform.js';
import type { GeneratedSet } from './node-feature-rule.js';
import type { NodeSelectorRequirement, PodAffinity } from './types.js';

export function nodeAffinity(sets: readonly GeneratedSet[], platform?: string): PodAffinity {
  const p = platform ? tryParsePlatform(platform) : undefined;
  const platformTerms: NodeSelectorRequirement[] = p
    ? [
        { key: 'kubernetes.io/os', operator: 'In', values: [p.os] },
        { key: 'kubernetes.io/arch', operator: 'In', values: [p.architecture] },
      ]
    : [];
  return {
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: sets.map((s) => ({
            matchExpressions: [{ key: s.label, operator: 'In', values: ['true'] }, ...platformTerms],
          })),
        },
      },
    },
  };
}
