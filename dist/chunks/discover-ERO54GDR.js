import {
  IMAGE_OPTION,
  OUTPUT_OPTION,
  REGISTRY_HELP,
  REGISTRY_OPTIONS,
  registryOptionsFrom
} from "./chunk-4XOXONEX.js";
import "./chunk-CETXEPAT.js";
import {
  ANNOTATION_CREATED,
  formatReference,
  listCompatibilityArtifacts,
  parseReference,
  withDigest
} from "./chunk-5POD2GZZ.js";
import "./chunk-EMVFEL76.js";
import "./chunk-Y6GGFIRV.js";
import "./chunk-FVFOLBOD.js";
import {
  formatPlatform,
  parsePlatform
} from "./chunk-ARJZT3GV.js";
import "./chunk-LOFLUJHY.js";
import "./chunk-MGVSXMIB.js";
import "./chunk-U6BYPZCD.js";
import "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";

// src/commands/discover.ts
async function discover(opts) {
  const reference = parseReference(opts.image);
  const platform = opts.platform !== void 0 ? parsePlatform(opts.platform) : void 0;
  const listing = await listCompatibilityArtifacts(reference, { ...opts, ...platform && { platform } });
  const entry = (attachedTo) => (d) => ({
    attachedTo,
    reference: formatReference(withDigest(reference, d.digest)),
    digest: d.digest,
    mediaType: d.mediaType,
    ...d.artifactType !== void 0 && { artifactType: d.artifactType },
    size: d.size,
    created: d.annotations?.[ANNOTATION_CREATED] ?? null,
    annotations: d.annotations ?? {}
  });
  return {
    subject: formatReference(withDigest(reference, listing.subject.digest)),
    platform: listing.platform ? formatPlatform(listing.platform) : null,
    index: listing.index ? formatReference(withDigest(reference, listing.index.digest)) : null,
    artifacts: [...listing.artifacts.map(entry("manifest")), ...listing.indexArtifacts.map(entry("index"))]
  };
}

// src/cli/discover.ts
var discoverCommand = {
  name: "discover",
  description: "List an image's NFD compatibility artifacts, newest first: the platform manifest's, then its index's (an index resolves to one platform: --platform, else the first the host runs). The first listed is the one validate evaluates.",
  options: [
    IMAGE_OPTION,
    {
      flags: "--platform <os/arch[/variant]>",
      description: "for an index, the platform manifest to look at (os and arch exact, variant when given; default: the first the host runs)"
    },
    OUTPUT_OPTION,
    ...REGISTRY_OPTIONS
  ],
  after: `${REGISTRY_HELP}
Exit codes: 0 listed (possibly none), 2 bad input, 3 registry error.`,
  action: async (flags) => {
    const result = await discover({
      image: flags.image,
      ...flags.platform !== void 0 && { platform: flags.platform },
      ...await registryOptionsFrom(flags)
    });
    if (flags.output === "json") {
      process.stdout.write(`${JSON.stringify(result, null, 2)}
`);
      return;
    }
    process.stderr.write(
      `${result.subject}${result.platform ? ` (${result.platform})` : ""}: ${result.artifacts.length} compatibility artifact(s)
`
    );
    if (result.artifacts.length === 0) return;
    const rows = [
      ["DIGEST", "CREATED", "SIZE", "ATTACHED TO"],
      ...result.artifacts.map((a) => [a.digest, a.created ?? "-", String(a.size), a.attachedTo])
    ];
    const width = rows.map((r) => r[1]?.length ?? 0).reduce((a, b) => Math.max(a, b), 0);
    const size = rows.map((r) => r[2]?.length ?? 0).reduce((a, b) => Math.max(a, b), 0);
    for (const r of rows)
      process.stdout.write(
        `${(r[0] ?? "").padEnd(71)}  ${(r[1] ?? "").padEnd(width)}  ${(r[2] ?? "").padEnd(size)}  ${r[3]}
`
      );
  }
};
export {
  discoverCommand
};
