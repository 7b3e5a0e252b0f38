import { createRequire as __icCreateRequire } from 'node:module';
const require = __icCreateRequire(import.meta.url);
import {
  addRegistryOptions,
  registryOptionsFrom
} from "./chunk-GVZXDFBL.js";
import {
  Command
} from "./chunk-YTI4N2UN.js";
import {
  plan
} from "./chunk-QQ63AC6T.js";
import {
  DEFAULT_CONFIG_PATH
} from "./chunk-BRAVSDII.js";
import "./chunk-PORYFD2U.js";
import "./chunk-A65EGXUP.js";
import "./chunk-YP5NZXMW.js";
import "./chunk-FTPQTPFU.js";
import "./chunk-F2JA6JCL.js";
import "./chunk-EMVFEL76.js";
import "./chunk-U5HN2X42.js";
import "./chunk-KFUNB6SX.js";
import "./chunk-AECNDLIE.js";
import "./chunk-53P7BJDV.js";
import "./chunk-TVYRZPYQ.js";
import "./chunk-ARJZT3GV.js";
import "./chunk-TSG2MLKR.js";
import "./chunk-ZBJJTEMS.js";
import "./chunk-EIWQX6KW.js";
import "./chunk-CEMVL7P3.js";
import "./chunk-MSF35XNF.js";
import "./chunk-VI3OPX7Z.js";
import "./chunk-3HEGI24S.js";
import "./chunk-L636BFQV.js";
import "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";

// src/cli/plan.ts
function planCommand() {
  const cmd = new Command("plan").description(
    "Print the validation matrix: one {id, name, platform, weight, runs-on} per set and platform; with --image, one per set and manifest of the index the set targets, with its `manifest` digest."
  ).option("-c, --config <file>", "the config file", DEFAULT_CONFIG_PATH).option(
    "--image <ref>",
    "plan against this image index: one entry per set and manifest it targets (`targets:` or platforms), each with `manifest` (the validate action's input)"
  ).option("--pretty", "indent the JSON").addHelpText(
    "after",
    '\nUse in a workflow:\n  echo "matrix=$(image-compat plan)" >> "$GITHUB_OUTPUT"\n  strategy: {matrix: {include: ${{ fromJSON(needs.plan.outputs.matrix) }}}}\n  runs-on: ${{ matrix.runs-on }}'
  );
  return addRegistryOptions(cmd).action(
    async (opts) => {
      const entries = await plan({
        config: opts.config,
        ...opts.image !== void 0 && { image: opts.image, ...await registryOptionsFrom(opts) }
      });
      process.stdout.write(`${JSON.stringify(entries, null, opts.pretty ? 2 : void 0)}
`);
    }
  );
}
export {
  planCommand
};
