#!/usr/bin/env node
// The CLI's launcher (dist/cli.js): turns on Node's compile cache, then loads the CLI itself
// (src/cli/main.ts, a chunk of its own). The cache keeps V8's compiled code of every module the
// CLI loads, so a second start skips compiling them; it has to be on before those modules are
// compiled, hence the dynamic import. It lives under the user's cache folder (cli/compile-cache.ts)
// and stays off when that cannot be written or NODE_DISABLE_COMPILE_CACHE is set.
import { enableCompileCache } from './cli/compile-cache.js';

enableCompileCache();
await import('./cli/main.js');
