// A registry client for one repository: blobs (exists, upload, verified download) and manifests
// (get, head, put) over the transport. Every read is checked against its digest and size. A blob
// upload whose connection drops is restarted from its POST (it is idempotent by digest), and a blob
// this session saw in another repository of the same registry is mounted from there. Restarts and
// re-reads follow the client's one retry policy (./retry.ts); state lives on the RegistrySession.
import { RegistryError } from '../errors.js';
import { Authenticator, BasicHandler } from './auth.js';
import { BearerHandler } from './bearer.js';
import type { HttpFetch, HttpTls } from './http.js';
import { nodeHttpFetch } from './http.js';
import type { Credentials, CredentialSource } from './credentials.js';
import { defaultCredentialSource } from './credentials.js';
import { isDigest, loadHasher, sha256Digest, verifyDigest } from './digest.js';
import type { Reference } from './reference.js';
import type { RegistryRequest, RetryPolicy } from './transport.js';
import { retryPolicy, withRetries } from './retry.js';
import { RegistrySession } from './session.js';
import { registryText } from './text.js';
import { readCapped, Transport } from './transport.js';
import type { Descriptor } from './types.js';
import { MANIFEST_MEDIA_TYPES, MAX_MANIFEST_BYTES } from './types.js';

/** Options every command that talks to a registry accepts. */
export interface RegistryOptions {
  plainHttp?: boolean;
  /** Explicit credentials; otherwise Docker's config file is read. */
  credentials?: Credentials;
  credentialSource?: CredentialSource;
  /** Replaces the default Basic-only auth layer (e.g. with Bearer support). */
  authenticator?: Authenticator;
  retry?: RetryPolicy;
  /** With `fetch`: an undici Dispatcher passed to it. */
  dispatcher?: unknown;
  /** Replaces the client's HTTP path (node:http/https, ./http.ts), e.g. with a global fetch. */
  fetch?: HttpFetch;
  /** TLS settings of the HTTP path: extra CAs, or no verification (`--ca-file`, `--insecure`). */
  tls?: HttpTls;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  /** A line per request (method, URL, status; never headers, tokens or bodies). */
  debug?: (line: string) => void;
  /** Warnings a command goes on past (a listed referrer whose manifest is gone); default: none. */
  warn?: (line: string) => void;
  /** What this client learnt about the registry so far; share one to share it (default: a new one). */
  session?: RegistrySession;
  /** Cancels every request of the client (the one in flight fails with the signal's reason). */
  signal?: AbortSignal;
}

/** The most pages of a tag listing followed (a registry that ignores `n` and `last` cannot make us read forever). */
export const MAX_TAG_PAGES = 50;
/** Tags asked for per page. */
export const TAG_PAGE_SIZE = 1000;

export function createTransport(
  ref: Pick<Reference, 'registry' | 'apiHost'>,
  opts: RegistryOptions = {},
): Transport {
  const credentials = opts.credentialSource ?? defaultCredentialSource(opts.credentials, opts.env);
  const retry = opts.retry ?? retryPolicy();
  // One HTTP path (and its keep-alive connections) for the registry and its token service.
  const http = opts.fetch ?? nodeHttpFetch(opts.tls);
  const authenticator =
    opts.authenticator ??
    new Authenticator({
      basic: new BasicHandler(credentials),
      bearer: new BearerHandler({
        credentials,
        retry,
        fetch: http,
        ...(opts.dispatcher !== undefined && { dispatcher: opts.dispatcher }),
        ...(opts.timeoutMs !== undefined && { timeoutMs: opts.timeoutMs }),
        ...(opts.debug && { debug: opts.debug }),
        ...(opts.signal && { signal: opts.signal }),
      }),
    });
  return new Transport({
    host: ref.apiHost,
    registry: ref.registry,
    plainHttp: opts.plainHttp ?? false,
    authenticator,
    retry,
    ...(opts.debug && { debug: opts.debug }),
    ...(opts.warn && { warn: opts.warn }),
    ...(opts.dispatcher !== undefined && { dispatcher: opts.dispatcher }),
    fetch: http,
    ...(opts.timeoutMs !== undefined && { timeoutMs: opts.timeoutMs }),
    ...(opts.signal && { signal: opts.signal }),
    whileWaiting: loadHasher,
  });
}

export interface FetchedManifest {
  descriptor: Descriptor;
  bytes: Buffer;
  /** The manifest parsed (strict UTF-8, then JSON): what every reader reads of it. */
  json: unknown;
  /** The ETag the registry sent, for a conditional PUT. */
  etag?: string;
}

export interface ManifestReadOptions {
  accept?: readonly string[];
  /** A 404 is an error, this message. */
  notFound?: string;
  /** How errors of the manifest's text (not UTF-8, not JSON) name it. */
  what?: string;
}

/** What a manifest DELETE did; `refused` carries the registry's answer. */
export type DeleteOutcome = { status: 'deleted' | 'absent' } | { status: 'refused'; error: RegistryError };

export class Repository {
  constructor(
    readonly transport: Transport,
    readonly name: string,
    readonly session: RegistrySession = new RegistrySession(),
  ) {}

  /** Another repository of the same registry, sharing this one's transport and session. */
  sibling(name: string): Repository {
    return new Repository(this.transport, name, this.session);
  }

  private req(
    method: RegistryRequest['method'],
    url: string,
    extra: Partial<RegistryRequest> = {},
  ): RegistryRequest {
    return { method, url, repository: this.name, ...extra };
  }

  /** `registry/name` for messages. */
  get label(): string {
    return `${this.transport.registry}/${this.name}`;
  }

  // ---- blobs

  async blobExists(digest: string): Promise<boolean> {
    const req = this.req('HEAD', `/v2/${this.name}/blobs/${digest}`);
    const res = await this.transport.send(req);
    if (res.status === 200) {
      this.session.rememberBlob(this.name, digest);
      return true;
    }
    if (res.status === 404) return false;
    throw await this.transport.fail(req, res, `checking blob ${digest} in ${this.label}`);
  }

  /** A repository of the same registry this session saw the blob in, to mount it from. */
  mountSource(digest: string): string | undefined {
    return this.session.mountSource(this.name, digest);
  }

  /**
   * Uploads a blob unless the registry has it: POST for a session (or a cross-repository mount
   * from `mountFrom`, else a repository this process saw it in; 201 = mounted, 202 = upload
   * anyway), then PUT with the digest. A dropped connection or a 5xx restarts from the HEAD.
   */
  async pushBlob(
    bytes: Uint8Array,
    mediaType: string,
    opts: { mountFrom?: string } = {},
  ): Promise<Descriptor> {
    const digest = sha256Digest(bytes);
    // Platforms of one index attach in parallel with the same blobs: one upload serves them all
    // (docker-registry can lose a blob that several sessions upload at once).
    const key = `${this.name}@${digest}`;
    const uploads = this.session.uploads;
    const inFlight = uploads.get(key);
    if (inFlight) return { ...(await inFlight), mediaType };
    const pushed = this.pushBlobOnce(bytes, digest, mediaType, opts);
    uploads.set(key, pushed);
    try {
      return await pushed;
    } finally {
      uploads.delete(key);
    }
  }

  private async pushBlobOnce(
    bytes: Uint8Array,
    digest: string,
    mediaType: string,
    opts: { mountFrom?: string },
  ): Promise<Descriptor> {
    const descriptor: Descriptor = { mediaType, digest, size: bytes.byteLength };
    // The POST and the session PUT are not resent by the transport: the whole upload restarts.
    return withRetries(
      this.transport.options.retry,
      `uploading blob ${digest} to ${this.label}`,
      async () => {
        if (await this.blobExists(digest)) return descriptor;
        await this.upload(bytes, digest, opts.mountFrom ?? this.mountSource(digest));
        this.session.rememberBlob(this.name, digest);
        return descriptor;
      },
      this.transport.options.debug,
    );
  }

  private async upload(bytes: Uint8Array, digest: string, mountFrom: string | undefined): Promise<void> {
    const query = mountFrom !== undefined ? `?mount=${digest}&from=${encodeURIComponent(mountFrom)}` : '';
    // An empty body: fetch sends Content-Length: 0, which some registries require on this POST.
    const start = this.req('POST', `/v2/${this.name}/blobs/uploads/${query}`, {
      push: true,
      body: new Uint8Array(0),
      ...(mountFrom !== undefined && { pullFrom: [mountFrom] }),
    });
    const started = await this.transport.send(start);
    if (started.status === 201 && mountFrom !== undefined) {
      await started.body?.cancel().catch(() => undefined);
      return; // mounted
    }
    const location = started.headers.get('location');
    if (started.status !== 202 || location === null) {
      throw await this.transport.fail(start, started, `starting the upload of ${digest} to ${this.label}`);
    }
    await started.body?.cancel().catch(() => undefined);
    // Location may be relative and carries its own query (upload state): keep it, add the digest.
    const url = this.transport.resolve(location);
    url.searchParams.set('digest', digest);
    // The session URL is single-use: a failed PUT is not resent, the whole upload restarts.
    const put = this.req('PUT', url.href, {
      push: true,
      body: bytes,
      headers: { 'Content-Type': 'application/octet-stream' },
      idempotent: false,
    });
    const done = await this.transport.send(put);
    if (done.status !== 201)
      throw await this.transport.fail(put, done, `uploading blob ${digest} to ${this.label}`);
    await done.body?.cancel().catch(() => undefined);
  }

  /** Runs a read again when its connection dropped mid-body (the answer's headers were no proof), as the policy allows. */
  private reread<T>(what: string, read: () => Promise<T>): Promise<T> {
    return withRetries(this.transport.options.retry, what, read, this.transport.options.debug);
  }

  /** Downloads a blob, refusing more than `maxBytes` and anything that does not match the descriptor. */
  fetchBlob(descriptor: Descriptor, maxBytes: number): Promise<Buffer> {
    return this.reread(`reading blob ${descriptor.digest}`, () => this.fetchBlobOnce(descriptor, maxBytes));
  }

  private async fetchBlobOnce(descriptor: Descriptor, maxBytes: number): Promise<Buffer> {
    const what = `blob ${descriptor.digest} in ${this.label}`;
    if (descriptor.size > maxBytes)
      throw new RegistryError(`${what}: ${descriptor.size} bytes is over the limit of ${maxBytes}`);
    const req = this.req('GET', `/v2/${this.name}/blobs/${descriptor.digest}`);
    const res = await this.transport.send(req);
    if (res.status !== 200) throw await this.transport.fail(req, res, `fetching ${what}`);
    const bytes = await readCapped(res, maxBytes, what);
    if (bytes.byteLength !== descriptor.size) {
      throw new RegistryError(
        `${what}: got ${bytes.byteLength} bytes, the descriptor says ${descriptor.size}`,
      );
    }
    verifyDigest(bytes, descriptor.digest, what);
    this.session.rememberBlob(this.name, descriptor.digest);
    return bytes;
  }

  // ---- manifests

  /**
   * GETs a manifest by tag or digest; undefined on 404 (unless `notFound`). Verified against the
   * digest asked for or announced, decoded as strict UTF-8 and parsed; `what` names it in the
   * errors of its text (default, and always for size and digest: `manifest <repository>@<reference>`).
   */
  getManifest(reference: string, opts: ManifestReadOptions = {}): Promise<FetchedManifest | undefined> {
    return this.reread(`reading manifest ${reference}`, () => this.getManifestOnce(reference, opts));
  }

  private async getManifestOnce(
    reference: string,
    opts: ManifestReadOptions,
  ): Promise<FetchedManifest | undefined> {
    const accept = opts.accept ?? MANIFEST_MEDIA_TYPES;
    const req = this.req('GET', `/v2/${this.name}/manifests/${reference}`, {
      headers: { Accept: accept.join(', ') },
    });
    const res = await this.transport.send(req);
    // `notFound` names what is missing: a 404 then throws with the registry's answer.
    if (res.status === 404 && opts.notFound !== undefined)
      throw await this.transport.fail(req, res, opts.notFound);
    if (res.status === 404) {
      await res.body?.cancel().catch(() => undefined);
      return undefined;
    }
    if (res.status !== 200)
      throw await this.transport.fail(req, res, `fetching manifest ${this.label}:${reference}`);
    const what = `manifest ${this.label}@${reference}`;
    const bytes = await readCapped(res, MAX_MANIFEST_BYTES, what);
    const announced = res.headers.get('docker-content-digest') ?? undefined;
    const digest = isDigest(reference) ? reference : (announced ?? sha256Digest(bytes));
    verifyDigest(bytes, digest, what);
    let mediaType = res.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
    const text = registryText(bytes, opts.what ?? what);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new RegistryError(`${opts.what ?? what}: not JSON`);
    }
    const declared = (json as { mediaType?: unknown } | null)?.mediaType;
    if (typeof declared === 'string') mediaType = declared;
    const etag = res.headers.get('etag') ?? undefined;
    return {
      descriptor: { mediaType, digest, size: bytes.byteLength },
      bytes,
      json,
      ...(etag !== undefined && { etag }),
    };
  }

  /** HEADs a manifest; undefined on 404. */
  async headManifest(reference: string): Promise<Descriptor | undefined> {
    const req = this.req('HEAD', `/v2/${this.name}/manifests/${reference}`, {
      headers: { Accept: MANIFEST_MEDIA_TYPES.join(', ') },
    });
    const res = await this.transport.send(req);
    if (res.status === 404) return undefined;
    if (res.status !== 200)
      throw await this.transport.fail(req, res, `checking manifest ${this.label}:${reference}`);
    const digest = res.headers.get('docker-content-digest') ?? (isDigest(reference) ? reference : '');
    const size = Number(res.headers.get('content-length') ?? NaN);
    const mediaType = res.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
    if (!isDigest(digest) || !Number.isFinite(size)) {
      throw new RegistryError(
        `checking manifest ${this.label}:${reference}: the registry sent no digest or size`,
      );
    }
    return { mediaType, digest, size };
  }

  /**
   * PUTs a manifest under a tag or its digest; `ifMatch`/`ifNoneMatch` make it conditional where the
   * registry supports it. `resend: false` keeps the transport from sending it twice (a referrers
   * index: its writer re-reads and re-merges instead).
   */
  async putManifest(
    reference: string,
    bytes: Uint8Array,
    mediaType: string,
    opts: { ifMatch?: string; ifNoneMatch?: string; resend?: boolean } = {},
  ): Promise<{ descriptor: Descriptor; status: number; subjectHeader?: string }> {
    const headers: Record<string, string> = { 'Content-Type': mediaType };
    if (opts.ifMatch !== undefined) headers['If-Match'] = opts.ifMatch;
    if (opts.ifNoneMatch !== undefined) headers['If-None-Match'] = opts.ifNoneMatch;
    const req = this.req('PUT', `/v2/${this.name}/manifests/${reference}`, {
      push: true,
      body: bytes,
      headers,
      ...(opts.resend === false && { idempotent: false }),
    });
    const res = await this.transport.send(req);
    const descriptor = { mediaType, digest: sha256Digest(bytes), size: bytes.byteLength };
    if (res.status === 412) {
      await res.body?.cancel().catch(() => undefined);
      return { descriptor, status: 412 };
    }
    if (res.status !== 201 && res.status !== 200) {
      throw await this.transport.fail(req, res, `pushing manifest ${this.label}:${reference}`);
    }
    await res.body?.cancel().catch(() => undefined);
    const subjectHeader = res.headers.get('oci-subject') ?? undefined;
    return { descriptor, status: res.status, ...(subjectHeader !== undefined && { subjectHeader }) };
  }

  /**
   * DELETEs a manifest by digest or tag: `deleted` (202/200), `absent` (404), or `refused` when the
   * registry does not delete (405 or UNSUPPORTED: distribution without
   * REGISTRY_STORAGE_DELETE_ENABLED; distribution 2.8 answers a tag DELETE 400 DIGEST_INVALID:
   * it deletes by digest only, and that removes the manifest's tags), with the registry's answer
   * as an error to report. Anything else throws.
   */
  async deleteManifest(reference: string): Promise<DeleteOutcome> {
    const req = this.req('DELETE', `/v2/${this.name}/manifests/${reference}`, { push: true });
    const res = await this.transport.send(req);
    if (res.status === 202 || res.status === 200 || res.status === 204) {
      await res.body?.cancel().catch(() => undefined);
      return { status: 'deleted' };
    }
    if (res.status === 404) {
      await res.body?.cancel().catch(() => undefined);
      return { status: 'absent' };
    }
    const err = await this.transport.fail(req, res, `deleting manifest ${this.label}:${reference}`);
    const body = err.response?.body ?? '';
    const tagRefused = !isDigest(reference) && res.status === 400 && /DIGEST_INVALID/.test(body);
    if (res.status === 405 || /"UNSUPPORTED"/.test(body) || tagRefused)
      return { status: 'refused', error: err };
    throw err;
  }

  /** All tags (follows `Link` pagination, at most MAX_TAG_PAGES pages). */
  async listTags(): Promise<string[]> {
    return this.listTagsAfter(undefined, () => true);
  }

  /**
   * Tags after `last` in the registry's (lexical) order, as long as `keep(tag)` holds for the tags
   * of a page: `?n=&last=` where the registry supports it, else every page, filtered here; at most
   * MAX_TAG_PAGES pages (then RegistryError: a listing that long is not what we asked for).
   */
  async listTagsAfter(last: string | undefined, keep: (tag: string) => boolean): Promise<string[]> {
    const tags: string[] = [];
    const query = `?n=${TAG_PAGE_SIZE}${last !== undefined ? `&last=${encodeURIComponent(last)}` : ''}`;
    let url: string | undefined = `/v2/${this.name}/tags/list${query}`;
    for (let page = 0; url; page++) {
      if (page >= MAX_TAG_PAGES)
        throw new RegistryError(`listing tags of ${this.label}: more than ${MAX_TAG_PAGES} pages`);
      const req = this.req('GET', url);
      const res = await this.transport.send(req);
      if (res.status === 404) {
        await res.body?.cancel().catch(() => undefined);
        return tags;
      }
      if (res.status !== 200) throw await this.transport.fail(req, res, `listing tags of ${this.label}`);
      let listed: string[];
      try {
        const bytes = await readCapped(res, MAX_MANIFEST_BYTES, 'tag list');
        const body = JSON.parse(registryText(bytes, `the tag list of ${this.label}`)) as { tags?: unknown };
        listed = Array.isArray(body.tags) ? body.tags.filter((t): t is string => typeof t === 'string') : [];
      } catch (err) {
        if (err instanceof RegistryError) throw err;
        throw new RegistryError(`listing tags of ${this.label}: the answer is not JSON`);
      }
      const kept = listed.filter(keep);
      tags.push(...kept);
      // Sorted past what we want (the registry honoured `last`): the rest of the listing is of no use.
      const sorted = listed.every((t, i) => i === 0 || listed[i - 1]! <= t);
      if (
        last !== undefined &&
        sorted &&
        listed.length > 0 &&
        listed[0]! > last &&
        kept.length < listed.length
      )
        return tags;
      url = nextLink(res.headers.get('link'));
    }
    return tags;
  }
}

/** The `rel="next"` target of a `Link` header. */
export function nextLink(link: string | null): string | undefined {
  if (!link) return undefined;
  const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(link);
  return m?.[1];
}

export function openRepository(ref: Reference, opts: RegistryOptions = {}): Repository {
  return new Repository(createTransport(ref, opts), ref.repository, opts.session ?? new RegistrySession());
}
