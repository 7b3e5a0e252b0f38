// commander's program, built from the commands' definitions (cli/definition.ts): what parses a
// command line the fast parser (cli/argv.ts) declines, and prints the help, the errors and the
// suggestions the CLI always printed. Loaded by the program (run.ts) with import() only for those
// starts.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ExitCode } from '../errors.js';
import { VERSION } from '../version.js';
import type { CommandDefinition, OptionDefinition } from './definition.js';
import { InvalidValueError } from './definition.js';

function optionOf(definition: OptionDefinition): Option {
  const option = new Option(definition.flags, definition.description);
  if (definition.default !== undefined) option.default(definition.default);
  if (definition.choices) option.choices(definition.choices);
  if (definition.required) option.makeOptionMandatory();
  const { parse } = definition;
  if (parse)
    option.argParser((value: string) => {
      try {
        return parse(value);
      } catch (err) {
        throw err instanceof InvalidValueError ? new InvalidArgumentError(err.message) : err;
      }
    });
  return option;
}

/** A command of commander's from its definition. */
export function commanderCommand(definition: CommandDefinition): Command {
  const cmd = new Command(definition.name);
  if (definition.summary !== undefined) cmd.summary(definition.summary);
  cmd.description(definition.description);
  for (const a of definition.arguments ?? []) cmd.argument(a.name, a.description, a.default);
  for (const o of definition.options) cmd.addOption(optionOf(o));
  if (definition.after !== undefined) cmd.addHelpText('after', definition.after);
  return cmd.action((...args: unknown[]) => {
    const self = args.at(-1) as Command;
    return definition.action(self.opts(), ...self.processedArgs);
  });
}

/** The program with these commands. */
export function programOf(definitions: readonly CommandDefinition[]): Command {
  const program = new Command('image-compat')
    .description(
      'Generate, sign, attach and validate OCI image compatibility artifacts (the format node-feature-discovery reads).',
    )
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const definition of definitions) program.addCommand(commanderCommand(definition).exitOverride());
  return program;
}

/**
 * Parses and runs `argv` with commander and the commands it needs (cli/run.ts: `commandsFor`):
 * the exit code of help, `--version` and its errors; a command's own errors are thrown.
 */
export async function runProgram(
  argv: readonly string[],
  definitions: readonly CommandDefinition[],
): Promise<number> {
  try {
    await programOf(definitions).parseAsync(argv);
    return Number(process.exitCode ?? ExitCode.ok);
  } catch (err) {
    // Commander already printed its message; help and --version are successes.
    if (err instanceof CommanderError) return err.exitCode === 0 ? ExitCode.ok : ExitCode.input;
    throw err;
  }
}
