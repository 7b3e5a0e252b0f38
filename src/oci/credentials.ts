// Registry credentials as users expect them: explicit options win, then the auth files in the
// order Podman reads them (`$REGISTRY_AUTH_FILE`, `${XDG_RUNTIME_DIR}/containers/auth.json`), then
// Docker's config file (`$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`). In each file:
// `credHelpers[host]`, then `auths[host]` (`auth`, `username`/`password`, `identitytoken`), then
// `credsStore`; helpers are `docker-credential-<name>` programs (cred-helpers.ts).
import os from 'node:os';
import path from 'node:path';
import { InputError } from '../errors.js';
import { credentialsFromHelper } from './cred-helpers.js';
import { existsSync } from 'node:fs';
import { LIMITS } from '../io/limits.js';
import { readText } from '../io/read.js';

export interface Credentials {
  username: string;
  password: string;
  /** An OAuth2 refresh token (`identitytoken`): exchanged for bearer tokens, never sent as Basic. */
  identityToken?: string;
}

/** Finds credentials for a registry host (as written in the reference). */
export type CredentialSource = (registry: string) => Promise<Credentials | undefined>;

export function dockerConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.DOCKER_CONFIG || path.join(env.HOME || os.homedir(), '.docker');
  return path.join(dir, 'config.json');
}

interface DockerAuthEntry {
  auth?: string;
  username?: string;
  password?: string;
  identitytoken?: string;
}

interface AuthFile {
  auths?: Record<string, DockerAuthEntry>;
  credHelpers?: Record<string, string>;
  credsStore?: string;
}

/** The auth files to read, in order: Podman's (when set or present), then Docker's. */
export function authFilePaths(env: NodeJS.ProcessEnv = process.env): string[] {
  const files: string[] = [];
  if (env.REGISTRY_AUTH_FILE) files.push(env.REGISTRY_AUTH_FILE);
  if (env.XDG_RUNTIME_DIR) files.push(path.join(env.XDG_RUNTIME_DIR, 'containers', 'auth.json'));
  files.push(dockerConfigPath(env));
  return files;
}

/** `https://index.docker.io/v1/` -> `index.docker.io`: the keys Docker writes carry schemes and paths. */
function normaliseKey(key: string): string {
  return key
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/\/.*$/, '')
    .toLowerCase();
}

function hostsFor(registry: string): string[] {
  const host = registry.toLowerCase();
  if (host === 'docker.io') return ['docker.io', 'index.docker.io', 'registry-1.docker.io'];
  return [host];
}

function decodeEntry(entry: DockerAuthEntry, file: string, key: string): Credentials | undefined {
  if (typeof entry.identitytoken === 'string' && entry.identitytoken !== '') {
    return { username: '', password: '', identityToken: entry.identitytoken };
  }
  if (typeof entry.auth === 'string' && entry.auth !== '') {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const sep = decoded.indexOf(':');
    if (sep <= 0) throw new InputError(`auths.${key}.auth is not base64 of user:password`, { file });
    return { username: decoded.slice(0, sep), password: decoded.slice(sep + 1) };
  }
  if (typeof entry.username === 'string' && typeof entry.password === 'string') {
    return { username: entry.username, password: entry.password };
  }
  return undefined;
}

/** The server URL a credential helper is asked for: Docker Hub's historical URL, else the host. */
export function helperServerUrl(registry: string): string {
  return registry.toLowerCase() === 'docker.io' ? 'https://index.docker.io/v1/' : registry;
}

async function readAuthFile(file: string, env: NodeJS.ProcessEnv): Promise<AuthFile | undefined> {
  const kind = file === dockerConfigPath(env) ? "Docker's config file" : 'the registry auth file';
  let text: string;
  try {
    text = await readText(file, { maxBytes: LIMITS.small, what: kind });
  } catch (err) {
    if (!existsSync(file)) return undefined;
    throw err;
  }
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch (err) {
    throw new InputError(`${kind} is not JSON: ${(err as Error).message}`, { file });
  }
  return config !== null && typeof config === 'object' ? (config as AuthFile) : {};
}

/** Credentials for `registry` from one auth file (Docker's or Podman's shape). */
export async function credentialsFromAuthFile(
  registry: string,
  file: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Credentials | undefined> {
  const config = await readAuthFile(file, env);
  if (!config) return undefined;
  const wanted = hostsFor(registry);
  const helpers = config.credHelpers;
  if (helpers !== null && typeof helpers === 'object') {
    for (const [key, helper] of Object.entries(helpers)) {
      if (typeof helper === 'string' && wanted.includes(normaliseKey(key))) {
        return credentialsFromHelper(helper, helperServerUrl(registry), { env, configFile: file });
      }
    }
  }
  const auths = config.auths;
  if (auths !== null && typeof auths === 'object') {
    for (const [key, entry] of Object.entries(auths)) {
      if (entry && typeof entry === 'object' && wanted.includes(normaliseKey(key))) {
        const found = decodeEntry(entry, file, key);
        if (found) return found;
      }
    }
  }
  if (typeof config.credsStore === 'string' && config.credsStore !== '') {
    return credentialsFromHelper(config.credsStore, helperServerUrl(registry), { env, configFile: file });
  }
  return undefined;
}

/** Credentials for `registry` from Docker's config file; undefined when the file or entry is absent. */
export function credentialsFromDockerConfig(
  registry: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Credentials | undefined> {
  return credentialsFromAuthFile(registry, dockerConfigPath(env), env);
}

/** Credentials for `registry` from the first auth file that has some (see authFilePaths). */
export async function credentialsFromAuthFiles(
  registry: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Credentials | undefined> {
  for (const file of authFilePaths(env)) {
    const found = await credentialsFromAuthFile(registry, file, env);
    if (found) return found;
  }
  return undefined;
}

/** Explicit credentials first, then the auth files (looked up once per registry). */
export function defaultCredentialSource(
  explicit?: Credentials,
  env: NodeJS.ProcessEnv = process.env,
): CredentialSource {
  const found = new Map<string, Promise<Credentials | undefined>>();
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
