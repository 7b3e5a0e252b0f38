// The one builder of registry options, for the CLI and every action: the edges only collect the
// settings (flags, inputs) and this turns them into the client's RegistryOptions. One credential
// rule everywhere:
//   1. explicit `username` + `password` (a password without a user name is an error, and so is
//      the reverse: a half-given login would otherwise fail later as a bare 401);
//   2. else the auth files, as docker/login-action or `podman login` wrote them, with their
//      credential helpers, when they have the registry's host;
//   3. else `github-token` for GitHub's container registry (ghcr.io, or `containers.HOST` of a
//      GitHub Enterprise Server named by GITHUB_SERVER_URL).
// Plus TLS (`ca-file`, `insecure`), `retries`, `timeout` and the debug log.
import { quote } from '../io/limits.js';
import { InputError } from '../errors.js';
import type { Credentials, CredentialSource, RegistryOptions } from '../oci/index.js';
// The modules themselves, not the registry client's index: building options loads no client.
import { defaultCredentialSource } from '../oci/credentials.js';
import { retryPolicy } from '../oci/retry.js';
import { setting } from '../settings.js';

export interface RegistrySettings {
  plainHttp?: boolean;
  /** PEM file of CA certificates trusted for the registry, besides the system's. */
  caFile?: string;
  /** Skip TLS certificate verification. */
  insecure?: boolean;
  username?: string;
  password?: string;
  /** A GitHub token: the login for GitHub's container registry when nothing else has one. */
  githubToken?: string;
  /** Retries of a failed request, as text (a flag's or input's value): a whole number >= 0. */
  retries?: string;
  /** Timeout of one request in seconds, as text: a whole number >= 1. */
  timeout?: string;
}

export interface RegistryContext {
  env?: NodeJS.ProcessEnv;
  /** Where the debug log goes when IMAGE_COMPAT_DEBUG is set (default stderr). */
  log?: (line: string) => void;
  /** Where warnings go (a listed referrer whose manifest is gone; default stderr). */
  warn?: (line: string) => void;
}

export const DEFAULT_RETRIES = 4;
export const DEFAULT_TIMEOUT_S = 60;

/** A day: far above any registry request, and below Node's timer limit (2^31 - 1 ms, 24.8 days). */
export const MAX_TIMEOUT_SECONDS = 86_400;
/** Retries of one request; more is a loop, not a policy. */
export const MAX_RETRIES = 100;

function count(
  raw: string | undefined,
  name: 'retries' | 'timeout',
  min: number,
  max: number,
): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max)
    throw new InputError(`${setting(name)} must be a whole number from ${min} to ${max}, got ${quote(raw)}`);
  return Number(raw);
}

/** The hosts of GitHub's container registry: ghcr.io, and a GitHub Enterprise Server's. */
export function githubRegistries(env: NodeJS.ProcessEnv = process.env): string[] {
  const hosts = ['ghcr.io'];
  const server = env.GITHUB_SERVER_URL;
  if (server) {
    try {
      const host = new URL(server).host.toLowerCase();
      if (host && host !== 'github.com') hosts.push(`containers.${host}`);
    } catch {
      // not a URL: only ghcr.io
    }
  }
  return hosts;
}

/** The credential rule (see the header): explicit, else the auth files, else the GitHub token. */
export function credentialRule(
  settings: Pick<RegistrySettings, 'username' | 'password' | 'githubToken'>,
  env: NodeJS.ProcessEnv = process.env,
): CredentialSource {
  const { username, password, githubToken } = settings;
  if (password !== undefined && username === undefined)
    throw new InputError(
      `${setting('password')} is given without ${setting('username')}: give both, or neither`,
    );
  if (username !== undefined && password === undefined)
    throw new InputError(`${setting('username')} ${username} needs ${setting('password')}`);
  const explicit = username !== undefined ? { username, password: password! } : undefined;
  const files = defaultCredentialSource(explicit, env);
  if (explicit || !githubToken) return files;
  const github = new Set(githubRegistries(env));
  // GHCR takes any user name with a GITHUB_TOKEN; docker/login-action uses the actor.
  const token: Credentials = { username: env.GITHUB_ACTOR || 'github-actions', password: githubToken };
  return async (registry) =>
    (await files(registry)) ?? (github.has(registry.toLowerCase()) ? token : undefined);
}

/** The client options for a set of registry settings. */
export async function registryOptions(
  settings: RegistrySettings,
  ctx: RegistryContext = {},
): Promise<RegistryOptions> {
  const env = ctx.env ?? process.env;
  const plainHttp = settings.plainHttp ?? false;
  const options: RegistryOptions = {
    plainHttp,
    credentialSource: credentialRule(settings, env),
    warn: ctx.warn ?? ((line: string) => process.stderr.write(`warning: ${line}\n`)),
  };
  if (settings.insecure && plainHttp)
    throw new InputError(
      `${setting('insecure')} is for HTTPS registries; with ${setting('plain-http')} there is no TLS to relax`,
    );
  const retries = count(settings.retries, 'retries', 0, MAX_RETRIES);
  const timeout = count(settings.timeout, 'timeout', 1, MAX_TIMEOUT_SECONDS);
  const caFile = settings.caFile !== undefined && settings.caFile !== '' ? settings.caFile : undefined;
  // node:tls loads only for a CA file or --insecure.
  if (caFile !== undefined || settings.insecure) {
    const { tlsSettings } = await import('../oci/tls.js');
    const tls = await tlsSettings({
      ...(caFile !== undefined && { caFile }),
      ...(settings.insecure && { insecure: true }),
    });
    if (tls) options.tls = tls;
  }
  if (retries !== undefined) options.retry = retryPolicy({ retries });
  if (timeout !== undefined) options.timeoutMs = timeout * 1000;
  if (env.IMAGE_COMPAT_DEBUG) {
    options.debug = ctx.log ?? ((line: string) => process.stderr.write(`debug: ${line}\n`));
  }
  return options;
}

/**
 * `IMAGE_COMPAT_SETTLE_MS`: a pause between a fallback-index write and the tag listing that checks it (default 0). A tuning
 * knob for registries whose reads lag their writes; no value can lose a referrer (docs/registry.md).
 */
export function settleFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.IMAGE_COMPAT_SETTLE_MS;
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw))
    throw new InputError(`IMAGE_COMPAT_SETTLE_MS must be milliseconds, got ${JSON.stringify(raw)}`);
  return Number(raw);
}
