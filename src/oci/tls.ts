// TLS settings for registries with a private CA (`--ca-file`, added to Node's default CAs) or,
// only when asked, none at all (`--insecure`): the options of the client's HTTP path's https
// agent (./http.ts). node:tls loads only here, with process.getBuiltinModule (see ./http.ts: no
// ES module import of a networking built-in).
import { InputError } from '../errors.js';
import type { HttpTls } from './http.js';
import { LIMITS } from '../io/limits.js';
import { readText } from '../io/read.js';

export interface TlsOptions {
  /** A PEM file of CA certificates to trust besides the default ones. */
  caFile?: string;
  /** Skip certificate verification (still TLS). */
  insecure?: boolean;
}

const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** The TLS settings for these options; undefined when the defaults do (no CA file, verifying). */
export async function tlsSettings(opts: TlsOptions): Promise<HttpTls | undefined> {
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
  const { rootCertificates } = process.getBuiltinModule('node:tls');
  return { ca: [...rootCertificates, ...extra], rejectUnauthorized: !opts.insecure };
}
