import {
  addRegistryOptions,
  registryOptionsFrom
} from "./chunk-I2WOFWMX.js";
import {
  Command
} from "./chunk-5L4VJRG7.js";
import {
  plan
} from "./chunk-TE2IQMGH.js";
import {
  DEFAULT_CONFIG_PATH
} from "./chunk-BRAVSDII.js";
import "./chunk-6M4HYLWO.js";
import "./chunk-DCC5HAHI.js";
import "./chunk-5GORG4BO.js";
import "./chunk-YP5NZXMW.js";
import "./chunk-CAZRSHLT.js";
import "./chunk-QZ2NRAPH.js";
import "./chunk-EMVFEL76.js";
import "./chunk-MQOHZQVC.js";
import "./chunk-AEQ4LSYH.js";
import "./chunk-I4IMQXWF.js";
import "./chunk-3NTFZD3R.js";
import "./chunk-ARJZT3GV.js";
import "./chunk-OPARHCBB.js";
import "./chunk-ZBJJTEMS.js";
import "./chunk-23JRXOGA.js";
import "./chunk-CEMVL7P3.js";
import "./chunk-MSF35XNF.js";
import "./chunk-3TSMJ2YB.js";
import "./chunk-MGVSXMIB.js";
import "./chunk-U6BYPZCD.js";
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
