// `image-compat lint`: flags and printing; exit 2 when any error, 0 with only warnings.
import { lint } from '../commands/lint.js';
import { DEFAULT_CONFIG_PATH } from '../config/types.js';
import { ExitCode } from '../errors.js';
import { formatDiagnostics, OUTPUT_FORMATS, type OutputFormat } from '../lint/format.js';
import type { CommandDefinition } from './definition.js';

export const lintCommand = {
  name: 'lint',
  description:
    'Check compatibility configs and NFD specs: errors with positions and fix hints, warnings for rules that can never match.',
  arguments: [
    {
      name: '[files...]',
      description: `configs or specs, told apart by content ("-" for stdin)`,
      default: [DEFAULT_CONFIG_PATH],
    },
  ],
  options: [
    {
      flags: '--output <format>',
      description: 'diagnostics format',
      choices: OUTPUT_FORMATS,
      default: 'text',
    },
  ],
  after: '\nExit status: 0 no errors (warnings allowed), 2 errors.',
  action: async (opts: { output: OutputFormat }, files) => {
    const summary = await lint({ files: files as string[] });
    const diagnostics = summary.results.flatMap((r) => r.diagnostics);
    process.stdout.write(formatDiagnostics(diagnostics, opts.output));
    if (opts.output === 'text') {
      process.stderr.write(
        `${summary.results.length} file(s): ${summary.errors} error(s), ${summary.warnings} warning(s)\n`,
      );
    }
    if (summary.errors) process.exitCode = ExitCode.input;
  },
} satisfies CommandDefinition;
