import {
  validationRecords
} from "./chunk-PCYJVOZY.js";
import {
  writeFleetFolder
} from "./chunk-VZIEYRV5.js";
import {
  formatReference,
  resolveImage,
  withDigest
} from "./chunk-5POD2GZZ.js";
import {
  formatPlatform
} from "./chunk-ARJZT3GV.js";
import {
  setting
} from "./chunk-U6BYPZCD.js";
import {
  RegistryError
} from "./chunk-TS22JX7Z.js";

// src/validation/fleet.ts
import { createHash } from "node:crypto";
function featuresKey(p) {
  return createHash("sha256").update(JSON.stringify(p.host.nodeFeature.spec.features)).digest("hex");
}
function fleetNodeFeatures(predicates) {
  const newest = [...predicates].sort((a, b) => Date.parse(b.time) - Date.parse(a.time));
  const seen = /* @__PURE__ */ new Set();
  const names = /* @__PURE__ */ new Set();
  const out = [];
  for (const p of newest) {
    const key = p.host.machineId ?? `features:${featuresKey(p)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const base = p.host.nodeFeature.metadata.name || "host";
    let name = base;
    for (let i = 2; names.has(name); i++) name = `${base}-${i}`;
    names.add(name);
    const nf = p.host.nodeFeature;
    out.push({ ...nf, metadata: { ...nf.metadata, name, labels: {} } });
  }
  return out;
}
function fleetFromPredicates(predicates) {
  return fleetNodeFeatures(predicates).map((nf) => ({ name: nf.metadata.name, features: nf.spec.features }));
}

// src/commands/validations.ts
async function listValidations(opts) {
  const { reference, repo, subjects } = await resolveImage(opts.image, {
    ...opts,
    ...opts.platform === void 0 && { all: true }
  });
  const platforms = [];
  for (const s of subjects) {
    platforms.push({
      platform: s.platform ? formatPlatform(s.platform) : null,
      subject: formatReference(withDigest(reference, s.descriptor.digest)),
      records: await validationRecords(repo, s.descriptor.digest, opts.policy)
    });
  }
  return { image: opts.image, platforms };
}
function fleetPredicates(result, policy) {
  return result.platforms.flatMap((p) => p.records).flatMap((r) => r.verified ? [r.predicate] : !policy && r.unverified ? [r.unverified] : []);
}
async function fleetOfImage(opts, notes) {
  const result = await listValidations(opts);
  const records = result.platforms.flatMap((p) => p.records);
  const predicates = fleetPredicates(result, opts.policy !== void 0);
  if (!opts.policy && predicates.length > 0) {
    notes.push(
      `the fleet is built from ${predicates.length} unverified validation record(s) of ${opts.image}: give a signature policy (${setting("public-key")} or ${setting("certificate-identity")}) to trust only signed ones`
    );
  }
  const hosts = fleetFromPredicates(predicates);
  if (hosts.length === 0) {
    const rejected = records.length - predicates.length;
    throw new RegistryError(
      `image ${opts.image} has no validation record to build the fleet from${rejected ? ` (${rejected} not verified)` : ""}`
    );
  }
  return hosts;
}
function writeValidationsFleet(result, dir) {
  return writeFleetFolder(dir, fleetNodeFeatures(fleetPredicates(result, true)));
}

export {
  listValidations,
  fleetOfImage,
  writeValidationsFleet
};
