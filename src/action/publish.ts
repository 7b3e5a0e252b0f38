// Entry of the publish action (action.yml -> dist/index.js): compile the config per platform of the
// pushed image, lint, sign and attach; outputs `artifacts` and `specs`, and a job summary.
import { publish, run } from './run/publish.js';
import { readPublishInputs, runAction } from './runtime.js';

await runAction(readPublishInputs, run, publish);
