// `verify`: for each platform manifest of an image (or the one given), the newest compatibility
// artifact whose signature passes the policy. Typed options in, typed result out, no printing.
import { InputError, RegistryError } from '../errors.js';
import { formatPlatform, formatReference, resolveImage } from '../oci/index.js';
import type { RegistryOptions } from '../oci/index.js';
import type { SignerInfo, VerificationPolicy } from '../sign/verify.js';
import { selectArtifact } from './artifact-selection.js';
import { setting } from '../settings.js';

export interface VerifyOptions extends RegistryOptions {
  image: string;
  platform?: string;
  policy?: VerificationPolicy;
  /** What a policy is made of, in the edge's words (flags, inputs), for the missing-policy message. */
  policyChoices?: string;
}

export interface PlatformVerdict {
  /** `os/arch[/variant]`, or null for a manifest with no platform. */
  platform: string | null;
  /** `registry/repo@digest` of the platform manifest. */
  subject: string;
  verified: boolean;
  /** Digest of the artifact that passed. */
  artifact?: string;
  created?: string;
  signer?: SignerInfo;
  /** Newer artifacts (or, when none passed, every artifact) that failed, with the reason. */
  rejected: Array<{ artifact: string; created?: string; reason: string; message: string }>;
  /** Why this platform fails, when it does. */
  error?: string;
}

export interface VerifyResult {
  image: string;
  /** Every platform has an artifact that passes the policy. */
  verified: boolean;
  /** Compatibility artifacts found over all platforms (0: exit 3). */
  artifactCount: number;
  platforms: PlatformVerdict[];
}

export async function verify(opts: VerifyOptions): Promise<VerifyResult> {
  if (!opts.policy) {
    throw new InputError(
      `verify needs a policy: ${opts.policyChoices ?? `${setting('public-key')}, or ${setting('certificate-identity')} (or ${setting('certificate-identity-regexp')}) with ${setting('certificate-oidc-issuer')} [and ${setting('trusted-root')}]`}`,
    );
  }
  const { reference, repo, subjects } = await resolveImage(opts.image, {
    ...opts,
    ...(opts.platform === undefined && { all: true }),
  });
  const platforms: PlatformVerdict[] = [];
  let artifactCount = 0;
  for (const resolved of subjects) {
    const selected = await selectArtifact(repo, resolved, { policy: opts.policy, requireSignature: true });
    artifactCount += selected.artifacts.length;
    const chosen = selected.chosen;
    const verdict: PlatformVerdict = {
      platform: resolved.platform ? formatPlatform(resolved.platform) : null,
      subject: `${reference.registry}/${reference.repository}@${resolved.descriptor.digest}`,
      verified: Boolean(chosen?.signature.ok),
      ...(chosen && { artifact: chosen.artifact.digest }),
      ...(chosen?.created !== undefined && { created: chosen.created }),
      ...(chosen?.signature.ok && { signer: chosen.signature.signer }),
      rejected: selected.ignored.map((i) => ({
        artifact: i.artifact.digest,
        ...(i.created !== undefined && { created: i.created }),
        reason: i.failure.reason,
        message: i.failure.message,
      })),
    };
    if (!chosen) {
      const newest = selected.ignored[0];
      verdict.error =
        selected.artifacts.length === 0
          ? 'no compatibility artifact'
          : `no compatibility artifact passes the policy (newest: ${newest!.failure.reason}: ${newest!.failure.message})`;
    }
    platforms.push(verdict);
  }
  if (artifactCount === 0) {
    throw new RegistryError(`image ${formatReference(reference)} has no compatibility artifact`);
  }
  return {
    image: opts.image,
    verified: platforms.every((p) => p.verified),
    artifactCount,
    platforms,
  };
}
