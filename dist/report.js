import { createRequire as __icCreateRequire } from 'node:module';
const require = __icCreateRequire(import.meta.url);
import {
  fleetMessages,
  report
} from "./chunks/chunk-Y2MIT6KY.js";
import {
  publishComment
} from "./chunks/chunk-XTWRGXK7.js";
import "./chunks/chunk-E4W27L74.js";
import "./chunks/chunk-VZIEYRV5.js";
import "./chunks/chunk-FNFXL7B6.js";
import "./chunks/chunk-YP5NZXMW.js";
import "./chunks/chunk-DR4D7WGV.js";
import {
  writeOutput
} from "./chunks/chunk-KJS7FU2L.js";
import "./chunks/chunk-QBVQPRCO.js";
import "./chunks/chunk-HIZ7TLNX.js";
import "./chunks/chunk-6K2UG3UQ.js";
import "./chunks/chunk-3OLLROG6.js";
import "./chunks/chunk-CC76JYNC.js";
import "./chunks/chunk-CEMVL7P3.js";
import "./chunks/chunk-4PFJNI3I.js";
import "./chunks/chunk-LOFLUJHY.js";
import {
  annotate,
  commentBody,
  commentMarker,
  info2 as info,
  overflowMarkdown,
  readReportInputs,
  runAction,
  setOutputs,
  writeSummary
} from "./chunks/chunk-K6DOW5V5.js";
import "./chunks/chunk-PIRTYTCX.js";
import "./chunks/chunk-QG2XQ7B5.js";
import "./chunks/chunk-THTKVCSJ.js";
import {
  neutraliseText
} from "./chunks/chunk-SYP4RMMF.js";
import "./chunks/chunk-3HEGI24S.js";
import "./chunks/chunk-MGVSXMIB.js";
import "./chunks/chunk-U6BYPZCD.js";
import {
  ExitCode
} from "./chunks/chunk-TS22JX7Z.js";
import "./chunks/chunk-Q256A2XO.js";
import "./chunks/chunk-R5CBN7CG.js";

// src/action/run/report.ts
import path from "node:path";

// src/report/annotations.ts
function mergedAnnotations(merged) {
  return merged.shortfalls.map((s) => {
    const where = [s.runner && `on ${s.runner}`, s.platform && `(${s.platform})`].filter(Boolean).join(" ");
    return {
      level: "error",
      title: neutraliseText(`image-compat: ${s.set} not compatible`),
      message: neutraliseText(`${s.set}${where ? ` ${where}` : ""}: ${s.reason}`)
    };
  });
}

// src/action/run/report.ts
async function run(inputs) {
  const matrix = inputs.matrix ? { text: inputs.matrix, source: 'input "matrix"' } : void 0;
  const result = await report({
    dir: inputs.path,
    require: inputs.require,
    matrix,
    allHostValues: inputs.allHostValues,
    ...inputs.fleetOut && { fleetOut: path.resolve(inputs.fleetOut) }
  });
  const summaryFile = path.join(inputs.outputDir, "report-summary.md");
  const reportFile = path.join(inputs.outputDir, "report.json");
  await writeOutput(summaryFile, result.markdown, { what: "the summary" });
  await writeOutput(reportFile, `${JSON.stringify(result.merged, null, 2)}
`, { what: "the merged report" });
  return { ...result, summaryFile, reportFile };
}
async function publish(outcome, inputs) {
  const { merged } = outcome;
  info(`Merged ${outcome.files.length} reports from ${inputs.path}`);
  for (const file of outcome.skipped) info(`${file}: a host snapshot, listed, not merged`);
  for (const file of outcome.invalid) info(`${file}: not a valid report: counted as a failed run`);
  setOutputs({ compatible: merged.compatible, summary: outcome.summaryFile, report: outcome.reportFile });
  if (outcome.fleet) {
    const { notes, warnings } = fleetMessages(outcome.fleet);
    for (const note of notes) info(note);
    annotate(warnings.map((message) => ({ level: "warning", message: neutraliseText(message) })));
    setOutputs({ fleet: outcome.fleet.dir });
  }
  const overflow = annotate(mergedAnnotations(merged));
  await writeSummary(outcome.markdown + overflowMarkdown(overflow));
  if (!merged.compatible) {
    info(`Not compatible under require: ${inputs.require} (${merged.shortfalls.length} shortfalls)`);
    if (inputs.failOnIncompatible) process.exitCode = ExitCode.incompatible;
  }
  const body = commentBody(commentMarker("report"), outcome.markdown);
  setOutputs({ "comment-content": body });
  await publishComment({
    ...inputs.githubToken && { token: inputs.githubToken },
    ...inputs.repository && { repository: inputs.repository },
    ...inputs.eventName && { eventName: inputs.eventName },
    ...inputs.event && { eventPath: inputs.event },
    marker: commentMarker("report"),
    body,
    policy: inputs.commentPolicy ?? "never",
    failed: !merged.compatible,
    title: "image-compat report"
  });
}

// src/action/main/report.ts
function run2() {
  return runAction(readReportInputs, run, publish);
}

// src/action/report.ts
await run2();
