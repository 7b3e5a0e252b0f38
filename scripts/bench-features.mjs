// Whole-process start-up figures of the built CLI (dist/cli.js), each paired against `node -e 0`
// in the same run (scripts/startup-bench.mjs): the figures of issue #17 (`--version`,
// `features --output json`, `validate --spec S --features F`, `validate` of this host) and the
// other outputs of `features`.
// Usage: npm run bundle && npm run bench:features -- [--runs N] [--spec FILE] [--features FILE]
import fs from 'node:fs';
import path from 'node:path';
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

if (!fs.existsSync(cli)) {
  console.error('dist/cli.js is missing: run `npm run bundle` first');
  process.exit(2);
}

const cases = [
  ...cliCases(cli, { spec, features }),
  { label: 'image-compat features --output table', args: [cli, 'features', '--output', 'table'] },
  { label: 'image-compat features --output yaml', args: [cli, 'features', '--output', 'yaml'] },
];
console.log(`node ${process.version}, S = ${spec}, F = ${features}`);
console.log(formatFigures(startupFigures(cases, { runs }), runs));
