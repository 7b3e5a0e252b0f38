import {
  resolveHostRoot
} from "./chunk-M6CRNPH7.js";
import {
  signStatement
} from "./chunk-7L5NO3CK.js";
import {
  scrubFeatures,
  scrubbedNodeFeature
} from "./chunk-DR4D7WGV.js";
import {
  VALIDATION_PREDICATE_TYPE,
  buildValidationStatement,
  runUrlFromGitHubEnv
} from "./chunk-VQQTVLFL.js";
import {
  buildBundleArtifact
} from "./chunk-PSPC2OAQ.js";
import {
  summarizeHardware
} from "./chunk-HIZ7TLNX.js";
import {
  formatCreated,
  openRepository,
  parseReference,
  pushReferrer,
  sha256Digest
} from "./chunk-5POD2GZZ.js";
import {
  require_fs
} from "./chunk-MGVSXMIB.js";
import {
  setting
} from "./chunk-U6BYPZCD.js";
import {
  InputError
} from "./chunk-TS22JX7Z.js";
import {
  VERSION
} from "./chunk-Q256A2XO.js";
import {
  __toESM
} from "./chunk-R5CBN7CG.js";

// src/validation/attach.ts
async function attachValidationRecord(repo, subject, statement, how, created) {
  const signed = await signStatement(statement, how);
  const art = buildBundleArtifact({
    bundle: signed.bytes,
    predicateType: VALIDATION_PREDICATE_TYPE,
    subject,
    created: formatCreated(created)
  });
  const pushed = await pushReferrer(repo, subject.digest, {
    manifest: art.manifestBytes,
    descriptor: art.manifestDescriptor,
    blobs: art.blobs.map((b) => ({ bytes: b.bytes, mediaType: b.descriptor.mediaType }))
  });
  return { digest: art.manifestDescriptor.digest, referrers: pushed.referrers };
}

// src/validation/fingerprint.ts
var import_node_fs = __toESM(require_fs(), 1);
import { createHash } from "node:crypto";
import path from "node:path";
var MACHINE_ID_FILES = ["/etc/machine-id", "/var/lib/dbus/machine-id"];
function readMachineId(hostRoot = "") {
  for (const file of MACHINE_ID_FILES) {
    try {
      const id = (0, import_node_fs.readFileSync)(path.join(hostRoot || "/", file), "utf8").trim();
      if (/^[0-9a-f]{32}$/i.test(id)) return id.toLowerCase();
    } catch {
    }
  }
  return void 0;
}
function saltedMachineId(machineId, salt) {
  return `sha256:${createHash("sha256").update(`${salt}
${machineId}`).digest("hex")}`;
}
function hostFingerprint(features, opts) {
  const hardware = summarizeHardware(scrubFeatures(features), opts.hostname ?? "", opts.unavailable ?? []);
  return {
    hardware,
    ...opts.machineId !== void 0 && { machineId: saltedMachineId(opts.machineId, opts.salt) },
    ...opts.hostname !== void 0 && { hostname: opts.hostname }
  };
}

// src/commands/attest.ts
var SALT_ENV = "IMAGE_COMPAT_MACHINE_ID_SALT";
async function attestValidation(run, opts) {
  const host = run.hosts[0];
  const verdict = run.result.hosts[0];
  if (!run.subject || !host || !verdict || run.hosts.length !== 1 || !run.report?.artifact) {
    throw new InputError("a validation record needs an image validated on one host");
  }
  const env = opts.env ?? process.env;
  const reference = parseReference(opts.image);
  const name = `${reference.registry}/${reference.repository}`;
  const salt = env[SALT_ENV] || name;
  const machineId = opts.fromMachine ? readMachineId(resolveHostRoot(opts.hostRoot, env)) : void 0;
  const fingerprint = hostFingerprint(host.features, {
    unavailable: run.unavailable ?? [],
    salt,
    ...machineId !== void 0 && { machineId },
    ...opts.hostname && host.name && { hostname: host.name }
  });
  const nodeFeature = scrubbedNodeFeature(host.features, "", run.unavailable);
  nodeFeature.metadata.name = machineId ? `machine-${saltedMachineId(machineId, salt).slice("sha256:".length, "sha256:".length + 12)}` : `host-${sha256Digest(Buffer.from(JSON.stringify(nodeFeature.spec.features))).slice("sha256:".length, "sha256:".length + 12)}`;
  const time = (opts.now ?? (() => /* @__PURE__ */ new Date()))();
  const runUrl = runUrlFromGitHubEnv(env);
  const statement = buildValidationStatement({
    image: {
      name,
      digest: run.subject.descriptor.digest,
      ...run.report.platform !== void 0 && { platform: run.report.platform },
      ...run.subject.index && { index: run.subject.index }
    },
    artifactDigest: run.report.artifact,
    results: verdict.results,
    sets: run.result.sets,
    ...verdict.refusal !== void 0 && { refusal: verdict.refusal },
    host: { ...fingerprint, nodeFeature },
    version: VERSION,
    runner: {
      ...opts.runnerName && { name: opts.runnerName },
      ...opts.runnerLabels?.length && { labels: opts.runnerLabels }
    },
    ...opts.matrixId !== void 0 && { matrixId: opts.matrixId },
    ...runUrl && { runUrl },
    time
  });
  const repo = openRepository(reference, opts);
  const attached = await attachValidationRecord(repo, run.subject.descriptor, statement, opts.sign, time);
  return {
    record: `${name}@${attached.digest}`,
    digest: attached.digest,
    subject: `${name}@${run.subject.descriptor.digest}`,
    predicate: statement.predicate
  };
}
function parseRunnerLabels(text) {
  const name = setting("runner-labels");
  const t = text.trim();
  if (t === "") return [];
  if (t.startsWith("[") || t.startsWith('"')) {
    let v;
    try {
      v = JSON.parse(t);
    } catch {
      throw new InputError(`${name}: not JSON: ${t.slice(0, 80)}`);
    }
    const list = typeof v === "string" ? [v] : v;
    if (!Array.isArray(list) || !list.every((x) => typeof x === "string"))
      throw new InputError(`${name}: expected a JSON array of strings`);
    return list.map((x) => x.trim()).filter(Boolean);
  }
  return t.split(",").map((x) => x.trim()).filter(Boolean);
}

export {
  SALT_ENV,
  attestValidation,
  parseRunnerLabels
};
