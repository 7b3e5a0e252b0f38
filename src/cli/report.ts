// `image-compat report`: merge a folder of validation reports (a matrix run's downloaded artifacts)
// and print the verdict table as Markdown or the merged result as JSON. Exit 0 when the run counts
// as compatible under --require, 1 when not.
import { fleetMessages, report } from '../commands/report.js';
import { ExitCode } from '../errors.js';
import { readSource } from '../spec/document.js';
import { REQUIREMENTS, type Requirement } from '../report/merge.js';
import type { CommandDefinition } from './definition.js';

export const reportCommand = {
  name: 'report',
  description: 'Merge the validation reports of a matrix run into one verdict table.',
  options: [
    {
      flags: '--dir <dir>',
      description: 'folder holding the report files (searched recursively for *.json)',
      required: true,
    },
    {
      flags: '--output <format>',
      description: 'what to print on stdout',
      choices: ['markdown', 'json'],
      default: 'markdown',
    },
    {
      flags: '--require <rule>',
      description:
        'all: every set compatible on every runner that ran it; any-per-set: every set compatible on at least one runner',
      choices: REQUIREMENTS,
      default: 'all',
    },
    {
      flags: '--matrix <file>',
      description:
        "the plan's matrix (JSON, `-` for stdin): reports are reconciled with its entries by id; an entry with no report or an error report fails the run",
    },
    {
      flags: '--all-host-values',
      description:
        'keep every host value the reports carry in the failures (default: the first 16 and the total)',
    },
    {
      flags: '--fleet-out <dir>',
      description:
        "also write the matrix's hosts (the snapshots beside the reports, scrubbed, one file per distinct host) as a fleet folder for check --fleet",
    },
  ],
  after: '\nExit codes: 0 compatible, 1 not compatible, 2 bad input (no reports, an invalid report).',
  action: async (opts: {
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
} satisfies CommandDefinition;
