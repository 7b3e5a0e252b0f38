// Entry of the `setup` action (setup/action.yml -> dist/setup.js): `image-compat` on PATH for
// `run:` steps, the CLI bundled beside this file, cached in the runner's tool cache by version.
import { run } from './main/setup.js';

await run();
