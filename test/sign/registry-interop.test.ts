// Registry-level interop with cosign 3.1 on a local registry (docker-registry 2.8: no referrers
// API, so the fallback tag index is used), without our OCI client (not written yet): oras pushes
// what bundle-artifact builds, and plain fetch reads what cosign attaches.
//   - `cosign verify-attestation --key --insecure-ignore-tlog=true --type <ours>` passes on our
//     referrer (and fails with another key);
//   - we find, recognise and verify what `cosign attest --key --tlog-upload=false` attached,
//     although cosign lists it with artifactType application/vnd.oci.empty.v1+json.
// Skipped when cosign, oras or docker-registry is missing.

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  EMPTY_CONFIG_BYTES,
  OCI_EMPTY_MEDIA_TYPE,
  OCI_MANIFEST_MEDIA_TYPE,
  buildBundleArtifact,
  bundleLayerOf,
  bundleReferrerKind,
} from '../../src/sign/bundle-artifact.js';
import { sha256Digest } from '../../src/oci/digest.js';
import type { Descriptor } from '../../src/sign/bundle-artifact.js';
import { loadPrivateKey, loadPublicKey } from '../../src/sign/keys.js';
import { signStatement } from '../../src/sign/sign.js';
import {
  COMPATIBILITY_PREDICATE_TYPE,
  STATEMENT_V01,
  buildCompatibilityStatement,
} from '../../src/sign/statement.js';
import { verifyBundle } from '../../src/sign/verify.js';

const COSIGN = resolve('.tools/bin/cosign');
const ORAS = resolve('.tools/bin/oras');
const FIX = resolve('test/fixtures/sign');
const PASSWORD = 'image-compat-test';
const hasRegistry = spawnSync('sh', ['-c', 'command -v docker-registry']).status === 0;
const suite = existsSync(COSIGN) && existsSync(ORAS) && hasRegistry ? describe : describe.skip;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((ok) => server.close(() => ok()));
  return port;
}

suite('cosign interop through a registry', () => {
  const dir = mkdtempSync(join(tmpdir(), 'image-compat-registry-'));
  const env = { ...process.env, COSIGN_PASSWORD: PASSWORD };
  let registry: ChildProcess;
  let host: string;

  const oras = (...args: string[]) =>
    execFileSync(ORAS, args, { cwd: dir, encoding: 'utf8', stdio: 'pipe' }).trim();
  const cosign = (...args: string[]) =>
    spawnSync(COSIGN, [...args, '--allow-insecure-registry', '--allow-http-registry'], {
      env,
      encoding: 'utf8',
    });
  const get = async (path: string, accept: string) => {
    const res = await fetch(`http://${host}/v2/${path}`, { headers: { Accept: accept } });
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  };

  /** Pushes a small artifact to `repo` and returns its manifest descriptor. */
  function pushSubject(repo: string): Descriptor {
    writeFileSync(join(dir, 'spec.json'), `{"repo":"${repo}"}`);
    oras(
      'push',
      '--plain-http',
      `${host}/${repo}:v1`,
      '--artifact-type',
      'application/vnd.test',
      'spec.json',
    );
    const digest = oras('resolve', '--plain-http', `${host}/${repo}:v1`);
    const size = Number(
      JSON.parse(oras('manifest', 'fetch', '--plain-http', '--descriptor', `${host}/${repo}:v1`)).size,
    );
    return { mediaType: OCI_MANIFEST_MEDIA_TYPE, digest, size };
  }

  beforeAll(async () => {
    const port = await freePort();
    host = `127.0.0.1:${port}`;
    const config = join(dir, 'config.yml');
    writeFileSync(
      config,
      `version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: ${join(dir, 'data')}\nhttp:\n  addr: ${host}\n`,
    );
    registry = spawn('docker-registry', ['serve', config], { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      const up = await fetch(`http://${host}/v2/`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) return;
      await new Promise((ok) => setTimeout(ok, 100));
    }
    throw new Error('docker-registry did not start');
  });

  afterAll(() => {
    registry?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('cosign verify-attestation accepts the referrer we build', async () => {
    const subject = pushSubject('ours');
    const key = loadPrivateKey(readFileSync(join(FIX, 'cosign.key'), 'utf8'), PASSWORD);
    const statement = buildCompatibilityStatement({
      subjectName: `${host}/ours`,
      artifactDigest: subject.digest,
      imageDigest: `sha256:${'c'.repeat(64)}`,
      spec: { digest: `sha256:${'d'.repeat(64)}`, mediaType: 'application/vnd.test' },
    });
    const { bytes } = await signStatement(statement, { kind: 'key', key });
    const artifact = buildBundleArtifact({ bundle: bytes, predicateType: statement.predicateType, subject });
    for (const [i, blob] of artifact.blobs.entries()) {
      writeFileSync(join(dir, `blob${i}`), blob.bytes);
      oras('blob', 'push', '--plain-http', `${host}/ours`, `blob${i}`);
    }
    writeFileSync(join(dir, 'manifest.json'), artifact.manifestBytes);
    oras(
      'manifest',
      'push',
      '--plain-http',
      '--media-type',
      OCI_MANIFEST_MEDIA_TYPE,
      `${host}/ours`,
      'manifest.json',
    );

    const ref = `${host}/ours@${subject.digest}`;
    const verify = (pub: string) =>
      cosign(
        'verify-attestation',
        '--key',
        join(FIX, pub),
        '--insecure-ignore-tlog=true',
        '--type',
        COMPATIBILITY_PREDICATE_TYPE,
        ref,
      );
    expect(verify('cosign.pub').status).toBe(0);
    const wrong = verify('other-pub.pem');
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toContain('no matching attestations');
  });

  it('we recognise and verify what cosign attest attached', async () => {
    const subject = pushSubject('theirs');
    writeFileSync(
      join(dir, 'predicate.json'),
      JSON.stringify({ image: { digest: `sha256:${'c'.repeat(64)}` } }),
    );
    const attest = cosign(
      'attest',
      ...['--key', join(FIX, 'cosign.key'), '--predicate', join(dir, 'predicate.json')],
      ...['--type', COMPATIBILITY_PREDICATE_TYPE, '--tlog-upload=false', '--use-signing-config=false', '-y'],
      `${host}/theirs@${subject.digest}`,
    );
    expect(attest.status).toBe(0);

    // docker-registry 2.8 has no referrers API: cosign wrote the fallback tag index.
    const index = JSON.parse(
      (
        await get(
          `theirs/manifests/${subject.digest.replace(':', '-')}`,
          'application/vnd.oci.image.index.v1+json',
        )
      ).toString('utf8'),
    ) as { manifests: Descriptor[] };
    expect(index.manifests).toHaveLength(1);
    const entry = index.manifests[0]!;
    expect(entry.artifactType).toBe(OCI_EMPTY_MEDIA_TYPE); // sigstore/cosign#4422
    expect(bundleReferrerKind(entry)).toBe('maybe');

    const manifest: unknown = JSON.parse(
      (await get(`theirs/manifests/${entry.digest}`, OCI_MANIFEST_MEDIA_TYPE)).toString('utf8'),
    );
    const layer = bundleLayerOf(manifest);
    expect(layer).toBeDefined();
    const bundle = await get(`theirs/blobs/${layer!.digest}`, '*/*');
    expect(sha256Digest(bundle)).toBe(layer!.digest);
    expect(sha256Digest(EMPTY_CONFIG_BYTES)).toBe((manifest as { config: Descriptor }).config.digest);

    const policy = {
      kind: 'key' as const,
      key: loadPublicKey(readFileSync(join(FIX, 'cosign.pub'), 'utf8')),
    };
    const result = verifyBundle(bundle, { artifactDigest: subject.digest, policy });
    expect(result.ok && result.statement._type).toBe(STATEMENT_V01);
    const elsewhere = verifyBundle(bundle, { artifactDigest: `sha256:${'0'.repeat(64)}`, policy });
    expect(elsewhere.ok ? elsewhere : elsewhere.reason).toBe('subject-mismatch');
  });
});
