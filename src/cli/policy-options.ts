// The signature policy flags that every command reading signed artifacts shares (verify,
// validate --image, check, select, export, validations): --key, --certificate-identity[-regexp],
// --certificate-oidc-issuer, --trusted-root, --offline, and the policy request they describe.
// Their own file, as registry-options.ts is, so that a command's start loads them without
// another command's module.
import type { PolicyRequest } from '../commands/policy.js';
import type { OptionDefinition } from './definition.js';

/** The policy flags' values are the policy request's fields, named alike. */
export type PolicyFlagValues = PolicyRequest;

/** The verification policy flags, in this order after a command's own. */
export const POLICY_OPTIONS: readonly OptionDefinition[] = [
  { flags: '--key <file>', description: 'public key (PEM) the compatibility artifact must be signed with' },
  {
    flags: '--certificate-identity <identity>',
    description: 'keyless: the exact signer identity (e.g. a workflow URL)',
  },
  {
    flags: '--certificate-identity-regexp <re>',
    description: 'keyless: a regular expression (RE2) for the signer identity',
  },
  {
    flags: '--certificate-oidc-issuer <url>',
    description: 'keyless: the OIDC issuer of the signer identity',
  },
  {
    flags: '--trusted-root <file>',
    description:
      'keyless: the Sigstore trusted root (JSON) to verify certificates against ' +
      "(default: the public-good instance's, through TUF; give it for a private instance such as GitHub's)",
  },
  {
    flags: '--offline',
    description:
      'keyless without --trusted-root: no TUF refresh, use the cached or embedded public-good trusted root ' +
      '(also env IMAGE_COMPAT_OFFLINE=1)',
  },
];

/** The policy request the flags describe (loaded in commands/policy.ts). */
export function policyRequestOf(flags: PolicyFlagValues): PolicyRequest {
  return {
    ...(flags.key !== undefined && { key: flags.key }),
    ...(flags.certificateIdentity !== undefined && { certificateIdentity: flags.certificateIdentity }),
    ...(flags.certificateIdentityRegexp !== undefined && {
      certificateIdentityRegexp: flags.certificateIdentityRegexp,
    }),
    ...(flags.certificateOidcIssuer !== undefined && { certificateOidcIssuer: flags.certificateOidcIssuer }),
    ...(flags.trustedRoot !== undefined && { trustedRoot: flags.trustedRoot }),
    ...(flags.offline && { offline: true }),
  };
}
