// `image-compat verify` and `validate --image --require-signature` with keyless policies, as
// users run them (dist/cli.js): without --trusted-root the Sigstore public-good trusted root is
// used (offline: the embedded seed; online with an unreachable TUF mirror: the fallback), so an
// artifact signed by the test's own Fulcio and Rekor (@sigstore/mock) is exit 4, "does not chain";
// with the mock's trusted root it passes.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { staticIdentityProvider } from '../../src/sign/sign.js';
import { runCli } from '../helpers/cli.js';
import { pushTestImage, startRegistry } from '../helpers/registry.js';
import type { TestRegistry } from '../helpers/registry.js';
import { attachSpec, signAttached } from '../helpers/signed-artifact.js';
import { identityToken, startSigstoreMock } from '../sign/sigstore-mock.js';
import type { SigstoreMock } from '../sign/sigstore-mock.js';

const H100 = path.resolve('test/fixtures/features/snapshots/h100-server.json');
const ISSUER = 'https://token.actions.githubusercontent.com';
const WORKFLOW = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';
const IDENTITY = ['--certificate-identity', WORKFLOW, '--certificate-oidc-issuer', ISSUER];
const spec = `version: v1alpha1\ncompatibilities:\n  - tag: gpu\n    rules:\n      - name: nvidia module\n        matchFeatures:\n          - feature: kernel.loadedmodule\n            matchExpressions:\n              nvidia: {op: Exists}\n`;
const NOT_CHAINED =
  /untrusted-signer: the signer's certificate does not chain to a certificate authority of the Sigstore public-good trusted root/;

const dir = mkdtempSync(path.join(tmpdir(), 'ic-verify-keyless-'));
let reg: TestRegistry;
let mock: SigstoreMock;
let ref: string;
let rootFile: string;

beforeAll(async () => {
  reg = await startRegistry();
  mock = await startSigstoreMock();
  await pushTestImage(reg, 'keyless', 'v1');
  ref = `${reg.host}/keyless:v1`;
  const [a] = await attachSpec(ref, spec, dir);
  await signAttached(a!, {
    kind: 'keyless',
    identityProvider: staticIdentityProvider(identityToken({ iss: ISSUER, sub: WORKFLOW })),
    instance: { fulcioURL: mock.fulcioURL, rekorURL: mock.rekorURL },
    timeout: 5000,
  });
  rootFile = path.join(dir, 'mock-root.json');
  writeFileSync(rootFile, mock.trustedRoot);
}, 60_000);
afterAll(async () => {
  await mock?.close();
  await reg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Where the launcher keeps Node's compile cache under XDG_CACHE_HOME. */
const COMPILE_CACHE = path.join('image-compat', 'compile-cache');

/** Offline unless a mirror is given; the TUF cache in a fresh directory either way. */
function cli(args: string[], env: Record<string, string> = { IMAGE_COMPAT_OFFLINE: '1' }) {
  const cache = mkdtempSync(path.join(dir, 'cache-'));
  return runCli([...args, '--plain-http'], { env: { XDG_CACHE_HOME: cache, ...env } }).then((r) => ({
    ...r,
    cache,
  }));
}

async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((ok) => s.close(() => ok()));
  return port;
}

describe('keyless policy without --trusted-root: the public-good instance', () => {
  it('verify, offline: exit 4, the certificate does not chain, and a note names the trusted root', async () => {
    const r = await cli(['verify', '--image', ref, ...IDENTITY]);
    expect(r.code).toBe(4);
    expect(r.stdout).toMatch(new RegExp(`NOT VERIFIED: .*${NOT_CHAINED.source}`));
    expect(r.stderr).toContain(
      'image-compat: note: using the Sigstore public-good trusted root (embedded @sigstore/tuf seed), offline',
    );
    expect(r.stderr).toMatch(/needs that instance's trusted root: --trusted-root/);
    expect(r.stderr).not.toMatch(/--trusted-root is required/);
  });

  it('--offline is the same as IMAGE_COMPAT_OFFLINE=1', async () => {
    const r = await cli(['verify', '--image', ref, ...IDENTITY, '--offline'], {});
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/note: using the .*embedded @sigstore\/tuf seed\), offline/);
  });

  it('verify, online with an unreachable TUF mirror: falls back to the seed, caches its root, exit 4', async () => {
    const mirror = `http://127.0.0.1:${await closedPort()}`;
    const started = Date.now();
    const r = await cli(['verify', '--image', ref, ...IDENTITY], { IMAGE_COMPAT_TUF_MIRROR: mirror });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(`note: could not refresh the Sigstore trusted root from ${mirror}`);
    expect(r.stdout).toMatch(NOT_CHAINED);
    expect(readdirSync(path.join(r.cache, 'image-compat', 'tuf'))).toEqual([
      encodeURIComponent(new URL(mirror).host),
    ]);
  });

  it('validate --require-signature: exit 4 with the same reason', async () => {
    const r = await cli(['validate', '--image', ref, '--features', H100, '--require-signature', ...IDENTITY]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(NOT_CHAINED);
  });

  it('with the trusted root of the signing instance: verify and validate pass, nothing about TUF', async () => {
    const v = await cli(['verify', '--image', ref, ...IDENTITY, '--trusted-root', rootFile]);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain(`verified`);
    expect(v.stdout).toContain(`${WORKFLOW} (${ISSUER})`);
    expect(v.stderr).not.toMatch(/public-good/);
    const val = await cli([
      ...['validate', '--image', ref, '--features', H100, '--require-signature'],
      ...[...IDENTITY, '--trusted-root', rootFile],
    ]);
    expect(val.code).toBe(0);
  });

  it('a --key policy never touches the TUF cache', async () => {
    const r = await cli(['verify', '--image', ref, '--key', path.resolve('test/fixtures/sign/ec-pub.pem')], {
      IMAGE_COMPAT_TUF_MIRROR: 'http://127.0.0.1:9',
    });
    expect(r.code).toBe(4);
    expect(r.stdout).toMatch(/wrong-key/);
    expect(r.stderr).not.toMatch(/note:.*trusted root/);
    // The cache folder holds only the CLI's compile cache (src/cli/compile-cache.ts), no TUF cache.
    expect(
      readdirSync(r.cache, { recursive: true }).filter((f) => !String(f).startsWith(COMPILE_CACHE)),
    ).toEqual(['image-compat']);
  });
});
