// The validate action: the bundle (dist/validate.js) run as the runner runs it, against a real
// local registry (a spec attached with `attach`, signed with a test key) and with `spec` +
// `features` inputs; outputs, report and snapshot files, job summary and annotations.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run } from '../../src/action/run/validate.js';
import type { ValidateInputs } from '../../src/action/runtime.js';
import { inInputWords } from '../../src/action/words.js';
import { InputError, SignatureError } from '../../src/errors.js';
import { loadPrivateKey } from '../../src/sign/keys.js';
import { parseReport } from '../../src/report/parse.js';
import { runAction } from '../helpers/action.js';
import { pushTestImage, startRegistry } from '../helpers/registry.js';
import type { TestRegistry } from '../helpers/registry.js';
import { attachSpec, signAttached } from '../helpers/signed-artifact.js';

const FIX = path.resolve('test/fixtures/sign');
const H100 = path.resolve('test/fixtures/features/snapshots/h100-server.json');
const VM = path.resolve('test/fixtures/features/snapshots/vm.json');
const GPU_SPEC = path.resolve('examples/specs/gpu.yaml');
const PUB = path.join(FIX, 'ec-pub.pem');

const spec = (tag: string) =>
  `version: v1alpha1\ncompatibilities:\n  - tag: ${tag}\n    rules:\n      - name: nvidia module\n        matchFeatures:\n          - feature: kernel.loadedmodule\n            matchExpressions:\n              nvidia: {op: Exists}\n`;

// An empty op: NFD evaluates it as MatchAny (true); a warning, or under input `strict` an error.
const LAX_SPEC =
  'version: v1alpha1\ncompatibilities:\n  - tag: lax\n    rules:\n      - name: any module\n        matchFeatures:\n          - feature: kernel.loadedmodule\n            matchExpressions:\n              nvidia: {}\n';

const dir = mkdtempSync(path.join(tmpdir(), 'ic-validate-action-'));
let lax: string;
let reg: TestRegistry;
let signed: string;
let unsigned: string;

beforeAll(async () => {
  lax = path.join(dir, 'lax.yaml');
  writeFileSync(lax, LAX_SPEC);
  reg = await startRegistry();
  await pushTestImage(reg, 'signed', 'v1');
  await pushTestImage(reg, 'unsigned', 'v1');
  signed = `${reg.host}/signed:v1`;
  unsigned = `${reg.host}/unsigned:v1`;
  const [a] = await attachSpec(signed, spec('gpu'), dir);
  await signAttached(a!, {
    kind: 'key',
    key: loadPrivateKey(readFileSync(path.join(FIX, 'ec-sec1.pem'), 'utf8')),
  });
  await attachSpec(unsigned, spec('gpu'), dir);
}, 60_000);
afterAll(async () => {
  await reg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const inputs = (over: Partial<ValidateInputs>): ValidateInputs => ({
  requireSignature: false,
  policy: {},
  hostRoot: '/',
  registry: { plainHttp: true },
  failOnIncompatible: true,
  attest: false,
  oidc: false,
  outputDir: mkdtempSync(path.join(dir, 'out-')),
  ...over,
});

describe('validate run(inputs)', () => {
  it('spec + features: the report, the snapshot file and the summary', async () => {
    const o = await run(
      inputs({ spec: GPU_SPEC, features: H100, compatibility: 'ampere', runnerName: 'r1' }),
    );
    expect(o.report).toMatchObject({ spec: GPU_SPEC, compatibility: 'ampere', host: { runner: 'r1' } });
    expect(o.report.results.map((r) => r.tag)).toEqual(['ampere']);
    expect(JSON.parse(readFileSync(o.reportFile, 'utf8'))).toEqual(JSON.parse(JSON.stringify(o.report)));
    expect(JSON.parse(readFileSync(o.featuresFile, 'utf8'))).toMatchObject({ kind: 'NodeFeature' });
    expect(o.markdown).toContain('### ampere');
  });

  it('public-key as PEM content or as a path', async () => {
    const pem = readFileSync(PUB, 'utf8');
    for (const publicKey of [pem, PUB]) {
      const o = await run(
        inputs({ image: signed, requireSignature: true, policy: { key: publicKey }, features: H100 }),
      );
      expect(o.report.compatible).toBe(true);
      expect(o.report.artifact).toMatch(/^sha256:/);
    }
  });

  it('strict: a spec finding NFD only meets while evaluating is an error; else a warning naming `strict`', async () => {
    const o = await run(inputs({ spec: lax, features: H100 }));
    expect(o.report.compatible).toBe(true);
    expect(o.warnings.join('\n')).toMatch(/lax\.yaml:9:\d+: .*empty.*\(an error for lint and `strict`\)/);
    const refused = await run(inputs({ spec: lax, features: H100, strict: true })).catch((e: Error) => e);
    expect(refused).toBeInstanceOf(InputError);
    expect((refused as Error).message).toMatch(/lax\.yaml:9:\d+: /);
  });

  it('a cluster snapshot: the action reports on one host, naming its output and input', async () => {
    const cluster = path.resolve('examples/hosts/cluster.json');
    const err = await run(inputs({ spec: GPU_SPEC, features: cluster })).catch((e: Error) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(inInputWords((err as Error).message)).toBe('`report` describes one host; `features` gave 3');
  });

  it('rejects a public-key that is neither PEM nor a file', async () => {
    await expect(run(inputs({ image: signed, policy: { key: 'nope' }, features: H100 }))).rejects.toThrow(
      InputError,
    );
  });

  it('an identity without trusted-root: the public-good trusted root (offline here), noted', async () => {
    const saved = { offline: process.env.IMAGE_COMPAT_OFFLINE, cache: process.env.IMAGE_COMPAT_TUF_CACHE };
    process.env.IMAGE_COMPAT_OFFLINE = '1';
    process.env.IMAGE_COMPAT_TUF_CACHE = path.join(dir, 'tuf');
    const identity = {
      image: signed,
      policy: {
        certificateIdentity: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
        certificateOidcIssuer: 'https://token.actions.githubusercontent.com',
      },
      features: H100,
    };
    try {
      // The artifact is signed with a key: a policy failure, a warning unless a signature is required.
      const o = await run(inputs(identity));
      expect(o.notes).toContain(
        'using the Sigstore public-good trusted root (embedded @sigstore/tuf seed), offline',
      );
      expect(o.warnings.join('\n')).toMatch(/wrong-key/);
      await expect(run(inputs({ ...identity, requireSignature: true }))).rejects.toThrow(SignatureError);
    } finally {
      for (const [name, value] of [
        ['IMAGE_COMPAT_OFFLINE', saved.offline],
        ['IMAGE_COMPAT_TUF_CACHE', saved.cache],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});

describe('validate action bundle (dist/validate.js)', () => {
  it('spec + features: outputs, a report that validates, the snapshot, summary and one error per failed rule', async () => {
    const r = await runAction('validate', {
      inputs: { spec: GPU_SPEC, features: VM, compatibility: 'hopper', 'fail-on-incompatible': 'true' },
      env: { RUNNER_NAME: 'ci-vm-1' },
    });
    expect(r.code).toBe(1);
    expect(r.outputs.compatible).toBe('false');
    expect(r.outputs.report).toBe(path.join(r.runnerTemp, 'image-compat', 'report.json'));
    expect(r.outputs.features).toBe(path.join(r.runnerTemp, 'image-compat', 'features.json'));
    expect(r.summary).toContain('## Image compatibility: ❌ not compatible');
    expect(r.summary).toContain('Compatibility set: hopper');
    expect(r.summary).toMatch(/### Host .* \(runner ci-vm-1\)/);
    expect(r.summary).toMatch(/\| driver\\_version \| Ge 550 \(version\) \| absent \| \*\*FAIL\*\* \|/);
    const errors = r.commands.filter((c) => c.command === 'error');
    expect(errors.length).toBe(3);
    expect(errors[0]!.properties.title).toBe('image-compat: rule "hopper gpu present" failed (hopper)');
  });

  it('spec + features on a matching host: compatible, exit 0, report readable by the report action', async () => {
    const out = mkdtempSync(path.join(dir, 'rt-'));
    const r = await runAction('validate', {
      inputs: { spec: GPU_SPEC, features: H100, compatibility: 'hopper' },
      env: { RUNNER_NAME: 'gpu-1', RUNNER_TEMP: out },
    });
    expect(r.code).toBe(0);
    expect(r.outputs.compatible).toBe('true');
    expect(r.commands.filter((c) => c.command === 'error')).toEqual([]);
    expect(r.summary).toMatch(/\| GPUs \| NVIDIA H100/);
  });

  it('image with require-signature and the right public key: compatible on the H100 snapshot', async () => {
    const r = await runAction('validate', {
      inputs: {
        image: signed,
        'plain-http': 'true',
        'require-signature': 'true',
        'public-key': PUB,
        features: H100,
      },
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.outputs.compatible).toBe('true');
    expect(r.summary).toContain(`Image: ${signed}`);
    expect(r.summary).toMatch(/Artifact: sha256:[0-9a-f]{64}/);
  });

  it('attest with attest-key and runner-labels: output validation-record, a record the gate reads', async () => {
    const out = mkdtempSync(path.join(dir, 'rt-'));
    const r = await runAction('validate', {
      env: { RUNNER_TEMP: out },
      inputs: {
        image: signed,
        'plain-http': 'true',
        features: H100,
        compatibility: 'gpu',
        attest: 'true',
        'attest-key': readFileSync(path.join(FIX, 'ec-sec1.pem'), 'utf8'),
        'runner-labels': '["self-hosted","h100"]',
      },
    });
    expect(r.code).toBe(0);
    expect(r.outputs['validation-record']).toMatch(/^sha256:[0-9a-f]{64}$/);
    const report = JSON.parse(readFileSync(r.outputs.report!, 'utf8')) as { attestation?: string };
    expect(report.attestation).toBe(r.outputs['validation-record']);
    const { listValidations } = await import('../../src/commands/validations.js');
    const { loadPublicKey } = await import('../../src/sign/keys.js');
    const listed = await listValidations({
      image: signed,
      plainHttp: true,
      policy: { kind: 'key', key: loadPublicKey(readFileSync(PUB, 'utf8')) },
    });
    const record = listed.platforms[0]!.records.find((x) => x.digest === report.attestation);
    expect(record?.verified && record.predicate.runner?.labels).toEqual(['self-hosted', 'h100']);
  });

  it('attest without attest-key and without id-token: exit 2 naming the inputs', async () => {
    const r = await runAction('validate', {
      inputs: { image: signed, 'plain-http': 'true', features: H100, attest: 'true' },
      env: { ACTIONS_ID_TOKEN_REQUEST_URL: '', ACTIONS_ID_TOKEN_REQUEST_TOKEN: '' },
    });
    expect(r.code).toBe(2);
    expect(r.commands[0]!.message).toMatch(/attest.*needs attest-key, or keyless signing/);
  });

  it('image without a signature under require-signature: exit 4, a signature annotation, an error report', async () => {
    const out = mkdtempSync(path.join(dir, 'rt-'));
    const r = await runAction('validate', {
      env: { RUNNER_TEMP: out },
      inputs: {
        'matrix-id': 'gpu-linux-amd64',
        image: unsigned,
        'plain-http': 'true',
        'require-signature': 'true',
        'public-key': readFileSync(PUB, 'utf8'),
        features: H100,
      },
    });
    expect(r.code).toBe(4);
    // The report goes out also without a verdict, so the report action names this job.
    expect(r.outputs.compatible).toBe('false');
    const report = JSON.parse(readFileSync(r.outputs.report!, 'utf8')) as Record<string, unknown>;
    expect(report).toMatchObject({ id: 'gpu-linux-amd64', compatible: false, error: { code: 4 } });
    const errors = r.commands.filter((c) => c.command === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.properties.title).toBe('image-compat: signature policy');
    expect(errors[0]!.message).toMatch(/unsigned/);
  });

  it('fail-on-incompatible false reports without failing; the host is this machine when no features are given', async () => {
    const out = mkdtempSync(path.join(dir, 'rt-'));
    const r = await runAction('validate', {
      inputs: { image: unsigned, 'plain-http': 'true', 'fail-on-incompatible': 'false' },
      env: { RUNNER_TEMP: out },
    });
    expect(r.code).toBe(0);
    expect(['true', 'false']).toContain(r.outputs.compatible);
    const nf = JSON.parse(readFileSync(r.outputs.features!, 'utf8')) as { kind: string };
    expect(nf.kind).toBe('NodeFeature');
  });

  it('the report output validates against the report schema', async () => {
    const out = mkdtempSync(path.join(dir, 'rt-'));
    await runAction('validate', {
      inputs: { spec: GPU_SPEC, features: H100 },
      env: { RUNNER_TEMP: out },
    });
    const file = path.join(out, 'image-compat', 'report.json');
    const text = readFileSync(file, 'utf8');
    const parsed = parseReport(text, file);
    expect(parsed?.host.hardware.gpus[0]).toMatchObject({ vendor: 'NVIDIA', computeCapability: '9.0' });
    expect(parsed?.spec).toBe(GPU_SPEC);
  });

  it('input strict: exit 2 and a report with the error; without it a warning that names the input', async () => {
    const out = mkdtempSync(path.join(dir, 'rt-'));
    const strict = await runAction('validate', {
      inputs: { spec: lax, features: H100, strict: 'true' },
      env: { RUNNER_TEMP: out },
    });
    expect(strict.code).toBe(2);
    const errors = strict.commands.filter((c) => c.command === 'error').map((c) => c.message);
    expect(errors.join('\n')).toMatch(/empty/);
    expect(JSON.parse(readFileSync(strict.outputs.report!, 'utf8'))).toMatchObject({ error: { code: 2 } });

    const lenient = await runAction('validate', { inputs: { spec: lax, features: H100 } });
    expect(lenient.code).toBe(0);
    const warnings = lenient.commands.filter((c) => c.command === 'warning').map((c) => c.message);
    expect(warnings.join('\n')).toMatch(/an error for lint and `strict`/);
    expect(warnings.join('\n')).not.toMatch(/--strict/);

    const bad = await runAction('validate', { inputs: { spec: lax, features: H100, strict: 'yes' } });
    expect(bad.code).toBe(2);
    expect(bad.commands[0]!.message).toBe('input "strict": must be true or false; got "yes"');
  });

  it('neither image nor spec: exit 2', async () => {
    const r = await runAction('validate', { inputs: { features: H100 } });
    expect(r.code).toBe(2);
    expect(r.commands[0]!.message).toMatch(/exactly one of image and spec/);
  });
});
