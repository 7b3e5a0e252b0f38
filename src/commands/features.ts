// `features`: collect this host's (or a mounted host root's) features as a NodeFeature object.
import { collectHostFeatures, resolveHostRoot, toNodeFeature } from '../features/index.js';
import type { HostFeatures, NodeFeature, RunProgram } from '../features/index.js';

export interface FeaturesOptions {
  /** `--host-root`; falls back to IMAGE_COMPAT_HOST_ROOT. */
  hostRoot?: string;
  env?: NodeJS.ProcessEnv;
  runProgram?: RunProgram;
}

export interface FeaturesResult {
  host: HostFeatures;
  nodeFeature: NodeFeature;
}

export async function runFeatures(opts: FeaturesOptions = {}): Promise<FeaturesResult> {
  const hostRoot = resolveHostRoot(opts.hostRoot, opts.env ?? process.env);
  const host = await collectHostFeatures({ hostRoot, runProgram: opts.runProgram });
  return { host, nodeFeature: toNodeFeature(host) };
}
