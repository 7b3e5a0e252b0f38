import {
  RETRY_STATUSES,
  canRun,
  defaultCredentialSource,
  hostPlatform,
  isTransientFailure,
  isTransientNetworkError,
  parseRetryAfter,
  pause,
  requestSignal,
  retryAfterCap,
  retryPolicy,
  withRetries
} from "./chunk-XAEGMFRL.js";
import {
  formatPlatform,
  isAttestationManifest,
  parsePlatform,
  platformsMatch
} from "./chunk-ARJZT3GV.js";
import {
  decodeText
} from "./chunk-LKJTNIGP.js";
import {
  setting
} from "./chunk-U6BYPZCD.js";
import {
  InputError,
  RegistryError
} from "./chunk-TS22JX7Z.js";

// src/oci/digest.ts
var DIGEST_RE = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
function isDigest(value) {
  return DIGEST_RE.test(value);
}
var createHash = (algorithm) => process.getBuiltinModule("node:crypto").createHash(algorithm);
function loadHasher() {
  process.getBuiltinModule("node:crypto");
}
function sha256Digest(bytes) {
  return digestOf(bytes, "sha256");
}
function digestOf(bytes, algorithm) {
  return `${algorithm}:${createHash(algorithm).update(bytes).digest("hex")}`;
}
function verifyDigest(bytes, expected, what) {
  if (!isDigest(expected)) throw new RegistryError(`${what}: unsupported digest ${JSON.stringify(expected)}`);
  const algorithm = expected.slice(0, expected.indexOf(":"));
  const actual = digestOf(bytes, algorithm);
  if (actual !== expected) {
    throw new RegistryError(
      `${what}: content does not match its digest (expected ${expected}, got ${actual})`
    );
  }
}

// src/oci/types.ts
var MediaType = {
  ociManifest: "application/vnd.oci.image.manifest.v1+json",
  ociIndex: "application/vnd.oci.image.index.v1+json",
  dockerManifest: "application/vnd.docker.distribution.manifest.v2+json",
  dockerManifestList: "application/vnd.docker.distribution.manifest.list.v2+json",
  empty: "application/vnd.oci.empty.v1+json",
  ociConfig: "application/vnd.oci.image.config.v1+json",
  dockerConfig: "application/vnd.docker.container.image.v1+json"
};
var MANIFEST_MEDIA_TYPES = [
  MediaType.ociIndex,
  MediaType.ociManifest,
  MediaType.dockerManifestList,
  MediaType.dockerManifest
];
var INDEX_MEDIA_TYPES = [MediaType.ociIndex, MediaType.dockerManifestList];
var MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
function isIndexMediaType(mediaType) {
  return mediaType !== void 0 && INDEX_MEDIA_TYPES.includes(mediaType);
}

// src/oci/artifact.ts
var COMPATIBILITY_ARTIFACT_TYPE = "application/vnd.nfd.image-compatibility.v1alpha1";
var COMPATIBILITY_SPEC_MEDIA_TYPE = "application/vnd.nfd.image-compatibility.spec.v1alpha1+yaml";
var ANNOTATION_CREATED = "org.opencontainers.image.created";
var ANNOTATION_TITLE = "org.opencontainers.image.title";
var EMPTY_CONFIG_BYTES = Buffer.from("{}");
var EMPTY_CONFIG = {
  mediaType: MediaType.empty,
  digest: "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
  size: 2,
  data: "e30="
};
function formatCreated(date) {
  return date.toISOString().replace(/\.\d+Z$/, "Z");
}
function packCompatibilityArtifact(input) {
  const layer = {
    mediaType: COMPATIBILITY_SPEC_MEDIA_TYPE,
    digest: sha256Digest(input.spec),
    size: input.spec.byteLength,
    ...input.title && { annotations: { [ANNOTATION_TITLE]: input.title } }
  };
  const annotations = { [ANNOTATION_CREATED]: formatCreated(input.created) };
  const manifest = {
    schemaVersion: 2,
    mediaType: MediaType.ociManifest,
    artifactType: COMPATIBILITY_ARTIFACT_TYPE,
    config: EMPTY_CONFIG,
    layers: [layer],
    subject: { mediaType: input.subject.mediaType, digest: input.subject.digest, size: input.subject.size },
    annotations
  };
  const bytes = Buffer.from(JSON.stringify(manifest));
  return {
    manifest: bytes,
    descriptor: {
      mediaType: MediaType.ociManifest,
      digest: sha256Digest(bytes),
      size: bytes.byteLength,
      annotations,
      artifactType: COMPATIBILITY_ARTIFACT_TYPE
    },
    layer
  };
}

// src/oci/auth.ts
function parseChallenges(header) {
  const out = [];
  const token = /([!#$%&'*+.^`|~\w-]+)(?:\s*=\s*("(?:[^"\\]|\\.)*"|[^\s,]*))?/g;
  let current;
  for (const m of header.matchAll(token)) {
    const name = m[1];
    const value = m[2];
    if (value === void 0) {
      current = { scheme: name.toLowerCase(), params: {} };
      out.push(current);
    } else if (current) {
      current.params[name.toLowerCase()] = value.startsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, "$1") : value;
    }
  }
  return out;
}
var BasicHandler = class {
  constructor(credentials) {
    this.credentials = credentials;
  }
  credentials;
  async answer(_challenge, scope) {
    const c = await this.credentials(scope.registry);
    if (!c || c.identityToken !== void 0) return void 0;
    return `Basic ${Buffer.from(`${c.username}:${c.password}`, "utf8").toString("base64")}`;
  }
};
var Authenticator = class {
  constructor(handlers) {
    this.handlers = handlers;
  }
  handlers;
  challenge;
  /** Why the last challenge went unanswered, for the error message. */
  lastRefusal;
  async authorization(scope) {
    if (!this.challenge) return void 0;
    return this.handlers[this.challenge.scheme]?.answer(this.challenge, scope);
  }
  /** After a 401: true when the request should be sent again with new credentials. */
  async onChallenge(header, scope, sent) {
    const challenges = parseChallenges(header ?? "");
    for (const challenge of challenges) {
      const handler = this.handlers[challenge.scheme];
      if (!handler) continue;
      if (sent !== void 0) handler.invalidate?.(sent, challenge, scope);
      const value = await handler.answer(challenge, scope);
      if (value === void 0) {
        this.lastRefusal = handler.refusal?.(scope) ?? `no credentials for ${scope.registry}`;
        return false;
      }
      this.challenge = challenge;
      if (value === sent) {
        this.lastRefusal = `the credentials for ${scope.registry} were refused`;
        return false;
      }
      return true;
    }
    const schemes = challenges.map((c) => c.scheme).join(", ") || "none";
    this.lastRefusal = `unsupported authentication scheme (${schemes})`;
    return false;
  }
  /** The answer to a challenge was refused again: record why (no new credentials are fetched). */
  refused(header, scope) {
    const challenge = parseChallenges(header ?? "").find((c) => this.handlers[c.scheme]);
    const handler = challenge ? this.handlers[challenge.scheme] : void 0;
    const error = challenge?.params.error;
    const why = handler?.refusal?.(scope);
    if (why !== void 0) this.lastRefusal = why;
    else if (error === "insufficient_scope")
      this.lastRefusal = `the token for ${scope.registry} lacks ${challenge?.params.scope ?? "the scope asked for"}`;
    else this.lastRefusal = `the credentials for ${scope.registry} were refused`;
  }
};
function basicAuthenticator(credentials) {
  return new Authenticator({ basic: new BasicHandler(credentials) });
}

// src/oci/http.ts
function nodeHttpFetch(tls = {}) {
  let http;
  let https;
  return (url, init) => {
    const secure = url.protocol === "https:";
    const agent = secure ? https ??= new (process.getBuiltinModule("node:https")).Agent({
      keepAlive: true,
      ...tls.ca !== void 0 && { ca: tls.ca },
      ...tls.rejectUnauthorized !== void 0 && { rejectUnauthorized: tls.rejectUnauthorized }
    }) : http ??= new (process.getBuiltinModule("node:http")).Agent({ keepAlive: true });
    return send(url, init, secure, agent);
  };
}
function send(url, init, secure, agent) {
  const signal = init.signal ?? void 0;
  const body = typeof init.body === "string" ? Buffer.from(init.body) : init.body;
  const headers = { ...init.headers };
  if (body !== void 0) headers["Content-Length"] = String(body.byteLength);
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const { request } = process.getBuiltinModule(secure ? "node:https" : "node:http");
    const req = request(url, {
      method: init.method ?? "GET",
      headers,
      agent
    });
    let response;
    const onAbort = () => (response ?? req).destroy(signal?.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    const done = () => signal?.removeEventListener("abort", onAbort);
    req.once("error", (err) => {
      done();
      reject(err);
    });
    req.once("response", (res) => {
      response = res;
      res.once("close", done);
      if (init.method === "HEAD" || res.statusCode === 204 || res.statusCode === 304) res.resume();
      resolve(answer(res));
    });
    if (init.sent) req.once("finish", init.sent);
    req.end(body);
  });
}
function answer(res) {
  const chunks = res[Symbol.asyncIterator]();
  const cancel = async () => {
    res.destroy();
  };
  const read = async () => {
    const next = await chunks.next();
    return next.done ? { done: true } : { done: false, value: next.value };
  };
  return {
    status: res.statusCode ?? 0,
    statusText: res.statusMessage ?? "",
    headers: {
      get(name) {
        const value = res.headers[name.toLowerCase()];
        return value === void 0 ? null : Array.isArray(value) ? value.join(", ") : value;
      }
    },
    body: { cancel, getReader: () => ({ read, cancel }) },
    async text() {
      const parts = [];
      for (let next = await read(); !next.done; next = await read()) parts.push(Buffer.from(next.value));
      return Buffer.concat(parts).toString("utf8");
    }
  };
}

// src/oci/bearer.ts
var DEFAULT_EXPIRES_IN_S = 60;
function scopesFor(scope) {
  if (scope.repository === void 0) return [];
  const out = [`repository:${scope.repository}:${scope.actions.join(",")}`];
  for (const from of scope.pullFrom ?? []) if (from !== scope.repository) out.push(`repository:${from}:pull`);
  return out;
}
var BearerHandler = class {
  constructor(options) {
    this.options = options;
    this.doFetch = options.fetch ?? nodeHttpFetch(options.tls);
  }
  options;
  cache = /* @__PURE__ */ new Map();
  pending = /* @__PURE__ */ new Map();
  refusals = /* @__PURE__ */ new Map();
  doFetch;
  key(challenge, scope) {
    return [
      scope.registry,
      challenge.params.realm ?? "",
      challenge.params.service ?? "",
      ...scopesFor(scope).sort()
    ].join("\n");
  }
  async answer(challenge, scope) {
    const key = this.key(challenge, scope);
    const cached = this.cache.get(key);
    if (cached && Date.now() < cached.renewAt) return cached.value;
    let pending = this.pending.get(key);
    if (!pending) {
      pending = this.fetchToken(challenge, scope, key).finally(() => this.pending.delete(key));
      this.pending.set(key, pending);
    }
    return pending;
  }
  invalidate(sent, challenge, scope) {
    const key = this.key(challenge, scope);
    if (this.cache.get(key)?.value === sent) this.cache.delete(key);
    for (const [k, t] of this.cache) if (t.value === sent) this.cache.delete(k);
  }
  refusal(scope) {
    return this.refusals.get(scope.registry);
  }
  async fetchToken(challenge, scope, key) {
    const realm = challenge.params.realm;
    if (!realm) {
      this.refusals.set(scope.registry, `the registry's Bearer challenge names no realm`);
      return void 0;
    }
    let realmUrl;
    try {
      realmUrl = new URL(realm);
    } catch {
      throw new RegistryError(`the registry ${scope.registry} names a token realm that is not a URL`);
    }
    const credentials = await this.options.credentials(scope.registry);
    const scopes = scopesFor(scope);
    const service = challenge.params.service;
    const request = tokenRequest(realmUrl, credentials, scopes, service, this.options.clientId);
    const label = `${request.init.method} ${request.url.origin}${request.url.pathname}`;
    for (let attempt = 1; ; attempt++) {
      let response;
      let error;
      try {
        response = await this.doFetch(request.url, {
          ...request.init,
          redirect: "manual",
          signal: requestSignal(this.options.timeoutMs, this.options.signal),
          ...this.options.dispatcher !== void 0 && { dispatcher: this.options.dispatcher }
        });
      } catch (err) {
        error = err;
      }
      this.options.debug?.(
        `token ${label} (${scopes.join(" ") || "no scope"}; ${request.grant}) -> ${response?.status ?? "failed"}`
      );
      const retryable = error !== void 0 || response !== void 0 && response.status >= 429;
      const wait = retryable ? this.options.retry?.(
        attempt,
        { ...response && { response }, error },
        {
          method: request.init.method,
          url: request.url.href,
          idempotent: true
        }
      ) : void 0;
      if (wait !== void 0) {
        await response?.body?.cancel().catch(() => void 0);
        await pause(wait, this.options.signal);
        this.options.signal?.throwIfAborted();
        continue;
      }
      if (error !== void 0) {
        const e = error;
        const cause = [e.cause?.code, e.code].find((c) => typeof c === "string") ?? e.name;
        throw new RegistryError(`cannot reach the token service of ${scope.registry}: ${label}: ${cause}`, {
          method: request.init.method,
          url: `${request.url.origin}${request.url.pathname}`
        });
      }
      return this.readToken(response, scope, key, label, request.grant);
    }
  }
  async readToken(response, scope, key, label, grant) {
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel().catch(() => void 0);
      this.refusals.set(
        scope.registry,
        grant === "anonymous" ? `no credentials for ${scope.registry}, and its token service refused an anonymous token` : `the token service (${label}) refused the ${grant === "refresh_token" ? "identity token" : "credentials"} for ${scope.registry}: ${response.status}`
      );
      return void 0;
    }
    const text = await response.text().catch(() => "");
    if (response.status !== 200) {
      throw new RegistryError(
        `the token service of ${scope.registry} answered ${label}: ${response.status} ${response.statusText}`,
        { method: label.split(" ")[0], url: label.split(" ")[1] },
        { status: response.status }
      );
    }
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      throw new RegistryError(
        `the token service of ${scope.registry} answered ${label} with something not JSON`
      );
    }
    const token = typeof body.token === "string" ? body.token : body.access_token;
    if (typeof token !== "string" || token === "") {
      throw new RegistryError(`the token service of ${scope.registry} answered ${label} without a token`);
    }
    const expiresIn = typeof body.expires_in === "number" && body.expires_in > 0 ? body.expires_in : DEFAULT_EXPIRES_IN_S;
    const margin = Math.min(3e4, expiresIn * 100);
    const value = `Bearer ${token}`;
    this.cache.set(key, { value, renewAt: Date.now() + expiresIn * 1e3 - margin });
    if (grant === "anonymous") this.refusals.set(scope.registry, `no credentials for ${scope.registry}`);
    else this.refusals.delete(scope.registry);
    return value;
  }
};
function tokenRequest(realm, credentials, scopes, service, clientId = "image-compat") {
  const headers = { "User-Agent": "image-compat", Accept: "application/json" };
  if (credentials?.identityToken) {
    const form = new URLSearchParams({
      grant_type: "refresh_token",
      refresh_token: credentials.identityToken,
      client_id: clientId
    });
    if (service !== void 0) form.set("service", service);
    if (scopes.length > 0) form.set("scope", scopes.join(" "));
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    return { url: realm, init: { method: "POST", headers, body: form.toString() }, grant: "refresh_token" };
  }
  const url = new URL(realm.href);
  if (service !== void 0) url.searchParams.set("service", service);
  for (const s of scopes) url.searchParams.append("scope", s);
  if (credentials) {
    headers.Authorization = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, "utf8").toString("base64")}`;
    return { url, init: { method: "GET", headers }, grant: "basic" };
  }
  return { url, init: { method: "GET", headers }, grant: "anonymous" };
}

// src/oci/session.ts
var RegistrySession = class {
  /** Per repository name: whether the registry serves the referrers API there. */
  referrersApi = /* @__PURE__ */ new Map();
  /** Per blob digest: a repository of this registry it was seen in. */
  blobs = /* @__PURE__ */ new Map();
  /** Per `repository@digest`: the upload in flight. */
  uploads = /* @__PURE__ */ new Map();
  rememberBlob(repository, digest) {
    this.blobs.set(digest, repository);
  }
  /** A repository other than `repository` the blob was seen in, to mount it from. */
  mountSource(repository, digest) {
    const from = this.blobs.get(digest);
    return from !== void 0 && from !== repository ? from : void 0;
  }
};

// src/oci/text.ts
function registryText(bytes, what) {
  try {
    return decodeText(bytes, what);
  } catch (err) {
    throw err instanceof InputError ? new RegistryError(err.message) : err;
  }
}

// src/oci/transport.ts
var IDEMPOTENT = /* @__PURE__ */ new Set(["GET", "HEAD", "PUT", "DELETE"]);
var MAX_REDIRECTS = 5;
var Transport = class {
  constructor(options) {
    this.options = options;
    this.baseUrl = `${options.plainHttp ? "http" : "https"}://${options.host}`;
    this.registry = options.registry ?? options.host;
    this.doFetch = options.fetch ?? nodeHttpFetch(options.tls);
    this.idleWork = options.whileWaiting;
  }
  options;
  baseUrl;
  registry;
  doFetch;
  /** Whether the registry answered at least once: a refused connection after that is a restart. */
  reached = false;
  /** `options.whileWaiting`, until the first request takes it. */
  idleWork;
  resolve(url) {
    return new URL(url, this.baseUrl);
  }
  /** Sends a request; any status comes back (callers decide), network failures throw RegistryError. */
  async send(req) {
    const url = this.resolve(req.url);
    const scope = {
      registry: this.registry,
      ...req.repository !== void 0 && { repository: req.repository },
      actions: req.push ? ["pull", "push"] : ["pull"],
      ...req.pullFrom !== void 0 && { pullFrom: req.pullFrom }
    };
    const idempotent = req.idempotent ?? IDEMPOTENT.has(req.method);
    const debug = this.options.debug;
    const cancel = this.options.signal;
    for (let attempt = 1; ; attempt++) {
      cancel?.throwIfAborted();
      let response;
      let error;
      try {
        response = await this.sendAuthorised(req, url, scope);
      } catch (err) {
        if (err instanceof RegistryError) throw err;
        cancel?.throwIfAborted();
        error = err;
      }
      debug?.(
        `${req.method} ${redactUrl(url)} -> ${response ? response.status : `failed (${errorCode(error)})`}`
      );
      if (response) this.reached = true;
      const firstContactRefused = error !== void 0 && !this.reached && errorCode(error) === "ECONNREFUSED";
      const wait = this.options.retry && !firstContactRefused && (error !== void 0 || response && response.status >= 500 || response?.status === 429) ? this.options.retry(
        attempt,
        { ...response && { response }, error },
        {
          method: req.method,
          url: url.href,
          idempotent
        }
      ) : void 0;
      if (wait === void 0) {
        if (error !== void 0) throw this.networkError(req, url, error, attempt, !firstContactRefused);
        return Object.assign(response, { attempts: attempt });
      }
      debug?.(`retrying ${req.method} ${redactUrl(url)} in ${wait} ms (attempt ${attempt + 1})`);
      await response?.body?.cancel().catch(() => void 0);
      await pause(wait, cancel);
    }
  }
  async sendAuthorised(req, url, scope) {
    const auth = this.options.authenticator;
    let authorization = await auth?.authorization(scope);
    let response = await this.follow(req, url, authorization);
    let retried = false;
    for (let round = 0; response.status === 401 && auth && round < 2; round++) {
      const retry = await auth.onChallenge(response.headers.get("www-authenticate"), scope, authorization);
      if (!retry) return response;
      retried = true;
      await response.body?.cancel().catch(() => void 0);
      authorization = await auth.authorization(scope);
      response = await this.follow(req, url, authorization);
    }
    if (response.status === 401 && auth && retried)
      auth.refused(response.headers.get("www-authenticate"), scope);
    return response;
  }
  /** One request and its redirects; Authorization only goes to the registry's own origin. */
  async follow(req, start, authorization) {
    const origin = new URL(this.baseUrl).origin;
    let url = start;
    let method = req.method;
    let body = req.body;
    for (let hop = 0; ; hop++) {
      const headers = {
        "User-Agent": this.options.userAgent ?? "image-compat",
        ...req.headers
      };
      if (authorization !== void 0 && url.origin === origin) headers.Authorization = authorization;
      if (url.origin !== origin) {
        for (const name of Object.keys(headers))
          if (name.toLowerCase() === "authorization") delete headers[name];
      }
      const idle = this.idleWork;
      this.idleWork = void 0;
      const init = {
        method,
        headers,
        redirect: "manual",
        signal: requestSignal(this.options.timeoutMs, this.options.signal),
        ...body !== void 0 && { body },
        ...this.options.dispatcher !== void 0 && { dispatcher: this.options.dispatcher },
        // Once written: the registry works on the answer while this process does `idle`.
        ...idle && { sent: () => setImmediate(idle) }
      };
      const response = await this.doFetch(url, init);
      const location = response.headers.get("location");
      if (![301, 302, 303, 307, 308].includes(response.status) || location === null) return response;
      if (hop >= MAX_REDIRECTS) {
        throw new RegistryError(`${req.method} ${start.href}: more than ${MAX_REDIRECTS} redirects`, {
          method: req.method,
          url: start.href
        });
      }
      await response.body?.cancel().catch(() => void 0);
      url = new URL(location, url);
      if (response.status === 303 || (response.status === 301 || response.status === 302) && method === "POST") {
        method = "GET";
        body = void 0;
      }
    }
  }
  networkError(req, url, err, attempts, mayRetry) {
    const cause = err?.cause ?? err;
    const code = typeof cause?.code === "string" ? cause.code : void 0;
    const message = (cause?.message ?? err?.message ?? "").split("\n")[0];
    const reason = /SSL routines:[^:]*:([^:]+)/.exec(message)?.[1] ?? message;
    const detail = [code, reason].filter(Boolean).join(" ");
    let hint = "";
    if (code === "ENOTFOUND" || code === "EAI_AGAIN") hint = ` (the host ${url.hostname} does not resolve)`;
    else if (code === "ECONNREFUSED") hint = ` (nothing listens at ${url.host})`;
    else if (/wrong version number|EPROTO|packet length too long/i.test(detail) && url.protocol === "https:")
      hint = ` (the registry may speak plain HTTP: use ${setting("plain-http")})`;
    else if (/certificate|self[- ]signed|UNABLE_TO_VERIFY|CERT_/i.test(detail))
      hint = ` (TLS: give the registry's CA with ${setting("ca-file")}, or ${setting("insecure")} to skip verification)`;
    else if (err?.name === "TimeoutError")
      hint = ` (timed out after ${this.options.timeoutMs ?? 6e4} ms)`;
    if (attempts > 1) hint += ` after ${attempts} attempts`;
    return new RegistryError(
      `cannot reach registry ${url.host}: ${req.method} ${redactUrl(url)}: ${detail}${hint}`,
      { method: req.method, url: redactUrl(url) },
      void 0,
      { transient: mayRetry && attempts === 1 && isTransientNetworkError(err), attempts }
    );
  }
  /** A RegistryError carrying the registry's answer: status and the `errors` of its body. */
  async fail(req, response, what) {
    const url = redactUrl(this.resolve(req.url));
    let body = "";
    try {
      body = (await readCapped(response, 64 * 1024, url)).toString("utf8");
    } catch {
      body = "";
    }
    let detail = "";
    try {
      const parsed = JSON.parse(body);
      detail = (parsed.errors ?? []).map((e) => [e.code, e.message].filter(Boolean).join(": ")).join("; ");
    } catch {
      detail = body.trim().slice(0, 200);
    }
    let message = `${what ? `${what}: ` : ""}${req.method} ${url}: ${response.status} ${response.statusText}`;
    if (detail) message += `: ${detail}`;
    if (response.status === 401 && this.options.authenticator?.lastRefusal) {
      message += ` (${this.options.authenticator.lastRefusal})`;
    }
    const attempts = response.attempts ?? 1;
    const retryable = RETRY_STATUSES.has(response.status);
    const retryAfterMs = retryable ? parseRetryAfter(response.headers.get("retry-after")) : void 0;
    const cap = retryAfterCap(this.options.retry);
    if (retryAfterMs !== void 0 && retryAfterMs > cap) {
      message += ` (it asked to retry after ${Math.ceil(retryAfterMs / 1e3)} s, more than the ${Math.round(cap / 1e3)} s this client waits)`;
    }
    if (attempts > 1) message += ` after ${attempts} attempts`;
    return new RegistryError(
      message,
      { method: req.method, url },
      { status: response.status, body },
      {
        // The transport did not retry it (not resendable, or retries off): a caller may.
        transient: retryable && attempts === 1 && this.options.retry !== void 0,
        attempts,
        ...retryAfterMs !== void 0 && { retryAfterMs }
      }
    );
  }
};
function redactUrl(url) {
  if (!url.search) return url.href;
  const copy = new URL(url.href);
  for (const key of [...copy.searchParams.keys()])
    if (/state|token|sig|signature|credential|key/i.test(key)) copy.searchParams.set(key, "\u2026");
  return copy.href;
}
function errorCode(err) {
  const e = err;
  const code = [e?.cause?.code, e?.code].find((c) => typeof c === "string");
  return code ?? e?.name ?? "error";
}
async function readCapped(response, max, what) {
  const declared = Number(response.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > max) {
    await response.body?.cancel().catch(() => void 0);
    throw new RegistryError(`${what}: ${declared} bytes is over the limit of ${max}`);
  }
  if (!response.body) return Buffer.alloc(0);
  const chunks = [];
  let total = 0;
  const reader = response.body.getReader();
  for (; ; ) {
    let next;
    try {
      next = await reader.read();
    } catch (err) {
      throw new RegistryError(
        `${what}: the connection dropped after ${total} bytes (${errorCode(err)})`,
        void 0,
        void 0,
        { transient: isTransientNetworkError(err) }
      );
    }
    const chunk = next.value;
    if (next.done || chunk === void 0) break;
    total += chunk.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => void 0);
      throw new RegistryError(`${what}: over the limit of ${max} bytes`);
    }
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

// src/oci/client.ts
var MAX_TAG_PAGES = 50;
var TAG_PAGE_SIZE = 1e3;
function createTransport(ref, opts = {}) {
  const credentials = opts.credentialSource ?? defaultCredentialSource(opts.credentials, opts.env);
  const retry = opts.retry ?? retryPolicy();
  const http = opts.fetch ?? nodeHttpFetch(opts.tls);
  const authenticator = opts.authenticator ?? new Authenticator({
    basic: new BasicHandler(credentials),
    bearer: new BearerHandler({
      credentials,
      retry,
      fetch: http,
      ...opts.dispatcher !== void 0 && { dispatcher: opts.dispatcher },
      ...opts.timeoutMs !== void 0 && { timeoutMs: opts.timeoutMs },
      ...opts.debug && { debug: opts.debug },
      ...opts.signal && { signal: opts.signal }
    })
  });
  return new Transport({
    host: ref.apiHost,
    registry: ref.registry,
    plainHttp: opts.plainHttp ?? false,
    authenticator,
    retry,
    ...opts.debug && { debug: opts.debug },
    ...opts.warn && { warn: opts.warn },
    ...opts.dispatcher !== void 0 && { dispatcher: opts.dispatcher },
    fetch: http,
    ...opts.timeoutMs !== void 0 && { timeoutMs: opts.timeoutMs },
    ...opts.signal && { signal: opts.signal },
    whileWaiting: loadHasher
  });
}
var Repository = class _Repository {
  constructor(transport, name, session = new RegistrySession()) {
    this.transport = transport;
    this.name = name;
    this.session = session;
  }
  transport;
  name;
  session;
  /** Another repository of the same registry, sharing this one's transport and session. */
  sibling(name) {
    return new _Repository(this.transport, name, this.session);
  }
  req(method, url, extra = {}) {
    return { method, url, repository: this.name, ...extra };
  }
  /** `registry/name` for messages. */
  get label() {
    return `${this.transport.registry}/${this.name}`;
  }
  // ---- blobs
  async blobExists(digest) {
    const req = this.req("HEAD", `/v2/${this.name}/blobs/${digest}`);
    const res = await this.transport.send(req);
    if (res.status === 200) {
      this.session.rememberBlob(this.name, digest);
      return true;
    }
    if (res.status === 404) return false;
    throw await this.transport.fail(req, res, `checking blob ${digest} in ${this.label}`);
  }
  /** A repository of the same registry this session saw the blob in, to mount it from. */
  mountSource(digest) {
    return this.session.mountSource(this.name, digest);
  }
  /**
   * Uploads a blob unless the registry has it: POST for a session (or a cross-repository mount
   * from `mountFrom`, else a repository this process saw it in; 201 = mounted, 202 = upload
   * anyway), then PUT with the digest. A dropped connection or a 5xx restarts from the HEAD.
   */
  async pushBlob(bytes, mediaType, opts = {}) {
    const digest = sha256Digest(bytes);
    const key = `${this.name}@${digest}`;
    const uploads = this.session.uploads;
    const inFlight = uploads.get(key);
    if (inFlight) return { ...await inFlight, mediaType };
    const pushed = this.pushBlobOnce(bytes, digest, mediaType, opts);
    uploads.set(key, pushed);
    try {
      return await pushed;
    } finally {
      uploads.delete(key);
    }
  }
  async pushBlobOnce(bytes, digest, mediaType, opts) {
    const descriptor = { mediaType, digest, size: bytes.byteLength };
    return withRetries(
      this.transport.options.retry,
      `uploading blob ${digest} to ${this.label}`,
      async () => {
        if (await this.blobExists(digest)) return descriptor;
        await this.upload(bytes, digest, opts.mountFrom ?? this.mountSource(digest));
        this.session.rememberBlob(this.name, digest);
        return descriptor;
      },
      this.transport.options.debug
    );
  }
  async upload(bytes, digest, mountFrom) {
    const query = mountFrom !== void 0 ? `?mount=${digest}&from=${encodeURIComponent(mountFrom)}` : "";
    const start = this.req("POST", `/v2/${this.name}/blobs/uploads/${query}`, {
      push: true,
      body: new Uint8Array(0),
      ...mountFrom !== void 0 && { pullFrom: [mountFrom] }
    });
    const started = await this.transport.send(start);
    if (started.status === 201 && mountFrom !== void 0) {
      await started.body?.cancel().catch(() => void 0);
      return;
    }
    const location = started.headers.get("location");
    if (started.status !== 202 || location === null) {
      throw await this.transport.fail(start, started, `starting the upload of ${digest} to ${this.label}`);
    }
    await started.body?.cancel().catch(() => void 0);
    const url = this.transport.resolve(location);
    url.searchParams.set("digest", digest);
    const put = this.req("PUT", url.href, {
      push: true,
      body: bytes,
      headers: { "Content-Type": "application/octet-stream" },
      idempotent: false
    });
    const done = await this.transport.send(put);
    if (done.status !== 201)
      throw await this.transport.fail(put, done, `uploading blob ${digest} to ${this.label}`);
    await done.body?.cancel().catch(() => void 0);
  }
  /** Runs a read again when its connection dropped mid-body (the answer's headers were no proof), as the policy allows. */
  reread(what, read) {
    return withRetries(this.transport.options.retry, what, read, this.transport.options.debug);
  }
  /** Downloads a blob, refusing more than `maxBytes` and anything that does not match the descriptor. */
  fetchBlob(descriptor, maxBytes) {
    return this.reread(`reading blob ${descriptor.digest}`, () => this.fetchBlobOnce(descriptor, maxBytes));
  }
  async fetchBlobOnce(descriptor, maxBytes) {
    const what = `blob ${descriptor.digest} in ${this.label}`;
    if (descriptor.size > maxBytes)
      throw new RegistryError(`${what}: ${descriptor.size} bytes is over the limit of ${maxBytes}`);
    const req = this.req("GET", `/v2/${this.name}/blobs/${descriptor.digest}`);
    const res = await this.transport.send(req);
    if (res.status !== 200) throw await this.transport.fail(req, res, `fetching ${what}`);
    const bytes = await readCapped(res, maxBytes, what);
    if (bytes.byteLength !== descriptor.size) {
      throw new RegistryError(
        `${what}: got ${bytes.byteLength} bytes, the descriptor says ${descriptor.size}`
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
  getManifest(reference, opts = {}) {
    return this.reread(`reading manifest ${reference}`, () => this.getManifestOnce(reference, opts));
  }
  async getManifestOnce(reference, opts) {
    const accept = opts.accept ?? MANIFEST_MEDIA_TYPES;
    const req = this.req("GET", `/v2/${this.name}/manifests/${reference}`, {
      headers: { Accept: accept.join(", ") }
    });
    const res = await this.transport.send(req);
    if (res.status === 404 && opts.notFound !== void 0)
      throw await this.transport.fail(req, res, opts.notFound);
    if (res.status === 404) {
      await res.body?.cancel().catch(() => void 0);
      return void 0;
    }
    if (res.status !== 200)
      throw await this.transport.fail(req, res, `fetching manifest ${this.label}:${reference}`);
    const what = `manifest ${this.label}@${reference}`;
    const bytes = await readCapped(res, MAX_MANIFEST_BYTES, what);
    const announced = res.headers.get("docker-content-digest") ?? void 0;
    const digest = isDigest(reference) ? reference : announced ?? sha256Digest(bytes);
    verifyDigest(bytes, digest, what);
    let mediaType = res.headers.get("content-type")?.split(";")[0]?.trim() ?? "";
    const text = registryText(bytes, opts.what ?? what);
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      throw new RegistryError(`${opts.what ?? what}: not JSON`);
    }
    const declared = json?.mediaType;
    if (typeof declared === "string") mediaType = declared;
    const etag = res.headers.get("etag") ?? void 0;
    return {
      descriptor: { mediaType, digest, size: bytes.byteLength },
      bytes,
      json,
      ...etag !== void 0 && { etag }
    };
  }
  /** HEADs a manifest; undefined on 404. */
  async headManifest(reference) {
    const req = this.req("HEAD", `/v2/${this.name}/manifests/${reference}`, {
      headers: { Accept: MANIFEST_MEDIA_TYPES.join(", ") }
    });
    const res = await this.transport.send(req);
    if (res.status === 404) return void 0;
    if (res.status !== 200)
      throw await this.transport.fail(req, res, `checking manifest ${this.label}:${reference}`);
    const digest = res.headers.get("docker-content-digest") ?? (isDigest(reference) ? reference : "");
    const size = Number(res.headers.get("content-length") ?? NaN);
    const mediaType = res.headers.get("content-type")?.split(";")[0]?.trim() ?? "";
    if (!isDigest(digest) || !Number.isFinite(size)) {
      throw new RegistryError(
        `checking manifest ${this.label}:${reference}: the registry sent no digest or size`
      );
    }
    return { mediaType, digest, size };
  }
  /**
   * PUTs a manifest under a tag or its digest; `ifMatch`/`ifNoneMatch` make it conditional where the
   * registry supports it. `resend: false` keeps the transport from sending it twice (a referrers
   * index: its writer re-reads and re-merges instead).
   */
  async putManifest(reference, bytes, mediaType, opts = {}) {
    const headers = { "Content-Type": mediaType };
    if (opts.ifMatch !== void 0) headers["If-Match"] = opts.ifMatch;
    if (opts.ifNoneMatch !== void 0) headers["If-None-Match"] = opts.ifNoneMatch;
    const req = this.req("PUT", `/v2/${this.name}/manifests/${reference}`, {
      push: true,
      body: bytes,
      headers,
      ...opts.resend === false && { idempotent: false }
    });
    const res = await this.transport.send(req);
    const descriptor = { mediaType, digest: sha256Digest(bytes), size: bytes.byteLength };
    if (res.status === 412) {
      await res.body?.cancel().catch(() => void 0);
      return { descriptor, status: 412 };
    }
    if (res.status !== 201 && res.status !== 200) {
      throw await this.transport.fail(req, res, `pushing manifest ${this.label}:${reference}`);
    }
    await res.body?.cancel().catch(() => void 0);
    const subjectHeader = res.headers.get("oci-subject") ?? void 0;
    return { descriptor, status: res.status, ...subjectHeader !== void 0 && { subjectHeader } };
  }
  /**
   * DELETEs a manifest by digest or tag: `deleted` (202/200), `absent` (404), or `refused` when the
   * registry does not delete (405 or UNSUPPORTED: distribution without
   * REGISTRY_STORAGE_DELETE_ENABLED; distribution 2.8 answers a tag DELETE 400 DIGEST_INVALID:
   * it deletes by digest only, and that removes the manifest's tags), with the registry's answer
   * as an error to report. Anything else throws.
   */
  async deleteManifest(reference) {
    const req = this.req("DELETE", `/v2/${this.name}/manifests/${reference}`, { push: true });
    const res = await this.transport.send(req);
    if (res.status === 202 || res.status === 200 || res.status === 204) {
      await res.body?.cancel().catch(() => void 0);
      return { status: "deleted" };
    }
    if (res.status === 404) {
      await res.body?.cancel().catch(() => void 0);
      return { status: "absent" };
    }
    const err = await this.transport.fail(req, res, `deleting manifest ${this.label}:${reference}`);
    const body = err.response?.body ?? "";
    const tagRefused = !isDigest(reference) && res.status === 400 && /DIGEST_INVALID/.test(body);
    if (res.status === 405 || /"UNSUPPORTED"/.test(body) || tagRefused)
      return { status: "refused", error: err };
    throw err;
  }
  /** All tags (follows `Link` pagination, at most MAX_TAG_PAGES pages). */
  async listTags() {
    return this.listTagsAfter(void 0, () => true);
  }
  /**
   * Tags after `last` in the registry's (lexical) order, as long as `keep(tag)` holds for the tags
   * of a page: `?n=&last=` where the registry supports it, else every page, filtered here; at most
   * MAX_TAG_PAGES pages (then RegistryError: a listing that long is not what we asked for).
   */
  async listTagsAfter(last, keep) {
    const tags = [];
    const query = `?n=${TAG_PAGE_SIZE}${last !== void 0 ? `&last=${encodeURIComponent(last)}` : ""}`;
    let url = `/v2/${this.name}/tags/list${query}`;
    for (let page = 0; url; page++) {
      if (page >= MAX_TAG_PAGES)
        throw new RegistryError(`listing tags of ${this.label}: more than ${MAX_TAG_PAGES} pages`);
      const req = this.req("GET", url);
      const res = await this.transport.send(req);
      if (res.status === 404) {
        await res.body?.cancel().catch(() => void 0);
        return tags;
      }
      if (res.status !== 200) throw await this.transport.fail(req, res, `listing tags of ${this.label}`);
      let listed;
      try {
        const bytes = await readCapped(res, MAX_MANIFEST_BYTES, "tag list");
        const body = JSON.parse(registryText(bytes, `the tag list of ${this.label}`));
        listed = Array.isArray(body.tags) ? body.tags.filter((t) => typeof t === "string") : [];
      } catch (err) {
        if (err instanceof RegistryError) throw err;
        throw new RegistryError(`listing tags of ${this.label}: the answer is not JSON`);
      }
      const kept = listed.filter(keep);
      tags.push(...kept);
      const sorted = listed.every((t, i) => i === 0 || listed[i - 1] <= t);
      if (last !== void 0 && sorted && listed.length > 0 && listed[0] > last && kept.length < listed.length)
        return tags;
      url = nextLink(res.headers.get("link"));
    }
    return tags;
  }
};
function nextLink(link) {
  if (!link) return void 0;
  const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(link);
  return m?.[1];
}
function openRepository(ref, opts = {}) {
  return new Repository(createTransport(ref, opts), ref.repository, opts.session ?? new RegistrySession());
}

// src/oci/created.ts
var GO_ZERO_TIME = { seconds: daysFromCivil(1, 1, 1) * 86400, nanos: 0 };
function isLeap(y) {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}
function daysIn(month, year) {
  return month === 2 ? isLeap(year) ? 29 : 28 : [4, 6, 9, 11].includes(month) ? 30 : 31;
}
function daysFromCivil(y, m, d) {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
function parseGoRFC3339(text) {
  let s = text;
  const digits = (n) => {
    if (s.length < n || !/^[0-9]+$/.test(s.slice(0, n))) return void 0;
    const v = Number(s.slice(0, n));
    s = s.slice(n);
    return v;
  };
  const literal = (c) => {
    if (!s.startsWith(c)) return false;
    s = s.slice(c.length);
    return true;
  };
  const year = digits(4);
  if (year === void 0 || !literal("-")) return void 0;
  const month = digits(2);
  if (month === void 0 || month < 1 || month > 12 || !literal("-")) return void 0;
  const day = digits(2);
  if (day === void 0 || !literal("T")) return void 0;
  const hour = /^[0-9][0-9]/.test(s) ? digits(2) : digits(1);
  if (hour === void 0 || hour > 23 || !literal(":")) return void 0;
  const min = digits(2);
  if (min === void 0 || min > 59 || !literal(":")) return void 0;
  const sec = digits(2);
  if (sec === void 0 || sec > 59) return void 0;
  let nanos = 0;
  const frac = /^[.,]([0-9]+)/.exec(s);
  if (frac) {
    nanos = Number(frac[1].slice(0, 9).padEnd(9, "0"));
    s = s.slice(frac[0].length);
  }
  let offset = 0;
  if (!literal("Z")) {
    const m = /^([+-])([0-9]{2}):([0-9]{2})/.exec(s);
    if (!m) return void 0;
    const hh = Number(m[2]);
    const mm = Number(m[3]);
    if (hh > 24 || mm > 60) return void 0;
    offset = (m[1] === "-" ? -1 : 1) * (hh * 60 + mm) * 60;
    s = s.slice(m[0].length);
  }
  if (s !== "") return void 0;
  if (day < 1 || day > daysIn(month, year)) return void 0;
  return { seconds: daysFromCivil(year, month, day) * 86400 + hour * 3600 + min * 60 + sec - offset, nanos };
}
function compareGoTime(a, b) {
  return a.seconds !== b.seconds ? Math.sign(a.seconds - b.seconds) : Math.sign(a.nanos - b.nanos);
}
function createdTime(d) {
  const text = d.annotations?.[ANNOTATION_CREATED];
  return text !== void 0 && parseGoRFC3339(text) || GO_ZERO_TIME;
}
function newestFirst(descriptors) {
  return descriptors.map((d, i) => ({ d, i, t: createdTime(d) })).sort((a, b) => compareGoTime(b.t, a.t) || b.i - a.i).map((x) => x.d);
}

// src/oci/reference.ts
var COMPONENT_RE = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
var TAG_RE = /^\w[\w.-]{0,127}$/;
var HOST_RE = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::[0-9]{1,5})?$/;
var DOCKER_HUB = "docker.io";
var DOCKER_HUB_API = "registry-1.docker.io";
function bad(input, why) {
  return new InputError(
    `invalid image reference ${JSON.stringify(input)}: ${why}`,
    {},
    "expected host[:port]/path[:tag][@digest]"
  );
}
function parseReference(input) {
  const text = input.trim();
  if (text === "") throw bad(input, "it is empty");
  if (/\s/.test(text)) throw bad(input, "it contains white space");
  if (/^[a-z]+:\/\//i.test(text))
    throw bad(input, `leave out the scheme (use ${setting("plain-http")} for HTTP)`);
  let rest = text;
  let digest;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!isDigest(digest))
      throw bad(input, `the digest ${JSON.stringify(digest)} is not sha256:<64 hex> or sha512:<128 hex>`);
  }
  let tag;
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG_RE.test(tag)) throw bad(input, `the tag ${JSON.stringify(tag)} is not valid`);
  }
  let registry = DOCKER_HUB;
  let path = rest;
  const slash = rest.indexOf("/");
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    if (first.includes(".") || first.includes(":") || first === "localhost" || first.startsWith("[")) {
      registry = first;
      path = rest.slice(slash + 1);
    }
  }
  if (!HOST_RE.test(registry))
    throw bad(input, `the registry ${JSON.stringify(registry)} is not a host[:port]`);
  const port = /:(\d+)$/.exec(registry)?.[1];
  if (port !== void 0 && (Number(port) < 1 || Number(port) > 65535))
    throw bad(input, `port ${port} is out of range`);
  if (path === "") throw bad(input, "the repository path is missing");
  for (const component of path.split("/")) {
    if (component === "") throw bad(input, "the repository path has an empty component");
    if (!COMPONENT_RE.test(component)) {
      const why = /[A-Z]/.test(component) ? "must be lowercase" : "may hold only a-z, 0-9 and separators . _ __ -";
      throw bad(input, `the repository component ${JSON.stringify(component)} ${why}`);
    }
  }
  if (path.length > 255) throw bad(input, "the repository path is longer than 255 characters");
  let apiHost = registry;
  if (registry === DOCKER_HUB || registry === "index.docker.io") {
    registry = DOCKER_HUB;
    apiHost = DOCKER_HUB_API;
    if (!path.includes("/")) path = `library/${path}`;
  }
  if (tag === void 0 && digest === void 0) tag = "latest";
  return {
    registry,
    apiHost,
    repository: path,
    ...tag !== void 0 && { tag },
    ...digest !== void 0 && { digest }
  };
}
function formatReference(ref) {
  return `${ref.registry}/${ref.repository}${ref.tag !== void 0 ? `:${ref.tag}` : ""}${ref.digest !== void 0 ? `@${ref.digest}` : ""}`;
}
function withDigest(ref, digest) {
  return { registry: ref.registry, apiHost: ref.apiHost, repository: ref.repository, digest };
}

// src/oci/image.ts
async function platformFromConfig(repo, manifest) {
  const config = manifest.config;
  if (!config || config.mediaType !== MediaType.ociConfig && config.mediaType !== MediaType.dockerConfig)
    return void 0;
  const bytes = await repo.fetchBlob(config, MAX_MANIFEST_BYTES);
  const parsed = JSON.parse(registryText(bytes, `image config ${config.digest}`));
  if (typeof parsed.os !== "string" || typeof parsed.architecture !== "string") return void 0;
  return {
    os: parsed.os,
    architecture: parsed.architecture,
    ...parsed.variant && { variant: parsed.variant }
  };
}
function asHost(p) {
  const level = "x86Level" in p ? p.x86Level : void 0;
  return { ...p, x86Level: level ?? 4, source: "source" in p ? p.source : "machine" };
}
async function resolveManifests(repo, ref, opts) {
  const name = formatReference(ref);
  const got = await repo.getManifest(ref.digest ?? ref.tag, {
    notFound: `image ${name} not found`,
    what: `image ${name}`
  });
  if (!got) throw new RegistryError(`image ${name} not found`);
  const body = got.json ?? {};
  if (!isIndexMediaType(got.descriptor.mediaType) && !Array.isArray(body.manifests)) {
    opts.onManifest?.(got.descriptor, repo);
    const platform = await platformFromConfig(repo, body);
    if (opts.platform && platform && !platformsMatch(opts.platform, platform)) {
      throw new RegistryError(
        `image ${name} is for ${formatPlatform(platform)}, not ${formatPlatform(opts.platform)}`
      );
    }
    return [{ descriptor: got.descriptor, ...platform && { platform } }];
  }
  const entries = (body.manifests ?? []).filter(
    (d) => !isAttestationManifest(d) && !isIndexMediaType(d.mediaType)
  );
  if (entries.length === 0) throw new RegistryError(`image ${name} is an index with no platform manifests`);
  const offered = entries.map((d) => d.platform ? formatPlatform(d.platform) : "?").join(", ");
  let chosen = entries;
  if (opts.platform) {
    const wanted = opts.platform;
    const first = entries.find((d) => d.platform && platformsMatch(wanted, d.platform));
    if (!first)
      throw new RegistryError(
        `image ${name} has no manifest for ${formatPlatform(wanted)}; it offers ${offered}`
      );
    chosen = [first];
  } else if (!opts.all) {
    const host = asHost(opts.hostPlatform);
    const first = entries.find((d) => d.platform && canRun(host, d.platform).ok);
    if (!first && !opts.orFirst) {
      throw new RegistryError(
        `image ${name} has no manifest this host (${formatPlatform(host)}) can run; it offers ${offered}`
      );
    }
    chosen = [first ?? entries[0]];
  }
  return chosen.map((d) => ({
    descriptor: { mediaType: d.mediaType, digest: d.digest, size: d.size },
    ...d.platform && { platform: d.platform },
    ...d.annotations && { annotations: d.annotations },
    index: got.descriptor
  }));
}
async function resolveImage(image, opts) {
  const reference = typeof image === "string" ? parseReference(image) : image;
  const platform = typeof opts.platform === "string" ? parsePlatform(opts.platform) : opts.platform;
  const repo = openRepository(reference, opts);
  const subjects = await resolveManifests(repo, reference, {
    ...platform && { platform },
    ...opts.all && { all: true },
    ...opts.orFirst && { orFirst: true },
    ...opts.onManifest && { onManifest: opts.onManifest },
    hostPlatform: opts.host ?? hostPlatform()
  });
  return { reference, repo, subjects };
}

// src/oci/referrers.ts
var DEFAULT_SETTLE_MS = 0;
var MAX_ROUNDS = 50;
var MAX_REFERRER_PAGES = 50;
var SHORT_DIGEST = 16;
var RESOLVE_CONCURRENCY = 8;
function fallbackTag(subjectDigest) {
  const [alg = "", hex = ""] = subjectDigest.split(":");
  return `${alg.slice(0, 32)}-${hex.slice(0, 64)}`;
}
function artifactTag(subjectDigest, referrerDigest) {
  return `${fallbackTag(subjectDigest)}.${(referrerDigest.split(":")[1] ?? "").slice(0, SHORT_DIGEST)}`;
}
function referrersApiSupported(repo, subjectDigest) {
  const known = repo.session.referrersApi;
  let supported = known.get(repo.name);
  if (!supported) {
    supported = (async () => await fetchApiPage(repo, `/v2/${repo.name}/referrers/${subjectDigest}`) !== void 0)();
    known.set(repo.name, supported);
    supported.catch(() => known.delete(repo.name));
  }
  return supported;
}
async function fetchApiPage(repo, url) {
  const req = { method: "GET", url, repository: repo.name, headers: { Accept: MediaType.ociIndex } };
  const res = await repo.transport.send(req);
  if (res.status === 404 || res.status === 400 || res.status === 405) {
    await res.body?.cancel().catch(() => void 0);
    return void 0;
  }
  if (res.status !== 200) throw await repo.transport.fail(req, res, `listing referrers in ${repo.label}`);
  const bytes = await readCapped(res, MAX_MANIFEST_BYTES, `referrers of ${repo.label}`);
  let index;
  try {
    index = JSON.parse(registryText(bytes, `referrers of ${repo.label}`));
  } catch {
    return void 0;
  }
  if (!Array.isArray(index?.manifests)) return void 0;
  const next = nextLink(res.headers.get("link"));
  return {
    index,
    filtered: (res.headers.get("oci-filters-applied") ?? "").split(",").map((s) => s.trim()).includes("artifactType"),
    ...next !== void 0 && { next }
  };
}
async function readFallback(repo, subjectDigest) {
  const tag = fallbackTag(subjectDigest);
  const got = await repo.getManifest(tag);
  if (!got) return { manifests: [], exists: false, absent: true };
  if (got.descriptor.digest === subjectDigest) return { manifests: [], exists: false };
  if (!isIndexMediaType(got.descriptor.mediaType)) {
    throw new RegistryError(
      `${repo.label}:${tag} is a ${got.descriptor.mediaType || "manifest"}, not a referrers index: refusing to use it`
    );
  }
  const index = got.json;
  if (!Array.isArray(index?.manifests))
    throw new RegistryError(`${repo.label}:${tag}: the index has no manifests list`);
  return { manifests: index.manifests, exists: true, ...got.etag !== void 0 && { etag: got.etag } };
}
async function readFallbackListing(repo, subjectDigest) {
  const [index, tags] = await Promise.allSettled([
    readFallback(repo, subjectDigest),
    listArtifactTags(repo, subjectDigest)
  ]);
  if (index.status === "rejected") throw index.reason;
  if (tags.status === "rejected") throw tags.reason;
  return { index: index.value, tags: tags.value };
}
async function listArtifactTags(repo, subjectDigest) {
  const prefix = `${fallbackTag(subjectDigest)}.`;
  const shape = new RegExp(`^${prefix.replace(/[.]/g, "\\.")}[0-9a-f]{${SHORT_DIGEST}}$`);
  return repo.listTagsAfter(fallbackTag(subjectDigest), (t) => shape.test(t));
}
function referrerDescriptor(got) {
  const manifest = got.json ?? {};
  const { digest, mediaType } = got.descriptor;
  const artifactType = manifest.artifactType ?? manifest.config?.mediaType;
  return {
    mediaType: manifest.mediaType ?? mediaType,
    digest,
    size: got.bytes.byteLength,
    ...artifactType !== void 0 && { artifactType },
    ...manifest.annotations !== void 0 && { annotations: manifest.annotations }
  };
}
async function checkIndex(repo, subjectDigest, known, tags, cache = /* @__PURE__ */ new Map(), gone = /* @__PURE__ */ new Set(), fresh = []) {
  const shortOf = (digest) => (digest.split(":")[1] ?? "").slice(0, SHORT_DIGEST);
  const shorts = new Set(known.map((d) => shortOf(d.digest)));
  const listed = new Set(tags.map((t) => t.slice(t.lastIndexOf(".") + 1)));
  const unknown = tags.filter((t) => !shorts.has(t.slice(t.lastIndexOf(".") + 1)));
  const untagged = known.filter(
    (d) => isDigest(d.digest) && !listed.has(shortOf(d.digest)) && !gone.has(d.digest) && !fresh.some((f) => f.digest === d.digest)
  );
  const resolveTag = async (tag) => {
    if (cache.has(tag)) return;
    const got = await repo.getManifest(tag);
    if (!got) return;
    let found = null;
    const short = tag.slice(tag.lastIndexOf(".") + 1);
    if ((got.descriptor.digest.split(":")[1] ?? "").startsWith(short)) {
      const subject = got.json?.subject?.digest;
      if (subject === void 0 || subject === subjectDigest) found = referrerDescriptor(got);
    }
    cache.set(tag, found);
  };
  const headEntry = async (d) => {
    const there = await repo.headManifest(d.digest).catch(() => true);
    if (!there) gone.add(d.digest);
  };
  const jobs = [
    ...unknown.map((t) => () => resolveTag(t)),
    ...untagged.map((d) => () => headEntry(d))
  ];
  const worker = async () => {
    for (let job = jobs.shift(); job !== void 0; job = jobs.shift()) await job();
  };
  await Promise.all(Array.from({ length: Math.min(RESOLVE_CONCURRENCY, jobs.length) }, worker));
  return {
    tagged: unknown.map((t) => cache.get(t)).filter((d) => !!d && !gone.has(d.digest)),
    gone: known.filter((d) => gone.has(d.digest)).map((d) => d.digest)
  };
}
function subManifestUnknown(err) {
  const res = err.response;
  return err instanceof RegistryError && (res?.status === 400 || res?.status === 404) && /MANIFEST_BLOB_UNKNOWN|MANIFEST_UNKNOWN|BLOB_UNKNOWN/.test(res.body ?? "");
}
async function findGone(repo, written, fresh, gone) {
  const before = gone.size;
  const ask = written.filter(
    (d) => isDigest(d.digest) && !gone.has(d.digest) && !fresh.some((f) => f.digest === d.digest)
  );
  for (let i = 0; i < ask.length; i += RESOLVE_CONCURRENCY)
    await Promise.all(
      ask.slice(i, i + RESOLVE_CONCURRENCY).map(async (d) => {
        if (!await repo.headManifest(d.digest).catch(() => true)) gone.add(d.digest);
      })
    );
  return gone.size > before;
}
var SUSPECT_TYPES = /* @__PURE__ */ new Set([
  void 0,
  "",
  MediaType.empty,
  MediaType.ociConfig,
  MediaType.dockerConfig,
  "application/vnd.unknown.config.v1+json"
]);
async function correctArtifactType(repo, d) {
  if (!SUSPECT_TYPES.has(d.artifactType) || isIndexMediaType(d.mediaType)) return d;
  const got = await repo.getManifest(d.digest);
  if (!got) return d;
  const manifest = got.json ?? {};
  const artifactType = manifest.artifactType ?? manifest.config?.mediaType;
  return {
    ...d,
    ...artifactType !== void 0 && { artifactType },
    ...d.annotations === void 0 && manifest.annotations !== void 0 && { annotations: manifest.annotations }
  };
}
async function listReferrers(repo, subjectDigest, opts = {}) {
  let found = [];
  const early = repo.session.referrersApi.has(repo.name) ? void 0 : readFallbackListing(repo, subjectDigest);
  early?.catch(() => void 0);
  if (await referrersApiSupported(repo, subjectDigest)) {
    const query = opts.artifactType !== void 0 ? `?artifactType=${encodeURIComponent(opts.artifactType)}` : "";
    let url = `/v2/${repo.name}/referrers/${subjectDigest}${query}`;
    for (let page = 0; url; page++) {
      if (page >= MAX_REFERRER_PAGES)
        throw new RegistryError(
          `listing referrers of ${subjectDigest} in ${repo.label}: more than ${MAX_REFERRER_PAGES} pages`
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
        `${repo.label}:${fallbackTag(subjectDigest)} lists ${digest}, whose manifest is gone: skipped`
      );
    found = [...index.manifests.filter((d) => !gone.includes(d.digest)), ...missing];
    if ((missing.length || gone.length) && opts.repair !== false)
      await repairFallbackIndex(repo, subjectDigest, missing, gone);
  }
  if (opts.artifactType === void 0) return found;
  const wanted = opts.artifactType;
  const corrected = await Promise.all(
    found.map((d) => d.artifactType === wanted ? d : correctArtifactType(repo, d))
  );
  return corrected.filter((d) => d.artifactType === wanted);
}
async function repairFallbackIndex(repo, subjectDigest, missing, gone) {
  const debug = repo.transport.options.debug;
  try {
    await recordInFallbackIndex(repo, subjectDigest, missing, { remove: gone });
    debug?.(
      `repaired the referrers index ${fallbackTag(subjectDigest)}: ${missing.length} entries back, ${gone.length} gone dropped`
    );
  } catch (err) {
    debug?.(`could not repair the referrers index ${fallbackTag(subjectDigest)}: ${err.message}`);
  }
}
function packIndex(manifests) {
  const index = { schemaVersion: 2, mediaType: MediaType.ociIndex, manifests };
  return Buffer.from(JSON.stringify(index));
}
async function addToFallbackIndex(repo, subjectDigest, entry, opts = {}) {
  if (!opts.tagged) {
    const got = await repo.getManifest(entry.digest, {
      notFound: `tagging referrer ${entry.digest} of ${subjectDigest}: not in ${repo.label}`
    });
    await repo.putManifest(artifactTag(subjectDigest, entry.digest), got.bytes, got.descriptor.mediaType);
  }
  return recordInFallbackIndex(repo, subjectDigest, [entry], opts);
}
async function recordInFallbackIndex(repo, subjectDigest, entries, opts = {}) {
  const settleMs = Math.max(0, opts.settleMs ?? DEFAULT_SETTLE_MS);
  const sleep = opts.sleep ?? pause;
  const policy = repo.transport.options.retry;
  const tag = fallbackTag(subjectDigest);
  const resolved = /* @__PURE__ */ new Map();
  const removed = new Set(opts.remove ?? []);
  const gone = /* @__PURE__ */ new Set();
  const dropped = (digest) => removed.has(digest) || gone.has(digest);
  const covers = (index, wanted) => wanted.every((w) => index.manifests.some((d) => d.digest === w.digest)) && !index.manifests.some((d) => removed.has(d.digest));
  let writes = 0;
  let failures = 0;
  let tagged = [];
  let preconditions = true;
  let unsure = false;
  const whole = async (index) => {
    const tags = await listArtifactTags(repo, subjectDigest);
    const check = await checkIndex(repo, subjectDigest, index, tags, resolved, gone, entries);
    tagged = check.tagged;
    return !tagged.length && !check.gone.length;
  };
  let current = await (opts.read ?? readFallback(repo, subjectDigest));
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const wanted = [...entries, ...tagged].filter((w) => !dropped(w.digest));
    const missing = wanted.filter(
      (w, i) => !current.manifests.some((d) => d.digest === w.digest) && wanted.findIndex((x) => x.digest === w.digest) === i
    );
    const kept = current.manifests.filter((d) => !dropped(d.digest));
    if (!missing.length && kept.length === current.manifests.length) {
      if (!unsure || await whole(current.manifests)) return writes;
      unsure = false;
      continue;
    }
    if (writes > 0) await sleep(Math.floor(Math.random() * 20 * Math.min(round, 10)));
    const written = [...kept, ...missing];
    let landed = false;
    let refused = false;
    try {
      const put = await repo.putManifest(tag, packIndex(written), MediaType.ociIndex, {
        resend: false,
        ...preconditions && current.etag !== void 0 && { ifMatch: current.etag },
        ...preconditions && current.absent && { ifNoneMatch: "*" }
      });
      landed = put.status !== 412;
      refused = put.status === 412;
    } catch (err) {
      if (subManifestUnknown(err) && await findGone(repo, written, entries, gone)) {
        current = await readFallback(repo, subjectDigest);
        continue;
      }
      failures++;
      const wait = isTransientFailure(err) ? policy?.(failures, { error: err }, { method: "PUT", url: tag, idempotent: true }) : void 0;
      if (wait === void 0) {
        if (covers(await readFallback(repo, subjectDigest), entries)) return writes + 1;
        throw new RegistryError(
          `${repo.label}:${tag}: the referrers index was not written after ${failures} attempts: ${err.message}`,
          err.request,
          err.response,
          { attempts: failures }
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
    if (refused && before.etag === current.etag && before.absent === current.absent) preconditions = false;
  }
  if (covers(current, entries)) return writes;
  throw new RegistryError(
    `${repo.label}:${tag}: the referrers index kept losing entries after ${MAX_ROUNDS} rounds`
  );
}

// src/oci/referrer.ts
async function pushReferrer(repo, subjectDigest, referrer, opts = {}) {
  const { descriptor } = referrer;
  const [asked, pushed] = await Promise.allSettled([
    referrersApiSupported(repo, subjectDigest),
    pushBlobs(repo, referrer)
  ]);
  if (asked.status === "rejected") throw asked.reason;
  if (pushed.status === "rejected") throw pushed.reason;
  if (asked.value) {
    await opts.before?.();
    await putManifest(repo, referrer, descriptor.digest);
    return { descriptor, referrers: "api" };
  }
  const tag = artifactTag(subjectDigest, descriptor.digest);
  if (opts.before) {
    await putManifest(repo, referrer, descriptor.digest);
    await opts.before();
  }
  const read = readFallback(repo, subjectDigest);
  try {
    if (opts.before) await repo.putManifest(tag, referrer.manifest, descriptor.mediaType);
    else await putManifest(repo, referrer, tag);
  } catch (err) {
    read.catch(() => void 0);
    throw err;
  }
  await recordInFallbackIndex(repo, subjectDigest, [descriptor], {
    ...opts.settleMs !== void 0 && { settleMs: opts.settleMs },
    read
  });
  return { descriptor, referrers: "fallback" };
}
async function pushBlobs(repo, referrer) {
  const pushed = await Promise.allSettled(referrer.blobs.map((b) => repo.pushBlob(b.bytes, b.mediaType)));
  const failed = pushed.find((p) => p.status === "rejected");
  if (failed) throw failed.reason;
}
async function putManifest(repo, referrer, reference) {
  const { descriptor } = referrer;
  await withRetries(
    repo.transport.options.retry,
    `pushing manifest ${repo.label}@${descriptor.digest}`,
    async (attempt) => {
      if (attempt > 1) await pushBlobs(repo, referrer);
      try {
        await repo.putManifest(reference, referrer.manifest, descriptor.mediaType);
      } catch (err) {
        const blobUnknown = err instanceof RegistryError && err.response?.status === 400 && /BLOB_UNKNOWN/.test(err.response.body ?? "");
        if (!blobUnknown) throw err;
        throw new RegistryError(err.message, err.request, err.response, { transient: true });
      }
    },
    repo.transport.options.debug
  );
}
function refusal(repo, what, err) {
  return new RegistryError(
    `${repo.label} refused to delete ${what} (${err.message}); nothing of it was removed. distribution deletes only with REGISTRY_STORAGE_DELETE_ENABLED=true; on GHCR delete the package version`,
    err.request,
    err.response
  );
}
async function removeReferrer(repo, subjectDigest, digest, opts = {}) {
  if (await referrersApiSupported(repo, subjectDigest)) {
    const out = await repo.deleteManifest(digest);
    if (out.status === "refused") throw refusal(repo, `manifest ${digest}`, out.error);
    return "api";
  }
  const tag = artifactTag(subjectDigest, digest);
  const byTag = await repo.deleteManifest(tag);
  const byDigest = await repo.deleteManifest(digest);
  if (byDigest.status === "refused") {
    const what = byTag.status === "deleted" ? `manifest ${digest} (its tag ${tag} is gone)` : `manifest ${digest}`;
    throw refusal(repo, what, byDigest.error);
  }
  if (opts.unlist === false) return "fallback";
  await recordInFallbackIndex(repo, subjectDigest, [], {
    remove: [digest],
    ...opts.settleMs !== void 0 && { settleMs: opts.settleMs }
  });
  return "fallback";
}
async function deleteFallbackIndex(repo, subjectDigest, ours) {
  const tag = fallbackTag(subjectDigest);
  const byTag = await repo.deleteManifest(tag);
  if (byTag.status !== "refused") return byTag.status === "deleted";
  const got = await repo.getManifest(tag);
  if (!got) return false;
  const listed = got.json?.manifests ?? [];
  if (!listed.length || listed.some((d) => !ours(d))) return false;
  const byDigest = await repo.deleteManifest(got.descriptor.digest);
  if (byDigest.status === "refused") throw refusal(repo, `${tag}`, byDigest.error);
  return byDigest.status === "deleted";
}

// src/oci/compatibility.ts
var MAX_SPEC_BYTES = 4 * 1024 * 1024;
async function attachCompatibilityArtifact(repo, subject, spec, opts) {
  const packed = packCompatibilityArtifact({
    spec,
    subject,
    created: opts.created,
    ...opts.title !== void 0 && { title: opts.title }
  });
  const pushed = await pushReferrer(repo, subject.digest, compatibilityReferrer(packed, spec), {
    ...opts.settleMs !== void 0 && { settleMs: opts.settleMs }
  });
  return { artifact: pushed.descriptor, referrers: pushed.referrers };
}
function compatibilityReferrer(packed, spec) {
  return {
    manifest: packed.manifest,
    descriptor: packed.descriptor,
    blobs: [
      { bytes: EMPTY_CONFIG_BYTES, mediaType: EMPTY_CONFIG.mediaType },
      { bytes: spec, mediaType: COMPATIBILITY_SPEC_MEDIA_TYPE }
    ]
  };
}
async function compatibilityCandidates(repo, resolved, own = compatibilityReferrers(repo, resolved.descriptor.digest)) {
  const index = resolved.index;
  const [mine, ofIndex] = await Promise.allSettled([
    own,
    index ? compatibilityReferrers(repo, index.digest) : []
  ]);
  if (mine.status === "rejected") throw mine.reason;
  if (ofIndex.status === "rejected") throw ofIndex.reason;
  return [
    ...mine.value.map((artifact) => ({
      artifact,
      subject: resolved.descriptor,
      attachedTo: "manifest"
    })),
    ...ofIndex.value.map((artifact) => ({ artifact, subject: index, attachedTo: "index" }))
  ];
}
async function resolveListed(ref, opts) {
  let early;
  const { reference, repo, subjects } = await resolveImage(ref, {
    ...opts,
    onManifest: (d, r) => {
      early = { digest: d.digest, listing: compatibilityReferrers(r, d.digest) };
      early.listing.catch(() => void 0);
    }
  });
  const resolved = subjects[0];
  const own = early?.digest === resolved.descriptor.digest ? early.listing : compatibilityReferrers(repo, resolved.descriptor.digest);
  return { reference, repo, resolved, own };
}
async function compatibilityReferrers(repo, subjectDigest) {
  const found = await listReferrers(repo, subjectDigest, { artifactType: COMPATIBILITY_ARTIFACT_TYPE });
  return newestFirst(found);
}
async function fetchCompatibilityArtifact(repo, artifact) {
  const fetched = await fetchListedArtifact(repo, artifact);
  if (!fetched) throw new RegistryError(`compatibility artifact ${artifact.digest} is listed but not found`);
  return fetched;
}
async function fetchListedArtifact(repo, artifact) {
  const got = await repo.getManifest(artifact.digest, { what: `compatibility artifact ${artifact.digest}` });
  if (!got) return void 0;
  const manifest = got.json ?? {};
  const layer = manifest.layers?.[0];
  if (!layer || typeof layer.digest !== "string" || typeof layer.size !== "number")
    throw new RegistryError(`compatibility artifact ${artifact.digest} has no spec layer`);
  const specBytes = await repo.fetchBlob(layer, Math.min(MAX_SPEC_BYTES, MAX_MANIFEST_BYTES));
  const created = artifact.annotations?.[ANNOTATION_CREATED] ?? manifest.annotations?.[ANNOTATION_CREATED];
  return { artifact, ...created !== void 0 && { created }, specBytes };
}
async function listCompatibilityArtifacts(ref, opts = {}) {
  const { reference, repo, resolved, own } = await resolveListed(ref, opts);
  const candidates = await compatibilityCandidates(repo, resolved, own);
  return {
    reference,
    subject: resolved.descriptor,
    ...resolved.platform && { platform: resolved.platform },
    artifacts: candidates.filter((c) => c.attachedTo === "manifest").map((c) => c.artifact),
    ...resolved.index && { index: resolved.index },
    indexArtifacts: candidates.filter((c) => c.attachedTo === "index").map((c) => c.artifact)
  };
}
async function fetchNewestCompatibilitySpec(ref, opts = {}) {
  const { reference, repo, resolved, own } = await resolveListed(ref, opts);
  for (const candidate of await compatibilityCandidates(repo, resolved, own)) {
    const fetched = await fetchListedArtifact(repo, candidate.artifact);
    if (!fetched) {
      warnGone(repo, candidate.artifact);
      continue;
    }
    return {
      subject: resolved.descriptor,
      ...resolved.platform && { platform: resolved.platform },
      attachedTo: candidate.attachedTo,
      ...fetched
    };
  }
  const where = `${formatReference(reference)}${resolved.index ? ` (${resolved.descriptor.digest})` : ""}`;
  throw new RegistryError(`image ${where} has no compatibility artifact (${COMPATIBILITY_ARTIFACT_TYPE})`);
}
function warnGone(repo, artifact) {
  repo.transport.options.warn?.(
    `compatibility artifact ${artifact.digest} is listed but its manifest is gone (removed): skipped, the next newest is used`
  );
}

export {
  isDigest,
  loadHasher,
  sha256Digest,
  digestOf,
  verifyDigest,
  MediaType,
  MANIFEST_MEDIA_TYPES,
  INDEX_MEDIA_TYPES,
  MAX_MANIFEST_BYTES,
  isIndexMediaType,
  COMPATIBILITY_ARTIFACT_TYPE,
  COMPATIBILITY_SPEC_MEDIA_TYPE,
  ANNOTATION_CREATED,
  ANNOTATION_TITLE,
  EMPTY_CONFIG_BYTES,
  EMPTY_CONFIG,
  formatCreated,
  packCompatibilityArtifact,
  parseChallenges,
  BasicHandler,
  Authenticator,
  basicAuthenticator,
  nodeHttpFetch,
  scopesFor,
  BearerHandler,
  RegistrySession,
  Transport,
  redactUrl,
  readCapped,
  MAX_TAG_PAGES,
  TAG_PAGE_SIZE,
  createTransport,
  Repository,
  nextLink,
  openRepository,
  DOCKER_HUB,
  parseReference,
  formatReference,
  withDigest,
  resolveManifests,
  resolveImage,
  DEFAULT_SETTLE_MS,
  MAX_REFERRER_PAGES,
  fallbackTag,
  artifactTag,
  referrersApiSupported,
  readFallback,
  listArtifactTags,
  referrerDescriptor,
  listReferrers,
  addToFallbackIndex,
  recordInFallbackIndex,
  pushReferrer,
  removeReferrer,
  deleteFallbackIndex,
  MAX_SPEC_BYTES,
  attachCompatibilityArtifact,
  compatibilityReferrer,
  compatibilityCandidates,
  compatibilityReferrers,
  fetchCompatibilityArtifact,
  fetchListedArtifact,
  listCompatibilityArtifacts,
  fetchNewestCompatibilitySpec,
  warnGone
};
