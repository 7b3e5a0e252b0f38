// Platforms `os/arch[/variant]`: parsing, the host's platform, and matching index entries the
// way containerd does (architectures and variants normalised: aarch64 = arm64, arm64 = arm64/v8,
// amd64/v1 = amd64). BuildKit's attestation manifests are never a platform.
import { InputError } from '../errors.js';
import type { Descriptor, Platform } from './types.js';

const ARCH_ALIASES: Record<string, string> = {
  x86_64: 'amd64',
  'x86-64': 'amd64',
  aarch64: 'arm64',
  armhf: 'arm',
  armel: 'arm',
  i386: '386',
  i686: '386',
};

/** Normalised `{os, architecture, variant}` so equal platforms compare equal. */
export function normalisePlatform(p: Platform): Platform {
  const os = p.os.toLowerCase();
  const raw = p.architecture.toLowerCase();
  const architecture = ARCH_ALIASES[raw] ?? raw;
  let variant = p.variant?.toLowerCase() ?? '';
  if (raw === 'armhf' && variant === '') variant = 'v7';
  if (raw === 'armel' && variant === '') variant = 'v6';
  if (architecture === 'arm64' && (variant === '' || variant === '8')) variant = 'v8';
  if (architecture === 'arm' && variant === '') variant = 'v7';
  if (architecture === 'arm' && /^\d$/.test(variant)) variant = `v${variant}`;
  if (architecture === 'amd64' && variant === 'v1') variant = '';
  return variant === '' ? { os, architecture } : { os, architecture, variant };
}

export function parsePlatform(text: string): Platform {
  const parts = text.trim().split('/');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !/^[A-Za-z0-9_.-]+$/.test(p))) {
    throw new InputError(
      `invalid platform ${JSON.stringify(text)}`,
      {},
      'expected os/arch[/variant], e.g. linux/arm64/v8',
    );
  }
  const [os, architecture, variant] = parts as [string, string, string?];
  return { os, architecture, ...(variant !== undefined && { variant }) };
}

export function formatPlatform(p: Platform): string {
  return [p.os, p.architecture, p.variant].filter((x) => x !== undefined && x !== '').join('/');
}

export function platformsMatch(wanted: Platform, offered: Platform): boolean {
  const a = normalisePlatform(wanted);
  const b = normalisePlatform(offered);
  return a.os === b.os && a.architecture === b.architecture && (a.variant ?? '') === (b.variant ?? '');
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

/** BuildKit adds provenance/SBOM manifests to indexes: platform unknown/unknown, a reference-type annotation. */
export function isAttestationManifest(d: Descriptor): boolean {
  return (
    d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' ||
    (d.platform?.os === 'unknown' && d.platform?.architecture === 'unknown')
  );
}
