// The collectors on the fixture trees (real kernel file formats): what each host must report.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { collectHostFeatures, type HostFeatures } from '../../src/features/index.js';
import { attrs, flags, h100NvidiaSmi, instances, tree } from './helpers.js';

describe('H100 GPU server', () => {
  let host: HostFeatures;
  let smi: ReturnType<typeof h100NvidiaSmi>;
  beforeAll(async () => {
    smi = h100NvidiaSmi();
    host = await collectHostFeatures({ hostRoot: tree('h100-server'), runProgram: smi });
  });

  it('names the host from its /etc/hostname', () => {
    expect(host.hostname).toBe('gpu-h100-01');
    expect(attrs(host.features, 'system.name')).toEqual({ nodename: 'gpu-h100-01' });
  });

  it('reports the CPU with NFD names, vendor and decimal family/model', () => {
    const f = flags(host.features, 'cpu.cpuid')!;
    for (const n of [
      'AVX512F',
      'AVX512FP16',
      'AMXTILE',
      'AVXVNNI',
      'SSE42',
      'SSE4',
      'FMA3',
      'X87',
      'CMPXCHG8',
      'LAHF',
    ]) {
      expect(f).toContain(n);
    }
    expect(f).toEqual(expect.arrayContaining(['X86_64_V1', 'X86_64_V2', 'X86_64_V3', 'X86_64_V4']));
    // cpuinfo names that NFD never emits
    for (const n of ['SSE4_2', 'PNI', 'CONSTANT_TSC', 'FMA', 'sse4_2']) expect(f).not.toContain(n);
    expect(attrs(host.features, 'cpu.model')).toEqual({
      vendor_id: 'Intel',
      family: '6',
      id: '143',
      hypervisor: 'none',
    });
    expect(attrs(host.features, 'cpu.topology')).toEqual({
      hardware_multithreading: 'true',
      socket_count: '2',
    });
    expect(attrs(host.features, 'cpu.cstate')).toEqual({ enabled: 'true' });
    expect(attrs(host.features, 'cpu.pstate')).toEqual({
      status: 'active',
      turbo: 'true',
      scaling_governor: 'performance',
    });
    expect(attrs(host.features, 'cpu.rdt')).toEqual({
      RDTMON: 'true',
      RDTCMT: 'true',
      RDTMBM: 'true',
      RDTL3CA: 'true',
      RDTL3CA_NUM_CLOSID: '15',
      RDTL2CA: 'true',
      RDTMBA: 'true',
    });
  });

  it('reads the kernel: version, config from /boot, loaded and builtin modules, kvm', () => {
    expect(attrs(host.features, 'kernel.version')).toEqual({
      full: '5.15.0-125-generic',
      major: '5',
      minor: '15',
      revision: '0',
    });
    const config = attrs(host.features, 'kernel.config')!;
    expect(config.VFIO_PCI).toBe('m');
    expect(config.NO_HZ_IDLE).toBe('y');
    expect(config.HZ).toBe('250');
    expect(config.LOCALVERSION).toBe('');
    expect(config.CC_VERSION_TEXT).toBe('x86_64-linux-gnu-gcc-11 (Ubuntu 11.4.0-1ubuntu1~22.04) 11.4.0');
    expect(config).not.toHaveProperty('PREEMPT');
    const loaded = flags(host.features, 'kernel.loadedmodule')!;
    expect(loaded).toEqual(expect.arrayContaining(['nvidia', 'mlx5_core', 'vfio_pci']));
    expect(loaded).not.toContain('vfio-pci');
    expect(loaded).not.toContain('loop');
    expect(flags(host.features, 'kernel.enabledmodule')).toEqual(
      expect.arrayContaining(['nvidia', 'loop', 'crc32c-intel', 'pcieportdrv']),
    );
    expect(attrs(host.features, 'kernel.kvm')).toEqual({ enabled: 'true' });
    expect(attrs(host.features, 'kernel.selinux')).toEqual({ enabled: 'false' });
  });

  it('lists PCI devices with NFD attributes, SR-IOV on the PF and the IOMMU group type', () => {
    const pci = instances(host.features, 'pci.device')!;
    expect(pci).toHaveLength(10);
    const h100 = pci.filter((d) => d.vendor === '10de');
    expect(h100).toHaveLength(2);
    expect(h100[0]).toEqual({
      class: '0302',
      vendor: '10de',
      device: '2330',
      subsystem_vendor: '10de',
      subsystem_device: '16c1',
      'iommu_group/type': 'DMA',
      'iommu/intel-iommu/version': '1:0',
    });
    const pf = pci.find((d) => d.device === '101d')!;
    expect(pf.sriov_totalvfs).toBe('8');
    expect(pci.filter((d) => d.device === '101e').every((d) => !('sriov_totalvfs' in d))).toBe(true);
  });

  it('splits network interfaces into devices (with SR-IOV counts) and virtual ones', () => {
    expect(instances(host.features, 'network.device')).toEqual([
      {
        name: 'ens1f0np0',
        operstate: 'up',
        speed: '100000',
        mtu: '9000',
        sriov_numvfs: '2',
        sriov_totalvfs: '8',
      },
      { name: 'ens1f0v0', operstate: 'up', speed: '100000', mtu: '9000' },
      { name: 'ibp75s0', operstate: 'up', speed: '400000', mtu: '4092' },
    ]);
    expect(instances(host.features, 'network.virtual')).toEqual([
      { name: 'docker0', operstate: 'down', mtu: '1500' },
      { name: 'lo', operstate: 'unknown', mtu: '65536' },
    ]);
  });

  it('reports the GPUs with driver, NUMA node and what nvidia-smi says', () => {
    expect(instances(host.features, 'gpu.device')).toEqual([
      {
        class: '0302',
        compute_capability: '9.0',
        device: '2330',
        driver: 'nvidia',
        driver_version: '550.127.05',
        memory_mib: '81559',
        model: 'NVIDIA H100 80GB HBM3',
        numa_node: '0',
        vendor: '10de',
      },
      expect.objectContaining({ numa_node: '1', model: 'NVIDIA H100 80GB HBM3' }),
    ]);
    expect(attrs(host.features, 'gpu.count')).toEqual({ total: '2', nvidia: '2', amd: '0', intel: '0' });
    expect(smi.calls[0]!.file).toBe('nvidia-smi');
  });

  it('reports RDMA devices, memory and DMI', () => {
    expect(instances(host.features, 'rdma.device')).toEqual([
      { name: 'mlx5_0', vendor: '15b3', link_layer: 'Ethernet', state: 'ACTIVE', rate: '100' },
      { name: 'mlx5_1', vendor: '15b3', link_layer: 'InfiniBand', state: 'ACTIVE', rate: '400' },
    ]);
    expect(attrs(host.features, 'memory.numa')).toEqual({ is_numa: 'true', node_count: '2' });
    expect(attrs(host.features, 'memory.hugepages')).toEqual({
      enabled: 'true',
      'hugepages-2Mi': '1024',
      'hugepages-1Gi': '8',
    });
    expect(attrs(host.features, 'memory.swap')).toEqual({ enabled: 'false' });
    expect(attrs(host.features, 'system.dmiid')).toMatchObject({
      sys_vendor: 'Supermicro',
      product_name: 'SYS-821GE-TNHR',
    });
    expect(instances(host.features, 'usb.device')).toEqual([
      { class: '03', vendor: '046b', device: 'ff10' },
      { class: '03', vendor: '046b', device: 'ff10' },
      { class: '09', vendor: '1d6b', device: '0002', serial: '0000:00:14.0' },
    ]);
    expect(attrs(host.features, 'system.libc')).toEqual({ name: 'glibc', version: '2.35' });
    expect(host.unavailable).toEqual([]);
  });

  it('without an injected runner does not run nvidia-smi against a host root, and says so', async () => {
    const h = await collectHostFeatures({ hostRoot: tree('h100-server') });
    expect(instances(h.features, 'gpu.device')![0]).not.toHaveProperty('model');
    expect(instances(h.features, 'gpu.device')![0]!.driver_version).toBe('550.127.05');
    expect(h.unavailable).toEqual([
      { source: 'gpu.device (nvidia-smi)', reason: 'programs are not run against a host root' },
    ]);
  });
});

describe('Arm server', () => {
  let host: HostFeatures;
  beforeAll(async () => {
    host = await collectHostFeatures({ hostRoot: tree('arm-server') });
  });

  it('maps the aarch64 Features line, with no x86 flags or levels', () => {
    const f = flags(host.features, 'cpu.cpuid')!;
    expect(f).toEqual(
      expect.arrayContaining(['ASIMD', 'AESARM', 'ATOMICS', 'CRC32', 'FP', 'SHA2', 'ASIMDDP']),
    );
    expect(f.some((n) => n.startsWith('X86_64') || n === 'SSE2' || n === 'AVX')).toBe(false);
    expect(attrs(host.features, 'cpu.model')).toEqual({
      vendor_id: 'ARM',
      family: String((0x3 << 4) | 0xf),
      id: String((0xd0c << 4) | 1),
      hypervisor: 'none',
    });
  });

  it('reads /proc/config.gz before /boot/config-<release>', () => {
    const config = attrs(host.features, 'kernel.config')!;
    expect(config.ARM64).toBe('y');
    expect(config).not.toHaveProperty('FROM_BOOT');
  });

  it('reports SR-IOV capable but unconfigured, swap, 4 hugepage sizes, identity IOMMU', () => {
    expect(instances(host.features, 'network.device')).toEqual([
      {
        name: 'enP12p1s0f0np0',
        operstate: 'up',
        speed: '25000',
        mtu: '1500',
        sriov_numvfs: '0',
        sriov_totalvfs: '8',
      },
    ]);
    expect(attrs(host.features, 'memory.swap')).toEqual({ enabled: 'true' });
    expect(attrs(host.features, 'memory.hugepages')).toEqual({
      enabled: 'true',
      'hugepages-64Ki': '0',
      'hugepages-2Mi': '512',
      'hugepages-32Mi': '0',
      'hugepages-1Gi': '0',
    });
    expect(instances(host.features, 'pci.device')![1]).toMatchObject({ 'iommu_group/type': 'identity' });
    expect(instances(host.features, 'rdma.device')).toEqual([]);
    expect(attrs(host.features, 'gpu.count')).toEqual({ total: '0', nvidia: '0', amd: '0', intel: '0' });
    expect(attrs(host.features, 'system.libc')).toEqual({ name: 'unknown', version: '' });
  });
});

describe('VM / CI container with a RHEL kernel', () => {
  let host: HostFeatures;
  beforeAll(async () => {
    host = await collectHostFeatures({ hostRoot: tree('vm') });
  });

  it('parses the RHEL kernel release', () => {
    expect(attrs(host.features, 'kernel.version')).toEqual({
      full: '4.18.0-553.el8_10.x86_64',
      major: '4',
      minor: '18',
      revision: '0',
    });
  });

  it('finds the config in /usr/lib/modules/<release>/config', () => {
    expect(attrs(host.features, 'kernel.config')).toMatchObject({ NO_HZ_FULL: 'y', HZ: '1000' });
  });

  it('leaves out what it cannot read and lists it as unavailable', () => {
    expect(host.features.flags).not.toHaveProperty(['kernel.loadedmodule']);
    expect(host.features.flags).not.toHaveProperty(['kernel.enabledmodule']);
    expect(host.features.attributes).not.toHaveProperty(['system.dmiid']);
    expect(host.unavailable.map((u) => u.source)).toEqual([
      'kernel.loadedmodule',
      'kernel.enabledmodule',
      'system.dmiid',
      'usb.device',
    ]);
    expect(host.unavailable[0]!.reason).toBe('cannot read /proc/modules: not found (ENOENT)');
  });

  it('names the hypervisor, SELinux, VERSION_ID parts and no PCI devices', () => {
    expect(attrs(host.features, 'cpu.model')!.hypervisor).toBe('msvm');
    expect(flags(host.features, 'cpu.cpuid')).toContain('HYPERVISOR');
    expect(attrs(host.features, 'kernel.selinux')).toEqual({ enabled: 'true' });
    expect(attrs(host.features, 'system.osrelease')).toMatchObject({
      ID: 'rocky',
      VERSION_ID: '8.10',
      'VERSION_ID.major': '8',
      'VERSION_ID.minor': '10',
      ID_LIKE: 'rhel centos fedora',
    });
    expect(instances(host.features, 'pci.device')).toEqual([]);
    expect(instances(host.features, 'network.device')).toEqual([]);
    expect(attrs(host.features, 'memory.hugepages')).toEqual({ enabled: 'false' });
    expect(attrs(host.features, 'kernel.kvm')).toEqual({ enabled: 'false' });
  });

  it('finds the C library through an absolute link inside the host root', () => {
    expect(attrs(host.features, 'system.libc')).toEqual({ name: 'glibc', version: '2.28' });
  });
});
