// `plan`: the runner matrix for validating each set on hardware that has it.
import { loadConfig } from '../config/load.js';
import { planMatrix, type PlanEntry } from '../config/plan.js';
import { DEFAULT_CONFIG_PATH } from '../config/types.js';

export interface PlanOptions {
  config?: string;
}

export async function plan(opts: PlanOptions): Promise<PlanEntry[]> {
  const { config } = await loadConfig(opts.config ?? DEFAULT_CONFIG_PATH);
  return planMatrix(config);
}
