// `validations`: the validation records of an image, per platform manifest (every platform of an
// index, or the one given), verified under the signature policy, newest first. Also the records
// the gate (`verify --require-validated`) and the fleet (`check --fleet-image`) read. Typed in,
// typed out; no printing.
import { formatPlatform, formatReference, resolveImage, withDigest } from '../oci/index.js';
import type { RegistryOptions } from '../oci/index.js';
import type { VerificationPolicy } from '../sign/verify.js';
import { validationRecords } from '../validation/records.js';
import type { ValidationRecord } from '../validation/records.js';

export interface ValidationsOptions extends RegistryOptions {
  image: string;
  platform?: string;
  /** Without one, no record is verified (each is listed as `no-policy`). */
  policy?: VerificationPolicy;
}

export interface PlatformValidations {
  /** `os/arch[/variant]`, or null for a manifest with no platform. */
  platform: string | null;
  /** `registry/repo@digest` of the platform manifest. */
  subject: string;
  /** Verified records newest first, then the rejected ones with the reason. */
  records: ValidationRecord[];
}

export interface ValidationsResult {
  image: string;
  platforms: PlatformValidations[];
}

export async function listValidations(opts: ValidationsOptions): Promise<ValidationsResult> {
  const { reference, repo, subjects } = await resolveImage(opts.image, {
    ...opts,
    ...(opts.platform === undefined && { all: true }),
  });
  const platforms: PlatformValidations[] = [];
  for (const s of subjects) {
    platforms.push({
      platform: s.platform ? formatPlatform(s.platform) : null,
      subject: formatReference(withDigest(reference, s.descriptor.digest)),
      records: await validationRecords(repo, s.descriptor.digest, opts.policy),
    });
  }
  return { image: opts.image, platforms };
}
