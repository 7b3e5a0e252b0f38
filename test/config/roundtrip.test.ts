// The example config -> per-platform specs -> YAML -> parsed spec -> evaluation on the fixture
// hosts: the verdicts an image author expects, rule by rule.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { compileForPlatforms } from '../../src/config/compile.js';
import { parseConfig } from '../../src/config/load.js';
import { serializeSpec } from '../../src/spec/serialize.js';
import { evaluateSpec, isCompatible } from '../../src/match/index.js';
import { parseSpec } from '../../src/spec/parse.js';
import { host, type HostName } from './hosts.js';

const EXAMPLE = 'examples/config/image-compat.yaml';
const specs = compileForPlatforms(parseConfig(readFileSync(EXAMPLE, 'utf8'), EXAMPLE).config);

/** set tag -> names of the rules that did not match. */
function failures(platform: string, name: HostName): Record<string, string[]> {
  const spec = parseSpec(serializeSpec(specs.get(platform)!), `${platform}.yaml`);
  const results = evaluateSpec(spec, host(name));
  return Object.fromEntries(
    results.map((r) => [r.tag!, r.rules.filter((x) => !x.isMatch).map((x) => x.name)]),
  );
}

describe('example config round trips on fixture hosts', () => {
  it('the H100 server satisfies every h100 rule', () => {
    expect(failures('linux/amd64', 'h100-server')).toEqual({ h100: [], 'cpu-fallback': [] });
  });

  it('the older-driver A100 host fails exactly the rules it should', () => {
    expect(failures('linux/amd64', 'old-driver')).toEqual({
      h100: [
        'h100/kernel-modules', // vfio_pci not loaded, not builtin
        'h100/gpu-device', // A100, driver 525, compute capability 8.0
        'h100/rdma', // RoCE (Ethernet), not InfiniBand
        'h100/os', // Ubuntu 20.04
        'h100/memory-numa',
        'h100/memory-hugepages', // 2 MiB pages only
      ],
      'cpu-fallback': ['no-swap'],
    });
  });

  it('the VM: AMD, no GPU, QEMU VGA is not a GPU; the fallback set matches', () => {
    expect(failures('linux/amd64', 'vm')).toEqual({
      h100: [
        'h100/kernel-modules', // no nvidia (vfio-pci is built in: that part matches)
        'h100/gpu', // QEMU's VGA (1234:1111, class 0300) is not a GPU vendor's
        'h100/gpu-device',
        'h100/sriov',
        'h100/rdma',
        'h100/os', // Debian 12
        'h100/memory-numa',
        'h100/memory-hugepages',
      ],
      'cpu-fallback': [],
    });
  });

  it('the ARM server on the arm64 spec: grace fails on the GPU only', () => {
    expect(failures('linux/arm64', 'arm-server')).toEqual({
      grace: ['grace/gpu', 'grace/gpu-device'],
      'cpu-fallback': [],
    });
  });

  it.each<[string, HostName, boolean]>([
    ['linux/amd64', 'h100-server', true],
    ['linux/amd64', 'vm', true],
    ['linux/amd64', 'old-driver', false],
    ['linux/arm64', 'arm-server', true],
  ])('%s on %s: compatible = %s', (platform, name, expected) => {
    expect(isCompatible(evaluateSpec(specs.get(platform)!, host(name)))).toBe(expected);
  });
});
