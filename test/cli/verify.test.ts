// `image-compat verify` and `validate --image` as users run them (dist/cli.js) against a real
// docker-registry: exit codes 0/3/4 with their messages, warnings on stderr, JSON output, and
// cosign interop: what `cosign attest --key` attached to a compatibility artifact verifies.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openRepository, parseReference } from '../../src/oci/index.js';
import type { ImageManifest } from '../../src/oci/index.js';
import { loadPrivateKey } from '../../src/sign/keys.js';
import { COMPATIBILITY_PREDICATE_TYPE } from '../../src/sign/statement.js';
import { runCli } from '../helpers/cli.js';
import { pushTestImage, pushTestIndex, startRegistry } from '../helpers/registry.js';
import type { TestRegistry } from '../helpers/registry.js';
import { alterPayload, attachSpec, signAttached } from '../helpers/signed-artifact.js';

const FIX = path.resolve('test/fixtures/sign');
const PUB = path.join(FIX, 'ec-pub.pem');
const OTHER_PUB = path.join(FIX, 'other-pub.pem');
const H100 = path.resolve('test/fixtures/features/snapshots/h100-server.json');
const KEY = {
  kind: 'key' as const,
  key: loadPrivateKey(readFileSync(path.join(FIX, 'ec-sec1.pem'), 'utf8')),
};
const COSIGN = path.resolve('.tools/bin/cosign');

const spec = (tag: string) =>
  `version: v1alpha1\ncompatibilities:\n  - tag: ${tag}\n    rules:\n      - name: nvidia module\n        matchFeatures:\n          - feature: kernel.loadedmodule\n            matchExpressions:\n              nvidia: {op: Exists}\n`;

const dir = mkdtempSync(path.join(tmpdir(), 'ic-verify-cli-'));
let reg: TestRegistry;
let n = 0;

beforeAll(async () => {
  reg = await startRegistry();
});
afterAll(async () => {
  await reg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function image(): Promise<string> {
  const repo = `v${++n}`;
  await pushTestImage(reg, repo, 'v1');
  return `${reg.host}/${repo}:v1`;
}

const cli = (...args: string[]) => runCli([...args, '--plain-http']);

describe('verify', () => {
  it('exit 0 with the right key (text and JSON), 4 with another key, 3 without artifacts, 2 without a policy', async () => {
    const ref = await image();
    expect((await cli('verify', '--image', ref, '--key', PUB)).code).toBe(3);
    const [a] = await attachSpec(ref, spec('gpu'), dir);
    await signAttached(a!, KEY);

    const ok = await cli('verify', '--image', ref, '--key', PUB);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(
      new RegExp(`linux/amd64: verified ${a!.artifactDescriptor.digest} signed by key`),
    );

    const json = await cli('verify', '--image', ref, '--key', PUB, '--output', 'json');
    expect(JSON.parse(json.stdout)).toMatchObject({
      verified: true,
      platforms: [{ platform: 'linux/amd64', verified: true, artifact: a!.artifactDescriptor.digest }],
    });

    const wrong = await cli('verify', '--image', ref, '--key', OTHER_PUB);
    expect(wrong.code).toBe(4);
    expect(wrong.stdout).toMatch(/NOT VERIFIED: .*wrong-key/);

    const none = await cli('verify', '--image', ref);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/verify needs a policy/);
  });

  it('an index: every platform must have a signed artifact', async () => {
    const repo = `idx${++n}`;
    await pushTestIndex(reg, repo, 'v1', [
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64' },
    ]);
    const ref = `${reg.host}/${repo}:v1`;
    const attached = await attachSpec(ref, spec('gpu'), dir);
    await signAttached(
      attached.find((x) => x.platform === 'linux/amd64')!,
      KEY,
    );
    const partial = await cli('verify', '--image', ref, '--key', PUB);
    expect(partial.code).toBe(4);
    expect(partial.stderr).toMatch(
      /linux\/arm64: no compatibility artifact passes the policy \(newest: unsigned/,
    );
    expect((await cli('verify', '--image', ref, '--key', PUB, '--platform', 'linux/amd64')).code).toBe(0);
  });

  it('--help names the policy flags and exit codes', async () => {
    const r = await runCli(['verify', '--help']);
    expect(r.code).toBe(0);
    for (const f of [
      '--key',
      '--certificate-identity',
      '--certificate-identity-regexp',
      '--certificate-oidc-issuer',
      '--trusted-root',
      '--offline',
      '--plain-http',
    ])
      expect(r.stdout).toContain(f);
  });
});

describe('attach --sign then verify (the publishing side as it ships)', () => {
  it('verify and validate --require-signature pass on what `attach --sign --key` pushed', async () => {
    const ref = await image();
    const specFile = path.join(dir, `signed-${n}.yaml`);
    writeFileSync(specFile, spec('gpu'));
    const attached = await runCli(
      [
        'attach',
        '--image',
        ref,
        '--spec',
        specFile,
        '--sign',
        '--key',
        path.join(FIX, 'ec-sec1.pem'),
        '--plain-http',
      ],
      { env: { IMAGE_COMPAT_SETTLE_MS: '0' } },
    );
    expect(attached.stderr).not.toMatch(/error/i);
    expect(attached.code).toBe(0);
    const v = await cli('verify', '--image', ref, '--key', PUB);
    expect(v.code).toBe(0);
    const val = await cli(
      'validate',
      '--image',
      ref,
      '--features',
      H100,
      '--require-signature',
      '--key',
      PUB,
    );
    expect(val.code).toBe(0);
    expect((await cli('verify', '--image', ref, '--key', OTHER_PUB)).code).toBe(4);
  });
});

describe('validate --image', () => {
  it('exit 3 with a message when the image has no compatibility artifact', async () => {
    const r = await cli('validate', '--image', await image(), '--features', H100);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/has no compatibility artifact/);
  });

  it('evaluates the newest artifact; --require-signature warns about a newer unsigned one and takes the older signed', async () => {
    const ref = await image();
    const [old] = await attachSpec(ref, spec('old'), dir, { now: new Date('2025-01-01T00:00:00Z') });
    await signAttached(old!, KEY);
    const [newer] = await attachSpec(ref, spec('new'), dir, { now: new Date('2025-02-01T00:00:00Z') });
    const plain = await cli('validate', '--image', ref, '--features', H100, '--output', 'json');
    expect(plain.code).toBe(0);
    expect(JSON.parse(plain.stdout)[0].tag).toBe('new');

    const report = path.join(dir, `report-${n}.json`);
    const signed = await cli(
      ...['validate', '--image', ref, '--features', H100, '--output', 'json'],
      ...['--require-signature', '--key', PUB, '--report', report, '--compatibility', 'old'],
    );
    expect(signed.code).toBe(0);
    expect(JSON.parse(signed.stdout)[0].tag).toBe('old');
    expect(signed.stderr).toContain(
      `image-compat: warning: ignored compatibility artifact ${newer!.artifactDescriptor.digest} (created 2025-02-01T00:00:00Z): unsigned`,
    );
    expect(JSON.parse(readFileSync(report, 'utf8'))).toMatchObject({
      image: ref,
      platform: 'linux/amd64',
      artifact: old!.artifactDescriptor.digest,
      compatibility: 'old',
      compatible: true,
      host: { name: 'gpu-h100-01' },
    });
  });

  it('exit 4: none passes under --require-signature; a tampered signature without it', async () => {
    const ref = await image();
    const [a] = await attachSpec(ref, spec('x'), dir);
    const none = await cli(
      'validate',
      '--image',
      ref,
      '--features',
      H100,
      '--require-signature',
      '--key',
      PUB,
    );
    expect(none.code).toBe(4);
    expect(none.stderr).toMatch(
      /none of its 1 compatibility artifact\(s\) has a signature that passes the policy \(newest: unsigned/,
    );

    await signAttached(a!, KEY, { bundle: alterPayload });
    const tampered = await cli('validate', '--image', ref, '--features', H100, '--key', PUB);
    expect(tampered.code).toBe(4);
    expect(tampered.stderr).toMatch(/envelope-signature.*tampered/);
  });

  it('exit 2 for --require-signature without --image, and --features with --host-root', async () => {
    const spec1 = path.join(dir, 's.yaml');
    writeFileSync(spec1, spec('x'));
    expect((await runCli(['validate', '--spec', spec1, '--require-signature'])).code).toBe(2);
    const both = await runCli(['validate', '--spec', spec1, '--features', H100, '--host-root', dir]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--features or --host-root, not both/);
  });
});

(existsSync(COSIGN) ? describe : describe.skip)('cosign interop', () => {
  it('verifies what `cosign attest --key` attached to a compatibility artifact', async () => {
    const ref = await image();
    const [a] = await attachSpec(ref, spec('cosigned'), dir);
    const r = parseReference(a!.artifact);
    const manifest = JSON.parse(
      (await openRepository(r, { plainHttp: true }).getManifest(
        a!.artifactDescriptor.digest,
      ))!.bytes.toString(),
    ) as ImageManifest;
    const predicate = path.join(dir, 'predicate.json');
    writeFileSync(
      predicate,
      JSON.stringify({
        image: { digest: a!.subjectDescriptor.digest },
        spec: { digest: manifest.layers[0]!.digest, mediaType: manifest.layers[0]!.mediaType },
      }),
    );
    const attest = spawnSync(
      COSIGN,
      [
        'attest',
        ...[
          '--key',
          path.join(FIX, 'cosign.key'),
          '--predicate',
          predicate,
          '--type',
          COMPATIBILITY_PREDICATE_TYPE,
        ],
        ...['--tlog-upload=false', '--use-signing-config=false', '-y'],
        ...['--allow-insecure-registry', '--allow-http-registry'],
        a!.artifact,
      ],
      { env: { ...process.env, COSIGN_PASSWORD: 'image-compat-test' }, encoding: 'utf8' },
    );
    expect(attest.stderr).not.toMatch(/error/i);
    expect(attest.status).toBe(0);
    const pub = path.join(FIX, 'cosign.pub');
    const v = await cli('verify', '--image', ref, '--key', pub);
    expect(v.stderr).toBe('');
    expect(v.code).toBe(0);
    const val = await cli(
      'validate',
      '--image',
      ref,
      '--features',
      H100,
      '--require-signature',
      '--key',
      pub,
    );
    expect(val.code).toBe(0);
    // Another key: cosign's bundle fails the policy.
    expect((await cli('verify', '--image', ref, '--key', PUB)).code).toBe(4);
  });
});
