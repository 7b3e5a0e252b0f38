// `image-compat verify`: flags and printing (the work is in commands/verify); its signature policy
// flags are the ones every reader of signed artifacts shares (cli/policy-options.ts). Keyless
// without --trusted-root trusts the Sigstore public-good instance (sign/trust.ts).
import { loadPolicy } from '../commands/policy.js';
import { ExitCode, InputError } from '../errors.js';
import { parseDuration } from '../io/duration.js';
import type { CommandDefinition } from './definition.js';
import { POLICY_OPTIONS, policyRequestOf, type PolicyFlagValues } from './policy-options.js';
import { IMAGE_OPTION, REGISTRY_HELP, REGISTRY_OPTIONS, registryOptionsFrom } from './registry-options.js';
import type { RegistryFlags } from './registry-options.js';

interface Flags extends PolicyFlagValues, RegistryFlags {
  image: string;
  platform?: string;
  output: 'text' | 'json';
  requireValidated?: string;
  maxAge?: string;
}

function setList(text: string): string[] {
  const sets = text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  if (!sets.length) throw new InputError('--require-validated: expected one or more comma-separated sets');
  return sets;
}

export const verifyCommand = {
  name: 'verify',
  summary: "check the signatures of an image's compatibility artifacts",
  description:
    'For each platform of the image (or the one given), find the newest compatibility artifact whose ' +
    'Sigstore signature passes the policy. Exit 0: every platform has one; 4: a platform has none ' +
    '(the reason is printed); 3: the image has no compatibility artifact at all, or a registry error; 2: bad input.',
  options: [
    IMAGE_OPTION,
    {
      flags: '--platform <os/arch[/variant]>',
      description: 'verify only this platform of an index (default: every platform)',
    },
    {
      flags: '--require-validated <sets>',
      description:
        'the deploy gate: every platform (or the one given) also needs a validation record (validate --attest) that passes each of these sets (comma-separated tags), signed as the policy says',
    },
    {
      flags: '--max-age <duration>',
      description: 'with --require-validated: the oldest a validation may be (30d, 12h, 2w)',
    },
    { flags: '--output <format>', description: 'output format', choices: ['text', 'json'], default: 'text' },
    ...POLICY_OPTIONS,
    ...REGISTRY_OPTIONS,
  ],
  after: [
    REGISTRY_HELP,
    '',
    'Examples:',
    '  image-compat verify --image ghcr.io/acme/app:1.0 --key cosign.pub',
    '  image-compat verify --image ghcr.io/acme/app:1.0 \\',
    '    --certificate-identity-regexp "^https://github.com/acme/" --certificate-oidc-issuer https://token.actions.githubusercontent.com',
    '  image-compat verify --image ghcr.io/acme/app:1.0 --key ci.pub --require-validated h100,a100 --max-age 30d',
    '  image-compat verify --image ghcr.io/acme/private:1.0 --trusted-root github-trusted-root.json \\',
    '    --certificate-identity-regexp "^https://github.com/acme/" --certificate-oidc-issuer https://token.actions.githubusercontent.com',
    '',
    'Keyless trust: without --trusted-root, certificates must chain to the Sigstore public-good instance',
    '(Fulcio + Rekor, what public GitHub repositories sign with). Its trusted root is refreshed through TUF',
    '(https://tuf-repo-cdn.sigstore.dev, 5 s at most) into $XDG_CACHE_HOME/image-compat/tuf; offline, the',
    "cached copy or the one embedded in image-compat is used. GitHub's instance for private repositories",
    '(fulcio.githubapp.com) needs --trusted-root (`gh attestation trusted-root > root.jsonl`, one line).',
    '',
  ].join('\n'),
  action: async (flags: Flags) => {
    if (flags.maxAge !== undefined && flags.requireValidated === undefined)
      throw new InputError('--max-age needs --require-validated');
    // The work (registry, signatures, the validation gate) loads only when verify runs: validate
    // and select import this file for the policy flags.
    const { verify } = await import('../commands/verify.js');
    const result = await verify({
      image: flags.image,
      ...(flags.requireValidated !== undefined && { requireValidated: setList(flags.requireValidated) }),
      ...(flags.maxAge !== undefined && { maxAgeMs: parseDuration(flags.maxAge, '--max-age') }),
      ...(flags.platform !== undefined && { platform: flags.platform }),
      policy: await loadPolicy(policyRequestOf(flags), (m) =>
        process.stderr.write(`image-compat: note: ${m}\n`),
      ),
      ...(await registryOptionsFrom(flags)),
    });
    if (flags.output === 'json') {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    } else {
      for (const p of result.platforms) {
        const name = p.platform ?? 'no platform';
        if (p.verified) {
          const by =
            p.signer?.kind === 'key' ? `key ${p.signer.hint}` : `${p.signer?.identity} (${p.signer?.issuer})`;
          process.stdout.write(`${name}: verified ${p.artifact} signed by ${by}\n`);
        } else {
          process.stdout.write(`${name}: NOT VERIFIED: ${p.error}\n`);
        }
        for (const v of p.validations ?? []) {
          process.stdout.write(
            v.satisfied
              ? `${name}: set ${v.set} validated by ${v.record} at ${v.time}\n`
              : `${name}: set ${v.set} NOT VALIDATED: ${v.reason}\n`,
          );
        }
        for (const r of p.verified ? p.rejected : []) {
          process.stderr.write(
            `image-compat: warning: ${name}: ignored newer artifact ${r.artifact}: ${r.reason}: ${r.message}\n`,
          );
        }
      }
    }
    if (!result.verified) {
      const failing = result.platforms.filter((p) => !p.verified);
      process.stderr.write(
        `image-compat: ${failing.map((p) => `${p.platform ?? 'image'}: ${p.error}`).join('; ')}\n`,
      );
    }
    process.exitCode = result.verified ? ExitCode.ok : ExitCode.signature;
  },
} satisfies CommandDefinition;
