import {
  inCliWords
} from "./chunk-3QYFJF5U.js";
import {
  VERSION_FLAGS,
  answerVersion
} from "./chunk-TP2FZG6E.js";
import {
  neutraliseText
} from "./chunk-SYP4RMMF.js";
import "./chunk-U6BYPZCD.js";
import {
  ExitCode,
  ImageCompatError,
  exitCodeOf
} from "./chunk-TS22JX7Z.js";
import "./chunk-Q256A2XO.js";
import "./chunk-R5CBN7CG.js";

// src/cli/index.ts
var commands = {
  validate: async () => (await import("./validate-336YS5ZT.js")).validateCommand,
  features: async () => (await import("./features-2OLNKVOT.js")).featuresCommand,
  generate: async () => (await import("./generate-ICQKEGQR.js")).generateCommand,
  lint: async () => (await import("./lint-CG5B775Q.js")).lintCommand,
  attach: async () => (await import("./attach-MEUFP7IG.js")).attachCommand,
  discover: async () => (await import("./discover-ERO54GDR.js")).discoverCommand,
  detach: async () => (await import("./detach-HIBDQPIQ.js")).detachCommand,
  verify: async () => (await import("./verify-BBTYHVIG.js")).verifyCommand,
  plan: async () => (await import("./plan-GWRFBVC6.js")).planCommand,
  report: async () => (await import("./report-JPT6XPYI.js")).reportCommand,
  check: async () => (await import("./check-D3BAER7Y.js")).checkCommand,
  export: async () => (await import("./export-AWHNUZ56.js")).exportCommand,
  select: async () => (await import("./select-DY4VYYES.js")).selectCommand,
  validations: async () => (await import("./validations-TLDF37AY.js")).validationsCommand
};

// src/cli/argv.ts
function keyOf(long) {
  return long.slice(2).split("-").reduce((key, word) => key + word[0].toUpperCase() + word.slice(1));
}
var FLAGS = /^(?:(-[A-Za-z]), )?(--[a-z][a-z0-9]*(?:-[a-z0-9]+)*)(?: (<[^<>]+>|\[[^[\]]+\]))?$/;
function flagsOf(definition) {
  const byName = /* @__PURE__ */ new Map();
  for (const option of definition.options) {
    const m = FLAGS.exec(option.flags);
    if (!m || m[2].startsWith("--no-")) return void 0;
    const value = m[3];
    const plain = value === void 0 || value.startsWith("<") && !value.endsWith("...>");
    const flag = { key: keyOf(m[2]), takesValue: value !== void 0, plain, option };
    byName.set(m[2], flag);
    if (m[1]) byName.set(m[1], flag);
  }
  return byName;
}
var plainValue = (value) => value !== void 0 && value !== "" && (value === "-" || !value.startsWith("-"));
function parseArguments(definition, args) {
  const byName = flagsOf(definition);
  if (!byName) return void 0;
  const flags = {};
  const given = /* @__PURE__ */ new Set();
  const operands = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "" || arg === "-") return void 0;
    if (!arg.startsWith("-")) {
      operands.push(arg);
      continue;
    }
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const name = eq < 0 ? arg : arg.slice(0, eq);
    const flag = byName.get(name);
    if (!flag || !flag.plain || given.has(flag.key)) return void 0;
    given.add(flag.key);
    if (!flag.takesValue) {
      if (eq >= 0) return void 0;
      flags[flag.key] = true;
      continue;
    }
    const value = eq < 0 ? args[++i] : arg.slice(eq + 1);
    if (!plainValue(value)) return void 0;
    const { choices, parse } = flag.option;
    if (choices && !choices.includes(value)) return void 0;
    if (parse) {
      try {
        flags[flag.key] = parse(value);
      } catch {
        return void 0;
      }
    } else {
      flags[flag.key] = value;
    }
  }
  for (const { key, option } of byName.values()) {
    if (given.has(key)) continue;
    if (option.required && option.default === void 0) return void 0;
    if (option.default !== void 0) flags[key] = option.default;
  }
  const positional = operandsOf(definition, operands);
  return positional && { flags, args: positional };
}
function operandsOf(definition, operands) {
  const declared = definition.arguments ?? [];
  const args = [];
  let next = 0;
  for (const argument of declared) {
    const m = /^\[([^\]]+?)(\.\.\.)?\]$/.exec(argument.name);
    if (!m) return void 0;
    if (m[2]) {
      const rest = operands.slice(next);
      next = operands.length;
      args.push(rest.length ? rest : argument.default === void 0 ? [] : argument.default);
    } else {
      args.push(next < operands.length ? operands[next++] : argument.default);
    }
  }
  return next === operands.length ? args : void 0;
}

// src/cli/run.ts
async function commandsFor(commands2, first) {
  if (first !== void 0 && Object.hasOwn(commands2, first)) return [await commands2[first]()];
  if (first !== void 0 && VERSION_FLAGS.has(first)) return [];
  return Promise.all(Object.values(commands2).map((load) => load()));
}
async function run(commands2, argv) {
  if (answerVersion(argv)) return ExitCode.ok;
  const name = argv[2];
  if (name !== void 0 && Object.hasOwn(commands2, name)) {
    const [definition] = await commandsFor(commands2, name);
    const parsed = parseArguments(definition, argv.slice(3));
    if (parsed) {
      await definition.action(parsed.flags, ...parsed.args);
      return Number(process.exitCode ?? ExitCode.ok);
    }
  }
  const [{ runProgram }, definitions] = await Promise.all([
    import("./program-GBWUPBFS.js"),
    commandsFor(commands2, name)
  ]);
  return runProgram(argv, definitions);
}
async function main(commands2, argv) {
  try {
    return await run(commands2, argv);
  } catch (err) {
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
async function runCli(commands2) {
  const writeStderr = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk, ...rest) => writeStderr(
    typeof chunk === "string" ? inCliWords(chunk) : chunk,
    ...rest
  ));
  process.stdout.on("error", (err) => {
    if (err.code === "EPIPE") process.exit(process.exitCode ?? ExitCode.ok);
    throw err;
  });
  process.exitCode = await main(commands2, process.argv);
}

// src/cli/main.ts
await runCli(commands);
