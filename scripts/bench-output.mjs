// What printing costs (node scripts/bench-output.mjs): the 10,000-rule spec against a host with 500
// PCI instances (the input of npm run bench), its `--output json` and `--report` file with host
// values capped (the first 16 and hostValuesTotal) and in full (--all-host-values, which is what
// every output carried before the cap), in process and as whole `validate` processes. Bundles the
// sources with esbuild into a temporary directory (no dist/ change). Figures are CPU time.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { re2jsFromNodeModules } from './bundle.mjs';

const dir = mkdtempSync(path.join(tmpdir(), 'image-compat-bench-output-'));
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
const src = (f) => JSON.stringify(path.resolve('src', f));
writeFileSync(
  path.join(dir, 'entry.ts'),
  [
    `export { validate } from ${src('commands/validate.ts')};`,
    `export { goJson, validateJson } from ${src('report/json.ts')};`,
    `export { outputReport } from ${src('report/results.ts')};`,
    `export { summarizeHardware } from ${src('report/hardware.ts')};`,
  ].join('\n'),
);
await build({ ...common, entryPoints: [path.join(dir, 'entry.ts')], outfile: path.join(dir, 'engine.mjs') });
await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outfile: path.join(dir, 'cli.mjs'),
  define: { __IMAGE_COMPAT_VERSION__: '"bench"', ...re2jsFromNodeModules() },
});
const engine = await import(pathToFileURL(path.join(dir, 'engine.mjs')).href);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// CPU time, not wall time: the development machine is shared, and its load weighs on wall time.
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/** Each variant run `runs` times, interleaved, so that load from other processes weighs on all alike. */
function timeEach(variants, runs) {
  const ms = variants.map(() => []);
  const out = [];
  for (let i = 0; i < runs; i++) {
    variants.forEach((fn, v) => {
      const t = cpuMs();
      out[v] = fn();
      ms[v].push(cpuMs() - t);
    });
  }
  return variants.map((_, v) => ({ ms: median(ms[v]), out: out[v] }));
}
// Children's CPU time so far (Linux /proc/self/stat cutime + cstime, in clock ticks of 10 ms).
const childCpuMs = () => {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10;
};
const hex = (n) => n.toString(16).padStart(4, '0');
const mb = (s) => `${(Buffer.byteLength(s) / 1e6).toFixed(2)} MB`;

// The input of scripts/bench.mjs: 500 PCI instances; 10,000 rules, each asking for a PCI device
// the host lacks (so hostValues lists every distinct value across the 500 instances).
const pci = Array.from({ length: 500 }, (_, i) => ({
  attributes: {
    class: ['0200', '0302', '0108', '0604'][i % 4],
    vendor: ['8086', '10de', '15b3', '1022'][(i * 7) % 4],
    device: hex((i * 31) % 4096),
    sriov_totalvfs: String(i % 64),
  },
}));
const features = {
  flags: {
    'cpu.cpuid': { elements: Object.fromEntries(['AVX', 'AVX2', 'AVX512F', 'SSE42'].map((f) => [f, {}])) },
    'kernel.loadedmodule': { elements: { vfio_pci: {}, nvidia: {} } },
  },
  attributes: { 'kernel.version': { elements: { full: '6.8.0-45-generic', major: '6', minor: '8' } } },
  instances: { 'pci.device': { elements: pci } },
};
const sets = Array.from({ length: 10 }, (_, s) => ({ tag: `set${s}`, rules: [] }));
for (let i = 0; i < 10_000; i++) {
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
const spec = { version: 'v1alpha1', compatibilities: sets };

const lines = [];
const report = (label, value) => {
  lines.push(`${label.padEnd(58)} ${value}`);
  console.log(lines.at(-1));
};
console.log(`node ${process.version}, ${process.platform}/${process.arch}`);

const [evaluated] = timeEach([() => engine.validate({ spec, hosts: [{ name: 'bench', features }] })], 3);
report('evaluate 10,000 rules vs 500 PCI instances (median of 3)', `${evaluated.ms.toFixed(0)} ms`);
const result = evaluated.out;
// Before the cap: NFD's array with every host value, as json.ts wrote it (no per-expression copy).
const nfdStatus = (r) => ({ ...r, rules: r.rules.length ? r.rules : null });
const [before, full, capped] = timeEach(
  [
    () => `${engine.goJson(result.hosts[0].results.map(nfdStatus))}\n`,
    () => engine.validateJson(result, { allHostValues: true }),
    () => engine.validateJson(result),
  ],
  5,
);
report('--output json before the cap (median of 5)', `${before.ms.toFixed(0)} ms, ${mb(before.out)}`);
report('--output json, --all-host-values (median of 5)', `${full.ms.toFixed(0)} ms, ${mb(full.out)}`);
report('--output json, capped (median of 5)', `${capped.ms.toFixed(0)} ms, ${mb(capped.out)}`);

const validation = {
  compatible: result.compatible,
  host: { name: 'bench', hardware: engine.summarizeHardware(features, 'bench') },
  results: result.hosts[0].results,
};
const writeReport = (opts) => `${JSON.stringify(engine.outputReport(validation, opts), null, 2)}\n`;
const [fullReport, cappedReport] = timeEach(
  [() => writeReport({ allHostValues: true }), () => writeReport({})],
  3,
);
report(
  '--report file, --all-host-values (median of 3)',
  `${fullReport.ms.toFixed(0)} ms, ${mb(fullReport.out)}`,
);
report('--report file, capped (median of 3)', `${cappedReport.ms.toFixed(0)} ms, ${mb(cappedReport.out)}`);

// Whole processes: `validate --output json` of the same host and the spec's first 1,000 rules (a
// spec file is read up to 4 MiB; the 10,000 rules are 4.5 MB), written to files; CPU of the child.
const specFile = path.join(dir, 'spec.json');
const hostFile = path.join(dir, 'host.json');
const first1000 = { ...spec, compatibilities: sets.map((s) => ({ ...s, rules: s.rules.slice(0, 100) })) };
writeFileSync(specFile, JSON.stringify(first1000));
writeFileSync(hostFile, JSON.stringify(features));
const cli = path.join(dir, 'cli.mjs');
const proc = (extra) => {
  const args = [cli, 'validate', '--spec', specFile, '--features', hostFile, '--output', 'json', ...extra];
  const t = childCpuMs();
  const r = spawnSync(process.execPath, args, { maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0 && r.status !== 1) throw new Error(`exit ${r.status}: ${r.stderr}`);
  return { ms: childCpuMs() - t, bytes: r.stdout.length };
};
const runs = { full: [], capped: [], node: [] };
const bytes = {};
for (let i = 0; i < 5; i++) {
  const f = proc(['--all-host-values']);
  const c = proc([]);
  const t = childCpuMs();
  spawnSync(process.execPath, ['-e', '0']);
  runs.node.push(childCpuMs() - t);
  runs.full.push(f.ms);
  runs.capped.push(c.ms);
  Object.assign(bytes, { full: f.bytes, capped: c.bytes });
}
const nodeMs = median(runs.node);
for (const [label, key] of [
  ['--all-host-values', 'full'],
  ['capped', 'capped'],
]) {
  const ms = median(runs[key]);
  report(
    `whole validate --output json, 1,000 rules, ${label} (CPU, median of 5)`,
    `${ms.toFixed(0)} ms = ${(ms / nodeMs).toFixed(1)}x node -e 0 (${nodeMs.toFixed(0)} ms), ${(bytes[key] / 1e6).toFixed(2)} MB`,
  );
}

rmSync(dir, { recursive: true, force: true });
