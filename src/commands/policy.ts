// The signature policy of `validate --image`, `verify` and the validate action, loaded once for
// every edge: the public key (PEM text, or a file holding it), the keyless identity and issuer,
// and the trusted root (a file; without one, keyless trusts the Sigstore public-good instance:
// TUF refresh, else the cached or embedded root, with a note saying which).
import { existsSync } from 'node:fs';
import { LIMITS } from '../io/limits.js';
import { readText as readBounded } from '../io/read.js';
import { InputError } from '../errors.js';
import { setting, type Setting } from '../settings.js';
import type { VerificationPolicy } from '../sign/verify.js';

export interface PolicyRequest {
  /** A public key: PEM text, or the path of a PEM file. */
  key?: string;
  certificateIdentity?: string;
  certificateIdentityRegexp?: string;
  certificateOidcIssuer?: string;
  /** Path of a Sigstore trusted root (JSON). */
  trustedRoot?: string;
  /** No TUF refresh: the cached or embedded public-good root. */
  offline?: boolean;
}

/** The settings a policy is made of, as every room names them (src/settings.ts). */
export const POLICY_SETTINGS: readonly Setting[] = [
  'public-key',
  'certificate-identity',
  'certificate-identity-regexp',
  'certificate-oidc-issuer',
  'trusted-root',
];

/** What a policy is made of: `public-key`, or `certificate-identity` (or ...) with ... */
export const POLICY_CHOICES = `${setting('public-key')}, or ${setting('certificate-identity')} (or ${setting('certificate-identity-regexp')}) with ${setting('certificate-oidc-issuer')} [and ${setting('trusted-root')}]`;

/** The error of `what` (a setting, a command) that needs a policy and got none. */
export function policyNeeded(what: string): InputError {
  return new InputError(`${what} needs a policy: ${POLICY_CHOICES}`);
}

/** Whether any policy field is given. */
export function policyRequested(p: PolicyRequest): boolean {
  return [
    p.key,
    p.certificateIdentity,
    p.certificateIdentityRegexp,
    p.certificateOidcIssuer,
    p.trustedRoot,
  ].some((v) => v !== undefined && v !== '');
}

/** A policy file, through the one bounded reader (its errors name the file and the limit). */
async function readText(file: string, what: string): Promise<string> {
  return readBounded(file, { maxBytes: LIMITS.small, what });
}

async function keyText(value: string): Promise<{ key: string; keySource: string }> {
  if (value.includes('-----BEGIN')) return { key: value, keySource: 'the public key given' };
  if (!existsSync(value))
    throw new InputError(`public key ${value}: neither PEM nor a file`, { file: value });
  return { key: await readText(value, 'public key'), keySource: value };
}

/** The policy requested (files read); undefined when none is. */
export async function loadPolicy(
  p: PolicyRequest,
  note: (message: string) => void,
): Promise<VerificationPolicy | undefined> {
  if (!policyRequested(p)) return undefined;
  // The signing code (Sigstore, TUF) loads only when a policy is given.
  const { resolvePolicy } = await import('../sign/trust.js');
  return resolvePolicy(
    {
      ...(p.key && (await keyText(p.key))),
      ...(p.certificateIdentity && { certificateIdentity: p.certificateIdentity }),
      ...(p.certificateIdentityRegexp && { certificateIdentityRegexp: p.certificateIdentityRegexp }),
      ...(p.certificateOidcIssuer && { certificateOidcIssuer: p.certificateOidcIssuer }),
      ...(p.trustedRoot && {
        trustedRoot: await readText(p.trustedRoot, 'trusted root'),
        trustedRootSource: p.trustedRoot,
      }),
    },
    { ...(p.offline && { offline: true }), note },
  );
}
