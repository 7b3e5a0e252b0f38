// Entry of the `setup` action (setup/action.yml -> dist/setup.js): `image-compat` on PATH for
// `run:` steps, the CLI bundled beside this file, cached in the runner's tool cache by version.
import { publish, run } from './run/setup.js';
import { readSetupInputs, runAction } from './runtime.js';

await runAction(readSetupInputs, run, async (outcome) => publish(outcome));
