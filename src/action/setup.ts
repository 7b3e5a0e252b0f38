// Entry of the `setup` action (setup/action.yml -> dist/setup.js): `image-compat` on PATH for
// `run:` steps, the CLI bundled beside this file, cached in the runner's tool cache by version.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './main/setup.js';

// This file is dist/setup.js in the bundle: the CLI (cli.js, chunks/) sits beside it.
await run(path.dirname(fileURLToPath(import.meta.url)));
