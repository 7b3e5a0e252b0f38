// Registry credentials as users expect them: explicit options win, then Docker's config file
// (`$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`, `auths[host]`). Credential helpers,
// identity tokens and Podman's auth.json are later additions (they plug in as more sources).
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { InputError } from '../errors.js';

export interface Credentials {
  username: string;
  password: string;
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

/** Credentials for `registry` from Docker's config file; undefined when the file or entry is absent. */
export async function credentialsFromDockerConfig(
  registry: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Credentials | undefined> {
  const file = dockerConfigPath(env);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new InputError(`cannot read Docker's config file: ${(err as Error).message}`, { file });
  }
  let config: { auths?: Record<string, DockerAuthEntry> };
  try {
    config = JSON.parse(text) as typeof config;
  } catch (err) {
    throw new InputError(`Docker's config file is not JSON: ${(err as Error).message}`, { file });
  }
  const auths = config?.auths;
  if (auths === null || typeof auths !== 'object') return undefined;
  const wanted = hostsFor(registry);
  for (const [key, entry] of Object.entries(auths)) {
    if (entry && typeof entry === 'object' && wanted.includes(normaliseKey(key))) {
      const found = decodeEntry(entry, file, key);
      if (found) return found;
    }
  }
  return undefined;
}

/** Explicit credentials first, then Docker's config file (read once per registry). */
export function defaultCredentialSource(
  explicit?: Credentials,
  env: NodeJS.ProcessEnv = process.env,
): CredentialSource {
  const found = new Map<string, Promise<Credentials | undefined>>();
  return (registry) => {
    if (explicit) return Promise.resolve(explicit);
    let known = found.get(registry);
    if (!known) {
      known = credentialsFromDockerConfig(registry, env);
      found.set(registry, known);
    }
    return known;
  };
}
