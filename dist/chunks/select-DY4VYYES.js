import { createRequire as __icCreateRequire } from 'node:module';
const require = __icCreateRequire(import.meta.url);
import {
  POLICY_OPTIONS,
  policyRequestOf
} from "./chunk-PAO2NHPY.js";
import {
  REGISTRY_HELP,
  REGISTRY_OPTIONS,
  registryOptionsFrom
} from "./chunk-4XOXONEX.js";
import {
  renderClusterTable,
  renderHostTable,
  select,
  selectExitCode,
  selectJson
} from "./chunk-7VZ2I7ET.js";
import "./chunk-QAR2RQ4H.js";
import "./chunk-KYOVLEYI.js";
import "./chunk-7J2VHVIM.js";
import "./chunk-G3FNBI2S.js";
import "./chunk-T3PCSXR4.js";
import "./chunk-QBVQPRCO.js";
import "./chunk-HIZ7TLNX.js";
import "./chunk-Y4PLFU5D.js";
import "./chunk-VHXEUIKY.js";
import "./chunk-KNVR5ANA.js";
import "./chunk-JLEFDGDL.js";
import "./chunk-ZC6TAHSD.js";
import "./chunk-CETXEPAT.js";
import "./chunk-5POD2GZZ.js";
import "./chunk-EMVFEL76.js";
import "./chunk-Y6GGFIRV.js";
import "./chunk-FVFOLBOD.js";
import "./chunk-GTYZII3F.js";
import "./chunk-ARJZT3GV.js";
import "./chunk-LNR5OBVR.js";
import "./chunk-ZBJJTEMS.js";
import "./chunk-6K2UG3UQ.js";
import "./chunk-3OLLROG6.js";
import "./chunk-CC76JYNC.js";
import "./chunk-CEMVL7P3.js";
import "./chunk-4PFJNI3I.js";
import "./chunk-LOFLUJHY.js";
import "./chunk-THTKVCSJ.js";
import "./chunk-MGVSXMIB.js";
import "./chunk-U6BYPZCD.js";
import {
  ExitCode
} from "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";

// src/cli/select.ts
var log = {
  note: (m) => process.stderr.write(`image-compat: note: ${m}
`),
  warn: (m) => process.stderr.write(`image-compat: warning: ${m}
`)
};
function printText(result) {
  if (result.cluster) {
    process.stderr.write(renderClusterTable(result));
    for (const h of result.hosts) if (h.chosen) process.stdout.write(`${h.node}	${h.chosen}
`);
    return;
  }
  const host = result.hosts[0];
  process.stderr.write(renderHostTable(result, host));
  if (host.chosen) process.stdout.write(`${host.chosen}
`);
}
function explain(result, code) {
  const unknown = result.hosts.filter((h) => h.noFit === "unknown-platform");
  if (unknown.length)
    log.warn(
      `cannot tell the architecture of ${unknown.map((h) => h.node || "the host").join(", ")}: no kubernetes.io/arch label and no cpu flags`
    );
  const without = result.hosts.filter((h) => h.chosen === null && h.noFit !== "unknown-platform").length;
  if (code === ExitCode.signature)
    log.warn(`--require-signature: no trusted compatibility artifact fits ${without} host(s)`);
  else if (without) log.warn(`no candidate of ${result.image} fits ${without} host(s)`);
}
var selectCommand = {
  name: "select",
  summary: "pick the manifest of an image index that fits this host (or each node of a snapshot) best",
  description: "Evaluate every candidate manifest of an image index for this host: its platform (arch; an amd64 variant against the host's x86-64 level) and its compatibility artifact (the platform manifest's, else the index's, as validate finds them). The best: compatible, then the highest weight among the matching sets, then index order; a candidate without an artifact fits by its platform alone and ranks below every candidate whose requirements matched. stdout: `<registry>/<repository>@<digest>`. Exit 0: a candidate fits (every node of a cluster), 1: none fits, 2: bad input or a node whose architecture cannot be told, 3: registry error, 4: --require-signature found no trusted artifact.",
  options: [
    {
      flags: "--image <ref>",
      description: "the image index (or manifest): host[:port]/path[:tag][@digest]",
      required: true
    },
    {
      flags: "--features <file>",
      description: "host features instead of this host: one host (NFD Features, a NodeFeature) or a cluster (a NodeFeatureList, a List of NodeFeatures: one line per node); - reads standard input"
    },
    {
      flags: "--host-root <dir>",
      description: "collect the host mounted at DIR instead of this machine; also IMAGE_COMPAT_HOST_ROOT"
    },
    {
      flags: "--output <format>",
      description: "text: the reference on stdout; json: {chosen, candidates}",
      choices: ["text", "json"],
      default: "text"
    },
    {
      flags: "--require-signature",
      description: "only candidates whose compatibility artifact has a signature that passes the policy are eligible",
      default: false
    },
    {
      flags: "--strict",
      description: "a candidate's spec with lint errors is refused (as validate --strict)",
      default: false
    },
    ...POLICY_OPTIONS,
    ...REGISTRY_OPTIONS
  ],
  after: [
    REGISTRY_HELP,
    "",
    "Examples:",
    '  docker run "$(image-compat select --image ghcr.io/acme/app:1.0)"',
    "  kubectl get nodefeatures -A -o json | image-compat select --image ghcr.io/acme/app:1.0 --features -",
    ""
  ].join("\n"),
  action: async (flags) => {
    const result = await select(
      {
        image: flags.image,
        ...flags.features !== void 0 && { features: flags.features },
        ...flags.hostRoot !== void 0 && { hostRoot: flags.hostRoot },
        policy: policyRequestOf(flags),
        requireSignature: flags.requireSignature,
        strict: flags.strict,
        ...await registryOptionsFrom(flags)
      },
      log
    );
    if (flags.output === "json") process.stdout.write(selectJson(result));
    else printText(result);
    const code = selectExitCode(result);
    explain(result, code);
    process.exitCode = code;
  }
};
export {
  selectCommand
};
