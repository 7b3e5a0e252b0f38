// The words authors write in a config (`nvidia`, `intel`, `x86-64-v3`, `vfio-pci`, `sse4_2`) and what
// NFD's feature sources really report for them. Every entry here is a promise that the compiled rule
// matches a real host: NFD's vendor strings come from klauspost/cpuid, PCI ids and classes from sysfs.

/** PCI vendor ids as sysfs reports them (`/sys/bus/pci/devices/*\/vendor`, `0x` stripped). */
export const PCI_VENDORS: Readonly<Record<string, string>> = {
  nvidia: '10de',
  amd: '1002',
  ati: '1002',
  intel: '8086',
  mellanox: '15b3',
  broadcom: '14e4',
  qlogic: '1077',
  marvell: '1d6a',
  chelsio: '1425',
  solarflare: '1924',
  pensando: '1dd8',
  habana: '1da3',
  xilinx: '10ee',
  huawei: '19e5',
  amazon: '1d0f',
  google: '1ae0',
  redhat: '1af4',
  virtio: '1af4',
};

/** GPU vendors: the PCI vendor id and the key of our `gpu.count` attribute. */
export const GPU_VENDORS: Readonly<Record<string, { pci: string; countKey?: string }>> = {
  nvidia: { pci: '10de', countKey: 'nvidia' },
  amd: { pci: '1002', countKey: 'amd' },
  intel: { pci: '8086', countKey: 'intel' },
};

/** PCI classes (first 4 hex digits) of display controllers: VGA, 3D (datacenter GPUs), other. */
export const GPU_PCI_CLASSES = ['0300', '0302', '0380'] as const;

/** PCI classes of network controllers, for `pci.class` words. */
export const PCI_CLASSES: Readonly<Record<string, string>> = {
  ethernet: '0200',
  infiniband: '0207',
  vga: '0300',
  '3d': '0302',
  display: '0380',
  nvme: '0108',
  accelerator: '1200',
};

/**
 * `cpu.model.vendor_id` as NFD reports it: klauspost/cpuid's Vendor names, not the CPUID vendor
 * string (`GenuineIntel`, `AuthenticAMD`) that /proc/cpuinfo shows.
 */
export const CPU_VENDORS: Readonly<Record<string, string>> = {
  intel: 'Intel',
  genuineintel: 'Intel',
  amd: 'AMD',
  authenticamd: 'AMD',
  hygon: 'Hygon',
  hygongenuine: 'Hygon',
  arm: 'ARM',
  ampere: 'Ampere',
  nvidia: 'NVIDIA',
  qualcomm: 'Qualcomm',
  fujitsu: 'Fujitsu',
  cavium: 'Cavium',
  marvell: 'Marvell',
  broadcom: 'Broadcom',
  apple: 'Apple',
  via: 'VIA',
  centaurhauls: 'VIA',
};

/** Every vendor_id value NFD can report (the right-hand side of CPU_VENDORS). */
export const NFD_CPU_VENDOR_IDS = [...new Set(Object.values(CPU_VENDORS))].sort();

/** CPUID vendor strings that NFD never reports (lint warns on them in raw rules). */
export const CPUID_VENDOR_STRINGS: Readonly<Record<string, string>> = {
  GenuineIntel: 'Intel',
  AuthenticAMD: 'AMD',
  HygonGenuine: 'Hygon',
  CentaurHauls: 'VIA',
};

/**
 * x86-64 micro-architecture levels as cpu.cpuid flags, each level's additions over the previous
 * one (NFD's names, from klauspost/cpuid's X64Level). We compile to these underlying flags, not to
 * the `X86_64_V3` flags the newest NFD adds, so that older NFD releases match too.
 */
export const X86_64_LEVEL_FLAGS: Readonly<Record<'v2' | 'v3' | 'v4', readonly string[]>> = {
  v2: ['CX16', 'LAHF', 'POPCNT', 'SSE3', 'SSE4', 'SSE42', 'SSSE3'],
  v3: ['AVX', 'AVX2', 'BMI1', 'BMI2', 'F16C', 'FMA3', 'LZCNT', 'MOVBE', 'OSXSAVE'],
  v4: ['AVX512BW', 'AVX512CD', 'AVX512DQ', 'AVX512F', 'AVX512VL'],
};

export const CPU_LEVELS = ['x86-64-v2', 'x86-64-v3', 'x86-64-v4'] as const;
export type CpuLevel = (typeof CPU_LEVELS)[number];

/** All flags a level implies (its own and the lower levels'), sorted. */
export function levelFlags(level: CpuLevel): string[] {
  const order = ['v2', 'v3', 'v4'] as const;
  const upto = order.indexOf(level.slice('x86-64-'.length) as 'v2');
  return order
    .slice(0, upto + 1)
    .flatMap((l) => X86_64_LEVEL_FLAGS[l])
    .sort();
}

/** /proc/cpuinfo flag names that NFD spells differently (the rest are simply upper-cased). */
export const CPUINFO_TO_NFD: Readonly<Record<string, string>> = {
  pni: 'SSE3',
  sse4_1: 'SSE4',
  sse4_2: 'SSE42',
  fma: 'FMA3',
  lahf_lm: 'LAHF',
  abm: 'LZCNT',
  cx8: 'CMPXCHG8',
  fpu: 'X87',
  pclmulqdq: 'CLMUL',
  aes: 'AESNI',
  sha_ni: 'SHA',
  avx512_vnni: 'AVX512VNNI',
  avx_vnni: 'AVXVNNI',
  avx512_bf16: 'AVX512BF16',
  avx512_fp16: 'AVX512FP16',
  avx512_vbmi2: 'AVX512VBMI2',
  avx512_bitalg: 'AVX512BITALG',
  avx512_vpopcntdq: 'AVX512VPOPCNTDQ',
  avx512vbmi: 'AVX512VBMI',
  avx512ifma: 'AVX512IFMA',
  amx_tile: 'AMXTILE',
  amx_bf16: 'AMXBF16',
  amx_int8: 'AMXINT8',
  vpclmulqdq: 'VPCLMULQDQ',
  // arm64 /proc/cpuinfo "Features"
  asimd: 'ASIMD',
  asimddp: 'ASIMDDP',
  asimdhp: 'ASIMDHP',
  asimdrdm: 'ASIMDRDM',
  atomics: 'ATOMICS',
  sha2: 'SHA2',
  sha3: 'SHA3',
  sha512: 'SHA512',
  fphp: 'FPHP',
};

/** A CPU flag as NFD's cpu.cpuid names it. */
export function normaliseCpuFlag(flag: string): string {
  const lower = flag.trim().toLowerCase();
  // hasOwn: a flag named `constructor` is not Object's (found by test/fuzz)
  return (
    (Object.hasOwn(CPUINFO_TO_NFD, lower) ? CPUINFO_TO_NFD[lower] : undefined) ?? flag.trim().toUpperCase()
  );
}

/**
 * A kernel module as /proc/modules lists it: the kernel turns `-` into `_` in module names, so
 * `vfio-pci` is loaded as `vfio_pci`.
 */
export function normaliseModule(name: string): string {
  return name.trim().replace(/-/g, '_');
}

/** Kernel config option without the `CONFIG_` prefix, as NFD's kernel.config keys are. */
export function normaliseKconfig(name: string): string {
  return name.trim().replace(/^CONFIG_/, '');
}

/** OS ids as /etc/os-release spells them, for did-you-mean hints (lowercase, no spaces). */
export const KNOWN_OS_IDS = [
  'ubuntu',
  'debian',
  'rhel',
  'centos',
  'rocky',
  'almalinux',
  'fedora',
  'ol',
  'amzn',
  'sles',
  'opensuse-leap',
  'opensuse-tumbleweed',
  'alpine',
  'arch',
  'flatcar',
  'cos',
  'bottlerocket',
  'talos',
  'photon',
  'azurelinux',
  'mariner',
  'rhcos',
];

/** What people write for an OS id that /etc/os-release spells otherwise. */
export const OS_ID_ALIASES: Readonly<Record<string, string>> = {
  redhat: 'rhel',
  'red-hat': 'rhel',
  rocky: 'rocky',
  rockylinux: 'rocky',
  alma: 'almalinux',
  oracle: 'ol',
  oraclelinux: 'ol',
  amazon: 'amzn',
  amazonlinux: 'amzn',
  suse: 'sles',
};

/** RDMA link layers as /sys/class/infiniband/<dev>/ports/<n>/link_layer spells them. */
export const RDMA_LINK_LAYERS: Readonly<Record<string, string>> = {
  infiniband: 'InfiniBand',
  ib: 'InfiniBand',
  ethernet: 'Ethernet',
  roce: 'Ethernet',
};
