// `targets:`: a set names the manifests of an index it is for, by platform (variant included,
// compared exactly) and/or annotations of the index descriptor. The compile per manifest (what
// `attach --config` attaches), the plan against an index (one entry per set and manifest, with
// its `manifest` digest), and the config's checks.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { compileConfig, compileForManifest } from '../../src/config/compile.js';
import { checkConfigDocument, parseConfig } from '../../src/config/load.js';
import { planMatrix } from '../../src/config/plan.js';
import { selectorMatches, type ManifestTarget } from '../../src/config/targets.js';
import { parseSource } from '../../src/spec/document.js';

const EXAMPLE = 'examples/config/select-cuda.yaml';
const { config } = parseConfig(readFileSync(EXAMPLE, 'utf8'), EXAMPLE);
const generic: ManifestTarget = { platform: 'linux/amd64', annotations: { 'org.example.flavor': 'generic' } };
const cuda: ManifestTarget = { platform: 'linux/amd64', annotations: { 'org.example.flavor': 'cuda' } };
const arm: ManifestTarget = { platform: 'linux/arm64', annotations: {} };
const tags = (m: ManifestTarget) => compileForManifest(config, m)?.spec.compatibilities.map((c) => c.tag);

describe('selectors', () => {
  it.each([
    [{ platform: 'linux/amd64' }, 'linux/amd64', {}, true],
    [{ platform: 'linux/amd64' }, 'linux/amd64/v3', {}, false],
    [{ platform: 'linux/amd64/v3' }, 'linux/amd64/v3', {}, true],
    [{ platform: 'linux/amd64/v1' }, 'linux/amd64', {}, true],
    [{ platform: 'linux/arm64' }, 'linux/arm64/v8', {}, true],
    [{ annotations: { a: '1' } }, 'linux/amd64', { a: '1', b: '2' }, true],
    [{ annotations: { a: '1' } }, 'linux/amd64', { a: '2' }, false],
    [{ platform: 'linux/amd64', annotations: { a: '1' } }, 'linux/arm64', { a: '1' }, false],
  ])('%j against %s %j: %s', (selector, platform, annotations, expected) => {
    expect(selectorMatches(selector, { platform, annotations })).toBe(expected);
  });
});

describe('compile per manifest', () => {
  it('each manifest gets the sets that target it', () => {
    expect(tags(generic)).toEqual(['generic']);
    expect(tags(cuda)).toEqual(['cuda']);
    expect(tags(arm)).toEqual(['generic']);
    expect(compileForManifest(config, { platform: 'linux/s390x', annotations: {} })).toBeUndefined();
  });

  it('sets without targets still apply by platform, to every manifest of it', () => {
    const mixed = {
      ...config,
      compatibilities: [...config.compatibilities, { name: 'any-amd64', platforms: ['linux/amd64'] }],
    };
    expect(compileForManifest(mixed, cuda)?.spec.compatibilities.map((c) => c.tag)).toEqual([
      'cuda',
      'any-amd64',
    ]);
  });

  it('compiled for a platform: the sets whose targets name it; an annotation-only set for every platform', () => {
    expect(compileConfig(config, { platform: 'linux/arm64' }).spec.compatibilities.map((c) => c.tag)).toEqual(
      ['generic'],
    );
    const loose = {
      ...config,
      compatibilities: [{ name: 'flavored', targets: [{ annotations: { 'org.example.flavor': 'x' } }] }],
    };
    expect(compileConfig(loose, { platform: 'linux/arm64' }).spec.compatibilities.map((c) => c.tag)).toEqual([
      'flavored',
    ]);
  });
});

describe('checks', () => {
  const issues = (text: string) =>
    checkConfigDocument(parseSource(text, 'c.yaml')).diagnostics.map((d) => [
      d.severity,
      d.message,
      d.position.line,
    ]);

  it('platforms and targets together are an error, at the targets', () => {
    const got = issues(
      'version: 1\ncompatibilities:\n  - name: a\n    platforms: [linux/amd64]\n    targets:\n      - platform: linux/amd64\n',
    );
    expect(got).toContainEqual(['error', 'set "a" has both platforms and targets', 6]);
  });

  it("a target's platform must be one of the config's", () => {
    const got = issues(
      'version: 1\nplatforms: [linux/amd64]\ncompatibilities:\n  - name: a\n    targets:\n      - platform: linux/arm64\n',
    );
    expect(got).toContainEqual([
      'error',
      'platform "linux/arm64" is not one of the image\'s platforms (linux/amd64)',
      6,
    ]);
  });

  it('an empty selector is refused by the schema', () => {
    const got = issues('version: 1\ncompatibilities:\n  - name: a\n    targets:\n      - {}\n');
    expect(got.filter((i) => i[0] === 'error')).not.toEqual([]);
  });
});

describe('plan against an index', () => {
  const manifests = [
    { digest: 'sha256:' + '1'.repeat(64), ...generic },
    { digest: 'sha256:' + '2'.repeat(64), ...cuda },
    { digest: 'sha256:' + '3'.repeat(64), ...arm },
  ];

  it('one entry per set and manifest it targets, with the manifest digest', () => {
    expect(planMatrix(config, manifests)).toEqual([
      {
        id: 'generic-linux-amd64',
        name: 'generic',
        platform: 'linux/amd64',
        weight: 1,
        'runs-on': ['self-hosted', 'linux', 'X64'],
        manifest: manifests[0]!.digest,
      },
      {
        id: 'generic-linux-arm64',
        name: 'generic',
        platform: 'linux/arm64',
        weight: 1,
        'runs-on': ['self-hosted', 'linux', 'ARM64'],
        manifest: manifests[2]!.digest,
      },
      {
        id: 'cuda-linux-amd64',
        name: 'cuda',
        platform: 'linux/amd64',
        weight: 10,
        'runs-on': ['self-hosted', 'linux', 'gpu'],
        manifest: manifests[1]!.digest,
      },
    ]);
  });

  it('a set for a platform two manifests share gets one job per manifest, ids kept apart', () => {
    const plain = { version: 1 as const, compatibilities: [{ name: 'cpu', platforms: ['linux/amd64'] }] };
    expect(planMatrix(plain, manifests).map((e) => [e.id, e.manifest])).toEqual([
      ['cpu-linux-amd64', manifests[0]!.digest],
      ['cpu-linux-amd64-2', manifests[1]!.digest],
    ]);
  });

  it('without an index: one entry per target platform, as before', () => {
    expect(planMatrix(config).map((e) => e.id)).toEqual([
      'generic-linux-amd64',
      'generic-linux-arm64',
      'cuda-linux-amd64',
    ]);
  });
});
