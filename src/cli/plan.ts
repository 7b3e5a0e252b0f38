// `image-compat plan`: the matrix JSON (one line, for $GITHUB_OUTPUT) on stdout.
import { plan } from '../commands/plan.js';
import { DEFAULT_CONFIG_PATH } from '../config/types.js';
import type { CommandDefinition } from './definition.js';
import { REGISTRY_OPTIONS, registryOptionsFrom, type RegistryFlags } from './registry-options.js';

export const planCommand = {
  name: 'plan',
  description:
    'Print the validation matrix: one {id, name, platform, weight, runs-on} per set and platform; with --image, one per set and manifest of the index the set targets, with its `manifest` digest.',
  options: [
    { flags: '-c, --config <file>', description: 'the config file', default: DEFAULT_CONFIG_PATH },
    {
      flags: '--image <ref>',
      description:
        "plan against this image index: one entry per set and manifest it targets (`targets:` or platforms), each with `manifest` (the validate action's input)",
    },
    { flags: '--pretty', description: 'indent the JSON' },
    ...REGISTRY_OPTIONS,
  ],
  after:
    '\nUse in a workflow:\n  echo "matrix=$(image-compat plan)" >> "$GITHUB_OUTPUT"\n  strategy: {matrix: {include: ${{ fromJSON(needs.plan.outputs.matrix) }}}}\n  runs-on: ${{ matrix.runs-on }}',
  action: async (opts: RegistryFlags & { config: string; image?: string; pretty?: boolean }) => {
    const entries = await plan({
      config: opts.config,
      ...(opts.image !== undefined && { image: opts.image, ...(await registryOptionsFrom(opts)) }),
    });
    process.stdout.write(`${JSON.stringify(entries, null, opts.pretty ? 2 : undefined)}\n`);
  },
} satisfies CommandDefinition;
