// Whole-process start-up figures of the built CLI (dist/cli.js), each paired against `node -e 0`
// in the same run (scripts/startup-bench.mjs): the figures of issue #17 (`--version`,
// `features --output json`, `validate --spec S --features F`, `validate` of this host) and the
// other outputs of `features`.
// The floor row is a Node program that does only the two reads no `validate --features` can skip:
// yaml's parse of S (its ES module build, as dist/ bundles it, with the spec reader's options) and
// JSON.parse of F, behind the same compile-cache launcher: what is left of a 2.5x target for the
// rest of image-compat's work (arguments, the schema checks, the evaluation, the report).
// `--against DIR` pairs another build's figures in the same run (DIR/cli.js: an older dist/, e.g.
// `git archive <commit> dist | tar -x -C /tmp/old` then `--against /tmp/old/dist`).
// Usage: npm run bundle && npm run bench:features -- [--runs N] [--spec FILE] [--features FILE] [--against DIR]
import { buildSync } from 'esbuild';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { YAML_ESM } from './bundle.mjs';
import { cliCases, formatFigures, startupFigures } from './startup-bench.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const runs = Number(opt('--runs', '15'));
const spec = opt('--spec', 'examples/specs/gpu.yaml');
const features = opt('--features', 'examples/hosts/h100-server.json');
const cli = path.resolve('dist/cli.js');
const against = opt('--against', undefined);

if (!fs.existsSync(cli)) {
  console.error('dist/cli.js is missing: run `npm run bundle` first');
  process.exit(2);
}

const floor = fs.mkdtempSync(path.join(tmpdir(), 'image-compat-floor-'));
process.on('exit', () => fs.rmSync(floor, { recursive: true, force: true }));
fs.writeFileSync(
  path.join(floor, 'entry.mjs'),
  [
    "import { LineCounter, parseDocument } from 'yaml';",
    "import { readFileSync } from 'node:fs';",
    "const doc = parseDocument(readFileSync(process.argv[2], 'utf8'), { lineCounter: new LineCounter(), uniqueKeys: true, prettyErrors: false, logLevel: 'error' });",
    'if (doc.errors.length) process.exit(2);',
    'const spec = doc.toJS({ maxAliasCount: 100 });',
    "const host = JSON.parse(readFileSync(process.argv[3], 'utf8'));",
    'process.stdout.write(`${Object.keys(spec).length} ${Object.keys(host).length}\\n`);',
  ].join('\n'),
);
buildSync({
  entryPoints: [path.join(floor, 'entry.mjs')],
  outfile: path.join(floor, 'floor.mjs'),
  bundle: true,
  format: 'esm',
  platform: 'node',
  alias: { yaml: YAML_ESM },
  logLevel: 'warning',
});
fs.writeFileSync(
  path.join(floor, 'launcher.mjs'),
  `import module from 'node:module';\nmodule.enableCompileCache(${JSON.stringify(path.join(floor, 'cache'))});\nawait import('./floor.mjs');\n`,
);

const cases = [
  ...cliCases(cli, { spec, features }),
  { label: 'image-compat features --output table', args: [cli, 'features', '--output', 'table'] },
  { label: 'image-compat features --output yaml', args: [cli, 'features', '--output', 'yaml'] },
  {
    label: 'floor of validate --features: yaml parse of S, JSON.parse of F',
    args: [path.join(floor, 'launcher.mjs'), spec, features],
  },
  ...(against === undefined
    ? []
    : cliCases(path.resolve(against, 'cli.js'), { spec, features })
        .slice(0, 4)
        .map((c) => ({ ...c, label: `${c.label} (${against})` }))),
];
console.log(`node ${process.version}, S = ${spec}, F = ${features}`);
console.log(formatFigures(startupFigures(cases, { runs }), runs));
