// `image-compat validate`: flags in, printing out. The run itself (spec, hosts, signature policy,
// the platform requirement, the verdict and the report) is src/commands/validate-run.ts, shared
// with the validate action. Exit 0 compatible, 1 incompatible (also a host that cannot run the
// image's platform), 2 bad input or NFD evaluation error, 3 registry error or no artifact,
// 4 signature. `--report` is written in every case, with `error` when no verdict was reached.
import { failureReport, runValidation } from '../commands/validate-run.js';
import type { ValidationProgress, ValidationRequest } from '../commands/validate-run.js';
import { ExitCode, InputError } from '../errors.js';
import { writeOutput } from '../io/write.js';
import { validateJson } from '../report/json.js';
import { outputReport } from '../report/results.js';
import { renderValidateTable } from '../report/table.js';
import type { Setting } from '../settings.js';
import { type CommandDefinition, InvalidValueError } from './definition.js';
import { REGISTRY_HELP, REGISTRY_OPTIONS, registryOptionsFrom } from './registry-options.js';
import type { RegistryFlags } from './registry-options.js';
import { POLICY_OPTIONS, policyRequestOf } from './policy-options.js';
import type { PolicyFlagValues } from './policy-options.js';

function parseTags(value: string): string[] {
  const tags = value
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  if (tags.length === 0) throw new InvalidValueError('expected one or more comma-separated tags');
  return tags;
}

export function useColor(stream: NodeJS.WriteStream = process.stdout): boolean {
  return Boolean(stream.isTTY) && !process.env.NO_COLOR;
}

interface Flags extends PolicyFlagValues, RegistryFlags {
  spec?: string;
  config?: string;
  image?: string;
  platform?: string;
  manifest?: string;
  features?: string;
  hostRoot?: string;
  tags?: string[];
  compatibility?: string;
  output: 'table' | 'json';
  report?: string;
  saveFeatures?: string;
  requireSignature: boolean;
  strict: boolean;
  matrixId?: string;
  allHostValues: boolean;
  attest: boolean;
  attestKey?: string;
  attestHostname: boolean;
  runnerLabels?: string;
}

function warn(message: string): void {
  process.stderr.write(`image-compat: warning: ${message}\n`);
}

async function writeJson(file: string, value: unknown, flag: string): Promise<void> {
  await writeOutput(file, `${JSON.stringify(value, null, 2)}\n`, { what: flag });
}

/** The flags given that describe one host (a report, a snapshot, a validation record). */
function oneHostFlags(flags: Flags): Setting[] {
  return [
    ...(flags.report !== undefined ? (['report'] as const) : []),
    ...(flags.saveFeatures !== undefined ? (['save-features'] as const) : []),
    ...(flags.attest ? (['attest'] as const) : []),
  ];
}

async function requestOf(flags: Flags): Promise<ValidationRequest> {
  return {
    ...(flags.spec !== undefined && { spec: flags.spec }),
    ...(flags.config !== undefined && { config: flags.config }),
    ...(flags.image !== undefined && { image: flags.image }),
    ...(flags.platform !== undefined && { platform: flags.platform }),
    ...(flags.manifest !== undefined && { manifest: flags.manifest }),
    ...(flags.features !== undefined && { features: flags.features }),
    ...(flags.hostRoot !== undefined && { hostRoot: flags.hostRoot }),
    ...(flags.tags && { tags: flags.tags }),
    ...(flags.compatibility !== undefined && { compatibility: flags.compatibility }),
    policy: policyRequestOf(flags),
    requireSignature: flags.requireSignature,
    strict: flags.strict,
    ...(flags.matrixId !== undefined && { matrixId: flags.matrixId }),
    ...(process.env.RUNNER_NAME && { runner: process.env.RUNNER_NAME }),
    oneHost: oneHostFlags(flags),
    ...(await registryOptionsFrom(flags)),
  };
}

/** How `--attest` signs: `--attest-key`, else keyless with the job's OIDC token; checked before anything runs. */
async function attestSigning(flags: Flags) {
  if (flags.image === undefined)
    throw new InputError('--attest needs --image REF (the record attaches to it)');
  // Signing and the record's code load only for --attest.
  const { oidcAvailable, resolveSigning } = await import('../commands/signing.js');
  if (flags.attestKey === undefined && !oidcAvailable(process.env)) {
    throw new InputError(
      '--attest needs --attest-key FILE (a private key) or, in GitHub Actions, keyless signing (`permissions: id-token: write`)',
    );
  }
  return resolveSigning(flags.attestKey !== undefined ? { keyFile: flags.attestKey } : {}, process.env);
}

export const validateCommand = {
  name: 'validate',
  summary:
    'evaluate an image compatibility spec against this host or host features, as node-feature-discovery does',
  description:
    'Evaluate an image compatibility spec (a file, or the newest compatibility artifact of an image) against ' +
    "this host's features (or a snapshot) with the verdicts of node-feature-discovery. " +
    'Exit 0: compatible (one host: a set has all its rules matching; several nodes: every node), ' +
    '1: incompatible, 2: bad input or evaluation error, 3: registry error or no compatibility artifact, ' +
    '4: signature policy failure or tampering.',
  options: [
    { flags: '--spec <file>', description: 'image compatibility spec (YAML or JSON)' },
    {
      flags: '--config <file>',
      description:
        "an image-compat config, compiled for the host's platform (or --platform) and evaluated as --spec",
    },
    {
      flags: '--image <ref>',
      description: 'an image whose newest compatibility artifact to evaluate (instead of --spec)',
    },
    {
      flags: '--platform <os/arch[/variant]>',
      description:
        'with --image: the platform of an index to read (os and arch exact, variant when given; default: the first entry this host can run). A platform this host cannot run is incompatible',
    },
    {
      flags: '--manifest <digest>',
      description:
        "with --image: the index's manifest to read, by digest (a plan entry's `manifest`: several manifests may share a platform)",
    },
    {
      flags: '--features <file>',
      description:
        "host features: an NFD Features object, a NodeFeature, a NodeFeatureList or a List of NodeFeatures (JSON or YAML); - reads standard input. Default: this host's features",
    },
    {
      flags: '--host-root <dir>',
      description:
        'collect the host mounted at DIR (DIR/proc, DIR/sys, DIR/etc, ...) instead of this machine; also IMAGE_COMPAT_HOST_ROOT',
    },
    {
      flags: '--tags <tags>',
      description: 'evaluate only the compatibility sets with these tags (comma-separated)',
      parse: parseTags,
    },
    {
      flags: '--compatibility <name>',
      description: "evaluate only the compatibility set with this tag (a plan matrix entry's name)",
    },
    {
      flags: '--output <format>',
      description: 'output format',
      choices: ['table', 'json'],
      default: 'table',
    },
    {
      flags: '--report <file>',
      description:
        'write the validation report (JSON) to FILE (one host only); written also when no verdict is reached (with `error`)',
    },
    {
      flags: '--matrix-id <id>',
      description: "the plan matrix entry's id, carried by the report (`report --matrix` reconciles by it)",
    },
    {
      flags: '--save-features <file>',
      description: "write this host's features as a NodeFeature (JSON) to FILE",
    },
    {
      flags: '--all-host-values',
      description:
        'every host value of an expression in the table, the JSON and the report (default: the JSON and the report keep the first 16 and the total, `hostValuesTotal`; the table shows 4)',
      default: false,
    },
    {
      flags: '--require-signature',
      description: 'with --image: evaluate the newest artifact whose signature passes the policy',
      default: false,
    },
    {
      flags: '--attest',
      description:
        'with --image, one host: attach a signed validation record to the platform manifest validated (docs/validations.md); keyless in GitHub Actions, or --attest-key',
      default: false,
    },
    {
      flags: '--attest-key <file>',
      description:
        'the private key (PEM, as `attach --sign --key` takes; COSIGN_PASSWORD for cosign keys) that signs the validation record',
    },
    {
      flags: '--attest-hostname',
      description: "record the host's name in the validation record (off: a salted machine id only)",
      default: false,
    },
    {
      flags: '--runner-labels <labels>',
      description:
        "the runner's labels for the validation record: a JSON array (`${{ toJSON(matrix.runs-on) }}`) or comma-separated",
    },
    {
      flags: '--strict',
      description:
        "refuse a spec with findings NFD only meets while evaluating (lint's errors: an empty op, a broken expression, type on In); without it they are warnings and the spec is evaluated as NFD does",
      default: false,
    },
    ...POLICY_OPTIONS,
    ...REGISTRY_OPTIONS,
  ],
  after: [
    REGISTRY_HELP,
    '',
    'Examples:',
    '  image-compat validate --spec examples/specs/gpu.yaml --features examples/hosts/h100-server.json',
    '  image-compat validate --spec spec.yaml                       # this host',
    '  image-compat validate --image ghcr.io/acme/app:1.0 --require-signature --key cosign.pub',
    '  image-compat validate --image ghcr.io/acme/app:1.0 --compatibility h100 --attest --attest-key ci.key',
    '  kubectl get nodefeatures -A -o json | image-compat validate --spec spec.yaml --features - --output json',
    '',
  ].join('\n'),
  action: async (flags: Flags) => {
    const req = await requestOf(flags);
    const attest = flags.attest ? await attestSigning(flags) : undefined;
    const progress: ValidationProgress = {};
    const log = {
      note: (m: string) => process.stderr.write(`image-compat: note: ${m}\n`),
      warn,
    };
    let run;
    try {
      run = await runValidation(req, log, progress);
    } catch (err) {
      if (flags.report !== undefined)
        await writeJson(flags.report, failureReport(err, req, progress), '--report');
      throw err;
    }
    const { result } = run;
    const values = { allHostValues: flags.allHostValues };
    process.stdout.write(
      flags.output === 'json'
        ? validateJson(result, values)
        : renderValidateTable(result, { color: useColor(), ...values }),
    );
    if (attest) {
      const { attestValidation, parseRunnerLabels } = await import('../commands/attest.js');
      const record = await attestValidation(run, {
        image: flags.image!,
        sign: attest,
        fromMachine: flags.features === undefined,
        ...(flags.hostRoot !== undefined && { hostRoot: flags.hostRoot }),
        hostname: flags.attestHostname,
        ...(process.env.RUNNER_NAME && { runnerName: process.env.RUNNER_NAME }),
        ...(flags.runnerLabels !== undefined && {
          runnerLabels: parseRunnerLabels(flags.runnerLabels),
        }),
        ...(flags.matrixId !== undefined && { matrixId: flags.matrixId }),
        ...(await registryOptionsFrom(flags)),
      });
      process.stderr.write(
        `image-compat: attached validation record ${record.record} to ${record.subject}\n`,
      );
      if (run.report) run.report.attestation = record.digest;
    }
    if (flags.report !== undefined && run.report)
      await writeJson(flags.report, outputReport(run.report, values), '--report');
    if (flags.saveFeatures !== undefined)
      await writeJson(flags.saveFeatures, run.nodeFeature, '--save-features');
    process.exitCode = result.compatible ? ExitCode.ok : ExitCode.incompatible;
  },
} satisfies CommandDefinition;
