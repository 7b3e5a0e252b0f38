// The features.d file of `features --output nfd-local` and its reading as nfd-worker's local
// source reads it: NFD's own test data (source/local/testdata/features.d, TestGetExpirationDate:
// 7 features, 8 labels; the hidden file and big_file are the directory reader's to skip), then our
// writer's lines: no labels, stable names, identical instances once, refusals.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { InputError } from '../../src/errors.js';
import { formatNfdLocal, MAX_LOCAL_INSTANCES, nfdView, parseNfdLocal } from '../../src/kubernetes/index.js';
import { parseFeaturesDocument } from '../../src/features/snapshot.js';

const DIR = 'test/fixtures/kubernetes/features.d';
const NOW = new Date('2026-12-01T00:00:00Z');

describe("NFD's local source (features.d)", () => {
  it("reads NFD's test data as nfd-worker does: 7 features, 8 labels", () => {
    const features: Record<string, string> = {};
    const labels: Record<string, string> = {};
    for (const f of readdirSync(DIR).filter((n) => !n.startsWith('.'))) {
      const got = parseNfdLocal(readFileSync(`${DIR}/${f}`, 'utf8'), NOW);
      Object.assign(features, got.features);
      Object.assign(labels, got.labels);
    }
    expect(Object.keys(features).sort()).toEqual([
      'featureKey2',
      'featureKey3',
      'featureKeyRandomComment',
      'featureKeyUnparsable',
      'featureKeyValid',
      'foo',
      'my-feature',
    ]);
    expect(features.foo).toBe('baz');
    expect(Object.keys(labels).sort()).toEqual([
      'featureKey2',
      'featureKey3',
      'featureKeyRandomComment',
      'featureKeyUnparsable',
      'featureKeyValid',
      'label-only',
      'label-only-2',
      'my-feature',
    ]);
  });

  it('a key without a value is "true"; an expiry in the past drops the lines after it', () => {
    expect(parseNfdLocal('a\nb=\n', NOW).features).toEqual({ a: 'true', b: '' });
    expect(parseNfdLocal('x=1\n# +expiry-time=2026-11-30T00:00:00Z\ny=2\n', NOW).features).toEqual({
      x: '1',
    });
  });
});

const h100 = parseFeaturesDocument(readFileSync('examples/hosts/h100-server.json', 'utf8'), 'h100')[0]!
  .features;

describe('features --output nfd-local', () => {
  it('writes our gpu and rdma features as unlabelled local features under stable names', () => {
    const text = formatNfdLocal(h100, { expiry: new Date('2026-12-02T00:00:00Z') });
    expect(text.split('\n').slice(0, 4)).toEqual([
      '# image-compat features --output nfd-local: GPU and RDMA features for NFD (local.feature).',
      '# +expiry-time=2026-12-02T00:00:00Z',
      '# +no-label',
      'image-compat.dev/gpu.count=true',
    ]);
    const { features, labels } = parseNfdLocal(text, NOW);
    expect(labels).toEqual({});
    expect(features).toMatchObject({
      'image-compat.dev/gpu.count.total': '8',
      'image-compat.dev/gpu.device': 'true',
      'image-compat.dev/gpu.device.0': 'true',
      'image-compat.dev/gpu.device.0.compute_capability': '9.0',
      'image-compat.dev/rdma.device.0.link_layer': 'InfiniBand',
    });
    // 8 GPUs, two distinct (NUMA node 0 and 1): written once each.
    expect(features['image-compat.dev/gpu.device.1.numa_node']).toBe('1');
    expect(features['image-compat.dev/gpu.device.2']).toBeUndefined();
    expect(Object.keys(features).every((k) => k.startsWith('image-compat.dev/'))).toBe(true);
    // Expired: nfd-worker reads nothing.
    expect(parseNfdLocal(text, new Date('2026-12-03T00:00:00Z')).features).toEqual({});
    expect(formatNfdLocal(h100)).toBe(formatNfdLocal(structuredClone(h100)));
  });

  it('nfdView: NFD sees local.feature instead of our own features', () => {
    const view = nfdView(h100, NOW);
    expect(Object.keys(view.instances!).filter((k) => /^(gpu|rdma)\./.test(k))).toEqual([]);
    expect(view.attributes!['gpu.count']).toBeUndefined();
    expect(view.attributes!['local.feature']!.elements['image-compat.dev/gpu.count.nvidia']).toBe('8');
    expect(view.instances!['pci.device']).toEqual(h100.instances!['pci.device']);
  });

  it('refuses what nfd-worker would read back differently', () => {
    const many = {
      instances: {
        'gpu.device': {
          elements: Array.from({ length: MAX_LOCAL_INSTANCES + 1 }, (_, i) => ({
            attributes: { numa_node: `${i}` },
          })),
        },
      },
    };
    expect(() => formatNfdLocal(many)).toThrow(InputError);
    expect(() => formatNfdLocal(many)).toThrow(/17 distinct instances/);
    const newline = { attributes: { 'gpu.count': { elements: { total: '1\nx=2' } } } };
    expect(() => formatNfdLocal(newline)).toThrow(/cannot be written/);
    const spaces = { instances: { 'rdma.device': { elements: [{ attributes: { rate: ' 100 ' } }] } } };
    expect(() => formatNfdLocal(spaces)).toThrow(/cannot be written/);
  });
});
