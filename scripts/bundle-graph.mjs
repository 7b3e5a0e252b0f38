// What a start of a bundle loads, from esbuild's metafile: the output files reached from an entry
// by static imports, plus the chunks of the dynamic import()s a start path takes (named by their
// source file, e.g. src/cli/features.ts), each with their own static imports. Used by the bundle
// check (test/cli/bundle.test.ts) and to look at a path's cost (node scripts/bundle-graph.mjs).
import { build } from 'esbuild';
import { bundleOptions, ownBuildOptions, ownBuilds } from './bundle.mjs';

/** Builds dist/'s one build in memory (nothing written) and returns esbuild's metafile. */
export async function bundleMetafile() {
  const result = await build({ ...bundleOptions('0.0.0-check'), write: false });
  return result.metafile;
}

/** The metafile of each of the commands built on their own (bundle.mjs ownBuilds), by output name. */
export async function ownBuildMetafiles() {
  const names = Object.keys(ownBuilds);
  const results = await Promise.all(
    names.map((n) => build({ ...ownBuildOptions('0.0.0-check', n), write: false })),
  );
  return Object.fromEntries(names.map((n, i) => [n, results[i].metafile]));
}

/** The output file esbuild made for a source module loaded by import() (or an entry point). */
export function chunkOf(metafile, source) {
  const found = Object.entries(metafile.outputs).find(([, o]) => o.entryPoint === source);
  if (!found) throw new Error(`no chunk has entry point ${source}`);
  return found[0];
}

/**
 * What a start path loads: `steps` are source modules, the first an entry point, each one after it
 * loaded by a dynamic import() of a module loaded before it. Returns the output files, the
 * external modules imported statically (node:http...), and the source inputs inside those files.
 */
export function loadedBy(metafile, steps) {
  const outputs = new Set();
  const externals = new Set();
  const visit = (file) => {
    if (outputs.has(file)) return;
    outputs.add(file);
    for (const imp of metafile.outputs[file].imports) {
      if (imp.kind === 'dynamic-import') continue;
      if (imp.external) externals.add(imp.path);
      else visit(imp.path);
    }
  };
  for (const [i, source] of steps.entries()) {
    const chunk = chunkOf(metafile, source);
    if (i > 0) {
      const reachable = [...outputs].some((o) =>
        metafile.outputs[o].imports.some((imp) => imp.kind === 'dynamic-import' && imp.path === chunk),
      );
      if (!reachable) throw new Error(`nothing loaded before ${source} imports it`);
    }
    visit(chunk);
  }
  const inputs = new Set([...outputs].flatMap((o) => Object.keys(metafile.outputs[o].inputs)));
  const bytes = [...outputs].reduce((n, o) => n + metafile.outputs[o].bytes, 0);
  return { outputs, externals, inputs, bytes };
}

/** The package (or src/ folder) of an input, for summaries. */
export function groupOf(input) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input.slice(input.lastIndexOf('node_modules/')));
  if (m) return m[1];
  return input.split('/').slice(0, 2).join('/');
}

// node scripts/bundle-graph.mjs src/cli.ts src/cli/main.ts src/cli/discover.ts
// node scripts/bundle-graph.mjs src/cli-validate.ts src/features/collect.ts   (an own build's path)
if (process.argv[1]?.endsWith('bundle-graph.mjs')) {
  const own = Object.entries(ownBuilds).find(([, source]) => source === process.argv[2]);
  const metafile = own ? (await ownBuildMetafiles())[own[0]] : await bundleMetafile();
  const { outputs, externals, inputs, bytes } = loadedBy(metafile, process.argv.slice(2));
  const sizes = new Map();
  for (const o of outputs)
    for (const [input, { bytesInOutput }] of Object.entries(metafile.outputs[o].inputs))
      sizes.set(groupOf(input), (sizes.get(groupOf(input)) ?? 0) + bytesInOutput);
  console.log(`${outputs.size} files, ${(bytes / 1024).toFixed(0)} KiB, ${inputs.size} modules`);
  for (const [g, n] of [...sizes].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(9)}  ${g}`);
  console.log(`externals: ${[...externals].sort().join(' ')}`);
}
