// Byte-level interop with the real cosign (3.1, .tools/bin), no registry: cosign verifies the
// bundles we write (verify-blob-attestation --digest), and we verify what cosign attest-blob
// writes (in-toto Statement v0.1). Registry-level interop (cosign attest / verify-attestation on
// an image) waits for the OCI client. Skipped when cosign is not installed.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { loadPrivateKey, loadPublicKey } from '../../src/sign/keys.js';
import { signStatement } from '../../src/sign/sign.js';
import {
  COMPATIBILITY_PREDICATE_TYPE,
  STATEMENT_V01,
  buildCompatibilityStatement,
} from '../../src/sign/statement.js';
import { sha256Digest } from '../../src/oci/digest.js';
import { verifyBundle } from '../../src/sign/verify.js';

const COSIGN = resolve('.tools/bin/cosign');
const FIX = resolve('test/fixtures/sign');
const PASSWORD = 'image-compat-test';
const suite = existsSync(COSIGN) ? describe : describe.skip;

suite('cosign interop', () => {
  const dir = mkdtempSync(join(tmpdir(), 'image-compat-interop-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = { ...process.env, COSIGN_PASSWORD: PASSWORD };
  const manifest = Buffer.from(
    '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json"}',
  );
  const artifactDigest = sha256Digest(manifest);

  function cosignVerify(bundlePath: string, pub: string, hex: string, type = COMPATIBILITY_PREDICATE_TYPE) {
    return spawnSync(
      COSIGN,
      [
        'verify-blob-attestation',
        '--bundle',
        bundlePath,
        '--key',
        pub,
        '--insecure-ignore-tlog=true',
        '--type',
        type,
        '--digest',
        hex,
        '--digestAlg',
        'sha256',
      ],
      { env, encoding: 'utf8' },
    );
  }

  async function ourBundle(keyFile: string, password = ''): Promise<string> {
    const key = loadPrivateKey(readFileSync(join(FIX, keyFile), 'utf8'), password);
    const statement = buildCompatibilityStatement({
      subjectName: 'registry.example/app',
      artifactDigest,
      imageDigest: `sha256:${'c'.repeat(64)}`,
      spec: {
        digest: `sha256:${'d'.repeat(64)}`,
        mediaType: 'application/vnd.nfd.image-compatibility.v1alpha1',
      },
    });
    const path = join(dir, `${keyFile}.sigstore.json`);
    writeFileSync(path, (await signStatement(statement, { kind: 'key', key })).bytes);
    return path;
  }

  const hex = artifactDigest.slice('sha256:'.length);

  it.each([
    ['cosign.key', PASSWORD, 'cosign.pub'],
    ['ec-pkcs8.pem', '', 'ec-pub.pem'],
  ])('cosign verifies our bundle signed with %s', async (keyFile, password, pub) => {
    const path = await ourBundle(keyFile, password);
    const ok = cosignVerify(path, join(FIX, pub), hex);
    expect(ok.stderr).toContain('Verified OK');
    expect(ok.status).toBe(0);
  });

  it.each([
    ['the wrong key', 'other-pub.pem', hex, COMPATIBILITY_PREDICATE_TYPE],
    ['another subject digest', 'cosign.pub', 'f'.repeat(64), COMPATIBILITY_PREDICATE_TYPE],
    ['another predicate type', 'cosign.pub', hex, 'https://slsa.dev/provenance/v1'],
  ])('cosign rejects our bundle with %s', async (_name, pub, digest, type) => {
    const path = await ourBundle('cosign.key', PASSWORD);
    expect(cosignVerify(path, join(FIX, pub), digest, type).status).not.toBe(0);
  });

  it('we verify what cosign attest-blob writes (Statement v0.1)', () => {
    const blob = join(dir, 'manifest.json');
    const predicate = join(dir, 'predicate.json');
    const bundle = join(dir, 'cosign.sigstore.json');
    writeFileSync(blob, manifest);
    writeFileSync(predicate, JSON.stringify({ image: { digest: `sha256:${'c'.repeat(64)}` } }));
    execFileSync(
      COSIGN,
      [
        'attest-blob',
        '--key',
        join(FIX, 'cosign.key'),
        '--predicate',
        predicate,
        '--type',
        COMPATIBILITY_PREDICATE_TYPE,
        '--bundle',
        bundle,
        '--tlog-upload=false',
        '--use-signing-config=false',
        blob,
      ],
      { env, stdio: 'pipe' },
    );
    const bytes = readFileSync(bundle);
    const policy = {
      kind: 'key' as const,
      key: loadPublicKey(readFileSync(join(FIX, 'cosign.pub'), 'utf8')),
    };
    const result = verifyBundle(bytes, { artifactDigest, policy });
    expect(result.ok && result.statement._type).toBe(STATEMENT_V01);
    const wrong = verifyBundle(bytes, {
      artifactDigest,
      policy: { kind: 'key', key: loadPublicKey(readFileSync(join(FIX, 'other-pub.pem'), 'utf8')) },
    });
    expect(wrong.ok ? wrong : wrong.reason).toBe('wrong-key');
  });
});
