// `runner:` as a label, a list or a map from platform: plan routes each platform through the map;
// a platform of the set without a key is a lint error; one label list serving several
// architectures without an architecture label is a lint warning.
import { describe, expect, it } from '@jest/globals';
import { checkConfigDocument } from '../../src/config/load.js';
import { planMatrix } from '../../src/config/plan.js';
import { isArchLabel } from '../../src/config/runner.js';
import type { ImageCompatConfig } from '../../src/config/types.js';
import { lintSource } from '../../src/lint/index.js';
import { parseSource } from '../../src/spec/document.js';

const config = (runner: string, platforms = '[linux/amd64, linux/arm64]') =>
  `version: 1\nplatforms: ${platforms}\ncompatibilities:\n  - name: gpu\n    runner: ${runner}\n    require: { kernel: { version: '>=5.4' } }\n`;

const issues = (text: string) =>
  checkConfigDocument(parseSource(text, 'c.yaml')).diagnostics.map((d) => ({
    severity: d.severity,
    message: d.message,
    line: d.position.line,
  }));

describe('runner', () => {
  it('plan routes each platform through a runner map (exact key, or a key that matches the platform)', () => {
    const c: ImageCompatConfig = {
      version: 1,
      platforms: ['linux/amd64', 'linux/arm64/v8'],
      compatibilities: [
        { name: 'gpu', runner: { 'linux/amd64': ['ubuntu-latest'], 'linux/arm64': 'ubuntu-24.04-arm' } },
      ],
    };
    expect(planMatrix(c).map((e) => [e.id, e.platform, e['runs-on']])).toEqual([
      ['gpu-linux-amd64', 'linux/amd64', ['ubuntu-latest']],
      ['gpu-linux-arm64-v8', 'linux/arm64/v8', ['ubuntu-24.04-arm']],
    ]);
  });

  it.each<[string, string, Array<{ severity: string; message: RegExp }>]>([
    ['a map with every platform', '{linux/amd64: [ubuntu-latest], linux/arm64: [ubuntu-24.04-arm]}', []],
    [
      'a map missing a platform',
      '{linux/amd64: [ubuntu-latest]}',
      [{ severity: 'error', message: /no key for platform linux\/arm64/ }],
    ],
    [
      'one list for two architectures',
      '[self-hosted, gpu]',
      [{ severity: 'warning', message: /serves amd64 and arm64 with no architecture label/ }],
    ],
    [
      'one label for two architectures',
      'ubuntu-latest',
      [{ severity: 'warning', message: /serves amd64 and arm64/ }],
    ],
    ['one list with an architecture label', '[self-hosted, gpu, X64]', []],
    [
      'the same list under two keys',
      '{linux/amd64: [gpu], linux/arm64: [gpu]}',
      [{ severity: 'warning', message: /serves amd64 and arm64/ }],
    ],
    [
      'a key that is not a platform of the set',
      '{linux/amd64: [a], linux/arm64: [b], linux/s390x: [c]}',
      [{ severity: 'warning', message: /linux\/s390x is not a platform of the set/ }],
    ],
  ])('%s', (_name, runner, expected) => {
    const got = issues(config(runner));
    expect(got).toEqual(
      expected.map((e) =>
        expect.objectContaining({ severity: e.severity, message: expect.stringMatching(e.message), line: 5 }),
      ),
    );
  });

  it('lint reports the missing key as an error at the runner line', () => {
    const result = lintSource(config('{linux/amd64: [ubuntu-latest]}'), 'c.yaml');
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'error', message: 'runner has no key for platform linux/arm64' }),
    );
  });

  it('a map of platforms needs platforms', () => {
    expect(issues(config('{linux/amd64: [a]}', '[]').replace('platforms: []\n', ''))).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: 'runner is a map of platforms, but the set has no platforms',
      }),
    ]);
  });

  it.each([
    ['X64', true],
    ['ARM64', true],
    ['aarch64', true],
    ['amd64', true],
    ['ubuntu-24.04-arm', true],
    ['ubuntu-latest', false],
    ['gpu-h100', false],
  ])('%s is an architecture label: %s', (label, expected) => {
    expect(isArchLabel(label)).toBe(expected);
  });
});
