// `image-compat plan`: the matrix JSON (one line, for $GITHUB_OUTPUT) on stdout.
import { Command } from 'commander';
import { plan } from '../commands/plan.js';
import { DEFAULT_CONFIG_PATH } from '../config/types.js';

export function planCommand(): Command {
  return new Command('plan')
    .description(
      'Print the validation matrix: one {id, name, platform, weight, runs-on} per set and platform.',
    )
    .option('-c, --config <file>', 'the config file', DEFAULT_CONFIG_PATH)
    .option('--pretty', 'indent the JSON')
    .addHelpText(
      'after',
      '\nUse in a workflow:\n  echo "matrix=$(image-compat plan)" >> "$GITHUB_OUTPUT"\n  strategy: {matrix: {include: ${{ fromJSON(needs.plan.outputs.matrix) }}}}\n  runs-on: ${{ matrix.runs-on }}',
    )
    .action(async (opts: { config: string; pretty?: boolean }) => {
      const entries = await plan(opts);
      process.stdout.write(`${JSON.stringify(entries, null, opts.pretty ? 2 : undefined)}\n`);
    });
}
