// Signs an in-toto Statement into a Sigstore bundle v0.3 (DSSE envelope) with @sigstore/sign:
// with a key (no witnesses: air-gapped, tests, cosign users), or keyless (OIDC token -> Fulcio
// certificate, witnessed by Rekor or by a timestamp authority). All URLs and the identity
// provider are injectable; nothing here reads the environment.

import { sign as cryptoSign } from 'node:crypto';
import { bundleToJSON } from '@sigstore/bundle';
import type { SerializedBundle } from '@sigstore/bundle';
import { DSSEBundleBuilder, FulcioSigner, RekorWitness, TSAWitness } from '@sigstore/sign';
import type { IdentityProvider, Signer, Witness } from '@sigstore/sign';
import { ImageCompatError, RegistryError, SignatureError } from '../errors.js';
import type { SigningKey } from './keys.js';
import { IN_TOTO_PAYLOAD_TYPE, serializeStatement } from './statement.js';
import type { Statement } from './statement.js';

export const PUBLIC_GOOD_FULCIO_URL = 'https://fulcio.sigstore.dev';
export const PUBLIC_GOOD_REKOR_URL = 'https://rekor.sigstore.dev';
export const GITHUB_FULCIO_URL = 'https://fulcio.githubapp.com';
export const GITHUB_TSA_URL = 'https://timestamp.githubapp.com';
export const SIGSTORE_AUDIENCE = 'sigstore';

export interface KeylessInstance {
  fulcioURL: string;
  /** Rekor to log the signature in; absent for GitHub's private instance. */
  rekorURL?: string;
  /** RFC 3161 timestamp authority; used when there is no Rekor. */
  tsaURL?: string;
}

/** Public repositories sign with the public-good instance; private ones with GitHub's. */
export function keylessInstanceFor(visibility: 'public' | 'private' | 'internal'): KeylessInstance {
  return visibility === 'public'
    ? { fulcioURL: PUBLIC_GOOD_FULCIO_URL, rekorURL: PUBLIC_GOOD_REKOR_URL }
    : { fulcioURL: GITHUB_FULCIO_URL, tsaURL: GITHUB_TSA_URL };
}

/** The repository visibility from a GitHub event payload (GITHUB_EVENT_PATH's JSON). */
export function repositoryVisibility(event: unknown): 'public' | 'private' | 'internal' {
  const v = (event as { repository?: { visibility?: unknown } } | null)?.repository?.visibility;
  return v === 'public' || v === 'internal' ? v : 'private';
}

export type SignWith =
  | { kind: 'key'; key: SigningKey }
  | {
      kind: 'keyless';
      identityProvider: IdentityProvider;
      instance: KeylessInstance;
      /** Rekor entry type: `intoto` by default (verifies with @sigstore/verify and cosign). */
      rekorEntryType?: 'intoto' | 'dsse';
      /** HTTP timeout per request, ms. */
      timeout?: number;
    };

export interface SignedBundle {
  bundle: SerializedBundle;
  /** The bundle serialized as it is stored (the blob pushed to the registry). */
  bytes: Buffer;
}

/** A @sigstore/sign Signer over a local ECDSA P-256 key: ASN.1 DER signatures, SHA-256. */
export function keySigner(key: SigningKey): Signer {
  return {
    sign: async (data: Buffer) => ({
      signature: cryptoSign('sha256', data, key.privateKey),
      key: { $case: 'publicKey', publicKey: key.publicKeyPem, hint: key.hint },
    }),
  };
}

function keylessBuilder(opts: Extract<SignWith, { kind: 'keyless' }>): DSSEBundleBuilder {
  const fetchOptions = { timeout: opts.timeout ?? 30000, retry: 2 };
  const signer = new FulcioSigner({
    identityProvider: opts.identityProvider,
    fulcioBaseURL: opts.instance.fulcioURL,
    ...fetchOptions,
  });
  const witnesses: Witness[] = [];
  if (opts.instance.rekorURL) {
    witnesses.push(
      new RekorWitness({
        rekorBaseURL: opts.instance.rekorURL,
        entryType: opts.rekorEntryType ?? 'intoto',
        ...fetchOptions,
      }),
    );
  }
  if (opts.instance.tsaURL) {
    witnesses.push(new TSAWitness({ tsaBaseURL: opts.instance.tsaURL, ...fetchOptions }));
  }
  if (witnesses.length === 0) {
    throw new SignatureError('keyless signing needs a Rekor or a timestamp authority URL');
  }
  return new DSSEBundleBuilder({ signer, witnesses });
}

/** Signs the statement; returns the Sigstore bundle v0.3 as JSON and as stored bytes. */
export async function signStatement(statement: Statement, how: SignWith): Promise<SignedBundle> {
  const builder =
    how.kind === 'key'
      ? new DSSEBundleBuilder({ signer: keySigner(how.key), witnesses: [] })
      : keylessBuilder(how);
  let bundle;
  try {
    bundle = await builder.create({
      data: serializeStatement(statement),
      type: IN_TOTO_PAYLOAD_TYPE,
    });
  } catch (err) {
    throw signingFailure(err, how);
  }
  if (how.kind === 'key' && bundle.content.$case === 'dsseEnvelope') {
    // @sigstore/sign puts the key hint in the DSSE signature's keyid; cosign (go-securesystemslib)
    // then skips the signature because its verifier's key id differs ("Found: 0, Expected 1").
    // keyid is outside the signed PAE, the hint stays in verificationMaterial, and cosign writes
    // none: drop it. (Keyless bundles carry no keyid, and their Rekor entry covers the envelope.)
    for (const sig of bundle.content.dsseEnvelope.signatures) sig.keyid = '';
  }
  const json = bundleToJSON(bundle);
  return { bundle: json, bytes: Buffer.from(JSON.stringify(json), 'utf8') };
}

/** The service @sigstore/sign's error code names (its InternalError codes start with the service). */
function serviceOf(code: unknown, how: SignWith): { name: string; url: string } | undefined {
  if (how.kind !== 'keyless' || typeof code !== 'string') return undefined;
  if (code.startsWith('CA_')) return { name: 'Fulcio', url: how.instance.fulcioURL };
  if (code.startsWith('TLOG_') && how.instance.rekorURL) return { name: 'Rekor', url: how.instance.rekorURL };
  if (code.startsWith('TSA_') && how.instance.tsaURL)
    return { name: 'the timestamp authority', url: how.instance.tsaURL };
  return undefined;
}

/** Connection refused, no such host, reset, timed out; or a 5xx/429 the client's retries did not outlast. */
export function isNetworkFailure(err: unknown): boolean {
  if (!isErrorLike(err)) return false;
  const e = err as Error & { code?: unknown; type?: unknown; statusCode?: unknown; status?: unknown };
  const status =
    typeof e.statusCode === 'number' ? e.statusCode : typeof e.status === 'number' ? e.status : 0;
  if (status) return status >= 500 || status === 429;
  if (e.type === 'system' || e.type === 'request-timeout') return true;
  if (typeof e.code === 'string' && /^(E[A-Z_]+|UND_ERR_[A-Z_]+)$/.test(e.code)) return true;
  return e.name === 'TimeoutError' || e.name === 'AbortError';
}

/**
 * A signing failure as the exit-code contract reads it: a Sigstore service that could not be
 * reached (or kept failing) is a network error, exit 3, naming its URL; our own typed errors from
 * the identity provider pass through; anything else (a refused token, a bad answer) is exit 4.
 */
function signingFailure(err: unknown, how: SignWith): Error {
  for (let e: unknown = err; isErrorLike(e); e = (e as { cause?: unknown }).cause) {
    if (e instanceof ImageCompatError) return e;
  }
  const cause = (err as { cause?: unknown })?.cause;
  const service = serviceOf((err as { code?: unknown })?.code, how);
  if (service && (isNetworkFailure(cause) || isNetworkFailure(err))) {
    return new RegistryError(
      `signing failed: cannot reach ${service.name} at ${service.url}: ${describe(err)}`,
      {
        method: 'POST',
        url: service.url,
      },
    );
  }
  return new SignatureError(`signing failed: ${describe(err)}`);
}

/** The URL without its query (the OIDC request URL's query is harmless, but keep logs plain). */
function withoutQuery(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/** An Error, also from another realm (fetch's TypeError under a VM context is not `instanceof Error`). */
function isErrorLike(err: unknown): err is Error {
  return (
    err instanceof Error ||
    (typeof err === 'object' && err !== null && typeof (err as Error).message === 'string')
  );
}

function describe(err: unknown): string {
  if (isErrorLike(err)) {
    const cause = (err as { cause?: unknown }).cause;
    return isErrorLike(cause) ? `${err.message}: ${cause.message}` : err.message;
  }
  return String(err);
}

export interface GitHubTokenRequest {
  /** ACTIONS_ID_TOKEN_REQUEST_URL */
  requestURL: string;
  /** ACTIONS_ID_TOKEN_REQUEST_TOKEN (a secret: never logged) */
  requestToken: string;
  audience?: string;
  fetch?: typeof fetch;
}

/** GitHub Actions' OIDC identity provider (the job needs `permissions: id-token: write`). */
export function githubActionsIdentityProvider(req: GitHubTokenRequest): IdentityProvider {
  return {
    getToken: async () => {
      const url = new URL(req.requestURL);
      url.searchParams.set('audience', req.audience ?? SIGSTORE_AUDIENCE);
      let res: Response;
      try {
        res = await (req.fetch ?? fetch)(url, {
          headers: { Accept: 'application/json', Authorization: `Bearer ${req.requestToken}` },
        });
      } catch (err) {
        throw new RegistryError(
          `cannot reach the GitHub Actions OIDC token endpoint at ${withoutQuery(url)}: ${describe(err)}`,
          { method: 'GET', url: withoutQuery(url) },
        );
      }
      if (res.status >= 500 || res.status === 429) {
        throw new RegistryError(
          `the GitHub Actions OIDC token endpoint at ${withoutQuery(url)} answered HTTP ${res.status}`,
          { method: 'GET', url: withoutQuery(url) },
          { status: res.status },
        );
      }
      if (!res.ok) {
        throw new SignatureError(
          `GitHub Actions OIDC token request failed: HTTP ${res.status} (is id-token: write granted?)`,
        );
      }
      const body = (await res.json()) as { value?: unknown };
      if (typeof body.value !== 'string') {
        throw new SignatureError('GitHub Actions OIDC token response has no token');
      }
      return body.value;
    },
  };
}

/** A fixed identity token (SIGSTORE_ID_TOKEN, tests). */
export function staticIdentityProvider(token: string): IdentityProvider {
  return { getToken: async () => token };
}
