// Start-up figures of whole processes, paired against `node -e 0` in the same run: each case and
// the bare Node start run interleaved (load from other processes weighs on both alike), and the
// figure is the ratio of CPU time (user + system, the children's times of /proc/self/stat, summed
// over the runs) and of median wall time. Shared by npm run bench and npm run bench:features.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** CPU seconds of this process's waited-for children (Linux), or undefined elsewhere. */
function childrenCpu() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    // cutime and cstime (fields 16 and 17 of stat(5); 14 and 15 after the comm), in clock ticks
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * `cases`: [{label, args, env?, ok?: exit codes (default [0])}]; each is run `runs` times beside
 * `node -e 0`, after one warm-up run (the file cache, the CLI's compile cache).
 */
export function startupFigures(cases, { runs = 15, node = process.execPath } = {}) {
  const all = [{ label: 'node -e 0', args: ['-e', '0'] }, ...cases];
  const run = (c) => {
    const cpu0 = childrenCpu();
    const t = performance.now();
    const r = spawnSync(node, c.args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, ...c.env },
    });
    const wall = performance.now() - t;
    const cpu = cpu0 === undefined ? undefined : childrenCpu() - cpu0;
    if (!(c.ok ?? [0]).includes(r.status))
      throw new Error(`${c.label}: exit ${r.status}: ${r.stderr.toString().trim().split('\n')[0]}`);
    return { wall, cpu };
  };
  for (const c of all) run(c);
  const samples = all.map(() => ({ wall: [], cpu: 0 }));
  for (let i = 0; i < runs; i++)
    for (const [k, c] of all.entries()) {
      const { wall, cpu } = run(c);
      samples[k].wall.push(wall);
      samples[k].cpu += cpu ?? NaN;
    }
  const base = samples[0];
  return all.map((c, k) => ({
    label: c.label,
    cpuMs: (samples[k].cpu / runs) * 1000,
    cpuRatio: samples[k].cpu / base.cpu,
    wallMs: median(samples[k].wall),
    wallRatio: median(samples[k].wall) / median(base.wall),
  }));
}

/** The figures as lines: label, CPU ms and ratio, median wall ms and ratio. */
export function formatFigures(rows, runs) {
  const lines = [`whole process, paired with node -e 0 (${runs} runs each): CPU (mean) and wall (median)`];
  for (const r of rows)
    lines.push(
      `  ${r.label.padEnd(58)} CPU ${r.cpuMs.toFixed(0).padStart(4)} ms ${`${r.cpuRatio.toFixed(2)}x`.padStart(6)}` +
        `   wall ${r.wallMs.toFixed(0).padStart(4)} ms ${`${r.wallRatio.toFixed(2)}x`.padStart(6)}`,
    );
  return lines.join('\n');
}

/** The start-up cases of issue #17 for a CLI file (its targets: features and validate --features <= 2.5x, --version <= 1.5x, validate of this host <= 3x). */
export function cliCases(
  cli,
  { spec = 'examples/specs/gpu.yaml', features = 'examples/hosts/h100-server.json' } = {},
) {
  return [
    { label: 'image-compat --version', args: [cli, '--version'] },
    { label: 'image-compat features --output json', args: [cli, 'features', '--output', 'json'] },
    {
      label: `image-compat validate --spec S --features F`,
      args: [cli, 'validate', '--spec', spec, '--features', features],
      ok: [0, 1],
    },
    {
      label: 'image-compat validate --spec S (this host)',
      args: [cli, 'validate', '--spec', spec],
      ok: [0, 1],
    },
    {
      label: 'image-compat features, no compile cache',
      args: [cli, 'features', '--output', 'json'],
      env: { NODE_DISABLE_COMPILE_CACHE: '1' },
    },
  ];
}
