// `image-compat --version` (or `-V`) alone: the version, as commander prints it, byte for byte.
// Answered by the launcher (src/cli.ts) before it loads any program, and by the program
// (cli/run.ts) when it is run directly: one check for both.
import { VERSION } from '../version.js';

/** The program's version options. */
export const VERSION_FLAGS: ReadonlySet<string> = new Set(['-V', '--version']);

/** Prints the version when `argv` asks for it alone; says whether it did. */
export function answerVersion(argv: readonly string[]): boolean {
  if (argv.length !== 3 || !VERSION_FLAGS.has(argv[2]!)) return false;
  process.stdout.write(`${VERSION}\n`);
  return true;
}
