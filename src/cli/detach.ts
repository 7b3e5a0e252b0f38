// `image-compat detach`: flags and printing for removing one compatibility artifact from its image
// (the work is in commands/detach).
import { Command } from 'commander';
import { detach } from '../commands/detach.js';
import { outputOption } from './output-option.js';
import { addRegistryOptions, REGISTRY_HELP, registryOptionsFrom, settleFromEnv } from './registry-options.js';

interface DetachFlags {
  image: string;
  artifact: string;
  platform?: string;
  dryRun?: boolean;
  plainHttp: boolean;
  output: string;
}

export function detachCommand(): Command {
  const cmd = new Command('detach')
    .description(
      'Remove one compatibility artifact from its image: its signatures, its manifest, its tag and its entry in the referrers index.',
    )
    .requiredOption('--image <ref>', 'image reference: host[:port]/path[:tag][@digest]')
    .requiredOption('--artifact <digest>', 'digest of the compatibility artifact (as `discover` lists it)')
    .option(
      '--platform <os/arch[/variant]>',
      "for an index, only an artifact of this platform's manifest (or of the index itself)",
    )
    .option('--dry-run', 'print what would be removed, remove nothing')
    .addOption(outputOption())
    .addHelpText(
      'after',
      `
The registry must allow DELETE (distribution: REGISTRY_STORAGE_DELETE_ENABLED=true). A registry that
refuses it is exit 3 with nothing changed.
${REGISTRY_HELP}
Exit codes: 0 removed (or, with --dry-run, found), 2 bad input (reference, platform, a digest that is
not a compatibility artifact of the image), 3 registry error (DELETE refused included).`,
    );
  return addRegistryOptions(cmd).action(async (flags: DetachFlags) => {
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
  });
}
