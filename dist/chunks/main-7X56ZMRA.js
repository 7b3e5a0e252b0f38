import {
  inCliWords
} from "./chunk-3QYFJF5U.js";
import {
  Command,
  CommanderError
} from "./chunk-5L4VJRG7.js";
import {
  VERSION
} from "./chunk-Q256A2XO.js";
import {
  neutraliseText
} from "./chunk-SYP4RMMF.js";
import "./chunk-U6BYPZCD.js";
import {
  ExitCode,
  ImageCompatError,
  exitCodeOf
} from "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";

// src/cli/index.ts
var commands = {
  validate: async () => (await import("./validate-M4KZ2IUN.js")).validateCommand,
  features: async () => (await import("./features-6HJBPQIN.js")).featuresCommand,
  generate: async () => (await import("./generate-RMPMJIEI.js")).generateCommand,
  lint: async () => (await import("./lint-5IMR5NMA.js")).lintCommand,
  attach: async () => (await import("./attach-5ONC2AHF.js")).attachCommand,
  discover: async () => (await import("./discover-2VG76B3S.js")).discoverCommand,
  detach: async () => (await import("./detach-7HA4BOCP.js")).detachCommand,
  verify: async () => (await import("./verify-HQ23Y62X.js")).verifyCommand,
  plan: async () => (await import("./plan-5DWYFVZC.js")).planCommand,
  report: async () => (await import("./report-ALEDJNJE.js")).reportCommand,
  check: async () => (await import("./check-R7MQJX47.js")).checkCommand,
  export: async () => (await import("./export-4CEAVKYK.js")).exportCommand,
  select: async () => (await import("./select-SEK4MHWJ.js")).selectCommand,
  validations: async () => (await import("./validations-VWKVBE7W.js")).validationsCommand
};
var PROGRAM_ONLY = /* @__PURE__ */ new Set(["-V", "--version"]);
async function commandsFor(first) {
  if (first !== void 0 && Object.hasOwn(commands, first)) return [await commands[first]()];
  if (first !== void 0 && PROGRAM_ONLY.has(first)) return [];
  return Promise.all(Object.values(commands).map((load) => load()));
}

// src/cli/main.ts
async function buildProgram(argv) {
  const program = new Command("image-compat").description(
    "Generate, sign, attach and validate OCI image compatibility artifacts (the format node-feature-discovery reads)."
  ).version(VERSION, "-V, --version").showHelpAfterError("(run with --help for usage)").exitOverride();
  for (const make of await commandsFor(argv[2])) program.addCommand(make().exitOverride());
  return program;
}
async function main(argv) {
  try {
    await (await buildProgram(argv)).parseAsync(argv);
    return Number(process.exitCode ?? ExitCode.ok);
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? ExitCode.ok : ExitCode.input;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(neutraliseText(`image-compat: ${message}
`));
    if (!(err instanceof ImageCompatError) && process.env.IMAGE_COMPAT_DEBUG && err instanceof Error) {
      process.stderr.write(`${err.stack}
`);
    }
    return exitCodeOf(err);
  }
}
var writeStderr = process.stderr.write.bind(process.stderr);
process.stderr.write = ((chunk, ...rest) => writeStderr(typeof chunk === "string" ? inCliWords(chunk) : chunk, ...rest));
process.stdout.on("error", (err) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? ExitCode.ok);
  throw err;
});
process.exitCode = await main(process.argv);
export {
  buildProgram
};
