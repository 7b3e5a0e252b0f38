// Shared by the attach tests: read back what attach pushed (referrers, the signature bundle) with
// the registry client, and verify a pushed signature the way a validator does.
import { readFileSync } from 'node:fs';
import type { Descriptor, Repository } from '../../src/oci/index.js';
import { listReferrers, openRepository, parseReference } from '../../src/oci/index.js';
import { bundleLayerOf, SIGSTORE_BUNDLE_MEDIA_TYPE } from '../../src/sign/bundle-artifact.js';
import { checkCompatibilityPredicate, policyFromFlags, verifyBundle } from '../../src/sign/verify.js';
import type { PolicyFlags } from '../../src/sign/verify.js';

export const FIX = 'test/fixtures/commands';
export const SIGN_FIX = 'test/fixtures/sign';
export const COSIGN_PASSWORD = 'image-compat-test';

export function repoOf(image: string): Repository {
  return openRepository(parseReference(image), { plainHttp: true });
}

/** The signature bundles attached to an artifact manifest. */
export async function bundlesOf(repo: Repository, artifactDigest: string): Promise<Descriptor[]> {
  return listReferrers(repo, artifactDigest, { artifactType: SIGSTORE_BUNDLE_MEDIA_TYPE });
}

/** Fetches the bundle referrer `digest`, verifies it under `policy` and checks its predicate. */
export async function verifyPushed(
  repo: Repository,
  opts: { signature: string; artifact: string; subject: string; specBytes: Buffer; policy: PolicyFlags },
) {
  const got = await repo.getManifest(opts.signature);
  if (!got) throw new Error(`signature ${opts.signature} not found`);
  const layer = bundleLayerOf(JSON.parse(got.bytes.toString('utf8')));
  if (!layer) throw new Error('not a bundle manifest');
  const bytes = await repo.fetchBlob(layer, 1024 * 1024);
  const result = verifyBundle(bytes, { artifactDigest: opts.artifact, policy: policyFromFlags(opts.policy) });
  if (!result.ok) return { result, predicate: undefined };
  return {
    result,
    predicate: checkCompatibilityPredicate(result.statement, {
      spec: opts.specBytes,
      imageDigest: opts.subject,
    }),
  };
}

export const publicKey = (file: string) => readFileSync(`${SIGN_FIX}/${file}`, 'utf8');
