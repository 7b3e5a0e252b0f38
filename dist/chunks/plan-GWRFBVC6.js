import {
  REGISTRY_OPTIONS,
  registryOptionsFrom
} from "./chunk-4XOXONEX.js";
import {
  plan
} from "./chunk-KJXIWXW4.js";
import {
  DEFAULT_CONFIG_PATH
} from "./chunk-BRAVSDII.js";
import "./chunk-4DDMDBMS.js";
import "./chunk-DCC5HAHI.js";
import "./chunk-QMLOPEXN.js";
import "./chunk-YP5NZXMW.js";
import "./chunk-QFUDLQC4.js";
import "./chunk-CETXEPAT.js";
import "./chunk-5POD2GZZ.js";
import "./chunk-EMVFEL76.js";
import "./chunk-Y6GGFIRV.js";
import "./chunk-FVFOLBOD.js";
import "./chunk-GTYZII3F.js";
import "./chunk-ARJZT3GV.js";
import "./chunk-LNR5OBVR.js";
import "./chunk-ZBJJTEMS.js";
import "./chunk-CC76JYNC.js";
import "./chunk-CEMVL7P3.js";
import "./chunk-4PFJNI3I.js";
import "./chunk-LOFLUJHY.js";
import "./chunk-MGVSXMIB.js";
import "./chunk-U6BYPZCD.js";
import "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";

// src/cli/plan.ts
var planCommand = {
  name: "plan",
  description: "Print the validation matrix: one {id, name, platform, weight, runs-on} per set and platform; with --image, one per set and manifest of the index the set targets, with its `manifest` digest.",
  options: [
    { flags: "-c, --config <file>", description: "the config file", default: DEFAULT_CONFIG_PATH },
    {
      flags: "--image <ref>",
      description: "plan against this image index: one entry per set and manifest it targets (`targets:` or platforms), each with `manifest` (the validate action's input)"
    },
    { flags: "--pretty", description: "indent the JSON" },
    ...REGISTRY_OPTIONS
  ],
  after: '\nUse in a workflow:\n  echo "matrix=$(image-compat plan)" >> "$GITHUB_OUTPUT"\n  strategy: {matrix: {include: ${{ fromJSON(needs.plan.outputs.matrix) }}}}\n  runs-on: ${{ matrix.runs-on }}',
  action: async (opts) => {
    const entries = await plan({
      config: opts.config,
      ...opts.image !== void 0 && { image: opts.image, ...await registryOptionsFrom(opts) }
    });
    process.stdout.write(`${JSON.stringify(entries, null, opts.pretty ? 2 : void 0)}
`);
  }
};
export {
  planCommand
};
