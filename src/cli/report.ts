// `image-compat report`: merge a folder of validation reports (a matrix run's downloaded artifacts)
// and print the verdict table as Markdown or the merged result as JSON. Exit 0 when the run counts
// as compatible under --require, 1 when not.
import { Command, Option } from 'commander';
import { fleetMessages, report } from '../commands/report.js';
import { ExitCode } from '../errors.js';
import { readSource } from '../spec/document.js';
import { REQUIREMENTS, type Requirement } from '../report/merge.js';

export function reportCommand(): Command {
  return new Command('report')
    .description('Merge the validation reports of a matrix run into one verdict table.')
    .requiredOption('--dir <dir>', 'folder holding the report files (searched recursively for *.json)')
    .addOption(
      new Option('--output <format>', 'what to print on stdout')
        .choices(['markdown', 'json'])
        .default('markdown'),
    )
    .addOption(
      new Option(
        '--require <rule>',
        'all: every set compatible on every runner that ran it; any-per-set: every set compatible on at least one runner',
      )
        .choices([...REQUIREMENTS])
        .default('all'),
    )
    .option(
      '--matrix <file>',
      "the plan's matrix (JSON, `-` for stdin): reports are reconciled with its entries by id; an entry with no report or an error report fails the run",
    )
    .option(
      '--all-host-values',
      'keep every host value the reports carry in the failures (default: the first 16 and the total)',
    )
    .option(
      '--fleet-out <dir>',
      "also write the matrix's hosts (the snapshots beside the reports, scrubbed, one file per distinct host) as a fleet folder for check --fleet",
    )
    .addHelpText(
      'after',
      '\nExit codes: 0 compatible, 1 not compatible, 2 bad input (no reports, an invalid report).',
    )
    .action(
      async (opts: {
        dir: string;
        output: 'markdown' | 'json';
        require: Requirement;
        matrix?: string;
        allHostValues?: boolean;
        fleetOut?: string;
      }) => {
        const matrix = opts.matrix ? { text: await readSource(opts.matrix), source: opts.matrix } : undefined;
        const result = await report({
          dir: opts.dir,
          require: opts.require,
          matrix,
          allHostValues: opts.allHostValues ?? false,
          ...(opts.fleetOut !== undefined && { fleetOut: opts.fleetOut }),
        });
        for (const file of result.skipped)
          process.stderr.write(`image-compat: ${file}: a host snapshot, listed, not merged\n`);
        for (const file of result.invalid)
          process.stderr.write(`image-compat: ${file}: not a valid report: counted as a failed run\n`);
        if (result.fleet) {
          const { notes, warnings } = fleetMessages(result.fleet);
          for (const note of notes) process.stderr.write(`image-compat: ${note}\n`);
          for (const warning of warnings) process.stderr.write(`image-compat: warning: ${warning}\n`);
        }
        process.stdout.write(
          opts.output === 'json' ? `${JSON.stringify(result.merged, null, 2)}\n` : result.markdown,
        );
        process.exitCode = result.merged.compatible ? ExitCode.ok : ExitCode.incompatible;
      },
    );
}
