// The platform a host runs, and whether it can run an image's platform: the architecture must be
// the host's, and an amd64 variant (v2, v3, v4: the x86-64 microarchitecture levels) must not
// exceed the host's level, read from NFD's `cpu.cpuid` flags (X86_64_V2 ...). arm64 hosts run
// every arm64 variant. A snapshot names its arch only through the `kubernetes.io/arch` label a
// List of nodes may carry; otherwise the arch is inferred from the cpu flags, and a note says so.
import type { Features } from '../features/types.js';
import type { Platform } from './platform.js';
import { formatPlatform, normalisePlatform } from './platform.js';

export interface HostPlatform extends Platform {
  /** The x86-64 level (1-4) of an amd64 host, when its cpu flags say. */
  x86Level?: number;
  /** How the platform was learnt: this process, node labels, or inferred from cpu flags. */
  source: 'machine' | 'labels' | 'cpu flags';
}

/** The platform Node runs on, as OCI names it. */
export function hostPlatform(): Platform {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  const archMap: Record<string, string> = { x64: 'amd64', ia32: '386', arm64: 'arm64', arm: 'arm' };
  let architecture = archMap[process.arch] ?? process.arch;
  if (process.arch === 'ppc64') architecture = 'ppc64le';
  if (architecture === 'arm') {
    const v = (process.config.variables as unknown as Record<string, unknown>).arm_version;
    return { os, architecture, variant: `v${typeof v === 'string' || typeof v === 'number' ? v : '7'}` };
  }
  return normalisePlatform({ os, architecture });
}

function cpuFlags(features: Features): Record<string, unknown> {
  return features.flags?.['cpu.cpuid']?.elements ?? {};
}

/** The highest X86_64_Vn flag among the cpu flags (1 for an x86 CPU with none), else undefined. */
export function x86LevelOf(features: Features): number | undefined {
  const flags = cpuFlags(features);
  for (let level = 4; level >= 2; level--) if (`X86_64_V${level}` in flags) return level;
  return 'X86_64_V1' in flags || 'SSE2' in flags ? 1 : undefined;
}

/** The architecture the cpu flags belong to: x86 flags are amd64, the Arm HWCAPs arm64. */
export function archFromCpuFlags(features: Features): string | undefined {
  const flags = cpuFlags(features);
  if (x86LevelOf(features) !== undefined || 'SSE' in flags || 'CMOV' in flags) return 'amd64';
  if ('ASIMD' in flags || 'FP' in flags || 'ATOMICS' in flags) return 'arm64';
  return undefined;
}

/** This machine: the process's platform, with the x86-64 level of its collected cpu flags. */
export function machineHostPlatform(features: Features): HostPlatform {
  const p = hostPlatform();
  const level = p.architecture === 'amd64' ? x86LevelOf(features) : undefined;
  return { ...p, ...(level !== undefined && { x86Level: level }), source: 'machine' };
}

/**
 * A snapshot host: `kubernetes.io/os` and `kubernetes.io/arch` labels when it has them, else the
 * arch its cpu flags imply (undefined when they imply none).
 */
export function snapshotHostPlatform(
  features: Features,
  labels: Record<string, string> = {},
): HostPlatform | undefined {
  const labelled = labels['kubernetes.io/arch'];
  const architecture = labelled ?? archFromCpuFlags(features);
  if (architecture === undefined) return undefined;
  const p = normalisePlatform({ os: labels['kubernetes.io/os'] ?? 'linux', architecture });
  const level = p.architecture === 'amd64' ? x86LevelOf(features) : undefined;
  return {
    ...p,
    ...(level !== undefined && { x86Level: level }),
    source: labelled !== undefined ? 'labels' : 'cpu flags',
  };
}

/** `linux/amd64 (x86-64-v3)`. */
export function describeHost(host: HostPlatform): string {
  const base = formatPlatform(host);
  return host.x86Level !== undefined ? `${base} (x86-64-v${host.x86Level})` : base;
}

export type RunVerdict = { ok: true } | { ok: false; reason: string };

/** Whether `host` can run images built for `image`; the reason names both platforms when not. */
export function canRun(host: HostPlatform, image: Platform): RunVerdict {
  const img = normalisePlatform(image);
  const refuse = (why?: string): RunVerdict => ({
    ok: false,
    reason: `host is ${describeHost(host)}, image platform is ${formatPlatform(img)}${why ? ` (${why})` : ''}`,
  });
  if (img.os !== host.os || img.architecture !== host.architecture) return refuse();
  if (img.architecture === 'amd64' && img.variant !== undefined) {
    const m = /^v(\d+)$/.exec(img.variant);
    if (!m) return refuse(`unknown amd64 variant ${img.variant}`);
    const need = Number(m[1]);
    if (host.x86Level === undefined && need > 1) return refuse('the host x86-64 level is unknown');
    if ((host.x86Level ?? 1) < need) return refuse(`the host CPU is below x86-64-v${need}`);
  }
  if (img.architecture === 'arm' && host.variant !== undefined && img.variant !== undefined) {
    if (Number(img.variant.slice(1)) > Number(host.variant.slice(1))) return refuse();
  }
  return { ok: true };
}
