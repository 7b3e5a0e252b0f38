// Test helper: attach a spec to an image (src/commands/attach) and sign the attached compatibility
// artifact the way `attach --sign` does (a Sigstore bundle referrer of the artifact manifest),
// with hooks to forge what an attacker with push rights could push (an altered statement, altered
// bundle bytes, a bundle pointed at another manifest).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { attach } from '../../src/commands/attach.js';
import type { AttachedArtifact } from '../../src/commands/attach.js';
import {
  addToFallbackIndex,
  openRepository,
  parseReference,
  referrersApiSupported,
} from '../../src/oci/index.js';
import type { Descriptor, ImageManifest } from '../../src/oci/index.js';
import { buildBundleArtifact } from '../../src/sign/bundle-artifact.js';
import { signStatement } from '../../src/sign/sign.js';
import type { SignWith } from '../../src/sign/sign.js';
import { buildCompatibilityStatement, COMPATIBILITY_PREDICATE_TYPE } from '../../src/sign/statement.js';
import type { Statement } from '../../src/sign/statement.js';

export async function attachSpec(
  image: string,
  specText: string,
  dir: string,
  opts: { platform?: string; now?: Date } = {},
): Promise<AttachedArtifact[]> {
  const file = path.join(dir, `spec-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, specText);
  return attach({
    image,
    specFile: file,
    plainHttp: true,
    settleMs: 0,
    ...(opts.platform !== undefined && { platform: opts.platform }),
    ...(opts.now && { now: () => opts.now! }),
  });
}

export interface SignHooks {
  /** Change the statement before it is signed (a signer that lies, or a stale predicate). */
  statement?: (s: Statement) => Statement;
  /** Change the bundle bytes after signing (tampering with the payload). */
  bundle?: (bytes: Buffer) => Buffer;
  /** Attach the bundle to this manifest instead of the signed one (a reused signature). */
  attachTo?: Descriptor;
}

/** Signs an attached artifact and pushes the bundle referrer; returns the bundle manifest digest. */
export async function signAttached(
  attached: AttachedArtifact,
  how: SignWith,
  hooks: SignHooks = {},
): Promise<string> {
  const ref = parseReference(attached.artifact);
  const repo = openRepository(ref, { plainHttp: true });
  const got = await repo.getManifest(attached.artifactDescriptor.digest);
  const manifest = JSON.parse(got!.bytes.toString('utf8')) as ImageManifest;
  const layer = manifest.layers[0]!;
  let statement: Statement = buildCompatibilityStatement({
    subjectName: `${ref.registry}/${ref.repository}`,
    artifactDigest: attached.artifactDescriptor.digest,
    imageDigest: attached.subjectDescriptor.digest,
    spec: { digest: layer.digest, mediaType: layer.mediaType },
  });
  if (hooks.statement) statement = hooks.statement(statement);
  const signed = await signStatement(statement, how);
  let bytes: Buffer = Buffer.from(signed.bytes);
  if (hooks.bundle) bytes = hooks.bundle(bytes);
  const target = hooks.attachTo ?? attached.artifactDescriptor;
  const art = buildBundleArtifact({
    bundle: bytes,
    predicateType: COMPATIBILITY_PREDICATE_TYPE,
    subject: target,
    created: new Date().toISOString(),
  });
  for (const b of art.blobs) await repo.pushBlob(b.bytes, b.descriptor.mediaType);
  await repo.putManifest(art.manifestDescriptor.digest, art.manifestBytes, art.manifestDescriptor.mediaType);
  if (!(await referrersApiSupported(repo, target.digest))) {
    await addToFallbackIndex(repo, target.digest, art.manifestDescriptor, { settleMs: 0 });
  }
  return art.manifestDescriptor.digest;
}

/** Alters the DSSE payload of a bundle (keeps the signature): the envelope no longer verifies. */
export function alterPayload(bytes: Buffer): Buffer {
  const bundle = JSON.parse(bytes.toString('utf8')) as { dsseEnvelope: { payload: string } };
  const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8')) as {
    predicate: { spec: { digest: string } };
  };
  statement.predicate.spec.digest = `sha256:${'0'.repeat(64)}`;
  bundle.dsseEnvelope.payload = Buffer.from(JSON.stringify(statement)).toString('base64');
  return Buffer.from(JSON.stringify(bundle));
}
