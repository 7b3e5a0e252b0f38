// Reading the validation records of an image manifest: its referrers that are Sigstore bundles of
// our predicate type (ours declare it in an annotation; cosign's carry none and are recognised by
// fetching the manifest), each bundle verified against the manifest digest and the policy, and its
// predicate checked against the schema. Every record comes back, the failed ones with the reason,
// so that a caller can list them and a gate can tell tampering (exit 4) from a record it cannot
// trust. No printing.
import { listReferrers } from '../oci/index.js';
import type { Descriptor, Repository } from '../oci/index.js';
import { bundleLayerOf, bundleReferrerKind, declaredPredicateType } from '../sign/bundle-artifact.js';
import { parseStatement, statementCoversDigest } from '../sign/statement.js';
import { verifyBundle } from '../sign/verify.js';
import type { FailureClass, SignerInfo, VerificationPolicy } from '../sign/verify.js';
import type { ValidationPredicate } from './predicate.js';
import { VALIDATION_PREDICATE_TYPE } from './predicate.js';
import { predicateProblems } from './schema.js';

/** The most bytes of a record's bundle read (a record carries a NodeFeature: larger than a signature). */
export const MAX_RECORD_BYTES = 8 * 1024 * 1024;

export type ValidationRecord =
  | {
      verified: true;
      /** Digest of the record's referrer manifest (what the report links to). */
      digest: string;
      predicate: ValidationPredicate;
      signer: SignerInfo;
    }
  | {
      verified: false;
      digest: string;
      class: FailureClass;
      reason: string;
      message: string;
      /** Without a policy (`no-policy`): the predicate as written, schema-checked, trusted by nobody. */
      unverified?: ValidationPredicate;
    };

/** Whether a referrer entry may be a validation record (before fetching it). */
function mayBeRecord(entry: Descriptor): boolean {
  if (bundleReferrerKind(entry) === 'no') return false;
  const declared = declaredPredicateType(entry);
  return declared === undefined || declared === VALIDATION_PREDICATE_TYPE;
}

async function fetchBundle(repo: Repository, entry: Descriptor): Promise<Buffer | undefined> {
  const got = await repo.getManifest(entry.digest);
  if (!got) return undefined;
  const manifest = got.json;
  const declared = declaredPredicateType(manifest as { annotations?: Record<string, string> });
  if (declared !== undefined && declared !== VALIDATION_PREDICATE_TYPE) return undefined;
  const layer = bundleLayerOf(manifest);
  return layer ? repo.fetchBlob(layer, MAX_RECORD_BYTES) : undefined;
}

/** The predicate type a bundle's statement declares, read without trusting it (to skip other attestations). */
function payloadPredicateType(bytes: Buffer): string | undefined {
  try {
    const b = JSON.parse(bytes.toString('utf8')) as { dsseEnvelope?: { payload?: string } };
    const payload = b.dsseEnvelope?.payload;
    if (!payload) return undefined;
    const s = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as { predicateType?: unknown };
    return typeof s.predicateType === 'string' ? s.predicateType : undefined;
  } catch {
    return undefined;
  }
}

/** The predicate of a bundle read without a policy: only when it is about this manifest and fits the schema. */
function unverifiedPredicate(bytes: Buffer, subjectDigest: string): ValidationPredicate | undefined {
  try {
    const b = JSON.parse(bytes.toString('utf8')) as { dsseEnvelope?: { payload?: string } };
    const statement = parseStatement(Buffer.from(b.dsseEnvelope?.payload ?? '', 'base64'));
    if (statement.predicateType !== VALIDATION_PREDICATE_TYPE) return undefined;
    if (!statementCoversDigest(statement, subjectDigest)) return undefined;
    if (predicateProblems(statement.predicate) !== undefined) return undefined;
    const predicate = statement.predicate as ValidationPredicate;
    return predicate.image.digest === subjectDigest ? predicate : undefined;
  } catch {
    return undefined;
  }
}

/** One record's bundle judged: the envelope, the subject (this manifest), the policy, the schema. */
export function judgeRecord(
  digest: string,
  bytes: Buffer,
  subjectDigest: string,
  policy: VerificationPolicy | undefined,
): ValidationRecord {
  const result = verifyBundle(bytes, {
    artifactDigest: subjectDigest,
    predicateType: VALIDATION_PREDICATE_TYPE,
    ...(policy && { policy }),
  });
  if (!result.ok) {
    const unverified =
      result.reason === 'no-policy' && !policy ? unverifiedPredicate(bytes, subjectDigest) : undefined;
    return {
      verified: false,
      digest,
      class: result.class,
      reason: result.reason,
      message: result.message,
      ...(unverified && { unverified }),
    };
  }
  const problems = predicateProblems(result.statement.predicate);
  if (problems !== undefined) {
    // Signed by whom the policy trusts, yet not a record: refused, as a malformed one.
    return {
      verified: false,
      digest,
      class: 'policy',
      reason: 'malformed-predicate',
      message: `the signed predicate is not a validation record: ${problems}`,
    };
  }
  const predicate = result.statement.predicate as ValidationPredicate;
  if (predicate.image.digest !== subjectDigest) {
    return {
      verified: false,
      digest,
      class: 'integrity',
      reason: 'subject-mismatch',
      message: `the record is about image ${predicate.image.digest}, attached to ${subjectDigest}`,
    };
  }
  return { verified: true, digest, predicate, signer: result.signer };
}

/**
 * Every validation record attached to `subject` (a platform manifest), verified under `policy`
 * (without one, every record is unverified: `no-policy`), the verified ones newest first by
 * their signed time, then the others.
 */
export async function validationRecords(
  repo: Repository,
  subjectDigest: string,
  policy: VerificationPolicy | undefined,
): Promise<ValidationRecord[]> {
  const entries = (await listReferrers(repo, subjectDigest)).filter(mayBeRecord);
  const records: ValidationRecord[] = [];
  for (const entry of entries) {
    const bytes = await fetchBundle(repo, entry);
    if (!bytes) continue;
    const declared = payloadPredicateType(bytes);
    // Another attestation of the image (cosign's SLSA provenance, an SBOM): not ours to judge.
    if (declared !== undefined && declared !== VALIDATION_PREDICATE_TYPE) continue;
    records.push(judgeRecord(entry.digest, bytes, subjectDigest, policy));
  }
  return sortRecords(records);
}

/** Verified records newest first (signed time), then the rejected ones in listing order. */
export function sortRecords(records: ValidationRecord[]): ValidationRecord[] {
  const verified = records.filter((r): r is Extract<ValidationRecord, { verified: true }> => r.verified);
  verified.sort((a, b) => Date.parse(b.predicate.time) - Date.parse(a.predicate.time));
  return [...verified, ...records.filter((r) => !r.verified)];
}
