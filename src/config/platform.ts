// Platforms as OCI image indexes name them (`linux/amd64`, `linux/arm64/v8`): which sets apply to
// which platform manifest, and the file name `generate --out-dir` gives each platform's spec.

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

export function parsePlatform(text: string): Platform | undefined {
  const m = /^([a-z0-9]+)\/([a-z0-9_]+)(?:\/([a-z0-9]+))?$/.exec(text.trim());
  if (!m) return undefined;
  return { os: m[1]!, architecture: m[2]!, ...(m[3] ? { variant: m[3] } : {}) };
}

export function formatPlatform(p: Platform): string {
  return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}

/** arm64 images without a variant are v8 (the OCI image-index convention). */
function variantOf(p: Platform): string | undefined {
  return p.variant ?? (p.architecture === 'arm64' ? 'v8' : undefined);
}

/**
 * Whether a set declared for `wanted` applies to the platform manifest `actual`: same os and
 * architecture, and the same variant when the set names one.
 */
export function platformMatches(wanted: string, actual: string): boolean {
  const w = parsePlatform(wanted);
  const a = parsePlatform(actual);
  if (!w || !a) return wanted === actual;
  if (w.os !== a.os || w.architecture !== a.architecture) return false;
  return w.variant === undefined || w.variant === variantOf(a);
}

/** `linux/arm64/v8` -> `linux-arm64-v8.yaml`. */
export function platformFileName(platform: string): string {
  return `${platform.replace(/\//g, '-')}.yaml`;
}
