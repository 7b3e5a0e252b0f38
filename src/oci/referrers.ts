// Referrers of a subject manifest. Where the registry serves the referrers API (detected by
// calling it, once per repository and session) it is used. Elsewhere (GHCR, Docker Hub,
// distribution 2.x) the fallback tag `sha256-<hex>` holds an index of them, which any writer (oras
// too) may overwrite with a stale copy: a last-writer-wins tag cannot be made safe by waiting. So
// each referrer also gets its own tag, `sha256-<subject hex>.<16 hex of its digest>` (distinct
// tags never conflict): the durable record. The fallback index is a cache derived from those tags
// (plus entries others wrote): every writer rewrites it as current index ∪ every artifact tag of
// the subject, minus entries no tag records whose manifest is gone (a removed referrer), until a
// check made after its last PUT finds nothing that PUT lacked or should not have held; readers
// merge the tags in memory, skip gone entries and, where they may push, repair the index (a
// refused repair is ignored). An index PUT is never resent by the transport (it would be stale):
// a failed write re-reads and re-merges. See docs/registry.md, "Concurrent writers and the
// fallback tag" and "Removing a referrer", for why this loses nothing and resurrects nothing.
import { RegistryError } from '../errors.js';
import type { FetchedManifest, Repository } from './client.js';
import { nextLink } from './client.js';
import { isTransientFailure, pause } from './retry.js';
import { readCapped } from './transport.js';
import { isDigest } from './digest.js';
import { registryText } from './text.js';
import type { Descriptor, ImageIndex, ImageManifest } from './types.js';
import { isIndexMediaType, MAX_MANIFEST_BYTES, MediaType } from './types.js';

/**
 * Default pause between an index write and the tag listing that checks it (ms). Any value is safe: the
 * check and the artifact tags make the write correct, the pause only spaces out writers.
 */
export const DEFAULT_SETTLE_MS = 0;
/** Rounds of re-read-and-re-merge under contention before giving up. */
const MAX_ROUNDS = 50;
/** Pages of a referrers-API listing followed. */
export const MAX_REFERRER_PAGES = 50;
/** Hex digits of the referrer's digest in its tag. */
const SHORT_DIGEST = 16;
/** Manifests read at once when resolving artifact tags the index lacks. */
const RESOLVE_CONCURRENCY = 8;

/** The fallback tag of a subject: `<alg>-<hex>`, truncated as the OCI distribution spec says. */
export function fallbackTag(subjectDigest: string): string {
  const [alg = '', hex = ''] = subjectDigest.split(':');
  return `${alg.slice(0, 32)}-${hex.slice(0, 64)}`;
}

/** The tag of one referrer of a subject: `sha256-<subject hex>.<16 hex of the referrer's digest>`. */
export function artifactTag(subjectDigest: string, referrerDigest: string): string {
  return `${fallbackTag(subjectDigest)}.${(referrerDigest.split(':')[1] ?? '').slice(0, SHORT_DIGEST)}`;
}

/** Calls the API once per repository and session: 200 with an index means supported, 404 means not. */
export function referrersApiSupported(repo: Repository, subjectDigest: string): Promise<boolean> {
  const known = repo.session.referrersApi;
  let supported = known.get(repo.name);
  if (!supported) {
    supported = (async () =>
      (await fetchApiPage(repo, `/v2/${repo.name}/referrers/${subjectDigest}`)) !== undefined)();
    known.set(repo.name, supported);
    supported.catch(() => known.delete(repo.name));
  }
  return supported;
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
    index = JSON.parse(registryText(bytes, `referrers of ${repo.label}`)) as ImageIndex;
  } catch {
    return undefined; // not the API (a proxy's page, not JSON or not UTF-8): treat as unsupported
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

export interface FallbackIndex {
  manifests: Descriptor[];
  etag?: string;
  exists: boolean;
  /** Nothing at the tag at all (404): a first write may say `If-None-Match: *`. */
  absent?: boolean;
}

/** Reads the fallback index; a missing tag, or one the registry resolves to the subject itself, is empty. */
export async function readFallback(repo: Repository, subjectDigest: string): Promise<FallbackIndex> {
  const tag = fallbackTag(subjectDigest);
  const got = await repo.getManifest(tag);
  if (!got) return { manifests: [], exists: false, absent: true };
  if (got.descriptor.digest === subjectDigest) return { manifests: [], exists: false };
  if (!isIndexMediaType(got.descriptor.mediaType)) {
    throw new RegistryError(
      `${repo.label}:${tag} is a ${got.descriptor.mediaType || 'manifest'}, not a referrers index: refusing to use it`,
    );
  }
  const index = got.json as ImageIndex;
  if (!Array.isArray(index?.manifests))
    throw new RegistryError(`${repo.label}:${tag}: the index has no manifests list`);
  return { manifests: index.manifests, exists: true, ...(got.etag !== undefined && { etag: got.etag }) };
}

/**
 * The fallback index and the subject's artifact tags, read at once. The reads are independent: a
 * tag the index lacks is merged, an entry no tag lists is kept unless its manifest is gone (404),
 * whichever read came first. An error of the index read is the one thrown, as when it went first.
 */
async function readFallbackListing(
  repo: Repository,
  subjectDigest: string,
): Promise<{ index: FallbackIndex; tags: string[] }> {
  const [index, tags] = await Promise.allSettled([
    readFallback(repo, subjectDigest),
    listArtifactTags(repo, subjectDigest),
  ]);
  if (index.status === 'rejected') throw index.reason;
  if (tags.status === 'rejected') throw tags.reason;
  return { index: index.value, tags: tags.value };
}

/** The artifact tags of a subject, as the registry lists them (`?last=` skips to them where supported). */
export async function listArtifactTags(repo: Repository, subjectDigest: string): Promise<string[]> {
  const prefix = `${fallbackTag(subjectDigest)}.`;
  const shape = new RegExp(`^${prefix.replace(/[.]/g, '\\.')}[0-9a-f]{${SHORT_DIGEST}}$`);
  return repo.listTagsAfter(fallbackTag(subjectDigest), (t) => shape.test(t));
}

/** The descriptor a referrers index lists for a referrer manifest (as the referrers API builds it). */
export function referrerDescriptor(got: FetchedManifest): Descriptor {
  const manifest = (got.json ?? {}) as Partial<ImageManifest>;
  const { digest, mediaType } = got.descriptor;
  const artifactType = manifest.artifactType ?? manifest.config?.mediaType;
  return {
    mediaType: manifest.mediaType ?? mediaType,
    digest,
    size: got.bytes.byteLength,
    ...(artifactType !== undefined && { artifactType }),
    ...(manifest.annotations !== undefined && { annotations: manifest.annotations }),
  };
}

interface IndexCheck {
  /** Referrers that artifact tags record and the index lacks. */
  tagged: Descriptor[];
  /** Digests the index lists whose manifest is gone (404), no artifact tag recording them. */
  gone: string[];
}

/**
 * Holds an index's entries against the subject's artifact tags (`tags`, one listing): the referrers a tag
 * records that `known` lacks (each tag's manifest read once per `cache`, but a tag that answers
 * 404 again at every check; a tag whose manifest is not a referrer of the subject is left out), and the entries no tag records whose manifest is
 * gone (one HEAD each, `gone` remembers them across rounds; `fresh`, just pushed, are not asked
 * about). A HEAD that fails otherwise counts as there: an entry is dropped only on a 404.
 */
async function checkIndex(
  repo: Repository,
  subjectDigest: string,
  known: Descriptor[],
  tags: string[],
  cache: Map<string, Descriptor | null> = new Map(),
  gone: Set<string> = new Set(),
  fresh: Descriptor[] = [],
): Promise<IndexCheck> {
  const shortOf = (digest: string) => (digest.split(':')[1] ?? '').slice(0, SHORT_DIGEST);
  const shorts = new Set(known.map((d) => shortOf(d.digest)));
  const listed = new Set(tags.map((t) => t.slice(t.lastIndexOf('.') + 1)));
  const unknown = tags.filter((t) => !shorts.has(t.slice(t.lastIndexOf('.') + 1)));
  const untagged = known.filter(
    (d) =>
      isDigest(d.digest) &&
      !listed.has(shortOf(d.digest)) &&
      !gone.has(d.digest) &&
      !fresh.some((f) => f.digest === d.digest),
  );
  const resolveTag = async (tag: string) => {
    if (cache.has(tag)) return;
    const got = await repo.getManifest(tag);
    // Listed but not there (yet): its PUT may be under way (distribution lists a tag's folder
    // before its link is written). Not remembered: the next check asks again, since by then its
    // writer's index write may have been overwritten by ours.
    if (!got) return;
    let found: Descriptor | null = null;
    // Ours only when the tag names the manifest's digest and the manifest no other subject.
    const short = tag.slice(tag.lastIndexOf('.') + 1);
    if ((got.descriptor.digest.split(':')[1] ?? '').startsWith(short)) {
      const subject = (got.json as Partial<ImageManifest> | null)?.subject?.digest;
      if (subject === undefined || subject === subjectDigest) found = referrerDescriptor(got);
    }
    cache.set(tag, found);
  };
  const headEntry = async (d: Descriptor) => {
    const there = await repo.headManifest(d.digest).catch(() => true);
    if (!there) gone.add(d.digest);
  };
  const jobs: Array<() => Promise<void>> = [
    ...unknown.map((t) => () => resolveTag(t)),
    ...untagged.map((d) => () => headEntry(d)),
  ];
  const worker = async () => {
    for (let job = jobs.shift(); job !== undefined; job = jobs.shift()) await job();
  };
  await Promise.all(Array.from({ length: Math.min(RESOLVE_CONCURRENCY, jobs.length) }, worker));
  return {
    tagged: unknown.map((t) => cache.get(t)).filter((d): d is Descriptor => !!d && !gone.has(d.digest)),
    gone: known.filter((d) => gone.has(d.digest)).map((d) => d.digest),
  };
}

/** An index PUT refused because an entry names no manifest (distribution: 400 MANIFEST_BLOB_UNKNOWN; crane: 404). */
function subManifestUnknown(err: unknown): boolean {
  const res = (err as RegistryError).response;
  return (
    err instanceof RegistryError &&
    (res?.status === 400 || res?.status === 404) &&
    /MANIFEST_BLOB_UNKNOWN|MANIFEST_UNKNOWN|BLOB_UNKNOWN/.test(res.body ?? '')
  );
}

/** HEADs the entries of `written` (not `fresh`): adds those gone (404) to `gone`; whether any was. */
async function findGone(
  repo: Repository,
  written: Descriptor[],
  fresh: Descriptor[],
  gone: Set<string>,
): Promise<boolean> {
  const before = gone.size;
  const ask = written.filter(
    (d) => isDigest(d.digest) && !gone.has(d.digest) && !fresh.some((f) => f.digest === d.digest),
  );
  for (let i = 0; i < ask.length; i += RESOLVE_CONCURRENCY)
    await Promise.all(
      ask.slice(i, i + RESOLVE_CONCURRENCY).map(async (d) => {
        if (!(await repo.headManifest(d.digest).catch(() => true))) gone.add(d.digest);
      }),
    );
  return gone.size > before;
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
  const manifest = (got.json ?? {}) as Partial<ImageManifest>;
  const artifactType = manifest.artifactType ?? manifest.config?.mediaType;
  return {
    ...d,
    ...(artifactType !== undefined && { artifactType }),
    ...(d.annotations === undefined &&
      manifest.annotations !== undefined && { annotations: manifest.annotations }),
  };
}

export interface ListReferrersOptions {
  artifactType?: string;
  /**
   * Where the fallback index lacks referrers their tags record, write it back (default true). A
   * refused or failed repair is ignored: the listing stands.
   */
  repair?: boolean;
}

/**
 * The referrers of `subjectDigest`, filtered by `artifactType` when given. The filter is always
 * applied here too (servers may ignore it, `OCI-Filters-Applied` absent), after correcting wrong or
 * missing artifactTypes from the manifests themselves. Without the API: the fallback index merged
 * with the subject's artifact tags.
 */
export async function listReferrers(
  repo: Repository,
  subjectDigest: string,
  opts: ListReferrersOptions = {},
): Promise<Descriptor[]> {
  let found: Descriptor[] = [];
  // Until the referrers API has answered for this repository, the fallback reads go out beside the
  // question: where there is no API (GHCR, Docker Hub, distribution 2.x) that saves two round
  // trips; where there is one, they are two reads dropped (their errors too).
  const early = repo.session.referrersApi.has(repo.name)
    ? undefined
    : readFallbackListing(repo, subjectDigest);
  early?.catch(() => undefined);
  if (await referrersApiSupported(repo, subjectDigest)) {
    const query =
      opts.artifactType !== undefined ? `?artifactType=${encodeURIComponent(opts.artifactType)}` : '';
    let url: string | undefined = `/v2/${repo.name}/referrers/${subjectDigest}${query}`;
    for (let page = 0; url; page++) {
      if (page >= MAX_REFERRER_PAGES)
        throw new RegistryError(
          `listing referrers of ${subjectDigest} in ${repo.label}: more than ${MAX_REFERRER_PAGES} pages`,
        );
      const got = await fetchApiPage(repo, url);
      if (!got) break;
      found.push(...got.index.manifests);
      url = got.next;
    }
  } else {
    const { index, tags } = await (early ?? readFallbackListing(repo, subjectDigest));
    const { tagged: missing, gone } = await checkIndex(repo, subjectDigest, index.manifests, tags);
    for (const digest of gone)
      repo.transport.options.warn?.(
        `${repo.label}:${fallbackTag(subjectDigest)} lists ${digest}, whose manifest is gone: skipped`,
      );
    found = [...index.manifests.filter((d) => !gone.includes(d.digest)), ...missing];
    if ((missing.length || gone.length) && opts.repair !== false)
      await repairFallbackIndex(repo, subjectDigest, missing, gone);
  }
  if (opts.artifactType === undefined) return found;
  const wanted = opts.artifactType;
  const corrected = await Promise.all(
    found.map((d) => (d.artifactType === wanted ? d : correctArtifactType(repo, d))),
  );
  return corrected.filter((d) => d.artifactType === wanted);
}

/**
 * Writes referrers the index lost back into it and drops entries whose manifest is gone, where
 * this client may push; any failure is only logged.
 */
async function repairFallbackIndex(
  repo: Repository,
  subjectDigest: string,
  missing: Descriptor[],
  gone: string[],
): Promise<void> {
  const debug = repo.transport.options.debug;
  try {
    await recordInFallbackIndex(repo, subjectDigest, missing, { remove: gone });
    debug?.(
      `repaired the referrers index ${fallbackTag(subjectDigest)}: ${missing.length} entries back, ${gone.length} gone dropped`,
    );
  } catch (err) {
    debug?.(`could not repair the referrers index ${fallbackTag(subjectDigest)}: ${(err as Error).message}`);
  }
}

export interface FallbackWriteOptions {
  /** Pause between an index write and the tag listing that checks it, in ms (default 0; any value is safe). */
  settleMs?: number;
  /** For tests: how long to sleep; defaults to a timer (retry.ts `pause`). */
  sleep?: (ms: number) => Promise<void>;
  /** The entry's artifact tag is already there (the caller pushed the manifest under it). */
  tagged?: boolean;
  /** Digests to take out of the index (a removed referrer: its tag and manifest already deleted). */
  remove?: string[];
  /** The first read of the index, when the caller started it already (readFallback). */
  read?: Promise<FallbackIndex>;
}

function packIndex(manifests: Descriptor[]): Buffer {
  const index: ImageIndex = { schemaVersion: 2, mediaType: MediaType.ociIndex, manifests };
  return Buffer.from(JSON.stringify(index));
}

/**
 * Adds `entry` to the fallback index of `subjectDigest`: first its artifact tag (the manifest,
 * already pushed by digest, PUT again under it, unless `tagged`), then the index. Returns how many
 * index writes landed.
 */
export async function addToFallbackIndex(
  repo: Repository,
  subjectDigest: string,
  entry: Descriptor,
  opts: FallbackWriteOptions = {},
): Promise<number> {
  if (!opts.tagged) {
    const got = await repo.getManifest(entry.digest, {
      notFound: `tagging referrer ${entry.digest} of ${subjectDigest}: not in ${repo.label}`,
    });
    await repo.putManifest(artifactTag(subjectDigest, entry.digest), got!.bytes, got!.descriptor.mediaType);
  }
  return recordInFallbackIndex(repo, subjectDigest, [entry], opts);
}

/**
 * Rewrites the fallback index as (current index ∪ `entries` ∪ every artifact tag of the subject)
 * until a tag listing made after this writer's last write finds nothing that write lacks. Each
 * round reads the index, writes it merged, then lists the artifact tags: the check compares the
 * listing with the bytes just written (no read-back: if that write is the last of all, the index
 * holds exactly those bytes; if it is not, a later writer's own check covers it). A single writer
 * pays read, write, list. A write that fails is not resent: the index is read again and merged
 * again, waiting as the retry policy says (Retry-After included); when the policy gives up, a last
 * read decides: our entries listed is success (the write landed after all), else the error.
 */
export async function recordInFallbackIndex(
  repo: Repository,
  subjectDigest: string,
  entries: Descriptor[],
  opts: FallbackWriteOptions = {},
): Promise<number> {
  const settleMs = Math.max(0, opts.settleMs ?? DEFAULT_SETTLE_MS);
  const sleep = opts.sleep ?? pause;
  const policy = repo.transport.options.retry;
  const tag = fallbackTag(subjectDigest);
  const resolved = new Map<string, Descriptor | null>();
  /** Out of the index: what the caller removes, and entries found whose manifest is gone. */
  const removed = new Set(opts.remove ?? []);
  const gone = new Set<string>();
  const dropped = (digest: string) => removed.has(digest) || gone.has(digest);
  const covers = (index: FallbackIndex, wanted: Descriptor[]) =>
    wanted.every((w) => index.manifests.some((d) => d.digest === w.digest)) &&
    !index.manifests.some((d) => removed.has(d.digest));
  let writes = 0;
  let failures = 0;
  /** Referrers the last listing found and the last write lacked. */
  let tagged: Descriptor[] = [];
  let preconditions = true;
  /** A write failed without an answer that says it did not land (a 5xx, a dropped connection). */
  let unsure = false;
  /** Lists the artifact tags after a write and holds `index` against them; true when it is whole. */
  const whole = async (index: Descriptor[]): Promise<boolean> => {
    const tags = await listArtifactTags(repo, subjectDigest);
    const check = await checkIndex(repo, subjectDigest, index, tags, resolved, gone, entries);
    tagged = check.tagged;
    return !tagged.length && !check.gone.length;
  };
  let current = await (opts.read ?? readFallback(repo, subjectDigest));
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const wanted = [...entries, ...tagged].filter((w) => !dropped(w.digest));
    const missing = wanted.filter(
      (w, i) =>
        !current.manifests.some((d) => d.digest === w.digest) &&
        wanted.findIndex((x) => x.digest === w.digest) === i,
    );
    const kept = current.manifests.filter((d) => !dropped(d.digest));
    // Read after the last listing, holding all it found (or, in round 1, our entries already) and
    // nothing removed or gone.
    if (!missing.length && kept.length === current.manifests.length) {
      // A failed write may have landed, and be the last write of all: it gets the check every
      // write gets (docs/registry.md, "Concurrent writers"), against the index as read after it.
      if (!unsure || (await whole(current.manifests))) return writes;
      unsure = false;
      continue;
    }
    // Someone overwrote what we wrote: spread the writers that collided before writing again.
    if (writes > 0) await sleep(Math.floor(Math.random() * 20 * Math.min(round, 10)));
    const written = [...kept, ...missing];
    let landed = false;
    let refused = false;
    try {
      const put = await repo.putManifest(tag, packIndex(written), MediaType.ociIndex, {
        resend: false,
        ...(preconditions && current.etag !== undefined && { ifMatch: current.etag }),
        ...(preconditions && current.absent && { ifNoneMatch: '*' }),
      });
      landed = put.status !== 412;
      refused = put.status === 412;
    } catch (err) {
      // The registry checks an index's entries (distribution, crane): one names a manifest that is
      // gone (removed while this writer merged). Drop what is gone and merge again.
      if (subManifestUnknown(err) && (await findGone(repo, written, entries, gone))) {
        current = await readFallback(repo, subjectDigest);
        continue;
      }
      failures++;
      const wait = isTransientFailure(err)
        ? policy?.(failures, { error: err }, { method: 'PUT', url: tag, idempotent: true })
        : undefined;
      if (wait === undefined) {
        // Did it land after all? Only then is this a success.
        if (covers(await readFallback(repo, subjectDigest), entries)) return writes + 1;
        throw new RegistryError(
          `${repo.label}:${tag}: the referrers index was not written after ${failures} attempts: ${(err as Error).message}`,
          (err as RegistryError).request,
          (err as RegistryError).response,
          { attempts: failures },
        );
      }
      repo.transport.options.debug?.(`${tag}: index write failed; reading it again in ${wait} ms`);
      unsure = true;
      await sleep(wait);
    }
    if (landed) {
      writes++;
      if (settleMs > 0) await sleep(settleMs);
      if (await whole(written)) return writes;
    }
    const before = current;
    current = await readFallback(repo, subjectDigest);
    // Refused although nothing changed: the registry's preconditions are broken; write without them.
    if (refused && before.etag === current.etag && before.absent === current.absent) preconditions = false;
  }
  if (covers(current, entries)) return writes;
  throw new RegistryError(
    `${repo.label}:${tag}: the referrers index kept losing entries after ${MAX_ROUNDS} rounds`,
  );
}
