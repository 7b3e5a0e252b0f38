// The plan action's main module (the actions/typescript-action layout): `run()` reads the inputs
// and runs the action; the bundle entry (src/action/plan.ts) only calls it, and @github/local-action
// imports it to run the action from source.
import { publish, run as work } from '../run/plan.js';
import { readPlanInputs, runAction } from '../runtime.js';

export function run(): Promise<void> {
  return runAction(readPlanInputs, work, publish);
}
