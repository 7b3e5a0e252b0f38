// The kubernetes room's public API: a spec as an NFD NodeFeatureRule and a Pod's node affinity,
// our own features as NFD local-source lines, and nfd-master's rule processing to prove them.
export {
  generateNodeFeatureRule,
  type GeneratedNodeFeatureRule,
  type GeneratedSet,
  type NodeFeatureRuleOptions,
} from './node-feature-rule.js';
export { nodeAffinity } from './node-affinity.js';
export { formatNfdLocal, parseNfdLocal, MAX_FEATURE_FILE_SIZE, type NfdLocalOptions } from './nfd-local.js';
export { nfdView } from './nfd-view.js';
export { ownFeaturesFromLocal } from './local-read.js';
export { processNodeFeatureRules, type NodeRuleOutput, type RuleError } from './nfd-master.js';
export { DEFAULT_LABEL_PREFIX, isQualifiedName, labelName } from './label-names.js';
export { LOCAL_KEY_PREFIX, MAX_LOCAL_INSTANCES } from './local-keys.js';
export type * from './types.js';
