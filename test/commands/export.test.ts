// `export` against a real registry (docker-registry, started by the test): the NodeFeatureRule of
// the artifact validate --image evaluates, the newest signed one under --require-signature, the
// platform of an index in the node affinity, and the exit codes' errors.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { runExport, SOURCE_ANNOTATION, type ExportOptions } from '../../src/commands/export.js';
import { InputError, RegistryError, SignatureError } from '../../src/errors.js';
import { generateNodeFeatureRule } from '../../src/kubernetes/index.js';
import { loadPrivateKey } from '../../src/sign/keys.js';
import type { SignWith } from '../../src/sign/sign.js';
import { parseSpec } from '../../src/spec/parse.js';
import { pushTestImage, pushTestIndex, startRegistry, type TestRegistry } from '../helpers/registry.js';
import { attachSpec, signAttached } from '../helpers/signed-artifact.js';

const FIX = path.resolve('test/fixtures/sign');
const KEY: SignWith = {
  kind: 'key',
  key: loadPrivateKey(readFileSync(path.join(FIX, 'ec-sec1.pem'), 'utf8')),
};
const PUBLIC = readFileSync(path.join(FIX, 'ec-pub.pem'), 'utf8');
const GPU_SPEC = readFileSync('examples/specs/gpu.yaml', 'utf8');
const spec = (tag: string) =>
  `version: v1alpha1\ncompatibilities:\n  - tag: ${tag}\n    rules:\n      - name: r\n        matchFeatures:\n          - feature: kernel.loadedmodule\n            matchExpressions:\n              nvidia: {op: Exists}\n`;

const dir = mkdtempSync(path.join(tmpdir(), 'ic-export-'));
let reg: TestRegistry;
let n = 0;
const notes: string[] = [];

beforeAll(async () => {
  reg = await startRegistry();
});
afterAll(async () => {
  await reg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function image(): Promise<string> {
  const repo = `acme/app${++n}`;
  await pushTestImage(reg, repo, 'v1');
  return `${reg.host}/${repo}:v1`;
}

const opts = (image: string, more: Partial<ExportOptions> = {}): ExportOptions => ({
  image,
  output: 'node-feature-rule',
  policy: {},
  requireSignature: false,
  plainHttp: true,
  ...more,
});

describe('export', () => {
  it('writes the NodeFeatureRule of the published spec, named after the repository', async () => {
    const ref = await image();
    const [a] = await attachSpec(ref, GPU_SPEC, dir);
    const r = await runExport(opts(ref), (m) => notes.push(m));
    expect(r.artifact).toBe(a!.artifactDescriptor.digest);
    const object = parse(r.yaml);
    const want = generateNodeFeatureRule(parseSpec(GPU_SPEC, 'gpu.yaml'), { name: `app${n}` });
    expect(object).toEqual({
      ...want.object,
      metadata: { ...want.object.metadata, annotations: { [SOURCE_ANNOTATION]: `${ref}@${r.artifact}` } },
    });
    expect(r.sets.map((s) => s.label)).toEqual([
      `image-compat.dev/app${n}.hopper`,
      `image-compat.dev/app${n}.ampere`,
      `image-compat.dev/app${n}.cpu`,
    ]);
    expect(r.notes.join('\n')).toMatch(/gpu\.device from NFD's local source/);
  });

  it('--require-signature exports the newest signed artifact, not a newer unsigned one', async () => {
    const ref = await image();
    const [signed] = await attachSpec(ref, spec('signed'), dir, { now: new Date('2025-01-01T00:00:00Z') });
    await signAttached(signed!, KEY);
    await attachSpec(ref, spec('unsigned'), dir, { now: new Date('2025-06-01T00:00:00Z') });
    const plain = await runExport(opts(ref, { name: 'x' }), () => {});
    expect(plain.sets[0]!.label).toBe('image-compat.dev/x.unsigned');
    const r = await runExport(
      opts(ref, { name: 'x', requireSignature: true, policy: { key: PUBLIC } }),
      () => {},
    );
    expect(r.artifact).toBe(signed!.artifactDescriptor.digest);
    expect(r.sets[0]!.label).toBe('image-compat.dev/x.signed');
  });

  it('exit 4 when no artifact passes the policy, 2 without a policy, 3 without an artifact', async () => {
    const ref = await image();
    await expect(runExport(opts(ref), () => {})).rejects.toThrow(RegistryError);
    await attachSpec(ref, spec('x'), dir);
    await expect(runExport(opts(ref, { requireSignature: true }), () => {})).rejects.toThrow(InputError);
    await expect(
      runExport(opts(ref, { requireSignature: true, policy: { key: PUBLIC } }), () => {}),
    ).rejects.toThrow(SignatureError);
  });

  it("the node affinity of an index's platform requires the node's os and arch", async () => {
    const repo = `multi${++n}`;
    await pushTestIndex(reg, repo, 'v1', [
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64', variant: 'v8' },
    ]);
    const ref = `${reg.host}/${repo}:v1`;
    await attachSpec(ref, spec('multi'), dir);
    const r = await runExport(opts(ref, { platform: 'linux/arm64', output: 'node-affinity' }), () => {});
    expect(r.platform).toBe('linux/arm64/v8');
    expect(parse(r.yaml)).toEqual({
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              {
                matchExpressions: [
                  { key: `image-compat.dev/${repo}.multi`, operator: 'In', values: ['true'] },
                  { key: 'kubernetes.io/os', operator: 'In', values: ['linux'] },
                  { key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] },
                ],
              },
            ],
          },
        },
      },
    });
  });
});
