// Benchmarks of the validation engine (npm run bench). Bundles the sources with esbuild into a
// temporary directory (no dist/ change, no extra package), then measures:
//   1. in-process evaluation of a 1,000-rule spec against a host with 500 PCI instances,
//   2. the same at 10,000 rules,
//   3. one spec against 5,000 NodeFeature objects (parse the List, then validate every node),
//   4. the start-up figures of issue #17, each paired against `node -e 0` (scripts/startup-bench.mjs):
//      `--version`, `features --output json`, `validate --spec S --features F`, `validate` of this
//      host, on the CLI built as dist/ is (split chunks, validate and features built on their own,
//      launcher with the compile cache).
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { buildDist, re2jsFromNodeModules } from './bundle.mjs';
import { cliCases, formatFigures, startupFigures } from './startup-bench.mjs';

const dir = mkdtempSync(path.join(tmpdir(), 'image-compat-bench-'));
const banner = {
  js: "import { createRequire as __icCreateRequire } from 'node:module';\nconst require = __icCreateRequire(import.meta.url);",
};
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  banner,
  define: re2jsFromNodeModules(),
  logLevel: 'warning',
};
writeFileSync(
  path.join(dir, 'entry.ts'),
  [
    `export { evaluateSpec, isCompatible } from ${JSON.stringify(path.resolve('src/match/index.ts'))};`,
    `export { parseFeaturesDocument } from ${JSON.stringify(path.resolve('src/features/snapshot.ts'))};`,
    `export { validate } from ${JSON.stringify(path.resolve('src/commands/validate.ts'))};`,
    `export { parseSpec } from ${JSON.stringify(path.resolve('src/spec/parse.ts'))};`,
  ].join('\n'),
);
await build({ ...common, entryPoints: [path.join(dir, 'entry.ts')], outfile: path.join(dir, 'engine.mjs') });
await buildDist('bench', { outdir: path.join(dir, 'cli'), define: re2jsFromNodeModules() });
const engine = await import(pathToFileURL(path.join(dir, 'engine.mjs')).href);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
function time(fn, runs) {
  const ms = [];
  let out;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    out = fn();
    ms.push(performance.now() - t);
  }
  return { ms: median(ms), out };
}
const hex = (n) => n.toString(16).padStart(4, '0');

// A host with 500 PCI instances and the usual CPU / kernel features.
function hostFeatures(seed = 0, pciCount = 500) {
  const cpuid = Object.fromEntries(
    ['AVX', 'AVX2', 'AVX512F', 'FMA3', 'SSE42', 'AESNI', 'SHA'].map((f) => [f, {}]),
  );
  const pci = Array.from({ length: pciCount }, (_, i) => ({
    attributes: {
      class: ['0200', '0302', '0108', '0604'][(i + seed) % 4],
      vendor: ['8086', '10de', '15b3', '1022'][(i * 7 + seed) % 4],
      device: hex((i * 31 + seed) % 4096),
      sriov_totalvfs: String((i + seed) % 64),
    },
  }));
  return {
    flags: {
      'cpu.cpuid': { elements: cpuid },
      'kernel.loadedmodule': { elements: { vfio_pci: {}, nvidia: {} } },
    },
    attributes: {
      'kernel.version': { elements: { full: '6.8.0-45-generic', major: '6', minor: '8' } },
      'cpu.model': { elements: { vendor_id: 'Intel', family: '6', id: '143' } },
    },
    instances: { 'pci.device': { elements: pci } },
  };
}

// n rules over 10 sets; each rule needs a PCI device (absent from the host, so every instance is
// tried), a CPU flag and a kernel version.
function specWith(n) {
  const sets = Array.from({ length: 10 }, (_, s) => ({ tag: `set${s}`, rules: [] }));
  for (let i = 0; i < n; i++) {
    sets[i % 10].rules.push({
      name: `rule ${i}`,
      matchFeatures: [
        {
          feature: 'pci.device',
          matchExpressions: {
            vendor: { op: 'In', value: ['10de', '1002'] },
            device: { op: 'In', value: [`f${hex(i % 4096).slice(1)}`, 'ffff'] },
            sriov_totalvfs: { op: 'Ge', value: ['8'] },
          },
        },
        {
          feature: 'cpu.cpuid',
          matchExpressions: { AVX2: { op: 'Exists' } },
          matchName: { op: 'InRegexp', value: ['^AVX512'] },
        },
        {
          feature: 'kernel.version',
          matchExpressions: { full: { op: 'Ge', value: ['5.15'], type: 'version' } },
        },
      ],
    });
  }
  return { version: 'v1alpha1', compatibilities: sets };
}

const lines = [];
const report = (label, value) => {
  lines.push(`${label.padEnd(64)} ${value}`);
  console.log(lines.at(-1));
};
console.log(`node ${process.version}, ${process.platform}/${process.arch}`);

const host = hostFeatures();
for (const n of [1000, 10000]) {
  const spec = specWith(n);
  const runs = n >= 10000 ? 5 : 11;
  const { ms, out } = time(() => engine.evaluateSpec(spec, host), runs);
  // Each rule: 3 expressions against each of the 500 instances, plus a few on flags and attributes.
  const evaluations = n * (3 * 500 + 6);
  report(
    `evaluate ${n} rules vs 500 PCI instances (median of ${runs})`,
    `${ms.toFixed(1)} ms (${(evaluations / ms / 1000).toFixed(1)} M expression evaluations/s, ${out.length} sets)`,
  );
}

// 5,000 NodeFeature objects, as `kubectl get nodefeatures -A -o json` prints them.
const items = Array.from({ length: 5000 }, (_, i) => ({
  apiVersion: 'nfd.k8s-sigs.io/v1alpha1',
  kind: 'NodeFeature',
  metadata: {
    name: `node-${i}`,
    namespace: 'node-feature-discovery',
    labels: { 'nfd.node.kubernetes.io/node-name': `node-${i}` },
  },
  spec: { features: hostFeatures(i, 24), labels: {} },
}));
const listText = JSON.stringify({ apiVersion: 'v1', kind: 'List', items });
const gpuSpec = engine.parseSpec(
  (await import('node:fs')).readFileSync('examples/specs/gpu.yaml', 'utf8'),
  'gpu.yaml',
);
const parsed = time(() => engine.parseFeaturesDocument(listText, 'cluster.json'), 3);
const validated = time(() => engine.validate({ spec: gpuSpec, hosts: parsed.out }), 3);
report(
  `parse a List of 5,000 NodeFeatures (${(listText.length / 1e6).toFixed(1)} MB, median of 3)`,
  `${parsed.ms.toFixed(0)} ms`,
);
report(
  'validate the GPU example spec on 5,000 nodes (median of 3)',
  `${validated.ms.toFixed(0)} ms (${validated.out.compatibleCount} compatible)`,
);

// Whole processes: the CLI's starts against a bare node start.
const runs = 15;
console.log(formatFigures(startupFigures(cliCases(path.join(dir, 'cli', 'cli.js')), { runs }), runs));

rmSync(dir, { recursive: true, force: true });
