import {
  buildBundleArtifact
} from "./chunk-PSPC2OAQ.js";
import {
  COMPATIBILITY_PREDICATE_TYPE,
  buildCompatibilityStatement,
  sourceFromGitHubEnv
} from "./chunk-BDXOAHXW.js";
import {
  checkSpecDocument,
  parseSpec,
  serializeSpec
} from "./chunk-ZC6TAHSD.js";
import {
  COMPATIBILITY_SPEC_MEDIA_TYPE,
  compatibilityReferrer,
  formatCreated,
  formatReference,
  openRepository,
  packCompatibilityArtifact,
  parseReference,
  pushReferrer,
  resolveManifests,
  withDigest
} from "./chunk-5POD2GZZ.js";
import {
  hostPlatform
} from "./chunk-EMVFEL76.js";
import {
  formatPlatform,
  parsePlatform,
  platformFileName,
  platformsMatch
} from "./chunk-ARJZT3GV.js";
import {
  parseSource,
  readSource,
  throwFirstError
} from "./chunk-CC76JYNC.js";
import {
  setting
} from "./chunk-U6BYPZCD.js";
import {
  InputError,
  RegistryError
} from "./chunk-TS22JX7Z.js";

// src/commands/attach.ts
import path from "node:path";
function checkSpecText(text, file) {
  const { spec, diagnostics } = checkSpecDocument(parseSource(text, file));
  throwFirstError(diagnostics);
  return { spec, warnings: diagnostics.filter((d) => d.severity === "warning") };
}
async function readCheckedSpec(file) {
  const text = await readSource(file);
  const { spec, warnings } = checkSpecText(text, file);
  return { spec, bytes: Buffer.from(text, "utf8"), warnings };
}
async function attachArtifacts(opts) {
  if (opts.specFile === void 0 === (opts.configFile === void 0)) {
    throw new InputError(`give exactly one of ${setting("spec")} and ${setting("config")}`);
  }
  const reference = parseReference(opts.image);
  const platform = opts.platform !== void 0 ? parsePlatform(opts.platform) : void 0;
  const wanted = (opts.platforms ?? []).map((p) => parsePlatform(p));
  const cancel = new AbortController();
  const repo = openRepository(reference, {
    ...opts,
    signal: opts.signal ? AbortSignal.any([opts.signal, cancel.signal]) : cancel.signal
  });
  const resolving = resolveManifests(repo, reference, {
    ...platform && { platform },
    all: true,
    hostPlatform: hostPlatform()
  });
  resolving.catch(() => void 0);
  let input;
  try {
    input = await readInput(opts);
  } catch (err) {
    cancel.abort(err);
    throw err;
  }
  const subjects = restrict(await resolving, wanted, formatReference(reference));
  const notes = /* @__PURE__ */ new Set();
  const skipped = [];
  let planned;
  if (input.kind === "spec") {
    const title = path.basename(input.file);
    planned = subjects.map((subject) => ({ subject, spec: input.spec, bytes: input.bytes, title }));
  } else {
    const { compileForManifest } = await import("./compile-YOVOXAWW.js");
    const keyOf = (s) => s.platform ? formatPlatform(s.platform) : "";
    planned = [];
    for (const subject of subjects) {
      const key = keyOf(subject);
      const compiled = compileForManifest(input.config, {
        platform: key,
        annotations: subject.annotations ?? {}
      });
      if (!compiled) {
        skipped.push(key);
        continue;
      }
      compiled.notes.forEach((n) => notes.add(n));
      const yaml = serializeSpec(compiled.spec);
      const spec = parseSpec(yaml, `<spec for ${key || "the image"} compiled from ${input.file}>`);
      planned.push({
        subject,
        spec,
        bytes: Buffer.from(yaml, "utf8"),
        title: key ? platformFileName(key) : "spec.yaml"
      });
    }
    if (!planned.length) {
      throw new InputError(
        `no compatibility set applies to any platform of ${formatReference(reference)} (${skipped.join(", ") || "none"})`,
        { file: input.file },
        "check the sets' platforms"
      );
    }
  }
  const created = (opts.now ?? (() => /* @__PURE__ */ new Date()))();
  const source = sourceFromGitHubEnv(opts.env ?? process.env);
  const built = await Promise.all(
    planned.map(async (p) => {
      const packed = packCompatibilityArtifact({
        spec: p.bytes,
        subject: p.subject.descriptor,
        created,
        title: p.title
      });
      let bundle;
      if (opts.sign) {
        const statement = buildCompatibilityStatement({
          subjectName: `${reference.registry}/${reference.repository}`,
          artifactDigest: packed.descriptor.digest,
          imageDigest: p.subject.descriptor.digest,
          spec: { digest: packed.layer.digest, mediaType: COMPATIBILITY_SPEC_MEDIA_TYPE },
          ...source && { source }
        });
        const { signStatement } = await import("./sign-DH3ICO6P.js");
        const signed = await signStatement(statement, opts.sign);
        const art = buildBundleArtifact({
          bundle: signed.bytes,
          predicateType: COMPATIBILITY_PREDICATE_TYPE,
          subject: packed.descriptor,
          created: formatCreated(created)
        });
        bundle = {
          manifest: art.manifestBytes,
          descriptor: art.manifestDescriptor,
          blobs: art.blobs.map((b) => ({ bytes: b.bytes, mediaType: b.descriptor.mediaType }))
        };
      }
      return { ...p, artifact: compatibilityReferrer(packed, p.bytes), bundle };
    })
  );
  const settle = opts.settleMs !== void 0 ? { settleMs: opts.settleMs } : {};
  const artifacts = await Promise.all(
    built.map(async (b) => {
      let referrers = null;
      if (!opts.dryRun) {
        const bundle = b.bundle;
        const before = bundle && (() => pushReferrer(repo, b.artifact.descriptor.digest, bundle, settle));
        referrers = (await pushReferrer(repo, b.subject.descriptor.digest, b.artifact, {
          ...settle,
          ...before && { before }
        })).referrers;
      }
      return {
        platform: b.subject.platform ? formatPlatform(b.subject.platform) : null,
        subject: formatReference(withDigest(reference, b.subject.descriptor.digest)),
        subjectDescriptor: b.subject.descriptor,
        artifact: formatReference(withDigest(reference, b.artifact.descriptor.digest)),
        artifactDescriptor: b.artifact.descriptor,
        referrers,
        spec: b.spec,
        specBytes: b.bytes,
        ...b.bundle && {
          signature: formatReference(withDigest(reference, b.bundle.descriptor.digest)),
          signatureDescriptor: b.bundle.descriptor
        }
      };
    })
  );
  return { artifacts, notes: [...notes], warnings: input.warnings, skipped };
}
async function readInput(opts) {
  if (opts.specFile !== void 0)
    return { kind: "spec", file: opts.specFile, ...await readCheckedSpec(opts.specFile) };
  const { loadConfig } = await import("./load-TIKSNFK6.js");
  return { kind: "config", file: opts.configFile, ...await loadConfig(opts.configFile) };
}
function restrict(subjects, wanted, image) {
  if (!wanted.length) return subjects;
  for (const w of wanted) {
    if (!subjects.some((s) => s.platform && platformsMatch(w, s.platform))) {
      const offered = subjects.map((s) => s.platform ? formatPlatform(s.platform) : "?").join(", ");
      throw new RegistryError(
        `image ${image} has no manifest for ${formatPlatform(w)}; it offers ${offered}`
      );
    }
  }
  return subjects.filter((s) => s.platform && wanted.some((w) => platformsMatch(w, s.platform)));
}

export {
  attachArtifacts
};
