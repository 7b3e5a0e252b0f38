// The command-line edge: parses arguments, runs one command, maps the outcome to the exit-code
// contract (0 compatible/success, 1 incompatible, 2 bad input, 3 registry, 4 signature policy).
// Data goes to stdout, messages to stderr. A program is this and a table of its commands: the
// whole CLI (cli/main.ts, with cli/index.ts) or one command built on its own (src/cli-validate.ts,
// src/cli-features.ts); only the invoked command's module is imported. A well-formed command line
// is read by the fast parser (cli/argv.ts) from the command's definition; anything it declines
// (help, errors, the unusual) goes to commander (cli/program.ts, loaded only then), built from the
// same definitions.
import { ExitCode, exitCodeOf, ImageCompatError } from '../errors.js';
import { neutraliseText } from '../io/workflow-command.js';
import { parseArguments } from './argv.js';
import type { CommandDefinition, CommandTable } from './definition.js';
import { answerVersion, VERSION_FLAGS } from './version-flag.js';
import { inCliWords } from './words.js';

/**
 * The commands a start needs, from its first argument: the one it names, none for `--version`,
 * else all of them (help, `help <command>`, an unknown command or option), in the table's order.
 */
export async function commandsFor(
  commands: CommandTable,
  first: string | undefined,
): Promise<CommandDefinition[]> {
  if (first !== undefined && Object.hasOwn(commands, first)) return [await commands[first]!()];
  // The version options never reach a command: nothing to load for them.
  if (first !== undefined && VERSION_FLAGS.has(first)) return [];
  return Promise.all(Object.values(commands).map((load) => load()));
}

/** Runs the command line: the fast parser's common case, else commander (help, errors, the unusual). */
async function run(commands: CommandTable, argv: readonly string[]): Promise<number> {
  if (answerVersion(argv)) return ExitCode.ok;
  const name = argv[2];
  if (name !== undefined && Object.hasOwn(commands, name)) {
    const [definition] = await commandsFor(commands, name);
    const parsed = parseArguments(definition!, argv.slice(3));
    if (parsed) {
      await definition!.action(parsed.flags, ...parsed.args);
      return Number(process.exitCode ?? ExitCode.ok);
    }
  }
  const [{ runProgram }, definitions] = await Promise.all([
    import('./program.js'),
    commandsFor(commands, name),
  ]);
  return runProgram(argv, definitions);
}

async function main(commands: CommandTable, argv: string[]): Promise<number> {
  try {
    return await run(commands, argv);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(neutraliseText(`image-compat: ${message}\n`));
    if (!(err instanceof ImageCompatError) && process.env.IMAGE_COMPAT_DEBUG && err instanceof Error) {
      process.stderr.write(`${err.stack}\n`);
    }
    return exitCodeOf(err);
  }
}

/** Runs this process's command line with `commands`, and sets its exit code. */
export async function runCli(commands: CommandTable): Promise<void> {
  // Messages from the rooms below name settings in neutral words (src/settings.ts); everything the
  // CLI writes to stderr is a message, so this one place writes them as its flags.
  const writeStderr = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) =>
    writeStderr(
      typeof chunk === 'string' ? inCliWords(chunk) : chunk,
      ...rest,
    )) as typeof process.stderr.write;

  // A reader that stops early (`image-compat features | head`) closes the pipe: not an error of ours.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? ExitCode.ok);
    throw err;
  });

  process.exitCode = await main(commands, process.argv);
}
