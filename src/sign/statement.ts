// The in-toto Statement that signs a compatibility artifact: subject = the artifact manifest,
// predicate = the image it describes, the spec blob, and where it was built. Building is pure
// (GitHub context comes in as options); parsing accepts Statement v1 and v0.1 (what cosign writes).

import { SignatureError } from '../errors.js';

/** Our predicate type: a compatibility artifact for an image (see docs/signing.md). */
export const COMPATIBILITY_PREDICATE_TYPE = 'https://image-compat.dev/compatibility/v1';
export const STATEMENT_V1 = 'https://in-toto.io/Statement/v1';
export const STATEMENT_V01 = 'https://in-toto.io/Statement/v0.1';
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

export interface ResourceDescriptor {
  name: string;
  digest: Record<string, string>;
}

export interface Statement<P = unknown> {
  _type: string;
  subject: ResourceDescriptor[];
  predicateType: string;
  predicate: P;
}

export interface SourceInfo {
  /** e.g. https://github.com/owner/repo */
  repository?: string;
  /** the commit SHA the artifact was built from */
  commit?: string;
  /** the workflow ref, e.g. owner/repo/.github/workflows/build.yml@refs/heads/main */
  workflow?: string;
}

export interface CompatibilityPredicate {
  image: { digest: string };
  spec: { digest: string; mediaType: string };
  source?: SourceInfo;
}

export interface CompatibilityStatementInput {
  /** The image repository or artifact reference named in the subject (no tag or digest needed). */
  subjectName: string;
  /** Digest of the compatibility artifact manifest, `sha256:<hex>`. */
  artifactDigest: string;
  /** Digest of the image (manifest or index) the artifact describes. */
  imageDigest: string;
  spec: { digest: string; mediaType: string };
  source?: SourceInfo;
}

const SHA256_DIGEST = /^sha256:([a-f0-9]{64})$/;

/** The hex part of a `sha256:<hex>` digest; other algorithms are not signed. */
export function sha256Hex(digest: string): string {
  const hex = SHA256_DIGEST.exec(digest)?.[1];
  if (!hex) throw new SignatureError(`not a sha256 digest: ${digest}`);
  return hex;
}

export function buildCompatibilityStatement(
  input: CompatibilityStatementInput,
): Statement<CompatibilityPredicate> {
  const predicate: CompatibilityPredicate = {
    image: { digest: input.imageDigest },
    spec: { digest: input.spec.digest, mediaType: input.spec.mediaType },
  };
  const source = compactSource(input.source);
  if (source) predicate.source = source;
  return {
    _type: STATEMENT_V1,
    subject: [{ name: input.subjectName, digest: { sha256: sha256Hex(input.artifactDigest) } }],
    predicateType: COMPATIBILITY_PREDICATE_TYPE,
    predicate,
  };
}

function compactSource(source: SourceInfo | undefined): SourceInfo | undefined {
  if (!source) return undefined;
  const out: SourceInfo = {};
  if (source.repository) out.repository = source.repository;
  if (source.commit) out.commit = source.commit;
  if (source.workflow) out.workflow = source.workflow;
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * Source info from GitHub Actions' default variables; the caller passes the environment in
 * (e.g. process.env at the edge). Returns undefined outside Actions.
 */
export function sourceFromGitHubEnv(env: Record<string, string | undefined>): SourceInfo | undefined {
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  return compactSource({
    repository: env.GITHUB_REPOSITORY ? `${server}/${env.GITHUB_REPOSITORY}` : undefined,
    commit: env.GITHUB_SHA,
    workflow: env.GITHUB_WORKFLOW_REF,
  });
}

export function serializeStatement(statement: Statement): Buffer {
  return Buffer.from(JSON.stringify(statement), 'utf8');
}

/** Parses an in-toto Statement v1 or v0.1; throws SignatureError on anything else. */
export function parseStatement(payload: Uint8Array): Statement {
  let doc: unknown;
  try {
    doc = JSON.parse(Buffer.from(payload).toString('utf8'));
  } catch {
    throw new SignatureError('the signed payload is not JSON');
  }
  if (typeof doc !== 'object' || doc === null) {
    throw new SignatureError('the signed payload is not an in-toto Statement');
  }
  const s = doc as Partial<Statement>;
  if (s._type !== STATEMENT_V1 && s._type !== STATEMENT_V01) {
    throw new SignatureError(`unsupported in-toto Statement type: ${String(s._type)}`);
  }
  if (!Array.isArray(s.subject) || typeof s.predicateType !== 'string') {
    throw new SignatureError('the in-toto Statement lacks subject or predicateType');
  }
  for (const [i, subject] of s.subject.entries()) {
    const d = (subject as Partial<ResourceDescriptor> | null)?.digest;
    if (typeof d !== 'object' || d === null) {
      throw new SignatureError(`the in-toto Statement's subject[${i}] has no digest`);
    }
  }
  return s as Statement;
}

/** Whether a subject of the statement names the manifest with this `sha256:<hex>` digest. */
export function statementCoversDigest(statement: Statement, digest: string): boolean {
  const hex = SHA256_DIGEST.exec(digest)?.[1];
  if (!hex) return false;
  return statement.subject.some((s) => s.digest.sha256?.toLowerCase() === hex);
}
