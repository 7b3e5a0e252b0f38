// Attaching a validation record: the statement signed into a Sigstore bundle and pushed as a
// referrer of the validated manifest, in the shape `attach --sign` gives signatures (cosign's
// BUNDLE_SPEC: artifactType application/vnd.dev.sigstore.bundle.v0.3+json, the predicate type in
// an annotation), which `cosign verify-attestation --type <ours>` reads. Signed before the push:
// a signing failure leaves the registry untouched.
import { formatCreated, pushReferrer } from '../oci/index.js';
import type { Descriptor, Repository } from '../oci/index.js';
import { buildBundleArtifact } from '../sign/bundle-artifact.js';
import { signStatement } from '../sign/sign.js';
import type { SignWith } from '../sign/sign.js';
import type { Statement } from '../sign/statement.js';
import type { ValidationPredicate } from './predicate.js';
import { VALIDATION_PREDICATE_TYPE } from './predicate.js';

export interface AttachedRecord {
  /** Digest of the record's referrer manifest. */
  digest: string;
  referrers: 'api' | 'fallback';
}

export async function attachValidationRecord(
  repo: Repository,
  subject: Descriptor,
  statement: Statement<ValidationPredicate>,
  how: SignWith,
  created: Date,
): Promise<AttachedRecord> {
  const signed = await signStatement(statement, how);
  const art = buildBundleArtifact({
    bundle: signed.bytes,
    predicateType: VALIDATION_PREDICATE_TYPE,
    subject,
    created: formatCreated(created),
  });
  const pushed = await pushReferrer(repo, subject.digest, {
    manifest: art.manifestBytes,
    descriptor: art.manifestDescriptor,
    blobs: art.blobs.map((b) => ({ bytes: b.bytes, mediaType: b.descriptor.mediaType })),
  });
  return { digest: art.manifestDescriptor.digest, referrers: pushed.referrers };
}
