// The setup action's main module (the actions/typescript-action layout): `run()` puts the bundled
// CLI on PATH; the bundle entry (src/action/setup.ts) only calls it, and @github/local-action
// imports it to run the action from source.
import { publish, run as work } from '../run/setup.js';
import { readSetupInputs, runAction } from '../runtime.js';

/** `distDir`: the folder of the bundled CLI (the entry's, dist/). */
export function run(distDir?: string): Promise<void> {
  return runAction(
    () => readSetupInputs(distDir),
    work,
    async (outcome) => publish(outcome),
  );
}
