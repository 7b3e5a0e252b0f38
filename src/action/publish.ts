// Entry of the publish action (action.yml -> dist/index.js): compile the config per platform of the
// pushed image, lint, sign and attach; outputs `artifacts` and `specs`, and a job summary.
import { run } from './main/publish.js';

await run();
