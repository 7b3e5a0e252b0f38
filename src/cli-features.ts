// `image-compat features` as a program of its own (built apart: scripts/bundle.mjs, ownBuilds),
// for the same reason as src/cli-validate.ts: the launcher (src/cli.ts) loads it for a start
// whose first argument is `features`, and everything that start needs is one file.
import { featuresCommand } from './cli/features.js';
import { runCli } from './cli/run.js';

await runCli({ features: async () => featuresCommand });
