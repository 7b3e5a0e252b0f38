// `image-compat attach`: flags and printing for the attach command (the work is in commands/attach).
import { Command, Option } from 'commander';
import { attach } from '../commands/attach.js';
import { InputError } from '../errors.js';

/** `IMAGE_COMPAT_SETTLE_MS` shortens the fallback-index settle delay (tests) or lengthens it (slow registries). */
export function settleFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.IMAGE_COMPAT_SETTLE_MS;
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw))
    throw new InputError(`IMAGE_COMPAT_SETTLE_MS must be milliseconds, got ${JSON.stringify(raw)}`);
  return Number(raw);
}

export function outputOption(): Option {
  return new Option('--output <format>', 'output format').choices(['text', 'json']).default('text');
}

export function attachCommand(): Command {
  return new Command('attach')
    .description(
      "Attach a compatibility spec to an image as an NFD image compatibility artifact (an OCI referrer of the image's manifest, or of each platform manifest of an index).",
    )
    .requiredOption('--image <ref>', 'image reference: host[:port]/path[:tag][@digest]')
    .requiredOption(
      '--spec <file>',
      'the compatibility spec (NFD v1alpha1 YAML); checked before anything is pushed',
    )
    .option('--platform <os/arch[/variant]>', 'for an index, attach only to this platform manifest')
    .option('--plain-http', 'talk HTTP instead of HTTPS to the registry', false)
    .addOption(outputOption())
    .addHelpText(
      'after',
      "\nCredentials come from Docker's config file ($DOCKER_CONFIG/config.json, else ~/.docker/config.json).\nExit codes: 0 attached, 2 bad input (reference, platform, spec), 3 registry error.",
    )
    .action(
      async (flags: {
        image: string;
        spec: string;
        platform?: string;
        plainHttp: boolean;
        output: string;
      }) => {
        const settleMs = settleFromEnv();
        const attached = await attach({
          image: flags.image,
          specFile: flags.spec,
          ...(flags.platform !== undefined && { platform: flags.platform }),
          plainHttp: flags.plainHttp,
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
