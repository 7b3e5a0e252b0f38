// TLS settings for registries with a private CA (`--ca-file`, added to Node's default CAs) or,
// only when asked, none at all (`--insecure`): an undici Agent passed to fetch as its dispatcher.
// undici's own fetch goes with it, so the Agent and fetch come from the same undici.
import { rootCertificates } from 'node:tls';
import { InputError } from '../errors.js';
import { LIMITS } from '../io/limits.js';
import { readText } from '../io/read.js';

export interface TlsOptions {
  /** A PEM file of CA certificates to trust besides the default ones. */
  caFile?: string;
  /** Skip certificate verification (still TLS). */
  insecure?: boolean;
}

export interface TlsTransport {
  dispatcher: unknown;
  fetch: typeof fetch;
}

const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** The dispatcher and fetch for these settings; undefined when the defaults do (no CA file, verifying). */
export async function tlsTransport(opts: TlsOptions): Promise<TlsTransport | undefined> {
  if (opts.caFile === undefined && !opts.insecure) return undefined;
  let extra: string[] = [];
  if (opts.caFile !== undefined) {
    const text = await readText(opts.caFile, { maxBytes: LIMITS.small, what: 'the CA file' });
    extra = text.match(PEM_CERT) ?? [];
    if (extra.length === 0)
      throw new InputError('the CA file holds no PEM certificate (-----BEGIN CERTIFICATE-----)', {
        file: opts.caFile,
      });
  }
  // Loaded only when needed: undici is large, and most runs use Node's own fetch.
  const { Agent, fetch: undiciFetch } = await import('undici');
  const dispatcher = new Agent({
    connect: {
      ca: [...rootCertificates, ...extra],
      rejectUnauthorized: !opts.insecure,
    },
  });
  return { dispatcher, fetch: undiciFetch as unknown as typeof fetch };
}
