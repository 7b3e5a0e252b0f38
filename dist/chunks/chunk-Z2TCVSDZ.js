import {
  checkCompatibilityPredicate,
  verifyBundle
} from "./chunk-NB5YO7E2.js";
import {
  bundleLayerOf,
  bundleReferrerKind
} from "./chunk-PSPC2OAQ.js";
import {
  parseStatement
} from "./chunk-BDXOAHXW.js";
import {
  compatibilityCandidates,
  fetchListedArtifact,
  formatReference,
  listReferrers,
  warnGone,
  withDigest
} from "./chunk-5POD2GZZ.js";
import {
  formatPlatform
} from "./chunk-ARJZT3GV.js";

// src/commands/artifact-selection.ts
var MAX_BUNDLE_BYTES = 1024 * 1024;
async function fetchBundles(repo, artifactDigest) {
  const referrers = await listReferrers(repo, artifactDigest);
  const bundles = [];
  for (const entry of referrers) {
    if (bundleReferrerKind(entry) === "no") continue;
    const got = await repo.getManifest(entry.digest);
    if (!got) continue;
    const layer = bundleLayerOf(got.json);
    if (!layer) continue;
    bundles.push(await repo.fetchBlob(layer, MAX_BUNDLE_BYTES));
  }
  return bundles;
}
function certificateBundle(bytes) {
  try {
    const vm = JSON.parse(bytes.toString("utf8")).verificationMaterial;
    return Boolean(vm?.certificate ?? vm?.x509CertificateChain);
  } catch {
    return false;
  }
}
function payloadOf(bytes) {
  try {
    const b = JSON.parse(bytes.toString("utf8"));
    return b.dsseEnvelope?.payload ? Buffer.from(b.dsseEnvelope.payload, "base64") : void 0;
  } catch {
    return void 0;
  }
}
function judgeBundle(bytes, fetched, imageDigest, policy) {
  const result = verifyBundle(bytes, {
    artifactDigest: fetched.artifact.digest,
    ...policy && { policy }
  });
  const check = { spec: fetched.specBytes, imageDigest };
  if (result.ok) {
    const predicate = checkCompatibilityPredicate(result.statement, check);
    return predicate.ok ? result : predicate;
  }
  if (result.reason === "no-policy" && certificateBundle(bytes)) {
    const payload = payloadOf(bytes);
    if (payload) {
      try {
        const predicate = checkCompatibilityPredicate(parseStatement(payload), check);
        if (!predicate.ok) return predicate;
      } catch {
      }
    }
  }
  return result;
}
async function checkArtifactSignature(repo, fetched, imageDigest, policy) {
  const bundles = await fetchBundles(repo, fetched.artifact.digest);
  if (bundles.length === 0) return verifyBundle(void 0, { artifactDigest: fetched.artifact.digest });
  const results = bundles.map((b) => judgeBundle(b, fetched, imageDigest, policy));
  return results.find((r) => r.ok) ?? results.find((r) => !r.ok && r.class === "integrity") ?? results[0];
}
async function selectArtifact(repo, resolved, opts) {
  const candidates = await compatibilityCandidates(repo, resolved);
  const base = {
    subject: resolved.descriptor,
    ...resolved.platform && { platform: resolved.platform },
    artifacts: candidates.map((c) => c.artifact)
  };
  const ignored = [];
  for (const { artifact, subject, attachedTo } of candidates) {
    const fetched = await fetchListedArtifact(repo, artifact);
    if (!fetched) {
      warnGone(repo, artifact);
      continue;
    }
    const signature = await checkArtifactSignature(repo, fetched, subject.digest, opts.policy);
    if (!opts.requireSignature || signature.ok)
      return { ...base, chosen: { ...fetched, signature, attachedTo }, ignored };
    ignored.push({
      artifact,
      ...fetched.created !== void 0 && { created: fetched.created },
      attachedTo,
      failure: signature
    });
  }
  return { ...base, ignored };
}
function describeSubject(reference, s) {
  const ref = formatReference(withDigest(reference, s.subject.digest));
  return `${ref}${s.platform ? ` (${formatPlatform(s.platform)})` : ""}`;
}

export {
  fetchBundles,
  checkArtifactSignature,
  selectArtifact,
  describeSubject
};
