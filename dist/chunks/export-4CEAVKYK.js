import { createRequire as __icCreateRequire } from 'node:module';
const require = __icCreateRequire(import.meta.url);
import {
  NODE_SELECTION_OUTPUTS,
  imageName,
  printLabels,
  renderNodeSelection
} from "./chunk-MRW57GCZ.js";
import {
  addPolicyOptions,
  policyRequestOf
} from "./chunk-GEV7Z4ZK.js";
import "./chunk-7TKNABSU.js";
import {
  REGISTRY_HELP,
  addRegistryOptions,
  registryOptionsFrom
} from "./chunk-4IZIHNR4.js";
import {
  Command,
  Option
} from "./chunk-5L4VJRG7.js";
import "./chunk-XDDB4SG4.js";
import "./chunk-BRAVSDII.js";
import "./chunk-IIQ3KH2O.js";
import "./chunk-DCC5HAHI.js";
import "./chunk-YTU2YHNH.js";
import "./chunk-YP5NZXMW.js";
import "./chunk-QFUDLQC4.js";
import "./chunk-KJS7FU2L.js";
import {
  specFromImage
} from "./chunk-AFKGN3MC.js";
import {
  DEFAULT_LABEL_PREFIX
} from "./chunk-3P7CACQ5.js";
import "./chunk-T3PCSXR4.js";
import "./chunk-HIZ7TLNX.js";
import "./chunk-FDWAH7XO.js";
import {
  loadPolicy,
  policyNeeded
} from "./chunk-PTLUBV2Z.js";
import "./chunk-NAMLK4CX.js";
import "./chunk-6NZMWUXB.js";
import {
  parseReference
} from "./chunk-62RQJ7UJ.js";
import "./chunk-EMVFEL76.js";
import "./chunk-FVFOLBOD.js";
import "./chunk-CETXEPAT.js";
import "./chunk-Y6GGFIRV.js";
import "./chunk-Y3VTGDHM.js";
import "./chunk-ARJZT3GV.js";
import "./chunk-OPARHCBB.js";
import "./chunk-ZBJJTEMS.js";
import "./chunk-3OLLROG6.js";
import "./chunk-HRVR337C.js";
import "./chunk-CEMVL7P3.js";
import "./chunk-MSF35XNF.js";
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
function exportCommand() {
  const cmd = new Command("export").summary("an image's compatibility artifact as an NFD NodeFeatureRule or a Pod node affinity").description(
    "Write the compatibility artifact an image publishes (the one validate --image evaluates; with --require-signature the newest whose signature passes the policy) as an NFD NodeFeatureRule that labels each node where a set matches, or as the Pod node affinity requiring those labels. Exit 0: written, 2: bad input or a rule NFD cannot evaluate as validate does, 3: registry error or no artifact, 4: signature policy failure."
  ).requiredOption("--image <ref>", "image reference: host[:port]/path[:tag][@digest]").option(
    "--platform <os/arch[/variant]>",
    "for an index, the platform whose artifact to export (default: its first entry)"
  ).addOption(
    new Option("--output <format>", "node-feature-rule or node-affinity").choices([...NODE_SELECTION_OUTPUTS]).default("node-feature-rule")
  ).option("--name <image>", "the image's name in labels (default: the last part of its repository)").option("--label-prefix <prefix>", "the labels' prefix (a DNS subdomain)", DEFAULT_LABEL_PREFIX).addOption(
    new Option(
      "--require-signature",
      "export the newest artifact whose signature passes the policy"
    ).default(false)
  );
  addPolicyOptions(cmd).addHelpText(
    "after",
    [
      REGISTRY_HELP,
      "",
      "Examples (docs/kubernetes.md):",
      "  image-compat export --image ghcr.io/acme/app:1.0 --require-signature --key cosign.pub | kubectl apply -f -",
      "  image-compat export --image ghcr.io/acme/app:1.0 --platform linux/amd64 --output node-affinity",
      ""
    ].join("\n")
  );
  return addRegistryOptions(cmd).action(async (flags) => {
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
  });
}
export {
  exportCommand
};
