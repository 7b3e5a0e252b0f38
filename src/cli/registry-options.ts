// The registry flags every registry-facing verb shares (attach, discover, validate --image,
// verify, check --base-image): defined once so they read the same everywhere, and turned into the
// client's RegistryOptions in one place (credentials, TLS, retries, timeouts, debug log).
import { type Command, Option } from 'commander';
import { InputError } from '../errors.js';
import type { RegistryOptions } from '../oci/index.js';
import { retryPolicy, tlsTransport } from '../oci/index.js';
import { LIMITS, quote } from '../io/limits.js';
import { readText } from '../io/read.js';

export interface RegistryFlags {
  plainHttp: boolean;
  caFile?: string;
  insecure?: boolean;
  username?: string;
  passwordStdin?: boolean;
  retries?: string;
  timeout?: string;
}

/** Adds the shared registry flags to a command. */
export function addRegistryOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--plain-http', 'talk HTTP instead of HTTPS to the registry').default(false))
    .addOption(
      new Option(
        '--ca-file <file>',
        "PEM file of CA certificates to trust for the registry (besides the system's)",
      ),
    )
    .addOption(
      new Option(
        '--insecure',
        'skip TLS certificate verification (only when you must: anyone can impersonate the registry)',
      ),
    )
    .addOption(
      new Option(
        '--username <name>',
        'registry user name (with --password-stdin; env IMAGE_COMPAT_USERNAME); default: the auth files',
      ),
    )
    .addOption(
      new Option(
        '--password-stdin',
        'read the password or token for --username from stdin (env IMAGE_COMPAT_PASSWORD)',
      ),
    )
    .addOption(
      new Option('--retries <n>', 'retries of a failed request (429, 5xx, dropped connection)').default('4'),
    )
    .addOption(new Option('--timeout <seconds>', 'timeout of one request').default('60'));
}

/** A day: far above any registry request, and below Node's timer limit (2^31 - 1 ms, 24.8 days). */
export const MAX_TIMEOUT_SECONDS = 86_400;
/** Retries of one request; more is a loop, not a policy. */
export const MAX_RETRIES = 100;

function count(raw: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max)
    throw new InputError(`${flag} must be a whole number from ${min} to ${max}, got ${quote(raw)}`);
  return Number(raw);
}

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  return readText('-', { maxBytes: LIMITS.small, what: '--password-stdin', stdin });
}

export interface RegistryOptionsContext {
  env?: NodeJS.ProcessEnv;
  stdin?: NodeJS.ReadableStream;
  /** Where the debug log goes when IMAGE_COMPAT_DEBUG is set (default stderr). */
  log?: (line: string) => void;
}

/** The client options for the flags `addRegistryOptions` declared. */
export async function registryOptionsFrom(
  flags: RegistryFlags,
  ctx: RegistryOptionsContext = {},
): Promise<RegistryOptions> {
  const env = ctx.env ?? process.env;
  const options: RegistryOptions = { plainHttp: flags.plainHttp };
  const username = flags.username ?? (env.IMAGE_COMPAT_USERNAME || undefined);
  if (flags.passwordStdin && username === undefined)
    throw new InputError('--password-stdin needs --username (or IMAGE_COMPAT_USERNAME)');
  if (username !== undefined) {
    let password: string | undefined;
    if (flags.passwordStdin) {
      // One trailing newline is the terminator `echo` adds, not part of the password.
      password = (await readStdin(ctx.stdin ?? process.stdin)).replace(/\r?\n$/, '');
    } else {
      password = env.IMAGE_COMPAT_PASSWORD || undefined;
    }
    if (password === undefined || password === '')
      throw new InputError(
        `--username ${username} needs a password: --password-stdin or IMAGE_COMPAT_PASSWORD`,
      );
    options.credentials = { username, password };
  }
  if (flags.insecure && flags.plainHttp)
    throw new InputError('--insecure is for HTTPS registries; with --plain-http there is no TLS to relax');
  const tls = await tlsTransport({
    ...(flags.caFile !== undefined && { caFile: flags.caFile }),
    ...(flags.insecure && { insecure: true }),
  });
  if (tls) {
    options.dispatcher = tls.dispatcher;
    options.fetch = tls.fetch;
  }
  const retries = count(flags.retries, '--retries', 0, MAX_RETRIES);
  if (retries !== undefined) options.retry = retryPolicy({ retries });
  const timeout = count(flags.timeout, '--timeout', 1, MAX_TIMEOUT_SECONDS);
  if (timeout !== undefined) options.timeoutMs = timeout * 1000;
  if (env.IMAGE_COMPAT_DEBUG) {
    const log = ctx.log ?? ((line: string) => process.stderr.write(`debug: ${line}\n`));
    options.debug = log;
  }
  return options;
}

/** `IMAGE_COMPAT_SETTLE_MS` shortens the fallback-index settle delay (tests) or lengthens it (slow registries). */
export function settleFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.IMAGE_COMPAT_SETTLE_MS;
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw))
    throw new InputError(`IMAGE_COMPAT_SETTLE_MS must be milliseconds, got ${JSON.stringify(raw)}`);
  return Number(raw);
}

export const REGISTRY_HELP = `
Credentials: --username with --password-stdin (or IMAGE_COMPAT_USERNAME/IMAGE_COMPAT_PASSWORD), else
$REGISTRY_AUTH_FILE, \${XDG_RUNTIME_DIR}/containers/auth.json (Podman), then Docker's config file
($DOCKER_CONFIG/config.json, else ~/.docker/config.json), with credHelpers/credsStore helpers.
IMAGE_COMPAT_DEBUG=1 logs each request (method, URL, status; never credentials).`;
