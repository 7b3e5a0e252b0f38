// The validation room without a registry: the scrubbed NodeFeature (no node name, serials, UUIDs,
// MAC addresses, GUIDs), the salted machine id, the predicate and its schema file, the gate's
// durations and verdicts (failed, too old, dated in the future), the fleet's one host per machine,
// and the report's link from each cell to its record.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { renderMarkdown } from '../../src/report/markdown.js';
import { mergeReports } from '../../src/report/merge.js';
import { hostFingerprint, saltedMachineId } from '../../src/validation/fingerprint.js';
import { fleetFromPredicates } from '../../src/validation/fleet.js';
import { parseDuration as parseMaxAge } from '../../src/io/duration.js';
import { judgeSets } from '../../src/validation/gate.js';
import { buildValidationStatement, runUrlFromGitHubEnv } from '../../src/validation/predicate.js';
import type { ValidationPredicate } from '../../src/validation/predicate.js';
import type { ValidationRecord } from '../../src/validation/records.js';
import { predicateProblems, validationPredicateSchema } from '../../src/validation/schema.js';
import { scrubbedNodeFeature, scrubFeatures } from '../../src/validation/scrub.js';
import { parseRunnerLabels } from '../../src/commands/attest.js';
import type { Features } from '../../src/features/types.js';
import { report } from '../helpers/reports.js';

const features: Features = {
  flags: {
    'kernel.loadedmodule': { elements: { nvidia: {} } },
    'cpu.cpuid': { elements: { SERIALIZE: {} } },
  },
  attributes: {
    'kernel.config': { elements: { SERIAL_8250: 'y', NUMA: 'y' } },
    'system.name': { elements: { nodename: 'gpu-node-17.corp.example' } },
    'system.dmiid': {
      elements: {
        sys_vendor: 'Supermicro',
        product_name: 'SYS-821GE',
        product_serial: 'S123456X',
        product_uuid: '4c4c4544-0035-4810-8047-b4c04f4d3732',
        board_serial: 'BS-99',
        chassis_asset_tag: 'A-17',
      },
    },
    'kernel.version': { elements: { full: '6.8.0-45-generic', major: '6' } },
  },
  instances: {
    'network.device': {
      elements: [
        { attributes: { name: 'eth0', operstate: 'up', address: '0c:42:a1:de:ad:01', speed: '100000' } },
      ],
    },
    'rdma.device': {
      elements: [{ attributes: { name: 'mlx5_0', node_guid: '0c42:a103:00de:ad01', state: 'ACTIVE' } }],
    },
    'usb.device': { elements: [{ attributes: { class: '03', vendor: '046d', serial: 'USB-SERIAL-1' } }] },
    'gpu.device': {
      elements: [{ attributes: { vendor: '10de', driver_version: '550.54.15', compute_capability: '9.0' } }],
    },
  },
};

describe('scrubbing', () => {
  it('drops the node name, serials, UUIDs, asset tags, MAC addresses and GUIDs; keeps what rules read', () => {
    const s = scrubFeatures(features);
    const text = JSON.stringify(s);
    for (const secret of [
      'gpu-node-17',
      'S123456X',
      '4c4c4544',
      'BS-99',
      'A-17',
      '0c:42:a1',
      '0c42:a103',
      'USB-SERIAL-1',
    ])
      expect(text).not.toContain(secret);
    expect(s.attributes?.['system.name']).toBeUndefined();
    expect(s.attributes?.['system.dmiid']?.elements).toEqual({
      sys_vendor: 'Supermicro',
      product_name: 'SYS-821GE',
    });
    expect(s.instances?.['network.device']?.elements[0]?.attributes).toEqual({
      name: 'eth0',
      operstate: 'up',
      speed: '100000',
    });
    expect(s.instances?.['gpu.device']?.elements[0]?.attributes.compute_capability).toBe('9.0');
    expect(s.flags?.['kernel.loadedmodule']?.elements).toEqual({ nvidia: {} });
    // Features whose names only look like identifiers stay: rules read them.
    expect(s.flags?.['cpu.cpuid']?.elements).toEqual({ SERIALIZE: {} });
    expect(s.attributes?.['kernel.config']?.elements).toEqual({ SERIAL_8250: 'y', NUMA: 'y' });
    const nf = scrubbedNodeFeature(features, 'machine-abc');
    expect(nf.metadata).toEqual({ name: 'machine-abc', labels: {} });
  });

  it('the fingerprint: the hardware summary without host name, a salted machine id, the hostname only when asked', () => {
    const id = '0123456789abcdef0123456789abcdef';
    const fp = hostFingerprint(features, { machineId: id, salt: 'registry.example/app' });
    expect(fp.hardware.host).toBe('');
    expect(fp.hardware.gpus[0]).toMatchObject({ driverVersion: '550.54.15', computeCapability: '9.0' });
    expect(fp.machineId).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(fp.machineId).not.toContain(id);
    expect(fp.machineId).toBe(saltedMachineId(id, 'registry.example/app'));
    expect(saltedMachineId(id, 'other/repo')).not.toBe(fp.machineId);
    expect(fp.hostname).toBeUndefined();
    expect(hostFingerprint(features, { salt: 's', hostname: 'gpu-node-17' }).hostname).toBe('gpu-node-17');
  });
});

function predicate(over: Partial<ValidationPredicate> = {}, compatible = true): ValidationPredicate {
  const statement = buildValidationStatement({
    image: { name: 'registry.example/app', digest: `sha256:${'a'.repeat(64)}`, platform: 'linux/amd64' },
    artifactDigest: `sha256:${'b'.repeat(64)}`,
    results: [{ tag: 'h100', rules: [{ name: 'driver', isMatch: compatible }] }],
    sets: [{ index: 0, tag: 'h100' }],
    host: {
      ...hostFingerprint(features, { salt: 's' }),
      nodeFeature: scrubbedNodeFeature(features, 'host-1'),
    },
    version: '1.2.3',
    runner: { name: 'gpu-runner-1', labels: ['self-hosted', 'h100'] },
    runUrl: 'https://github.com/acme/app/actions/runs/1',
    time: new Date('2026-11-20T10:00:00Z'),
  });
  return { ...statement.predicate, ...over };
}

const verified = (p: ValidationPredicate, digest = `sha256:${'c'.repeat(64)}`): ValidationRecord => ({
  verified: true,
  digest,
  predicate: p,
  signer: { kind: 'key', hint: 'k' },
});

describe('the predicate', () => {
  it('fits its schema, and schemas/validation.v1.json is the schema object', () => {
    const p = predicate();
    expect(predicateProblems(p)).toBeUndefined();
    expect(p.sets[0]).toMatchObject({ tag: 'h100', compatible: true });
    expect(predicateProblems({ ...p, time: 'yesterday' })).toMatch(/\/time/);
    expect(predicateProblems({ ...p, sets: undefined })).toMatch(/sets/);
    expect(JSON.parse(readFileSync('schemas/validation.v1.json', 'utf8'))).toEqual(
      JSON.parse(JSON.stringify(validationPredicateSchema)),
    );
  });

  it('a host that cannot run the platform fails every set', () => {
    const statement = buildValidationStatement({
      image: { name: 'r/app', digest: `sha256:${'a'.repeat(64)}` },
      artifactDigest: `sha256:${'b'.repeat(64)}`,
      results: [{ tag: 'h100', rules: [{ name: 'driver', isMatch: true }] }],
      sets: [{ index: 0, tag: 'h100' }],
      refusal: 'host is linux/arm64, image platform is linux/amd64',
      host: { ...hostFingerprint(features, { salt: 's' }), nodeFeature: scrubbedNodeFeature(features, 'h') },
      version: '1',
      time: new Date(),
    });
    expect(statement.predicate.compatible).toBe(false);
    expect(statement.predicate.sets[0]!.compatible).toBe(false);
  });

  it('the run URL from the Actions variables; runner labels as JSON or a list', () => {
    expect(
      runUrlFromGitHubEnv({ GITHUB_REPOSITORY: 'acme/app', GITHUB_RUN_ID: '42', GITHUB_RUN_ATTEMPT: '2' }),
    ).toBe('https://github.com/acme/app/actions/runs/42/attempts/2');
    expect(runUrlFromGitHubEnv({})).toBeUndefined();
    expect(parseRunnerLabels('["self-hosted", "gpu"]')).toEqual(['self-hosted', 'gpu']);
    expect(parseRunnerLabels('"ubuntu-24.04"')).toEqual(['ubuntu-24.04']);
    expect(parseRunnerLabels('self-hosted, gpu')).toEqual(['self-hosted', 'gpu']);
    expect(() => parseRunnerLabels('[1, 2]')).toThrow(/JSON array of strings/);
    expect(() => parseRunnerLabels('[oops')).toThrow(/not JSON/);
    // The message names the setting (src/settings.ts): --runner-labels in the CLI, `runner-labels` in the action.
    expect(() => parseRunnerLabels('[oops')).toThrow(/^`runner-labels`: not JSON: \[oops$/);
  });
});

describe('the gate', () => {
  it('parses durations', () => {
    expect(parseMaxAge('30d')).toBe(30 * 86_400_000);
    expect(parseMaxAge('1d12h')).toBe(36 * 3_600_000);
    expect(parseMaxAge('2w')).toBe(14 * 86_400_000);
    expect(parseMaxAge('90m')).toBe(90 * 60_000);
    for (const bad of ['', '30', 'd', '30 days', '-1d', '1.5d'])
      expect(() => parseMaxAge(bad, '--max-age')).toThrow(/--max-age .*expected a duration/);
  });

  const now = new Date('2026-12-01T00:00:00Z');
  it('the newest passing record within the age satisfies a set; failed, old, future and unverified do not', () => {
    const pass = verified(predicate());
    expect(judgeSets([pass], ['h100'], { now, maxAgeMs: parseMaxAge('30d') })[0]).toMatchObject({
      satisfied: true,
      record: pass.digest,
    });
    expect(judgeSets([pass], ['h100'], { now, maxAgeMs: parseMaxAge('5d') })[0]!.reason).toMatch(
      /older than the maximum age/,
    );
    expect(judgeSets([verified(predicate({}, false))], ['h100'], { now })[0]!.reason).toMatch(/failed it/);
    expect(
      judgeSets([verified(predicate({ time: '2026-12-02T00:00:00Z' }))], ['h100'], { now })[0]!.reason,
    ).toMatch(/in the future/);
    const rejected: ValidationRecord = {
      verified: false,
      digest: `sha256:${'d'.repeat(64)}`,
      class: 'policy',
      reason: 'wrong-key',
      message: 'x',
    };
    expect(judgeSets([rejected], ['h100'], { now })[0]!.reason).toMatch(/1 record\(s\) not verified/);
    expect(judgeSets([pass], ['a100'], { now })[0]).toEqual({
      set: 'a100',
      satisfied: false,
      reason: 'no validation of this set',
    });
    // A failed newer record does not hide an older pass.
    const newerFail = verified(
      predicate({ time: '2026-11-25T00:00:00Z' }, false),
      `sha256:${'e'.repeat(64)}`,
    );
    expect(judgeSets([newerFail, pass], ['h100'], { now })[0]!.satisfied).toBe(true);
  });
});

describe('the fleet from records', () => {
  it('one host per machine id (the newest record), one per distinct features otherwise, names unique', () => {
    const a = predicate({ time: '2026-11-01T00:00:00Z' });
    a.host = { ...a.host, machineId: `sha256:${'1'.repeat(64)}` };
    const a2 = { ...a, time: '2026-11-02T00:00:00Z' };
    const b = predicate();
    const c = predicate();
    c.host = {
      ...c.host,
      nodeFeature: scrubbedNodeFeature({ ...features, flags: {} }, 'host-1'),
    };
    const hosts = fleetFromPredicates([a, a2, b, b, c]);
    expect(hosts.map((h) => h.name)).toEqual(['host-1', 'host-1-2', 'host-1-3']);
    expect(hosts).toHaveLength(3);
  });
});

describe('the report', () => {
  it('links each cell to its validation record', () => {
    const digest = `sha256:${'f'.repeat(64)}`;
    const merged = mergeReports(
      [
        { file: 'a.json', report: report('h100', 'gpu-1', true, { attestation: digest }) },
        { file: 'b.json', report: report('h100', 'gpu-2', true) },
      ],
      'all',
    );
    expect(merged.rows[0]!.cells.map((c) => c.attestation)).toEqual([digest, undefined]);
    const md = renderMarkdown(merged);
    expect(md).toContain(`· record \`sha256:ffffffffffff\``);
    expect(md).toContain('### Validation records');
    expect(md).toContain(`- h100 (linux/amd64) on gpu-1: \`registry.example/app@${digest}\``);
  });
});
