// Builds the committed bundles in dist/: the CLI and one entry per action, split (esbuild
// `splitting`): dist/<entry>.js holds what only that entry runs, dist/chunks/ the modules entries
// share and every module loaded by a dynamic import(), so a start compiles only what its command
// needs (the CLI's launcher dist/cli.js loads the program, which loads the one command it runs;
// the registry client, TLS, Sigstore and yaml's writer load on the paths that use them).
// `validate` and `features` are also built on their own (ownBuilds: src/cli-<command>.ts ->
// dist/chunks/cli-<command>.js, with chunks of their own for their dynamic imports): the launcher
// runs those for their starts. In the one build, the modules of a start are split by which other
// entries share them (42 files for `validate --features`); alone, they are one file and the few
// chunks it shares with its own dynamic imports (15 files), which Node links in less time
// (validate --spec S --features F 12-19 ms of CPU less a start; docs/build.md).
// The runner executes these files as they are, so they must equal a fresh build (check-dist).
// test/cli/bundle.test.ts builds with these options and checks what each start path loads.
// re2js (src/spec/values.ts) is not in those bundles: it is written on its own as
// dist/chunks/re2js.cjs (RE2JS_FILE), which values.ts requires synchronously on the first pattern
// compiled, so a start whose spec has no regular expression never reads its 272 KiB.
// esbuild drops the packages' legal comments (legalComments: none keeps the bundles small), so the
// third-party notices are written beside them: dist/licenses.txt names every package esbuild put
// into a bundle (from its metafile), with its version, licence and licence text.
import { build } from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// entry point -> bundle path (relative to dist/)
export const entries = {
  cli: 'src/cli.ts',
  index: 'src/action/publish.ts',
  plan: 'src/action/plan.ts',
  report: 'src/action/report.ts',
  check: 'src/action/check.ts',
  validate: 'src/action/validate.ts',
  setup: 'src/action/setup.ts',
  select: 'src/action/select.ts',
};

// CommonJS dependencies inside an ES module bundle still call require(): give them one.
const banner = [
  "import { createRequire as __icCreateRequire } from 'node:module';",
  'const require = __icCreateRequire(import.meta.url);',
].join('\n');

// An ES module import of a Node built-in (`import * as http from 'http'`, agent-base's, or a
// named one) makes Node build the module's whole ESM facade, reading every export: on Node 24
// node:http's getters load its undici (2.9x a bare `node -e 0`). The networking built-ins are
// bundled instead as `require()` behind esbuild's lazy CommonJS interop (1.18x).
const NETWORK_BUILTINS = /^(node:)?(http|https|http2|net|tls)$/;
const requireNetworkBuiltins = {
  name: 'require-network-builtins',
  setup(b) {
    b.onResolve({ filter: NETWORK_BUILTINS }, (args) =>
      args.kind === 'import-statement' || args.kind === 'dynamic-import'
        ? { path: args.path.replace(/^node:/, ''), namespace: 'network-builtin' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'network-builtin' }, (args) => ({
      contents: `module.exports = require('node:${args.path}');`,
      loader: 'js',
    }));
  },
};

// The same holds for node:fs: its ESM facade reads fs.promises and fs.ReadStream, which load
// node:fs/promises, readline and the streams (about 10 ms of CPU a start). node:fs is bundled as
// `require()` too. (Not every built-in: each becomes a chunk file of its own, and a file costs a
// start more than the facade of a built-in without lazy exports.)
const requireFs = {
  name: 'require-fs',
  setup(b) {
    b.onResolve({ filter: /^(node:)?fs$/ }, (args) =>
      args.kind === 'import-statement' || args.kind === 'dynamic-import'
        ? { path: 'fs', namespace: 'builtin' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, () => ({
      contents: "module.exports = require('node:fs');",
      loader: 'js',
    }));
  },
};

// commander requires node:child_process at its top, only to spawn the executables of standalone
// subcommands, which this CLI has none of; loading it (with net, dgram and the streams) costs a
// start about 10 ms of CPU. commander gets a stand-in that loads it on the first spawn.
const lazyChildProcessForCommander = {
  name: 'lazy-child-process-for-commander',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /node_modules\/commander\//.test(args.importer) && args.kind === 'require-call'
        ? { path: 'child_process', namespace: 'lazy-child-process' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents:
        "let cp;\nmodule.exports = { spawn: (...args) => (cp ??= require('node:child_process')).spawn(...args) };",
      loader: 'js',
    }));
  },
};

// yaml's package gives Node its CommonJS build, which a bundle wraps whole: the first use runs
// every one of its modules (about 8 ms of CPU a start, with no tree shaking). Its ES module build
// (the one it gives bundlers for browsers, from the same source) is bundled instead, shaken and
// hoisted: `validate --spec S --features F` 22 ms of CPU less (140 against 162, 20 interleaved
// runs). It differs only in how it would print warnings (console.warn, not process.emitWarning),
// and src/spec/document.ts has it print none, and in ignoring yaml's LOG_TOKENS/LOG_STREAM debug
// variables.
export const YAML_ESM = path.join(
  path.dirname(createRequire(import.meta.url).resolve('yaml/package.json')),
  'browser/index.js',
);

/**
 * The commands built on their own: output name -> source. Each output goes to dist/chunks/ (with
 * re2js, which their chunks require as ./re2js.cjs); the launcher imports them from there.
 */
export const ownBuilds = { 'cli-validate': 'src/cli-validate.ts', 'cli-features': 'src/cli-features.ts' };

// The launcher's import('./cli-validate.js') is left to Node, at the path where that build puts it.
const ownBuildsExternal = {
  name: 'own-builds-external',
  setup(b) {
    b.onResolve({ filter: /^\.\/cli-[a-z]+\.js$/ }, (args) => {
      const name = path.basename(args.path, '.js');
      return args.kind === 'dynamic-import' && Object.hasOwn(ownBuilds, name)
        ? { path: `./chunks/${name}.js`, external: true }
        : undefined;
    });
  },
};

/** Where the RE2 engine is written, relative to the chunks that require it (all in dist/chunks/). */
export const RE2JS_FILE = 'chunks/re2js.cjs';

/**
 * The define for a bundle of src/ written outside the repository (the benchmarks' temporary
 * bundles): re2js by its absolute path, since node_modules cannot be found from there.
 */
export function re2jsFromNodeModules() {
  return { __RE2JS_FILE__: JSON.stringify(createRequire(import.meta.url).resolve('re2js')) };
}

/** esbuild's options for dist/re2js.cjs: re2js alone, CommonJS (required synchronously). */
export function re2jsOptions() {
  return {
    stdin: { contents: "export { RE2JS } from 're2js';", resolveDir: '.', loader: 'js' },
    outfile: `dist/${RE2JS_FILE}`,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  };
}

/** esbuild's options for dist/ (the version string is package.json's). */
export function bundleOptions(version) {
  return {
    entryPoints: entries,
    outdir: 'dist',
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node22',
    banner: { js: banner },
    // minipass-fetch (under @sigstore/sign and @sigstore/tuf) loads iconv-lite in a try/catch, only
    // to convert non-UTF-8 response bodies, which Sigstore's JSON services never send: leaving its
    // half megabyte out shortens every start of the CLI and the actions.
    external: ['iconv-lite'],
    define: {
      __IMAGE_COMPAT_VERSION__: JSON.stringify(version),
      __RE2JS_FILE__: JSON.stringify(`./${path.basename(RE2JS_FILE)}`),
    },
    alias: { yaml: YAML_ESM },
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    plugins: [requireNetworkBuiltins, requireFs, lazyChildProcessForCommander, ownBuildsExternal],
  };
}

/** esbuild's options for one of ownBuilds: as dist/'s, with that one entry, written to dist/chunks/. */
export function ownBuildOptions(version, name) {
  return { ...bundleOptions(version), entryPoints: { [name]: ownBuilds[name] }, entryNames: 'chunks/[name]' };
}

/**
 * Builds dist/ (the one build, then each of ownBuilds) into `outdir`, with `define` added to the
 * bundles' defines; returns the metafiles' inputs. Two builds can make the same chunk (a hash of
 * its content names it): it is written once, and the same name with other bytes is an error.
 */
export async function buildDist(version, { outdir = 'dist', define = {} } = {}) {
  const written = new Map();
  const inputs = [];
  const all = [bundleOptions(version), ...Object.keys(ownBuilds).map((n) => ownBuildOptions(version, n))];
  for (const options of all) {
    const { metafile, outputFiles } = await build({
      ...options,
      outdir,
      define: { ...options.define, ...define },
      write: false,
    });
    for (const file of outputFiles) {
      const bytes = file.path.endsWith('.js') ? Buffer.from(withoutUnusedBanner(file.text)) : file.contents;
      const before = written.get(file.path);
      if (before && !before.equals(bytes))
        throw new Error(`two builds make ${file.path} with different bytes`);
      if (before) continue;
      written.set(file.path, Buffer.from(bytes));
      await mkdir(path.dirname(file.path), { recursive: true });
      await writeFile(file.path, bytes);
    }
    inputs.push(...Object.keys(metafile.inputs));
  }
  const re2js = await build({ ...re2jsOptions(), outfile: path.join(outdir, RE2JS_FILE) });
  await chmod(path.join(outdir, 'cli.js'), 0o755);
  return [...inputs, ...Object.keys(re2js.metafile.inputs)];
}

/**
 * A bundle's text without the banner when nothing in it calls `require` (most chunks: esbuild's
 * helpers, in one chunk, do the requiring): each banner is an import and a createRequire at every
 * start, times the 40-odd files a start links.
 */
export function withoutUnusedBanner(text) {
  const at = text.indexOf(banner);
  if (at < 0) return text;
  const rest = text.slice(at + banner.length);
  return /(^|[^\w$.])require\b/.test(rest) ? text : text.slice(0, at) + rest.replace(/^\n/, '');
}

async function main() {
  const { version } = JSON.parse(await readFile('package.json', 'utf8'));
  await rm('dist', { recursive: true, force: true });
  const inputs = await buildDist(version);
  await writeFile('dist/licenses.txt', await licenseNotices(inputs));
}

/** The package folder of a bundled file: the innermost node_modules/<name> or node_modules/@scope/<name>. */
function packageDirOf(input) {
  const parts = input.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return undefined;
  const length = parts[at + 1]?.startsWith('@') ? 2 : 1;
  return parts.slice(0, at + 1 + length).join('/');
}

function licenseFile(dir) {
  const found = readdirSync(dir)
    .filter((f) => /^(licen[cs]e|copying|notice)([.-].*)?$/i.test(f))
    .sort();
  return found.length ? path.join(dir, found[0]) : undefined;
}

/** One notice per bundled package (name@version, licence, the text of its licence file), sorted. */
async function licenseNotices(inputs) {
  const dirs = [...new Set(inputs.map(packageDirOf).filter(Boolean))];
  const notices = [];
  for (const dir of dirs) {
    if (!existsSync(path.join(dir, 'package.json'))) continue;
    const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
    const license = typeof pkg.license === 'string' ? pkg.license : (pkg.license?.type ?? 'UNKNOWN');
    const file = licenseFile(dir);
    const text = file
      ? (await readFile(file, 'utf8')).replace(/\r\n/g, '\n').trimEnd()
      : `(the package ships no licence file; its package.json says ${license})`;
    notices.push({ id: `${pkg.name}@${pkg.version}`, license, text });
  }
  // One entry per name@version (a package can sit at two paths of node_modules).
  const unique = [...new Map(notices.map((n) => [n.id, n])).values()].sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  const header = [
    "Third-party software bundled into dist/ (generated by scripts/bundle.mjs from esbuild's metafile).",
    `${unique.length} packages.`,
    '',
  ];
  const body = unique.map((n) =>
    [`${'='.repeat(78)}`, `${n.id}`, `License: ${n.license}`, '', n.text, ''].join('\n'),
  );
  return `${header.join('\n')}\n${body.join('\n')}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();
