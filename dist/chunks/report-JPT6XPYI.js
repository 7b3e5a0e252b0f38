import { createRequire as __icCreateRequire } from 'node:module';
const require = __icCreateRequire(import.meta.url);
import {
  fleetMessages,
  report
} from "./chunk-Y2MIT6KY.js";
import "./chunk-VZIEYRV5.js";
import "./chunk-FNFXL7B6.js";
import "./chunk-YP5NZXMW.js";
import "./chunk-DR4D7WGV.js";
import "./chunk-KJS7FU2L.js";
import "./chunk-QBVQPRCO.js";
import "./chunk-HIZ7TLNX.js";
import "./chunk-6K2UG3UQ.js";
import "./chunk-3OLLROG6.js";
import {
  readSource
} from "./chunk-CC76JYNC.js";
import "./chunk-CEMVL7P3.js";
import "./chunk-4PFJNI3I.js";
import "./chunk-LOFLUJHY.js";
import {
  REQUIREMENTS
} from "./chunk-PIRTYTCX.js";
import "./chunk-QG2XQ7B5.js";
import "./chunk-THTKVCSJ.js";
import "./chunk-SYP4RMMF.js";
import "./chunk-MGVSXMIB.js";
import {
  ExitCode
} from "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";

// src/cli/report.ts
var reportCommand = {
  name: "report",
  description: "Merge the validation reports of a matrix run into one verdict table.",
  options: [
    {
      flags: "--dir <dir>",
      description: "folder holding the report files (searched recursively for *.json)",
      required: true
    },
    {
      flags: "--output <format>",
      description: "what to print on stdout",
      choices: ["markdown", "json"],
      default: "markdown"
    },
    {
      flags: "--require <rule>",
      description: "all: every set compatible on every runner that ran it; any-per-set: every set compatible on at least one runner",
      choices: REQUIREMENTS,
      default: "all"
    },
    {
      flags: "--matrix <file>",
      description: "the plan's matrix (JSON, `-` for stdin): reports are reconciled with its entries by id; an entry with no report or an error report fails the run"
    },
    {
      flags: "--all-host-values",
      description: "keep every host value the reports carry in the failures (default: the first 16 and the total)"
    },
    {
      flags: "--fleet-out <dir>",
      description: "also write the matrix's hosts (the snapshots beside the reports, scrubbed, one file per distinct host) as a fleet folder for check --fleet"
    }
  ],
  after: "\nExit codes: 0 compatible, 1 not compatible, 2 bad input (no reports, an invalid report).",
  action: async (opts) => {
    const matrix = opts.matrix ? { text: await readSource(opts.matrix), source: opts.matrix } : void 0;
    const result = await report({
      dir: opts.dir,
      require: opts.require,
      matrix,
      allHostValues: opts.allHostValues ?? false,
      ...opts.fleetOut !== void 0 && { fleetOut: opts.fleetOut }
    });
    for (const file of result.skipped)
      process.stderr.write(`image-compat: ${file}: a host snapshot, listed, not merged
`);
    for (const file of result.invalid)
      process.stderr.write(`image-compat: ${file}: not a valid report: counted as a failed run
`);
    if (result.fleet) {
      const { notes, warnings } = fleetMessages(result.fleet);
      for (const note of notes) process.stderr.write(`image-compat: ${note}
`);
      for (const warning of warnings) process.stderr.write(`image-compat: warning: ${warning}
`);
    }
    process.stdout.write(
      opts.output === "json" ? `${JSON.stringify(result.merged, null, 2)}
` : result.markdown
    );
    process.exitCode = result.merged.compatible ? ExitCode.ok : ExitCode.incompatible;
  }
};
export {
  reportCommand
};
