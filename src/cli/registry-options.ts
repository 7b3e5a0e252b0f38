// The registry flags every registry-facing verb shares (attach, discover, validate --image,
// verify, check --base-image): defined once so they read the same everywhere, and translated into
// the settings of the one builder in commands/registry-options.ts (the credential rule, TLS,
// retries, timeouts, debug log). The CLI's own part: the password comes from stdin or the
// environment, and the GitHub token from GITHUB_TOKEN.
import { LIMITS } from '../io/limits.js';
import { readText } from '../io/read.js';
import { DEFAULT_RETRIES, DEFAULT_TIMEOUT_S, registryOptions } from '../commands/registry-options.js';
import type { RegistryOptions } from '../oci/index.js';
import type { OptionDefinition } from './definition.js';

export { settleFromEnv } from '../commands/registry-options.js';

export interface RegistryFlags {
  plainHttp: boolean;
  caFile?: string;
  insecure?: boolean;
  username?: string;
  passwordStdin?: boolean;
  retries?: string;
  timeout?: string;
}

/** `--image`, required, as the registry verbs declare it. */
export const IMAGE_OPTION: OptionDefinition = {
  flags: '--image <ref>',
  description: 'image reference: host[:port]/path[:tag][@digest]',
  required: true,
};

/** `--output text|json` of attach, detach and discover. */
export const OUTPUT_OPTION: OptionDefinition = {
  flags: '--output <format>',
  description: 'output format',
  choices: ['text', 'json'],
  default: 'text',
};

/** The shared registry flags, in this order after a command's own. */
export const REGISTRY_OPTIONS: readonly OptionDefinition[] = [
  { flags: '--plain-http', description: 'talk HTTP instead of HTTPS to the registry', default: false },
  {
    flags: '--ca-file <file>',
    description: "PEM file of CA certificates to trust for the registry (besides the system's)",
  },
  {
    flags: '--insecure',
    description:
      'skip TLS certificate verification (only when you must: anyone can impersonate the registry)',
  },
  {
    flags: '--username <name>',
    description:
      'registry user name (with --password-stdin; env IMAGE_COMPAT_USERNAME); default: the auth files',
  },
  {
    flags: '--password-stdin',
    description: 'read the password or token for --username from stdin (env IMAGE_COMPAT_PASSWORD)',
  },
  {
    flags: '--retries <n>',
    description: 'retries of a failed request (429, 5xx, dropped connection)',
    default: String(DEFAULT_RETRIES),
  },
  { flags: '--timeout <seconds>', description: 'timeout of one request', default: String(DEFAULT_TIMEOUT_S) },
];

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  return readText('-', { maxBytes: LIMITS.small, what: '--password-stdin', stdin });
}

export interface RegistryOptionsContext {
  env?: NodeJS.ProcessEnv;
  stdin?: NodeJS.ReadableStream;
  /** Where the debug log goes when IMAGE_COMPAT_DEBUG is set (default stderr). */
  log?: (line: string) => void;
}

/** The client options for the flags of REGISTRY_OPTIONS. */
export async function registryOptionsFrom(
  flags: RegistryFlags,
  ctx: RegistryOptionsContext = {},
): Promise<RegistryOptions> {
  const env = ctx.env ?? process.env;
  const username = flags.username ?? (env.IMAGE_COMPAT_USERNAME || undefined);
  let password: string | undefined;
  if (flags.passwordStdin) {
    // One trailing newline is the terminator `echo` adds, not part of the password.
    password = (await readStdin(ctx.stdin ?? process.stdin)).replace(/\r?\n$/, '') || undefined;
  } else if (username !== undefined) {
    password = env.IMAGE_COMPAT_PASSWORD || undefined;
  }
  return registryOptions(
    {
      plainHttp: flags.plainHttp,
      ...(flags.caFile !== undefined && { caFile: flags.caFile }),
      ...(flags.insecure && { insecure: true }),
      ...(username !== undefined && { username }),
      ...(password !== undefined && { password }),
      ...(env.GITHUB_TOKEN && { githubToken: env.GITHUB_TOKEN }),
      ...(flags.retries !== undefined && { retries: flags.retries }),
      ...(flags.timeout !== undefined && { timeout: flags.timeout }),
    },
    { env, ...(ctx.log && { log: ctx.log }) },
  );
}

export const REGISTRY_HELP = `
Credentials: --username with --password-stdin (or IMAGE_COMPAT_USERNAME/IMAGE_COMPAT_PASSWORD), else
$REGISTRY_AUTH_FILE, \${XDG_RUNTIME_DIR}/containers/auth.json (Podman), then Docker's config file
($DOCKER_CONFIG/config.json, else ~/.docker/config.json), with credHelpers/credsStore helpers, else
for ghcr.io the token in GITHUB_TOKEN.
IMAGE_COMPAT_DEBUG=1 logs each request (method, URL, status; never credentials).`;
