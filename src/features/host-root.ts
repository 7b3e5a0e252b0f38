// The host whose features we collect: paths under a root directory (`/` on the host itself, a
// host's root mounted into a container, or a fixture tree). Every read goes through here, so a
// test can inject read errors without relying on file permissions (tests run as root).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputError } from '../errors.js';
import { LIMITS } from '../io/limits.js';
import { readBytesSync, readChunksSync } from '../io/read.js';

/** The file-system calls the collectors use; injectable for tests. */
export interface HostFs {
  readFileSync(p: string): Buffer;
  readdirSync(p: string): string[];
  readlinkSync(p: string): string;
  statSync(p: string): fs.Stats;
  /** The file piece by piece (a view valid during the call); without it, readFileSync whole. */
  readChunksSync?(p: string, each: (chunk: Buffer) => void): void;
}

export const nodeHostFs: HostFs = {
  // Bounded: a host file that never ends (a device, a loop of links) stops at the cap.
  readFileSync: (p) => readBytesSync(p, { maxBytes: LIMITS.hostFile, rawErrors: true }),
  readdirSync: (p) => fs.readdirSync(p),
  readlinkSync: (p) => fs.readlinkSync(p),
  statSync: (p) => fs.statSync(p),
  readChunksSync: (p, each) => readChunksSync(p, { maxBytes: LIMITS.hostFile, rawErrors: true }, each),
};

/** A feature source that could not be read, and why. */
export interface UnavailableSource {
  source: string;
  reason: string;
}

export class HostRoot {
  readonly unavailable: UnavailableSource[] = [];

  constructor(
    /** Absolute directory holding the host's /proc, /sys, /etc...; '' means the real root. */
    readonly dir = '',
    readonly fs: HostFs = nodeHostFs,
  ) {}

  /** True when reading a mounted host or a fixture tree rather than this machine. */
  get isSet(): boolean {
    return this.dir !== '';
  }

  /** The real path of a host path such as `/proc/modules`. */
  path(hostPath: string): string {
    return this.dir ? path.join(this.dir, hostPath) : hostPath;
  }

  readText(hostPath: string): string {
    return this.readBytes(hostPath).toString('utf8');
  }

  readBytes(hostPath: string): Buffer {
    try {
      // Under a host root, an absolute link (NixOS's /etc/os-release) must stay inside it.
      return this.fs.readFileSync(this.path(this.isSet ? this.resolveLink(hostPath) : hostPath));
    } catch (err) {
      throw withHostPath(err, hostPath);
    }
  }

  /** readBytes piece by piece (for a large file searched, not kept); the same paths and errors. */
  readChunks(hostPath: string, each: (chunk: Buffer) => void): void {
    try {
      const p = this.path(this.isSet ? this.resolveLink(hostPath) : hostPath);
      if (this.fs.readChunksSync) this.fs.readChunksSync(p, each);
      else each(this.fs.readFileSync(p));
    } catch (err) {
      throw withHostPath(err, hostPath);
    }
  }

  /** A sysfs attribute: trimmed text, or undefined when it cannot be read. */
  readAttr(hostPath: string): string | undefined {
    try {
      return this.readText(hostPath).trim();
    } catch {
      return undefined;
    }
  }

  /** Directory entries, sorted as Go's os.ReadDir sorts them (by name). */
  list(hostPath: string): string[] {
    // Dot files never appear in sysfs or procfs; fixture trees use them to keep empty folders.
    return this.fs
      .readdirSync(this.path(hostPath))
      .filter((n) => !n.startsWith('.'))
      .sort();
  }

  /** The last component of a link's target (a driver name, a device address), or undefined. */
  linkName(hostPath: string): string | undefined {
    try {
      return path.basename(this.fs.readlinkSync(this.path(hostPath)));
    } catch {
      return undefined;
    }
  }

  /**
   * Follow a final symbolic link inside the host root: an absolute target such as
   * `/lib64/libc-2.28.so` means the host's file, not this container's.
   */
  resolveLink(hostPath: string): string {
    let p = hostPath;
    for (let i = 0; i < 40; i++) {
      let target: string;
      try {
        target = this.fs.readlinkSync(this.path(p));
      } catch {
        return p;
      }
      p = path.posix.isAbsolute(target) ? target : path.posix.join(path.posix.dirname(p), target);
    }
    return p;
  }

  /** stat() following links: false for missing paths and dangling links. */
  exists(hostPath: string): boolean {
    try {
      this.fs.statSync(this.path(hostPath));
      return true;
    } catch {
      return false;
    }
  }

  isDir(hostPath: string): boolean {
    try {
      return this.fs.statSync(this.path(hostPath)).isDirectory();
    } catch {
      return false;
    }
  }

  /** The host name: the mounted host's /etc/hostname, else this machine's. */
  hostname(): string {
    if (this.isSet) {
      const name =
        this.readAttr('/etc/hostname')?.split('\n')[0]?.trim() || this.readAttr('/proc/sys/kernel/hostname');
      if (name) return name;
      return 'unknown';
    }
    return os.hostname();
  }

  /** Record a source that could not be read; its feature stays absent. */
  markUnavailable(source: string, reason: string | unknown): void {
    this.unavailable.push({ source, reason: typeof reason === 'string' ? reason : describeError(reason) });
  }

  /** Turn an error on a real path back into a message naming the host path. */
  describe(err: unknown): string {
    return describeError(err, this.dir);
  }
}

const CODES: Record<string, string> = {
  ENOENT: 'not found',
  ENOTDIR: 'not a directory',
  EISDIR: 'is a directory, not a file',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EINVAL: 'invalid argument',
  ELOOP: 'too many levels of symbolic links',
  EIO: 'input/output error',
};

/** Errors from node:fs do not always carry the path (EISDIR on read): remember the host path. */
function withHostPath(err: unknown, hostPath: string): unknown {
  if (err && typeof err === 'object' && typeof (err as NodeJS.ErrnoException).code === 'string') {
    (err as { hostPath?: string }).hostPath = hostPath;
  }
  return err;
}

/** A short reason for an error: `cannot read /proc/modules: not found (ENOENT)`. */
export function describeError(err: unknown, rootDir = ''): string {
  const e = err as NodeJS.ErrnoException;
  if (e && typeof e === 'object' && typeof e.code === 'string') {
    let where = (e as { hostPath?: string }).hostPath ?? e.path ?? '';
    if (rootDir && where.startsWith(rootDir)) where = where.slice(rootDir.length) || '/';
    const what = CODES[e.code] ?? e.code;
    return `cannot read ${where || 'path'}: ${what} (${e.code})`;
  }
  return err instanceof Error ? err.message : String(err);
}

/**
 * The host root from `--host-root` or IMAGE_COMPAT_HOST_ROOT (the flag wins); '' when neither
 * is set or the value is `/`. A root that is not a directory is bad input.
 */
export function resolveHostRoot(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const raw = flag ?? env.IMAGE_COMPAT_HOST_ROOT ?? '';
  if (raw === '') return '';
  const dir = path.resolve(raw);
  if (dir === '/') return '';
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch {
    throw new InputError(
      `host root ${raw} does not exist`,
      {},
      'give the directory where the host root is mounted',
    );
  }
  if (!st.isDirectory()) throw new InputError(`host root ${raw} is not a directory`);
  return dir;
}
