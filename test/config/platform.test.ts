import { describe, expect, it } from '@jest/globals';
import { compileConfig } from '../../src/config/compile.js';
import {
  platformFileName,
  platformMatches,
  tryParsePlatform as parsePlatform,
} from '../../src/platform/platform.js';

describe('platforms', () => {
  it.each<[string, string, boolean]>([
    ['linux/amd64', 'linux/amd64', true],
    ['linux/arm64', 'linux/arm64/v8', true],
    ['linux/arm64/v8', 'linux/arm64', true], // arm64 without a variant is v8
    ['linux/arm/v7', 'linux/arm/v6', false],
    ['linux/arm', 'linux/arm/v7', true],
    ['linux/amd64', 'linux/arm64', false],
    ['linux/amd64', 'windows/amd64', false],
  ])('a set for %s applies to %s: %s', (wanted, actual, expected) => {
    expect(platformMatches(wanted, actual)).toBe(expected);
  });

  it('parses and names files', () => {
    expect(parsePlatform('linux/arm64/v8')).toEqual({ os: 'linux', architecture: 'arm64', variant: 'v8' });
    expect(parsePlatform('linux')).toBeUndefined();
    expect(platformFileName('linux/arm64/v8')).toBe('linux-arm64-v8.yaml');
    expect(platformFileName('linux/amd64')).toBe('linux-amd64.yaml');
  });

  it('warns when an x86-64 level is required on another architecture', () => {
    const { issues } = compileConfig({
      version: 1,
      platforms: ['linux/amd64', 'linux/arm64'],
      compatibilities: [{ name: 'a', require: { cpu: { level: 'x86-64-v3' } } }],
    });
    expect(issues).toEqual([
      {
        severity: 'warning',
        message: 'x86-64-v3 never matches on linux/arm64',
        path: ['compatibilities', 0, 'require', 'cpu', 'level'],
        hint: 'give this set platforms: [linux/amd64]',
      },
    ]);
  });
});
