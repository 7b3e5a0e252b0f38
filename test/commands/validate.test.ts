import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { validate } from '../../src/commands/validate.js';
import { EvaluationError, InputError } from '../../src/errors.js';
import { parseFeaturesDocument } from '../../src/features/snapshot.js';
import { parseSpec } from '../../src/spec/parse.js';

const spec = (name: string) => parseSpec(readFileSync(`examples/specs/${name}.yaml`, 'utf8'), name);
const hosts = (name: string) =>
  parseFeaturesDocument(readFileSync(`examples/hosts/${name}.json`, 'utf8'), name);

describe('validate', () => {
  // Every example spec against every example host: the verdicts the demo shows.
  it.each([
    ['gpu', 'h100-server', true, [0, 1, 2]],
    ['gpu', 'arm-server', true, [2]],
    ['gpu', 'ci-vm', true, [2]],
    ['kernel-module', 'h100-server', true, [0]],
    ['kernel-module', 'arm-server', false, []],
    ['kernel-module', 'ci-vm', false, []],
    ['sriov', 'h100-server', true, [0]],
    ['sriov', 'arm-server', false, []],
    ['sriov', 'ci-vm', false, []],
  ])('%s on %s: compatible %s, matching sets %j', (s, h, compatible, sets) => {
    const r = validate({ spec: spec(s), hosts: hosts(h) });
    expect(r.compatible).toBe(compatible);
    expect(r.hosts[0]!.matchingSets).toEqual(sets);
  });

  it('gives a verdict per host and for all of them', () => {
    const r = validate({ spec: spec('sriov'), hosts: hosts('cluster') });
    expect(r.hosts.map((h) => [h.node, h.compatible])).toEqual([
      ['gpu-node-01', true],
      ['arm-node-01', false],
      ['ci-runner-vm', false],
    ]);
    expect(r.compatible).toBe(false);
    expect(r.compatibleCount).toBe(1);
    expect(r.sets).toEqual([{ index: 0, tag: 'sriov', description: 'SR-IOV capable NIC with VFs enabled' }]);
  });

  it('lists the matching sets of each host (sets are alternatives)', () => {
    const r = validate({ spec: spec('gpu'), hosts: hosts('cluster') });
    expect(r.hosts.map((h) => h.matchingSets)).toEqual([[0, 1, 2], [2], [2]]);
    expect(r.compatible).toBe(true);
  });

  it('evaluates only the sets --tags selects', () => {
    const r = validate({ spec: spec('gpu'), hosts: hosts('arm-server'), tags: ['hopper', 'ampere'] });
    expect(r.sets.map((s) => s.tag)).toEqual(['hopper', 'ampere']);
    expect(r.hosts[0]!.results).toHaveLength(2);
    expect(r.compatible).toBe(false);
  });

  it('rejects --tags that select no set, naming the tags there are', () => {
    expect(() => validate({ spec: spec('gpu'), hosts: hosts('arm-server'), tags: ['hoper'] })).toThrow(
      InputError,
    );
    expect(() => validate({ spec: spec('gpu'), hosts: hosts('arm-server'), tags: ['hoper'] })).toThrow(
      '`tags` hoper selects no compatibility set (tags in the spec: hopper, ampere, cpu)',
    );
  });

  it('rejects an empty host list', () => {
    expect(() => validate({ spec: spec('gpu'), hosts: [] })).toThrow(InputError);
  });

  it('names the node in an evaluation error when there are several', () => {
    const bad = parseSpec(
      'version: v1alpha1\ncompatibilities:\n- tag: t\n  rules:\n  - name: os\n    matchFeatures:\n    - feature: system.osrelease\n      matchExpressions:\n        VERSION_ID: {op: Gt, value: ["22"]}\n',
      'bad.yaml',
    );
    expect(() => validate({ spec: bad, hosts: hosts('cluster') })).toThrow(EvaluationError);
    expect(() => validate({ spec: bad, hosts: hosts('cluster') })).toThrow(
      'node "gpu-node-01": compatibility set #1 (tag "t"), rule "os": feature system.osrelease, element "VERSION_ID": not a number "22.04"',
    );
  });
});
