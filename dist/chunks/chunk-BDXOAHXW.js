import {
  SignatureError
} from "./chunk-TS22JX7Z.js";

// src/sign/statement.ts
var COMPATIBILITY_PREDICATE_TYPE = "https://image-compat.dev/compatibility/v1";
var STATEMENT_V1 = "https://in-toto.io/Statement/v1";
var STATEMENT_V01 = "https://in-toto.io/Statement/v0.1";
var IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";
var SHA256_DIGEST = /^sha256:([a-f0-9]{64})$/;
function sha256Hex(digest) {
  const hex = SHA256_DIGEST.exec(digest)?.[1];
  if (!hex) throw new SignatureError(`not a sha256 digest: ${digest}`);
  return hex;
}
function buildCompatibilityStatement(input) {
  const predicate = {
    image: { digest: input.imageDigest },
    spec: { digest: input.spec.digest, mediaType: input.spec.mediaType }
  };
  const source = compactSource(input.source);
  if (source) predicate.source = source;
  return {
    _type: STATEMENT_V1,
    subject: [{ name: input.subjectName, digest: { sha256: sha256Hex(input.artifactDigest) } }],
    predicateType: COMPATIBILITY_PREDICATE_TYPE,
    predicate
  };
}
function compactSource(source) {
  if (!source) return void 0;
  const out = {};
  if (source.repository) out.repository = source.repository;
  if (source.commit) out.commit = source.commit;
  if (source.workflow) out.workflow = source.workflow;
  return Object.keys(out).length > 0 ? out : void 0;
}
function sourceFromGitHubEnv(env) {
  const server = env.GITHUB_SERVER_URL ?? "https://github.com";
  return compactSource({
    repository: env.GITHUB_REPOSITORY ? `${server}/${env.GITHUB_REPOSITORY}` : void 0,
    commit: env.GITHUB_SHA,
    workflow: env.GITHUB_WORKFLOW_REF
  });
}
function serializeStatement(statement) {
  return Buffer.from(JSON.stringify(statement), "utf8");
}
function parseStatement(payload) {
  let doc;
  try {
    doc = JSON.parse(Buffer.from(payload).toString("utf8"));
  } catch {
    throw new SignatureError("the signed payload is not JSON");
  }
  if (typeof doc !== "object" || doc === null) {
    throw new SignatureError("the signed payload is not an in-toto Statement");
  }
  const s = doc;
  if (s._type !== STATEMENT_V1 && s._type !== STATEMENT_V01) {
    throw new SignatureError(`unsupported in-toto Statement type: ${String(s._type)}`);
  }
  if (!Array.isArray(s.subject) || typeof s.predicateType !== "string") {
    throw new SignatureError("the in-toto Statement lacks subject or predicateType");
  }
  for (const [i, subject] of s.subject.entries()) {
    const d = subject?.digest;
    if (typeof d !== "object" || d === null) {
      throw new SignatureError(`the in-toto Statement's subject[${i}] has no digest`);
    }
  }
  return s;
}
function statementCoversDigest(statement, digest) {
  const hex = SHA256_DIGEST.exec(digest)?.[1];
  if (!hex) return false;
  return statement.subject.some((s) => s.digest.sha256?.toLowerCase() === hex);
}

export {
  COMPATIBILITY_PREDICATE_TYPE,
  STATEMENT_V1,
  IN_TOTO_PAYLOAD_TYPE,
  sha256Hex,
  buildCompatibilityStatement,
  sourceFromGitHubEnv,
  serializeStatement,
  parseStatement,
  statementCoversDigest
};
