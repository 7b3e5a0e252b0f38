#!/usr/bin/env node
// The CLI's launcher (dist/cli.js): turns on Node's compile cache, then loads the program for the
// command line. The cache keeps V8's compiled code of every module the CLI loads, so a second
// start skips compiling them; it has to be on before those modules are compiled, hence the
// dynamic imports. It lives under the user's cache folder (cli/compile-cache.ts) and stays off
// when that cannot be written or NODE_DISABLE_COMPILE_CACHE is set.
// `validate` and `features` run programs built on their own (src/cli-validate.ts,
// src/cli-features.ts: one file each where the whole CLI's build splits them into dozens);
// every other start loads the whole CLI (src/cli/main.ts), which also has those two.
// `--version` alone is answered here, before any of that.
import { enableCompileCache } from './cli/compile-cache.js';
import { answerVersion } from './cli/version-flag.js';

if (!answerVersion(process.argv)) {
  enableCompileCache();
  const command = process.argv[2];
  if (command === 'validate') await import('./cli-validate.js');
  else if (command === 'features') await import('./cli-features.js');
  else await import('./cli/main.js');
}
