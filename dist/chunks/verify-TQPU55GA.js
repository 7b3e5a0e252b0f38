import {
  selectArtifact
} from "./chunk-Z2TCVSDZ.js";
import {
  validationRecords
} from "./chunk-PCYJVOZY.js";
import "./chunk-NB5YO7E2.js";
import "./chunk-FNFXL7B6.js";
import "./chunk-YP5NZXMW.js";
import {
  setLabel
} from "./chunk-VQQTVLFL.js";
import "./chunk-PSPC2OAQ.js";
import "./chunk-PEHZUMXG.js";
import "./chunk-N26NQN4P.js";
import "./chunk-BDXOAHXW.js";
import "./chunk-ILUPUREO.js";
import {
  policyNeeded
} from "./chunk-Y4PLFU5D.js";
import {
  formatReference,
  resolveImage
} from "./chunk-5POD2GZZ.js";
import "./chunk-EMVFEL76.js";
import "./chunk-Y6GGFIRV.js";
import "./chunk-FVFOLBOD.js";
import {
  formatPlatform
} from "./chunk-ARJZT3GV.js";
import "./chunk-LNR5OBVR.js";
import "./chunk-CEMVL7P3.js";
import "./chunk-LOFLUJHY.js";
import "./chunk-MGVSXMIB.js";
import "./chunk-U6BYPZCD.js";
import {
  RegistryError
} from "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";

// src/validation/gate.ts
var CLOCK_SKEW_MS = 5 * 60 * 1e3;
function judgeSets(records, sets, opts) {
  const now = opts.now.getTime();
  return sets.map((set) => {
    const why = [];
    for (const r of records) {
      if (!r.verified) continue;
      const verdict = r.predicate.sets.find((s) => setLabel(s) === set);
      if (!verdict) continue;
      const time = Date.parse(r.predicate.time);
      if (!verdict.compatible) {
        why.push(`${r.digest} failed it`);
        continue;
      }
      if (Number.isNaN(time) || time > now + CLOCK_SKEW_MS) {
        why.push(`${r.digest} is dated ${r.predicate.time}, in the future`);
        continue;
      }
      if (opts.maxAgeMs !== void 0 && now - time > opts.maxAgeMs) {
        why.push(`${r.digest} passed it at ${r.predicate.time}, older than the maximum age`);
        continue;
      }
      return { set, satisfied: true, record: r.digest, time: r.predicate.time };
    }
    const rejected = records.filter((r) => !r.verified).length;
    if (rejected) why.push(`${rejected} record(s) not verified`);
    return {
      set,
      satisfied: false,
      reason: why.length ? `no passing validation: ${why.join("; ")}` : "no validation of this set"
    };
  });
}

// src/commands/verify.ts
async function verify(opts) {
  if (!opts.policy) {
    throw policyNeeded("verify");
  }
  const { reference, repo, subjects } = await resolveImage(opts.image, {
    ...opts,
    ...opts.platform === void 0 && { all: true }
  });
  const platforms = [];
  let artifactCount = 0;
  for (const resolved of subjects) {
    const selected = await selectArtifact(repo, resolved, { policy: opts.policy, requireSignature: true });
    artifactCount += selected.artifacts.length;
    const chosen = selected.chosen;
    const verdict = {
      platform: resolved.platform ? formatPlatform(resolved.platform) : null,
      subject: `${reference.registry}/${reference.repository}@${resolved.descriptor.digest}`,
      verified: Boolean(chosen?.signature.ok),
      ...chosen && { artifact: chosen.artifact.digest },
      ...chosen?.created !== void 0 && { created: chosen.created },
      ...chosen?.signature.ok && { signer: chosen.signature.signer },
      rejected: selected.ignored.map((i) => ({
        artifact: i.artifact.digest,
        ...i.created !== void 0 && { created: i.created },
        reason: i.failure.reason,
        message: i.failure.message
      }))
    };
    const errors = [];
    if (!chosen) {
      const newest = selected.ignored[0];
      errors.push(
        selected.artifacts.length === 0 ? "no compatibility artifact" : `no compatibility artifact passes the policy (newest: ${newest.failure.reason}: ${newest.failure.message})`
      );
    }
    if (opts.requireValidated?.length) {
      const records = await validationRecords(repo, resolved.descriptor.digest, opts.policy);
      const sets = judgeSets(records, opts.requireValidated, {
        ...opts.maxAgeMs !== void 0 && { maxAgeMs: opts.maxAgeMs },
        now: (opts.now ?? (() => /* @__PURE__ */ new Date()))()
      });
      verdict.validations = sets;
      const tampered = records.filter(
        (r) => !r.verified && r.class === "integrity"
      );
      if (tampered.length) {
        verdict.tamperedRecords = tampered.map((r) => r.digest);
        errors.push(
          `validation record(s) tampered with: ${tampered.map((r) => `${r.digest} (${r.reason}: ${r.message})`).join(", ")}`
        );
      }
      for (const s of sets.filter((x) => !x.satisfied)) errors.push(`set ${s.set}: ${s.reason}`);
      if (tampered.length || sets.some((x) => !x.satisfied)) verdict.verified = false;
    }
    if (errors.length) verdict.error = errors.join("; ");
    platforms.push(verdict);
  }
  if (artifactCount === 0) {
    throw new RegistryError(`image ${formatReference(reference)} has no compatibility artifact`);
  }
  return {
    image: opts.image,
    verified: platforms.every((p) => p.verified),
    artifactCount,
    platforms
  };
}
export {
  verify
};
