// Where keyless trust comes from (src/sign/trust.ts): the embedded public-good seed offline, the
// TUF cache, a refresh that cannot reach its mirror (closed port, silent server) falling back
// within its deadline, trusted root files, and policies that must never fetch anything.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InputError } from '../../src/errors.js';
import { defaultCacheDir, loadTrustedRoot, PUBLIC_GOOD_MIRROR, resolvePolicy } from '../../src/sign/trust.js';
import type { LoadedTrustedRoot } from '../../src/sign/verify.js';

const PUB = readFileSync(path.resolve('test/fixtures/sign/ec-pub.pem'), 'utf8');
const ISSUER = 'https://token.actions.githubusercontent.com';
const PUBLIC_GOOD_REKOR_LOG_ID = 'wNI9atQGlz+VWfO6LRygH4QUfY/8W4RFwiT5i5WRgB0=';

const base = mkdtempSync(path.join(tmpdir(), 'ic-trust-'));
let n = 0;
const freshDir = () => path.join(base, `cache-${++n}`);

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((ok) => s.close(() => ok()));
  return port;
}

/** A server that accepts connections and never answers (a black-holed network). */
let silent: Server;
const sockets = new Set<Socket>();
beforeAll(async () => {
  silent = createServer((sock) => {
    sockets.add(sock);
    sock.on('error', () => undefined);
  });
  await new Promise<void>((ok) => silent.listen(0, '127.0.0.1', ok));
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((ok) => silent.close(() => ok()));
  rmSync(base, { recursive: true, force: true });
});

function expectPublicGood(loaded: LoadedTrustedRoot): void {
  const root = loaded.trustedRoot;
  expect(root.certificateAuthorities.map((ca) => ca.uri)).toContain('https://fulcio.sigstore.dev');
  expect(root.certificateAuthorities.map((ca) => ca.subject?.organization)).toContain('sigstore.dev');
  const rekor = root.tlogs.find((t) => t.baseUrl === 'https://rekor.sigstore.dev');
  expect(rekor?.publicKey?.rawBytes?.length).toBeGreaterThan(0);
  expect(Buffer.from(rekor!.logId!.keyId).toString('base64')).toBe(PUBLIC_GOOD_REKOR_LOG_ID);
}

/** The mock-free stand-in for a TrustedRoot that a TUF refresh cached: valid, but not public-good. */
const OTHER_ROOT = JSON.stringify({
  mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
  tlogs: [],
  certificateAuthorities: [
    {
      subject: { organization: 'example.test', commonName: 'cached' },
      uri: 'https://fulcio.example.test',
      certChain: { certificates: [] },
      validFor: { start: '2024-01-01T00:00:00Z' },
    },
  ],
  ctlogs: [],
  timestampAuthorities: [],
});

function cacheTarget(cacheDir: string, mirror: string, text: string): string {
  const url = new URL(mirror);
  const dir = path.join(cacheDir, encodeURIComponent(url.host + url.pathname.replace(/\/$/, '')), 'targets');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'trusted_root.json'), text);
  return dir;
}

describe('offline: the embedded seed, or the cache', () => {
  it('the seed holds the public-good Fulcio CA and Rekor key; nothing is written', async () => {
    const notes: string[] = [];
    const cacheDir = freshDir();
    const loaded = await loadTrustedRoot({ offline: true, cacheDir, note: (m) => notes.push(m) });
    expect(loaded.source).toBe('seed');
    expectPublicGood(loaded);
    expect(notes).toEqual([expect.stringMatching(/embedded @sigstore\/tuf seed\), offline$/)]);
    expect(existsSync(cacheDir)).toBe(false);
  });

  it.each([['1'], ['true']])('env IMAGE_COMPAT_OFFLINE=%s is offline mode', async (value) => {
    const loaded = await loadTrustedRoot({
      env: { IMAGE_COMPAT_OFFLINE: value, IMAGE_COMPAT_TUF_CACHE: freshDir() },
    });
    expect(loaded.source).toBe('seed');
  });

  it('prefers the trusted root a previous refresh cached; an unreadable cached copy falls back to the seed', async () => {
    const cacheDir = freshDir();
    const dir = cacheTarget(cacheDir, PUBLIC_GOOD_MIRROR, OTHER_ROOT);
    const cached = await loadTrustedRoot({ offline: true, cacheDir });
    expect(cached.source).toBe('cache');
    expect(cached.description).toContain(path.join(dir, 'trusted_root.json'));
    expect(cached.trustedRoot.certificateAuthorities[0]?.uri).toBe('https://fulcio.example.test');

    writeFileSync(path.join(dir, 'trusted_root.json'), '{"truncated":');
    const seed = await loadTrustedRoot({ offline: true, cacheDir });
    expect(seed.source).toBe('seed');
    expectPublicGood(seed);
  });
});

describe('online, mirror unreachable: falls back within the deadline', () => {
  it('a closed port: the seed, a note with the reason, and the TUF cache initialised', async () => {
    const cacheDir = freshDir();
    const mirrorURL = `http://127.0.0.1:${await closedPort()}`;
    const notes: string[] = [];
    const started = Date.now();
    const loaded = await loadTrustedRoot({
      cacheDir,
      mirrorURL,
      timeoutMs: 3000,
      note: (m) => notes.push(m),
    });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(loaded.source).toBe('seed');
    expectPublicGood(loaded);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(
      /^could not refresh the Sigstore trusted root from http:\/\/127\.0\.0\.1:\d+ \(.*(ECONNREFUSED|fetch failed)/,
    );
    expect(notes[0]).toMatch(/using the Sigstore public-good trusted root \(embedded @sigstore\/tuf seed\)$/);
    // @sigstore/tuf keeps its metadata per mirror in the cache directory, starting from the seed's root.json.
    const [repo] = readdirSync(cacheDir);
    expect(repo).toBe(encodeURIComponent(new URL(mirrorURL).host));
    expect(existsSync(path.join(cacheDir, repo!, 'root.json'))).toBe(true);
  });

  it('a silent server: the deadline ends the refresh, and the cached target is used', async () => {
    const cacheDir = freshDir();
    const mirrorURL = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    cacheTarget(cacheDir, mirrorURL, OTHER_ROOT);
    const notes: string[] = [];
    const started = Date.now();
    const loaded = await loadTrustedRoot({ cacheDir, mirrorURL, timeoutMs: 600, note: (m) => notes.push(m) });
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(500);
    expect(took).toBeLessThan(2500);
    expect(loaded.source).toBe('cache');
    expect(notes[0]).toMatch(/could not refresh .*(600 ms|timeout|timed out)/i);
  });

  it('env IMAGE_COMPAT_TUF_MIRROR names the mirror', async () => {
    const notes: string[] = [];
    const port = await closedPort();
    await loadTrustedRoot({
      env: { IMAGE_COMPAT_TUF_MIRROR: `http://127.0.0.1:${port}/`, IMAGE_COMPAT_TUF_CACHE: freshDir() },
      timeoutMs: 3000,
      note: (m) => notes.push(m),
    });
    expect(notes[0]).toContain(`127.0.0.1:${port}`);
  });
});

describe('defaults and files', () => {
  it.each([
    [{ IMAGE_COMPAT_TUF_CACHE: '/c', XDG_CACHE_HOME: '/x' }, '/c'],
    [{ XDG_CACHE_HOME: '/x', HOME: '/h' }, '/x/image-compat/tuf'],
    [{ HOME: '/h' }, '/h/.cache/image-compat/tuf'],
  ])('cache directory from %j', (env, want) => {
    expect(defaultCacheDir(env)).toBe(want);
  });

  it('a trusted root file is used as is; a missing or foreign one is an input error', async () => {
    const file = path.join(base, 'root.json');
    writeFileSync(file, OTHER_ROOT);
    const loaded = await loadTrustedRoot({ file });
    expect(loaded).toMatchObject({ source: 'file', description: `trusted root ${file}` });
    await expect(loadTrustedRoot({ file: path.join(base, 'missing.json') })).rejects.toThrow(/ENOENT/);
    writeFileSync(path.join(base, 'other.json'), '{"mediaType":"x"}');
    await expect(loadTrustedRoot({ file: path.join(base, 'other.json') })).rejects.toThrow(InputError);
  });
});

describe('resolvePolicy', () => {
  it('a key policy loads no trusted root (no note, no cache directory)', async () => {
    const notes: string[] = [];
    const cacheDir = freshDir();
    const policy = await resolvePolicy({ key: PUB }, { cacheDir, note: (m) => notes.push(m) });
    expect(policy?.kind).toBe('key');
    expect(notes).toEqual([]);
    expect(existsSync(cacheDir)).toBe(false);
  });

  it('bad identity flags fail before anything is loaded', async () => {
    const notes: string[] = [];
    await expect(
      resolvePolicy({ certificateIdentity: 'x' }, { offline: true, note: (m) => notes.push(m) }),
    ).rejects.toThrow(/`certificate-oidc-issuer` is required/);
    await expect(
      resolvePolicy(
        { key: PUB, certificateOidcIssuer: ISSUER },
        { offline: true, note: (m) => notes.push(m) },
      ),
    ).rejects.toThrow(InputError);
    expect(notes).toEqual([]);
  });

  it('keyless without --trusted-root: the public-good root; with it: the file', async () => {
    const flags = { certificateIdentity: 'https://github.com/acme/app', certificateOidcIssuer: ISSUER };
    const publicGood = await resolvePolicy(flags, { offline: true, cacheDir: freshDir() });
    expect(publicGood).toMatchObject({ kind: 'identity', publicGood: true });
    expect(publicGood?.kind === 'identity' && publicGood.trustedRoot.tlogs.length).toBeGreaterThan(0);

    const fromFile = await resolvePolicy(
      { ...flags, trustedRoot: OTHER_ROOT, trustedRootSource: 'root.json' },
      { offline: true, note: () => expect('no note').toBe('for a file') },
    );
    expect(fromFile).toMatchObject({ kind: 'identity', trustedRootSource: 'trusted root root.json' });
    expect(fromFile).not.toHaveProperty('publicGood');
  });
});
