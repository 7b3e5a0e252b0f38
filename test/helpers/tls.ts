// Throwaway PKI for tests: a CA generated at test time (openssl CLI; node has no X.509 generation
// API), server certificates for 127.0.0.1/localhost, and token-signing certificates chained to the
// CA (docker-registry trusts the CA through auth.token.rootcertbundle). All keys are EC P-256.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface CertificateFiles {
  certPath: string;
  keyPath: string;
  /** PEM of the certificate alone. */
  cert: string;
  /** PEM of the private key (PKCS#8). */
  key: string;
}

export interface TestCa extends CertificateFiles {
  /** Folder holding every file of this PKI; removed by cleanup(). */
  dir: string;
  /** A server certificate for 127.0.0.1 and localhost, issued by this CA. */
  server: CertificateFiles;
  /** Issues another certificate from this CA. */
  issue(name: string, opts?: IssueOptions): Promise<CertificateFiles>;
  cleanup(): Promise<void>;
}

export interface IssueOptions {
  /** Subject alternative names: IPs and DNS names (a server certificate). None: a signing certificate. */
  hosts?: string[];
  commonName?: string;
}

async function openssl(args: string[], cwd: string): Promise<void> {
  await run('openssl', args, { cwd });
}

async function files(dir: string, name: string): Promise<CertificateFiles> {
  const certPath = path.join(dir, `${name}.crt`);
  const keyPath = path.join(dir, `${name}.key`);
  return {
    certPath,
    keyPath,
    cert: await readFile(certPath, 'utf8'),
    key: await readFile(keyPath, 'utf8'),
  };
}

async function issue(dir: string, name: string, opts: IssueOptions = {}): Promise<CertificateFiles> {
  const hosts = opts.hosts ?? [];
  const san = hosts.map((h) => (/^[\d.]+$|:/.test(h) ? `IP:${h}` : `DNS:${h}`)).join(',');
  // Leaf certificates: not a CA; a server certificate names its hosts (Go and Node ignore the CN).
  const ext = [
    'basicConstraints=critical,CA:FALSE',
    hosts.length > 0
      ? 'keyUsage=critical,digitalSignature,keyEncipherment'
      : 'keyUsage=critical,digitalSignature',
    ...(hosts.length > 0 ? ['extendedKeyUsage=serverAuth', `subjectAltName=${san}`] : []),
  ].join('\n');
  await writeFile(path.join(dir, `${name}.ext`), `${ext}\n`);
  await openssl(
    ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', `${name}.key`],
    dir,
  );
  await openssl(
    ['req', '-new', '-key', `${name}.key`, '-subj', `/CN=${opts.commonName ?? name}`, '-out', `${name}.csr`],
    dir,
  );
  await openssl(
    [
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-set_serial',
      `0x${randomSerial()}`,
    ].concat(['-days', '2', '-sha256', '-extfile', `${name}.ext`, '-out', `${name}.crt`]),
    dir,
  );
  return files(dir, name);
}

function randomSerial(): string {
  return Array.from({ length: 16 }, () => Math.floor(Math.random() * 16).toString(16))
    .join('')
    .replace(/^0/, '1');
}

/** Creates a CA and a server certificate for 127.0.0.1/localhost in a new temp folder. */
export async function createTestCa(opts: { name?: string; hosts?: string[] } = {}): Promise<TestCa> {
  const dir = await mkdtemp(path.join(tmpdir(), 'image-compat-pki-'));
  await openssl(
    ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'ca.key'],
    dir,
  );
  await openssl(
    [
      'req',
      '-new',
      '-x509',
      '-key',
      'ca.key',
      '-subj',
      `/CN=${opts.name ?? 'image-compat test CA'}`,
      '-days',
      '2',
    ]
      .concat([
        '-sha256',
        '-addext',
        'basicConstraints=critical,CA:TRUE',
        '-addext',
        'keyUsage=critical,keyCertSign,cRLSign',
      ])
      .concat(['-out', 'ca.crt']),
    dir,
  );
  const ca = await files(dir, 'ca');
  const server = await issue(dir, 'server', {
    hosts: opts.hosts ?? ['127.0.0.1', 'localhost'],
    commonName: '127.0.0.1',
  });
  return {
    ...ca,
    dir,
    server,
    issue: (name, issueOpts) => issue(dir, name, issueOpts),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** The DER bytes of the first certificate in a PEM string, base64 (as JWS x5c wants it). */
export function pemToBase64Der(pem: string): string {
  const m = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(pem);
  if (!m?.[1]) throw new Error('no certificate in PEM');
  return m[1].replace(/\s+/g, '');
}
