// Signed validation records against a real docker-registry, as users run them (dist/cli.js):
// `validate --attest --attest-key` attaches a record that `validations` lists, the real cosign
// verifies (`verify-attestation --type https://image-compat.dev/validation/v1 --key`), and that
// satisfies `verify --require-validated`; a failed, unsigned, wrongly signed, other-platform or
// too old record does not (exit 4), and a tampered one is exit 4 for `validations` too.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { attestValidation } from '../../src/commands/attest.js';
import { runValidation } from '../../src/commands/validate-run.js';
import { openRepository, parseReference, pushReferrer } from '../../src/oci/index.js';
import { buildBundleArtifact } from '../../src/sign/bundle-artifact.js';
import { loadPrivateKey } from '../../src/sign/keys.js';
import { VALIDATION_PREDICATE_TYPE } from '../../src/validation/predicate.js';
import { runCli } from '../helpers/cli.js';
import { pushTestImage, pushTestIndex, startRegistry } from '../helpers/registry.js';
import type { TestRegistry } from '../helpers/registry.js';
import { attachSpec, signAttached } from '../helpers/signed-artifact.js';

const FIX = path.resolve('test/fixtures/sign');
const SEC = path.join(FIX, 'ec-sec1.pem');
const PUB = path.join(FIX, 'ec-pub.pem');
const OTHER_SEC = path.join(FIX, 'other-sec1.pem');
const OTHER_PUB = path.join(FIX, 'other-pub.pem');
const H100 = path.resolve('test/fixtures/features/snapshots/h100-server.json');
const COSIGN = path.resolve('.tools/bin/cosign');
const KEY = { kind: 'key' as const, key: loadPrivateKey(readFileSync(SEC, 'utf8')) };

const SPEC = [
  'version: v1alpha1',
  'compatibilities:',
  '  - tag: gpu',
  '    rules:',
  '      - name: nvidia module',
  '        matchFeatures:',
  '          - feature: kernel.loadedmodule',
  '            matchExpressions:',
  '              nvidia: {op: Exists}',
  '  - tag: never',
  '    rules:',
  '      - name: a module no host has',
  '        matchFeatures:',
  '          - feature: kernel.loadedmodule',
  '            matchExpressions:',
  '              no_such_module: {op: Exists}',
  '',
].join('\n');

const dir = mkdtempSync(path.join(tmpdir(), 'ic-validations-'));
let reg: TestRegistry;
let n = 0;

beforeAll(async () => {
  reg = await startRegistry();
});
afterAll(async () => {
  await reg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const cli = (...args: string[]) => runCli([...args, '--plain-http']);

/** An image with a signed compatibility artifact. */
async function image(): Promise<string> {
  const repo = `val${++n}`;
  await pushTestImage(reg, repo, 'v1');
  const ref = `${reg.host}/${repo}:v1`;
  const [a] = await attachSpec(ref, SPEC, dir);
  await signAttached(a!, KEY);
  return ref;
}

const attest = (ref: string, set: string, key = SEC, ...more: string[]) =>
  cli(
    'validate',
    '--image',
    ref,
    '--features',
    H100,
    '--compatibility',
    set,
    '--attest',
    '--attest-key',
    key,
    ...more,
  );

interface Listed {
  platforms: Array<{
    platform: string;
    records: Array<{
      verified: boolean;
      digest: string;
      reason?: string;
      predicate?: {
        compatible: boolean;
        sets: Array<{ tag: string; compatible: boolean; result: { rules: unknown[] } }>;
        host: {
          hardware: { host: string };
          machineId?: string;
          nodeFeature: { metadata: unknown; spec: unknown };
        };
        runner?: { labels?: string[] };
        artifact: { digest: string };
        time: string;
      };
    }>;
  }>;
}

describe('validate --attest, validations, verify --require-validated', () => {
  it('a record attached with --attest-key is listed, verified by cosign and satisfies the gate', async () => {
    const ref = await image();
    const att = await attest(ref, 'gpu', SEC, '--runner-labels', '["self-hosted","h100"]');
    expect(att.stderr).toMatch(/attached validation record .*@sha256:[a-f0-9]{64} to /);
    expect(att.code).toBe(0);

    const listed = await cli('validations', '--image', ref, '--key', PUB, '--output', 'json');
    expect(listed.code).toBe(0);
    const result = JSON.parse(listed.stdout) as Listed;
    const record = result.platforms[0]!.records[0]!;
    expect(record.verified).toBe(true);
    const p = record.predicate!;
    expect(p.sets).toEqual([expect.objectContaining({ tag: 'gpu', compatible: true })]);
    expect(p.sets[0]!.result.rules.length).toBe(1);
    expect(p.runner?.labels).toEqual(['self-hosted', 'h100']);
    // Scrubbed: no node name anywhere, no DMI serials; a snapshot has no machine id.
    const text = JSON.stringify(p);
    expect(text).not.toContain('gpu-h100-01');
    expect(p.host.machineId).toBeUndefined();
    expect(p.host.hardware.host).toBe('');

    const table = await cli('validations', '--image', ref, '--key', PUB);
    expect(table.stdout).toMatch(/^SET +PLATFORM +HOST +VERDICT +WHEN +SIGNER +RECORD/);
    expect(table.stdout).toMatch(/gpu +linux\/amd64 .* pass /);

    const gate = await cli(
      'verify',
      '--image',
      ref,
      '--key',
      PUB,
      '--require-validated',
      'gpu',
      '--max-age',
      '30d',
    );
    expect(gate.stdout).toMatch(/set gpu validated by sha256:/);
    expect(gate.code).toBe(0);
    // A set never validated, and one asked with another key: exit 4.
    const other = await cli('verify', '--image', ref, '--key', PUB, '--require-validated', 'gpu,never');
    expect(other.code).toBe(4);
    expect(other.stdout).toMatch(/set never NOT VALIDATED: no validation of this set/);
  });

  (existsSync(COSIGN) ? it : it.skip)(
    'cosign verify-attestation verifies the record with --key, not with another',
    async () => {
      const ref = await image();
      expect((await attest(ref, 'gpu')).code).toBe(0);
      const cosign = (pub: string) =>
        spawnSync(
          COSIGN,
          [
            'verify-attestation',
            '--key',
            pub,
            '--insecure-ignore-tlog=true',
            '--type',
            VALIDATION_PREDICATE_TYPE,
            '--allow-insecure-registry',
            '--allow-http-registry',
            ref,
          ],
          { encoding: 'utf8' },
        );
      const ok = cosign(PUB);
      expect(ok.status).toBe(0);
      const envelope = JSON.parse(ok.stdout.trim().split('\n')[0]!) as { payload: string };
      const statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as {
        predicateType: string;
      };
      expect(statement.predicateType).toBe(VALIDATION_PREDICATE_TYPE);
      expect(cosign(OTHER_PUB).status).not.toBe(0);
    },
  );

  it('a failed validation is recorded and does not satisfy the gate', async () => {
    const ref = await image();
    const att = await attest(ref, 'never');
    expect(att.code).toBe(1);
    const listed = JSON.parse(
      (await cli('validations', '--image', ref, '--key', PUB, '--output', 'json')).stdout,
    ) as Listed;
    expect(listed.platforms[0]!.records[0]!.predicate!.sets[0]).toMatchObject({
      tag: 'never',
      compatible: false,
    });
    const gate = await cli('verify', '--image', ref, '--key', PUB, '--require-validated', 'never');
    expect(gate.code).toBe(4);
    expect(gate.stdout).toMatch(/set never NOT VALIDATED: no passing validation: sha256:[a-f0-9]+ failed it/);
  });

  it('a record signed with another key does not satisfy the gate; validations lists it as not verified', async () => {
    const ref = await image();
    expect((await attest(ref, 'gpu', OTHER_SEC)).code).toBe(0);
    const gate = await cli('verify', '--image', ref, '--key', PUB, '--require-validated', 'gpu');
    expect(gate.code).toBe(4);
    expect(gate.stdout).toMatch(/set gpu NOT VALIDATED: .*1 record\(s\) not verified/);
    const listed = await cli('validations', '--image', ref, '--key', PUB);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toBe('no verified validation record\n');
    expect(listed.stderr).toMatch(/not verified: wrong-key/);
  });

  it('an unsigned record (the bundle without its signature) does not satisfy the gate', async () => {
    const ref = await image();
    expect((await attest(ref, 'gpu')).code).toBe(0);
    const listed = JSON.parse(
      (await cli('validations', '--image', ref, '--key', PUB, '--output', 'json')).stdout,
    ) as Listed;
    const good = listed.platforms[0]!.records[0]!;
    // Another image, the same record's bundle with its signature removed, attached to its manifest.
    const ref2 = await image();
    const reference = parseReference(ref);
    const repo = openRepository(reference, { plainHttp: true });
    const got = await repo.getManifest(good.digest);
    const manifest = JSON.parse(got!.bytes.toString('utf8')) as {
      layers: Array<{ digest: string; size: number; mediaType: string }>;
      subject: { digest: string; size: number; mediaType: string };
    };
    const bundle = JSON.parse((await repo.fetchBlob(manifest.layers[0]!, 1 << 20)).toString('utf8')) as {
      dsseEnvelope: { signatures: unknown[] };
    };
    bundle.dsseEnvelope.signatures = [];
    const unsigned = buildBundleArtifact({
      bundle: Buffer.from(JSON.stringify(bundle)),
      predicateType: VALIDATION_PREDICATE_TYPE,
      subject: manifest.subject,
    });
    const repo2 = openRepository(parseReference(ref2), { plainHttp: true });
    const subject2 = (await repo2.getManifest('v1'))!.descriptor;
    await pushReferrer(repo2, subject2.digest, {
      manifest: unsigned.manifestBytes,
      descriptor: unsigned.manifestDescriptor,
      blobs: unsigned.blobs.map((b) => ({ bytes: b.bytes, mediaType: b.descriptor.mediaType })),
    });
    const gate = await cli('verify', '--image', ref2, '--key', PUB, '--require-validated', 'gpu');
    expect(gate.code).toBe(4);
    expect(gate.stdout).toMatch(/set gpu NOT VALIDATED/);
  });

  it('a record of another platform does not count; a record moved onto another platform is tampering', async () => {
    const repoName = `idx${++n}`;
    const idx = await pushTestIndex(reg, repoName, 'v1', [
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64' },
    ]);
    const ref = `${reg.host}/${repoName}:v1`;
    for (const a of await attachSpec(ref, SPEC, dir)) await signAttached(a, KEY);
    expect((await attest(ref, 'gpu', SEC, '--platform', 'linux/amd64')).code).toBe(0);

    const all = await cli('verify', '--image', ref, '--key', PUB, '--require-validated', 'gpu');
    expect(all.code).toBe(4);
    expect(all.stdout).toMatch(/linux\/arm64: set gpu NOT VALIDATED: no validation of this set/);
    const amd = await cli(
      'verify',
      '--image',
      ref,
      '--key',
      PUB,
      '--require-validated',
      'gpu',
      '--platform',
      'linux/amd64',
    );
    expect(amd.code).toBe(0);
    expect(
      (
        await cli(
          'verify',
          '--image',
          ref,
          '--key',
          PUB,
          '--require-validated',
          'gpu',
          '--platform',
          'linux/arm64',
        )
      ).code,
    ).toBe(4);

    // The amd64 record's manifest re-pointed at the arm64 manifest (same signed bundle).
    const repo = openRepository(parseReference(ref), { plainHttp: true });
    const listed = JSON.parse(
      (
        await cli(
          'validations',
          '--image',
          ref,
          '--key',
          PUB,
          '--platform',
          'linux/amd64',
          '--output',
          'json',
        )
      ).stdout,
    ) as Listed;
    const record = listed.platforms[0]!.records[0]!;
    const got = await repo.getManifest(record.digest);
    const m = JSON.parse(got!.bytes.toString('utf8')) as {
      layers: Array<{ digest: string; size: number; mediaType: string }>;
    };
    const arm = idx.platforms.find((p) => p.platform?.architecture === 'arm64')!;
    const moved = buildBundleArtifact({
      bundle: await repo.fetchBlob(m.layers[0]!, 1 << 20),
      predicateType: VALIDATION_PREDICATE_TYPE,
      subject: { mediaType: arm.mediaType, digest: arm.digest, size: arm.size },
    });
    await pushReferrer(repo, arm.digest, {
      manifest: moved.manifestBytes,
      descriptor: moved.manifestDescriptor,
      blobs: moved.blobs.map((b) => ({ bytes: b.bytes, mediaType: b.descriptor.mediaType })),
    });
    const gate = await cli(
      'verify',
      '--image',
      ref,
      '--key',
      PUB,
      '--require-validated',
      'gpu',
      '--platform',
      'linux/arm64',
    );
    expect(gate.code).toBe(4);
    expect(gate.stdout).toMatch(/tampered with.*subject-mismatch|is about sha256:/);
  });

  it('a record older than --max-age does not satisfy the gate', async () => {
    const ref = await image();
    const run = await runValidation(
      {
        image: ref,
        features: H100,
        compatibility: 'gpu',
        policy: {},
        requireSignature: false,
        oneHost: ['report'],
        plainHttp: true,
      },
      { note: () => undefined, warn: () => undefined },
    );
    await attestValidation(run, {
      image: ref,
      sign: KEY,
      fromMachine: false,
      plainHttp: true,
      now: () => new Date(Date.now() - 40 * 86_400_000),
    });
    expect((await cli('verify', '--image', ref, '--key', PUB, '--require-validated', 'gpu')).code).toBe(0);
    const old = await cli(
      'verify',
      '--image',
      ref,
      '--key',
      PUB,
      '--require-validated',
      'gpu',
      '--max-age',
      '30d',
    );
    expect(old.code).toBe(4);
    expect(old.stdout).toMatch(/older than the maximum age/);
    expect(
      (await cli('verify', '--image', ref, '--key', PUB, '--require-validated', 'gpu', '--max-age', '6w'))
        .code,
    ).toBe(0);
  });

  it('a tampered record is exit 4 for the gate and for validations', async () => {
    const ref = await image();
    expect((await attest(ref, 'never')).code).toBe(1);
    const listed = JSON.parse(
      (await cli('validations', '--image', ref, '--key', PUB, '--output', 'json')).stdout,
    ) as Listed;
    const record = listed.platforms[0]!.records[0]!;
    const repo = openRepository(parseReference(ref), { plainHttp: true });
    const m = JSON.parse((await repo.getManifest(record.digest))!.bytes.toString('utf8')) as {
      layers: Array<{ digest: string; size: number; mediaType: string }>;
      subject: { digest: string; size: number; mediaType: string };
    };
    // The failed verdict turned into a pass, the signature kept.
    const bundle = JSON.parse((await repo.fetchBlob(m.layers[0]!, 1 << 20)).toString('utf8')) as {
      dsseEnvelope: { payload: string };
    };
    const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8')) as {
      predicate: { compatible: boolean; sets: Array<{ compatible: boolean }> };
    };
    statement.predicate.compatible = true;
    statement.predicate.sets[0]!.compatible = true;
    bundle.dsseEnvelope.payload = Buffer.from(JSON.stringify(statement)).toString('base64');
    const forged = buildBundleArtifact({
      bundle: Buffer.from(JSON.stringify(bundle)),
      predicateType: VALIDATION_PREDICATE_TYPE,
      subject: m.subject,
    });
    await pushReferrer(repo, m.subject.digest, {
      manifest: forged.manifestBytes,
      descriptor: forged.manifestDescriptor,
      blobs: forged.blobs.map((b) => ({ bytes: b.bytes, mediaType: b.descriptor.mediaType })),
    });
    const gate = await cli('verify', '--image', ref, '--key', PUB, '--require-validated', 'never');
    expect(gate.code).toBe(4);
    expect(gate.stdout).toMatch(/tampered with/);
    const list = await cli('validations', '--image', ref, '--key', PUB);
    expect(list.code).toBe(4);
    expect(list.stderr).toMatch(/not verified: envelope-signature/);
  });

  it('--attest needs --image and a key or OIDC; --max-age needs --require-validated', async () => {
    const noKey = await cli('validate', '--spec', path.join(dir, 'x.yaml'), '--features', H100, '--attest');
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toMatch(/--attest needs --image/);
    const ref = await image();
    const keyless = await runCli(
      ['validate', '--image', ref, '--features', H100, '--attest', '--plain-http'],
      {
        env: { ACTIONS_ID_TOKEN_REQUEST_URL: '', ACTIONS_ID_TOKEN_REQUEST_TOKEN: '' },
      },
    );
    expect(keyless.code).toBe(2);
    expect(keyless.stderr).toMatch(/--attest needs --attest-key FILE/);
    const age = await cli('verify', '--image', ref, '--key', PUB, '--max-age', '30d');
    expect(age.code).toBe(2);
    const bad = await cli(
      'verify',
      '--image',
      ref,
      '--key',
      PUB,
      '--require-validated',
      'gpu',
      '--max-age',
      '30 days',
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--max-age "30 days": expected a duration/);
  });
});
