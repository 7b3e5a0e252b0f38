// Every vocabulary entry, compiled and evaluated with the real evaluator on a fixture host that
// has it and on one that lacks it: the compiled rules match real hosts' features.
import { describe, expect, it } from '@jest/globals';
import type { Requirements } from '../../src/config/types.js';
import { parseKernelVersion } from '../../src/features/kernel.js';
import type { Features } from '../../src/features/types.js';
import { configWith, host, matches, type HostName } from './hosts.js';

const cases: Array<[string, Requirements, HostName, HostName]> = [
  ['kernel.version range', { kernel: { version: '>=6.5 <6.9' } }, 'h100-server', 'vm'],
  ['kernel.version caret', { kernel: { version: '^6.1' } }, 'vm', 'old-driver'],
  ['kernel.version ||', { kernel: { version: '~5.15 || >=6.8' } }, 'old-driver', 'vm'],
  ['kernel.modules plain', { kernel: { modules: ['nvidia'] } }, 'h100-server', 'vm'],
  [
    'kernel.modules dash -> loaded vfio_pci',
    { kernel: { modules: ['vfio-pci'] } },
    'h100-server',
    'old-driver',
  ],
  [
    'kernel.modules underscore -> builtin vfio-pci',
    { kernel: { modules: ['vfio_pci'] } },
    'vm',
    'arm-server',
  ],
  ['kernel.loadedModules dash', { kernel: { loadedModules: ['vfio-pci'] } }, 'h100-server', 'vm'],
  ['kernel.config [y, m]', { kernel: { config: { VFIO_PCI: ['y', 'm'] } } }, 'h100-server', 'arm-server'],
  ['kernel.config CONFIG_ prefix', { kernel: { config: { CONFIG_VFIO_PCI: 'y' } } }, 'vm', 'h100-server'],
  ['kernel.config true', { kernel: { config: { VFIO: true } } }, 'old-driver', 'arm-server'],
  ['kernel.config n (unset)', { kernel: { config: { VFIO_PCI: 'n' } } }, 'arm-server', 'h100-server'],
  ['kernel.config number', { kernel: { config: { NR_CPUS: 8192 } } }, 'h100-server', 'vm'],
  ['cpu.vendor intel', { cpu: { vendor: 'intel' } }, 'h100-server', 'vm'],
  ['cpu.vendor GenuineIntel alias', { cpu: { vendor: 'GenuineIntel' } }, 'old-driver', 'arm-server'],
  ['cpu.vendor amd', { cpu: { vendor: 'amd' } }, 'vm', 'h100-server'],
  ['cpu.vendor arm', { cpu: { vendor: 'arm' } }, 'arm-server', 'vm'],
  ['cpu.model family/id', { cpu: { model: { family: 6, id: [143] } } }, 'h100-server', 'old-driver'],
  ['cpu.level x86-64-v2', { cpu: { level: 'x86-64-v2' } }, 'vm', 'arm-server'],
  ['cpu.level x86-64-v3', { cpu: { level: 'x86-64-v3' } }, 'vm', 'arm-server'],
  ['cpu.level x86-64-v4', { cpu: { level: 'x86-64-v4' } }, 'old-driver', 'vm'],
  ['cpu.flags cpuinfo names', { cpu: { flags: ['avx512_vnni', 'sse4_2'] } }, 'h100-server', 'vm'],
  ['cpu.flags arm64', { cpu: { flags: ['sve', 'asimd'] } }, 'arm-server', 'h100-server'],
  ['gpu any vendor (not a BMC or QEMU VGA)', { gpu: {} }, 'h100-server', 'vm'],
  ['gpu.vendor nvidia', { gpu: { vendor: 'nvidia' } }, 'old-driver', 'arm-server'],
  ['gpu.count', { gpu: { vendor: 'nvidia', count: '>=2' } }, 'h100-server', 'old-driver'],
  ['gpu.count exact', { gpu: { count: 1 } }, 'old-driver', 'h100-server'],
  ['gpu.driver', { gpu: { vendor: 'nvidia', driver: '>=535' } }, 'h100-server', 'old-driver'],
  ['gpu.driver caret', { gpu: { driver: '^550' } }, 'h100-server', 'old-driver'],
  ['gpu.computeCapability', { gpu: { computeCapability: '>=9.0' } }, 'h100-server', 'old-driver'],
  ['gpu.model', { gpu: { model: 'h100' } }, 'h100-server', 'old-driver'],
  ['gpu.memory', { gpu: { memory: '>=80000' } }, 'h100-server', 'old-driver'],
  [
    'pci vendor + class words',
    { pci: [{ vendor: 'mellanox', class: 'infiniband' }] },
    'h100-server',
    'old-driver',
  ],
  ['pci device id', { pci: [{ vendor: '0x1d0f', device: 'ec20' }] }, 'arm-server', 'vm'],
  ['sriov.vfs', { sriov: { vendor: 'mellanox', vfs: '>=16' } }, 'h100-server', 'old-driver'],
  ['sriov any vendor', { sriov: {} }, 'old-driver', 'vm'],
  ['sriov.numVfs', { sriov: { numVfs: '>=4' } }, 'h100-server', 'old-driver'],
  ['rdma: true', { rdma: true }, 'old-driver', 'vm'],
  ['rdma.linkLayer', { rdma: { linkLayer: 'infiniband' } }, 'h100-server', 'old-driver'],
  ['rdma.vendor', { rdma: { vendor: 'mellanox' } }, 'h100-server', 'arm-server'],
  ['os id + version', { os: { id: 'ubuntu', version: '>=22.04' } }, 'h100-server', 'old-driver'],
  ['os one-component version', { os: { id: 'debian', version: '>=12' } }, 'vm', 'h100-server'],
  [
    'os alternatives',
    {
      os: [
        { id: 'debian', version: '>=12' },
        { id: 'ubuntu', version: '>=24.04' },
      ],
    },
    'arm-server',
    'h100-server',
  ],
  ['memory.numa', { memory: { numa: true } }, 'h100-server', 'vm'],
  ['memory.numa false', { memory: { numa: false } }, 'vm', 'h100-server'],
  ['memory.swap false', { memory: { swap: false } }, 'h100-server', 'old-driver'],
  ['memory.hugepages1G', { memory: { hugepages1G: '>=16' } }, 'h100-server', 'vm'],
  ['memory.hugepages2M', { memory: { hugepages2M: '>=1024' } }, 'old-driver', 'h100-server'],
];

describe('vocabulary, evaluated on fixture hosts', () => {
  it.each(cases)('%s: matches the host that has it, not the one that lacks it', (_, require, has, lacks) => {
    const config = configWith(require);
    expect(matches(config, host(has))).toBe(true);
    expect(matches(config, host(lacks))).toBe(false);
  });
});

describe('NFD version semantics of compiled ranges', () => {
  // kernel.version as NFD (and our collector) reports it: full, major, minor, revision.
  const kernel = (full: string): Features => ({
    attributes: { 'kernel.version': { elements: parseKernelVersion(full) } },
  });
  it.each([
    ['<6.9', '6.8.0-45-generic', true],
    ['<6.9', '6.9.0-rc3', false], // NFD drops the pre-release: 6.9.0
    ['<6.9', '6.9.0', false],
    ['<=6.8', '6.8.12-arch1-1', true], // npm meaning: every 6.8.x
    ['>6.8', '6.8.99', false], // npm meaning: >=6.9
    ['>=5.15 <6.9', '5.15.0-119-generic', true],
    ['>=5.15 <6.9', '5.14.21-150500.55.39-default', false],
    // Four components: NFD reports no major/minor/revision, so the rule does not match (it was an
    // evaluation error with `type: version`).
    ['5.15', '5.15.153.1-microsoft-standard-WSL2', false],
    ['1.2.3 - 6.1', '6.1.99', true],
    ['=6.1.0', '6.1.0-26-cloud-amd64', true],
    ['>=4.18 <5', '4.18.0-553.el8_10.x86_64', true], // RHEL: a verdict, no longer an error
  ])('%s on kernel %s', (range, full, expected) => {
    const config = configWith({ kernel: { version: range } });
    expect(matches(config, kernel(full))).toBe(expected);
  });
});
