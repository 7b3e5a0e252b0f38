import {
  DEFAULT_RETRIES,
  DEFAULT_TIMEOUT_S,
  registryOptions
} from "./chunk-CETXEPAT.js";
import {
  readText
} from "./chunk-LOFLUJHY.js";
import {
  LIMITS
} from "./chunk-TS22JX7Z.js";

// src/cli/registry-options.ts
var IMAGE_OPTION = {
  flags: "--image <ref>",
  description: "image reference: host[:port]/path[:tag][@digest]",
  required: true
};
var OUTPUT_OPTION = {
  flags: "--output <format>",
  description: "output format",
  choices: ["text", "json"],
  default: "text"
};
var REGISTRY_OPTIONS = [
  { flags: "--plain-http", description: "talk HTTP instead of HTTPS to the registry", default: false },
  {
    flags: "--ca-file <file>",
    description: "PEM file of CA certificates to trust for the registry (besides the system's)"
  },
  {
    flags: "--insecure",
    description: "skip TLS certificate verification (only when you must: anyone can impersonate the registry)"
  },
  {
    flags: "--username <name>",
    description: "registry user name (with --password-stdin; env IMAGE_COMPAT_USERNAME); default: the auth files"
  },
  {
    flags: "--password-stdin",
    description: "read the password or token for --username from stdin (env IMAGE_COMPAT_PASSWORD)"
  },
  {
    flags: "--retries <n>",
    description: "retries of a failed request (429, 5xx, dropped connection)",
    default: String(DEFAULT_RETRIES)
  },
  { flags: "--timeout <seconds>", description: "timeout of one request", default: String(DEFAULT_TIMEOUT_S) }
];
async function readStdin(stdin) {
  return readText("-", { maxBytes: LIMITS.small, what: "--password-stdin", stdin });
}
async function registryOptionsFrom(flags, ctx = {}) {
  const env = ctx.env ?? process.env;
  const username = flags.username ?? (env.IMAGE_COMPAT_USERNAME || void 0);
  let password;
  if (flags.passwordStdin) {
    password = (await readStdin(ctx.stdin ?? process.stdin)).replace(/\r?\n$/, "") || void 0;
  } else if (username !== void 0) {
    password = env.IMAGE_COMPAT_PASSWORD || void 0;
  }
  return registryOptions(
    {
      plainHttp: flags.plainHttp,
      ...flags.caFile !== void 0 && { caFile: flags.caFile },
      ...flags.insecure && { insecure: true },
      ...username !== void 0 && { username },
      ...password !== void 0 && { password },
      ...env.GITHUB_TOKEN && { githubToken: env.GITHUB_TOKEN },
      ...flags.retries !== void 0 && { retries: flags.retries },
      ...flags.timeout !== void 0 && { timeout: flags.timeout }
    },
    { env, ...ctx.log && { log: ctx.log } }
  );
}
var REGISTRY_HELP = `
Credentials: --username with --password-stdin (or IMAGE_COMPAT_USERNAME/IMAGE_COMPAT_PASSWORD), else
$REGISTRY_AUTH_FILE, \${XDG_RUNTIME_DIR}/containers/auth.json (Podman), then Docker's config file
($DOCKER_CONFIG/config.json, else ~/.docker/config.json), with credHelpers/credsStore helpers, else
for ghcr.io the token in GITHUB_TOKEN.
IMAGE_COMPAT_DEBUG=1 logs each request (method, URL, status; never credentials).`;

export {
  IMAGE_OPTION,
  OUTPUT_OPTION,
  REGISTRY_OPTIONS,
  registryOptionsFrom,
  REGISTRY_HELP
};
