// `image-compat validations`: flags and printing (the work is in commands/validations). A table
// (set × platform × host, verdict, when, signer) of the verified records, newest first, and the
// records that failed verification on stderr; or everything as JSON.
import { loadPolicy, POLICY_CHOICES } from '../commands/policy.js';
import { listValidations, writeValidationsFleet } from '../commands/validations.js';
import type { ValidationsResult } from '../commands/validations.js';
import { ExitCode } from '../errors.js';
import { setLabel } from '../validation/predicate.js';
import type { CommandDefinition } from './definition.js';
import { IMAGE_OPTION, REGISTRY_HELP, REGISTRY_OPTIONS, registryOptionsFrom } from './registry-options.js';
import type { RegistryFlags } from './registry-options.js';
import { POLICY_OPTIONS, policyRequestOf } from './policy-options.js';
import type { PolicyFlagValues } from './policy-options.js';
import { inCliWords } from './words.js';

interface Flags extends PolicyFlagValues, RegistryFlags {
  image: string;
  platform?: string;
  output: 'table' | 'json';
  fleetOut?: string;
}

/** The host column: the runner name, else the matrix id, else the salted machine id's prefix. */
function hostOf(p: {
  runner?: { name?: string };
  matrixId?: string;
  host: { machineId?: string; hostname?: string };
}): string {
  return (
    p.host.hostname ??
    p.runner?.name ??
    p.matrixId ??
    (p.host.machineId ? `machine ${p.host.machineId.slice(7, 19)}` : '-')
  );
}

export function renderValidations(result: ValidationsResult): string {
  const rows: string[][] = [['SET', 'PLATFORM', 'HOST', 'VERDICT', 'WHEN', 'SIGNER', 'RECORD']];
  for (const p of result.platforms) {
    for (const r of p.records) {
      if (!r.verified) continue;
      const signer = r.signer.kind === 'key' ? `key ${r.signer.hint}` : r.signer.identity;
      for (const s of r.predicate.sets) {
        rows.push([
          setLabel(s),
          p.platform ?? '-',
          hostOf(r.predicate),
          s.compatible ? 'pass' : 'fail',
          r.predicate.time,
          signer,
          r.digest.slice(0, 19),
        ]);
      }
    }
  }
  if (rows.length === 1) return 'no verified validation record\n';
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return (
    rows
      .map((r) =>
        r
          .map((c, i) => c.padEnd(widths[i]!))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

export const validationsCommand = {
  name: 'validations',
  summary: "list an image's signed validation records",
  description:
    'For each platform of the image (or the one given), the validation records `validate --attest` attached, ' +
    'verified under the signature policy, newest first: set, platform, host, verdict, when, signer. Records that ' +
    'fail verification are named on stderr. Exit 0 (also when there are none), 2 bad input, 3 registry error, ' +
    '4 a record was tampered with.',
  options: [
    IMAGE_OPTION,
    {
      flags: '--platform <os/arch[/variant]>',
      description: 'only this platform of an index (default: every platform)',
    },
    {
      flags: '--output <format>',
      description: 'output format',
      choices: ['table', 'json'],
      default: 'table',
    },
    {
      flags: '--fleet-out <dir>',
      description:
        "write the verified records' hosts (one per machine, scrubbed NodeFeatures) as a fleet folder for check --fleet",
    },
    ...POLICY_OPTIONS,
    ...REGISTRY_OPTIONS,
  ],
  after: [
    REGISTRY_HELP,
    '',
    `Policy: ${inCliWords(POLICY_CHOICES)}; without one, no record is verified.`,
    '',
    'Examples:',
    '  image-compat validations --image ghcr.io/acme/app:1.0 --key ci.pub',
    '  image-compat validations --image ghcr.io/acme/app:1.0 --output json \\',
    '    --certificate-identity-regexp "^https://github.com/acme/" --certificate-oidc-issuer https://token.actions.githubusercontent.com',
    '',
  ].join('\n'),
  action: async (flags: Flags) => {
    const result = await listValidations({
      image: flags.image,
      ...(flags.platform !== undefined && { platform: flags.platform }),
      policy: await loadPolicy(policyRequestOf(flags), (m) =>
        process.stderr.write(`image-compat: note: ${m}\n`),
      ),
      ...(await registryOptionsFrom(flags)),
    });
    process.stdout.write(
      flags.output === 'json' ? `${JSON.stringify(result, null, 2)}\n` : renderValidations(result),
    );
    if (flags.fleetOut !== undefined) {
      const files = await writeValidationsFleet(result, flags.fleetOut);
      process.stderr.write(`image-compat: wrote ${files.length} host snapshot(s) to ${flags.fleetOut}\n`);
    }
    let tampered = false;
    for (const p of result.platforms) {
      for (const r of p.records) {
        if (r.verified) continue;
        if (r.class === 'integrity') tampered = true;
        process.stderr.write(
          `image-compat: warning: ${p.platform ?? 'image'}: validation record ${r.digest} not verified: ${r.reason}: ${r.message}\n`,
        );
      }
    }
    process.exitCode = tampered ? ExitCode.signature : ExitCode.ok;
  },
} satisfies CommandDefinition;
