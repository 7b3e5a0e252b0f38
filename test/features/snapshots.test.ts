// The NodeFeature snapshots in test/fixtures/features/snapshots/ are what the collectors make
// of the fixture trees (other parts use them as example hosts). UPDATE_SNAPSHOTS=1 rewrites
// them. ci-container.json is the output of `features` on a real CI machine: checked for shape.
import { describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import {
  collectHostFeatures,
  toNodeFeature,
  unavailableOf,
  type NodeFeature,
} from '../../src/features/index.js';
import { FIXTURES, h100NvidiaSmi, tree } from './helpers.js';

const SNAPSHOTS = path.join(FIXTURES, 'snapshots');

const cases: Array<[string, string, boolean]> = [
  // snapshot, fixture tree, with the H100's canned nvidia-smi answer
  ['h100-server.json', 'h100-server', true],
  ['arm-server.json', 'arm-server', false],
  ['vm.json', 'vm', false],
];

describe('NodeFeature snapshots', () => {
  it.each(cases)('%s is what the collectors make of %s', async (file, name, smi) => {
    const host = await collectHostFeatures({
      hostRoot: tree(name),
      runProgram: smi ? h100NvidiaSmi() : undefined,
    });
    const text = JSON.stringify(toNodeFeature(host), null, 2) + '\n';
    const target = path.join(SNAPSHOTS, file);
    if (process.env.UPDATE_SNAPSHOTS) fs.writeFileSync(target, text);
    expect(fs.readFileSync(target, 'utf8')).toBe(text);
  });

  it('ci-container.json is a NodeFeature from a real machine', () => {
    const nf = JSON.parse(fs.readFileSync(path.join(SNAPSHOTS, 'ci-container.json'), 'utf8')) as NodeFeature;
    expect(nf.apiVersion).toBe('nfd.k8s-sigs.io/v1alpha1');
    expect(nf.kind).toBe('NodeFeature');
    expect(nf.metadata.labels['nfd.node.kubernetes.io/node-name']).toBe(nf.metadata.name);
    expect(Object.keys(nf.spec.features.attributes ?? {})).toEqual(
      expect.arrayContaining(['kernel.version', 'system.osrelease', 'cpu.model']),
    );
    expect(unavailableOf(nf).map((u) => u.source)).toContain('kernel.loadedmodule');
  });
});
