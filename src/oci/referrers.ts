// Referrers of a subject manifest. Where the registry serves the referrers API (detected by
// calling it, cached per repository) it is used; elsewhere the fallback tag `sha256-<hex>` holds an
// index of them. Writing that index follows settle-and-verify: a conditional PUT (If-Match), then,
// after a settle delay longer than any writer's read-to-write span, read again and merge-and-rewrite
// until our entry is there, so that concurrent writers keep each other's entries even on registries
// that ignore If-Match. Writers to one subject are serialised inside this process. Whether the
// registry honours If-Match / If-None-Match is probed once per repository with harmless PUTs (the
// artifact manifest again, by digest, with a condition that must fail): where it does, a
// conditional write is compare-and-swap and needs no settle delay.
import { RegistryError } from '../errors.js';
import type { Repository } from './client.js';
import { nextLink } from './client.js';
import { readCapped } from './transport.js';
import type { Descriptor, ImageIndex, ImageManifest } from './types.js';
import { isIndexMediaType, MAX_MANIFEST_BYTES, MediaType } from './types.js';

/** Default settle delay: longer than a writer's read-to-write span on a slow registry. */
export const DEFAULT_SETTLE_MS = 2000;
const MAX_ROUNDS = 50;
const MAX_SLOW_READS = 5;

/** Per repository (`host/name`): whether the registry serves the referrers API. */
const apiSupport = new Map<string, Promise<boolean>>();
/** Per repository: which conditional PUTs the registry honours. */
const conditionalSupport = new Map<string, Promise<ConditionalSupport>>();
/** Per subject: the tail of the queue of in-process writers. */
const writers = new Map<string, Promise<unknown>>();

function repoKey(repo: Repository): string {
  return `${repo.transport.baseUrl}/${repo.name}`;
}

export function fallbackTag(subjectDigest: string): string {
  return subjectDigest.replace(':', '-');
}

/** Calls the API once per repository: 200 with an index means supported, 404 means not. */
export function referrersApiSupported(repo: Repository, subjectDigest: string): Promise<boolean> {
  const key = repoKey(repo);
  let known = apiSupport.get(key);
  if (!known) {
    known = (async () =>
      (await fetchApiPage(repo, `/v2/${repo.name}/referrers/${subjectDigest}`)) !== undefined)();
    apiSupport.set(key, known);
    known.catch(() => apiSupport.delete(key));
  }
  return known;
}

interface ApiPage {
  index: ImageIndex;
  /** The server says it applied the artifactType filter. */
  filtered: boolean;
  next?: string;
}

async function fetchApiPage(repo: Repository, url: string): Promise<ApiPage | undefined> {
  const req = { method: 'GET' as const, url, repository: repo.name, headers: { Accept: MediaType.ociIndex } };
  const res = await repo.transport.send(req);
  if (res.status === 404 || res.status === 400 || res.status === 405) {
    await res.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (res.status !== 200) throw await repo.transport.fail(req, res, `listing referrers in ${repo.label}`);
  const bytes = await readCapped(res, MAX_MANIFEST_BYTES, `referrers of ${repo.label}`);
  let index: ImageIndex;
  try {
    index = JSON.parse(bytes.toString('utf8')) as ImageIndex;
  } catch {
    return undefined; // not the API (a proxy's page): treat as unsupported
  }
  if (!Array.isArray(index?.manifests)) return undefined;
  const next = nextLink(res.headers.get('link'));
  return {
    index,
    filtered: (res.headers.get('oci-filters-applied') ?? '')
      .split(',')
      .map((s) => s.trim())
      .includes('artifactType'),
    ...(next !== undefined && { next }),
  };
}

interface FallbackIndex {
  manifests: Descriptor[];
  etag?: string;
  exists: boolean;
}

/** Reads the fallback index; a missing tag, or one the registry resolves to the subject itself, is empty. */
async function readFallback(repo: Repository, subjectDigest: string): Promise<FallbackIndex> {
  const tag = fallbackTag(subjectDigest);
  const got = await repo.getManifest(tag);
  if (!got || got.descriptor.digest === subjectDigest) return { manifests: [], exists: false };
  if (!isIndexMediaType(got.descriptor.mediaType)) {
    throw new RegistryError(
      `${repo.label}:${tag} is a ${got.descriptor.mediaType || 'manifest'}, not a referrers index: refusing to use it`,
    );
  }
  const index = JSON.parse(got.bytes.toString('utf8')) as ImageIndex;
  if (!Array.isArray(index.manifests))
    throw new RegistryError(`${repo.label}:${tag}: the index has no manifests list`);
  return { manifests: index.manifests, exists: true, ...(got.etag !== undefined && { etag: got.etag }) };
}

/** Descriptors whose artifactType a registry may have got wrong: check the manifest itself. */
const SUSPECT_TYPES = new Set<string | undefined>([
  undefined,
  '',
  MediaType.empty,
  MediaType.ociConfig,
  MediaType.dockerConfig,
  'application/vnd.unknown.config.v1+json',
]);

async function correctArtifactType(repo: Repository, d: Descriptor): Promise<Descriptor> {
  if (!SUSPECT_TYPES.has(d.artifactType) || isIndexMediaType(d.mediaType)) return d;
  const got = await repo.getManifest(d.digest);
  if (!got) return d;
  const manifest = JSON.parse(got.bytes.toString('utf8')) as Partial<ImageManifest>;
  const artifactType = manifest.artifactType ?? manifest.config?.mediaType;
  return {
    ...d,
    ...(artifactType !== undefined && { artifactType }),
    ...(d.annotations === undefined &&
      manifest.annotations !== undefined && { annotations: manifest.annotations }),
  };
}

/**
 * The referrers of `subjectDigest`, filtered by `artifactType` when given. The filter is always
 * applied here too (servers may ignore it, `OCI-Filters-Applied` absent), after correcting wrong or
 * missing artifactTypes from the manifests themselves.
 */
export async function listReferrers(
  repo: Repository,
  subjectDigest: string,
  opts: { artifactType?: string } = {},
): Promise<Descriptor[]> {
  let found: Descriptor[] = [];
  if (await referrersApiSupported(repo, subjectDigest)) {
    const query =
      opts.artifactType !== undefined ? `?artifactType=${encodeURIComponent(opts.artifactType)}` : '';
    let url: string | undefined = `/v2/${repo.name}/referrers/${subjectDigest}${query}`;
    while (url) {
      const page = await fetchApiPage(repo, url);
      if (!page) break;
      found.push(...page.index.manifests);
      url = page.next;
    }
  } else {
    found = (await readFallback(repo, subjectDigest)).manifests;
  }
  if (opts.artifactType === undefined) return found;
  const wanted = opts.artifactType;
  const corrected = await Promise.all(
    found.map((d) => (d.artifactType === wanted ? d : correctArtifactType(repo, d))),
  );
  return corrected.filter((d) => d.artifactType === wanted);
}

export interface ConditionalSupport {
  /** A PUT with a wrong `If-Match` is refused (412). */
  ifMatch: boolean;
  /** A PUT with `If-None-Match: *` over an existing manifest is refused (412). */
  ifNoneMatch: boolean;
}

/**
 * Probes (once per repository) whether manifest PUTs honour preconditions, by PUTting `probe` (a
 * manifest already stored, by its digest) with conditions that must fail. A registry that ignores
 * them stores the same bytes under the same digest again: nothing changes.
 */
export function conditionalPutSupport(repo: Repository, probe: Descriptor): Promise<ConditionalSupport> {
  const key = repoKey(repo);
  let known = conditionalSupport.get(key);
  if (!known) {
    known = (async () => {
      const got = await repo.getManifest(probe.digest);
      if (!got) return { ifMatch: false, ifNoneMatch: false };
      const mediaType = got.descriptor.mediaType || probe.mediaType;
      const wrong = await repo.putManifest(probe.digest, got.bytes, mediaType, {
        ifMatch: '"image-compat-precondition-probe"',
      });
      const exists = await repo.putManifest(probe.digest, got.bytes, mediaType, { ifNoneMatch: '*' });
      return { ifMatch: wrong.status === 412, ifNoneMatch: exists.status === 412 };
    })();
    conditionalSupport.set(key, known);
    known.catch(() => conditionalSupport.delete(key));
  }
  return known;
}

export interface FallbackWriteOptions {
  settleMs?: number;
  /** For tests: how long to sleep; defaults to setTimeout. */
  sleep?: (ms: number) => Promise<void>;
}

const sleepFor = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function serialise<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = writers.get(key) ?? Promise.resolve();
  const run = previous.then(task, task);
  const tail = run.catch(() => undefined);
  writers.set(key, tail);
  void tail.then(() => {
    if (writers.get(key) === tail) writers.delete(key);
  });
  return run;
}

function packIndex(manifests: Descriptor[]): Buffer {
  const index: ImageIndex = { schemaVersion: 2, mediaType: MediaType.ociIndex, manifests };
  return Buffer.from(JSON.stringify(index));
}

/** Adds `entry` to the fallback index of `subjectDigest` with settle-and-verify; returns the rounds written. */
export function addToFallbackIndex(
  repo: Repository,
  subjectDigest: string,
  entry: Descriptor,
  opts: FallbackWriteOptions = {},
): Promise<number> {
  const settleMs = Math.max(0, opts.settleMs ?? DEFAULT_SETTLE_MS);
  const sleep = opts.sleep ?? sleepFor;
  const tag = fallbackTag(subjectDigest);
  return serialise(`${repoKey(repo)}@${subjectDigest}`, async () => {
    let writes = 0;
    let slowReads = 0;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const readAt = Date.now();
      const current = await readFallback(repo, subjectDigest);
      // Present after our settle delay (or written by another writer, who verifies it): done.
      if (current.manifests.some((d) => d.digest === entry.digest)) return writes;
      // Our read must still be fresh when the write lands: after a slow read, read again (a few
      // times; a registry that is always that slow for the settle delay gets written anyway).
      if (settleMs > 0 && Date.now() - readAt > settleMs / 2 && slowReads < MAX_SLOW_READS) {
        slowReads++;
        round--;
        continue;
      }
      slowReads = 0;
      // Where the registry honours the precondition, the write is compare-and-swap: done once it lands.
      const conditions = settleMs > 0 ? await conditionalPutSupport(repo, entry) : undefined;
      const condition = current.etag
        ? { ifMatch: current.etag }
        : !current.exists && conditions?.ifNoneMatch
          ? { ifNoneMatch: '*' }
          : {};
      const atomic = ('ifMatch' in condition && conditions?.ifMatch === true) || 'ifNoneMatch' in condition;
      const bytes = packIndex([...current.manifests, entry]);
      const put = await repo.putManifest(tag, bytes, MediaType.ociIndex, condition);
      if (put.status === 412) {
        // Someone wrote meanwhile (the registry honours the condition): read again after a short jitter.
        await sleep(Math.floor(Math.random() * 50));
        continue;
      }
      writes++;
      if (atomic) return writes;
      // Settle (with jitter so writers that collided do not collide again), then verify.
      await sleep(settleMs + Math.floor(Math.random() * (settleMs / 4 + 1)));
    }
    throw new RegistryError(
      `${repo.label}:${tag}: the referrers index kept losing our entry ${entry.digest} after ${MAX_ROUNDS} rounds`,
    );
  });
}
