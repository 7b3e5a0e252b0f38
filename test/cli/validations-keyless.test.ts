// A keyless validation record (signed the way the validate action signs in GitHub Actions: the
// job's OIDC identity through Fulcio, witnessed by Rekor; here the test's own @sigstore/mock
// instance) satisfies `verify --require-validated` under that identity and the instance's trusted
// root, and not under another identity; `validations` names the signer.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { attestValidation } from '../../src/commands/attest.js';
import { runValidation } from '../../src/commands/validate-run.js';
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
const spec = `version: v1alpha1\ncompatibilities:\n  - tag: gpu\n    rules:\n      - name: nvidia module\n        matchFeatures:\n          - feature: kernel.loadedmodule\n            matchExpressions:\n              nvidia: {op: Exists}\n`;

const dir = mkdtempSync(path.join(tmpdir(), 'ic-validations-keyless-'));
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
  // The gate's policy is keyless: the compatibility artifact is signed by the same identity.
  await signAttached(a!, {
    kind: 'keyless',
    identityProvider: staticIdentityProvider(identityToken({ iss: ISSUER, sub: WORKFLOW })),
    instance: { fulcioURL: mock.fulcioURL, rekorURL: mock.rekorURL },
    timeout: 5000,
  });
  rootFile = path.join(dir, 'mock-root.json');
  writeFileSync(rootFile, mock.trustedRoot);
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
    sign: {
      kind: 'keyless',
      identityProvider: staticIdentityProvider(identityToken({ iss: ISSUER, sub: WORKFLOW })),
      instance: { fulcioURL: mock.fulcioURL, rekorURL: mock.rekorURL },
      timeout: 5000,
    },
    fromMachine: false,
    runnerName: 'gpu-runner-1',
    plainHttp: true,
    env: { GITHUB_REPOSITORY: 'acme/app', GITHUB_RUN_ID: '42' },
  });
}, 60_000);
afterAll(async () => {
  await mock?.close();
  await reg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const cli = (...args: string[]) =>
  runCli([...args, '--trusted-root', rootFile, '--certificate-oidc-issuer', ISSUER, '--plain-http']);

describe('keyless validation records', () => {
  it('satisfy the gate under the signing identity, not under another', async () => {
    const ok = await cli(
      'verify',
      '--image',
      ref,
      '--certificate-identity',
      WORKFLOW,
      '--require-validated',
      'gpu',
      '--max-age',
      '1d',
    );
    expect(ok.stdout).toMatch(/set gpu validated by sha256:/);
    expect(ok.code).toBe(0);
    const other = await cli(
      'verify',
      '--image',
      ref,
      '--certificate-identity-regexp',
      '^https://github.com/acme/other/',
      '--require-validated',
      'gpu',
    );
    expect(other.code).toBe(4);
  });

  it('validations lists the record with its signer identity and run URL', async () => {
    const r = await cli(
      'validations',
      '--image',
      ref,
      '--certificate-identity',
      WORKFLOW,
      '--output',
      'json',
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      platforms: Array<{
        records: Array<{
          verified: boolean;
          signer?: { identity: string };
          predicate?: { run?: { url: string } };
        }>;
      }>;
    };
    const record = out.platforms[0]!.records[0]!;
    expect(record.verified).toBe(true);
    expect(record.signer?.identity).toBe(WORKFLOW);
    expect(record.predicate?.run?.url).toBe('https://github.com/acme/app/actions/runs/42');
    const table = await cli('validations', '--image', ref, '--certificate-identity', WORKFLOW);
    expect(table.stdout).toMatch(/gpu +linux\/amd64 +gpu-runner-1 +pass /);
    expect(table.stdout).toContain(WORKFLOW);
  });
});
