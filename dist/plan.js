import { createRequire as __icCreateRequire } from 'node:module';
const require = __icCreateRequire(import.meta.url);
import {
  plan
} from "./chunks/chunk-QQ63AC6T.js";
import "./chunks/chunk-BRAVSDII.js";
import "./chunks/chunk-PORYFD2U.js";
import "./chunks/chunk-A65EGXUP.js";
import "./chunks/chunk-YP5NZXMW.js";
import {
  tableRow,
  text
} from "./chunks/chunk-QBVQPRCO.js";
import "./chunks/chunk-HIZ7TLNX.js";
import {
  registryOptions
} from "./chunks/chunk-FTPQTPFU.js";
import "./chunks/chunk-F2JA6JCL.js";
import "./chunks/chunk-EMVFEL76.js";
import "./chunks/chunk-U5HN2X42.js";
import "./chunks/chunk-KFUNB6SX.js";
import "./chunks/chunk-AECNDLIE.js";
import "./chunks/chunk-53P7BJDV.js";
import "./chunks/chunk-TVYRZPYQ.js";
import "./chunks/chunk-ARJZT3GV.js";
import "./chunks/chunk-TSG2MLKR.js";
import "./chunks/chunk-ZBJJTEMS.js";
import "./chunks/chunk-EIWQX6KW.js";
import "./chunks/chunk-CEMVL7P3.js";
import "./chunks/chunk-MSF35XNF.js";
import "./chunks/chunk-VI3OPX7Z.js";
import {
  info,
  readPlanInputs,
  runAction,
  setOutputs,
  warning,
  writeSummary
} from "./chunks/chunk-LFL3MGOW.js";
import "./chunks/chunk-PIRTYTCX.js";
import "./chunks/chunk-QG2XQ7B5.js";
import "./chunks/chunk-THTKVCSJ.js";
import "./chunks/chunk-SYP4RMMF.js";
import "./chunks/chunk-Q256A2XO.js";
import "./chunks/chunk-3HEGI24S.js";
import "./chunks/chunk-L636BFQV.js";
import "./chunks/chunk-TS22JX7Z.js";
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
