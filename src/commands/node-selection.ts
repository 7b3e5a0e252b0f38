// What `generate --output node-feature-rule|node-affinity` and `export` print: a spec as an NFD
// NodeFeatureRule (YAML, for kubectl apply) or as the Pod's node affinity on its labels, with the
// label names for the summary. One place, so both verbs write the same object for the same spec.
import { stringify } from 'yaml';
import { generateNodeFeatureRule, nodeAffinity } from '../kubernetes/index.js';
import type { GeneratedSet } from '../kubernetes/index.js';
import type { Spec } from '../spec/types.js';

export const NODE_SELECTION_OUTPUTS = ['node-feature-rule', 'node-affinity'] as const;
export type NodeSelectionOutput = (typeof NODE_SELECTION_OUTPUTS)[number];

export interface NodeSelectionOptions {
  output: NodeSelectionOutput;
  /** The image's name in labels (`app`). */
  name: string;
  labelPrefix?: string;
  /** The platforms (`os/arch[/variant]`) the spec is for, when known: the affinity requires one. */
  platforms?: string[];
  /** Recorded on the NodeFeatureRule (where the spec came from). */
  annotations?: Record<string, string>;
}

export interface NodeSelectionResult {
  yaml: string;
  /** metadata.name of the NodeFeatureRule. */
  objectName: string;
  /** Per selected set, the label that marks the nodes where it matches. */
  sets: GeneratedSet[];
  /** What the user must know: the features.d hook the rules need. */
  notes: string[];
}

export function renderNodeSelection(spec: Spec, opts: NodeSelectionOptions): NodeSelectionResult {
  const { object, sets, localFeatures } = generateNodeFeatureRule(spec, {
    name: opts.name,
    ...(opts.labelPrefix !== undefined && { labelPrefix: opts.labelPrefix }),
  });
  if (opts.annotations && Object.keys(opts.annotations).length) {
    object.metadata.annotations = { ...opts.annotations };
  }
  const value = opts.output === 'node-feature-rule' ? object : nodeAffinity(sets, opts.platforms);
  const notes = localFeatures.length
    ? [
        `the rules read ${localFeatures.join(', ')} from NFD's local source: every node needs the features.d file of \`image-compat features --output nfd-local\` (docs/kubernetes.md)`,
      ]
    : [];
  return {
    yaml: stringify(value, { lineWidth: 0, aliasDuplicateObjects: false }),
    objectName: object.metadata.name,
    sets,
    notes,
  };
}

/** The image's name for labels: the last part of its repository (`ghcr.io/acme/app:1` -> `app`). */
export function imageName(repository: string): string {
  return repository.split('/').pop() ?? repository;
}
