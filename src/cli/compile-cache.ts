// Node's compile cache for the CLI (module.enableCompileCache, Node 22.1+): the folder is
// image-compat/compile-cache under the user's cache folder (XDG_CACHE_HOME or ~/.cache on Linux,
// ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows). Node creates it, keys its entries by the
// file's content and its own version, and stays off when the folder cannot be made or written
// (or NODE_DISABLE_COMPILE_CACHE is set): a start without the cache is only slower.
import module from 'node:module';
import { homedir } from 'node:os';
import path from 'node:path';

/** The folder the compile cache lives in, or undefined when this user has no home to put it. */
export function compileCacheDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string | undefined {
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME))
    return path.join(env.XDG_CACHE_HOME, 'image-compat', 'compile-cache');
  if (platform === 'win32' && env.LOCALAPPDATA)
    return path.join(env.LOCALAPPDATA, 'image-compat', 'Cache', 'compile-cache');
  let home: string;
  try {
    home = homedir();
  } catch {
    return undefined;
  }
  if (!home) return undefined;
  return platform === 'darwin'
    ? path.join(home, 'Library', 'Caches', 'image-compat', 'compile-cache')
    : path.join(home, '.cache', 'image-compat', 'compile-cache');
}

export function enableCompileCache(): void {
  const dir = compileCacheDir();
  if (dir === undefined || typeof module.enableCompileCache !== 'function') return;
  try {
    module.enableCompileCache(dir);
  } catch {
    // an unusable folder: start without the cache
  }
}
