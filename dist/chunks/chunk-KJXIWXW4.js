import {
  DEFAULT_CONFIG_PATH
} from "./chunk-BRAVSDII.js";
import {
  loadConfig,
  runnerLabels
} from "./chunk-4DDMDBMS.js";
import {
  setAppliesTo,
  setPlatforms
} from "./chunk-QMLOPEXN.js";
import {
  resolveImage
} from "./chunk-5POD2GZZ.js";
import {
  formatPlatform,
  tryParsePlatform
} from "./chunk-ARJZT3GV.js";

// src/config/plan.ts
var ARCH_LABELS = { amd64: "X64", arm64: "ARM64", arm: "ARM" };
function defaultRunner(platform) {
  const p = tryParsePlatform(platform);
  const labels = ["self-hosted", p?.os ?? "linux"];
  const arch = p && ARCH_LABELS[p.architecture];
  if (arch) labels.push(arch);
  return labels;
}
function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[-.]+|[-.]+$/g, "") || "set";
}
function planMatrix(config, manifests) {
  const out = [];
  const ids = /* @__PURE__ */ new Set();
  for (const set of config.compatibilities) {
    const jobs = manifests ? manifests.filter((m) => setAppliesTo(set, config, m)).map((m) => ({ platform: m.platform, manifest: m.digest })) : (setPlatforms(set, config) ?? [""]).map((platform) => ({ platform }));
    for (const { platform, manifest } of jobs) {
      const base = slug(platform ? `${set.name}-${platform}` : set.name);
      let id = base;
      for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
      ids.add(id);
      const runner = runnerLabels(set, platform) ?? defaultRunner(platform);
      out.push({
        id,
        name: set.name,
        platform,
        weight: set.weight ?? 0,
        "runs-on": runner,
        ...manifest !== void 0 && { manifest }
      });
    }
  }
  return out;
}

// src/commands/plan.ts
async function plannedManifests(image, opts) {
  const { subjects } = await resolveImage(image, { ...opts, all: true });
  return subjects.map((s) => ({
    digest: s.descriptor.digest,
    platform: s.platform ? formatPlatform(s.platform) : "",
    annotations: s.annotations ?? {}
  }));
}
async function plan(opts) {
  const { config } = await loadConfig(opts.config ?? DEFAULT_CONFIG_PATH);
  if (opts.image === void 0) return planMatrix(config);
  const { config: _c, image, ...registry } = opts;
  return planMatrix(config, await plannedManifests(image, registry));
}

export {
  plan
};
