// The features room's public API: collect a host's features (NFD's sources plus GPUs and RDMA)
// and wrap them in a Kubernetes NodeFeature object.
export { collectHostFeatures, SOURCES, type CollectOptions, type HostFeatures } from './collect.js';
export {
  toNodeFeature,
  unavailableOf,
  NODE_FEATURE_API_VERSION,
  NODE_NAME_LABEL,
  UNAVAILABLE_ANNOTATION,
  type NodeFeature,
} from './node-feature.js';
export {
  HostRoot,
  resolveHostRoot,
  describeError,
  type HostFs,
  type UnavailableSource,
} from './host-root.js';
export { makeProgramRunner, runProgram, type RunProgram, type ProgramResult } from './program.js';
