// Which compatibility artifact of an image to trust: list a platform manifest's artifacts newest
// first (NFD's order), then its index's (the platform manifest's newest wins, else the index's), fetch one (its spec blob verified against its digest), find its Sigstore
// bundles (referrers of the artifact manifest: ours by artifactType, cosign's listed as
// `application/vnd.oci.empty.v1+json` and recognised by fetching the manifest) and verify them
// against the policy, the artifact digest, the spec bytes and the image digest. Shared by
// `validate --image` and `verify`; no printing.
import {
  compatibilityCandidates,
  fetchListedArtifact,
  formatPlatform,
  formatReference,
  listReferrers,
  warnGone,
  withDigest,
} from '../oci/index.js';
import type {
  AttachedTo,
  Descriptor,
  FetchedCompatibilityArtifact,
  Platform,
  Reference,
  Repository,
  ResolvedManifest,
} from '../oci/index.js';
import { bundleLayerOf, bundleReferrerKind } from '../sign/bundle-artifact.js';
import { parseStatement } from '../sign/statement.js';
import { checkCompatibilityPredicate, verifyBundle } from '../sign/verify.js';
import type { VerificationPolicy, VerifyResult } from '../sign/verify.js';

/** The most bytes of a Sigstore bundle we read. */
const MAX_BUNDLE_BYTES = 1024 * 1024;

/** The stored bytes of every Sigstore bundle attached to the artifact manifest. */
export async function fetchBundles(repo: Repository, artifactDigest: string): Promise<Buffer[]> {
  const referrers = await listReferrers(repo, artifactDigest);
  const bundles: Buffer[] = [];
  for (const entry of referrers) {
    if (bundleReferrerKind(entry) === 'no') continue;
    const got = await repo.getManifest(entry.digest);
    if (!got) continue;
    const layer = bundleLayerOf(got.json);
    if (!layer) continue;
    bundles.push(await repo.fetchBlob(layer, MAX_BUNDLE_BYTES));
  }
  return bundles;
}

/** Whether a bundle carries a certificate (its envelope signature is checkable without a policy). */
function certificateBundle(bytes: Buffer): boolean {
  try {
    const vm = (JSON.parse(bytes.toString('utf8')) as { verificationMaterial?: Record<string, unknown> })
      .verificationMaterial;
    return Boolean(vm?.certificate ?? vm?.x509CertificateChain);
  } catch {
    return false;
  }
}

function payloadOf(bytes: Buffer): Buffer | undefined {
  try {
    const b = JSON.parse(bytes.toString('utf8')) as { dsseEnvelope?: { payload?: string } };
    return b.dsseEnvelope?.payload ? Buffer.from(b.dsseEnvelope.payload, 'base64') : undefined;
  } catch {
    return undefined;
  }
}

/** One bundle judged against everything fetched: the envelope, the subject, the spec and the image. */
function judgeBundle(
  bytes: Buffer,
  fetched: FetchedCompatibilityArtifact,
  imageDigest: string,
  policy: VerificationPolicy | undefined,
): VerifyResult {
  const result = verifyBundle(bytes, {
    artifactDigest: fetched.artifact.digest,
    ...(policy && { policy }),
  });
  const check = { spec: fetched.specBytes, imageDigest };
  if (result.ok) {
    const predicate = checkCompatibilityPredicate(result.statement, check);
    return predicate.ok ? result : predicate;
  }
  // Without a policy a certificate bundle's envelope and subject are still verified (no-policy is
  // reached only after them): its predicate can then be held against what was fetched too.
  if (result.reason === 'no-policy' && certificateBundle(bytes)) {
    const payload = payloadOf(bytes);
    if (payload) {
      try {
        const predicate = checkCompatibilityPredicate(parseStatement(payload), check);
        if (!predicate.ok) return predicate;
      } catch {
        // a payload that does not parse was already reported by verifyBundle
      }
    }
  }
  return result;
}

/**
 * The artifact's signature verdict: ok when one bundle passes; else an integrity failure
 * (tampering) when a bundle contradicts the artifact; else the policy failure; else unsigned.
 */
export async function checkArtifactSignature(
  repo: Repository,
  fetched: FetchedCompatibilityArtifact,
  imageDigest: string,
  policy: VerificationPolicy | undefined,
): Promise<VerifyResult> {
  const bundles = await fetchBundles(repo, fetched.artifact.digest);
  if (bundles.length === 0) return verifyBundle(undefined, { artifactDigest: fetched.artifact.digest });
  const results = bundles.map((b) => judgeBundle(b, fetched, imageDigest, policy));
  return (
    results.find((r) => r.ok) ??
    results.find((r) => !r.ok && r.class === 'integrity') ??
    (results[0] as VerifyResult)
  );
}

export type Failure = Extract<VerifyResult, { ok: false }>;

export interface IgnoredArtifact {
  artifact: Descriptor;
  created?: string;
  attachedTo: AttachedTo;
  failure: Failure;
}

export interface SelectedArtifact {
  subject: Descriptor;
  platform?: Platform;
  /** Every compatibility artifact of the platform manifest, newest first, then its index's. */
  artifacts: Descriptor[];
  /** The chosen one (absent when none qualifies). */
  chosen?: FetchedCompatibilityArtifact & { signature: VerifyResult; attachedTo: AttachedTo };
  /** Newer artifacts passed over because their signature did not pass the policy. */
  ignored: IgnoredArtifact[];
}

/**
 * Picks a subject's artifact. Without `requireSignature`: the newest (NFD's pick), its signature
 * checked for the record. With it: the newest whose signature passes the policy; the newer ones
 * are listed in `ignored` with the reason.
 */
export async function selectArtifact(
  repo: Repository,
  resolved: ResolvedManifest,
  opts: { policy?: VerificationPolicy; requireSignature: boolean },
): Promise<SelectedArtifact> {
  const candidates = await compatibilityCandidates(repo, resolved);
  const base = {
    subject: resolved.descriptor,
    ...(resolved.platform && { platform: resolved.platform }),
    artifacts: candidates.map((c) => c.artifact),
  };
  const ignored: IgnoredArtifact[] = [];
  for (const { artifact, subject, attachedTo } of candidates) {
    const fetched = await fetchListedArtifact(repo, artifact);
    // Listed but gone (a removed referrer the index still names): no spec to judge, skipped and said.
    if (!fetched) {
      warnGone(repo, artifact);
      continue;
    }
    // A signature over an index's artifact names the index as the image.
    const signature = await checkArtifactSignature(repo, fetched, subject.digest, opts.policy);
    if (!opts.requireSignature || signature.ok)
      return { ...base, chosen: { ...fetched, signature, attachedTo }, ignored };
    ignored.push({
      artifact,
      ...(fetched.created !== undefined && { created: fetched.created }),
      attachedTo,
      failure: signature as Failure,
    });
  }
  return { ...base, ignored };
}

/** `image@digest (os/arch)` for messages. */
export function describeSubject(
  reference: Reference,
  s: { subject: Descriptor; platform?: Platform },
): string {
  const ref = formatReference(withDigest(reference, s.subject.digest));
  return `${ref}${s.platform ? ` (${formatPlatform(s.platform)})` : ''}`;
}
