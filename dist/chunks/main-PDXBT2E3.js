import { createRequire as __icCreateRequire } from 'node:module';
const require = __icCreateRequire(import.meta.url);
import {
  Command,
  CommanderError
} from "./chunk-YTI4N2UN.js";
import {
  neutraliseText
} from "./chunk-SYP4RMMF.js";
import {
  VERSION
} from "./chunk-Q256A2XO.js";
import {
  inWords
} from "./chunk-L636BFQV.js";
import {
  ExitCode,
  ImageCompatError,
  exitCodeOf
} from "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";

// src/cli/index.ts
var commands = {
  validate: async () => (await import("./validate-NACI4FKM.js")).validateCommand,
  features: async () => (await import("./features-UUDRQ57Q.js")).featuresCommand,
  generate: async () => (await import("./generate-3VNSC3TL.js")).generateCommand,
  lint: async () => (await import("./lint-A3SSEMJX.js")).lintCommand,
  attach: async () => (await import("./attach-BV2TUUTD.js")).attachCommand,
  discover: async () => (await import("./discover-G7G7D2OZ.js")).discoverCommand,
  detach: async () => (await import("./detach-V2JYMKCA.js")).detachCommand,
  verify: async () => (await import("./verify-XML4BV7D.js")).verifyCommand,
  plan: async () => (await import("./plan-462VMUCO.js")).planCommand,
  report: async () => (await import("./report-M5QYH2CZ.js")).reportCommand,
  check: async () => (await import("./check-IPGODTMR.js")).checkCommand,
  export: async () => (await import("./export-Y7HIOMEG.js")).exportCommand,
  select: async () => (await import("./select-H7S2OTP6.js")).selectCommand,
  validations: async () => (await import("./validations-TGR2GCI5.js")).validationsCommand
};
var PROGRAM_ONLY = /* @__PURE__ */ new Set(["-V", "--version"]);
async function commandsFor(first) {
  if (first !== void 0 && Object.hasOwn(commands, first)) return [await commands[first]()];
  if (first !== void 0 && PROGRAM_ONLY.has(first)) return [];
  return Promise.all(Object.values(commands).map((load) => load()));
}

// src/cli/words.ts
var FLAGS = {
  password: "--password-stdin (or IMAGE_COMPAT_PASSWORD)",
  "github-token": "GITHUB_TOKEN",
  "signing-key": "--key",
  "signing-key-env": "--key-env",
  "public-key": "--key"
};
function cliWord(name) {
  return FLAGS[name] ?? `--${name}`;
}
function inCliWords(message) {
  return inWords(message, cliWord);
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
