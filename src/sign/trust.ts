// Where keyless verification finds its trust: a trusted root file (--trusted-root), or the
// Sigstore public-good instance's trusted root (Fulcio CAs, Rekor logs, CT logs, TSAs) through
// its TUF repository, refreshed online into a cache directory, and taken from that cache or from
// the seed embedded in @sigstore/tuf when the network is unavailable or offline mode is asked.
import { mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type { TrustedRoot } from '@sigstore/protobuf-specs';
import { parseTrustedRoot, parseTrustedRoots, policyFromFlags, policyKind } from './verify.js';
import type { LoadedTrustedRoot, PolicyFlags, VerificationPolicy } from './verify.js';
import { LIMITS } from '../io/limits.js';
import { readTextSync } from '../io/read.js';
import { setting } from '../settings.js';

/** The public-good instance's TUF repository (the one @sigstore/tuf embeds a seed for). */
export const PUBLIC_GOOD_MIRROR = 'https://tuf-repo-cdn.sigstore.dev';
const TRUSTED_ROOT_TARGET = 'trusted_root.json';
/** A runner without internet must not wait long: the whole online refresh gets this much. */
export const DEFAULT_TUF_TIMEOUT_MS = 5000;

export interface TrustedRootOptions {
  /** A trusted root JSON file: used as is, nothing is fetched. */
  file?: string;
  /** Never touch the network: the cached or embedded trusted root. Default: env IMAGE_COMPAT_OFFLINE=1. */
  offline?: boolean;
  /** TUF cache directory. Default: env IMAGE_COMPAT_TUF_CACHE, $XDG_CACHE_HOME/image-compat/tuf, ~/.cache/image-compat/tuf. */
  cacheDir?: string;
  /** A mirror of the public-good TUF repository. Default: env IMAGE_COMPAT_TUF_MIRROR, else PUBLIC_GOOD_MIRROR. */
  mirrorURL?: string;
  /** Budget of the online refresh, all requests together (ms). */
  timeoutMs?: number;
  /** Environment to read the defaults from (tests). */
  env?: NodeJS.ProcessEnv;
  /** Receives one line saying which trusted root is used (and why, after a failed refresh). */
  note?: (message: string) => void;
}

const truthy = (v: string | undefined) => v !== undefined && /^(1|true|yes)$/i.test(v);

export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.IMAGE_COMPAT_TUF_CACHE) return env.IMAGE_COMPAT_TUF_CACHE;
  const base = env.XDG_CACHE_HOME || path.join(env.HOME || homedir(), '.cache');
  return path.join(base, 'image-compat', 'tuf');
}

/** @sigstore/tuf keeps each repository under its host and path, URL-encoded. */
function repoCacheDir(cacheDir: string, mirrorURL: string): string {
  const url = new URL(mirrorURL);
  return path.join(cacheDir, encodeURIComponent(url.host + url.pathname.replace(/\/$/, '')));
}

interface Seed {
  'root.json': string;
  targets: Record<string, string>;
}

/** The public-good seed shipped in @sigstore/tuf (root.json and the trusted_root.json target), base64. */
async function publicGoodSeed(): Promise<Seed> {
  const seeds = (await import('@sigstore/tuf/seeds.json', { with: { type: 'json' } })).default as Record<
    string,
    Seed
  >;
  const seed = seeds[PUBLIC_GOOD_MIRROR];
  if (!seed?.targets[TRUSTED_ROOT_TARGET]) throw new Error('@sigstore/tuf carries no public-good seed');
  return seed;
}

/** A TUF target file in the cache, as the last successful refresh (or the seeding) wrote it. */
function cachedTarget(dir: string): string | undefined {
  try {
    return readTextSync(path.join(dir, 'targets', TRUSTED_ROOT_TARGET), { maxBytes: LIMITS.small });
  } catch {
    return undefined;
  }
}

function parseCached(text: string, where: string): TrustedRoot | undefined {
  try {
    return parseTrustedRoot(text, where);
  } catch {
    return undefined;
  }
}

/** The offline answer: the cached target when present and readable, else the embedded seed. */
async function offlineRoot(repoDir: string): Promise<LoadedTrustedRoot> {
  const file = path.join(repoDir, 'targets', TRUSTED_ROOT_TARGET);
  const text = cachedTarget(repoDir);
  const cached = text === undefined ? undefined : parseCached(text, file);
  if (cached) {
    return {
      trustedRoot: cached,
      source: 'cache',
      description: `Sigstore public-good trusted root (cached ${file})`,
    };
  }
  const seed = await publicGoodSeed();
  const json = Buffer.from(seed.targets[TRUSTED_ROOT_TARGET]!, 'base64').toString('utf8');
  return {
    trustedRoot: parseTrustedRoot(json, '@sigstore/tuf seed'),
    source: 'seed',
    description: 'Sigstore public-good trusted root (embedded @sigstore/tuf seed)',
  };
}

function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** The online answer: a TUF refresh (root rotation, expiry and signatures checked by tuf-js). */
async function onlineRoot(
  cacheDir: string,
  mirrorURL: string,
  timeoutMs: number,
): Promise<LoadedTrustedRoot> {
  const { getTrustedRoot } = await import('@sigstore/tuf');
  let rootPath: string | undefined;
  if (mirrorURL !== PUBLIC_GOOD_MIRROR) {
    // @sigstore/tuf seeds only the mirror URL it knows: a mirror of the same repository starts
    // from the same root.json, given as a file.
    const dir = repoCacheDir(cacheDir, mirrorURL);
    mkdirSync(dir, { recursive: true });
    rootPath = path.join(dir, 'seed-root.json');
    writeFileSync(rootPath, Buffer.from((await publicGoodSeed())['root.json'], 'base64'));
  }
  const trustedRoot = await withDeadline(
    getTrustedRoot({
      cachePath: cacheDir,
      mirrorURL,
      ...(rootPath && { rootPath }),
      timeout: timeoutMs,
      retry: false,
    }),
    timeoutMs,
    `TUF refresh from ${mirrorURL}`,
  );
  return {
    trustedRoot,
    source: 'tuf',
    description: `Sigstore public-good trusted root (TUF ${mirrorURL}, cache ${cacheDir})`,
  };
}

/** The error and its causes (fetch failed: connect ECONNREFUSED ...), each message once. */
function reason(err: unknown): string {
  const parts: string[] = [];
  for (let e = err as (Error & { cause?: unknown }) | undefined, depth = 0; e && depth < 6; depth++) {
    const message = e.message ?? String(e);
    if (message && !parts.some((p) => p.includes(message))) parts.push(message);
    e = e.cause as (Error & { cause?: unknown }) | undefined;
  }
  return parts.join(': ');
}

/**
 * The trusted root keyless verification checks certificates, logs and timestamps against.
 * The file when given; else the public-good instance's, refreshed through TUF (falling back, with
 * a note, to the cache or the embedded seed when the refresh fails or times out).
 */
export async function loadTrustedRoot(opts: TrustedRootOptions = {}): Promise<LoadedTrustedRoot> {
  const env = opts.env ?? process.env;
  const note = opts.note ?? (() => undefined);
  if (opts.file !== undefined) {
    const text = readTextSync(opts.file, { maxBytes: LIMITS.small, what: setting('trusted-root') });
    const [first, ...others] = parseTrustedRoots(text, opts.file);
    return {
      trustedRoot: first!,
      source: 'file',
      description: `trusted root ${opts.file}`,
      ...(others.length > 0 && { otherTrustedRoots: others }),
    };
  }
  const cacheDir = opts.cacheDir ?? defaultCacheDir(env);
  const mirrorURL = (opts.mirrorURL ?? (env.IMAGE_COMPAT_TUF_MIRROR || PUBLIC_GOOD_MIRROR)).replace(
    /\/$/,
    '',
  );
  const repoDir = repoCacheDir(cacheDir, mirrorURL);
  let loaded: LoadedTrustedRoot;
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
      `could not refresh the Sigstore trusted root from ${mirrorURL} (${reason(err)}); using the ${loaded.description}`,
    );
  }
  return loaded;
}

/**
 * The policy the flags describe. A keyless policy without a trusted root file gets the
 * public-good trusted root (loadTrustedRoot); a key policy never fetches anything, and bad flag
 * combinations fail (InputError) before anything is fetched.
 */
export async function resolvePolicy(
  flags: PolicyFlags,
  opts: Omit<TrustedRootOptions, 'file'> = {},
): Promise<VerificationPolicy | undefined> {
  if (policyKind(flags) !== 'identity' || flags.trustedRoot !== undefined) return policyFromFlags(flags);
  return policyFromFlags({ ...flags, defaultTrustedRoot: await loadTrustedRoot(opts) });
}
