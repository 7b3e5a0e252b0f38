// The one platform module: oras-go's platform.Match (os and arch exact, variant and os.version
// only when wanted, os.features a subset) after containerd's normalisation of what people type;
// which platforms a host runs (arch, amd64 variants by the x86-64 level, arm64 any variant); and
// a snapshot host's platform from labels, else its cpu flags.
import { describe, expect, it } from '@jest/globals';
import { canRun, snapshotHostPlatform, x86LevelOf, type HostPlatform } from '../../src/platform/host.js';
import type { Features } from '../../src/features/types.js';
import { parsePlatform, platformsMatch, type Platform } from '../../src/platform/platform.js';

const p = (text: string, over: Partial<Platform> = {}): Platform => ({ ...parsePlatform(text), ...over });

describe('platformsMatch (oras-go platform.Match)', () => {
  it.each<[string, Platform, boolean]>([
    ['linux/amd64', p('linux/amd64'), true],
    ['linux/amd64', p('linux/amd64/v3'), true], // variant compared only when wanted
    ['linux/amd64/v3', p('linux/amd64'), false],
    ['linux/amd64/v3', p('linux/amd64/v3'), true],
    ['linux/amd64/v1', p('linux/amd64'), true], // v1 is amd64's default
    ['linux/arm64', p('linux/arm64/v8'), true],
    ['linux/arm64/v8', p('linux/arm64'), true], // v8 is arm64's default
    ['linux/arm64/v9', p('linux/arm64'), false],
    ['linux/aarch64', p('linux/arm64'), true],
    ['linux/amd64', p('linux/arm64'), false],
    ['linux/amd64', p('windows/amd64'), false],
    ['linux/arm/v7', p('linux/arm/v6'), false],
    ['windows/amd64', p('windows/amd64', { 'os.version': '10.0.17763.1' }), true],
  ])('%s matches %j: %s', (wanted, offered, expected) => {
    expect(platformsMatch(parsePlatform(wanted), offered)).toBe(expected);
  });

  it('compares os.version and os.features only when wanted', () => {
    const win = p('windows/amd64', { 'os.version': '10.0.17763.1', 'os.features': ['win32k'] });
    expect(platformsMatch(p('windows/amd64', { 'os.version': '10.0.17763.1' }), win)).toBe(true);
    expect(platformsMatch(p('windows/amd64', { 'os.version': '10.0.20348.1' }), win)).toBe(false);
    expect(platformsMatch(p('windows/amd64', { 'os.features': ['win32k'] }), win)).toBe(true);
    expect(platformsMatch(p('windows/amd64', { 'os.features': ['other'] }), win)).toBe(false);
  });
});

const amd = (level?: number): HostPlatform => ({
  os: 'linux',
  architecture: 'amd64',
  ...(level !== undefined && { x86Level: level }),
  source: 'machine',
});
const arm: HostPlatform = { os: 'linux', architecture: 'arm64', source: 'machine' };

describe('canRun', () => {
  it.each<[string, HostPlatform, string, boolean]>([
    ['amd64 v3 host', amd(3), 'linux/amd64', true],
    ['amd64 v3 host', amd(3), 'linux/amd64/v2', true],
    ['amd64 v3 host', amd(3), 'linux/amd64/v3', true],
    ['amd64 v3 host', amd(3), 'linux/amd64/v4', false],
    ['amd64 host, level unknown', amd(), 'linux/amd64', true],
    ['amd64 host, level unknown', amd(), 'linux/amd64/v2', false],
    ['amd64 host', amd(4), 'linux/arm64', false],
    ['amd64 host', amd(4), 'windows/amd64', false],
    ['arm64 host', arm, 'linux/arm64', true],
    ['arm64 host', arm, 'linux/arm64/v8', true],
    ['arm64 host', arm, 'linux/arm64/v9', true],
    ['arm64 host', arm, 'linux/amd64', false],
  ])('%s runs %s: %s', (_name, host, image, expected) => {
    expect(canRun(host, parsePlatform(image)).ok).toBe(expected);
  });

  it('says both platforms when it refuses', () => {
    expect(canRun(amd(4), parsePlatform('linux/arm64'))).toEqual({
      ok: false,
      reason: 'host is linux/amd64 (x86-64-v4), image platform is linux/arm64',
    });
    expect(canRun(amd(2), parsePlatform('linux/amd64/v3'))).toMatchObject({
      reason:
        'host is linux/amd64 (x86-64-v2), image platform is linux/amd64/v3 (the host CPU is below x86-64-v3)',
    });
  });
});

const flags = (...names: string[]): Features => ({
  flags: { 'cpu.cpuid': { elements: Object.fromEntries(names.map((n) => [n, {}])) } },
});

describe('a snapshot host platform', () => {
  it('reads kubernetes.io/arch and os labels first', () => {
    expect(snapshotHostPlatform(flags('X86_64_V3'), { 'kubernetes.io/arch': 'arm64' })).toEqual({
      os: 'linux',
      architecture: 'arm64',
      source: 'labels',
    });
  });

  it.each<[string, string[], string | undefined, number | undefined]>([
    ['x86-64-v3 flags', ['SSE2', 'X86_64_V2', 'X86_64_V3'], 'amd64', 3],
    ['x86 without level flags', ['SSE2', 'CMOV'], 'amd64', 1],
    ['Arm HWCAPs', ['ASIMD', 'FP'], 'arm64', undefined],
    ['no cpu flags', [], undefined, undefined],
  ])('infers from %s', (_name, names, arch, level) => {
    const got = snapshotHostPlatform(flags(...names));
    expect(got?.architecture).toBe(arch);
    expect(got?.x86Level).toBe(level);
    if (got) expect(got.source).toBe('cpu flags');
    expect(x86LevelOf(flags(...names))).toBe(level);
  });
});
