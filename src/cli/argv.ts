// The fast parser of the common start: a command's arguments read against its definition
// (cli/definition.ts) without loading commander, which costs a start 10-12 ms (its 124 KiB
// evaluated, the program built, parseAsync). Hand-written because it accepts only the unambiguous,
// well-formed subset, where its result is by construction what commander's parse of the same
// definition gives (test/cli/argv.test.ts compares the two): long options `--name value` and
// `--name=value`, declared short aliases `-c value`, boolean flags, each option at most once, values
// that do not start with `-` (`-` alone is one), choices, required options, defaults, positional
// arguments where the command declares them. Anything else (help, an unknown or repeated option, a
// missing or bad value, `--`, `-abc`, `--no-x`, a variadic option, ...) is declined: undefined,
// and the program hands the whole command line to commander, which prints today's help and errors.
import type { CommandDefinition, OptionDefinition } from './definition.js';

export interface ParsedArguments {
  /** The options' values under commander's names, with the defaults of those not given. */
  flags: Record<string, unknown>;
  /** The positional arguments, one entry per declared argument (a variadic one is an array). */
  args: unknown[];
}

interface Flag {
  key: string;
  takesValue: boolean;
  /** Optional values (`[x]`) and variadic ones (`<x...>`) are commander's to read: declined when given. */
  plain: boolean;
  option: OptionDefinition;
}

/** `--plain-http` is `plainHttp`, as commander names it. */
function keyOf(long: string): string {
  return long
    .slice(2)
    .split('-')
    .reduce((key, word) => key + word[0]!.toUpperCase() + word.slice(1));
}

const FLAGS = /^(?:(-[A-Za-z]), )?(--[a-z][a-z0-9]*(?:-[a-z0-9]+)*)(?: (<[^<>]+>|\[[^[\]]+\]))?$/;

/** The flags of a definition by their names (`--config`, `-c`); undefined when one is not of the plain shapes. */
function flagsOf(definition: CommandDefinition): Map<string, Flag> | undefined {
  const byName = new Map<string, Flag>();
  for (const option of definition.options) {
    const m = FLAGS.exec(option.flags);
    // `--no-x` has commander's defaults of its own.
    if (!m || m[2]!.startsWith('--no-')) return undefined;
    const value = m[3];
    const plain = value === undefined || (value.startsWith('<') && !value.endsWith('...>'));
    const flag = { key: keyOf(m[2]!), takesValue: value !== undefined, plain, option };
    byName.set(m[2]!, flag);
    if (m[1]) byName.set(m[1], flag);
  }
  return byName;
}

/** A value commander would read as this one: not empty, not an option. */
const plainValue = (value: string | undefined): value is string =>
  value !== undefined && value !== '' && (value === '-' || !value.startsWith('-'));

/** The flags and arguments of `args` (what follows the command's name), or undefined to let commander read them. */
export function parseArguments(
  definition: CommandDefinition,
  args: readonly string[],
): ParsedArguments | undefined {
  const byName = flagsOf(definition);
  if (!byName) return undefined;
  const flags: Record<string, unknown> = {};
  const given = new Set<string>();
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    // An empty operand and `-` (standard input) as an operand are commander's to read.
    if (arg === '' || arg === '-') return undefined;
    if (!arg.startsWith('-')) {
      operands.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq < 0 ? arg : arg.slice(0, eq);
    const flag = byName.get(name);
    if (!flag || !flag.plain || given.has(flag.key)) return undefined;
    given.add(flag.key);
    if (!flag.takesValue) {
      if (eq >= 0) return undefined;
      flags[flag.key] = true;
      continue;
    }
    const value = eq < 0 ? args[++i] : arg.slice(eq + 1);
    if (!plainValue(value)) return undefined;
    const { choices, parse } = flag.option;
    if (choices && !choices.includes(value)) return undefined;
    if (parse) {
      try {
        flags[flag.key] = parse(value);
      } catch {
        return undefined;
      }
    } else {
      flags[flag.key] = value;
    }
  }
  for (const { key, option } of byName.values()) {
    if (given.has(key)) continue;
    if (option.required && option.default === undefined) return undefined;
    if (option.default !== undefined) flags[key] = option.default;
  }
  const positional = operandsOf(definition, operands);
  return positional && { flags, args: positional };
}

/** The declared positional arguments from the operands; undefined when they do not fit. */
function operandsOf(definition: CommandDefinition, operands: readonly string[]): unknown[] | undefined {
  const declared = definition.arguments ?? [];
  const args: unknown[] = [];
  let next = 0;
  for (const argument of declared) {
    const m = /^\[([^\]]+?)(\.\.\.)?\]$/.exec(argument.name);
    // Required arguments (`<file>`) are commander's to report when missing.
    if (!m) return undefined;
    if (m[2]) {
      const rest = operands.slice(next);
      next = operands.length;
      // commander: the operands left, else the default, else none.
      args.push(rest.length ? rest : argument.default === undefined ? [] : argument.default);
    } else {
      args.push(next < operands.length ? operands[next++] : argument.default);
    }
  }
  return next === operands.length ? args : undefined;
}
