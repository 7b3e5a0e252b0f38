// Property-based fuzzing (fast-check) of every reader of user documents, over the real schemas:
// specs, configs, host snapshots, reports, plan matrices and lint. Each input either parses or
// fails with a typed error of the contract (exit 2), never another exception (TypeError,
// RangeError: a stack trace); every message is bounded; and the caps trip (nesting, NUL bytes,
// size). Fixed seed and budget so CI is reproducible and fast; raise them for longer runs:
//   IMAGE_COMPAT_FUZZ_RUNS=20000 IMAGE_COMPAT_FUZZ_SEED=$RANDOM npm run test:unit -- test/fuzz
// The watchdog is Jest's generous per-test timeout, not a timing assertion.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { parseConfig } from '../../src/config/load.js';
import { ExitCode, exitCodeOf, ImageCompatError } from '../../src/errors.js';
import { parseFeaturesDocument } from '../../src/features/snapshot.js';
import { LIMITS } from '../../src/io/limits.js';
import { decodeText } from '../../src/io/read.js';
import { neutraliseText } from '../../src/io/workflow-command.js';
import { formatDiagnostics } from '../../src/lint/format.js';
import { lintSource } from '../../src/lint/index.js';
import { parsePlannedRuns, parseReport } from '../../src/report/parse.js';
import { parseSource } from '../../src/spec/document.js';
import { parseSpec } from '../../src/spec/parse.js';

const RUNS = Number(process.env.IMAGE_COMPAT_FUZZ_RUNS ?? 150);
const SEED = Number(process.env.IMAGE_COMPAT_FUZZ_SEED ?? 16);
const params = { numRuns: RUNS, seed: SEED, endOnFailure: true };
/** Generous: a failure here is a hang, not slowness (figures come from scripts/bench-bad-input.mjs). */
const WATCHDOG_MS = Math.max(120_000, RUNS * 2_000);

const spec = parseSource(readFileSync('test/fixtures/spec/valid.yaml', 'utf8'), 'valid.yaml').value;
const config = parseSource(readFileSync('examples/config/image-compat.yaml', 'utf8'), 'c.yaml').value;
const host = JSON.parse(readFileSync('examples/hosts/ci-vm.json', 'utf8')) as unknown;

/** Where a value sits in a JSON tree: every path to a node. */
function paths(value: unknown, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []) {
  out.push(prefix);
  if (value !== null && typeof value === 'object' && prefix.length < 12) {
    for (const [k, v] of Object.entries(value))
      paths(v, [...prefix, Array.isArray(value) ? Number(k) : k], out);
  }
  return out;
}

function replaceAt(value: unknown, path: Array<string | number>, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const seg of path.slice(0, -1)) node = node[seg] as Record<string | number, unknown>;
  node[path.at(-1)!] = replacement;
  return copy;
}

/** Text users might give: hostile strings (workflow commands, long, control characters). */
const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '::error title=X::y',
    'a\n::warning::b',
    '%0A',
    '\r::add-mask::s',
    '__proto__',
    'constructor',
  ),
  fc.nat({ max: 3000 }).map((n) => 'x'.repeat(n)),
);
const jsonish = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** A document of `base`'s shape with one node replaced, written as JSON or YAML. */
function mutated(base: unknown): fc.Arbitrary<string> {
  const all = paths(base);
  return fc.tuple(fc.constantFrom(...all), jsonish, fc.boolean()).map(([path, v, asJson]) => {
    const doc = replaceAt(base, path, v);
    return asJson ? JSON.stringify(doc) : stringify(doc);
  });
}

/** Raw text: a valid document cut, with bytes flipped, or noise. */
function garbled(base: unknown): fc.Arbitrary<string> {
  const text = stringify(base);
  return fc.oneof(
    fc.nat({ max: text.length }).map((n) => text.slice(0, n)),
    fc
      .tuple(fc.nat({ max: text.length - 1 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }))
      .map(([at, s]) => text.slice(0, at) + s + text.slice(at + 1)),
    fc.string({ unit: 'binary', maxLength: 400 }),
  );
}

/** Runs a reader: it returns or throws a typed error of the contract, with a bounded message. */
function contract(read: () => unknown): void {
  try {
    read();
  } catch (err) {
    if (!(err instanceof ImageCompatError)) throw err; // a TypeError or RangeError is a bug
    expect(exitCodeOf(err)).toBe(ExitCode.input);
    expect(err.message).not.toMatch(/Maximum call stack|\n\s+at /);
    // file name + position + path + ~200 characters of user text + our words
    if (err.message.length >= 2_000)
      throw new Error(`message too long: ${err.message.slice(0, 200)} ... ${err.message.slice(-300)}`);
  }
}

const readers: Array<[string, unknown, (text: string) => unknown]> = [
  ['spec', spec, (t) => parseSpec(t, 'spec.yaml')],
  ['config', config, (t) => parseConfig(t, 'config.yaml')],
  ['host snapshot', host, (t) => parseFeaturesDocument(t, 'host.json')],
  ['report', { compatible: true, host: { name: 'h' }, results: [] }, (t) => parseReport(t, 'report.json')],
  ['plan matrix', [{ name: 'a', 'runs-on': ['self-hosted'] }], (t) => parsePlannedRuns(t, 'matrix.json')],
];

describe.each(readers)('fuzzing the %s reader', (_name, base, read) => {
  it(
    'a mutated document: parsed, or a typed exit-2 error',
    () =>
      fc.assert(
        fc.property(mutated(base), (text) => contract(() => read(text))),
        params,
      ),
    WATCHDOG_MS,
  );

  it(
    'garbled text: parsed, or a typed exit-2 error',
    () =>
      fc.assert(
        fc.property(garbled(base), (text) => contract(() => read(text))),
        params,
      ),
    WATCHDOG_MS,
  );
});

describe('fuzzing lint', () => {
  it(
    'any mutated config or spec: diagnostics, bounded, and no text line is a workflow command',
    () =>
      fc.assert(
        fc.property(fc.oneof(mutated(config), mutated(spec)), (text) => {
          const { diagnostics } = lintSource(text, 'c.yaml');
          expect(diagnostics.length).toBeLessThanOrEqual(3 * (LIMITS.problems + 1));
          for (const line of formatDiagnostics(diagnostics, 'text').split(/\r?\n|\r/))
            expect(line.trimStart()).not.toMatch(/^::/);
        }),
        params,
      ),
    WATCHDOG_MS,
  );
});

describe('the caps trip', () => {
  it(
    'nesting deeper than the limit, in flow YAML or JSON: the depth message',
    () =>
      fc.assert(
        fc.property(fc.integer({ min: LIMITS.depth + 1, max: 20_000 }), fc.boolean(), (n, asJson) => {
          const text = `${'['.repeat(n)}${']'.repeat(n)}`;
          const read = asJson ? () => parseFeaturesDocument(text, 'd.json') : () => parseSpec(text, 'd.yaml');
          expect(read).toThrow(/nesting deeper than 64 levels/);
        }),
        params,
      ),
    WATCHDOG_MS,
  );

  it(
    'a NUL byte anywhere: an error at its line and column',
    () =>
      fc.assert(
        fc.property(
          fc.string({ maxLength: 200 }).filter((s) => !s.includes('\0')),
          fc.nat(),
          (s, at) => {
            const i = at % (s.length + 1);
            const text = s.slice(0, i) + '\0' + s.slice(i);
            const line = s.slice(0, i).split('\n').length;
            expect(() => decodeText(Buffer.from(text), 'f')).toThrow(
              new RegExp(`^f:${line}:\\d+: a NUL byte`),
            );
          },
        ),
        params,
      ),
    WATCHDOG_MS,
  );

  it(
    'neutraliseText leaves no line starting with :: and is idempotent',
    () =>
      fc.assert(
        fc.property(
          fc.array(fc.oneof(hostileString, fc.constantFrom('\n', '\r', '::', ' ', '\t')), { maxLength: 20 }),
          (parts) => {
            const out = neutraliseText(parts.join(''));
            for (const line of out.split(/\r\n|\n|\r/)) expect(line.trimStart().startsWith('::')).toBe(false);
            expect(neutraliseText(out)).toBe(out);
          },
        ),
        params,
      ),
    WATCHDOG_MS,
  );
});
