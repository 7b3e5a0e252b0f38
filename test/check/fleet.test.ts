// Fleet impact: the fixture configs' specs before and after, evaluated on the fixture fleet; each
// change excludes (or admits) exactly the expected hosts. Hosts are evaluated against the spec of
// their own architecture.
import { afterAll, describe, expect, it } from '@jest/globals';
import { rmSync } from 'node:fs';
import { fleetImpact, hostArchitecture, platformsFor } from '../../src/check/index.js';
import { loadFleet } from '../../src/commands/check.js';
import { compileForPlatforms } from '../../src/config/compile.js';
import { parseConfig } from '../../src/config/load.js';
import type { HostFeatures } from '../../src/features/snapshot.js';
import type { Spec } from '../../src/spec/types.js';
import { config, FLEET, fleetDir } from './repo.js';

const dir = fleetDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function compiled(name: string): Map<string, Spec> {
  return compileForPlatforms(parseConfig(config(name), `${name}.yaml`).config);
}

describe('the fleet', () => {
  let hosts: HostFeatures[];
  it('loads every snapshot under the folder', async () => {
    hosts = await loadFleet(dir);
    expect(hosts.map((h) => h.name).sort()).toEqual(
      [...FLEET.h100, ...FLEET.arm, ...FLEET.vms, FLEET.a100_525, FLEET.l40s_535].sort(),
    );
  });

  it('knows each host’s architecture from its features', () => {
    const arch = Object.fromEntries(hosts.map((h) => [h.name, hostArchitecture(h.features)]));
    expect(arch).toEqual({
      'gpu-h100-01': 'amd64',
      'h100-server': 'amd64',
      'arm-altra-01': 'arm64',
      graviton3: 'arm64',
      'kvm-guest': 'amd64',
      'runner-7f9c4': 'amd64',
      'a100-focal': 'amd64',
      'l40s-535': 'amd64',
    });
    expect(hostArchitecture({})).toBeUndefined();
  });

  it('a host of unknown architecture is evaluated against every platform', () => {
    expect(platformsFor(undefined, ['linux/amd64', 'linux/arm64'])).toEqual(['linux/amd64', 'linux/arm64']);
    expect(platformsFor('arm64', ['', 'linux/amd64', 'linux/arm64/v8'])).toEqual(['', 'linux/arm64/v8']);
  });

  const scenarios: Array<[string, string, string, string[], string[]]> = [
    ['raising the driver floor >=525 -> >=535', 'base', 'driver-535', [FLEET.a100_525], []],
    ['adding a module requirement (nvidia_peermem)', 'base', 'module', [FLEET.a100_525, FLEET.l40s_535], []],
    ['narrowing the kernel range to <6.5', 'base', 'kernel-narrow', ['h100-server'], []],
    ['lowering the driver floor >=550 -> >=525', 'driver-550', 'base', [], [FLEET.a100_525, FLEET.l40s_535]],
    ['no change', 'base', 'base', [], []],
  ];
  it.each(scenarios)('%s', (_, before, after, excluded, admitted) => {
    const impact = fleetImpact(compiled(before), compiled(after), hosts);
    expect(impact.excluded.sort()).toEqual(excluded.sort());
    expect(impact.admitted.sort()).toEqual(admitted.sort());
  });

  it('says which sets admit each host, before and after', () => {
    const impact = fleetImpact(compiled('base'), compiled('driver-535'), hosts);
    const byName = Object.fromEntries(impact.hosts.map((h) => [h.name, h]));
    expect(byName['graviton3']).toMatchObject({
      platforms: ['linux/arm64'],
      before: ['arm'],
      after: ['arm'],
    });
    expect(byName['a100-focal']).toMatchObject({
      before: ['gpu'],
      after: [],
      admittedBefore: true,
      admittedAfter: false,
    });
    expect(byName['kvm-guest']).toMatchObject({ admittedBefore: false, admittedAfter: false });
  });

  it('keeps an NFD evaluation error on its host (not admitted) and goes on', () => {
    // A driver_version NFD cannot read as a version ("[N/A]", as nvidia-smi prints it when the
    // driver is broken): `type: version` on it fails, so validate-node fails on that host.
    const l40s = hosts.find((h) => h.name === FLEET.l40s_535)!;
    const device = l40s.features.instances!['gpu.device']!.elements[0]!;
    const broken: HostFeatures = {
      name: 'l40s-driver-na',
      features: {
        ...l40s.features,
        instances: {
          ...l40s.features.instances,
          'gpu.device': { elements: [{ attributes: { ...device.attributes, driver_version: '[N/A]' } }] },
        },
      },
    };
    const fleet = [broken, ...hosts];
    const impact = fleetImpact(compiled('base'), compiled('driver-535'), fleet);
    const row = impact.hosts.find((h) => h.name === 'l40s-driver-na')!;
    expect(row).toMatchObject({ admittedBefore: false, admittedAfter: false, before: [], after: [] });
    expect(row.errors).toEqual([
      expect.stringMatching(/^before: .*rule "gpu\/gpu-device".*not a version "\[N\/A\]"/),
      expect.stringMatching(/^after: .*rule "gpu\/gpu-device".*not a version "\[N\/A\]"/),
    ]);
    // The check went on: every other host has its verdict, as without the broken host.
    expect(impact.hosts.map((h) => h.name)).toEqual(fleet.map((h) => h.name));
    expect(impact.excluded).toEqual([FLEET.a100_525]);
    expect(impact.hosts.filter((h) => h.errors)).toEqual([row]);
    expect(impact.hosts.find((h) => h.name === FLEET.l40s_535)).toMatchObject({
      admittedBefore: true,
      admittedAfter: true,
    });
  });

  it('a RHEL kernel (4.18.0-553.el8_10) gets a verdict, not an evaluation error', () => {
    // The kernel range compiles to NFD's integer major/minor/revision, which RHEL releases have.
    const impact = fleetImpact(compiled('base'), compiled('driver-535'), hosts);
    const rhel = impact.hosts.find((h) => h.name === 'runner-7f9c4')!;
    expect(rhel.errors).toBeUndefined();
    expect(rhel).toMatchObject({ admittedBefore: false, admittedAfter: false });
  });
});
