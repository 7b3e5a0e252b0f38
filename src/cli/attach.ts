// `image-compat attach`: flags and printing for the attach command (the work is in commands/attach).
import { Command, Option } from 'commander';
import { attach } from '../commands/attach.js';
import { addRegistryOptions, REGISTRY_HELP, registryOptionsFrom, settleFromEnv } from './registry-options.js';

export function outputOption(): Option {
  return new Option('--output <format>', 'output format').choices(['text', 'json']).default('text');
}

export function attachCommand(): Command {
  const cmd = new Command('attach')
    .description(
      "Attach a compatibility spec to an image as an NFD image compatibility artifact (an OCI referrer of the image's manifest, or of each platform manifest of an index).",
    )
    .requiredOption('--image <ref>', 'image reference: host[:port]/path[:tag][@digest]')
    .requiredOption(
      '--spec <file>',
      'the compatibility spec (NFD v1alpha1 YAML); checked before anything is pushed',
    )
    .option('--platform <os/arch[/variant]>', 'for an index, attach only to this platform manifest')
    .addOption(outputOption())
    .addHelpText(
      'after',
      `${REGISTRY_HELP}\nExit codes: 0 attached, 2 bad input (reference, platform, spec), 3 registry error.`,
    );
  return addRegistryOptions(cmd).action(
    async (flags: { image: string; spec: string; platform?: string; plainHttp: boolean; output: string }) => {
      const settleMs = settleFromEnv();
      const attached = await attach({
        image: flags.image,
        specFile: flags.spec,
        ...(flags.platform !== undefined && { platform: flags.platform }),
        ...(await registryOptionsFrom(flags)),
        ...(settleMs !== undefined && { settleMs }),
      });
      if (flags.output === 'json') {
        const out = attached.map((a) => ({
          platform: a.platform,
          subject: { reference: a.subject, ...a.subjectDescriptor },
          artifact: { reference: a.artifact, ...a.artifactDescriptor },
        }));
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
        return;
      }
      for (const a of attached) {
        process.stdout.write(`${a.artifact}\t${a.platform ?? '-'}\t${a.subject}\n`);
      }
    },
  );
}
