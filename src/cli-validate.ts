// `image-compat validate` as a program of its own (built apart: scripts/bundle.mjs, ownBuilds).
// The launcher (src/cli.ts) loads it for a start whose first argument is `validate`, the command
// every validation job runs. Built alone, everything its start needs is one file, where the
// whole CLI's build splits it into the 40-odd chunks it shares with other commands and the
// actions (docs/build.md). It behaves as the whole CLI does for that command line: the program
// (cli/run.ts) takes the command a start names, and only that one, in both.
import { runCli } from './cli/run.js';
import { validateCommand } from './cli/validate.js';

await runCli({ validate: async () => validateCommand });
