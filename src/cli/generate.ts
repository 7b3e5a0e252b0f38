// `image-compat generate`: flags and printing; the work is in src/commands/generate.ts.
import { generate } from '../commands/generate.js';
import { DEFAULT_CONFIG_PATH } from '../config/types.js';
import type { GeneratedSet } from '../kubernetes/index.js';
import { formatDiagnostics } from '../lint/format.js';
import type { CommandDefinition } from './definition.js';

/** The summary of a Kubernetes output: which label marks the nodes of which set. */
export function printLabels(sets: readonly GeneratedSet[]): void {
  for (const s of sets) {
    const tag = s.tag !== undefined ? ` (tag ${JSON.stringify(s.tag)})` : '';
    process.stderr.write(`label ${s.label}="true": nodes where set #${s.index + 1}${tag} matches\n`);
  }
}

export const generateCommand = {
  name: 'generate',
  description:
    'Compile a compatibility config into an NFD image compatibility spec (YAML on stdout), or a spec into an NFD NodeFeatureRule or a Pod node affinity.',
  options: [
    { flags: '-c, --config <file>', description: 'the config file', default: DEFAULT_CONFIG_PATH },
    {
      flags: '-p, --platform <os/arch[/variant]>',
      description: 'only the sets for this platform (e.g. linux/amd64)',
    },
    {
      flags: '-o, --out-dir <dir>',
      description: 'write one spec per platform: <os>-<arch>[-<variant>].yaml',
    },
    {
      flags: '--output <format>',
      description:
        'spec; node-feature-rule (an NFD NodeFeatureRule labelling the nodes where a set matches); node-affinity (a Pod affinity requiring those labels)',
      choices: ['spec', 'node-feature-rule', 'node-affinity'],
      default: 'spec',
    },
    {
      flags: '--spec <file>',
      description: 'with node-feature-rule or node-affinity: this spec instead of the config',
    },
    {
      flags: '--name <image>',
      description: "with node-feature-rule or node-affinity: the image's name in labels (e.g. app)",
    },
    {
      flags: '--label-prefix <prefix>',
      description: "with node-feature-rule or node-affinity: the labels' prefix (a DNS subdomain)",
      default: 'image-compat.dev',
    },
  ],
  after:
    '\nWhen the platforms get different specs and no --platform is given, --out-dir is required.\nNotes (rules nfd compat validate-node cannot check) and warnings go to stderr.\n' +
    'Kubernetes (docs/kubernetes.md): generate --output node-feature-rule --name app | kubectl apply -f -\n' +
    'labels image-compat.dev/app.<set>="true" on the nodes where a set matches; the label names go to stderr.',
  action: async (opts: {
    config: string;
    platform?: string;
    outDir?: string;
    output: 'spec' | 'node-feature-rule' | 'node-affinity';
    spec?: string;
    name?: string;
    labelPrefix: string;
  }) => {
    const r = await generate(opts);
    if (r.warnings.length) process.stderr.write(formatDiagnostics(r.warnings, 'text'));
    for (const note of r.notes) process.stderr.write(`note: ${note}\n`);
    for (const f of r.files) process.stderr.write(`wrote ${f.path}${f.platform ? ` (${f.platform})` : ''}\n`);
    if (r.sets) printLabels(r.sets);
    if (r.yaml !== undefined) process.stdout.write(r.yaml);
  },
} satisfies CommandDefinition;
