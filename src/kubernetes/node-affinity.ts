// The Pod's node affinity for a generated NodeFeatureRule: required, any matching set (node
// selector terms are ORed), each term the set's label "true" and, when the image's platform is
// known, the node's kubernetes.io/os and kubernetes.io/arch among the image's platforms (validate
// refuses other platforms; labels say nothing of the platform; Kubernetes has no variant label).
import { tryParsePlatform } from '../platform/platform.js';
import type { GeneratedSet } from './node-feature-rule.js';
import type { NodeSelectorRequirement, PodAffinity } from './types.js';

export function nodeAffinity(sets: readonly GeneratedSet[], platforms: readonly string[] = []): PodAffinity {
  const parsed = platforms.map((p) => tryParsePlatform(p)).filter((p) => p !== undefined);
  const os = [...new Set(parsed.map((p) => p.os))];
  const arch = [...new Set(parsed.map((p) => p.architecture))];
  const platformTerms: NodeSelectorRequirement[] = parsed.length
    ? [
        { key: 'kubernetes.io/os', operator: 'In', values: os },
        { key: 'kubernetes.io/arch', operator: 'In', values: arch },
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
