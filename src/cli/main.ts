// The whole CLI: every command (cli/index.ts) in the one program (cli/run.ts). The launcher
// (src/cli.ts) loads it for every start but those of the commands built on their own
// (src/cli-validate.ts, src/cli-features.ts) and `--version` alone (the launcher answers it):
// help, errors and the other commands.
import { commands } from './index.js';
import { runCli } from './run.js';

await runCli(commands);
