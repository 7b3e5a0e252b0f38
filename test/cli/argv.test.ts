// The fast parser (src/cli/argv.ts) against commander: for every command line it accepts, its
// flags and positional arguments are those commander's parse of the same definitions gives
// (through the whole program, as a start runs it: the program's own -V and -h see every argument);
// everything unusual or invalid it declines, so that commander prints today's help and errors.
import { describe, expect, it } from '@jest/globals';
import { parseArguments, type ParsedArguments } from '../../src/cli/argv.js';
import type { CommandDefinition } from '../../src/cli/definition.js';
import { commands } from '../../src/cli/index.js';
import { programOf } from '../../src/cli/program.js';

const definitionOf = (name: string): Promise<CommandDefinition> => commands[name]!();

/** What commander hands the action for `image-compat <name> <args>`. */
async function commanderParse(name: string, args: readonly string[]): Promise<ParsedArguments> {
  let seen: ParsedArguments | undefined;
  const definition = await definitionOf(name);
  const program = programOf([
    {
      ...definition,
      action: async (flags: Record<string, unknown>, ...rest: unknown[]) => {
        seen = { flags, args: rest };
      },
    },
  ]);
  await program.parseAsync(['node', 'image-compat', name, ...args]);
  if (!seen) throw new Error('the action did not run');
  return seen;
}

// Command lines the fast parser reads: every command's options, the `=` form, short aliases,
// defaults, choices, positional arguments.
const ACCEPTED: Array<[string, string[]]> = [
  ['validate', []],
  ['validate', ['--spec', 's.yaml', '--features', 'f.json']],
  ['validate', ['--spec=s.yaml', '--features=f.json', '--output', 'json']],
  ['validate', ['--spec', 's.yaml', '--features', '-', '--output=table']],
  ['validate', ['--features=-', '--spec', 's.yaml']],
  [
    'validate',
    ['--image', 'ghcr.io/a/b:1', '--platform', 'linux/arm64/v8', '--require-signature', '--key', 'k.pub'],
  ],
  [
    'validate',
    ['--image', 'r', '--plain-http', '--retries', '0', '--timeout=5', '--ca-file', 'ca.pem', '--insecure'],
  ],
  ['validate', ['--image', 'r', '--manifest', 'sha256:ab', '--tags', 'a, b,,c', '--compatibility', 'h100']],
  ['validate', ['--spec', 's', '--report', 'r.json', '--matrix-id', 'm1', '--save-features', 'f.json']],
  ['validate', ['--spec', 's', '--all-host-values', '--strict', '--host-root', '/host']],
  [
    'validate',
    ['--image', 'r', '--attest', '--attest-key', 'k', '--attest-hostname', '--runner-labels', '["a","b"]'],
  ],
  [
    'validate',
    ['--config', 'c.yaml', '--certificate-identity', 'x', '--certificate-identity-regexp', '^https://'],
  ],
  [
    'validate',
    ['--image', 'r', '--certificate-oidc-issuer', 'https://i', '--trusted-root', 't.json', '--offline'],
  ],
  ['validate', ['--image', 'r', '--username', 'u', '--password-stdin']],
  ['features', []],
  ['features', ['--output', 'json']],
  ['features', ['--output=yaml']],
  ['features', ['--output', 'table', '--host-root', '/host']],
  ['features', ['--output', 'nfd-local', '--expiry', '2027-01-01T00:00:00Z']],
  ['features', ['--expiry=2027-01-01T01:00:00+01:00', '--output=nfd-local']],
  ['generate', []],
  ['generate', ['-c', 'c.yaml']],
  ['generate', ['-c', 'c.yaml', '-p', 'linux/amd64', '-o', 'out']],
  ['generate', ['--config', 'c', '--platform=linux/arm64', '--out-dir', 'd']],
  ['generate', ['--output', 'node-feature-rule', '--name', 'app', '--label-prefix', 'x.dev']],
  ['generate', ['--spec', 's.yaml', '--output=node-affinity', '--name=app']],
  ['lint', []],
  ['lint', ['a.yaml']],
  ['lint', ['a.yaml', 'b.yaml']],
  ['lint', ['--output', 'json', 'a.yaml']],
  ['lint', ['a.yaml', '--output=github', 'b.yaml']],
  ['lint', ['help']],
  ['attach', ['--image', 'r', '--spec', 's.yaml']],
  [
    'attach',
    [
      '--image=r',
      '--config',
      'c',
      '--platform',
      'p',
      '--sign',
      '--key',
      'k',
      '--dry-run',
      '--output',
      'json',
    ],
  ],
  ['attach', ['--spec', 's', '--image', '127.0.0.1:5000/x/y:1', '--sign', '--key-env', 'K', '--plain-http']],
  ['discover', ['--image', 'r']],
  ['discover', ['--image', '127.0.0.1:5000/x/y:1', '--plain-http']],
  [
    'discover',
    ['--image=r', '--platform', 'linux/arm64/v8', '--output', 'json', '--retries', '1', '--timeout', '1'],
  ],
  ['discover', ['--plain-http', '--image', 'r', '--username', 'u', '--password-stdin', '--ca-file', 'c']],
  ['detach', ['--image', 'r', '--artifact', 'sha256:00']],
  ['detach', ['--artifact=sha256:00', '--image=r', '--dry-run', '--platform', 'p', '--output=json']],
  ['verify', ['--image', 'r', '--key', 'k.pub']],
  ['verify', ['--image', 'r', '--require-validated', 'a,b', '--max-age', '30d', '--output', 'json']],
  [
    'verify',
    ['--image', 'r', '--certificate-identity-regexp', '^x', '--certificate-oidc-issuer', 'https://t'],
  ],
  ['plan', []],
  ['plan', ['-c', 'c.yaml', '--pretty']],
  ['plan', ['--config=c.yaml', '--image', 'r', '--plain-http']],
  ['report', ['--dir', 'd']],
  ['report', ['--dir=d', '--output', 'json', '--require', 'any-per-set', '--matrix', '-']],
  ['report', ['--dir', 'd', '--all-host-values', '--fleet-out', 'o', '--matrix', 'm.json']],
  ['check', []],
  ['check', ['--base-ref', 'origin/main', '--fleet', 'hosts/']],
  ['check', ['--event', 'e.json', '--output', 'markdown', '--annotations', '--fail-on-exclusion']],
  [
    'check',
    ['--config', 'c', '--base-config', 'b', '--base-image', 'r', '--fleet-image', 'r2', '--key', 'k'],
  ],
  ['export', ['--image', 'r']],
  [
    'export',
    ['--image', 'r', '--platform', 'p', '--output', 'node-affinity', '--name', 'app', '--label-prefix', 'x'],
  ],
  ['export', ['--image', 'r', '--require-signature', '--key', 'k', '--plain-http', '--retries=2']],
  ['select', ['--image', 'r']],
  ['select', ['--image', 'r', '--features', '-', '--output', 'json', '--require-signature', '--strict']],
  ['select', ['--image', 'r', '--host-root', '/h', '--offline', '--trusted-root', 't.json']],
  ['validations', ['--image', 'r']],
  ['validations', ['--image', 'r', '--platform', 'p', '--output', 'json', '--fleet-out', 'd', '--key', 'k']],
];

/** A value each option accepts, for the rows that give every option of a command. */
function sampleValue(flags: string, choices: readonly string[] | undefined): string {
  if (choices) return choices.at(-1)!;
  if (flags.startsWith('--tags')) return 'a,b';
  if (flags.startsWith('--expiry')) return '2027-01-01T00:00:00Z';
  return `v-${flags.replace(/\W+/g, '')}`;
}

/** `image-compat <name>` with every option it has given once (long names; `=` form when asked). */
async function everyOption(name: string, equals: boolean): Promise<string[]> {
  const definition = await definitionOf(name);
  return definition.options
    .filter((o) => !o.flags.includes('...'))
    .flatMap((o) => {
      const long = /--[\w-]+/.exec(o.flags)![0];
      if (!o.flags.includes('<')) return [long];
      const value = sampleValue(o.flags, o.choices);
      return equals ? [`${long}=${value}`] : [long, value];
    });
}

describe('the fast parser reads as commander does', () => {
  it.each(ACCEPTED)('%s %j', async (name, args) => {
    const fast = parseArguments(await definitionOf(name), args);
    expect(fast).toBeDefined();
    expect(fast).toStrictEqual(await commanderParse(name, args));
  });

  it.each(Object.keys(commands).flatMap((name) => [[name, false] as const, [name, true] as const]))(
    '%s with every option (= form: %s)',
    async (name, equals) => {
      const args = await everyOption(name, equals);
      const fast = parseArguments(await definitionOf(name), args);
      expect(fast).toBeDefined();
      expect(fast).toStrictEqual(await commanderParse(name, args));
    },
  );
});

// Command lines the fast parser leaves to commander: help, errors and everything unusual.
const DECLINED: Array<[string, string[]]> = [
  ['validate', ['--help']],
  ['validate', ['-h']],
  ['validate', ['--spec', 's', '-h']],
  ['discover', ['--image', 'r', '--version']],
  ['discover', ['--image', 'r', '-V']],
  ['validate', ['--spec']],
  ['validate', ['--spec', '--features', 'f']],
  ['validate', ['--spec', '-V']],
  ['validate', ['--spec', '-h']],
  ['validate', ['--spec=-V']],
  ['validate', ['--spec', '']],
  ['validate', ['--spec=']],
  ['validate', ['--spec', 'a', '--spec', 'b']],
  ['validate', ['--spec=a', '--spec', 'a']],
  ['validate', ['--output', 'xml']],
  ['validate', ['--output=xml']],
  ['validate', ['--bogus']],
  ['validate', ['--bogus=1']],
  ['validate', ['--SPEC', 's']],
  ['validate', ['--', '--spec', 's']],
  ['validate', ['--spec', 's', '--']],
  ['validate', ['--no-strict']],
  ['validate', ['--strict=true']],
  ['validate', ['--strict', '--strict']],
  ['validate', ['extra']],
  ['validate', ['--spec', 's', 'extra']],
  ['validate', ['-']],
  ['validate', ['--tags', ',']],
  ['validate', ['--retries', '-1']],
  ['validate', ['-s', 's']],
  ['discover', []],
  ['discover', ['--plain-http']],
  ['discover', ['--image']],
  ['discover', ['--image', 'r', '--plain-http', '--plain-http']],
  ['discover', ['--image', 'r', '--output', 'yaml']],
  ['discover', ['--image', 'r', 'extra']],
  ['attach', ['--image', 'r', '--sign=yes']],
  ['detach', ['--image', 'r']],
  ['report', []],
  ['report', ['--dir', 'd', '--require', 'some']],
  ['generate', ['-cp']],
  ['generate', ['-cfile.yaml']],
  ['generate', ['-c=file.yaml']],
  ['generate', ['-c']],
  ['generate', ['-x']],
  ['check', ['--files', 'a.yaml', 'b.yaml']],
  ['check', ['--files=a.yaml']],
  ['lint', ['-x']],
  ['lint', ['-']],
  ['lint', ['a.yaml', '-']],
  ['lint', ['a.yaml', '--output']],
  ['lint', ['--output', 'sarif']],
  ['lint', ['']],
  ['lint', ['-1']],
  ['features', ['--expiry', 'soon']],
  ['features', ['--output=']],
  ['features', ['--output', 'json', '--output', 'json']],
  ['plan', ['-c', 'a', '--config', 'b']],
];

describe('the fast parser declines what is not plainly well formed', () => {
  it.each(DECLINED)('%s %j', async (name, args) => {
    expect(parseArguments(await definitionOf(name), args)).toBeUndefined();
  });
});
