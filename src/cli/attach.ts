// `image-compat attach`: flags and printing for the attach command (the work is in commands/attach).
import { attachArtifacts, type AttachOptions } from '../commands/attach.js';
import { INSTANCE_ENV } from '../commands/signing-env.js';
import { InputError } from '../errors.js';
import { formatDiagnostics } from '../lint/format.js';
import type { CommandDefinition } from './definition.js';
import {
  IMAGE_OPTION,
  OUTPUT_OPTION,
  REGISTRY_HELP,
  REGISTRY_OPTIONS,
  registryOptionsFrom,
  settleFromEnv,
} from './registry-options.js';

interface AttachFlags {
  image: string;
  spec?: string;
  config?: string;
  platform?: string;
  sign?: boolean;
  key?: string;
  keyEnv?: string;
  dryRun?: boolean;
  plainHttp: boolean;
  output: string;
}

export const attachCommand = {
  name: 'attach',
  description:
    "Attach a compatibility spec to an image as an NFD image compatibility artifact (an OCI referrer of the image's manifest, or of each platform manifest of an index); optionally signed.",
  options: [
    IMAGE_OPTION,
    {
      flags: '--spec <file>',
      description:
        'the compatibility spec (NFD v1alpha1 YAML) for every platform; checked before anything is pushed',
    },
    {
      flags: '--config <file>',
      description:
        'a compatibility config: compiled for each platform of the image, each platform manifest gets its own spec',
    },
    {
      flags: '--platform <os/arch[/variant]>',
      description: 'for an index, attach only to this platform manifest',
    },
    { flags: '--sign', description: 'sign each artifact (Sigstore bundle attached as its referrer)' },
    {
      flags: '--key <file>',
      description: 'with --sign: ECDSA P-256 private key, PEM or cosign (password: COSIGN_PASSWORD)',
    },
    {
      flags: '--key-env <var>',
      description: 'with --sign: an environment variable holding the private key PEM',
    },
    { flags: '--dry-run', description: 'compile, check and sign, print what would be pushed, push nothing' },
    OUTPUT_OPTION,
    ...REGISTRY_OPTIONS,
  ],
  after: `
Give exactly one of --spec and --config. Nothing is pushed unless every platform's spec checks out
and, with --sign, every signature was made; each signature is pushed after its artifact.
--sign without --key/--key-env signs keyless in GitHub Actions (permissions: id-token: write);
${INSTANCE_ENV.fulcio}, ${INSTANCE_ENV.rekor}, ${INSTANCE_ENV.tsa} replace the Sigstore instance.
${REGISTRY_HELP}
Exit codes: 0 attached, 2 bad input (reference, platform, spec, config, key), 3 registry error, 4 signing failed.`,
  action: async (flags: AttachFlags) => {
    if ((flags.spec === undefined) === (flags.config === undefined)) {
      throw new InputError('give exactly one of --spec FILE and --config FILE');
    }
    if (!flags.sign && (flags.key !== undefined || flags.keyEnv !== undefined)) {
      throw new InputError('--key and --key-env need --sign');
    }
    const settleMs = settleFromEnv();
    // The signing code (Sigstore) loads only when asked to sign.
    let sign: AttachOptions['sign'];
    if (flags.sign) {
      const { resolveSigning } = await import('../commands/signing.js');
      sign = await resolveSigning(
        {
          ...(flags.key !== undefined && { keyFile: flags.key }),
          ...(flags.keyEnv !== undefined && { keyEnv: flags.keyEnv }),
        },
        process.env,
      );
    }
    const outcome = await attachArtifacts({
      image: flags.image,
      ...(flags.spec !== undefined && { specFile: flags.spec }),
      ...(flags.config !== undefined && { configFile: flags.config }),
      ...(flags.platform !== undefined && { platform: flags.platform }),
      ...(await registryOptionsFrom(flags)),
      ...(settleMs !== undefined && { settleMs }),
      ...(sign && { sign }),
      ...(flags.dryRun && { dryRun: true }),
    });
    if (outcome.warnings.length) process.stderr.write(formatDiagnostics(outcome.warnings, 'text'));
    for (const note of outcome.notes) process.stderr.write(`note: ${note}\n`);
    for (const p of outcome.skipped)
      process.stderr.write(`note: no compatibility set applies to ${p}: nothing attached\n`);
    if (flags.dryRun) process.stderr.write('dry run: nothing was pushed\n');
    const attached = outcome.artifacts;
    if (flags.output === 'json') {
      const out = attached.map((a) => ({
        platform: a.platform,
        subject: { reference: a.subject, ...a.subjectDescriptor },
        artifact: { reference: a.artifact, ...a.artifactDescriptor },
        ...(a.signatureDescriptor && { signature: a.signatureDescriptor.digest }),
        ...(flags.dryRun && { dryRun: true }),
      }));
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      return;
    }
    for (const a of attached) {
      const signature = a.signatureDescriptor ? `\t${a.signatureDescriptor.digest}` : '';
      process.stdout.write(`${a.artifact}\t${a.platform ?? '-'}\t${a.subject}${signature}\n`);
    }
  },
} satisfies CommandDefinition;
