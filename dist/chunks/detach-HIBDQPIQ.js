import {
  IMAGE_OPTION,
  OUTPUT_OPTION,
  REGISTRY_HELP,
  REGISTRY_OPTIONS,
  registryOptionsFrom
} from "./chunk-4XOXONEX.js";
import {
  bundleLayerOf,
  bundleReferrerKind
} from "./chunk-PSPC2OAQ.js";
import {
  settleFromEnv
} from "./chunk-CETXEPAT.js";
import {
  COMPATIBILITY_ARTIFACT_TYPE,
  artifactTag,
  deleteFallbackIndex,
  fallbackTag,
  formatReference,
  isDigest,
  listReferrers,
  openRepository,
  parseReference,
  referrersApiSupported,
  removeReferrer,
  resolveManifests,
  withDigest
} from "./chunk-5POD2GZZ.js";
import {
  hostPlatform
} from "./chunk-EMVFEL76.js";
import "./chunk-Y6GGFIRV.js";
import "./chunk-FVFOLBOD.js";
import {
  formatPlatform,
  parsePlatform
} from "./chunk-ARJZT3GV.js";
import "./chunk-LOFLUJHY.js";
import "./chunk-MGVSXMIB.js";
import "./chunk-U6BYPZCD.js";
import {
  InputError
} from "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";

// src/commands/detach.ts
async function signatureReferrers(repo, artifactDigest) {
  const found = [];
  for (const entry of await listReferrers(repo, artifactDigest, { repair: false })) {
    const kind = bundleReferrerKind(entry);
    if (kind === "no") continue;
    if (kind === "maybe") {
      const got = await repo.getManifest(entry.digest);
      if (!got || !bundleLayerOf(got.json)) continue;
    }
    found.push(entry.digest);
  }
  return found;
}
async function detach(opts) {
  const reference = parseReference(opts.image);
  if (!isDigest(opts.artifact))
    throw new InputError(`the artifact to detach must be a digest (sha256:<64 hex>), got ${opts.artifact}`);
  const platform = opts.platform !== void 0 ? parsePlatform(opts.platform) : void 0;
  const repo = openRepository(reference, opts);
  const resolved = await resolveManifests(repo, reference, {
    ...platform && { platform },
    all: true,
    hostPlatform: hostPlatform()
  });
  const image = formatReference(reference);
  const got = await repo.getManifest(opts.artifact);
  const notOurs = (why) => new InputError(`${opts.artifact} is not a compatibility artifact of ${image}: ${why}`);
  if (!got) throw notOurs(`there is no manifest ${opts.artifact} in ${repo.label}`);
  const manifest = got.json ?? {};
  if ((manifest.artifactType ?? manifest.config?.mediaType) !== COMPATIBILITY_ARTIFACT_TYPE)
    throw notOurs(`its artifactType is ${manifest.artifactType ?? manifest.config?.mediaType ?? "none"}`);
  const subjectDigest = manifest.subject?.digest;
  const subject = resolved.flatMap((r) => [
    { descriptor: r.descriptor, ...r.platform && { platform: formatPlatform(r.platform) } },
    ...r.index ? [{ descriptor: r.index }] : []
  ]).find((s) => s.descriptor.digest === subjectDigest);
  if (!subject)
    throw notOurs(
      `its subject is ${subjectDigest ?? "none"}${platform ? ` (looked at ${formatPlatform(platform)} and its index)` : ""}`
    );
  const signatures = await signatureReferrers(repo, opts.artifact);
  const api = await referrersApiSupported(repo, subjectDigest);
  const result = {
    subject: formatReference(withDigest(reference, subjectDigest)),
    platform: subject.platform ?? null,
    artifact: formatReference(withDigest(reference, opts.artifact)),
    signatures: signatures.map((d) => formatReference(withDigest(reference, d))),
    tags: api ? [] : [
      artifactTag(subjectDigest, opts.artifact),
      ...signatures.map((d) => artifactTag(opts.artifact, d)),
      ...signatures.length ? [fallbackTag(opts.artifact)] : []
    ],
    index: api ? null : `${repo.label}:${fallbackTag(subjectDigest)}`,
    referrers: api ? "api" : "fallback",
    dryRun: opts.dryRun ?? false
  };
  if (opts.dryRun) return result;
  const settle = opts.settleMs !== void 0 ? { settleMs: opts.settleMs } : {};
  await removeReferrer(repo, subjectDigest, opts.artifact, settle);
  for (const signature of signatures)
    await removeReferrer(repo, opts.artifact, signature, { ...settle, unlist: false });
  if (signatures.length && !await referrersApiSupported(repo, opts.artifact))
    await deleteFallbackIndex(repo, opts.artifact, (d) => signatures.includes(d.digest));
  return result;
}

// src/cli/detach.ts
var detachCommand = {
  name: "detach",
  description: "Remove one compatibility artifact from its image: its signatures, its manifest, its tag and its entry in the referrers index.",
  options: [
    IMAGE_OPTION,
    {
      flags: "--artifact <digest>",
      description: "digest of the compatibility artifact (as `discover` lists it)",
      required: true
    },
    {
      flags: "--platform <os/arch[/variant]>",
      description: "for an index, only an artifact of this platform's manifest (or of the index itself)"
    },
    { flags: "--dry-run", description: "print what would be removed, remove nothing" },
    OUTPUT_OPTION,
    ...REGISTRY_OPTIONS
  ],
  after: `
The registry must allow DELETE (distribution: REGISTRY_STORAGE_DELETE_ENABLED=true). A registry that
refuses it is exit 3 with nothing changed.
${REGISTRY_HELP}
Exit codes: 0 removed (or, with --dry-run, found), 2 bad input (reference, platform, a digest that is
not a compatibility artifact of the image), 3 registry error (DELETE refused included).`,
  action: async (flags) => {
    const settleMs = settleFromEnv();
    const result = await detach({
      image: flags.image,
      artifact: flags.artifact,
      ...flags.platform !== void 0 && { platform: flags.platform },
      ...flags.dryRun && { dryRun: true },
      ...await registryOptionsFrom(flags),
      ...settleMs !== void 0 && { settleMs }
    });
    if (flags.output === "json") {
      process.stdout.write(`${JSON.stringify(result, null, 2)}
`);
      return;
    }
    const verb = result.dryRun ? "would remove" : "removed";
    const lines = [
      `${result.artifact}	${result.platform ?? "-"}	${result.subject}`,
      ...result.signatures.map((s) => `${s}	signature`),
      ...result.tags.map((t) => `${t}	tag`),
      ...result.index ? [`${result.index}	index entry`] : []
    ];
    process.stdout.write(lines.map((l) => `${verb}	${l}
`).join(""));
  }
};
export {
  detachCommand
};
