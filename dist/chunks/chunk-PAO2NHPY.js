
// src/cli/policy-options.ts
var POLICY_OPTIONS = [
  { flags: "--key <file>", description: "public key (PEM) the compatibility artifact must be signed with" },
  {
    flags: "--certificate-identity <identity>",
    description: "keyless: the exact signer identity (e.g. a workflow URL)"
  },
  {
    flags: "--certificate-identity-regexp <re>",
    description: "keyless: a regular expression (RE2) for the signer identity"
  },
  {
    flags: "--certificate-oidc-issuer <url>",
    description: "keyless: the OIDC issuer of the signer identity"
  },
  {
    flags: "--trusted-root <file>",
    description: "keyless: the Sigstore trusted root (JSON) to verify certificates against (default: the public-good instance's, through TUF; give it for a private instance such as GitHub's)"
  },
  {
    flags: "--offline",
    description: "keyless without --trusted-root: no TUF refresh, use the cached or embedded public-good trusted root (also env IMAGE_COMPAT_OFFLINE=1)"
  }
];
function policyRequestOf(flags) {
  return {
    ...flags.key !== void 0 && { key: flags.key },
    ...flags.certificateIdentity !== void 0 && { certificateIdentity: flags.certificateIdentity },
    ...flags.certificateIdentityRegexp !== void 0 && {
      certificateIdentityRegexp: flags.certificateIdentityRegexp
    },
    ...flags.certificateOidcIssuer !== void 0 && { certificateOidcIssuer: flags.certificateOidcIssuer },
    ...flags.trustedRoot !== void 0 && { trustedRoot: flags.trustedRoot },
    ...flags.offline && { offline: true }
  };
}

export {
  POLICY_OPTIONS,
  policyRequestOf
};
