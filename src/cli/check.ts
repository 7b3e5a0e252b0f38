// `image-compat check`: flags and printing for the pull-request check (the work is in
// commands/check). Exit 0 normally, 1 with --fail-on-exclusion when a host is newly excluded,
// 2 on lint errors or bad input, 3 on registry errors.
import { check } from '../commands/check.js';
import { loadPolicy, policyRequested } from '../commands/policy.js';
import { InputError } from '../errors.js';
import { checkExitCode, checkJson, renderCheckMarkdown, renderCheckText } from '../check/index.js';
import { DEFAULT_CONFIG_PATH } from '../config/types.js';
import { formatDiagnostics } from '../lint/format.js';
import type { CommandDefinition } from './definition.js';
import {
  REGISTRY_HELP,
  REGISTRY_OPTIONS,
  registryOptionsFrom,
  type RegistryFlags,
} from './registry-options.js';
import { POLICY_OPTIONS, policyRequestOf, type PolicyFlagValues } from './policy-options.js';

interface Flags extends RegistryFlags, PolicyFlagValues {
  config: string;
  baseRef?: string;
  baseConfig?: string;
  baseImage?: string;
  fleet?: string;
  fleetImage?: string;
  files?: string[];
  event?: string;
  output: 'text' | 'json' | 'markdown';
  annotations: boolean;
  failOnExclusion: boolean;
}

export const checkCommand = {
  name: 'check',
  summary: 'the pull-request check: lint, requirement diff against a baseline, fleet impact',
  description:
    'Lint the changed configs and specs, compile the config and compare its requirements with a baseline ' +
    '(the config at a git ref, a base config file, or the specs published for an image), and evaluate both ' +
    'on a fleet of host snapshots: which hosts the change newly excludes or admits.',
  options: [
    { flags: '--config <file>', description: 'the compatibility config', default: DEFAULT_CONFIG_PATH },
    {
      flags: '--base-ref <ref>',
      description: 'baseline: the config at this git ref (default with --event: the pull request base SHA)',
    },
    { flags: '--base-config <file>', description: 'baseline: a config file' },
    {
      flags: '--base-image <ref>',
      description: 'baseline: the newest specs attached to this image, per platform',
    },
    {
      flags: '--fleet <dir>',
      description:
        'folder of host snapshots (features output, NodeFeature, NodeFeatureList, List; JSON or YAML)',
    },
    {
      flags: '--fleet-image <ref>',
      description:
        "instead of --fleet: the hosts that validated this image (its validation records' scrubbed NodeFeatures, one per machine); with --key or --certificate-* only the records that pass that policy",
    },
    { flags: '--files <files...>', description: 'lint these files instead of those git says changed' },
    {
      flags: '--event <file>',
      description: 'GitHub event payload (GITHUB_EVENT_PATH): a pull_request gives the base and head SHAs',
    },
    {
      flags: '--output <format>',
      description: 'report format',
      choices: ['text', 'json', 'markdown'],
      default: 'text',
    },
    {
      flags: '--annotations',
      description: 'also print lint findings as GitHub workflow commands (::error file=...::)',
      default: false,
    },
    {
      flags: '--fail-on-exclusion',
      description: 'exit 1 when a host of the fleet is newly excluded',
      default: false,
    },
    ...POLICY_OPTIONS,
    ...REGISTRY_OPTIONS,
  ],
  after: [
    '',
    'Examples:',
    '  image-compat check --base-ref origin/main --fleet hosts/',
    '  image-compat check --event "$GITHUB_EVENT_PATH" --fleet hosts/ --output markdown --annotations',
    '  image-compat check --base-image ghcr.io/o/app:latest --fleet hosts/ --fail-on-exclusion',
    '  image-compat check --base-ref origin/main --fleet-image ghcr.io/o/app:latest --key ci.pub',
    REGISTRY_HELP,
    'Exit codes: 0 done, 1 a host newly excluded (with --fail-on-exclusion), 2 lint errors or bad input, 3 registry error.',
  ].join('\n'),
  action: async (flags: Flags) => {
    if (flags.fleetImage === undefined && policyRequested(policyRequestOf(flags)))
      throw new InputError('the signature policy flags (--key, --certificate-*) of check need --fleet-image');
    const fleetPolicy = await loadPolicy(policyRequestOf(flags), (m) =>
      process.stderr.write(`image-compat: note: ${m}\n`),
    );
    const result = await check({
      config: flags.config,
      ...(flags.baseRef !== undefined && { baseRef: flags.baseRef }),
      ...(flags.baseConfig !== undefined && { baseConfig: flags.baseConfig }),
      ...(flags.baseImage !== undefined && { baseImage: flags.baseImage }),
      ...(flags.fleet !== undefined && { fleet: flags.fleet }),
      ...(flags.fleetImage !== undefined && { fleetImage: flags.fleetImage }),
      ...(fleetPolicy && { fleetPolicy }),
      ...(flags.files !== undefined && { files: flags.files }),
      ...(flags.event !== undefined && { event: flags.event }),
      registry: await registryOptionsFrom(flags),
    });
    if (flags.annotations)
      process.stdout.write(
        formatDiagnostics(
          result.lint.files.flatMap((f) => f.diagnostics),
          'github',
        ),
      );
    process.stdout.write(
      flags.output === 'json'
        ? checkJson(result)
        : flags.output === 'markdown'
          ? renderCheckMarkdown(result)
          : renderCheckText(result),
    );
    process.exitCode = checkExitCode(result, flags.failOnExclusion);
  },
} satisfies CommandDefinition;
