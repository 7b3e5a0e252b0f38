// A command of the CLI as data: its name, help texts, options, positional arguments and action.
// Each src/cli/<command>.ts defines one; the same definition is read by the fast parser of the
// common start (cli/argv.ts) and turned into commander's program for help, errors and everything
// unusual (cli/program.ts), so the two cannot disagree on a flag. Nothing here loads commander.

/** One option, in commander's words. */
export interface OptionDefinition {
  /** As commander reads them: `--image <ref>`, `-c, --config <file>`, `--sign`, `--files <files...>`. */
  flags: string;
  description: string;
  default?: unknown;
  choices?: readonly string[];
  /** commander's requiredOption: the start fails when it is missing. */
  required?: boolean;
  /** Turns the value given into the flag's value; throws InvalidValueError for a bad one. */
  parse?: (value: string) => unknown;
}

/** One positional argument, in commander's words: `[files...]`, `<file>`. */
export interface ArgumentDefinition {
  name: string;
  description: string;
  default?: unknown;
}

/**
 * A command's definition: a command file writes `{ ... } satisfies CommandDefinition`, its action
 * taking its own flags type (the action is a method, so its flags may be narrower than `object`).
 * Only types and InvalidValueError: a command's module needs nothing of this file at run time.
 */
export interface CommandDefinition {
  name: string;
  /** The line the program's help lists (default: the description's). */
  summary?: string;
  description: string;
  arguments?: readonly ArgumentDefinition[];
  options: readonly OptionDefinition[];
  /** Help text after the options. */
  after?: string;
  /** Runs the command: the flags under commander's names (`--plain-http` is `plainHttp`), then the positional arguments. */
  action(flags: object, ...args: unknown[]): Promise<void>;
}

/**
 * The commands a CLI program knows, by name, each with a loader of its definition (cli/index.ts
 * lists them all; src/cli-validate.ts and src/cli-features.ts one each).
 */
export type CommandTable = Readonly<Record<string, () => Promise<CommandDefinition>>>;

/** A value an option's `parse` refuses: commander reports it as an invalid argument of that option. */
export class InvalidValueError extends Error {}
