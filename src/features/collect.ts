// Collect every feature source of a host into one NFD Features object, with the sources that
// could not be read. This is the public entry point of the room (see index.ts).
import type { Features } from './types.js';
import { HostRoot, type HostFs, type UnavailableSource } from './host-root.js';
import { mergeFeatures, sortFeatures } from './feature-set.js';
import { runProgram as defaultRunProgram, type RunProgram } from './program.js';
import * as cpu from './cpu.js';
import * as kernel from './kernel.js';
import * as pci from './pci.js';
import * as usb from './usb.js';
import * as network from './network.js';
import * as memory from './memory.js';
import * as storage from './storage.js';
import * as system from './system.js';
import * as gpu from './gpu.js';
import * as rdma from './rdma.js';

export interface CollectOptions {
  /** Directory holding the host's /proc, /sys, /etc...; unset or '' reads this machine. */
  hostRoot?: string;
  /**
   * Runs external programs (nvidia-smi). Defaults to a real runner without a host root and to
   * none with one; pass a fake to test.
   */
  runProgram?: RunProgram;
  /** Timeout for each external program, in milliseconds (default 10 s). */
  programTimeoutMs?: number;
  /** File-system calls, for tests that inject read errors. */
  fs?: HostFs;
}

export interface HostFeatures {
  features: Features;
  unavailable: UnavailableSource[];
  hostname: string;
}

/** The NFD sources, in the order NFD lists them, then ours. */
export const SOURCES = [
  'cpu',
  'kernel',
  'memory',
  'network',
  'pci',
  'storage',
  'system',
  'usb',
  'gpu',
  'rdma',
];

export async function collectHostFeatures(opts: CollectOptions = {}): Promise<HostFeatures> {
  const root = new HostRoot(opts.hostRoot ?? '', opts.fs);
  const run = opts.runProgram ?? (root.isSet ? undefined : defaultRunProgram);
  const parts: Features[] = [];
  const guard = async (source: string, f: () => Features | Promise<Features>): Promise<void> => {
    // A collector bug must not take the others down: the source becomes unavailable.
    try {
      parts.push(await f());
    } catch (err) {
      root.markUnavailable(source, `collector failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  await guard('cpu', () => cpu.collect(root));
  await guard('kernel', () => kernel.collect(root));
  await guard('memory', () => memory.collect(root));
  await guard('network', () => network.collect(root));
  await guard('pci', () => pci.collect(root));
  await guard('storage', () => storage.collect(root));
  await guard('system', () => system.collect(root));
  await guard('usb', () => usb.collect(root));
  await guard('gpu', () => gpu.collect(root, { runProgram: run, timeoutMs: opts.programTimeoutMs }));
  await guard('rdma', () => rdma.collect(root));
  return {
    features: sortFeatures(mergeFeatures(parts)),
    unavailable: root.unavailable,
    hostname: root.hostname(),
  };
}
