// The setup action's main module (the actions/typescript-action layout): `run()` puts the bundled
// CLI on PATH; the bundle entry (src/action/setup.ts) only calls it, and @github/local-action
// imports it to run the action from source.
import { publish, run as work } from '../run/setup.js';
import { readSetupInputs, runAction } from '../runtime.js';

export function run(): Promise<void> {
  return runAction(readSetupInputs, work, async (outcome) => publish(outcome));
}
