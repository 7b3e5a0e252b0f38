import {
  formatDiagnostics
} from "./chunk-XDDB4SG4.js";
import {
  DEFAULT_CONFIG_PATH
} from "./chunk-BRAVSDII.js";
import {
  loadConfig
} from "./chunk-4DDMDBMS.js";
import {
  compileConfig,
  declaredPlatforms,
  noSetApplies
} from "./chunk-QMLOPEXN.js";
import {
  makeFolder,
  onOutput,
  writeOutput
} from "./chunk-KJS7FU2L.js";
import {
  generateNodeFeatureRule,
  nodeAffinity
} from "./chunk-G3FNBI2S.js";
import {
  parseSpec,
  serializeSpec
} from "./chunk-ZC6TAHSD.js";
import {
  platformFileName,
  tryParsePlatform
} from "./chunk-ARJZT3GV.js";
import {
  readSource
} from "./chunk-CC76JYNC.js";
import {
  stringify
} from "./chunk-4PFJNI3I.js";
import {
  setting
} from "./chunk-U6BYPZCD.js";
import {
  InputError
} from "./chunk-TS22JX7Z.js";

// src/commands/generate.ts
import { rename } from "node:fs/promises";
import path from "node:path";

// src/commands/node-selection.ts
var NODE_SELECTION_OUTPUTS = ["node-feature-rule", "node-affinity"];
function renderNodeSelection(spec, opts) {
  const { object, sets, localFeatures } = generateNodeFeatureRule(spec, {
    name: opts.name,
    ...opts.labelPrefix !== void 0 && { labelPrefix: opts.labelPrefix }
  });
  if (opts.annotations && Object.keys(opts.annotations).length) {
    object.metadata.annotations = { ...opts.annotations };
  }
  const value = opts.output === "node-feature-rule" ? object : nodeAffinity(sets, opts.platforms);
  const notes = localFeatures.length ? [
    `the rules read ${localFeatures.join(", ")} from NFD's local source: every node needs the features.d file of \`image-compat features --output nfd-local\` (docs/kubernetes.md)`
  ] : [];
  return {
    yaml: stringify(value, { lineWidth: 0, aliasDuplicateObjects: false }),
    objectName: object.metadata.name,
    sets,
    notes
  };
}
function imageName(repository) {
  return repository.split("/").pop() ?? repository;
}

// src/commands/generate.ts
async function generate(opts) {
  if (opts.output && opts.output !== "spec") return generateNodeSelection(opts, opts.output);
  if (opts.spec !== void 0) {
    throw new InputError(
      `${setting("spec")} is read only for the node-feature-rule and node-affinity outputs`
    );
  }
  const file = opts.config ?? DEFAULT_CONFIG_PATH;
  const { config, warnings } = await loadConfig(file);
  const notes = /* @__PURE__ */ new Set();
  const compile = (platform) => {
    const r = compileConfig(config, platform ? { platform } : {});
    r.notes.forEach((n) => notes.add(n));
    if (!r.spec.compatibilities.length) throw noSetApplies(file, config, platform);
    parseSpec(serializeSpec(r.spec), `<spec generated from ${file}>`);
    return r.spec;
  };
  if (opts.platform !== void 0) {
    if (!tryParsePlatform(opts.platform)) {
      throw new InputError(
        `${setting("platform")} "${opts.platform}" is not os/arch[/variant]`,
        {},
        "e.g. linux/amd64"
      );
    }
    const spec = compile(opts.platform);
    const yaml = serializeSpec(spec);
    const files = opts.outDir ? [await writeSpec(opts.outDir, opts.platform, yaml)] : [];
    return { yaml: opts.outDir ? void 0 : yaml, files, notes: [...notes], warnings };
  }
  const platforms = declaredPlatforms(config);
  const perPlatform = platforms.filter((platform) => compileConfig(config, { platform }).spec.compatibilities.length).map((platform) => ({ platform, spec: compile(platform) }));
  const yamls = perPlatform.map((p) => ({ platform: p.platform, yaml: serializeSpec(p.spec) }));
  const same = new Set(yamls.map((y) => y.yaml)).size <= 1;
  if (opts.outDir) {
    const files = [];
    if (!yamls.length) files.push(await writeSpec(opts.outDir, "", serializeSpec(compile())));
    for (const y of yamls) files.push(await writeSpec(opts.outDir, y.platform, y.yaml));
    return { files, notes: [...notes], warnings };
  }
  if (!same) {
    throw new InputError(
      `the specs of the platforms differ (${yamls.map((y) => y.platform).join(", ")})`,
      { file },
      `give ${setting("platform")} for one of them, or ${setting("out-dir")} for one file per platform`
    );
  }
  return { yaml: yamls[0]?.yaml ?? serializeSpec(compile()), files: [], notes: [...notes], warnings };
}
async function generateNodeSelection(opts, output) {
  if (opts.outDir !== void 0) {
    throw new InputError(
      `${setting("out-dir")} writes spec files; the ${output} output goes to standard output`
    );
  }
  if (!opts.name) {
    throw new InputError(
      `the ${output} output needs the image's name for its labels (${setting("name")})`,
      {},
      `e.g. ${setting("name")} app`
    );
  }
  let spec;
  let notes = [];
  let warnings = [];
  let platforms = opts.platform !== void 0 ? [opts.platform] : [];
  if (opts.spec !== void 0) {
    spec = parseSpec(await readSource(opts.spec), opts.spec);
  } else {
    const r2 = await generate({ ...opts, output: "spec" });
    notes = r2.notes;
    warnings = r2.warnings;
    spec = parseSpec(r2.yaml, `<spec generated from ${opts.config ?? DEFAULT_CONFIG_PATH}>`);
    if (!platforms.length)
      platforms = declaredPlatforms((await loadConfig(opts.config ?? DEFAULT_CONFIG_PATH)).config);
  }
  const r = renderNodeSelection(spec, {
    output,
    name: opts.name,
    ...opts.labelPrefix !== void 0 && { labelPrefix: opts.labelPrefix },
    platforms
  });
  return { yaml: r.yaml, files: [], notes: [...notes, ...r.notes], warnings, sets: r.sets };
}
async function writeSpec(dir, platform, yaml) {
  const target = path.join(dir, platform ? platformFileName(platform) : "spec.yaml");
  const tmp = `${target}.${process.pid}.tmp`;
  await makeFolder(dir, { what: setting("out-dir") });
  await writeOutput(tmp, yaml, { what: "the spec" });
  await onOutput(target, () => rename(tmp, target), { what: "the spec" });
  return { platform, path: target };
}

// src/cli/generate.ts
function printLabels(sets) {
  for (const s of sets) {
    const tag = s.tag !== void 0 ? ` (tag ${JSON.stringify(s.tag)})` : "";
    process.stderr.write(`label ${s.label}="true": nodes where set #${s.index + 1}${tag} matches
`);
  }
}
var generateCommand = {
  name: "generate",
  description: "Compile a compatibility config into an NFD image compatibility spec (YAML on stdout), or a spec into an NFD NodeFeatureRule or a Pod node affinity.",
  options: [
    { flags: "-c, --config <file>", description: "the config file", default: DEFAULT_CONFIG_PATH },
    {
      flags: "-p, --platform <os/arch[/variant]>",
      description: "only the sets for this platform (e.g. linux/amd64)"
    },
    {
      flags: "-o, --out-dir <dir>",
      description: "write one spec per platform: <os>-<arch>[-<variant>].yaml"
    },
    {
      flags: "--output <format>",
      description: "spec; node-feature-rule (an NFD NodeFeatureRule labelling the nodes where a set matches); node-affinity (a Pod affinity requiring those labels)",
      choices: ["spec", "node-feature-rule", "node-affinity"],
      default: "spec"
    },
    {
      flags: "--spec <file>",
      description: "with node-feature-rule or node-affinity: this spec instead of the config"
    },
    {
      flags: "--name <image>",
      description: "with node-feature-rule or node-affinity: the image's name in labels (e.g. app)"
    },
    {
      flags: "--label-prefix <prefix>",
      description: "with node-feature-rule or node-affinity: the labels' prefix (a DNS subdomain)",
      default: "image-compat.dev"
    }
  ],
  after: '\nWhen the platforms get different specs and no --platform is given, --out-dir is required.\nNotes (rules nfd compat validate-node cannot check) and warnings go to stderr.\nKubernetes (docs/kubernetes.md): generate --output node-feature-rule --name app | kubectl apply -f -\nlabels image-compat.dev/app.<set>="true" on the nodes where a set matches; the label names go to stderr.',
  action: async (opts) => {
    const r = await generate(opts);
    if (r.warnings.length) process.stderr.write(formatDiagnostics(r.warnings, "text"));
    for (const note of r.notes) process.stderr.write(`note: ${note}
`);
    for (const f of r.files) process.stderr.write(`wrote ${f.path}${f.platform ? ` (${f.platform})` : ""}
`);
    if (r.sets) printLabels(r.sets);
    if (r.yaml !== void 0) process.stdout.write(r.yaml);
  }
};

export {
  NODE_SELECTION_OUTPUTS,
  renderNodeSelection,
  imageName,
  printLabels,
  generateCommand
};
