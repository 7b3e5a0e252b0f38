// Platforms `os/arch[/variant]`, the one definition for the whole project (OCI indexes, the
// config's `platforms:` and `runner:` keys, `--platform`): parsing (containerd's normalisation of
// what people type: aarch64 = arm64, arm64/v8 = arm64, amd64/v1 = amd64), printing, and matching
// an index entry the way oras-go's `platform.Match` does (which NFD uses): os and architecture
// exact, variant and os.version compared only when the wanted platform gives them, os.features a
// subset. BuildKit's attestation manifests are never a platform.
import { InputError } from '../errors.js';

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
  'os.version'?: string;
  'os.features'?: string[];
}

const ARCH_ALIASES: Record<string, string> = {
  x86_64: 'amd64',
  'x86-64': 'amd64',
  aarch64: 'arm64',
  armhf: 'arm',
  armel: 'arm',
  i386: '386',
  i686: '386',
};

/**
 * containerd's normalisation: architecture aliases, arm64 `v8` (the default) dropped, amd64 `v1`
 * dropped, arm variants as `vN` (armhf = v7, armel = v6, plain arm = v7).
 */
export function normalisePlatform(p: Platform): Platform {
  const os = p.os.toLowerCase();
  const raw = p.architecture.toLowerCase();
  const architecture = ARCH_ALIASES[raw] ?? raw;
  let variant = p.variant?.toLowerCase() ?? '';
  if (raw === 'armhf' && variant === '') variant = 'v7';
  if (raw === 'armel' && variant === '') variant = 'v6';
  if (architecture === 'arm64' && (variant === '8' || variant === 'v8' || variant === 'v8.0')) variant = '';
  if (architecture === 'arm' && variant === '') variant = 'v7';
  if (/^\d$/.test(variant)) variant = `v${variant}`;
  if (architecture === 'amd64' && variant === 'v1') variant = '';
  const rest = {
    ...(p['os.version'] !== undefined && { 'os.version': p['os.version'] }),
    ...(p['os.features'] !== undefined && { 'os.features': p['os.features'] }),
  };
  return variant === '' ? { os, architecture, ...rest } : { os, architecture, variant, ...rest };
}

const PART = /^[A-Za-z0-9_.-]+$/;

/** `os/arch[/variant]`, or undefined when the text is not one. */
export function tryParsePlatform(text: string): Platform | undefined {
  const parts = text.trim().split('/');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !PART.test(p))) return undefined;
  const [os, architecture, variant] = parts as [string, string, string?];
  return { os, architecture, ...(variant !== undefined && { variant }) };
}

/** `os/arch[/variant]` as given (not normalised); InputError when the text is not one. */
export function parsePlatform(text: string): Platform {
  const p = tryParsePlatform(text);
  if (!p) {
    throw new InputError(
      `invalid platform ${JSON.stringify(text)}`,
      {},
      'expected os/arch[/variant], e.g. linux/arm64/v8',
    );
  }
  return p;
}

export function formatPlatform(p: Platform): string {
  return [p.os, p.architecture, p.variant].filter((x) => x !== undefined && x !== '').join('/');
}

/**
 * oras-go's `platform.Match(got, want)`: `offered` (an index entry) matches `wanted` when os and
 * architecture are equal, the variant and os.version are equal where `wanted` gives them, and
 * `offered` has every os.feature `wanted` lists. Both sides are normalised first.
 */
export function platformsMatch(wanted: Platform, offered: Platform): boolean {
  const w = normalisePlatform(wanted);
  const o = normalisePlatform(offered);
  if (w.os !== o.os || w.architecture !== o.architecture) return false;
  if (w.variant !== undefined && w.variant !== (o.variant ?? defaultVariant(o.architecture))) return false;
  if (w['os.version'] !== undefined && w['os.version'] !== o['os.version']) return false;
  return (w['os.features'] ?? []).every((f) => (o['os.features'] ?? []).includes(f));
}

/** arm entries without a variant are v7 (normalisation adds it); others have none. */
function defaultVariant(architecture: string): string | undefined {
  return architecture === 'arm' ? 'v7' : undefined;
}

/** Whether a set declared for `wanted` (`os/arch[/variant]`) applies to the platform `actual`. */
export function platformMatches(wanted: string, actual: string): boolean {
  const w = tryParsePlatform(wanted);
  const a = tryParsePlatform(actual);
  if (!w || !a) return wanted === actual;
  return platformsMatch(w, a);
}

/** `linux/arm64/v8` -> `linux-arm64-v8.yaml`: the file `generate --out-dir` gives a platform's spec. */
export function platformFileName(platform: string): string {
  return `${platform.replace(/\//g, '-')}.yaml`;
}

/** BuildKit adds provenance/SBOM manifests to indexes: platform unknown/unknown, a reference-type annotation. */
export function isAttestationManifest<
  D extends { platform?: Platform; annotations?: Record<string, string> },
>(d: D): boolean {
  return (
    d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' ||
    (d.platform?.os === 'unknown' && d.platform?.architecture === 'unknown')
  );
}
