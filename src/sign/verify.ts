// Offline verification of a compatibility artifact's Sigstore bundle with @sigstore/verify (never
// the top-level sigstore.verify, which refreshes TUF metadata over the network). The result says
// WHY a bundle fails, in three classes the caller maps to exit codes:
//   unsigned  - no bundle at all;
//   integrity - the bundle contradicts itself or the artifact (bad envelope signature, subject
//               digest that is not the fetched manifest): tampering, always exit 4;
//   policy    - authentic but not from whom the policy expects (wrong key, identity, issuer,
//               untrusted CA or log): exit 4 only with --require-signature.

import { createHash, createPublicKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { bundleFromJSON, isBundleWithDsseEnvelope } from '@sigstore/bundle';
import type { Bundle } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { PolicyError, VerificationError, Verifier, toSignedEntity, toTrustMaterial } from '@sigstore/verify';
import type { SignedEntity, Signer } from '@sigstore/verify';
import { InputError, SignatureError } from '../errors.js';
import { loadPublicKey } from './keys.js';
import type { VerificationKey } from './keys.js';
import {
  COMPATIBILITY_PREDICATE_TYPE,
  IN_TOTO_PAYLOAD_TYPE,
  parseStatement,
  statementCoversDigest,
} from './statement.js';
import type { CompatibilityPredicate, Statement } from './statement.js';
import { setting } from '../settings.js';
import { compileRE2, rethrowEngineError } from '../spec/values.js';

/** Who must have signed: a public key, or a certificate identity under a trusted root. */
export type VerificationPolicy = KeyPolicy | IdentityPolicy;

export interface KeyPolicy {
  kind: 'key';
  key: VerificationKey;
}

export interface IdentityPolicy {
  kind: 'identity';
  /** Exact subject alternative name (e.g. a workflow URL or an email). */
  certificateIdentity?: string;
  /** RE2 pattern, unanchored like cosign's --certificate-identity-regexp. */
  certificateIdentityRegexp?: string;
  /** Exact OIDC issuer, e.g. https://token.actions.githubusercontent.com */
  certificateOidcIssuer: string;
  trustedRoot: TrustedRoot;
  /** More instances to trust (the other lines of a JSON Lines trusted root file). */
  otherTrustedRoots?: TrustedRoot[];
  /** Where the trusted root came from, for messages (e.g. "trusted root root.json"). */
  trustedRootSource?: string;
  /** The trusted root is the public-good instance's (not a file): failures hint at --trusted-root. */
  publicGood?: boolean;
}

/** A trusted root with where it came from: a file, a TUF refresh, the TUF cache or the embedded seed. */
export interface LoadedTrustedRoot {
  trustedRoot: TrustedRoot;
  source: 'file' | 'tuf' | 'cache' | 'seed';
  description: string;
  /** More instances (the other lines of a JSON Lines file). */
  otherTrustedRoots?: TrustedRoot[];
}

export type FailureClass = 'unsigned' | 'integrity' | 'policy';

export type FailureReason =
  | 'unsigned'
  | 'malformed-bundle'
  | 'envelope-signature'
  | 'subject-mismatch'
  | 'spec-mismatch'
  | 'image-mismatch'
  | 'transparency-log-mismatch'
  | 'wrong-key'
  | 'wrong-identity'
  | 'wrong-issuer'
  | 'untrusted-signer'
  | 'wrong-predicate-type'
  | 'no-policy';

const CLASS_OF: Record<FailureReason, FailureClass> = {
  unsigned: 'unsigned',
  'malformed-bundle': 'integrity',
  'envelope-signature': 'integrity',
  'subject-mismatch': 'integrity',
  'spec-mismatch': 'integrity',
  'image-mismatch': 'integrity',
  'transparency-log-mismatch': 'integrity',
  'wrong-key': 'policy',
  'wrong-identity': 'policy',
  'wrong-issuer': 'policy',
  'untrusted-signer': 'policy',
  'wrong-predicate-type': 'policy',
  'no-policy': 'policy',
};

export type SignerInfo =
  { kind: 'key'; hint: string } | { kind: 'certificate'; identity: string; issuer: string };

export type VerifyResult =
  | { ok: true; statement: Statement; signer: SignerInfo }
  | { ok: false; class: FailureClass; reason: FailureReason; message: string };

export interface VerifyOptions {
  /** Digest of the compatibility artifact manifest actually fetched, `sha256:<hex>`. */
  artifactDigest: string;
  /** Without a policy only integrity is checked (certificate bundles) and the result is a policy failure. */
  policy?: VerificationPolicy;
  /** Expected predicate type; ours by default. */
  predicateType?: string;
}

function fail(reason: FailureReason, message: string): VerifyResult {
  return { ok: false, class: CLASS_OF[reason], reason, message };
}

/**
 * Verifies a bundle (its stored bytes, or undefined when the artifact has none) against the
 * artifact digest and the policy. Never throws for a bad bundle: the result says why.
 */
export function verifyBundle(bytes: Uint8Array | undefined, opts: VerifyOptions): VerifyResult {
  if (!bytes) return fail('unsigned', 'the compatibility artifact has no signature');
  let bundle: Bundle;
  let entity: SignedEntity;
  try {
    bundle = bundleFromJSON(JSON.parse(Buffer.from(bytes).toString('utf8')));
    entity = toSignedEntity(bundle);
  } catch (err) {
    return fail('malformed-bundle', `not a Sigstore bundle: ${(err as Error).message}`);
  }
  if (!isBundleWithDsseEnvelope(bundle)) {
    return fail('malformed-bundle', 'the bundle holds no DSSE envelope');
  }
  const envelope = bundle.content.dsseEnvelope;
  if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    return fail('malformed-bundle', `unexpected DSSE payloadType ${envelope.payloadType}`);
  }

  // 1. Integrity: does the envelope signature verify with the key the bundle names? Content is
  // only judged (integrity failures, exit 4) once a signature over it has verified.
  const integrityKey = signingKeyOf(entity, opts.policy);
  if (integrityKey.kind === 'mismatch') return fail('wrong-key', integrityKey.message);
  if (integrityKey.kind === 'unverifiable') {
    return opts.policy
      ? fail('wrong-key', integrityKey.message)
      : fail('no-policy', `${integrityKey.message}; no ${setting('public-key')} given to verify it`);
  }
  if (!entity.signature.verifySignature(integrityKey.key)) {
    return fail('envelope-signature', 'the DSSE envelope signature does not verify: the payload was altered');
  }

  // 2. The statement must be about the manifest we fetched.
  let statement: Statement;
  try {
    statement = parseStatement(envelope.payload);
  } catch (err) {
    return fail('malformed-bundle', (err as Error).message);
  }
  if (!statementCoversDigest(statement, opts.artifactDigest)) {
    const got = statement.subject.map((s) => `sha256:${s.digest.sha256 ?? '?'}`).join(', ');
    return fail(
      'subject-mismatch',
      `the signed statement is about ${got}, not the fetched artifact ${opts.artifactDigest}`,
    );
  }
  const wantType = opts.predicateType ?? COMPATIBILITY_PREDICATE_TYPE;
  if (statement.predicateType !== wantType) {
    return fail('wrong-predicate-type', `predicateType ${statement.predicateType}, expected ${wantType}`);
  }

  // 3. Trust and policy.
  if (!opts.policy) {
    return fail(
      'no-policy',
      `no verification policy (${setting('public-key')} or ${setting('certificate-identity')}) given`,
    );
  }
  return opts.policy.kind === 'key'
    ? verifyWithKey(entity, opts.policy, statement)
    : verifyWithIdentity(entity, opts.policy, statement);
}

type IntegrityKey =
  | { kind: 'key'; key: KeyObject }
  | { kind: 'mismatch'; message: string }
  | { kind: 'unverifiable'; message: string };

/**
 * The key that must verify the envelope: a certificate carries its own; a key-signed bundle only
 * a hint, so the policy's key is used when the hint names it (or is absent).
 */
function signingKeyOf(entity: SignedEntity, policy: VerificationPolicy | undefined): IntegrityKey {
  if (entity.key.$case === 'certificate') {
    return {
      kind: 'key',
      key: createPublicKey({ key: entity.key.certificate.publicKey, format: 'der', type: 'spki' }),
    };
  }
  const hint = entity.key.hint;
  if (policy?.kind !== 'key') {
    return {
      kind: 'unverifiable',
      message: `signed with a key (hint ${hint || 'none'})${policy ? '; the policy expects a certificate identity' : ''}`,
    };
  }
  if (hint && hint !== policy.key.hint) {
    return {
      kind: 'mismatch',
      message: `signed with key ${hint}, the policy expects key ${policy.key.hint}`,
    };
  }
  return { kind: 'key', key: policy.key.publicKey };
}

const EMPTY_TRUSTED_ROOT: TrustedRoot = TrustedRoot.fromJSON({
  mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
  tlogs: [],
  certificateAuthorities: [],
  ctlogs: [],
  timestampAuthorities: [],
});

function verifyWithKey(entity: SignedEntity, policy: KeyPolicy, statement: Statement): VerifyResult {
  if (entity.key.$case !== 'public-key') {
    return fail(
      'wrong-key',
      `signed with a certificate; the policy expects a public key (${setting('public-key')})`,
    );
  }
  const trust = toTrustMaterial(EMPTY_TRUSTED_ROOT, () => ({
    publicKey: policy.key.publicKey,
    validFor: () => true,
  }));
  const verifier = new Verifier(trust, { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 });
  const outcome = runVerifier(verifier, entity);
  if (outcome) return outcome;
  return { ok: true, statement, signer: { kind: 'key', hint: policy.key.hint } };
}

function verifyWithIdentity(
  entity: SignedEntity,
  policy: IdentityPolicy,
  statement: Statement,
): VerifyResult {
  if (entity.key.$case !== 'certificate') {
    return fail('wrong-key', 'signed with a key; the policy expects a certificate identity');
  }
  let signer: Signer | undefined;
  const failures: VerifyResult[] = [];
  for (const root of [policy.trustedRoot, ...(policy.otherTrustedRoots ?? [])]) {
    const got = verifyUnder(root, entity, policy);
    if ('signer' in got) {
      signer = got.signer;
      break;
    }
    failures.push(got.failure);
  }
  if (!signer) {
    // Several instances: the one the certificate chains to says what is wrong.
    return failures.find((f) => !f.ok && !f.message.includes('(CERTIFICATE_ERROR')) ?? failures[0]!;
  }
  const identity = signer.identity?.subjectAlternativeName ?? '';
  const issuer = signer.identity?.extensions?.issuer ?? '';
  if (issuer !== policy.certificateOidcIssuer) {
    return fail(
      'wrong-issuer',
      `certificate OIDC issuer ${issuer || '(none)'}, expected ${policy.certificateOidcIssuer}`,
    );
  }
  if (policy.certificateIdentity !== undefined && identity !== policy.certificateIdentity) {
    return fail(
      'wrong-identity',
      `certificate identity ${identity || '(none)'}, expected ${policy.certificateIdentity}`,
    );
  }
  if (
    policy.certificateIdentityRegexp !== undefined &&
    !compileRE2(policy.certificateIdentityRegexp).test(identity)
  ) {
    return fail(
      'wrong-identity',
      `certificate identity ${identity || '(none)'} does not match ${policy.certificateIdentityRegexp}`,
    );
  }
  return { ok: true, statement, signer: { kind: 'certificate', identity, issuer } };
}

/**
 * The CA chain (or a log, a timestamp) is not the trusted root's: say which trusted root, and
 * for the public-good one how to trust another instance.
 */
function untrustedSigner(err: unknown, policy: IdentityPolicy): VerifyResult | undefined {
  if (!(err instanceof VerificationError) || !/^(CERTIFICATE|TLOG|TIMESTAMP)/.test(err.code)) {
    return undefined;
  }
  const root = policy.trustedRootSource ?? 'trusted root';
  const what =
    err.code === 'CERTIFICATE_ERROR'
      ? `the signer's certificate does not chain to a certificate authority of the ${root}`
      : `the signature's transparency log entry or timestamp is not trusted by the ${root}`;
  const hint = policy.publicGood
    ? "; a signature from another Sigstore instance (GitHub's for private repositories, " +
      `fulcio.githubapp.com, or a private Fulcio) needs that instance's trusted root: ${setting('trusted-root')}`
    : '';
  return fail('untrusted-signer', `${what} (${err.code}: ${err.message})${hint}`);
}

/** Verifies the entity under one trusted root (one Sigstore instance). */
function verifyUnder(
  root: TrustedRoot,
  entity: SignedEntity,
  policy: IdentityPolicy,
): { signer: Signer } | { failure: VerifyResult } {
  const trust = toTrustMaterial(root);
  // A certificate lives minutes: a verified time (Rekor entry or RFC 3161 timestamp) is required.
  // Rekor entries present are always checked; SCTs are required when the root lists CT logs.
  const verifier = new Verifier(trust, {
    tlogThreshold: 0,
    ctlogThreshold: root.ctlogs.length > 0 ? 1 : 0,
    timestampThreshold: 1,
  });
  try {
    return { signer: verifier.verify(entity) };
  } catch (err) {
    return { failure: untrustedSigner(err, policy) ?? classify(err) };
  }
}

function runVerifier(verifier: Verifier, entity: SignedEntity): VerifyResult | undefined {
  try {
    verifier.verify(entity);
    return undefined;
  } catch (err) {
    return classify(err);
  }
}

function classify(err: unknown): VerifyResult {
  const message = (err as Error).message ?? String(err);
  if (err instanceof VerificationError) {
    switch (err.code) {
      case 'SIGNATURE_ERROR':
        return fail('envelope-signature', `the DSSE envelope signature does not verify: ${message}`);
      case 'TLOG_BODY_ERROR':
        return fail('transparency-log-mismatch', `the Rekor entry is not for this signature: ${message}`);
      case 'PUBLIC_KEY_ERROR':
        return fail('wrong-key', message);
      default:
        return fail('untrusted-signer', `${err.code}: ${message}`);
    }
  }
  if (err instanceof PolicyError) return fail('untrusted-signer', message);
  return fail('malformed-bundle', message);
}

export type PredicateCheck = { ok: true } | Extract<VerifyResult, { ok: false }>;

/**
 * Checks a verified compatibility statement against what was fetched: the spec blob's bytes must
 * hash to the signed spec digest (a swapped or altered spec blob is tampering), and the image the
 * artifact is attached to must be the signed image digest.
 */
export function checkCompatibilityPredicate(
  statement: Statement,
  fetched: { spec?: Uint8Array; imageDigest?: string },
): PredicateCheck {
  const predicate = statement.predicate as Partial<CompatibilityPredicate> | undefined;
  if (fetched.spec !== undefined) {
    const signed = predicate?.spec?.digest;
    const actual = `sha256:${createHash('sha256').update(fetched.spec).digest('hex')}`;
    if (signed !== actual) {
      return fail(
        'spec-mismatch',
        `the spec blob is ${actual}, the signature covers ${signed ?? 'no spec'}`,
      ) as PredicateCheck;
    }
  }
  if (fetched.imageDigest !== undefined && predicate?.image?.digest !== fetched.imageDigest) {
    return fail(
      'image-mismatch',
      `the artifact is attached to ${fetched.imageDigest}, the signature covers image ${predicate?.image?.digest ?? '(none)'}`,
    ) as PredicateCheck;
  }
  return { ok: true };
}

/** Throws the SignatureError (exit 4) for a failed result; returns the statement otherwise. */
export function assertVerified(result: VerifyResult, what = 'compatibility artifact'): Statement {
  if (result.ok) return result.statement;
  throw new SignatureError(`${what}: ${result.reason}: ${result.message}`);
}

/** The exit-4 rule: integrity failures always fail; policy failures only when required. */
export function mustFail(result: VerifyResult, requireSignature: boolean): boolean {
  if (result.ok) return false;
  return result.class === 'integrity' || requireSignature;
}

/**
 * Parses a trusted root (JSON TrustedRoot, e.g. from `cosign trusted-root create` or TUF), or the
 * JSON Lines of `gh attestation trusted-root` (one TrustedRoot per instance: public-good and
 * GitHub's). Each instance stays its own root: a signature must verify under one of them.
 */
export function parseTrustedRoots(text: string, file = 'trusted root'): TrustedRoot[] {
  let docs: unknown[];
  try {
    docs = [JSON.parse(text)];
  } catch (err) {
    const lines = text.split('\n').map((l, i) => ({ line: i + 1, text: l.trim() }));
    const filled = lines.filter((l) => l.text !== '');
    if (filled.length < 2) throw new InputError(`not JSON: ${(err as Error).message}`, { file });
    docs = filled.map((l) => {
      try {
        return JSON.parse(l.text) as unknown;
      } catch (lineErr) {
        throw new InputError(`not JSON (nor JSON Lines): ${(lineErr as Error).message}`, {
          file,
          line: l.line,
        });
      }
    });
  }
  const roots = docs.map((doc, i) => {
    const media = (doc as { mediaType?: unknown } | null)?.mediaType;
    if (typeof media !== 'string' || !media.startsWith('application/vnd.dev.sigstore.trustedroot')) {
      throw new InputError('not a Sigstore trusted root', {
        file,
        path: docs.length > 1 ? `[${i}].mediaType` : 'mediaType',
      });
    }
    try {
      return TrustedRoot.fromJSON(doc);
    } catch (err) {
      throw new InputError(`bad trusted root: ${(err as Error).message}`, { file });
    }
  });
  return roots;
}

/** One trusted root (a JSON TrustedRoot, or the first line of JSON Lines). */
export function parseTrustedRoot(text: string, file = 'trusted root'): TrustedRoot {
  return parseTrustedRoots(text, file)[0]!;
}

export interface PolicyFlags {
  /** PEM text of --key */
  key?: string;
  keySource?: string;
  certificateIdentity?: string;
  certificateIdentityRegexp?: string;
  certificateOidcIssuer?: string;
  /** JSON text of --trusted-root */
  trustedRoot?: string;
  trustedRootSource?: string;
  /** The trusted root to use when no --trusted-root text is given (see sign/trust.ts). */
  defaultTrustedRoot?: LoadedTrustedRoot;
}

/**
 * Which policy the flags ask for, checking their combinations (InputError, exit 2) before any
 * key is read or trusted root fetched; undefined when no policy flag was given.
 */
export function policyKind(flags: PolicyFlags): 'key' | 'identity' | undefined {
  const identityGiven =
    flags.certificateIdentity !== undefined ||
    flags.certificateIdentityRegexp !== undefined ||
    flags.certificateOidcIssuer !== undefined;
  if (flags.key !== undefined) {
    if (identityGiven)
      throw new InputError(
        `${setting('public-key')} cannot be combined with ${setting('certificate-identity')}, ${setting('certificate-identity-regexp')} or ${setting('certificate-oidc-issuer')}`,
      );
    return 'key';
  }
  if (!identityGiven) return undefined;
  if (flags.certificateIdentity !== undefined && flags.certificateIdentityRegexp !== undefined) {
    throw new InputError(
      `give ${setting('certificate-identity')} or ${setting('certificate-identity-regexp')}, not both`,
    );
  }
  if (flags.certificateIdentity === undefined && flags.certificateIdentityRegexp === undefined) {
    throw new InputError(
      `${setting('certificate-identity')} or ${setting('certificate-identity-regexp')} is required`,
    );
  }
  if (!flags.certificateOidcIssuer) throw new InputError(`${setting('certificate-oidc-issuer')} is required`);
  if (flags.certificateIdentityRegexp !== undefined) {
    try {
      compileRE2(flags.certificateIdentityRegexp);
    } catch (err) {
      rethrowEngineError(err);
      throw new InputError(`${setting('certificate-identity-regexp')}: ${(err as Error).message}`);
    }
  }
  return 'identity';
}

/**
 * Builds the policy from CLI flags (texts already read by the caller); undefined when no policy
 * flag was given. Bad combinations are InputError (exit 2). A keyless policy needs the trusted
 * root file's text or a loaded trusted root (sign/trust.ts resolvePolicy loads the public-good one).
 */
export function policyFromFlags(flags: PolicyFlags): VerificationPolicy | undefined {
  const kind = policyKind(flags);
  if (kind === undefined) return undefined;
  if (kind === 'key')
    return { kind: 'key', key: loadPublicKey(flags.key!, flags.keySource ?? setting('public-key')) };
  let policy: IdentityPolicy;
  if (flags.trustedRoot !== undefined) {
    const [first, ...others] = parseTrustedRoots(flags.trustedRoot, flags.trustedRootSource);
    policy = {
      kind: 'identity',
      certificateOidcIssuer: flags.certificateOidcIssuer!,
      trustedRoot: first!,
      trustedRootSource: `trusted root ${flags.trustedRootSource ?? setting('trusted-root')}`,
    };
    if (others.length > 0) policy.otherTrustedRoots = others;
  } else if (flags.defaultTrustedRoot !== undefined) {
    const loaded = flags.defaultTrustedRoot;
    policy = {
      kind: 'identity',
      certificateOidcIssuer: flags.certificateOidcIssuer!,
      trustedRoot: loaded.trustedRoot,
      trustedRootSource: loaded.description,
      publicGood: loaded.source !== 'file',
    };
    if (loaded.otherTrustedRoots?.length) policy.otherTrustedRoots = loaded.otherTrustedRoots;
  } else {
    throw new InputError(`${setting('trusted-root')} is required for offline certificate verification`);
  }
  if (flags.certificateIdentity !== undefined) policy.certificateIdentity = flags.certificateIdentity;
  if (flags.certificateIdentityRegexp !== undefined) {
    policy.certificateIdentityRegexp = flags.certificateIdentityRegexp;
  }
  return policy;
}
