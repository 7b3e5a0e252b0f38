// How long `kernel.version` and version/count ranges take to compile as the number of `||` parts
// grows (issue #16: N = 1,000 took 13 s when merging alternatives compared every pair). Bundles the
// config compiler with esbuild into a temporary directory (no dist/ change), then prints, per N,
// the median milliseconds of compileConfig and the time per part, which should stay flat (linear).
//   node scripts/bench-ranges.mjs [N...]     (default 100 1000 10000 100000)
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { re2jsFromNodeModules } from './bundle.mjs';
import { performance } from 'node:perf_hooks';

const dir = mkdtempSync(path.join(tmpdir(), 'image-compat-bench-ranges-'));
writeFileSync(
  path.join(dir, 'entry.ts'),
  `export { compileConfig } from ${JSON.stringify(path.resolve('src/config/compile.ts'))};\n`,
);
await build({
  entryPoints: [path.join(dir, 'entry.ts')],
  outfile: path.join(dir, 'compile.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  define: re2jsFromNodeModules(),
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as __icCreateRequire } from 'node:module';\nconst require = __icCreateRequire(import.meta.url);",
  },
});
const { compileConfig } = await import(pathToFileURL(path.join(dir, 'compile.mjs')).href);
rmSync(dir, { recursive: true, force: true });

const sizes = process.argv.slice(2).map(Number);
const config = (require) => ({ version: 1, compatibilities: [{ name: 't', require }] });
// Each shape is one that merges (`5.N` parts collapse into one In) or one that does not.
const shapes = {
  'kernel 5.i': (n) =>
    config({ kernel: { version: Array.from({ length: n }, (_, i) => `5.${i}`).join(' || ') } }),
  'kernel >=i.1 <i.3': (n) =>
    config({ kernel: { version: Array.from({ length: n }, (_, i) => `>=${i}.1 <${i}.3`).join(' || ') } }),
  'kernel exact': (n) =>
    config({ kernel: { version: Array.from({ length: n }, (_, i) => `5.4.0-${i}-generic`).join(' || ') } }),
  'gpu driver x cc': (n) => {
    const r = Array.from({ length: n }, (_, i) => `^${i + 1}`).join(' || ');
    return config({ gpu: { vendor: 'nvidia', driver: r, computeCapability: r } });
  },
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log('shape                 N        ms   us/part');
for (const [name, make] of Object.entries(shapes)) {
  for (const n of sizes.length ? sizes : [100, 1000, 10000, 100000]) {
    const input = make(n);
    const runs = n >= 100000 ? 1 : 3;
    const ms = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      compileConfig(input);
      ms.push(performance.now() - t);
    }
    const m = median(ms);
    console.log(
      `${name.padEnd(20)} ${String(n).padStart(7)} ${m.toFixed(1).padStart(9)} ${((m * 1000) / n).toFixed(2).padStart(9)}`,
    );
  }
}
