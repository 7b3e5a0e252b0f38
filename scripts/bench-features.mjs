// Whole-process timings of `image-compat features` and `validate` (this host against a spec) on
// this host against `node -e 0`: median of N runs each, and the ratio to the bare Node start.
// Usage: npm run bundle && npm run bench:features -- [--runs N] [--spec FILE]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const runs = Number(opt('--runs', '15'));
const spec = opt('--spec', 'examples/specs/gpu.yaml');
const cli = path.resolve('dist/cli.js');
const node = process.execPath;

function time(argv) {
  const t = process.hrtime.bigint();
  const r = spawnSync(node, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  return { ms, status: r.status, stderr: r.stderr?.toString() ?? '' };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function bench(label, argv, okStatuses = [0]) {
  time(argv); // warm the file cache
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const r = time(argv);
    if (!okStatuses.includes(r.status)) {
      return { label, error: `exit ${r.status}: ${r.stderr.trim().split('\n')[0]}` };
    }
    samples.push(r.ms);
  }
  return { label, median: median(samples), min: Math.min(...samples), max: Math.max(...samples) };
}

if (!fs.existsSync(cli)) {
  console.error('dist/cli.js is missing: run `npm run bundle` first');
  process.exit(2);
}

const rows = [bench('node -e 0', ['-e', '0'])];
rows.push(bench('features', [cli, 'features']));
rows.push(bench('features --output table', [cli, 'features', '--output', 'table']));
// exit 1 (incompatible) is a normal answer for a benchmark
rows.push(bench(`validate --spec ${spec}`, [cli, 'validate', '--spec', spec], [0, 1]));

const base = rows[0].median;
console.log(`node ${process.version}, ${runs} runs each, median (min-max) ms, ratio to node -e 0`);
for (const r of rows) {
  if (r.error) console.log(`${r.label.padEnd(26)} ${r.error}`);
  else
    console.log(
      `${r.label.padEnd(26)} ${r.median.toFixed(1).padStart(7)} (${r.min.toFixed(1)}-${r.max.toFixed(1)})  x${(r.median / base).toFixed(2)}`,
    );
}
