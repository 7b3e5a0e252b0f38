import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { InputError } from '../../src/errors.js';
import { parseFeaturesDocument } from '../../src/features/snapshot.js';

const h100 = readFileSync('examples/hosts/h100-server.json', 'utf8');
const cluster = readFileSync('examples/hosts/cluster.json', 'utf8');

const nodeFeature = (name: string, node: string, features: object, namespace = 'nfd') => ({
  apiVersion: 'nfd.k8s-sigs.io/v1alpha1',
  kind: 'NodeFeature',
  metadata: { name, namespace, labels: { 'nfd.node.kubernetes.io/node-name': node } },
  spec: { features },
});

describe('parseFeaturesDocument', () => {
  it('reads a bare Features object (no node name)', () => {
    const hosts = parseFeaturesDocument('{"flags": {"cpu.cpuid": {"elements": {"AVX2": {}}}}}', 'f.json');
    expect(hosts).toEqual([
      {
        name: '',
        features: { flags: { 'cpu.cpuid': { elements: { AVX2: {} } } }, attributes: {}, instances: {} },
      },
    ]);
  });

  it('reads YAML as well as JSON', () => {
    const hosts = parseFeaturesDocument(
      'attributes:\n  kernel.version:\n    elements: {major: "6"}\n',
      'f.yaml',
    );
    expect(hosts[0]!.features.attributes).toEqual({ 'kernel.version': { elements: { major: '6' } } });
  });

  it('reads a NodeFeature, naming the host by its node-name label', () => {
    const [host, ...rest] = parseFeaturesDocument(h100, 'h100.json');
    expect(rest).toEqual([]);
    expect(host!.name).toBe('gpu-node-01');
    expect(host!.features.instances!['gpu.device']!.elements).toHaveLength(8);
  });

  it('reads a kind: List of NodeFeatures (kubectl get -o json) and a NodeFeatureList', () => {
    expect(parseFeaturesDocument(cluster, 'cluster.json').map((h) => h.name)).toEqual([
      'gpu-node-01',
      'arm-node-01',
      'ci-runner-vm',
    ]);
    const list = JSON.parse(cluster) as { kind: string };
    list.kind = 'NodeFeatureList';
    expect(parseFeaturesDocument(JSON.stringify(list), 'l.json')).toHaveLength(3);
  });

  it('merges the NodeFeatures of one node as nfd-master: by name, later override, instances appended', () => {
    const doc = {
      kind: 'List',
      items: [
        nodeFeature('node-a-vendor', 'node-a', {
          attributes: { 'gpu.count': { elements: { total: '8' } }, 'x.y': { elements: { k: 'vendor' } } },
          instances: { 'gpu.device': { elements: [{ attributes: { model: 'B' } }] } },
        }),
        nodeFeature('node-a', 'node-a', {
          attributes: { 'x.y': { elements: { k: 'worker', w: '1' } } },
          instances: { 'gpu.device': { elements: [{ attributes: { model: 'A' } }] } },
        }),
        nodeFeature('node-b', 'node-b', {}),
      ],
    };
    const hosts = parseFeaturesDocument(JSON.stringify(doc), 'l.json');
    expect(hosts.map((h) => h.name)).toEqual(['node-a', 'node-b']);
    expect(hosts[0]!.features.attributes).toEqual({
      'x.y': { elements: { k: 'vendor', w: '1' } },
      'gpu.count': { elements: { total: '8' } },
    });
    expect(hosts[0]!.features.instances!['gpu.device']!.elements.map((i) => i.attributes.model)).toEqual([
      'A',
      'B',
    ]);
  });

  it('falls back to metadata.name without the node-name label', () => {
    const doc = { kind: 'NodeFeature', metadata: { name: 'worker-7' }, spec: { features: {} } };
    expect(parseFeaturesDocument(JSON.stringify(doc), 'n.json')[0]!.name).toBe('worker-7');
  });

  it.each([
    [
      '{"attributes": {"kernel.version": {"elements": {"major": 6}}}}',
      'f.json:1:58: attributes["kernel.version"].elements.major: expected string, got number 6',
    ],
    [
      '{\n  "flags": {"cpu.cpuid": {"element": {}}}\n}',
      'f.json:2:27: flags["cpu.cpuid"].element: unknown field "element" (did you mean "elements"?)',
    ],
    [
      '{"kind": "Node", "metadata": {}}',
      'f.json:1:10: kind: unsupported kind "Node": expected NodeFeature, NodeFeatureList or List',
    ],
    [
      '[1, 2]',
      'f.json:1:1: expected a Features object, a NodeFeature, a NodeFeatureList or a List of NodeFeatures',
    ],
    [
      '{"kind": "List", "items": [{"kind": "Pod", "metadata": {}}]}',
      'f.json:1:37: items[0].kind: must be "NodeFeature"; got "Pod"',
    ],
    ['{"flags": {', /^f\.json:1:\d+: /],
    [
      '{"instances": {"pci.device": {"elements": [{"attributes": {"class": 302}}]}}}',
      /instances\["pci\.device"\]\.elements\[0\]\.attributes\.class: expected string, got number 302/,
    ],
  ])('rejects %s with a position', (text, message) => {
    expect(() => parseFeaturesDocument(text, 'f.json')).toThrow(InputError);
    expect(() => parseFeaturesDocument(text, 'f.json')).toThrow(message);
  });
});
