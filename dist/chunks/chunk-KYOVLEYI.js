import { createRequire as __icCreateRequire } from 'node:module';
const require = __icCreateRequire(import.meta.url);
import {
  buildReport,
  hostFromMachine,
  nodeFeatureOf,
  specFromImage
} from "./chunk-7J2VHVIM.js";
import {
  ownFeaturesFromLocal
} from "./chunk-G3FNBI2S.js";
import {
  summarizeHardware
} from "./chunk-HIZ7TLNX.js";
import {
  POLICY_SETTINGS,
  loadPolicy,
  policyNeeded,
  policyRequested
} from "./chunk-Y4PLFU5D.js";
import {
  compileSpec,
  evaluateSpec,
  isCompatible,
  selectSets
} from "./chunk-VHXEUIKY.js";
import {
  detectKind
} from "./chunk-KNVR5ANA.js";
import {
  checkSpecDocument
} from "./chunk-ZC6TAHSD.js";
import {
  canRun,
  hostPlatform,
  machineHostPlatform,
  snapshotHostPlatform
} from "./chunk-EMVFEL76.js";
import {
  formatPlatform,
  parsePlatform
} from "./chunk-ARJZT3GV.js";
import {
  MAX_FEATURES_BYTES,
  parseFeaturesDocument
} from "./chunk-6K2UG3UQ.js";
import {
  parseSource,
  readSource,
  throwFirstError
} from "./chunk-CC76JYNC.js";
import {
  setting
} from "./chunk-U6BYPZCD.js";
import {
  EvaluationError,
  InputError,
  exitCodeOf,
  formatPositioned
} from "./chunk-TS22JX7Z.js";

// src/commands/validate-run.ts
import os from "node:os";

// src/features/types.ts
function emptyFeatures() {
  return { flags: {}, attributes: {}, instances: {} };
}

// src/commands/validate.ts
function validate(opts) {
  if (opts.hosts.length === 0) throw new InputError("no host features to validate against");
  const selected = selectSets(opts.spec, opts.tags);
  if (opts.tags?.length && selected.length === 0) {
    const known = opts.spec.compatibilities.map((c) => c.tag).filter((t) => !!t);
    throw new InputError(
      `${setting(opts.tagsFrom ?? "tags")} ${opts.tags.join(",")} selects no compatibility set`,
      {},
      known.length ? `tags in the spec: ${[...new Set(known)].join(", ")}` : "no set in the spec has a tag"
    );
  }
  const sets = selected.map(({ set, index }) => ({
    index,
    ...set.tag !== void 0 ? { tag: set.tag } : {},
    ...set.description !== void 0 ? { description: set.description } : {},
    ...set.weight !== void 0 ? { weight: set.weight } : {}
  }));
  const spec = compileSpec(opts.spec);
  const hosts = opts.hosts.map((host) => {
    let results;
    try {
      results = evaluateSpec(spec, host.features, { tags: opts.tags });
    } catch (err) {
      if (err instanceof EvaluationError && opts.hosts.length > 1) {
        throw new EvaluationError(`node ${JSON.stringify(host.name)}: ${err.message}`, err.context);
      }
      throw err;
    }
    const matchingSets = results.flatMap((r, i) => r.rules.every((rule) => rule.isMatch) ? [i] : []);
    const unavailable = host.unavailable ?? [];
    const refusal = opts.platformRefusal?.(host);
    if (refusal !== void 0)
      return { node: host.name, compatible: false, results, matchingSets, unavailable, refusal };
    return { node: host.name, compatible: isCompatible(results), results, matchingSets, unavailable };
  });
  const compatibleCount = hosts.filter((h) => h.compatible).length;
  return { sets, hosts, compatible: compatibleCount === hosts.length, compatibleCount };
}

// src/commands/validate-config.ts
async function specFromConfig(file, platform) {
  let target;
  try {
    target = formatPlatform(platform !== void 0 ? parsePlatform(platform) : hostPlatform());
  } catch {
    throw new InputError(
      `${setting("platform")} "${platform}" is not os/arch[/variant]`,
      {},
      "e.g. linux/amd64"
    );
  }
  const [{ compileConfig, noSetApplies }, { loadConfig }] = await Promise.all([
    import("./compile-YOVOXAWW.js"),
    import("./load-TIKSNFK6.js")
  ]);
  const { config, warnings } = await loadConfig(file);
  const compiled = compileConfig(config, { platform: target });
  if (!compiled.spec.compatibilities.length) throw noSetApplies(file, config, target);
  return { spec: compiled.spec, platform: target, notes: compiled.notes, warnings };
}
function refuseConfigAsSpec(src) {
  if (detectKind(src.value) !== "config") return;
  throw new InputError(
    "this is an image-compat config (version: 1), not an NFD image compatibility spec",
    { file: src.file },
    `validate --config ${src.file} compiles and evaluates it; image-compat generate prints its spec`
  );
}

// src/commands/validate-run.ts
function checkRequest(req) {
  if ([req.spec, req.config, req.image].filter(Boolean).length !== 1)
    throw new InputError(
      `give exactly one of ${setting("spec")}, ${setting("config")} and ${setting("image")}`
    );
  if (req.features !== void 0 && req.hostRoot !== void 0)
    throw new InputError(`give ${setting("features")} or ${setting("host-root")}, not both`);
  if (req.tags && req.compatibility !== void 0)
    throw new InputError(`give ${setting("tags")} or ${setting("compatibility")}, not both`);
  if (req.platform !== void 0 && !req.image && !req.config)
    throw new InputError(`${setting("platform")} needs ${setting("image")} or ${setting("config")}`);
  if (req.platform !== void 0) parsePlatform(req.platform);
  if (req.manifest !== void 0 && !req.image)
    throw new InputError(`${setting("manifest")} needs ${setting("image")}`);
  if (req.requireSignature && !req.image)
    throw new InputError(`${setting("require-signature")} needs ${setting("image")}`);
  if (policyRequested(req.policy) && !req.image)
    throw new InputError(
      `signature policy (${POLICY_SETTINGS.map(setting).join(", ")}) needs ${setting("image")}`
    );
}
async function specFile(file, strict, log) {
  const src = parseSource(await readSource(file), file);
  refuseConfigAsSpec(src);
  const { spec, diagnostics } = checkSpecDocument(src, { lenient: !strict });
  for (const d of diagnostics.filter((x) => x.severity === "warning"))
    log.warn(formatPositioned(d.message, d.position, d.hint));
  throwFirstError(diagnostics);
  return spec;
}
async function loadHosts(req, log) {
  if (req.features !== void 0) {
    const hosts = parseFeaturesDocument(await readSource(req.features, MAX_FEATURES_BYTES), req.features).map(
      (h) => ({ ...h, features: ownFeaturesFromLocal(h.features) })
    );
    const unavailable = hosts.length === 1 ? hosts[0].unavailable ?? [] : [];
    return { hosts, unavailable, platformOf: (h) => snapshotHostPlatform(h.features, h.labels) };
  }
  const machine = await hostFromMachine(req.hostRoot);
  for (const u of machine.unavailable) log.note(`feature source ${u.source} unavailable: ${u.reason}`);
  const mounted = req.hostRoot !== void 0 && req.hostRoot !== "/";
  const platform = mounted ? snapshotHostPlatform(machine.host.features) : machineHostPlatform(machine.host.features);
  return {
    hosts: [machine.host],
    unavailable: machine.unavailable,
    nodeFeature: machine.nodeFeature,
    platformOf: () => platform
  };
}
function platformRequirement(imagePlatform, loaded, log) {
  if (imagePlatform === void 0) return void 0;
  const image = parsePlatform(imagePlatform);
  const refusals = /* @__PURE__ */ new Map();
  for (const host of loaded.hosts) {
    const name = host.name ? `host ${host.name}` : "the host";
    const platform = loaded.platformOf(host);
    if (!platform) {
      log.note(
        `${name} does not say its architecture (no kubernetes.io/arch label, no cpu flags): the image platform ${imagePlatform} is not checked`
      );
      refusals.set(host, void 0);
      continue;
    }
    if (platform.source === "cpu flags")
      log.note(
        `${name} does not say its architecture: ${formatPlatform(platform)} inferred from its cpu flags`
      );
    const verdict = canRun(platform, image);
    refusals.set(host, verdict.ok ? void 0 : verdict.reason);
  }
  return (host) => refusals.get(host);
}
async function runValidation(req, log, progress = {}) {
  checkRequest(req);
  const policy = await loadPolicy(req.policy, (m) => log.note(m));
  if (req.requireSignature && !policy) throw policyNeeded(setting("require-signature"));
  if (req.image !== void 0) progress.image = req.image;
  if (req.spec !== void 0) progress.spec = req.spec;
  if (req.config !== void 0) progress.config = req.config;
  const loaded = await loadHosts(req, log);
  if (req.oneHost?.length && loaded.hosts.length !== 1) {
    const named = req.oneHost.map(setting);
    const asking = named.length > 1 ? `${named.slice(0, -1).join(", ")} and ${named.at(-1)}` : named[0];
    throw new InputError(
      `${asking} ${req.oneHost.length > 1 ? "describe" : "describes"} one host; ${setting("features")} gave ${loaded.hosts.length}`
    );
  }
  if (loaded.hosts.length === 1) progress.host = loaded.hosts[0];
  progress.unavailable = loaded.unavailable;
  let spec;
  let subject;
  if (req.image) {
    const got = await specFromImage({
      image: req.image,
      ...req.platform !== void 0 && { platform: req.platform },
      ...req.manifest !== void 0 && { manifest: req.manifest },
      ...policy && { policy },
      requireSignature: req.requireSignature,
      strict: req.strict ?? false,
      ...loaded.hosts.length === 1 && { host: loaded.platformOf(loaded.hosts[0]) },
      ...registryOf(req)
    });
    for (const w of got.warnings) log.warn(w);
    spec = got.spec;
    progress.artifact = got.artifact;
    subject = { descriptor: got.subject, ...got.index && { index: got.index } };
    if (got.platform !== void 0) progress.platform = got.platform;
    if (got.attachedTo === "index")
      log.note(`the compatibility artifact ${got.artifact} is attached to the image index`);
  } else if (req.config !== void 0) {
    const got = await specFromConfig(req.config, req.platform);
    for (const d of got.warnings) log.warn(formatPositioned(d.message, d.position, d.hint));
    for (const note of got.notes) log.note(note);
    spec = got.spec;
    progress.platform = got.platform;
  } else {
    spec = await specFile(req.spec, req.strict ?? false, log);
  }
  const tags = req.compatibility !== void 0 ? [req.compatibility] : req.tags;
  const refusal = platformRequirement(progress.platform, loaded, log);
  const result = validate({
    spec,
    hosts: loaded.hosts,
    ...tags && { tags, tagsFrom: req.compatibility !== void 0 ? "compatibility" : "tags" },
    ...refusal && { platformRefusal: refusal }
  });
  for (const h of result.hosts)
    if (h.refusal !== void 0) log.warn(`${h.node ? `${h.node}: ` : ""}${h.refusal}`);
  if (loaded.hosts.length !== 1) return { result, hosts: loaded.hosts, ...subject && { subject } };
  const host = loaded.hosts[0];
  const report = buildReport({
    result,
    host,
    ...aboutOf(progress),
    ...req.compatibility !== void 0 && { compatibility: req.compatibility },
    unavailable: loaded.unavailable,
    ...req.runner && { runner: req.runner },
    ...req.matrixId && { id: req.matrixId }
  });
  return {
    result,
    hosts: loaded.hosts,
    report,
    nodeFeature: loaded.nodeFeature ?? nodeFeatureOf(host),
    ...subject && { subject },
    unavailable: loaded.unavailable
  };
}
function registryOf(req) {
  const {
    spec: _s,
    config: _co,
    image: _i,
    platform: _p,
    manifest: _ma,
    features: _f,
    hostRoot: _h,
    tags: _t,
    compatibility: _c,
    policy: _po,
    requireSignature: _r,
    strict: _st,
    matrixId: _m,
    runner: _ru,
    oneHost: _o,
    ...registry
  } = req;
  return registry;
}
function aboutOf(p) {
  return {
    ...p.image !== void 0 && { image: p.image },
    ...p.spec !== void 0 && { spec: p.spec },
    ...p.config !== void 0 && { config: p.config },
    ...p.platform !== void 0 && { platform: p.platform },
    ...p.artifact !== void 0 && { artifact: p.artifact }
  };
}
function failureReport(err, req, progress) {
  const host = progress.host;
  const name = host?.name || os.hostname();
  const about = aboutOf({
    ...req.image !== void 0 && { image: req.image },
    ...req.spec !== void 0 && { spec: req.spec },
    ...req.config !== void 0 && { config: req.config },
    ...req.platform !== void 0 && { platform: req.platform },
    ...progress
  });
  return {
    ...req.matrixId && { id: req.matrixId },
    ...about,
    ...req.compatibility !== void 0 && { compatibility: req.compatibility },
    compatible: false,
    host: {
      name,
      ...req.runner && { runner: req.runner },
      hardware: summarizeHardware(host?.features ?? emptyFeatures(), name, progress.unavailable ?? [])
    },
    results: [],
    error: { code: exitCodeOf(err), message: err instanceof Error ? err.message : String(err) }
  };
}

export {
  validate,
  loadHosts,
  runValidation,
  failureReport
};
