// `image-compat export`: flags and printing; the work is in src/commands/export.ts. Exit 0
// exported, 2 bad input (a spec rule NFD would read differently), 3 registry error or no
// artifact, 4 signature policy failure.
import { runExport } from '../commands/export.js';
import { NODE_SELECTION_OUTPUTS, type NodeSelectionOutput } from '../commands/node-selection.js';
import { DEFAULT_LABEL_PREFIX } from '../kubernetes/index.js';
import { printLabels } from './generate.js';
import type { CommandDefinition } from './definition.js';
import { IMAGE_OPTION, REGISTRY_HELP, REGISTRY_OPTIONS, registryOptionsFrom } from './registry-options.js';
import type { RegistryFlags } from './registry-options.js';
import { POLICY_OPTIONS, policyRequestOf } from './policy-options.js';
import type { PolicyFlagValues } from './policy-options.js';

interface Flags extends PolicyFlagValues, RegistryFlags {
  image: string;
  platform?: string;
  output: NodeSelectionOutput;
  name?: string;
  labelPrefix: string;
  requireSignature: boolean;
}

export const exportCommand = {
  name: 'export',
  summary: "an image's compatibility artifact as an NFD NodeFeatureRule or a Pod node affinity",
  description:
    'Write the compatibility artifact an image publishes (the one validate --image evaluates; with --require-signature the newest whose signature passes the policy) as an NFD NodeFeatureRule that labels each node where a set matches, or as the Pod node affinity requiring those labels. Exit 0: written, 2: bad input or a rule NFD cannot evaluate as validate does, 3: registry error or no artifact, 4: signature policy failure.',
  options: [
    IMAGE_OPTION,
    {
      flags: '--platform <os/arch[/variant]>',
      description: 'for an index, the platform whose artifact to export (default: its first entry)',
    },
    {
      flags: '--output <format>',
      description: 'node-feature-rule or node-affinity',
      choices: NODE_SELECTION_OUTPUTS,
      default: 'node-feature-rule',
    },
    {
      flags: '--name <image>',
      description: "the image's name in labels (default: the last part of its repository)",
    },
    {
      flags: '--label-prefix <prefix>',
      description: "the labels' prefix (a DNS subdomain)",
      default: DEFAULT_LABEL_PREFIX,
    },
    {
      flags: '--require-signature',
      description: 'export the newest artifact whose signature passes the policy',
      default: false,
    },
    ...POLICY_OPTIONS,
    ...REGISTRY_OPTIONS,
  ],
  after: [
    REGISTRY_HELP,
    '',
    'Examples (docs/kubernetes.md):',
    '  image-compat export --image ghcr.io/acme/app:1.0 --require-signature --key cosign.pub | kubectl apply -f -',
    '  image-compat export --image ghcr.io/acme/app:1.0 --platform linux/amd64 --output node-affinity',
    '',
  ].join('\n'),
  action: async (flags: Flags) => {
    const note = (m: string) => process.stderr.write(`image-compat: note: ${m}\n`);
    const r = await runExport(
      {
        image: flags.image,
        ...(flags.platform !== undefined && { platform: flags.platform }),
        output: flags.output,
        ...(flags.name !== undefined && { name: flags.name }),
        labelPrefix: flags.labelPrefix,
        policy: policyRequestOf(flags),
        requireSignature: flags.requireSignature,
        ...(await registryOptionsFrom(flags)),
      },
      note,
    );
    for (const w of r.warnings) process.stderr.write(`image-compat: warning: ${w}\n`);
    for (const n of r.notes) note(n);
    process.stderr.write(
      `exported compatibility artifact ${r.artifact}${r.platform ? ` (${r.platform})` : ''}\n`,
    );
    printLabels(r.sets);
    process.stdout.write(r.yaml);
  },
} satisfies CommandDefinition;
