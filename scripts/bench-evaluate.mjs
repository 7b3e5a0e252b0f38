// Evaluation benchmark (npm run bench:evaluate; npm run bench runs it too): the evaluator alone,
// in process, on the inputs of issue #17's targets. Bundles src/ with esbuild into a temporary
// directory (no dist/ change), then measures
//   1. 10,000 rules x a host with 500 PCI instances: the first evaluation in the process (spec
//      compilation, host indexes and JIT warm-up included) and the steady state (the spec
//      compiled once, a new host index each run: median of 9),
//   2. one spec (examples/specs/gpu.yaml) x 10,000 NodeFeatures: evaluation only (the hosts are
//      already parsed), through the validate command.
// The inputs live in test/helpers/bench-inputs.ts, shared with the identity test that compares
// the compiled evaluator's results with the reference evaluator's on them.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(path.join(tmpdir(), 'image-compat-bench-evaluate-'));
try {
  const src = (p) => JSON.stringify(path.join(root, p));
  writeFileSync(
    path.join(dir, 'entry.ts'),
    [
      `export * from ${src('src/match/index.ts')};`,
      `export { validate } from ${src('src/commands/validate.ts')};`,
      `export { parseSpec } from ${src('src/spec/parse.ts')};`,
      `export { hostFeatures, specWith } from ${src('test/helpers/bench-inputs.ts')};`,
    ].join('\n'),
  );
  await build({
    entryPoints: [path.join(dir, 'entry.ts')],
    outfile: path.join(dir, 'engine.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    banner: {
      js: "import { createRequire as __icCreateRequire } from 'node:module';\nconst require = __icCreateRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  const engine = await import(pathToFileURL(path.join(dir, 'engine.mjs')).href);
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const ms = (fn) => {
    const t = performance.now();
    const out = fn();
    return { ms: performance.now() - t, out };
  };
  const line = (label, value) => console.log(`${label.padEnd(64)} ${value}`);
  console.log(`evaluation, node ${process.version}, ${process.platform}/${process.arch}`);

  const host = engine.hostFeatures();
  const spec = engine.specWith(10_000);
  // The compiled entry point when there is one (compile once, evaluate many); else evaluateSpec.
  const compile = engine.compileSpec ?? ((s) => s);
  const first = ms(() => engine.evaluateSpec(compile(spec), host));
  line('evaluate 10,000 rules vs 500 PCI instances, first', `${first.ms.toFixed(1)} ms`);
  const compiled = compile(spec);
  const steady = [];
  for (let i = 0; i < 9; i++) steady.push(ms(() => engine.evaluateSpec(compiled, host)).ms);
  line('evaluate 10,000 rules vs 500 PCI instances, steady (median of 9)', `${median(steady).toFixed(1)} ms`);

  const gpuSpec = engine.parseSpec(readFileSync(path.join(root, 'examples/specs/gpu.yaml'), 'utf8'), 'gpu.yaml');
  const hosts = Array.from({ length: 10_000 }, (_, i) => ({ name: `node-${i}`, features: engine.hostFeatures(i, 24) }));
  const runs = [];
  let out;
  for (let i = 0; i < 3; i++) {
    const r = ms(() => engine.validate({ spec: gpuSpec, hosts }));
    runs.push(r.ms);
    out = r.out;
  }
  line(
    'evaluate the GPU example spec on 10,000 NodeFeatures (median of 3)',
    `${median(runs).toFixed(0)} ms (${out.compatibleCount} compatible)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
