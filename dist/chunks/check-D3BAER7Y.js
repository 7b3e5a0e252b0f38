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
  check,
  checkExitCode,
  checkJson,
  renderCheckMarkdown,
  renderCheckText
} from "./chunk-HFXNBKO5.js";
import "./chunk-QEWOXDOG.js";
import "./chunk-PCYJVOZY.js";
import {
  formatDiagnostics
} from "./chunk-XDDB4SG4.js";
import "./chunk-NB5YO7E2.js";
import "./chunk-LY3MDLAE.js";
import {
  DEFAULT_CONFIG_PATH
} from "./chunk-BRAVSDII.js";
import "./chunk-4DDMDBMS.js";
import "./chunk-DCC5HAHI.js";
import "./chunk-QMLOPEXN.js";
import "./chunk-E4W27L74.js";
import "./chunk-VZIEYRV5.js";
import "./chunk-FNFXL7B6.js";
import "./chunk-YP5NZXMW.js";
import "./chunk-VQQTVLFL.js";
import "./chunk-PSPC2OAQ.js";
import "./chunk-PEHZUMXG.js";
import "./chunk-N26NQN4P.js";
import "./chunk-BDXOAHXW.js";
import "./chunk-ILUPUREO.js";
import "./chunk-QFUDLQC4.js";
import "./chunk-KJS7FU2L.js";
import {
  loadPolicy,
  policyRequested
} from "./chunk-Y4PLFU5D.js";
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
import "./chunk-SYP4RMMF.js";
import "./chunk-MGVSXMIB.js";
import "./chunk-U6BYPZCD.js";
import {
  InputError
} from "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";

// src/cli/check.ts
var checkCommand = {
  name: "check",
  summary: "the pull-request check: lint, requirement diff against a baseline, fleet impact",
  description: "Lint the changed configs and specs, compile the config and compare its requirements with a baseline (the config at a git ref, a base config file, or the specs published for an image), and evaluate both on a fleet of host snapshots: which hosts the change newly excludes or admits.",
  options: [
    { flags: "--config <file>", description: "the compatibility config", default: DEFAULT_CONFIG_PATH },
    {
      flags: "--base-ref <ref>",
      description: "baseline: the config at this git ref (default with --event: the pull request base SHA)"
    },
    { flags: "--base-config <file>", description: "baseline: a config file" },
    {
      flags: "--base-image <ref>",
      description: "baseline: the newest specs attached to this image, per platform"
    },
    {
      flags: "--fleet <dir>",
      description: "folder of host snapshots (features output, NodeFeature, NodeFeatureList, List; JSON or YAML)"
    },
    {
      flags: "--fleet-image <ref>",
      description: "instead of --fleet: the hosts that validated this image (its validation records' scrubbed NodeFeatures, one per machine); with --key or --certificate-* only the records that pass that policy"
    },
    { flags: "--files <files...>", description: "lint these files instead of those git says changed" },
    {
      flags: "--event <file>",
      description: "GitHub event payload (GITHUB_EVENT_PATH): a pull_request gives the base and head SHAs"
    },
    {
      flags: "--output <format>",
      description: "report format",
      choices: ["text", "json", "markdown"],
      default: "text"
    },
    {
      flags: "--annotations",
      description: "also print lint findings as GitHub workflow commands (::error file=...::)",
      default: false
    },
    {
      flags: "--fail-on-exclusion",
      description: "exit 1 when a host of the fleet is newly excluded",
      default: false
    },
    ...POLICY_OPTIONS,
    ...REGISTRY_OPTIONS
  ],
  after: [
    "",
    "Examples:",
    "  image-compat check --base-ref origin/main --fleet hosts/",
    '  image-compat check --event "$GITHUB_EVENT_PATH" --fleet hosts/ --output markdown --annotations',
    "  image-compat check --base-image ghcr.io/o/app:latest --fleet hosts/ --fail-on-exclusion",
    "  image-compat check --base-ref origin/main --fleet-image ghcr.io/o/app:latest --key ci.pub",
    REGISTRY_HELP,
    "Exit codes: 0 done, 1 a host newly excluded (with --fail-on-exclusion), 2 lint errors or bad input, 3 registry error."
  ].join("\n"),
  action: async (flags) => {
    if (flags.fleetImage === void 0 && policyRequested(policyRequestOf(flags)))
      throw new InputError("the signature policy flags (--key, --certificate-*) of check need --fleet-image");
    const fleetPolicy = await loadPolicy(
      policyRequestOf(flags),
      (m) => process.stderr.write(`image-compat: note: ${m}
`)
    );
    const result = await check({
      config: flags.config,
      ...flags.baseRef !== void 0 && { baseRef: flags.baseRef },
      ...flags.baseConfig !== void 0 && { baseConfig: flags.baseConfig },
      ...flags.baseImage !== void 0 && { baseImage: flags.baseImage },
      ...flags.fleet !== void 0 && { fleet: flags.fleet },
      ...flags.fleetImage !== void 0 && { fleetImage: flags.fleetImage },
      ...fleetPolicy && { fleetPolicy },
      ...flags.files !== void 0 && { files: flags.files },
      ...flags.event !== void 0 && { event: flags.event },
      registry: await registryOptionsFrom(flags)
    });
    if (flags.annotations)
      process.stdout.write(
        formatDiagnostics(
          result.lint.files.flatMap((f) => f.diagnostics),
          "github"
        )
      );
    process.stdout.write(
      flags.output === "json" ? checkJson(result) : flags.output === "markdown" ? renderCheckMarkdown(result) : renderCheckText(result)
    );
    process.exitCode = checkExitCode(result, flags.failOnExclusion);
  }
};
export {
  checkCommand
};
