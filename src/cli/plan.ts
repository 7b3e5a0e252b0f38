// `image-compat plan`: the matrix JSON (one line, for $GITHUB_OUTPUT) on stdout.
import { Command } from 'commander';
import { plan } from '../commands/plan.js';
import { DEFAULT_CONFIG_PATH } from '../config/types.js';
import { addRegistryOptions, registryOptionsFrom, type RegistryFlags } from './registry-options.js';

export function planCommand(): Command {
  const cmd = new Command('plan')
    .description(
      'Print the validation matrix: one {id, name, platform, weight, runs-on} per set and platform; with --image, one per set and manifest of the index the set targets, with its `manifest` digest.',
    )
    .option('-c, --config <file>', 'the config file', DEFAULT_CONFIG_PATH)
    .option(
      '--image <ref>',
      "plan against this image index: one entry per set and manifest it targets (`targets:` or platforms), each with `manifest` (the validate action's input)",
    )
    .option('--pretty', 'indent the JSON')
    .addHelpText(
      'after',
      '\nUse in a workflow:\n  echo "matrix=$(image-compat plan)" >> "$GITHUB_OUTPUT"\n  strategy: {matrix: {include: ${{ fromJSON(needs.plan.outputs.matrix) }}}}\n  runs-on: ${{ matrix.runs-on }}',
    );
  return addRegistryOptions(cmd).action(
    async (opts: RegistryFlags & { config: string; image?: string; pretty?: boolean }) => {
      const entries = await plan({
        config: opts.config,
        ...(opts.image !== undefined && { image: opts.image, ...(await registryOptionsFrom(opts)) }),
      });
      process.stdout.write(`${JSON.stringify(entries, null, opts.pretty ? 2 : undefined)}\n`);
    },
  );
}
