// The command-line edge: parses arguments, runs one command, maps the outcome to the exit-code
// contract (0 compatible/success, 1 incompatible, 2 bad input, 3 registry, 4 signature policy).
// Data goes to stdout, messages to stderr. Loaded by the launcher (src/cli.ts); only the invoked
// command's module is imported (cli/index.ts), all of them when the program's own help or an
// unknown command needs their names and descriptions.
import { Command, CommanderError } from 'commander';
import { ExitCode, exitCodeOf, ImageCompatError } from '../errors.js';
import { neutraliseText } from '../io/workflow-command.js';
import { VERSION } from '../version.js';
import { commandsFor } from './index.js';
import { inCliWords } from './words.js';

/** The program with the commands `argv` needs: the invoked one, or all of them. */
export async function buildProgram(argv: readonly string[]): Promise<Command> {
  const program = new Command('image-compat')
    .description(
      'Generate, sign, attach and validate OCI image compatibility artifacts (the format node-feature-discovery reads).',
    )
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const make of await commandsFor(argv[2])) program.addCommand(make().exitOverride());
  return program;
}

async function main(argv: string[]): Promise<number> {
  try {
    await (await buildProgram(argv)).parseAsync(argv);
    return Number(process.exitCode ?? ExitCode.ok);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Commander already printed its message; help and --version are successes.
      return err.exitCode === 0 ? ExitCode.ok : ExitCode.input;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(neutraliseText(`image-compat: ${message}\n`));
    if (!(err instanceof ImageCompatError) && process.env.IMAGE_COMPAT_DEBUG && err instanceof Error) {
      process.stderr.write(`${err.stack}\n`);
    }
    return exitCodeOf(err);
  }
}

// Messages from the rooms below name settings in neutral words (src/settings.ts); everything the CLI
// writes to stderr is a message, so this one place writes them as its flags.
const writeStderr = process.stderr.write.bind(process.stderr);
process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) =>
  writeStderr(typeof chunk === 'string' ? inCliWords(chunk) : chunk, ...rest)) as typeof process.stderr.write;

// A reader that stops early (`image-compat features | head`) closes the pipe: not an error of ours.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? ExitCode.ok);
  throw err;
});

process.exitCode = await main(process.argv);
