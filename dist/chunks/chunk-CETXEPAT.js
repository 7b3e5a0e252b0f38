import {
  defaultCredentialSource,
  retryPolicy
} from "./chunk-Y6GGFIRV.js";
import {
  setting
} from "./chunk-U6BYPZCD.js";
import {
  InputError,
  quote
} from "./chunk-TS22JX7Z.js";

// src/commands/registry-options.ts
var DEFAULT_RETRIES = 4;
var DEFAULT_TIMEOUT_S = 60;
var MAX_TIMEOUT_SECONDS = 86400;
var MAX_RETRIES = 100;
function count(raw, name, min, max) {
  if (raw === void 0 || raw === "") return void 0;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max)
    throw new InputError(`${setting(name)} must be a whole number from ${min} to ${max}, got ${quote(raw)}`);
  return Number(raw);
}
function githubRegistries(env = process.env) {
  const hosts = ["ghcr.io"];
  const server = env.GITHUB_SERVER_URL;
  if (server) {
    try {
      const host = new URL(server).host.toLowerCase();
      if (host && host !== "github.com") hosts.push(`containers.${host}`);
    } catch {
    }
  }
  return hosts;
}
function credentialRule(settings, env = process.env) {
  const { username, password, githubToken } = settings;
  if (password !== void 0 && username === void 0)
    throw new InputError(
      `${setting("password")} is given without ${setting("username")}: give both, or neither`
    );
  if (username !== void 0 && password === void 0)
    throw new InputError(`${setting("username")} ${username} needs ${setting("password")}`);
  const explicit = username !== void 0 ? { username, password } : void 0;
  const files = defaultCredentialSource(explicit, env);
  if (explicit || !githubToken) return files;
  const github = new Set(githubRegistries(env));
  const token = { username: env.GITHUB_ACTOR || "github-actions", password: githubToken };
  return async (registry) => await files(registry) ?? (github.has(registry.toLowerCase()) ? token : void 0);
}
async function registryOptions(settings, ctx = {}) {
  const env = ctx.env ?? process.env;
  const plainHttp = settings.plainHttp ?? false;
  const options = {
    plainHttp,
    credentialSource: credentialRule(settings, env),
    warn: ctx.warn ?? ((line) => process.stderr.write(`warning: ${line}
`))
  };
  if (settings.insecure && plainHttp)
    throw new InputError(
      `${setting("insecure")} is for HTTPS registries; with ${setting("plain-http")} there is no TLS to relax`
    );
  const retries = count(settings.retries, "retries", 0, MAX_RETRIES);
  const timeout = count(settings.timeout, "timeout", 1, MAX_TIMEOUT_SECONDS);
  const caFile = settings.caFile !== void 0 && settings.caFile !== "" ? settings.caFile : void 0;
  if (caFile !== void 0 || settings.insecure) {
    const { tlsSettings } = await import("./tls-RYTWIETT.js");
    const tls = await tlsSettings({
      ...caFile !== void 0 && { caFile },
      ...settings.insecure && { insecure: true }
    });
    if (tls) options.tls = tls;
  }
  if (retries !== void 0) options.retry = retryPolicy({ retries });
  if (timeout !== void 0) options.timeoutMs = timeout * 1e3;
  if (env.IMAGE_COMPAT_DEBUG) {
    options.debug = ctx.log ?? ((line) => process.stderr.write(`debug: ${line}
`));
  }
  return options;
}
function settleFromEnv(env = process.env) {
  const raw = env.IMAGE_COMPAT_SETTLE_MS;
  if (raw === void 0 || raw === "") return void 0;
  if (!/^\d+$/.test(raw))
    throw new InputError(`IMAGE_COMPAT_SETTLE_MS must be milliseconds, got ${JSON.stringify(raw)}`);
  return Number(raw);
}

export {
  DEFAULT_RETRIES,
  DEFAULT_TIMEOUT_S,
  registryOptions,
  settleFromEnv
};
