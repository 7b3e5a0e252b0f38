import {
  plan
} from "./chunks/chunk-KJXIWXW4.js";
import "./chunks/chunk-BRAVSDII.js";
import "./chunks/chunk-4DDMDBMS.js";
import "./chunks/chunk-DCC5HAHI.js";
import "./chunks/chunk-QMLOPEXN.js";
import "./chunks/chunk-YP5NZXMW.js";
import "./chunks/chunk-QFUDLQC4.js";
import {
  tableRow,
  text
} from "./chunks/chunk-QBVQPRCO.js";
import "./chunks/chunk-HIZ7TLNX.js";
import {
  registryOptions
} from "./chunks/chunk-CETXEPAT.js";
import "./chunks/chunk-5POD2GZZ.js";
import "./chunks/chunk-EMVFEL76.js";
import "./chunks/chunk-Y6GGFIRV.js";
import "./chunks/chunk-FVFOLBOD.js";
import "./chunks/chunk-GTYZII3F.js";
import "./chunks/chunk-ARJZT3GV.js";
import "./chunks/chunk-LNR5OBVR.js";
import "./chunks/chunk-ZBJJTEMS.js";
import "./chunks/chunk-CC76JYNC.js";
import "./chunks/chunk-CEMVL7P3.js";
import "./chunks/chunk-4PFJNI3I.js";
import "./chunks/chunk-LOFLUJHY.js";
import {
  info,
  readPlanInputs,
  runAction,
  setOutputs,
  warning,
  writeSummary
} from "./chunks/chunk-K6DOW5V5.js";
import "./chunks/chunk-PIRTYTCX.js";
import "./chunks/chunk-QG2XQ7B5.js";
import "./chunks/chunk-THTKVCSJ.js";
import "./chunks/chunk-SYP4RMMF.js";
import "./chunks/chunk-3HEGI24S.js";
import "./chunks/chunk-MGVSXMIB.js";
import "./chunks/chunk-U6BYPZCD.js";
import "./chunks/chunk-TS22JX7Z.js";
import "./chunks/chunk-Q256A2XO.js";
import "./chunks/chunk-R5CBN7CG.js";

// src/action/run/plan.ts
async function run(inputs) {
  if (!inputs.image) return plan({ config: inputs.config });
  return plan({ config: inputs.config, image: inputs.image, ...await registryOptions(inputs.registry) });
}
function planMarkdown(entries, config) {
  const out = ["## image-compat plan", "", `${entries.length} validation jobs from \`${config}\`.`, ""];
  out.push(
    tableRow(["Job id", "Set", "Platform", "Weight", "Runs on"]),
    tableRow(["---", "---", "---", "---", "---"])
  );
  for (const e of entries) {
    out.push(
      tableRow([
        `\`${e.id}\``,
        text(e.name),
        `${text(e.platform || "any")}${e.manifest ? ` \`${e.manifest.slice(0, 19)}\u2026\`` : ""}`,
        String(e.weight),
        e["runs-on"].map((l) => `\`${l}\``).join(", ")
      ])
    );
  }
  return `${out.join("\n")}
`;
}
async function publish(entries, inputs) {
  info(`${entries.length} validation jobs planned from ${inputs.config}`);
  if (entries.length > 256) warning(`the matrix has ${entries.length} jobs; GitHub allows at most 256`);
  setOutputs({ matrix: JSON.stringify(entries) });
  await writeSummary(planMarkdown(entries, inputs.config));
}

// src/action/main/plan.ts
function run2() {
  return runAction(readPlanInputs, run, publish);
}

// src/action/plan.ts
await run2();
