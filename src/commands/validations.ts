// `validations`: the validation records of an image, per platform manifest (every platform of an
// index, or the one given), verified under the signature policy, newest first. Also the records
// the gate (`verify --require-validated`) and the fleet (`check --fleet-image`) read. Typed in,
// typed out; no printing.
import { formatPlatform, formatReference, resolveImage, withDigest } from '../oci/index.js';
import type { RegistryOptions } from '../oci/index.js';
import type { VerificationPolicy } from '../sign/verify.js';
import { RegistryError } from '../errors.js';
import type { HostFeatures } from '../features/snapshot.js';
import { setting } from '../settings.js';
import { fleetFromPredicates, fleetNodeFeatures } from '../validation/fleet.js';
import type { ValidationPredicate } from '../validation/predicate.js';
import { writeFleetFolder } from '../check/fleet-folder.js';
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

/** The predicates the fleet is made of: the verified ones; without a policy, those read as written. */
function fleetPredicates(result: ValidationsResult, policy: boolean): ValidationPredicate[] {
  return result.platforms
    .flatMap((p) => p.records)
    .flatMap((r) => (r.verified ? [r.predicate] : !policy && r.unverified ? [r.unverified] : []));
}

/**
 * The fleet an image's validation records describe (check --fleet-image): the hosts that
 * validated it, one per machine. With a policy only verified records count; without one, the
 * records are read as written, with a note saying so. RegistryError when there is none.
 */
export async function fleetOfImage(opts: ValidationsOptions, notes: string[]): Promise<HostFeatures[]> {
  const result = await listValidations(opts);
  const records = result.platforms.flatMap((p) => p.records);
  const predicates = fleetPredicates(result, opts.policy !== undefined);
  if (!opts.policy && predicates.length > 0) {
    notes.push(
      `the fleet is built from ${predicates.length} unverified validation record(s) of ${opts.image}: give a signature policy (${setting('public-key')} or ${setting('certificate-identity')}) to trust only signed ones`,
    );
  }
  const hosts = fleetFromPredicates(predicates);
  if (hosts.length === 0) {
    const rejected = records.length - predicates.length;
    throw new RegistryError(
      `image ${opts.image} has no validation record to build the fleet from${rejected ? ` (${rejected} not verified)` : ''}`,
    );
  }
  return hosts;
}

/**
 * Writes the verified records' hosts (one per machine) as a fleet folder, `<name>.json` each a
 * scrubbed NodeFeature that `check --fleet` and `validate --features` read. Returns the files.
 */
export function writeValidationsFleet(result: ValidationsResult, dir: string): Promise<string[]> {
  return writeFleetFolder(dir, fleetNodeFeatures(fleetPredicates(result, true)));
}
