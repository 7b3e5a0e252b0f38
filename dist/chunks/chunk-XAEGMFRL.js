import {
  formatPlatform,
  normalisePlatform
} from "./chunk-ARJZT3GV.js";
import {
  readText,
  require_fs
} from "./chunk-LKJTNIGP.js";
import {
  InputError,
  LIMITS,
  RegistryError
} from "./chunk-TS22JX7Z.js";
import {
  __toESM
} from "./chunk-R5CBN7CG.js";

// src/platform/host.ts
function hostPlatform() {
  const os2 = process.platform === "win32" ? "windows" : process.platform;
  const archMap = { x64: "amd64", ia32: "386", arm64: "arm64", arm: "arm" };
  let architecture = archMap[process.arch] ?? process.arch;
  if (process.arch === "ppc64") architecture = "ppc64le";
  if (architecture === "arm") {
    const v = process.config.variables.arm_version;
    return { os: os2, architecture, variant: `v${typeof v === "string" || typeof v === "number" ? v : "7"}` };
  }
  return normalisePlatform({ os: os2, architecture });
}
function cpuFlags(features) {
  return features.flags?.["cpu.cpuid"]?.elements ?? {};
}
function x86LevelOf(features) {
  const flags = cpuFlags(features);
  for (let level = 4; level >= 2; level--) if (`X86_64_V${level}` in flags) return level;
  return "X86_64_V1" in flags || "SSE2" in flags ? 1 : void 0;
}
function archFromCpuFlags(features) {
  const flags = cpuFlags(features);
  if (x86LevelOf(features) !== void 0 || "SSE" in flags || "CMOV" in flags) return "amd64";
  if ("ASIMD" in flags || "FP" in flags || "ATOMICS" in flags) return "arm64";
  return void 0;
}
function machineHostPlatform(features) {
  const p = hostPlatform();
  const level = p.architecture === "amd64" ? x86LevelOf(features) : void 0;
  return { ...p, ...level !== void 0 && { x86Level: level }, source: "machine" };
}
function snapshotHostPlatform(features, labels = {}) {
  const labelled = labels["kubernetes.io/arch"];
  const architecture = labelled ?? archFromCpuFlags(features);
  if (architecture === void 0) return void 0;
  const p = normalisePlatform({ os: labels["kubernetes.io/os"] ?? "linux", architecture });
  const level = p.architecture === "amd64" ? x86LevelOf(features) : void 0;
  return {
    ...p,
    ...level !== void 0 && { x86Level: level },
    source: labelled !== void 0 ? "labels" : "cpu flags"
  };
}
function describeHost(host) {
  const base = formatPlatform(host);
  return host.x86Level !== void 0 ? `${base} (x86-64-v${host.x86Level})` : base;
}
function canRun(host, image) {
  const img = normalisePlatform(image);
  const refuse = (why) => ({
    ok: false,
    reason: `host is ${describeHost(host)}, image platform is ${formatPlatform(img)}${why ? ` (${why})` : ""}`
  });
  if (img.os !== host.os || img.architecture !== host.architecture) return refuse();
  if (img.architecture === "amd64" && img.variant !== void 0) {
    const m = /^v(\d+)$/.exec(img.variant);
    if (!m) return refuse(`unknown amd64 variant ${img.variant}`);
    const need = Number(m[1]);
    if (host.x86Level === void 0 && need > 1) return refuse("the host x86-64 level is unknown");
    if ((host.x86Level ?? 1) < need) return refuse(`the host CPU is below x86-64-v${need}`);
  }
  if (img.architecture === "arm" && host.variant !== void 0 && img.variant !== void 0) {
    if (Number(img.variant.slice(1)) > Number(host.variant.slice(1))) return refuse();
  }
  return { ok: true };
}

// src/oci/retry.ts
var RETRY_STATUSES = /* @__PURE__ */ new Set([429, 500, 502, 503, 504]);
var MAX_RETRY_AFTER_MS = 6e4;
var RETRY_CODES = /* @__PURE__ */ new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "ECONNABORTED",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT"
]);
function isTransientNetworkError(err) {
  const e = err;
  if (e?.name === "TimeoutError" || e?.cause?.name === "TimeoutError") return true;
  const code = e?.cause?.code ?? e?.code;
  if (code !== void 0 && RETRY_CODES.has(code)) return true;
  const message = `${err?.message ?? ""} ${e?.cause?.message ?? ""}`;
  return /\b(terminated|other side closed|socket hang up|socket closed)\b/i.test(message);
}
function isTransientFailure(err) {
  return err instanceof RegistryError && err.transient;
}
function parseRetryAfter(value, now = Date.now()) {
  if (value === null || value === void 0) return void 0;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1e3;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return void 0;
  return Math.max(0, at - now);
}
function retryPolicy(opts = {}) {
  const retries = opts.retries ?? 4;
  const base = opts.baseMs ?? 250;
  const maxBackoff = opts.maxBackoffMs ?? 8e3;
  const maxRetryAfter = opts.maxRetryAfterMs ?? MAX_RETRY_AFTER_MS;
  const random = opts.random ?? Math.random;
  const now = opts.now ?? Date.now;
  const policy = (attempt, outcome, request) => {
    if (attempt > retries || request.idempotent === false) return void 0;
    let asked;
    if (outcome.response !== void 0) {
      if (!RETRY_STATUSES.has(outcome.response.status)) return void 0;
      asked = parseRetryAfter(outcome.response.headers.get("retry-after"), now());
    } else if (outcome.error instanceof RegistryError) {
      if (!outcome.error.transient) return void 0;
      asked = outcome.error.retryAfterMs;
    } else if (!isTransientNetworkError(outcome.error)) {
      return void 0;
    }
    if (asked !== void 0) return asked > maxRetryAfter ? void 0 : asked + Math.floor(random() * 100);
    const backoff = Math.min(maxBackoff, base * 2 ** (attempt - 1));
    return Math.floor(backoff / 2 + random() * (backoff / 2));
  };
  return Object.assign(policy, { attempts: retries + 1, maxRetryAfterMs: maxRetryAfter });
}
function retryAfterCap(policy) {
  return policy?.maxRetryAfterMs ?? MAX_RETRY_AFTER_MS;
}
async function withRetries(policy, what, operation, debug) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (err) {
      const wait = policy?.(attempt, { error: err }, { method: "operation", url: what, idempotent: true });
      if (wait === void 0 || !isTransientFailure(err)) throw withAttempts(err, attempt);
      debug?.(`${what}: trying again in ${wait} ms (attempt ${attempt + 1})`);
      await pause(wait);
    }
  }
}
function pause(ms, signal) {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}
function requestSignal(timeoutMs, cancel) {
  const timeout = AbortSignal.timeout(timeoutMs ?? 6e4);
  return cancel ? AbortSignal.any([timeout, cancel]) : timeout;
}
function withAttempts(err, attempts) {
  if (attempts <= 1 || !(err instanceof RegistryError)) return err;
  const message = /after \d+ attempts/.test(err.message) ? err.message.replace(/after \d+ attempts/, `after ${attempts} attempts`) : `${err.message} (after ${attempts} attempts)`;
  return new RegistryError(message, err.request, err.response, {
    attempts,
    ...err.retryAfterMs !== void 0 && { retryAfterMs: err.retryAfterMs }
  });
}

// src/oci/cred-helpers.ts
var NOT_FOUND = /credentials not found/i;
function runHelper(program, input, env, timeoutMs) {
  return new Promise((resolve) => {
    const { spawn } = process.getBuiltinModule("node:child_process");
    const child = spawn(program, ["get"], { env, stdio: ["pipe", "pipe", "pipe"], timeout: timeoutMs });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d) => stdout += d);
    child.stderr.setEncoding("utf8").on("data", (d) => stderr += d);
    child.on(
      "error",
      (err) => resolve({ code: null, stdout, stderr, spawnError: err })
    );
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.on("error", () => void 0);
    child.stdin.end(input);
  });
}
async function credentialsFromHelper(helper, serverUrl, opts = {}) {
  if (!/^[\w.-]+$/.test(helper)) {
    throw new InputError(
      `credential helper name ${JSON.stringify(helper)} is not a plain name`,
      opts.configFile !== void 0 ? { file: opts.configFile } : {}
    );
  }
  const program = `docker-credential-${helper}`;
  const run = await runHelper(program, serverUrl, opts.env ?? process.env, opts.timeoutMs ?? 3e4);
  if (run.spawnError) {
    throw new InputError(
      `credential helper ${program} cannot be run: ${run.spawnError.code ?? run.spawnError.message}`,
      opts.configFile !== void 0 ? { file: opts.configFile } : {},
      run.spawnError.code === "ENOENT" ? `install ${program} or put it on PATH` : void 0
    );
  }
  if (run.code !== 0) {
    if (NOT_FOUND.test(run.stdout) || NOT_FOUND.test(run.stderr)) return void 0;
    const why = run.stderr.trim().split("\n")[0]?.slice(0, 200) ?? "";
    throw new RegistryError(
      `credential helper ${program} failed for ${serverUrl} (exit ${run.code ?? "killed"})${why ? `: ${why}` : ""}`
    );
  }
  let answer;
  try {
    answer = JSON.parse(run.stdout);
  } catch {
    throw new RegistryError(
      `credential helper ${program} printed something that is not JSON for ${serverUrl}`
    );
  }
  if (typeof answer.Secret !== "string" || answer.Secret === "") return void 0;
  const username = typeof answer.Username === "string" ? answer.Username : "";
  if (username === "<token>") return { username: "", password: "", identityToken: answer.Secret };
  return { username, password: answer.Secret };
}

// src/oci/credentials.ts
import os from "node:os";
import path from "node:path";
var import_node_fs = __toESM(require_fs(), 1);
function dockerConfigPath(env = process.env) {
  const dir = env.DOCKER_CONFIG || path.join(env.HOME || os.homedir(), ".docker");
  return path.join(dir, "config.json");
}
function authFilePaths(env = process.env) {
  const files = [];
  if (env.REGISTRY_AUTH_FILE) files.push(env.REGISTRY_AUTH_FILE);
  if (env.XDG_RUNTIME_DIR) files.push(path.join(env.XDG_RUNTIME_DIR, "containers", "auth.json"));
  files.push(dockerConfigPath(env));
  return files;
}
function normaliseKey(key) {
  return key.replace(/^[a-z]+:\/\//i, "").replace(/\/.*$/, "").toLowerCase();
}
function hostsFor(registry) {
  const host = registry.toLowerCase();
  if (host === "docker.io") return ["docker.io", "index.docker.io", "registry-1.docker.io"];
  return [host];
}
function decodeEntry(entry, file, key) {
  if (typeof entry.identitytoken === "string" && entry.identitytoken !== "") {
    return { username: "", password: "", identityToken: entry.identitytoken };
  }
  if (typeof entry.auth === "string" && entry.auth !== "") {
    const decoded = Buffer.from(entry.auth, "base64").toString("utf8");
    const sep = decoded.indexOf(":");
    if (sep <= 0) throw new InputError(`auths.${key}.auth is not base64 of user:password`, { file });
    return { username: decoded.slice(0, sep), password: decoded.slice(sep + 1) };
  }
  if (typeof entry.username === "string" && typeof entry.password === "string") {
    return { username: entry.username, password: entry.password };
  }
  return void 0;
}
function helperServerUrl(registry) {
  return registry.toLowerCase() === "docker.io" ? "https://index.docker.io/v1/" : registry;
}
async function readAuthFile(file, env) {
  const kind = file === dockerConfigPath(env) ? "Docker's config file" : "the registry auth file";
  let text;
  try {
    text = await readText(file, { maxBytes: LIMITS.small, what: kind });
  } catch (err) {
    if (!(0, import_node_fs.existsSync)(file)) return void 0;
    throw err;
  }
  let config;
  try {
    config = JSON.parse(text);
  } catch (err) {
    throw new InputError(`${kind} is not JSON: ${err.message}`, { file });
  }
  return config !== null && typeof config === "object" ? config : {};
}
async function credentialsFromAuthFile(registry, file, env = process.env) {
  const config = await readAuthFile(file, env);
  if (!config) return void 0;
  const wanted = hostsFor(registry);
  const helpers = config.credHelpers;
  if (helpers !== null && typeof helpers === "object") {
    for (const [key, helper] of Object.entries(helpers)) {
      if (typeof helper === "string" && wanted.includes(normaliseKey(key))) {
        return credentialsFromHelper(helper, helperServerUrl(registry), { env, configFile: file });
      }
    }
  }
  const auths = config.auths;
  if (auths !== null && typeof auths === "object") {
    for (const [key, entry] of Object.entries(auths)) {
      if (entry && typeof entry === "object" && wanted.includes(normaliseKey(key))) {
        const found = decodeEntry(entry, file, key);
        if (found) return found;
      }
    }
  }
  if (typeof config.credsStore === "string" && config.credsStore !== "") {
    return credentialsFromHelper(config.credsStore, helperServerUrl(registry), { env, configFile: file });
  }
  return void 0;
}
function credentialsFromDockerConfig(registry, env = process.env) {
  return credentialsFromAuthFile(registry, dockerConfigPath(env), env);
}
async function credentialsFromAuthFiles(registry, env = process.env) {
  for (const file of authFilePaths(env)) {
    const found = await credentialsFromAuthFile(registry, file, env);
    if (found) return found;
  }
  return void 0;
}
function defaultCredentialSource(explicit, env = process.env) {
  const found = /* @__PURE__ */ new Map();
  return (registry) => {
    if (explicit) return Promise.resolve(explicit);
    let known = found.get(registry);
    if (!known) {
      known = credentialsFromAuthFiles(registry, env);
      found.set(registry, known);
    }
    return known;
  };
}

export {
  hostPlatform,
  machineHostPlatform,
  snapshotHostPlatform,
  canRun,
  RETRY_STATUSES,
  MAX_RETRY_AFTER_MS,
  isTransientNetworkError,
  isTransientFailure,
  parseRetryAfter,
  retryPolicy,
  retryAfterCap,
  withRetries,
  pause,
  requestSignal,
  credentialsFromHelper,
  dockerConfigPath,
  authFilePaths,
  helperServerUrl,
  credentialsFromAuthFile,
  credentialsFromDockerConfig,
  credentialsFromAuthFiles,
  defaultCredentialSource
};
