// Time and peak memory of the CLI on every bad-input case of issue #16 (unbounded reads, unbounded
// work on errors, untyped errors, accepted bad input, injection). Each case runs `dist/cli.js` in
// a child under a watchdog; the table shows the exit code, wall time, peak RSS (the child's
// maxRSS as /usr/bin/time reports it) and the first line of stderr. The bar is a typed
// error (exit 2, or 1 where the verdict is a failure) within 2 s and 512 MB: measured, not asserted.
// Usage: npm run bundle && npx node scripts/bench-bad-input.mjs [--only SUBSTRING] [--keep]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const cli = path.resolve('dist/cli.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-bad-input-'));
const at = (...p) => path.join(dir, ...p);
const write = (name, data) => {
  fs.mkdirSync(path.dirname(at(name)), { recursive: true });
  fs.writeFileSync(at(name), data);
  return at(name);
};

const SPEC = `version: v1alpha1
compatibilities:
  - rules:
      - name: r
        matchFeatures:
          - feature: kernel.version
            matchExpressions:
              major: { op: Gt, value: ["1"] }
`;
const spec = write('spec.yaml', SPEC);
const nodeFeature = (name) => ({
  apiVersion: 'nfd.k8s-sigs.io/v1alpha1',
  kind: 'NodeFeature',
  metadata: { name, labels: { 'nfd.node.kubernetes.io/node-name': name } },
  spec: {
    features: { flags: {}, attributes: { 'kernel.version': { elements: { major: '6' } } }, instances: {} },
  },
});
const features = write('features.json', JSON.stringify(nodeFeature('n')));

/** Each case: what the issue says, the argv, an optional stdin file, and the exit codes expected. */
const cases = [];
const add = (name, argv, expect = [2], opts = {}) => cases.push({ name, argv, expect, ...opts });

add('(baseline) --version', ['--version'], [0]);
add('validate --spec /dev/zero', ['validate', '--spec', '/dev/zero', '--features', features]);
add('validate --features /dev/zero', ['validate', '--spec', spec, '--features', '/dev/zero']);
add('validate --features - (stdin /dev/zero)', ['validate', '--spec', spec, '--features', '-'], [2], {
  stdin: '/dev/zero',
});
add('report --matrix /dev/zero', ['report', '--dir', dir, '--matrix', '/dev/zero']);
add('verify --key /dev/zero', [
  'verify',
  '--image',
  'localhost:1/x@sha256:' + '0'.repeat(64),
  '--key',
  '/dev/zero',
]);
{
  // 512 MiB of zeros compresses to ~0.5 MiB.
  const root = at('host-root');
  fs.mkdirSync(path.join(root, 'proc'), { recursive: true });
  const z = zlib.createGzip({ level: 9 });
  const chunks = [];
  z.on('data', (c) => chunks.push(c));
  const block = Buffer.alloc(1 << 20);
  for (let i = 0; i < 512; i++) z.write(block);
  await new Promise((r) => z.end(r));
  fs.writeFileSync(path.join(root, 'proc', 'config.gz'), Buffer.concat(chunks));
  add(
    'validate --host-root (512 MiB gzip bomb /proc/config.gz)',
    ['validate', '--spec', spec, '--host-root', root],
    [0, 1, 2],
  );
}
{
  const items = Array.from({ length: 5000 }, (_, i) => nodeFeature(`n${i}`));
  items[2500] = null;
  add('one null in a 5,000-node List', [
    'validate',
    '--spec',
    spec,
    '--features',
    write('list-null.json', JSON.stringify({ apiVersion: 'v1', kind: 'List', items })),
  ]);
}
for (const n of [30000, 100000]) {
  const elements = Object.fromEntries(Array.from({ length: n }, (_, i) => [`F${i}`, 1]));
  const doc = { flags: { 'cpu.cpuid': { elements } } };
  add(`${n.toLocaleString('en')} invalid flag elements`, [
    'validate',
    '--spec',
    spec,
    '--features',
    write(`flags-${n}.json`, JSON.stringify(doc)),
  ]);
}
add('30 MB YAML list (--features)', [
  'validate',
  '--spec',
  spec,
  '--features',
  write('list.yaml', '- a\n'.repeat(7_500_000)),
]);
add('30 MB YAML list (--spec)', [
  'validate',
  '--spec',
  write('list-spec.yaml', '- a\n'.repeat(7_500_000)),
  '--features',
  features,
]);
add(
  'lint: 100k-character cpu.flags entry',
  [
    'lint',
    write(
      'long-flag.yaml',
      `version: 1\ncompatibilities:\n  - name: a\n    require:\n      cpu: { flags: [${'a'.repeat(100_000)}] }\n`,
    ),
  ],
  [0, 1, 2],
);
add(
  '300k-character feature name',
  [
    'validate',
    '--features',
    features,
    '--spec',
    write('long-feature.yaml', SPEC.replace('kernel.version', 'k'.repeat(300_000))),
  ],
  [1, 2], // a feature no host has: a verdict (1), not an error
);
add('nesting 100,000 deep (spec)', [
  'validate',
  '--features',
  features,
  '--spec',
  write('deep.yaml', '['.repeat(100_000) + ']'.repeat(100_000)),
]);
add('nesting 100,000 deep (features JSON)', [
  'validate',
  '--spec',
  spec,
  '--features',
  write('deep.json', '['.repeat(100_000) + ']'.repeat(100_000)),
]);
add('recursive alias a: &a [*a]', [
  'validate',
  '--features',
  features,
  '--spec',
  write('alias.yaml', 'a: &a [*a]\n'),
]);
add('--report /dev/full', ['validate', '--spec', spec, '--features', features, '--report', '/dev/full'], [2]);
add(
  '--report /proc/version',
  ['validate', '--spec', spec, '--features', features, '--report', '/proc/version'],
  [2],
);
add('--save-features /dev/full', ['validate', '--spec', spec, '--save-features', '/dev/full'], [2]);
add(
  'generate --out-dir /dev/null',
  ['generate', '--config', 'examples/config/image-compat.yaml', '--out-dir', '/dev/null'],
  [2],
);
add(
  'generate --out-dir /proc/version/x',
  ['generate', '--config', 'examples/config/image-compat.yaml', '--out-dir', '/proc/version/x'],
  [2],
);
{
  const fleet = at('fleet');
  fs.mkdirSync(fleet);
  fs.symlinkSync(at('nowhere.json'), path.join(fleet, 'dangling.json'));
  add('check --fleet with a dangling symlink', [
    'check',
    '--config',
    'examples/config/image-compat.yaml',
    '--base-config',
    'examples/config/image-compat.yaml',
    '--files',
    'examples/config/image-compat.yaml',
    '--fleet',
    fleet,
  ]);
}
add('NUL in a spec scalar', [
  'validate',
  '--features',
  features,
  '--spec',
  write('nul.yaml', SPEC.replace('name: r', 'name: "r\u0000x"')),
]);
add('invalid UTF-8 in a spec', [
  'validate',
  '--features',
  features,
  '--spec',
  write(
    'utf8.yaml',
    Buffer.concat([Buffer.from(SPEC.replace('name: r', 'name: r')), Buffer.from('# \xff\xfe\n', 'latin1')]),
  ),
]);
add(
  'report: empty report.json',
  ['report', '--dir', path.dirname(write('reports-empty/a/report.json', ''))],
  [1, 2],
);
add(
  'report: binary report.json',
  [
    'report',
    '--dir',
    path.dirname(write('reports-binary/a/report.json', Buffer.from([0, 1, 2, 0xff, 0xfe]))),
  ],
  [1, 2],
);
add('--timeout 99999999999', ['discover', '--image', 'localhost:1/x:1', '--timeout', '99999999999']);
{
  const inj = write(
    'inject.yaml',
    `version: 1\ncompatibilities:\n  - name: a\n    require:\n      gpu: { vendor: "vendr\\n::error title=INJECTED::pwned" }\n`,
  );
  add('lint: "::error" in a config key', ['lint', inj], [0, 1, 2], { noLineStarts: '::' });
}

const rows = [];
for (const c of cases) {
  if (only && !c.name.includes(only)) continue;
  const t = process.hrtime.bigint();
  // Node exposes no RUSAGE_CHILDREN: /usr/bin/time -f %M gives the child's peak RSS where it exists.
  const useTime = fs.existsSync('/usr/bin/time');
  const argv = useTime
    ? ['/usr/bin/time', '-f', '%U %S %M', process.execPath, cli, ...c.argv]
    : [process.execPath, cli, ...c.argv];
  const r = spawnSync(argv[0], argv.slice(1), {
    stdio: [c.stdin ? fs.openSync(c.stdin, 'r') : 'ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    timeout: 30000,
    killSignal: 'SIGKILL',
  });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const status = r.status;
  let stderr = String(r.stderr ?? '');
  const stdout = String(r.stdout ?? '');
  let rssKb;
  let cpu;
  if (useTime) {
    const lines = stderr
      .trimEnd()
      .split('\n')
      .filter((l) => !/^Command (exited|terminated)/.test(l));
    const m = /^([\d.]+) ([\d.]+) (\d+)$/.exec(lines.at(-1) ?? '');
    if (m) {
      cpu = Number(m[1]) + Number(m[2]);
      rssKb = Number(m[3]);
      lines.pop();
    }
    stderr = lines.join('\n');
  }
  // The message that matters: the error (or last line), not the notes and warnings before it.
  const lines = stderr.split('\n').filter((l) => l.trim() && !/^image-compat: (note|warning):/.test(l));
  const first = lines.find((l) => /^image-compat: /.test(l)) ?? lines[0] ?? '';
  const stack = /\n\s+at .+\(.+:\d+:\d+\)/.test(stderr) || /Maximum call stack/.test(stderr);
  const injected =
    c.noLineStarts && (stdout + '\n' + stderr).split(/\r?\n/).some((l) => l.startsWith(c.noLineStarts));
  const ok =
    r.signal === null &&
    c.expect.includes(status) &&
    !stack &&
    !injected &&
    (cpu ?? ms / 1000) < 2 &&
    (rssKb ?? 0) < 512 * 1024;
  rows.push({
    case: c.name,
    exit: r.signal ? r.signal : status,
    'wall s': (ms / 1000).toFixed(2),
    'cpu s': cpu === undefined ? '?' : cpu.toFixed(2),
    MB: rssKb === undefined ? '?' : (rssKb / 1024).toFixed(0),
    ok: ok ? 'yes' : 'NO',
    stderr: (stack ? '[stack] ' : '') + (injected ? '[injected] ' : '') + first.slice(0, 110),
  });
}

const cols = Object.keys(rows[0] ?? { case: '' });
const width = Object.fromEntries(
  cols.map((k) => [k, Math.max(k.length, ...rows.map((r) => String(r[k]).length))]),
);
const line = (r) => cols.map((k) => String(r[k]).padEnd(width[k])).join('  ');
console.log(line(Object.fromEntries(cols.map((k) => [k, k]))));
for (const r of rows) console.log(line(r));
console.log(
  `\n${rows.filter((r) => r.ok === 'yes').length}/${rows.length} cases within 2 s (CPU time, user + system, where /usr/bin/time gives it; wall time on a loaded machine includes waiting) and 512 MB with the expected exit code (node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)})`,
);
if (!args.includes('--keep')) fs.rmSync(dir, { recursive: true, force: true });
else console.log(`cases kept in ${dir}`);
