// The bundle check: what each start of the CLI loads, read from esbuild's metafiles for the same
// options as dist/ (scripts/bundle.mjs: the one build, and the commands built on their own, whose
// starts the launcher runs from those builds). `features` and `validate --features` must not load the
// registry client, TLS, the signing code (Sigstore, TUF) or ajv's compiler again, `--version` no
// command at all, no start of a command commander (it loads for help and errors only); no bundle
// imports a networking built-in as an ES module (see bundle.mjs).
import { beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
// @ts-expect-error: a plain .mjs build script without types
import { bundleMetafile, loadedBy, ownBuildMetafiles } from '../../scripts/bundle-graph.mjs';
// @ts-expect-error: a plain .mjs build script without types
import { ownBuilds, RE2JS_FILE } from '../../scripts/bundle.mjs';
import { commands } from '../../src/cli/index.js';
import { runCli } from '../helpers/cli.js';

const H100 = 'examples/hosts/h100-server.json';

interface Loaded {
  outputs: Set<string>;
  externals: Set<string>;
  inputs: Set<string>;
}
type Metafile = {
  outputs: Record<
    string,
    { imports: Array<{ path: string; kind: string; external?: boolean }>; inputs?: Record<string, unknown> }
  >;
  inputs: Record<string, { imports: Array<{ path: string; kind: string; external?: boolean }> }>;
};

const START = ['src/cli.ts', 'src/cli/main.ts'];

/** The registry client (all of src/oci but the pieces the registry options are built from). */
const OPTION_MODULES = new Set(['src/oci/credentials.ts', 'src/oci/cred-helpers.ts', 'src/oci/retry.ts']);
const registryOrSigning = (input: string): boolean =>
  (input.startsWith('src/oci/') && !OPTION_MODULES.has(input)) ||
  input.startsWith('src/sign/') ||
  /node_modules\/(@sigstore|@tufjs|tuf-js|sigstore|undici|make-fetch-happen|cacache|socks|minipass[^/]*|agent-base|https?-proxy-agent)\//.test(
    input,
  );
const ajvCompiler = (input: string): boolean => /node_modules\/ajv\/dist\/(ajv|core|compile\/)/.test(input);

let metafile: Metafile;
/** The metafiles of the commands built on their own, by command (`validate`: cli-validate's). */
let own: Record<string, Metafile>;
/** command -> the source of its own build (src/cli-validate.ts). */
const ownSources: Record<string, string> = Object.fromEntries(
  Object.entries(ownBuilds as Record<string, string>).map(([name, source]) => [
    name.slice('cli-'.length),
    source,
  ]),
);

/** A start in the one build: the launcher, the program, then the command's module by import(). */
const load = (command?: string): Loaded =>
  loadedBy(metafile, command === undefined ? START : [...START, `src/cli/${command}.ts`]) as Loaded;

/** What a start of `command` loads as the launcher runs it: from its own build where it has one. */
const startOf = (command: string, ...later: string[]): Loaded =>
  (Object.hasOwn(ownSources, command)
    ? loadedBy(own[command], [ownSources[command], ...later])
    : loadedBy(metafile, [...START, `src/cli/${command}.ts`, ...later])) as Loaded;

/** Every build's metafile: the one build's and each own build's. */
const allMetafiles = (): Metafile[] => [metafile, ...Object.values(own)];

beforeAll(async () => {
  metafile = (await bundleMetafile()) as Metafile;
  const byName = (await ownBuildMetafiles()) as Record<string, Metafile>;
  own = Object.fromEntries(Object.entries(byName).map(([name, m]) => [name.slice('cli-'.length), m]));
}, 120_000);

describe('what a start of the CLI loads', () => {
  it('--version: the launcher answers it alone, before it loads a program', () => {
    const launcher = loadedBy(metafile, ['src/cli.ts']) as Loaded;
    expect([...launcher.inputs].filter((i) => i.startsWith('src/')).sort()).toEqual([
      'src/cli.ts',
      'src/cli/compile-cache.ts',
      'src/cli/version-flag.ts',
      'src/version.ts',
    ]);
  });

  it('the whole program with no command: the fast parser, no command, no commander', () => {
    const { inputs } = load();
    expect([...inputs].filter((i) => i.startsWith('src/cli/') && i !== 'src/cli/main.ts').sort()).toEqual([
      'src/cli/argv.ts',
      'src/cli/compile-cache.ts',
      'src/cli/index.ts',
      'src/cli/run.ts',
      'src/cli/version-flag.ts',
      'src/cli/words.ts',
    ]);
    expect([...inputs].filter((i) => i.startsWith('src/commands/'))).toEqual([]);
    expect([...inputs].filter((i) => i.includes('node_modules/commander/'))).toEqual([]);
  });

  // argv (#15/#17): a well-formed command line is read by src/cli/argv.ts from the command's
  // definition; commander (src/cli/program.ts) loads only for help, errors and the unusual.
  const commander = (input: string): boolean =>
    input.includes('node_modules/commander/') || input === 'src/cli/program.ts';

  it.each(Object.keys(commands))('%s: a start of it does not load commander', (command) => {
    expect([...startOf(command).inputs].filter(commander)).toEqual([]);
  });

  it('the check sees what it guards: the program that help and errors load reaches commander', () => {
    const program = loadedBy(metafile, [...START, 'src/cli/program.ts']) as Loaded;
    expect([...program.inputs].filter((i) => i.includes('node_modules/commander/')).length).toBeGreaterThan(
      0,
    );
  });

  it('help, --version and a usage error still come from dist as commander prints them', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: image-compat \[options\] \[command\]\n/);
    expect(help.stdout).toContain('  discover [options]');
    const discover = await runCli(['discover', '--help']);
    expect(discover.code).toBe(0);
    expect(discover.stdout).toMatch(/^Usage: image-compat discover \[options\]\n/);
    expect(discover.stdout).toContain('--plain-http');
    const version = await runCli(['--version']);
    expect(version).toMatchObject({
      code: 0,
      stdout: `${JSON.parse(readFileSync('package.json', 'utf8')).version}\n`,
      stderr: '',
    });
    const missing = await runCli(['discover']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("error: required option '--image <ref>' not specified");
  }, 60_000);

  it.each(['features', 'validate'])(
    '%s: no registry client, TLS, signing code or ajv compiler',
    (command) => {
      const { inputs } = startOf(command);
      expect([...inputs].filter(registryOrSigning)).toEqual([]);
      expect([...inputs].filter(ajvCompiler)).toEqual([]);
      expect([...inputs].filter((i) => i.startsWith('src/config/'))).toEqual([]);
    },
  );

  it('features: no yaml (its writer loads only for --output yaml)', () => {
    expect([...startOf('features').inputs].filter((i) => i.includes('node_modules/yaml/'))).toEqual([]);
  });

  // attach and discover (issue #15): what their registry work needs and nothing else.
  const sigstore = (input: string): boolean =>
    /node_modules\/(@sigstore|@tufjs|tuf-js|sigstore|make-fetch-happen|cacache|socks|minipass[^/]*|@npmcli)\//.test(
      input,
    ) || /^src\/sign\/(sign|keys|trust|verify)\.ts$/.test(input);

  it('discover: the registry client and its printing: no spec, config, yaml, re2js, ajv or signing code', () => {
    const { inputs } = load('discover');
    expect([...inputs].filter((i) => /^src\/(spec|config|sign|match|lint)\//.test(i))).toEqual([]);
    expect([...inputs].filter(sigstore)).toEqual([]);
    expect([...inputs].filter((i) => /node_modules\/(yaml|re2js|ajv|glob)\//.test(i))).toEqual([]);
    expect([...inputs].filter((i) => i.startsWith('src/cli/') && /attach|detach/.test(i))).toEqual([]);
  });

  it('attach: the spec check and the registry client; Sigstore only for --sign, the config rooms only for --config', () => {
    const { inputs } = load('attach');
    expect([...inputs].filter(sigstore)).toEqual([]);
    expect([...inputs].filter(ajvCompiler)).toEqual([]);
    expect([...inputs].filter((i) => i.startsWith('src/config/'))).toEqual([]);
    // The guard sees what it guards: those load behind the dynamic imports of the paths that use them.
    const signing = loadedBy(metafile, [...START, 'src/cli/attach.ts', 'src/commands/signing.ts']) as Loaded;
    expect([...signing.inputs].some(sigstore)).toBe(true);
    const config = loadedBy(metafile, [...START, 'src/cli/attach.ts', 'src/config/load.ts']) as Loaded;
    expect([...config.inputs].some(ajvCompiler)).toBe(true);
  });

  it.each(Object.keys(commands))('%s: its module is a chunk of its own, loaded by import()', (command) => {
    expect(load(command).outputs.size).toBeGreaterThan(load().outputs.size);
  });

  it('the check sees what it guards: validate --image still reaches the registry client', () => {
    expect(
      [...startOf('validate', 'src/commands/artifact-selection.ts').inputs].some(registryOrSigning),
    ).toBe(true);
  });

  it('the launcher runs validate and features from their own builds, every other start from the whole CLI', () => {
    const launcher = metafile.outputs['dist/cli.js']!.imports.filter((i) => i.kind === 'dynamic-import');
    expect(launcher.filter((i) => i.external).map((i) => i.path)).toEqual(
      Object.keys(ownBuilds as Record<string, string>).map((name) => `./chunks/${name}.js`),
    );
    expect(launcher.filter((i) => !i.external).map((i) => i.path)).toEqual([
      Object.entries(metafile.outputs).find(
        ([, o]) => (o as { entryPoint?: string }).entryPoint === 'src/cli/main.ts',
      )![0],
    ]);
    for (const [name, m] of Object.entries(own))
      expect(Object.keys(m.outputs)).toContain(`dist/chunks/cli-${name}.js`);
  });

  // The whole CLI run directly (dist/cli.js loads it so for every other command line).
  const wholeCli = (): string =>
    path.join(
      'dist',
      /import\("\.\/(chunks\/main-\w+\.js)"\)/.exec(readFileSync('dist/cli.js', 'utf8'))![1]!,
    );
  const spawnDist = (file: string, args: string[]) => {
    const r = spawnSync(process.execPath, [file, ...args], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it.each(
    [
      ['validate', '--help'],
      ['validate'],
      ['validate', '--spec', 'examples/specs/gpu.yaml', '--bogus'],
      ['validate', '--spec', 'examples/specs/gpu.yaml', '--features', H100, '--output', 'json'],
      ['validate', '--spec', 'examples/specs/gpu.yaml', '--features', 'examples/hosts/ci-vm.json'],
      ['features', '--help'],
      ['features', '--output', 'bogus'],
      ['--version'],
      ['-V'],
    ].map((args) => ({ line: args.join(' '), args })),
  )(
    '$line: the own build answers as the whole CLI does, byte for byte',
    ({ args }) => {
      const whole = spawnDist(wholeCli(), args);
      expect(spawnDist('dist/cli.js', args)).toEqual(whole);
      expect(whole.stdout + whole.stderr).not.toBe('');
    },
    60_000,
  );

  it.each(Object.keys(ownSources))(
    '%s built on its own: no other command, and its start links fewer than half the files of the one build',
    (command) => {
      const inputs = new Set(Object.keys(own[command]!.inputs));
      const others = Object.keys(commands)
        .filter((c) => c !== command)
        .map((c) => `src/cli/${c}.ts`);
      expect(others.filter((c) => inputs.has(c))).toEqual([]);
      expect([...startOf(command).inputs]).toContain(`src/cli/${command}.ts`);
      expect(startOf(command).outputs.size * 2).toBeLessThan(load(command).outputs.size);
    },
  );

  it('no bundle imports node:http, https, http2, net or tls as an ES module', () => {
    const esmImports = allMetafiles()
      .flatMap((m) => Object.entries(m.outputs))
      .flatMap(([file, o]) =>
        o.imports
          .filter(
            (i) =>
              i.external &&
              i.kind === 'import-statement' &&
              /^(node:)?(http|https|http2|net|tls)$/.test(i.path),
          )
          .map((i) => `${file}: ${i.path}`),
      );
    expect(esmImports).toEqual([]);
  });

  it('src/ imports no networking built-in (they load with process.getBuiltinModule, see src/oci/http.ts)', () => {
    const inputs = (
      metafile as unknown as {
        inputs: Record<string, { imports: Array<{ path: string; original?: string }> }>;
      }
    ).inputs;
    const imports = Object.entries(inputs)
      .filter(([file]) => file.startsWith('src/'))
      .flatMap(([file, i]) =>
        i.imports
          .filter((imp) => /^(network-builtin:)?(node:)?(http|https|http2|net|tls)$/.test(imp.path))
          .map((imp) => `${file}: ${imp.original ?? imp.path}`),
      );
    expect(imports).toEqual([]);
  });

  it('the action entries are where the action.yml files point', () => {
    for (const [dir, entry] of [
      ['.', 'index'],
      ['plan', 'plan'],
      ['report', 'report'],
      ['check', 'check'],
      ['validate', 'validate'],
      ['setup', 'setup'],
    ] as const) {
      expect(readFileSync(`${dir}/action.yml`, 'utf8')).toContain(`dist/${entry}.js`);
      expect(Object.keys(metafile.outputs)).toContain(`dist/${entry}.js`);
    }
  });
});

// vload (#17): what validate and features load no more at a start.
describe('what validate and features leave for later', () => {
  const outputs = (): Array<[string, { inputs?: Record<string, unknown> }]> =>
    allMetafiles().flatMap((m) => Object.entries(m.outputs));
  const holding = (test: (input: string) => boolean): string[] =>
    outputs()
      .filter(([, o]) => Object.keys(o.inputs ?? {}).some(test))
      .map(([file]) => file);

  it('re2js is in no bundle: it is dist/chunks/re2js.cjs, beside every chunk that requires it', () => {
    expect(holding((i) => i.includes('node_modules/re2js/'))).toEqual([]);
    // One in the whole CLI's build, one in validate's own (features has no spec).
    const values = holding((i) => i === 'src/spec/values.ts');
    expect(values).toHaveLength(2);
    for (const file of values) expect(path.dirname(file)).toBe(path.dirname(`dist/${RE2JS_FILE}`));
  });

  it.each(['features', 'validate'])(
    '%s: no static import of node:crypto, zlib, fs/promises or child_process (commander, with its stand-in, loads only for help and errors)',
    (command) => {
      const { inputs, externals } = startOf(command);
      for (const builtin of ['node:crypto', 'node:zlib', 'node:fs/promises', 'crypto', 'zlib'])
        expect(externals.has(builtin)).toBe(false);
      const importers = [...inputs].filter((i) =>
        (metafile.inputs[i]?.imports ?? []).some(
          (imp) => /^(node:)?child_process$/.test(imp.path) && imp.kind !== 'dynamic-import',
        ),
      );
      expect(importers).toEqual([]);
    },
  );

  it('no bundle imports node:fs as an ES module (its facade loads fs/promises, readline, streams)', () => {
    const esmImports = outputs().flatMap(([file, o]) =>
      (o as Metafile['outputs'][string]).imports
        .filter((i) => i.external && i.kind === 'import-statement' && /^(node:)?fs$/.test(i.path))
        .map((i) => `${file}: ${i.path}`),
    );
    expect(esmImports).toEqual([]);
  });

  it('validate: the host collectors load only when this machine is collected', () => {
    const start = startOf('validate').inputs;
    expect(
      [...start].filter((i) => i === 'src/features/collect.ts' || i === 'src/features/host-root.ts'),
    ).toEqual([]);
    expect(startOf('validate', 'src/features/collect.ts').inputs.has('src/features/cpu.ts')).toBe(true);
  });

  it("the built CLI still compiles a spec's regular expressions (and reports a bad one as before)", async () => {
    const ok = await runCli(['validate', '--spec', 'test/fixtures/spec/valid.yaml', '--features', H100]);
    expect([0, 1]).toContain(ok.code);
    expect(ok.stdout).toContain('host has AVX512BF16');
    const bad = await runCli(['lint', '-'], {
      input: readFileSync('test/fixtures/spec/valid.yaml', 'utf8').replace('"^AVX512"', '"^AVX(512"'),
    });
    expect(bad.code).toBe(2);
    expect(bad.stdout + bad.stderr).toContain(
      'invalid RE2 regular expression "^AVX(512": error parsing regexp: missing closing ): `^AVX(512`',
    );
  }, 60_000);

  it('a bundle without its re2js file says the engine is missing: exit 2, never "invalid regexp"', () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'image-compat-no-re2js-'));
    try {
      cpSync('dist', copy, { recursive: true });
      rmSync(path.join(copy, RE2JS_FILE));
      // A pattern that is not plain text (`^AVX512` alone is matched without the engine).
      const spec = path.join(copy, 'regexp-spec.yaml');
      writeFileSync(
        spec,
        readFileSync('test/fixtures/spec/valid.yaml', 'utf8').replace('"^AVX512"', '"^AVX512(BF16|FP16)$"'),
      );
      for (const args of [
        ['lint', spec],
        ['validate', '--spec', spec, '--features', H100],
      ]) {
        const run = spawnSync(process.execPath, [path.join(copy, 'cli.js'), ...args], { encoding: 'utf8' });
        expect(run.status).toBe(2);
        expect(run.stderr).toContain('cannot load the RE2 engine (./re2js.cjs): Cannot find module');
        expect(run.stderr + run.stdout).not.toContain('invalid');
        expect(run.stdout).toBe('');
      }
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('the command registry', () => {
  it.each(Object.entries(commands))('%s names the command its module defines', async (name, loadCommand) => {
    expect((await loadCommand()).name).toBe(name);
  });
});
