// Builds the committed single-file bundles in dist/: the CLI and one entry per action.
// The runner executes these files as they are, so they must equal a fresh build (check-dist).
import { build } from 'esbuild';
import { chmod, readFile, rm } from 'node:fs/promises';

const { version } = JSON.parse(await readFile('package.json', 'utf8'));

// entry point -> bundle path (relative to dist/)
export const entries = {
  cli: 'src/cli.ts',
  index: 'src/action/publish.ts',
  plan: 'src/action/plan.ts',
  report: 'src/action/report.ts',
  check: 'src/action/check.ts',
  validate: 'src/action/validate.ts',
  setup: 'src/action/setup.ts',
};

// CommonJS dependencies inside an ES module bundle still call require(): give them one.
const banner = [
  "import { createRequire as __icCreateRequire } from 'node:module';",
  'const require = __icCreateRequire(import.meta.url);',
].join('\n');

await rm('dist', { recursive: true, force: true });
await build({
  entryPoints: entries,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  banner: { js: banner },
  // minipass-fetch (under @sigstore/sign and @sigstore/tuf) loads iconv-lite in a try/catch, only
  // to convert non-UTF-8 response bodies, which Sigstore's JSON services never send: leaving its
  // half megabyte out shortens every start of the CLI and the actions.
  external: ['iconv-lite'],
  define: { __IMAGE_COMPAT_VERSION__: JSON.stringify(version) },
  legalComments: 'none',
  logLevel: 'warning',
});
await chmod('dist/cli.js', 0o755);
