import { createRequire as __icCreateRequire } from 'node:module';
const require = __icCreateRequire(import.meta.url);
import {
  summarizeHardware
} from "./chunk-HIZ7TLNX.js";
import {
  policyNeeded
} from "./chunk-Y4PLFU5D.js";
import {
  readSpecForEvaluation
} from "./chunk-ZC6TAHSD.js";
import {
  formatPlatform,
  parsePlatform,
  platformsMatch
} from "./chunk-ARJZT3GV.js";
import {
  toNodeFeature
} from "./chunk-3OLLROG6.js";
import {
  decodeText
} from "./chunk-LOFLUJHY.js";
import {
  setting
} from "./chunk-U6BYPZCD.js";
import {
  InputError,
  RegistryError,
  SignatureError,
  formatPositioned,
  quote
} from "./chunk-TS22JX7Z.js";

// src/commands/validate-sources.ts
function describeFailure(f) {
  return `${f.reason}: ${f.message}`;
}
async function specFromImage(opts) {
  if (opts.requireSignature && !opts.policy) {
    throw policyNeeded(setting("require-signature"));
  }
  const { reference, repo, resolved } = await resolveSubject(opts);
  const got = await specOfSubject(repo, reference, resolved, opts);
  const { describeSubject } = await import("./artifact-selection-QDJ5H2W2.js");
  if (!got) {
    throw new RegistryError(
      `image ${describeSubject(reference, { subject: resolved.descriptor, ...resolved.platform && { platform: resolved.platform } })} has no compatibility artifact`
    );
  }
  return { ...got, image: opts.image };
}
async function resolveSubject(opts) {
  const { formatReference, resolveImage } = await import("./oci-4W3SKJYH.js");
  if (opts.manifest === void 0) {
    const { reference: reference2, repo: repo2, subjects: subjects2 } = await resolveImage(opts.image, { ...opts, orFirst: true });
    return { reference: reference2, repo: repo2, resolved: subjects2[0] };
  }
  const wanted = opts.manifest;
  if (!/^sha256:[0-9a-f]{64}$/.test(wanted))
    throw new InputError(`${setting("manifest")} is not a sha256 digest: ${quote(wanted)}`);
  const { platform: _p, ...rest } = opts;
  const { reference, repo, subjects } = await resolveImage(opts.image, { ...rest, all: true });
  const resolved = subjects.find((s) => s.descriptor.digest === wanted);
  if (!resolved) {
    throw new RegistryError(
      `image ${formatReference(reference)} has no platform manifest ${wanted}; it lists ${subjects.map((s) => s.descriptor.digest).join(", ")}`
    );
  }
  const platform = opts.platform !== void 0 ? parsePlatform(opts.platform) : void 0;
  if (platform && resolved.platform && !platformsMatch(platform, resolved.platform)) {
    throw new InputError(
      `${setting("manifest")} ${wanted} is for ${formatPlatform(resolved.platform)}, not ${setting("platform")} ${formatPlatform(platform)}`
    );
  }
  return { reference, repo, resolved };
}
async function specOfSubject(repo, reference, resolved, opts) {
  const [{ formatReference }, { mustFail }, { describeSubject, selectArtifact }] = await Promise.all([
    import("./oci-4W3SKJYH.js"),
    import("./verify-YDIUF56A.js"),
    import("./artifact-selection-QDJ5H2W2.js")
  ]);
  const selected = await selectArtifact(repo, resolved, {
    requireSignature: opts.requireSignature,
    ...opts.policy && { policy: opts.policy }
  });
  const where = describeSubject(reference, selected);
  if (selected.artifacts.length === 0) return void 0;
  const warnings = selected.ignored.map(
    (i) => `ignored compatibility artifact ${i.artifact.digest}${i.created ? ` (created ${i.created})` : ""}: ${describeFailure(i.failure)}`
  );
  const chosen = selected.chosen;
  if (!chosen) {
    throw new SignatureError(
      `image ${where}: none of its ${selected.artifacts.length} compatibility artifact(s) has a signature that passes the policy (newest: ${describeFailure(selected.ignored[0].failure)})`
    );
  }
  const sig = chosen.signature;
  if (mustFail(sig, opts.requireSignature) && !sig.ok) {
    throw new SignatureError(
      `compatibility artifact ${chosen.artifact.digest} of ${where}: its signature fails its integrity check (${describeFailure(sig)}); the artifact or its signature was tampered with`
    );
  }
  if (!sig.ok && opts.policy && !opts.requireSignature) {
    warnings.push(`compatibility artifact ${chosen.artifact.digest}: ${describeFailure(sig)}`);
  }
  const source = `${formatReference(reference)}@${chosen.artifact.digest}`;
  const read = readSpecForEvaluation(decodeText(chosen.specBytes, source), source, {
    strict: opts.strict ?? false
  });
  warnings.push(...read.warnings.map((d) => formatPositioned(d.message, d.position, d.hint)));
  return {
    spec: read.spec,
    ...selected.platform && { platform: formatPlatform(selected.platform) },
    artifact: chosen.artifact.digest,
    subject: resolved.descriptor,
    ...resolved.index && { index: resolved.index.digest },
    attachedTo: chosen.attachedTo,
    ...chosen.created !== void 0 && { created: chosen.created },
    signature: sig,
    ignored: selected.ignored,
    warnings
  };
}
async function hostFromMachine(hostRoot, env = process.env) {
  const [{ collectHostFeatures }, { resolveHostRoot }] = await Promise.all([
    import("./collect-CJ4N3M6V.js"),
    import("./host-root-UOZRN3IS.js")
  ]);
  const collected = await collectHostFeatures({ hostRoot: resolveHostRoot(hostRoot, env) });
  return {
    host: { name: collected.hostname, features: collected.features, unavailable: collected.unavailable },
    unavailable: collected.unavailable,
    nodeFeature: toNodeFeature(collected)
  };
}
function nodeFeatureOf(host, unavailable = []) {
  return toNodeFeature({ features: host.features, unavailable, hostname: host.name });
}
function buildReport(input) {
  const verdict = input.result.hosts[0];
  if (!verdict || input.result.hosts.length !== 1) {
    throw new RangeError("a validation report describes exactly one host");
  }
  const refusal = verdict.refusal;
  return {
    ...input.id !== void 0 && { id: input.id },
    ...input.image !== void 0 && { image: input.image },
    ...input.spec !== void 0 && { spec: input.spec },
    ...input.config !== void 0 && { config: input.config },
    ...input.platform !== void 0 && { platform: input.platform },
    ...input.artifact !== void 0 && { artifact: input.artifact },
    ...input.compatibility !== void 0 && { compatibility: input.compatibility },
    compatible: verdict.compatible,
    ...refusal !== void 0 && { refusal },
    host: {
      name: verdict.node,
      ...input.runner !== void 0 && { runner: input.runner },
      hardware: summarizeHardware(input.host.features, verdict.node, input.unavailable ?? [])
    },
    results: verdict.results
  };
}

export {
  specFromImage,
  specOfSubject,
  hostFromMachine,
  nodeFeatureOf,
  buildReport
};
