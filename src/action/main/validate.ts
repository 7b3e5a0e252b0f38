// The validate action's main module (the actions/typescript-action layout): `run()` reads the inputs
// and runs the action; the bundle entry (src/action/validate.ts) only calls it, and @github/local-action
// imports it to run the action from source.
import { publish, run as work } from '../run/validate.js';
import { readValidateInputs, runAction } from '../runtime.js';

export function run(): Promise<void> {
  return runAction(readValidateInputs, work, publish);
}
