// Evaluation benchmark (npm run bench:evaluate; npm run bench runs it too): the evaluator alone,
// in process, on the inputs of issue #17's targets, against the evaluator it replaced (the
// reference copy in test/helpers/reference-evaluator) in the same run. Bundles both with esbuild
// into a temporary directory (no dist/ change), then measures, wall and CPU time:
//   1. 10,000 rules x a host with 500 PCI instances: the first evaluation in the process (spec
//      compilation, host indexes and JIT warm-up included; printed with its two parts: the
//      spec's compilation, every set compiled up front, and the evaluation) and the steady state
//      (the spec compiled once, a new host index each run: median of 9; the reference: median of 3),
//   2. one spec (examples/specs/gpu.yaml, compiled once) x 10,000 NodeFeatures (already parsed):
//      with reports (what validate prints) and verdicts only (`reports: false`: check's fleet
//      impact, and what a scheduler's prefilter needs), each median of 3.
// The inputs live in test/helpers/bench-inputs.ts, shared with the identity test that compares
// the compiled evaluator's results with the reference evaluator's on them. `--distinct`: the
// 10,000 rules all distinct (no list of terms shared), for the compiler's worst case.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { re2jsFromNodeModules } from './bundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(path.join(tmpdir(), 'image-compat-bench-evaluate-'));
try {
  const src = (p) => JSON.stringify(path.join(root, p));
  writeFileSync(
    path.join(dir, 'entry.ts'),
    [
      `export * from ${src('src/match/index.ts')};`,
      `export * as reference from ${src('test/helpers/reference-evaluator/index.ts')};`,
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
    define: re2jsFromNodeModules(),
    banner: {
      js: "import { createRequire as __icCreateRequire } from 'node:module';\nconst require = __icCreateRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  const engine = await import(pathToFileURL(path.join(dir, 'engine.mjs')).href);
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  /**
   * fn's wall and CPU milliseconds (and its result when `keep`: the results of 10,000 rules are
   * not kept, so that they do not weigh on the garbage collector of the runs after them).
   */
  const time = (fn, keep = false) => {
    const c = process.cpuUsage();
    const t = performance.now();
    const out = fn();
    const u = process.cpuUsage(c);
    return { wall: performance.now() - t, cpu: (u.user + u.system) / 1000, ...(keep && { out }) };
  };
  const med = (runs) => ({ wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)) });
  const fmt = ({ wall, cpu }) => `${wall.toFixed(1)} ms (CPU ${cpu.toFixed(1)} ms)`;
  const line = (label, now, before) =>
    console.log(
      `${label.padEnd(56)} ${fmt(now).padEnd(28)} reference ${fmt(before).padEnd(30)} ${(before.cpu / now.cpu).toFixed(1)}x CPU`,
    );
  const ref = engine.reference;
  console.log(
    `evaluation, node ${process.version}, ${process.platform}/${process.arch}, load average ${loadavg()[0].toFixed(1)}`,
  );

  const distinct = process.argv.includes('--distinct');
  const rules = distinct ? '10,000 distinct rules' : '10,000 rules';
  const host = engine.hostFeatures();
  const spec = engine.specWith(10_000, distinct);
  const firstCompile = time(() => {
    const c = engine.compileSpec(spec);
    for (let i = 0; i < spec.compatibilities.length; i++) c.rules(i);
    return c;
  }, true);
  const firstEvaluation = time(() => engine.evaluateSpec(firstCompile.out, host));
  delete firstCompile.out; // not kept for the runs after it (as the results are not)
  const first = {
    wall: firstCompile.wall + firstEvaluation.wall,
    cpu: firstCompile.cpu + firstEvaluation.cpu,
  };
  const refRuns = Array.from({ length: 3 }, () => time(() => ref.evaluateSpec(spec, host)));
  line(`${rules} vs 500 PCI instances, first`, first, refRuns[0]);
  console.log(`  of which compiling the spec ${fmt(firstCompile)}, evaluating it ${fmt(firstEvaluation)}`);
  const compiled = engine.compileSpec(spec);
  const steady = Array.from({ length: 9 }, () => time(() => engine.evaluateSpec(compiled, host)));
  line(`${rules} vs 500 PCI instances, steady (median)`, med(steady), med(refRuns));

  const gpuSpec = engine.parseSpec(
    readFileSync(path.join(root, 'examples/specs/gpu.yaml'), 'utf8'),
    'gpu.yaml',
  );
  const hosts = Array.from({ length: 10_000 }, (_, i) => engine.hostFeatures(i, 24));
  const fleet = (evaluate) => hosts.filter((h) => engine.isCompatible(evaluate(h))).length;
  const gpu = engine.compileSpec(gpuSpec);
  const runs = Array.from({ length: 3 }, () => time(() => fleet((h) => engine.evaluateSpec(gpu, h)), true));
  const verdicts = Array.from({ length: 3 }, () =>
    time(() => fleet((h) => engine.evaluateSpec(gpu, h, { reports: false })), true),
  );
  const refFleet = time(() => fleet((h) => ref.evaluateSpec(gpuSpec, h)), true);
  if (refFleet.out !== runs[0].out || refFleet.out !== verdicts[0].out)
    throw new Error('the evaluators disagree on the GPU spec');
  line('GPU example spec on 10,000 NodeFeatures, reports', med(runs), refFleet);
  line('GPU example spec on 10,000 NodeFeatures, verdicts only', med(verdicts), refFleet);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
