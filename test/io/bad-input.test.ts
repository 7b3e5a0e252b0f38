// One regression test per case of issue #16 (bad input never hurts), in-process: each case is a
// typed InputError (exit 2) with the file and position, or a bounded result. Time and memory are
// measured by scripts/bench-bad-input.mjs, not asserted here.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { registryOptionsFrom } from '../../src/cli/registry-options.js';
import { loadFleet } from '../../src/commands/check.js';
import { report } from '../../src/commands/report.js';
import { ExitCode, InputError } from '../../src/errors.js';
import { collectHostFeatures } from '../../src/features/index.js';
import { parseFeaturesDocument } from '../../src/features/snapshot.js';
import { LIMITS } from '../../src/io/limits.js';
import { neutraliseText } from '../../src/io/workflow-command.js';
import { decodeText, gunzipCapped, readBytesSync, readText } from '../../src/io/read.js';
import { makeFolder, writeOutput } from '../../src/io/write.js';
import { formatDiagnostics } from '../../src/lint/format.js';
import { lintSource } from '../../src/lint/index.js';
import { closest, parseSource } from '../../src/spec/document.js';
import { checkSpecDocument } from '../../src/spec/parse.js';
import { copyTree, rmTemp } from '../features/helpers.js';

let tmp = '';
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ic-bad-input-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const nodeFeature = (name: string) => ({
  apiVersion: 'nfd.k8s-sigs.io/v1alpha1',
  kind: 'NodeFeature',
  metadata: { name },
  spec: { features: { flags: {}, attributes: {}, instances: {} } },
});

/** The InputError `fn` throws (or rejects with). */
async function inputError(fn: () => unknown): Promise<InputError> {
  try {
    await fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).exitCode).toBe(ExitCode.input);
    expect((err as Error).message).not.toMatch(/Maximum call stack|\n\s+at /);
    return err as InputError;
  }
  throw new Error('expected an InputError');
}

/** A stream that never ends (like `yes`): only the cap stops it. */
function endless(): Readable {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  return new Readable({
    read: function () {
      this.push(chunk);
    },
  });
}

const SPEC = `version: v1alpha1
compatibilities:
  - rules:
      - name: r
        matchFeatures:
          - feature: kernel.version
            matchExpressions:
              major: { op: Gt, value: ["1"] }
`;

describe('unbounded reads', () => {
  it('/dev/zero stops at once: a NUL byte is not text', async () => {
    const err = await inputError(() => readText('/dev/zero', { maxBytes: LIMITS.features }));
    expect(err.message).toBe('/dev/zero:1:1: a NUL byte: expected text');
  });

  it('an endless pipe (`-`) stops at the cap, which the message names', async () => {
    const err = await inputError(() => readText('-', { maxBytes: 1024 * 1024, stdin: endless() }));
    expect(err.message).toBe('<stdin>: larger than the 1 MiB limit');
  });

  it('a device read synchronously stops at the cap', async () => {
    const err = await inputError(() => readBytesSync('/dev/zero', { maxBytes: 256 * 1024 }));
    expect(err.message).toBe('/dev/zero: larger than the 256 KiB limit');
  });

  it('a pipe that ends is read whole (`--features <(kubectl ...)` keeps working)', async () => {
    const text = JSON.stringify(nodeFeature('n'));
    await expect(readText('-', { maxBytes: 1024, stdin: Readable.from([Buffer.from(text)]) })).resolves.toBe(
      text,
    );
  });

  it('a gzip bomb stops at the decompressed cap', async () => {
    const bomb = gzipSync(Buffer.alloc(32 * 1024 * 1024));
    const err = await inputError(() => gunzipCapped(bomb, '/proc/config.gz', 1024 * 1024));
    expect(err.message).toBe('/proc/config.gz: decompressed size is larger than the 1 MiB limit');
  });

  it('a gzip bomb as /proc/config.gz under --host-root: kernel.config unavailable, with the limit', async () => {
    const dir = copyTree('h100-server');
    try {
      fs.rmSync(path.join(dir, 'boot'), { recursive: true, force: true }); // the later candidate
      fs.writeFileSync(path.join(dir, 'proc/config.gz'), gzipSync(Buffer.alloc(LIMITS.decompressed + 1024)));
      const host = await collectHostFeatures({ hostRoot: dir });
      const reason = host.unavailable.find((u) => u.source === 'kernel.config')?.reason;
      expect(reason).toContain('/proc/config.gz: decompressed size is larger than the 16 MiB limit');
    } finally {
      rmTemp(dir);
    }
  });
});

describe('unbounded work on errors', () => {
  it('one null in a 5,000-node List: the first error, positioned by a scan of the JSON', async () => {
    const items: unknown[] = Array.from({ length: 5000 }, (_, i) => nodeFeature(`n${i}`));
    items[2500] = null;
    const text = JSON.stringify({ apiVersion: 'v1', kind: 'List', items }, null, 1);
    const err = await inputError(() => parseFeaturesDocument(text, 'list.json'));
    expect(err.message).toMatch(/^list\.json:\d+:\d+: items\[2500\]: expected object, got null$/);
    const line = Number(/:(\d+):/.exec(err.message)![1]);
    expect(text.split('\n')[line - 1]!.trim()).toBe('null,');
  });

  it.each([30_000, 100_000])('%d invalid flag elements: the first one', async (n) => {
    const elements = Object.fromEntries(Array.from({ length: n }, (_, i) => [`F${i}`, 1]));
    const text = JSON.stringify({ flags: { 'cpu.cpuid': { elements } } });
    const err = await inputError(() => parseFeaturesDocument(text, 'flags.json'));
    expect(err.message).toBe(
      'flags.json:1:41: flags["cpu.cpuid"].elements.F0: expected object,null, got number 1',
    );
  });

  it('a spec with 10,000 schema errors lists the first 100 and counts the rest', () => {
    const terms = Array.from({ length: 5_000 }, () => '          - feature: 1\n            bogus: 1').join(
      '\n',
    );
    const text = `version: v1alpha1\ncompatibilities:\n  - rules:\n      - name: r\n        matchFeatures:\n${terms}\n`;
    const { diagnostics } = checkSpecDocument(parseSource(text, 'spec.yaml'));
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const warnings = diagnostics.filter((d) => d.severity === 'warning');
    expect(errors).toHaveLength(LIMITS.problems + 1);
    expect(errors.at(-1)!.message).toMatch(
      /^and at least \d+ more schema errors \(the first 100 are listed\)$/,
    );
    // `feature: 1` is also read by NFD as the string "1": those warnings are bounded too
    expect(warnings.length).toBeLessThanOrEqual(LIMITS.problems + 1);
  });

  it('a 30 MB YAML list as features: refused by size before parsing', async () => {
    const err = await inputError(() => parseFeaturesDocument('- a\n'.repeat(7_500_000), 'list.yaml'));
    expect(err.message).toBe(
      'list.yaml: a YAML snapshot is larger than the 4 MiB limit (give large snapshots as JSON (kubectl get nodefeatures -A -o json))',
    );
  });

  it('lint of a 100k-character cpu.flags entry: bounded, and the warning echoes at most ~200 characters', () => {
    const long = 'a'.repeat(100_000);
    const r = lintSource(
      `version: 1\ncompatibilities:\n  - name: a\n    require:\n      cpu: { flags: [${long}] }\n`,
      'c.yaml',
    );
    for (const d of r.diagnostics) expect(d.message.length + (d.hint?.length ?? 0)).toBeLessThan(1000);
  });

  it('a 300k-character feature name: no did-you-mean work, no 300k echo', () => {
    const name = 'k'.repeat(300_000);
    expect(closest(name, ['kernel.version', 'cpu.cpuid'])).toBeUndefined();
    const r = lintSource(SPEC.replace('kernel.version', name), 'spec.yaml');
    for (const d of r.diagnostics) expect(d.message.length + (d.hint?.length ?? 0)).toBeLessThan(1000);
  });

  it('did-you-mean still finds typos', () => {
    expect(closest('kernel.verison', ['kernel.version', 'cpu.cpuid'])).toBe('kernel.version');
    expect(closest('cuont', ['count', 'op'])).toBe('count');
  });

  it.each([
    ['flow YAML', '['.repeat(100_000) + ']'.repeat(100_000)],
    ['flow YAML at the limit plus one', `a: ${'['.repeat(LIMITS.depth + 1)}${']'.repeat(LIMITS.depth + 1)}`],
    ['block YAML', Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}- `).join('\n') + 'a'],
  ])('nesting too deep (%s): a clear message, not a stack overflow', async (_name, text) => {
    const err = await inputError(() => parseSource(text, 'deep.yaml'));
    expect(err.detail).toBe(`nesting deeper than ${LIMITS.depth} levels (a spec or config is about 10 deep)`);
    expect(err.position.line).toBeDefined();
  });

  it('nesting too deep in a JSON snapshot', async () => {
    const err = await inputError(() =>
      parseFeaturesDocument('['.repeat(100_000) + ']'.repeat(100_000), 'deep.json'),
    );
    expect(err.message).toBe(`deep.json:1:${LIMITS.depth + 1}: nesting deeper than ${LIMITS.depth} levels`);
  });

  it('brackets inside quotes, comments and plain scalars do not count as nesting', () => {
    const text = `a: "${'['.repeat(100)}"\nb: '${'{'.repeat(100)}'\n# ${'['.repeat(100)}\nc: x${'['.repeat(100)}\n`;
    expect(parseSource(text, 'ok.yaml').value).toMatchObject({ c: `x${'['.repeat(100)}` });
  });
});

describe('typed errors', () => {
  it.each(['a: &a [*a]\n', 'a: &a\n  b: [1, *a]\n'])(
    'a recursive alias is a positioned error: %j',
    async (text) => {
      const err = await inputError(() => parseSource(text, 'alias.yaml'));
      expect(err.message).toMatch(/^alias\.yaml:\d+:\d+: alias \*a refers to its own anchor: a cycle$/);
    },
  );

  it('an alias to an earlier anchor is fine', () => {
    expect(parseSource('a: &a [1]\nb: *a\n', 'ok.yaml').value).toEqual({ a: [1], b: [1] });
  });

  it.each([
    ['/dev/full', /^\/dev\/full: cannot write --report: no space left on device \(ENOSPC\)$/],
    [
      '/proc/version',
      /^\/proc\/version: cannot write --report: (input\/output error \(EIO\)|permission denied \(EACCES\))$/,
    ],
    [
      '/proc/version/x',
      /^\/proc\/version: cannot create the folder for --report: (a part of the path is not a folder \(ENOTDIR\)|exists and is not a folder \(EEXIST\))$/,
    ],
  ])('writing %s is exit 2 with the path', async (file, message) => {
    const err = await inputError(() => writeOutput(file, '{}\n', { what: '--report' }));
    expect(err.message).toMatch(message);
  });

  it.each([
    [
      '/dev/null',
      /^\/dev\/null: cannot create the folder for --out-dir: exists and is not a folder \(EEXIST\)$/,
    ],
    [
      '/proc/version/x',
      /^\/proc\/version\/x: cannot create the folder for --out-dir: a part of the path is not a folder \(ENOTDIR\)$/,
    ],
  ])('--out-dir %s is exit 2 with the path', async (dir, message) => {
    const err = await inputError(() => makeFolder(dir, { what: '--out-dir' }));
    expect(err.message).toMatch(message);
  });

  it('a dangling symlink in the fleet folder is a clear error', async () => {
    const fleet = path.join(tmp, 'fleet');
    fs.mkdirSync(fleet);
    fs.writeFileSync(path.join(fleet, 'a.json'), JSON.stringify(nodeFeature('a')));
    fs.symlinkSync(path.join(tmp, 'nowhere.json'), path.join(fleet, 'b.json'));
    const err = await inputError(() => loadFleet(fleet));
    expect(err.message).toBe(
      `${path.join(fleet, 'b.json')}: cannot read a host snapshot of the fleet: a symbolic link to nothing (dangling)`,
    );
  });

  it.each(['99999999999', '86401', '0'])('--timeout %s is exit 2 naming the range', async (timeout) => {
    const err = await inputError(() => registryOptionsFrom({ timeout } as never, { env: {} } as never));
    expect(err.message).toBe(`\`timeout\` must be a whole number from 1 to 86400, got "${timeout}"`);
  });
});

describe('text is text', () => {
  it('a NUL byte inside a spec scalar is positioned', async () => {
    const err = await inputError(() =>
      decodeText(Buffer.from(SPEC.replace('name: r', 'name: "r\0x"')), 's.yaml'),
    );
    expect(err.message).toBe('s.yaml:4:17: a NUL byte: expected text');
  });

  it('a NUL in text that did not pass the reader (registry content) is positioned too', async () => {
    const err = await inputError(() => parseSource(SPEC.replace('name: r', 'name: "r\0x"'), 's.yaml'));
    expect(err.message).toBe('s.yaml:4:17: a NUL character: expected text');
  });

  it('invalid UTF-8 is positioned at its first byte (columns count characters)', async () => {
    const buf = Buffer.concat([Buffer.from('a: 1\nb: "é'), Buffer.from([0xff]), Buffer.from('"\n')]);
    const err = await inputError(() => decodeText(buf, 'c.yaml'));
    expect(err.message).toBe('c.yaml:2:6: invalid UTF-8: expected text');
  });

  it('valid UTF-8 (with a BOM) decodes', () => {
    expect(decodeText(Buffer.from('\ufeffa: é\n'), 'c.yaml')).toBe('a: é\n');
  });
});

describe('report folders', () => {
  const validReport = {
    compatible: true,
    host: {
      name: 'h',
      hardware: {
        host: 'h',
        cpu: { flagCount: 0 },
        memory: { hugepages: [] },
        gpus: [],
        nics: [],
        rdma: [],
        unavailable: [],
      },
    },
    results: [],
    compatibility: 'gpu',
  };
  const folder = (name: string, files: Record<string, string>) => {
    const dir = path.join(tmp, name);
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    return dir;
  };

  it.each([
    ['empty', ''],
    ['truncated', JSON.stringify(validReport).slice(0, 40)],
    ['binary', '\0\u0001\u0002'],
  ])('an %s report.json is exit 2 when no matrix job is known, never a silent skip', async (kind, text) => {
    const dir = folder(`reports-${kind}`, {
      'a/report.json': JSON.stringify(validReport),
      'b/report.json': text,
    });
    const err = await inputError(() => report({ dir, require: 'all' }));
    expect(err.position.file).toBe(path.join(dir, 'b/report.json'));
  });

  it("an empty report.json in a job's folder is a failed cell for the set the plan gave that job", async () => {
    const dir = folder('reports-job', {
      'image-compat-report-0/report.json': JSON.stringify(validReport),
      'image-compat-report-0/features.json': JSON.stringify(nodeFeature('h')),
      'image-compat-report-1/report.json': '',
    });
    const matrix = { text: JSON.stringify([{ name: 'gpu' }, { name: 'nic' }]), source: 'matrix.json' };
    const r = await report({ dir, require: 'all', matrix });
    expect(r.skipped).toEqual(['image-compat-report-0/features.json']);
    expect(r.invalid).toEqual(['image-compat-report-1/report.json']);
    expect(r.merged.compatible).toBe(false);
    const nic = r.merged.rows.find((row) => row.set === 'nic');
    expect(nic?.cells[0]).toMatchObject({ verdict: 'error', runner: 'image-compat-report-1' });
    expect(nic?.cells[0]?.error).toContain('empty file: not a validation report');
  });
});

describe('workflow-command injection', () => {
  const config = `version: 1\ncompatibilities:\n  - name: a\n    require:\n      gpu: { vendor: "vendr\\n::error title=INJECTED::pwned" }\n`;

  it('lint text output never starts a line with ::', () => {
    const text = formatDiagnostics(lintSource(config, 'c.yaml').diagnostics, 'text');
    expect(text).toContain('INJECTED');
    for (const line of text.split(/\r?\n|\r/)) expect(line.trimStart()).not.toMatch(/^::/);
  });

  it('a config key with a line break and ::error: no line of lint or text output starts with ::', () => {
    const keyed = `version: 1\ncompatibilities:\n  - name: a\n    require:\n      gpu: { "vendr\\n::error title=INJECTED::pwned": nvidia }\n`;
    const text = formatDiagnostics(lintSource(keyed, 'c.yaml').diagnostics, 'text');
    expect(text).toContain('INJECTED');
    for (const line of text.split(/\r?\n|\r/)) expect(line.trimStart()).not.toMatch(/^::/);
  });

  it('github output escapes %, CR and LF in the payload: one command per diagnostic', () => {
    const diagnostics = [
      {
        severity: 'error' as const,
        message: 'a\n::error title=X::y 100%\r',
        position: { file: 'c.yaml', line: 1 },
      },
    ];
    expect(formatDiagnostics(diagnostics, 'github')).toBe(
      '::error file=c.yaml,line=1,title=image-compat lint::a%0A::error title=X::y 100%25%0D\n',
    );
  });

  it.each([
    ['a line', '::error::x', ':\u200b:error::x'],
    ['an indented line', '  ::warning::x', '  :\u200b:warning::x'],
    ['after LF and CR', 'a\n::x\r::y', 'a\n:\u200b:x\r:\u200b:y'],
    ['inside a line', 'a ::x', 'a ::x'],
  ])('neutraliseText: %s', (_name, text, expected) => {
    expect(neutraliseText(text)).toBe(expected);
    expect(neutraliseText(neutraliseText(text))).toBe(expected);
  });
});
