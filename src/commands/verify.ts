// `verify`: for each platform manifest of an image (or the one given), the newest compatibility
// artifact whose signature passes the policy; with `requireValidated` (the deploy gate), also a
// validation record of each set that passes, verified under the same policy, within the maximum
// age. Typed options in, typed result out, no printing.
import { RegistryError } from '../errors.js';
import { formatPlatform, formatReference, resolveImage } from '../oci/index.js';
import type { RegistryOptions } from '../oci/index.js';
import type { SignerInfo, VerificationPolicy } from '../sign/verify.js';
import { judgeSets } from '../validation/gate.js';
import type { SetRequirement } from '../validation/gate.js';
import { validationRecords } from '../validation/records.js';
import type { ValidationRecord } from '../validation/records.js';
import { selectArtifact } from './artifact-selection.js';
import { policyNeeded } from './policy.js';

export interface VerifyOptions extends RegistryOptions {
  image: string;
  platform?: string;
  policy?: VerificationPolicy;
  /** The gate: each platform needs a trusted, passing validation record of each of these sets. */
  requireValidated?: string[];
  /** The oldest a validation record may be (ms). */
  maxAgeMs?: number;
  now?: () => Date;
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
  /** The gate's verdict per required set, when `requireValidated` was given. */
  validations?: SetRequirement[];
  /** Validation records that contradict themselves or the manifest (tampering). */
  tamperedRecords?: string[];
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
    throw policyNeeded('verify');
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
    const errors: string[] = [];
    if (!chosen) {
      const newest = selected.ignored[0];
      errors.push(
        selected.artifacts.length === 0
          ? 'no compatibility artifact'
          : `no compatibility artifact passes the policy (newest: ${newest!.failure.reason}: ${newest!.failure.message})`,
      );
    }
    if (opts.requireValidated?.length) {
      const records = await validationRecords(repo, resolved.descriptor.digest, opts.policy);
      const sets = judgeSets(records, opts.requireValidated, {
        ...(opts.maxAgeMs !== undefined && { maxAgeMs: opts.maxAgeMs }),
        now: (opts.now ?? (() => new Date()))(),
      });
      verdict.validations = sets;
      const tampered = records.filter(
        (r): r is Extract<ValidationRecord, { verified: false }> => !r.verified && r.class === 'integrity',
      );
      if (tampered.length) {
        verdict.tamperedRecords = tampered.map((r) => r.digest);
        errors.push(
          `validation record(s) tampered with: ${tampered.map((r) => `${r.digest} (${r.reason}: ${r.message})`).join(', ')}`,
        );
      }
      for (const s of sets.filter((x) => !x.satisfied)) errors.push(`set ${s.set}: ${s.reason}`);
      if (tampered.length || sets.some((x) => !x.satisfied)) verdict.verified = false;
    }
    if (errors.length) verdict.error = errors.join('; ');
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
