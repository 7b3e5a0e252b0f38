// `image-compat validate`: flags, loading of the spec (a file or an image's compatibility
// artifact) and the host features (a snapshot, or this host's collectors), printing, the report
// files, and the exit code (0 compatible, 1 incompatible, 2 bad input or NFD evaluation error,
// 3 registry error or no artifact, 4 signature). The command itself is src/commands/validate.ts.
import { Command, InvalidArgumentError, Option } from 'commander';
import { validate } from '../commands/validate.js';
import { buildReport, hostFromMachine, nodeFeatureOf, specFromImage } from '../commands/validate-sources.js';
import type { NodeFeature, UnavailableSource } from '../features/index.js';
import { ExitCode, formatPositioned, InputError } from '../errors.js';
import { MAX_FEATURES_BYTES, parseFeaturesDocument, type HostFeatures } from '../features/snapshot.js';
import { validateJson } from '../report/json.js';
import { renderValidateTable } from '../report/table.js';
import { parseSource, readSource, throwFirstError } from '../spec/document.js';
import { checkSpecDocument } from '../spec/parse.js';
import type { Spec } from '../spec/types.js';
import { addRegistryOptions, REGISTRY_HELP, registryOptionsFrom } from './registry-options.js';
import type { RegistryFlags } from './registry-options.js';
import { addPolicyOptions, policyFrom } from './verify.js';
import type { PolicyFlagValues } from './verify.js';
import { writeOutput } from '../io/write.js';

/** Reads and checks a spec file; warnings go to stderr, errors are thrown. */
export async function loadSpecFile(file: string): Promise<Spec> {
  const { spec, diagnostics } = checkSpecDocument(parseSource(await readSource(file), file));
  for (const d of diagnostics.filter((x) => x.severity === 'warning')) {
    process.stderr.write(`image-compat: warning: ${formatPositioned(d.message, d.position, d.hint)}\n`);
  }
  throwFirstError(diagnostics);
  return spec!;
}

/** Reads host features from a snapshot file, or standard input for `-`. */
export async function loadHostsFile(file: string): Promise<HostFeatures[]> {
  return parseFeaturesDocument(await readSource(file, MAX_FEATURES_BYTES), file);
}

function parseTags(value: string): string[] {
  const tags = value
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  if (tags.length === 0) throw new InvalidArgumentError('expected one or more comma-separated tags');
  return tags;
}

export function useColor(stream: NodeJS.WriteStream = process.stdout): boolean {
  return Boolean(stream.isTTY) && !process.env.NO_COLOR;
}

interface Flags extends PolicyFlagValues, RegistryFlags {
  spec?: string;
  image?: string;
  platform?: string;
  features?: string;
  hostRoot?: string;
  tags?: string[];
  compatibility?: string;
  output: 'table' | 'json';
  report?: string;
  saveFeatures?: string;
  requireSignature: boolean;
}

function warn(message: string): void {
  process.stderr.write(`image-compat: warning: ${message}\n`);
}

function checkFlags(flags: Flags): void {
  if (Boolean(flags.spec) === Boolean(flags.image))
    throw new InputError('give exactly one of --spec FILE and --image REF');
  if (flags.features !== undefined && flags.hostRoot !== undefined)
    throw new InputError('give --features or --host-root, not both');
  if (flags.tags && flags.compatibility !== undefined)
    throw new InputError('give --tags or --compatibility, not both');
  if (flags.platform !== undefined && !flags.image) throw new InputError('--platform needs --image');
  if (flags.requireSignature && !flags.image) throw new InputError('--require-signature needs --image');
  const policyGiven = [
    flags.key,
    flags.certificateIdentity,
    flags.certificateIdentityRegexp,
    flags.certificateOidcIssuer,
    flags.trustedRoot,
  ].some((v) => v !== undefined);
  if (policyGiven && !flags.image)
    throw new InputError('signature policy flags (--key, --certificate-*, --trusted-root) need --image');
}

async function writeJson(file: string, value: unknown, flag: string): Promise<void> {
  await writeOutput(file, `${JSON.stringify(value, null, 2)}\n`, { what: flag });
}

interface About {
  image?: string;
  spec?: string;
  platform?: string;
  artifact?: string;
}

/** The spec: a file (--spec), or an image's compatibility artifact (--image) with its signature checks. */
async function specSource(flags: Flags): Promise<{ spec: Spec; about: About }> {
  if (!flags.image) return { spec: await loadSpecFile(flags.spec!), about: { spec: flags.spec! } };
  const policy = await policyFrom(flags);
  const got = await specFromImage({
    image: flags.image,
    ...(flags.platform !== undefined && { platform: flags.platform }),
    ...(policy && { policy }),
    requireSignature: flags.requireSignature,
    ...(await registryOptionsFrom(flags)),
  });
  for (const w of got.warnings) warn(w);
  const about: About = { image: flags.image, artifact: got.artifact };
  if (got.platform !== undefined) about.platform = got.platform;
  return { spec: got.spec, about };
}

/** The hosts: a snapshot (--features), else this machine or --host-root (unavailable sources as notes). */
async function hostSource(
  flags: Flags,
): Promise<{ hosts: HostFeatures[]; unavailable: UnavailableSource[]; nodeFeature?: NodeFeature }> {
  if (flags.features !== undefined) return { hosts: await loadHostsFile(flags.features), unavailable: [] };
  const machine = await hostFromMachine(flags.hostRoot);
  for (const u of machine.unavailable)
    process.stderr.write(`image-compat: note: feature source ${u.source} unavailable: ${u.reason}\n`);
  return { hosts: [machine.host], unavailable: machine.unavailable, nodeFeature: machine.nodeFeature };
}

export function validateCommand(): Command {
  const cmd = new Command('validate')
    .summary(
      'evaluate an image compatibility spec against this host or host features, as node-feature-discovery does',
    )
    .description(
      'Evaluate an image compatibility spec (a file, or the newest compatibility artifact of an image) against ' +
        "this host's features (or a snapshot) with the verdicts of node-feature-discovery. " +
        'Exit 0: compatible (one host: a set has all its rules matching; several nodes: every node), ' +
        '1: incompatible, 2: bad input or evaluation error, 3: registry error or no compatibility artifact, ' +
        '4: signature policy failure or tampering.',
    )
    .option('--spec <file>', 'image compatibility spec (YAML or JSON)')
    .option('--image <ref>', 'an image whose newest compatibility artifact to evaluate (instead of --spec)')
    .option(
      '--platform <os/arch[/variant]>',
      "with --image: the platform of an index to read (default: the host's)",
    )
    .option(
      '--features <file>',
      "host features: an NFD Features object, a NodeFeature, a NodeFeatureList or a List of NodeFeatures (JSON or YAML); - reads standard input. Default: this host's features",
    )
    .option(
      '--host-root <dir>',
      'collect the host mounted at DIR (DIR/proc, DIR/sys, DIR/etc, ...) instead of this machine; also IMAGE_COMPAT_HOST_ROOT',
    )
    .option(
      '--tags <tags>',
      'evaluate only the compatibility sets with these tags (comma-separated)',
      parseTags,
    )
    .option(
      '--compatibility <name>',
      "evaluate only the compatibility set with this tag (a plan matrix entry's name)",
    )
    .addOption(new Option('--output <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--report <file>', 'write the validation report (JSON) to FILE (one host only)')
    .option('--save-features <file>', "write this host's features as a NodeFeature (JSON) to FILE")
    .addOption(
      new Option(
        '--require-signature',
        'with --image: evaluate the newest artifact whose signature passes the policy',
      ).default(false),
    );
  addPolicyOptions(cmd).addHelpText(
    'after',
    [
      REGISTRY_HELP,
      '',
      'Examples:',
      '  image-compat validate --spec examples/specs/gpu.yaml --features examples/hosts/h100-server.json',
      '  image-compat validate --spec spec.yaml                       # this host',
      '  image-compat validate --image ghcr.io/acme/app:1.0 --require-signature --key cosign.pub',
      '  kubectl get nodefeatures -A -o json | image-compat validate --spec spec.yaml --features - --output json',
      '',
    ].join('\n'),
  );
  return addRegistryOptions(cmd).action(async (flags: Flags) => {
    checkFlags(flags);
    const { spec, about } = await specSource(flags);
    const { hosts, unavailable, nodeFeature } = await hostSource(flags);
    if ((flags.report !== undefined || flags.saveFeatures !== undefined) && hosts.length !== 1) {
      throw new InputError(`--report and --save-features describe one host; --features gave ${hosts.length}`);
    }
    const tags = flags.compatibility !== undefined ? [flags.compatibility] : flags.tags;
    const result = validate({ spec, hosts, ...(tags && { tags }) });
    process.stdout.write(
      flags.output === 'json' ? validateJson(result) : renderValidateTable(result, { color: useColor() }),
    );
    if (flags.report !== undefined) {
      await writeJson(
        flags.report,
        buildReport({
          result,
          host: hosts[0]!,
          ...about,
          ...(flags.compatibility !== undefined && { compatibility: flags.compatibility }),
          unavailable,
          ...(process.env.RUNNER_NAME && { runner: process.env.RUNNER_NAME }),
        }),
        '--report',
      );
    }
    if (flags.saveFeatures !== undefined) {
      await writeJson(flags.saveFeatures, nodeFeature ?? nodeFeatureOf(hosts[0]!), '--save-features');
    }
    process.exitCode = result.compatible ? ExitCode.ok : ExitCode.incompatible;
  });
}
