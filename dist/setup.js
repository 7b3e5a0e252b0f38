import {
  require_semver
} from "./chunks/chunk-BAT4XCPV.js";
import {
  addPath,
  cp,
  debug,
  info,
  mkdirP,
  readSetupInputs,
  rmRF,
  runAction,
  setOutput
} from "./chunks/chunk-K6DOW5V5.js";
import "./chunks/chunk-PIRTYTCX.js";
import "./chunks/chunk-QG2XQ7B5.js";
import "./chunks/chunk-THTKVCSJ.js";
import "./chunks/chunk-SYP4RMMF.js";
import "./chunks/chunk-3HEGI24S.js";
import {
  require_fs
} from "./chunks/chunk-MGVSXMIB.js";
import "./chunks/chunk-U6BYPZCD.js";
import "./chunks/chunk-TS22JX7Z.js";
import "./chunks/chunk-Q256A2XO.js";
import {
  __toESM
} from "./chunks/chunk-R5CBN7CG.js";

// src/action/setup.ts
import path3 from "node:path";
import { fileURLToPath } from "node:url";

// node_modules/@actions/tool-cache/lib/tool-cache.js
var fs2 = __toESM(require_fs(), 1);

// node_modules/@actions/tool-cache/lib/manifest.js
var semver = __toESM(require_semver(), 1);
var fs = __toESM(require_fs(), 1);

// node_modules/@actions/tool-cache/lib/tool-cache.js
import * as os from "os";
import * as path from "path";
var semver2 = __toESM(require_semver(), 1);
import { ok } from "assert";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var IS_WINDOWS = process.platform === "win32";
var IS_MAC = process.platform === "darwin";
function cacheDir(sourceDir, tool, version, arch2) {
  return __awaiter(this, void 0, void 0, function* () {
    version = semver2.clean(version) || version;
    arch2 = arch2 || os.arch();
    debug(`Caching tool ${tool} ${version} ${arch2}`);
    debug(`source dir: ${sourceDir}`);
    if (!fs2.statSync(sourceDir).isDirectory()) {
      throw new Error("sourceDir is not a directory");
    }
    const destPath = yield _createToolPath(tool, version, arch2);
    for (const itemName of fs2.readdirSync(sourceDir)) {
      const s = path.join(sourceDir, itemName);
      yield cp(s, destPath, { recursive: true });
    }
    _completeToolPath(tool, version, arch2);
    return destPath;
  });
}
function find(toolName, versionSpec, arch2) {
  if (!toolName) {
    throw new Error("toolName parameter is required");
  }
  if (!versionSpec) {
    throw new Error("versionSpec parameter is required");
  }
  arch2 = arch2 || os.arch();
  if (!isExplicitVersion(versionSpec)) {
    const localVersions = findAllVersions(toolName, arch2);
    const match = evaluateVersions(localVersions, versionSpec);
    versionSpec = match;
  }
  let toolPath = "";
  if (versionSpec) {
    versionSpec = semver2.clean(versionSpec) || "";
    const cachePath = path.join(_getCacheDirectory(), toolName, versionSpec, arch2);
    debug(`checking cache: ${cachePath}`);
    if (fs2.existsSync(cachePath) && fs2.existsSync(`${cachePath}.complete`)) {
      debug(`Found tool in cache ${toolName} ${versionSpec} ${arch2}`);
      toolPath = cachePath;
    } else {
      debug("not found");
    }
  }
  return toolPath;
}
function findAllVersions(toolName, arch2) {
  const versions = [];
  arch2 = arch2 || os.arch();
  const toolPath = path.join(_getCacheDirectory(), toolName);
  if (fs2.existsSync(toolPath)) {
    const children = fs2.readdirSync(toolPath);
    for (const child of children) {
      if (isExplicitVersion(child)) {
        const fullPath = path.join(toolPath, child, arch2 || "");
        if (fs2.existsSync(fullPath) && fs2.existsSync(`${fullPath}.complete`)) {
          versions.push(child);
        }
      }
    }
  }
  return versions;
}
function _createToolPath(tool, version, arch2) {
  return __awaiter(this, void 0, void 0, function* () {
    const folderPath = path.join(_getCacheDirectory(), tool, semver2.clean(version) || version, arch2 || "");
    debug(`destination ${folderPath}`);
    const markerPath = `${folderPath}.complete`;
    yield rmRF(folderPath);
    yield rmRF(markerPath);
    yield mkdirP(folderPath);
    return folderPath;
  });
}
function _completeToolPath(tool, version, arch2) {
  const folderPath = path.join(_getCacheDirectory(), tool, semver2.clean(version) || version, arch2 || "");
  const markerPath = `${folderPath}.complete`;
  fs2.writeFileSync(markerPath, "");
  debug("finished caching tool");
}
function isExplicitVersion(versionSpec) {
  const c = semver2.clean(versionSpec) || "";
  debug(`isExplicit: ${c}`);
  const valid2 = semver2.valid(c) != null;
  debug(`explicit? ${valid2}`);
  return valid2;
}
function evaluateVersions(versions, versionSpec) {
  let version = "";
  debug(`evaluating ${versions.length} versions`);
  versions = versions.sort((a, b) => {
    if (semver2.gt(a, b)) {
      return 1;
    }
    return -1;
  });
  for (let i = versions.length - 1; i >= 0; i--) {
    const potential = versions[i];
    const satisfied = semver2.satisfies(potential, versionSpec);
    if (satisfied) {
      version = potential;
      break;
    }
  }
  if (version) {
    debug(`matched: ${version}`);
  } else {
    debug("match not found");
  }
  return version;
}
function _getCacheDirectory() {
  const cacheDirectory = process.env["RUNNER_TOOL_CACHE"] || "";
  ok(cacheDirectory, "Expected RUNNER_TOOL_CACHE to be defined");
  return cacheDirectory;
}

// src/action/run/setup.ts
import { chmod, cp as cp2, mkdir, mkdtemp, readdir, writeFile } from "node:fs/promises";
import path2 from "node:path";
var TOOL_NAME = "image-compat";
function cliFile(name) {
  return name === "cli.js" || name === "chunks" || name === "licenses.txt";
}
function shellQuote(s) {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
async function cacheCli(inputs) {
  const staging = await mkdtemp(path2.join(inputs.runnerTemp, "image-compat-staging-"));
  for (const name of (await readdir(inputs.distDir)).filter(cliFile)) {
    await cp2(path2.join(inputs.distDir, name), path2.join(staging, name), { recursive: true });
  }
  await writeFile(path2.join(staging, "package.json"), '{"type":"module"}\n');
  return cacheDir(staging, TOOL_NAME, inputs.version);
}
async function run(inputs) {
  const cached = find(TOOL_NAME, inputs.version);
  const toolDir = cached || await cacheCli(inputs);
  const binDir = path2.join(inputs.runnerTemp, "image-compat-bin");
  await mkdir(binDir, { recursive: true });
  const cli = path2.join(toolDir, "cli.js");
  const launcher = path2.join(binDir, TOOL_NAME);
  await writeFile(
    launcher,
    `#!/bin/sh
# image-compat ${inputs.version}, from the tool cache, run by the runner's Node.
exec ${shellQuote(inputs.node)} ${shellQuote(cli)} "$@"
`
  );
  await chmod(launcher, 493);
  await writeFile(path2.join(binDir, `${TOOL_NAME}.cmd`), `@"${inputs.node}" "${cli}" %*\r
`);
  return { version: inputs.version, toolDir, binDir, cacheHit: Boolean(cached) };
}
function publish(outcome) {
  addPath(outcome.binDir);
  setOutput("version", outcome.version);
  setOutput("cache-hit", String(outcome.cacheHit));
  info(
    `image-compat ${outcome.version} on PATH (${outcome.cacheHit ? "from the tool cache" : "added to the tool cache"}: ${outcome.toolDir})`
  );
}

// src/action/main/setup.ts
function run2(distDir) {
  return runAction(
    () => readSetupInputs(distDir),
    run,
    async (outcome) => publish(outcome)
  );
}

// src/action/setup.ts
await run2(path3.dirname(fileURLToPath(import.meta.url)));
