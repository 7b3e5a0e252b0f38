// The select action's main module (the actions/typescript-action layout): `run()` reads the inputs
// and runs the action; the bundle entry (src/action/select.ts) only calls it, and @github/local-action
// imports it to run the action from source.
import { publish, run as work } from '../run/select.js';
import { readSelectInputs, runAction } from '../runtime.js';

export function run(): Promise<void> {
  return runAction(readSelectInputs, work, publish);
}
