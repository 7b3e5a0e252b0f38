// The launcher's compile cache (src/cli/compile-cache.ts): where it lives, and that a start whose
// cache folder cannot be made prints exactly what a start with one prints.
import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compileCacheDir } from '../../src/cli/compile-cache.js';
import { runCli } from '../helpers/cli.js';

describe('compileCacheDir', () => {
  it('is under XDG_CACHE_HOME when it is set (absolute)', () => {
    expect(compileCacheDir({ XDG_CACHE_HOME: '/c' }, 'linux')).toBe('/c/image-compat/compile-cache');
  });

  it('ignores a relative XDG_CACHE_HOME, as the XDG spec says', () => {
    expect(compileCacheDir({ XDG_CACHE_HOME: 'rel', HOME: '/h' }, 'linux')).not.toContain('rel');
  });

  it("is the platform's cache folder otherwise", () => {
    expect(compileCacheDir({}, 'linux')).toMatch(/\.cache\/image-compat\/compile-cache$/);
    expect(compileCacheDir({}, 'darwin')).toMatch(/Library\/Caches\/image-compat\/compile-cache$/);
  });
});

describe('the launcher', () => {
  const H100 = 'examples/hosts/h100-server.json';
  const args = ['validate', '--spec', 'examples/specs/gpu.yaml', '--features', H100, '--output', 'json'];

  it('writes the cache, and a second start with it prints the same', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ic-cc-'));
    try {
      const first = await runCli(args, { env: { XDG_CACHE_HOME: dir } });
      const second = await runCli(args, { env: { XDG_CACHE_HOME: dir } });
      expect(first.code).toBe(0);
      expect(second).toEqual(first);
      expect(readdirSync(path.join(dir, 'image-compat', 'compile-cache')).length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('starts without the cache, silently, when its folder cannot be made', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ic-cc-'));
    try {
      const file = path.join(dir, 'a-file');
      writeFileSync(file, '');
      const withCache = await runCli(args, { env: { XDG_CACHE_HOME: dir } });
      const without = await runCli(args, { env: { XDG_CACHE_HOME: file } });
      expect(without).toEqual(withCache);
      expect(existsSync(path.join(file, 'image-compat'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
