import {
  STATEMENT_V1,
  sha256Hex
} from "./chunk-BDXOAHXW.js";

// src/validation/predicate.ts
var VALIDATION_PREDICATE_TYPE = "https://image-compat.dev/validation/v1";
function buildValidationStatement(input) {
  const sets = input.sets.map((s, i) => {
    const result = input.results[i];
    return {
      index: s.index,
      ...s.tag !== void 0 && { tag: s.tag },
      ...s.description !== void 0 && { description: s.description },
      compatible: input.refusal === void 0 && result.rules.every((r) => r.isMatch),
      result
    };
  });
  const runner = {
    ...input.runner?.name && { name: input.runner.name },
    ...input.runner?.labels?.length && { labels: input.runner.labels }
  };
  const predicate = {
    image: input.image,
    artifact: { digest: input.artifactDigest },
    compatible: sets.some((s) => s.compatible),
    ...input.refusal !== void 0 && { refusal: input.refusal },
    sets,
    host: input.host,
    tool: { name: "image-compat", version: input.version },
    ...Object.keys(runner).length > 0 && { runner },
    ...input.matrixId !== void 0 && { matrixId: input.matrixId },
    ...input.runUrl !== void 0 && { run: { url: input.runUrl } },
    time: input.time.toISOString()
  };
  return {
    _type: STATEMENT_V1,
    subject: [{ name: input.image.name, digest: { sha256: sha256Hex(input.image.digest) } }],
    predicateType: VALIDATION_PREDICATE_TYPE,
    predicate
  };
}
function runUrlFromGitHubEnv(env) {
  if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return void 0;
  const server = env.GITHUB_SERVER_URL ?? "https://github.com";
  const attempt = env.GITHUB_RUN_ATTEMPT ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : "";
  return `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}${attempt}`;
}
function setLabel(s) {
  return s.tag ?? `#${s.index}`;
}

export {
  VALIDATION_PREDICATE_TYPE,
  buildValidationStatement,
  runUrlFromGitHubEnv,
  setLabel
};
