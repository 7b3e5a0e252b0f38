import { createRequire as __icCreateRequire } from 'node:module';
const require = __icCreateRequire(import.meta.url);
import {
  POLICY_OPTIONS,
  policyRequestOf
} from "./chunk-PAO2NHPY.js";
import {
  NODE_SELECTION_OUTPUTS,
  imageName,
  printLabels,
  renderNodeSelection
} from "./chunk-6URKHKU2.js";
import {
  IMAGE_OPTION,
  REGISTRY_HELP,
  REGISTRY_OPTIONS,
  registryOptionsFrom
} from "./chunk-4XOXONEX.js";
import "./chunk-XDDB4SG4.js";
import "./chunk-BRAVSDII.js";
import "./chunk-4DDMDBMS.js";
import "./chunk-DCC5HAHI.js";
import "./chunk-QMLOPEXN.js";
import "./chunk-YP5NZXMW.js";
import "./chunk-QFUDLQC4.js";
import "./chunk-KJS7FU2L.js";
import {
  specFromImage
} from "./chunk-7J2VHVIM.js";
import {
  DEFAULT_LABEL_PREFIX
} from "./chunk-G3FNBI2S.js";
import "./chunk-T3PCSXR4.js";
import "./chunk-HIZ7TLNX.js";
import {
  loadPolicy,
  policyNeeded
} from "./chunk-Y4PLFU5D.js";
import "./chunk-VHXEUIKY.js";
import "./chunk-JLEFDGDL.js";
import "./chunk-ZC6TAHSD.js";
import "./chunk-CETXEPAT.js";
import {
  parseReference
} from "./chunk-5POD2GZZ.js";
import "./chunk-EMVFEL76.js";
import "./chunk-Y6GGFIRV.js";
import "./chunk-FVFOLBOD.js";
import "./chunk-GTYZII3F.js";
import "./chunk-ARJZT3GV.js";
import "./chunk-LNR5OBVR.js";
import "./chunk-ZBJJTEMS.js";
import "./chunk-3OLLROG6.js";
import "./chunk-CC76JYNC.js";
import "./chunk-CEMVL7P3.js";
import "./chunk-4PFJNI3I.js";
import "./chunk-LOFLUJHY.js";
import "./chunk-SYP4RMMF.js";
import "./chunk-MGVSXMIB.js";
import {
  setting
} from "./chunk-U6BYPZCD.js";
import "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";

// src/commands/export.ts
var SOURCE_ANNOTATION = "image-compat.dev/source";
async function runExport(opts, note) {
  const policy = await loadPolicy(opts.policy, note);
  if (opts.requireSignature && !policy) {
    throw policyNeeded(setting("require-signature"));
  }
  const {
    policy: _request,
    image,
    platform,
    output,
    name,
    labelPrefix,
    requireSignature,
    ...registry
  } = opts;
  const got = await specFromImage({
    image,
    ...platform !== void 0 && { platform },
    ...policy && { policy },
    requireSignature,
    strict: true,
    ...registry
  });
  const r = renderNodeSelection(got.spec, {
    output,
    name: name ?? imageName(parseReference(image).repository),
    ...labelPrefix !== void 0 && { labelPrefix },
    ...got.platform !== void 0 && { platforms: [got.platform] },
    annotations: { [SOURCE_ANNOTATION]: `${image}@${got.artifact}` }
  });
  const notes = [...r.notes];
  if (got.platform !== void 0 && platform === void 0) {
    notes.push(
      `exported the compatibility artifact of platform ${got.platform} (${setting("platform")} picks another)`
    );
  }
  return {
    yaml: r.yaml,
    sets: r.sets,
    artifact: got.artifact,
    ...got.platform !== void 0 && { platform: got.platform },
    warnings: got.warnings,
    notes
  };
}

// src/cli/export.ts
var exportCommand = {
  name: "export",
  summary: "an image's compatibility artifact as an NFD NodeFeatureRule or a Pod node affinity",
  description: "Write the compatibility artifact an image publishes (the one validate --image evaluates; with --require-signature the newest whose signature passes the policy) as an NFD NodeFeatureRule that labels each node where a set matches, or as the Pod node affinity requiring those labels. Exit 0: written, 2: bad input or a rule NFD cannot evaluate as validate does, 3: registry error or no artifact, 4: signature policy failure.",
  options: [
    IMAGE_OPTION,
    {
      flags: "--platform <os/arch[/variant]>",
      description: "for an index, the platform whose artifact to export (default: its first entry)"
    },
    {
      flags: "--output <format>",
      description: "node-feature-rule or node-affinity",
      choices: NODE_SELECTION_OUTPUTS,
      default: "node-feature-rule"
    },
    {
      flags: "--name <image>",
      description: "the image's name in labels (default: the last part of its repository)"
    },
    {
      flags: "--label-prefix <prefix>",
      description: "the labels' prefix (a DNS subdomain)",
      default: DEFAULT_LABEL_PREFIX
    },
    {
      flags: "--require-signature",
      description: "export the newest artifact whose signature passes the policy",
      default: false
    },
    ...POLICY_OPTIONS,
    ...REGISTRY_OPTIONS
  ],
  after: [
    REGISTRY_HELP,
    "",
    "Examples (docs/kubernetes.md):",
    "  image-compat export --image ghcr.io/acme/app:1.0 --require-signature --key cosign.pub | kubectl apply -f -",
    "  image-compat export --image ghcr.io/acme/app:1.0 --platform linux/amd64 --output node-affinity",
    ""
  ].join("\n"),
  action: async (flags) => {
    const note = (m) => process.stderr.write(`image-compat: note: ${m}
`);
    const r = await runExport(
      {
        image: flags.image,
        ...flags.platform !== void 0 && { platform: flags.platform },
        output: flags.output,
        ...flags.name !== void 0 && { name: flags.name },
        labelPrefix: flags.labelPrefix,
        policy: policyRequestOf(flags),
        requireSignature: flags.requireSignature,
        ...await registryOptionsFrom(flags)
      },
      note
    );
    for (const w of r.warnings) process.stderr.write(`image-compat: warning: ${w}
`);
    for (const n of r.notes) note(n);
    process.stderr.write(
      `exported compatibility artifact ${r.artifact}${r.platform ? ` (${r.platform})` : ""}
`
    );
    printLabels(r.sets);
    process.stdout.write(r.yaml);
  }
};
export {
  exportCommand
};
