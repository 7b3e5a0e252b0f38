import {
  verifyBundle
} from "./chunk-NB5YO7E2.js";
import {
  validationReportSchema
} from "./chunk-FNFXL7B6.js";
import {
  require_ajv
} from "./chunk-YP5NZXMW.js";
import {
  VALIDATION_PREDICATE_TYPE
} from "./chunk-VQQTVLFL.js";
import {
  bundleLayerOf,
  bundleReferrerKind,
  declaredPredicateType
} from "./chunk-PSPC2OAQ.js";
import {
  parseStatement,
  statementCoversDigest
} from "./chunk-BDXOAHXW.js";
import {
  listReferrers
} from "./chunk-5POD2GZZ.js";
import {
  __toESM
} from "./chunk-R5CBN7CG.js";

// src/validation/schema.ts
var import_ajv = __toESM(require_ajv(), 1);
var digest = { type: "string", pattern: "^sha256:[a-f0-9]{64}$" };
var validationPredicateSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://image-compat.dev/validation/v1",
  title: "image-compat validation record (in-toto predicate)",
  description: "The predicate of an in-toto Statement whose subject is the validated image manifest: the compatibility artifact evaluated, each set verdict with its rules and host values, the host (a fingerprint and its NodeFeature scrubbed of identifying data), the tool, the runner, the run and the time.",
  type: "object",
  required: ["image", "artifact", "compatible", "sets", "host", "tool", "time"],
  properties: {
    image: {
      type: "object",
      required: ["name", "digest"],
      properties: {
        name: { type: "string" },
        digest,
        platform: { type: "string" },
        index: digest
      }
    },
    artifact: { type: "object", required: ["digest"], properties: { digest } },
    compatible: { type: "boolean" },
    refusal: { type: "string" },
    sets: {
      type: "array",
      items: {
        type: "object",
        required: ["index", "compatible", "result"],
        properties: {
          index: { type: "integer", minimum: 0 },
          tag: { type: "string" },
          description: { type: "string" },
          compatible: { type: "boolean" },
          result: { $ref: "#/definitions/setResult" }
        }
      }
    },
    host: {
      type: "object",
      required: ["hardware", "nodeFeature"],
      properties: {
        hardware: { $ref: "#/definitions/hardware" },
        machineId: digest,
        hostname: { type: "string" },
        nodeFeature: {
          type: "object",
          required: ["apiVersion", "kind", "metadata", "spec"],
          properties: {
            apiVersion: { const: "nfd.k8s-sigs.io/v1alpha1" },
            kind: { const: "NodeFeature" },
            metadata: { type: "object", required: ["name"], properties: { name: { type: "string" } } },
            spec: {
              type: "object",
              required: ["features"],
              properties: {
                features: {
                  type: "object",
                  properties: {
                    flags: { type: "object" },
                    attributes: { type: "object" },
                    instances: { type: "object" }
                  }
                }
              }
            }
          }
        }
      }
    },
    tool: {
      type: "object",
      required: ["name", "version"],
      properties: { name: { type: "string" }, version: { type: "string" } }
    },
    runner: {
      type: "object",
      properties: { name: { type: "string" }, labels: { type: "array", items: { type: "string" } } }
    },
    matrixId: { type: "string" },
    run: { type: "object", required: ["url"], properties: { url: { type: "string" } } },
    time: {
      type: "string",
      pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$"
    }
  },
  definitions: validationReportSchema.definitions
};
var validator;
function predicateProblems(predicate) {
  validator ??= new import_ajv.Ajv({ allErrors: true, strict: false }).compile(validationPredicateSchema);
  if (validator(predicate)) return void 0;
  return (validator.errors ?? []).slice(0, 3).map((e) => `${e.instancePath || "/"} ${e.message ?? "is invalid"}`).join("; ");
}

// src/validation/records.ts
var MAX_RECORD_BYTES = 8 * 1024 * 1024;
function mayBeRecord(entry) {
  if (bundleReferrerKind(entry) === "no") return false;
  const declared = declaredPredicateType(entry);
  return declared === void 0 || declared === VALIDATION_PREDICATE_TYPE;
}
async function fetchBundle(repo, entry) {
  const got = await repo.getManifest(entry.digest);
  if (!got) return void 0;
  const manifest = got.json;
  const declared = declaredPredicateType(manifest);
  if (declared !== void 0 && declared !== VALIDATION_PREDICATE_TYPE) return void 0;
  const layer = bundleLayerOf(manifest);
  return layer ? repo.fetchBlob(layer, MAX_RECORD_BYTES) : void 0;
}
function payloadPredicateType(bytes) {
  try {
    const b = JSON.parse(bytes.toString("utf8"));
    const payload = b.dsseEnvelope?.payload;
    if (!payload) return void 0;
    const s = JSON.parse(Buffer.from(payload, "base64").toString("utf8"));
    return typeof s.predicateType === "string" ? s.predicateType : void 0;
  } catch {
    return void 0;
  }
}
function unverifiedPredicate(bytes, subjectDigest) {
  try {
    const b = JSON.parse(bytes.toString("utf8"));
    const statement = parseStatement(Buffer.from(b.dsseEnvelope?.payload ?? "", "base64"));
    if (statement.predicateType !== VALIDATION_PREDICATE_TYPE) return void 0;
    if (!statementCoversDigest(statement, subjectDigest)) return void 0;
    if (predicateProblems(statement.predicate) !== void 0) return void 0;
    const predicate = statement.predicate;
    return predicate.image.digest === subjectDigest ? predicate : void 0;
  } catch {
    return void 0;
  }
}
function judgeRecord(digest2, bytes, subjectDigest, policy) {
  const result = verifyBundle(bytes, {
    artifactDigest: subjectDigest,
    predicateType: VALIDATION_PREDICATE_TYPE,
    ...policy && { policy }
  });
  if (!result.ok) {
    const unverified = result.reason === "no-policy" && !policy ? unverifiedPredicate(bytes, subjectDigest) : void 0;
    return {
      verified: false,
      digest: digest2,
      class: result.class,
      reason: result.reason,
      message: result.message,
      ...unverified && { unverified }
    };
  }
  const problems = predicateProblems(result.statement.predicate);
  if (problems !== void 0) {
    return {
      verified: false,
      digest: digest2,
      class: "policy",
      reason: "malformed-predicate",
      message: `the signed predicate is not a validation record: ${problems}`
    };
  }
  const predicate = result.statement.predicate;
  if (predicate.image.digest !== subjectDigest) {
    return {
      verified: false,
      digest: digest2,
      class: "integrity",
      reason: "subject-mismatch",
      message: `the record is about image ${predicate.image.digest}, attached to ${subjectDigest}`
    };
  }
  return { verified: true, digest: digest2, predicate, signer: result.signer };
}
async function validationRecords(repo, subjectDigest, policy) {
  const entries = (await listReferrers(repo, subjectDigest)).filter(mayBeRecord);
  const records = [];
  for (const entry of entries) {
    const bytes = await fetchBundle(repo, entry);
    if (!bytes) continue;
    const declared = payloadPredicateType(bytes);
    if (declared !== void 0 && declared !== VALIDATION_PREDICATE_TYPE) continue;
    records.push(judgeRecord(entry.digest, bytes, subjectDigest, policy));
  }
  return sortRecords(records);
}
function sortRecords(records) {
  const verified = records.filter((r) => r.verified);
  verified.sort((a, b) => Date.parse(b.predicate.time) - Date.parse(a.predicate.time));
  return [...verified, ...records.filter((r) => !r.verified)];
}

export {
  validationRecords
};
