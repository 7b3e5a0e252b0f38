// `image-compat detach`: flags and printing for removing one compatibility artifact from its image
// (the work is in commands/detach).
import { detach } from '../commands/detach.js';
import type { CommandDefinition } from './definition.js';
import {
  IMAGE_OPTION,
  OUTPUT_OPTION,
  REGISTRY_HELP,
  REGISTRY_OPTIONS,
  registryOptionsFrom,
  settleFromEnv,
} from './registry-options.js';

interface DetachFlags {
  image: string;
  artifact: string;
  platform?: string;
  dryRun?: boolean;
  plainHttp: boolean;
  output: string;
}

export const detachCommand = {
  name: 'detach',
  description:
    'Remove one compatibility artifact from its image: its signatures, its manifest, its tag and its entry in the referrers index.',
  options: [
    IMAGE_OPTION,
    {
      flags: '--artifact <digest>',
      description: 'digest of the compatibility artifact (as `discover` lists it)',
      required: true,
    },
    {
      flags: '--platform <os/arch[/variant]>',
      description: "for an index, only an artifact of this platform's manifest (or of the index itself)",
    },
    { flags: '--dry-run', description: 'print what would be removed, remove nothing' },
    OUTPUT_OPTION,
    ...REGISTRY_OPTIONS,
  ],
  after: `
The registry must allow DELETE (distribution: REGISTRY_STORAGE_DELETE_ENABLED=true). A registry that
refuses it is exit 3 with nothing changed.
${REGISTRY_HELP}
Exit codes: 0 removed (or, with --dry-run, found), 2 bad input (reference, platform, a digest that is
not a compatibility artifact of the image), 3 registry error (DELETE refused included).`,
  action: async (flags: DetachFlags) => {
    const settleMs = settleFromEnv();
    const result = await detach({
      image: flags.image,
      artifact: flags.artifact,
      ...(flags.platform !== undefined && { platform: flags.platform }),
      ...(flags.dryRun && { dryRun: true }),
      ...(await registryOptionsFrom(flags)),
      ...(settleMs !== undefined && { settleMs }),
    });
    if (flags.output === 'json') {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return;
    }
    const verb = result.dryRun ? 'would remove' : 'removed';
    const lines = [
      `${result.artifact}\t${result.platform ?? '-'}\t${result.subject}`,
      ...result.signatures.map((s) => `${s}\tsignature`),
      ...result.tags.map((t) => `${t}\ttag`),
      ...(result.index ? [`${result.index}\tindex entry`] : []),
    ];
    process.stdout.write(lines.map((l) => `${verb}\t${l}\n`).join(''));
  },
} satisfies CommandDefinition;
