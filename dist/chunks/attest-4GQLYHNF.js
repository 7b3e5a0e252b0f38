import {
  buildBundleArtifact
} from "./chunk-TC252RUS.js";
import {
  formatCreated,
  openRepository,
  parseReference,
  pushReferrer,
  sha256Digest
} from "./chunk-4QBVDMLX.js";
import "./chunk-JGPVSH5P.js";
import "./chunk-UZJYVYDW.js";
import {
  resolveHostRoot
} from "./chunk-IZMZ3V3G.js";
import {
  signStatement
} from "./chunk-DYESWRMN.js";
import {
  NODE_FEATURE_API_VERSION,
  UNAVAILABLE_ANNOTATION,
  summarizeHardware
} from "./chunk-BQ4MDOF2.js";
import "./chunk-XAEGMFRL.js";
import {
  VERSION
} from "./chunk-Q256A2XO.js";
import "./chunk-AIYKYRR2.js";
import {
  STATEMENT_V1,
  sha256Hex
} from "./chunk-4AIAGJ3W.js";
import "./chunk-ILUPUREO.js";
import "./chunk-JRYNVW2E.js";
import "./chunk-ARJZT3GV.js";
import {
  require_fs
} from "./chunk-LKJTNIGP.js";
import {
  setting
} from "./chunk-U6BYPZCD.js";
import {
  InputError
} from "./chunk-TS22JX7Z.js";
import {
  __toESM
} from "./chunk-R5CBN7CG.js";

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

// src/validation/scrub.ts
var DROPPED_FEATURES = /* @__PURE__ */ new Set(["system.name"]);
var IDENTIFYING_KEYS = [
  [/^system\.dmiid$/, /serial|uuid|asset_tag/i],
  [/^usb\./, /serial/i],
  [/^(network|rdma|pci)\./, /^(address|perm_addr|mac|hw_?addr|.*guid|serial.*)$/i],
  [/./, /^(machine_?id|hostname|nodename)$/i]
];
var IDENTIFYING_VALUE = /^([0-9a-f]{2}[:-]){5}([0-9a-f]{2})([:-][0-9a-f]{2}){0,2}$|^([0-9a-f]{4}:){3}[0-9a-f]{4}$/i;
function scrubElements(feature, elements) {
  const keys = IDENTIFYING_KEYS.filter(([f]) => f.test(feature)).map(([, k]) => k);
  return Object.fromEntries(
    Object.entries(elements).filter(
      ([k, v]) => !keys.some((re) => re.test(k)) && !IDENTIFYING_VALUE.test(v.trim())
    )
  );
}
function scrubFeatures(features) {
  const out = { flags: {}, attributes: {}, instances: {} };
  for (const [name, set] of Object.entries(features.flags ?? {})) {
    if (DROPPED_FEATURES.has(name)) continue;
    out.flags[name] = { elements: { ...set.elements } };
  }
  for (const [name, set] of Object.entries(features.attributes ?? {})) {
    if (DROPPED_FEATURES.has(name)) continue;
    out.attributes[name] = { elements: scrubElements(name, set.elements) };
  }
  for (const [name, set] of Object.entries(features.instances ?? {})) {
    if (DROPPED_FEATURES.has(name)) continue;
    out.instances[name] = {
      elements: set.elements.map((e) => ({ attributes: scrubElements(name, e.attributes) }))
    };
  }
  return out;
}
function scrubbedNodeFeature(features, name, unavailable = []) {
  return {
    apiVersion: NODE_FEATURE_API_VERSION,
    kind: "NodeFeature",
    metadata: {
      name,
      labels: {},
      ...unavailable.length > 0 && {
        annotations: { [UNAVAILABLE_ANNOTATION]: JSON.stringify(unavailable) }
      }
    },
    spec: { features: scrubFeatures(features) }
  };
}

// src/validation/fingerprint.ts
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
