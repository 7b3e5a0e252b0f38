// The parsers behind the collectors, table-driven: cpuinfo flags and models, kernel versions,
// kconfig lines and search order, os-release, hugepage sizes, RDMA port files.
import { describe, expect, it } from '@jest/globals';
import { cpuModel, cpuidFlags, parseCpuinfo } from '../../src/features/cpu.js';
import { kconfigPaths, parseKconfig, parseKernelVersion } from '../../src/features/kernel.js';
import { LibcScan, libcOf, parseOsRelease } from '../../src/features/system.js';
import { hugepageSize } from '../../src/features/memory.js';
import { portRate, portState } from '../../src/features/rdma.js';

const V1 = 'fpu cx8 cmov mmx fxsr sse sse2 syscall lm';
const V2 = `${V1} pni ssse3 cx16 sse4_1 sse4_2 popcnt lahf_lm`;
const V3 = `${V2} avx avx2 bmi1 bmi2 f16c fma abm movbe xsave`;
const V4 = `${V3} avx512f avx512bw avx512cd avx512dq avx512vl`;

describe('cpuid flags', () => {
  it.each([
    [V1, 'X86_64_V1'],
    [V2, 'X86_64_V2'],
    [V3, 'X86_64_V3'],
    [V4, 'X86_64_V4'],
    [V3.replace(' movbe', ''), 'X86_64_V2'],
    [V4.replace(' xsave', ''), 'X86_64_V2'],
  ])('levels are cumulative up to the highest complete one', (line, top) => {
    const f = cpuidFlags({ flags: line });
    const levels = f.filter((n) => n.startsWith('X86_64_V'));
    expect(levels[levels.length - 1]).toBe(top);
    expect(levels).toEqual(
      ['X86_64_V1', 'X86_64_V2', 'X86_64_V3', 'X86_64_V4'].slice(0, Number(top.slice(-1))),
    );
  });

  it('no levels for 32-bit x86 (no lm)', () => {
    expect(cpuidFlags({ flags: V4.replace(' lm', '') }).some((n) => n.startsWith('X86_64'))).toBe(false);
  });

  it.each([
    ['pni', 'SSE3'],
    ['sse4_1', 'SSE4'],
    ['sse4_2', 'SSE42'],
    ['fma', 'FMA3'],
    ['lahf_lm', 'LAHF'],
    ['abm', 'LZCNT'],
    ['cx8', 'CMPXCHG8'],
    ['fpu', 'X87'],
    ['pclmulqdq', 'CLMUL'],
    ['aes', 'AESNI'],
    ['sha_ni', 'SHA'],
    ['avx512_vnni', 'AVX512VNNI'],
    ['avx_vnni', 'AVXVNNI'],
    ['avx512_bf16', 'AVX512BF16'],
    ['avx512_fp16', 'AVX512FP16'],
    ['amx_tile', 'AMXTILE'],
    ['xsave', 'OSXSAVE'],
  ])('%s -> %s', (cpuinfo, nfd) => {
    expect(cpuidFlags({ flags: cpuinfo })).toContain(nfd);
  });

  it('drops cpuinfo flags NFD has no name for', () => {
    expect(cpuidFlags({ flags: 'constant_tsc rep_good nopl tsc_known_freq' })).toEqual([]);
  });
});

describe('cpuinfo', () => {
  it('reads the first processor block only', () => {
    const info = parseCpuinfo(
      'processor\t: 0\nvendor_id\t: AuthenticAMD\n\nprocessor\t: 1\nvendor_id\t: GenuineIntel\n',
    );
    expect(info.vendor_id).toBe('AuthenticAMD');
  });

  it.each([
    [
      { vendor_id: 'AuthenticAMD', 'cpu family': '25', model: '17' },
      { vendor_id: 'AMD', family: '25', id: '17' },
    ],
    [
      { vendor_id: 'GenuineIntel', 'cpu family': '6', model: '143' },
      { vendor_id: 'Intel', family: '6', id: '143' },
    ],
    [
      { vendor_id: 'HygonGenuine', 'cpu family': '24', model: '2' },
      { vendor_id: 'Hygon', family: '24', id: '2' },
    ],
    [
      { vendor_id: 'Weird', 'cpu family': '1', model: '1' },
      { vendor_id: 'VendorUnknown', family: '1', id: '1' },
    ],
    [
      { 'CPU implementer': '0x41', 'CPU variant': '0x1', 'CPU part': '0xd40', 'CPU revision': '1' },
      { vendor_id: 'ARM', family: String(0x1f), id: String(0xd401) },
    ],
    [
      { 'CPU implementer': '0x4e', 'CPU variant': '0x0', 'CPU part': '0x004', 'CPU revision': '0' },
      { vendor_id: 'NVIDIA', family: String(0x0f), id: String(0x40) },
    ],
  ])('model %j', (info, model) => {
    expect(cpuModel(info)).toEqual(model);
  });
});

describe('kernel', () => {
  it.each([
    ['6.8.0-45-generic', { full: '6.8.0-45-generic', major: '6', minor: '8', revision: '0' }],
    [
      '4.18.0-553.el8_10.x86_64',
      { full: '4.18.0-553.el8_10.x86_64', major: '4', minor: '18', revision: '0' },
    ],
    ['6.1', { full: '6.1', major: '6', minor: '1', revision: '' }],
    [
      '5.14.0-427.13.1.el9_4.x86_64+rt',
      { full: '5.14.0-427.13.1.el9_4.x86_64_rt', major: '5', minor: '14', revision: '0' },
    ],
    ['weird~release', { full: 'weird_release' }],
  ])('version %s', (raw, expected) => {
    expect(parseKernelVersion(raw)).toEqual(expected);
  });

  it('keeps raw kconfig values, strips quotes, skips unset options', () => {
    expect(
      parseKconfig(
        'CONFIG_A=y\nCONFIG_B=m\nCONFIG_C=64\nCONFIG_D="text"\n# CONFIG_E is not set\nCONFIG_F=""\nnoise\n',
      ),
    ).toEqual({ A: 'y', B: 'm', C: '64', D: 'text', F: '' });
  });

  it("searches NFD's paths in NFD's order", () => {
    expect(kconfigPaths('6.8.0-1')).toEqual([
      '/proc/config.gz',
      '/usr/src/linux-6.8.0-1/.config',
      '/usr/src/linux-rt-6.8.0-1/.config',
      '/usr/src/linux/.config',
      '/usr/lib/modules/6.8.0-1/config',
      '/usr/lib/ostree-boot/config-6.8.0-1',
      '/usr/lib/kernel/config-6.8.0-1',
      '/usr/src/linux-headers-6.8.0-1/.config',
      '/lib/modules/6.8.0-1/build/.config',
      '/usr/src/linux-rt-headers-6.8.0-1/.config',
      '/boot/config-6.8.0-1',
    ]);
    expect(kconfigPaths(undefined)).toEqual(['/proc/config.gz', '/usr/src/linux/.config']);
  });
});

describe('os-release', () => {
  it.each([
    ['ID=debian\nVERSION_ID="12"\n', { ID: 'debian', VERSION_ID: '12', 'VERSION_ID.major': '12' }],
    [
      "ID='rhel'\nVERSION_ID=9.4\n",
      { ID: 'rhel', VERSION_ID: '9.4', 'VERSION_ID.major': '9', 'VERSION_ID.minor': '4' },
    ],
    ['ID=arch\nBUILD_ID=rolling\n# comment\n', { ID: 'arch', BUILD_ID: 'rolling' }],
    [
      'ID=alpine\nVERSION_ID=3.20.3\n',
      { ID: 'alpine', VERSION_ID: '3.20.3', 'VERSION_ID.major': '3', 'VERSION_ID.minor': '20' },
    ],
  ])('%j', (text, expected) => {
    expect(parseOsRelease(text)).toEqual(expected);
  });
});

describe('small formats', () => {
  it.each([
    ['hugepages-2048kB', '2Mi'],
    ['hugepages-1048576kB', '1Gi'],
    ['hugepages-64kB', '64Ki'],
    ['hugepages-32768kB', '32Mi'],
    ['hugepages-16777216kB', '16Gi'],
    ['other', undefined],
  ])('%s -> %s', (dir, size) => {
    expect(hugepageSize(dir)).toBe(size);
  });

  it.each([
    ['4: ACTIVE', 'ACTIVE'],
    ['1: DOWN', 'DOWN'],
  ])('port state %s', (raw, s) => expect(portState(raw)).toBe(s));

  it.each([
    ['100 Gb/sec (4X EDR)', '100'],
    ['2.5 Gb/sec (1X SDR)', '2.5'],
    ['400 Gb/sec (4X NDR)', '400'],
  ])('port rate %s', (raw, r) => expect(portRate(raw)).toBe(r));
});

describe('libc', () => {
  // NFD takes the last word of the banner line: old glibc banners end in `et al.` (kept as NFD does).
  it.each([
    [
      '\0GNU C Library (Debian GLIBC 2.36-9+deb12u9) stable release version 2.36.\n',
      { name: 'glibc', version: '2.36' },
    ],
    [
      '\0GNU C Library (GNU libc) release release version 2.17, by Roland McGrath et al.\n',
      { name: 'glibc', version: 'al' },
    ],
    ['\0musl libc (x86_64)\n', { name: 'musl', version: '' }],
    ['\0something else\n', { name: 'unknown', version: '' }],
  ])('%j', (text, expected) => {
    expect(libcOf(Buffer.from(text, 'latin1'))).toEqual(expected);
  });

  it.each([
    '\0GNU C Library (Debian GLIBC 2.36-9) stable release version 2.36.\n',
    'xx release version 1.0\nGNU C Library\n',
    '\0GNU C Library (GNU libc) release release version 2.17, by Roland McGrath et al.\n',
    '\0musl libc (x86_64)\n',
    'GNU C Library stable release version 2.39.',
    'musGNU C Librar\nyrelease versio\nn 9\nmusl',
    'musl\nGNU C Library release version 3.1\n',
    '\0something else\n',
  ])('the same result read piece by piece, split anywhere: %j', (text) => {
    const bytes = Buffer.from(text, 'latin1');
    const whole = libcOf(bytes);
    for (let size = 1; size <= bytes.length; size++) {
      const scan = new LibcScan();
      for (let i = 0; i < bytes.length; i += size) scan.push(bytes.subarray(i, i + size));
      expect(scan.result()).toEqual(whole);
    }
  });

  it('reads a 2 MB library with few newlines in linear time', () => {
    const big = Buffer.concat([
      Buffer.alloc(2_000_000, 0x41),
      Buffer.from('\0GNU C Library stable release version 2.39.\n'),
    ]);
    const started = Date.now();
    expect(libcOf(big)).toEqual({ name: 'glibc', version: '2.39' });
    expect(Date.now() - started).toBeLessThan(500);
  });
});
