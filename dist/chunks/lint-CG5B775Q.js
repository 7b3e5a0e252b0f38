import {
  OUTPUT_FORMATS,
  formatDiagnostics
} from "./chunk-XDDB4SG4.js";
import {
  lintSource
} from "./chunk-LY3MDLAE.js";
import {
  DEFAULT_CONFIG_PATH
} from "./chunk-BRAVSDII.js";
import "./chunk-4DDMDBMS.js";
import "./chunk-DCC5HAHI.js";
import "./chunk-QMLOPEXN.js";
import "./chunk-YP5NZXMW.js";
import "./chunk-QFUDLQC4.js";
import "./chunk-KNVR5ANA.js";
import "./chunk-JLEFDGDL.js";
import "./chunk-ZC6TAHSD.js";
import "./chunk-GTYZII3F.js";
import "./chunk-ARJZT3GV.js";
import "./chunk-LNR5OBVR.js";
import "./chunk-ZBJJTEMS.js";
import {
  readSource
} from "./chunk-CC76JYNC.js";
import "./chunk-CEMVL7P3.js";
import "./chunk-4PFJNI3I.js";
import {
  displayName
} from "./chunk-LOFLUJHY.js";
import "./chunk-SYP4RMMF.js";
import "./chunk-MGVSXMIB.js";
import "./chunk-U6BYPZCD.js";
import {
  ExitCode,
  InputError
} from "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";

// src/commands/lint.ts
async function lint(opts) {
  const files = opts.files?.length ? opts.files : [DEFAULT_CONFIG_PATH];
  const results = [];
  for (const file of files) {
    try {
      results.push(lintSource(await readSource(file), file));
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      results.push({
        file: displayName(file),
        diagnostics: [{ severity: "error", message: err.detail, position: err.position, hint: err.hint }]
      });
    }
  }
  const all = results.flatMap((r) => r.diagnostics);
  return {
    results,
    errors: all.filter((d) => d.severity === "error").length,
    warnings: all.filter((d) => d.severity === "warning").length
  };
}

// src/cli/lint.ts
var lintCommand = {
  name: "lint",
  description: "Check compatibility configs and NFD specs: errors with positions and fix hints, warnings for rules that can never match.",
  arguments: [
    {
      name: "[files...]",
      description: `configs or specs, told apart by content ("-" for stdin)`,
      default: [DEFAULT_CONFIG_PATH]
    }
  ],
  options: [
    {
      flags: "--output <format>",
      description: "diagnostics format",
      choices: OUTPUT_FORMATS,
      default: "text"
    }
  ],
  after: "\nExit status: 0 no errors (warnings allowed), 2 errors.",
  action: async (opts, files) => {
    const summary = await lint({ files });
    const diagnostics = summary.results.flatMap((r) => r.diagnostics);
    process.stdout.write(formatDiagnostics(diagnostics, opts.output));
    if (opts.output === "text") {
      process.stderr.write(
        `${summary.results.length} file(s): ${summary.errors} error(s), ${summary.warnings} warning(s)
`
      );
    }
    if (summary.errors) process.exitCode = ExitCode.input;
  }
};
export {
  lintCommand
};
