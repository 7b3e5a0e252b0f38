import {
  parseTrustedRoot,
  parseTrustedRoots,
  policyFromFlags,
  policyKind
} from "./chunk-MJVDJ2HD.js";
import "./chunk-PEHZUMXG.js";
import "./chunk-4AIAGJ3W.js";
import "./chunk-ILUPUREO.js";
import {
  readTextSync,
  require_fs
} from "./chunk-LKJTNIGP.js";
import "./chunk-LNR5OBVR.js";
import {
  setting
} from "./chunk-U6BYPZCD.js";
import {
  LIMITS
} from "./chunk-TS22JX7Z.js";
import {
  __toESM
} from "./chunk-R5CBN7CG.js";

// src/sign/trust.ts
var import_node_fs = __toESM(require_fs(), 1);
import { homedir } from "node:os";
import path from "node:path";
var PUBLIC_GOOD_MIRROR = "https://tuf-repo-cdn.sigstore.dev";
var TRUSTED_ROOT_TARGET = "trusted_root.json";
var DEFAULT_TUF_TIMEOUT_MS = 5e3;
var truthy = (v) => v !== void 0 && /^(1|true|yes)$/i.test(v);
function defaultCacheDir(env = process.env) {
  if (env.IMAGE_COMPAT_TUF_CACHE) return env.IMAGE_COMPAT_TUF_CACHE;
  const base = env.XDG_CACHE_HOME || path.join(env.HOME || homedir(), ".cache");
  return path.join(base, "image-compat", "tuf");
}
function repoCacheDir(cacheDir, mirrorURL) {
  const url = new URL(mirrorURL);
  return path.join(cacheDir, encodeURIComponent(url.host + url.pathname.replace(/\/$/, "")));
}
async function publicGoodSeed() {
  const seeds = (await import("./seeds-SEHMLSSZ.js")).default;
  const seed = seeds[PUBLIC_GOOD_MIRROR];
  if (!seed?.targets[TRUSTED_ROOT_TARGET]) throw new Error("@sigstore/tuf carries no public-good seed");
  return seed;
}
function cachedTarget(dir) {
  try {
    return readTextSync(path.join(dir, "targets", TRUSTED_ROOT_TARGET), { maxBytes: LIMITS.small });
  } catch {
    return void 0;
  }
}
function parseCached(text, where) {
  try {
    return parseTrustedRoot(text, where);
  } catch {
    return void 0;
  }
}
async function offlineRoot(repoDir) {
  const file = path.join(repoDir, "targets", TRUSTED_ROOT_TARGET);
  const text = cachedTarget(repoDir);
  const cached = text === void 0 ? void 0 : parseCached(text, file);
  if (cached) {
    return {
      trustedRoot: cached,
      source: "cache",
      description: `Sigstore public-good trusted root (cached ${file})`
    };
  }
  const seed = await publicGoodSeed();
  const json = Buffer.from(seed.targets[TRUSTED_ROOT_TARGET], "base64").toString("utf8");
  return {
    trustedRoot: parseTrustedRoot(json, "@sigstore/tuf seed"),
    source: "seed",
    description: "Sigstore public-good trusted root (embedded @sigstore/tuf seed)"
  };
}
function withDeadline(work, ms, what) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
async function onlineRoot(cacheDir, mirrorURL, timeoutMs) {
  const { getTrustedRoot } = await import("./dist-AS5KSHOE.js");
  let rootPath;
  if (mirrorURL !== PUBLIC_GOOD_MIRROR) {
    const dir = repoCacheDir(cacheDir, mirrorURL);
    (0, import_node_fs.mkdirSync)(dir, { recursive: true });
    rootPath = path.join(dir, "seed-root.json");
    (0, import_node_fs.writeFileSync)(rootPath, Buffer.from((await publicGoodSeed())["root.json"], "base64"));
  }
  const trustedRoot = await withDeadline(
    getTrustedRoot({
      cachePath: cacheDir,
      mirrorURL,
      ...rootPath && { rootPath },
      timeout: timeoutMs,
      retry: false
    }),
    timeoutMs,
    `TUF refresh from ${mirrorURL}`
  );
  return {
    trustedRoot,
    source: "tuf",
    description: `Sigstore public-good trusted root (TUF ${mirrorURL}, cache ${cacheDir})`
  };
}
function reason(err) {
  const parts = [];
  for (let e = err, depth = 0; e && depth < 6; depth++) {
    const message = e.message ?? String(e);
    if (message && !parts.some((p) => p.includes(message))) parts.push(message);
    e = e.cause;
  }
  return parts.join(": ");
}
async function loadTrustedRoot(opts = {}) {
  const env = opts.env ?? process.env;
  const note = opts.note ?? (() => void 0);
  if (opts.file !== void 0) {
    const text = readTextSync(opts.file, { maxBytes: LIMITS.small, what: setting("trusted-root") });
    const [first, ...others] = parseTrustedRoots(text, opts.file);
    return {
      trustedRoot: first,
      source: "file",
      description: `trusted root ${opts.file}`,
      ...others.length > 0 && { otherTrustedRoots: others }
    };
  }
  const cacheDir = opts.cacheDir ?? defaultCacheDir(env);
  const mirrorURL = (opts.mirrorURL ?? (env.IMAGE_COMPAT_TUF_MIRROR || PUBLIC_GOOD_MIRROR)).replace(
    /\/$/,
    ""
  );
  const repoDir = repoCacheDir(cacheDir, mirrorURL);
  let loaded;
  if (opts.offline ?? truthy(env.IMAGE_COMPAT_OFFLINE)) {
    loaded = await offlineRoot(repoDir);
    note(`using the ${loaded.description}, offline`);
    return loaded;
  }
  try {
    loaded = await onlineRoot(cacheDir, mirrorURL, opts.timeoutMs ?? DEFAULT_TUF_TIMEOUT_MS);
    note(`using the ${loaded.description}`);
  } catch (err) {
    loaded = await offlineRoot(repoDir);
    note(
      `could not refresh the Sigstore trusted root from ${mirrorURL} (${reason(err)}); using the ${loaded.description}`
    );
  }
  return loaded;
}
async function resolvePolicy(flags, opts = {}) {
  if (policyKind(flags) !== "identity" || flags.trustedRoot !== void 0) return policyFromFlags(flags);
  return policyFromFlags({ ...flags, defaultTrustedRoot: await loadTrustedRoot(opts) });
}
export {
  DEFAULT_TUF_TIMEOUT_MS,
  PUBLIC_GOOD_MIRROR,
  defaultCacheDir,
  loadTrustedRoot,
  resolvePolicy
};
