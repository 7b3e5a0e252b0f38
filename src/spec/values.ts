// How NFD reads the strings it compares: integers as Go's strconv.Atoi does, versions loosely
// (major[.minor[.patch]], optional leading v, pre-release and build dropped), patterns as RE2.
// Shared by the spec checks (static errors) and the evaluator (host values).
import { RE2JS } from 're2js';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Go's strconv.Atoi on a 64-bit platform: optional sign, ASCII digits, nothing else, int64 range. */
export function parseGoInt(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const v = BigInt(s);
  return v < INT64_MIN || v > INT64_MAX ? undefined : v;
}

const DIGITS = /^[+-]?[0-9]{1,15}$/;

/**
 * parseGoInt for comparisons, fast: up to 15 digits as a number (exact), longer as a bigint
 * (number and bigint compare exactly in JavaScript).
 */
export function parseGoIntFast(s: string): number | bigint | undefined {
  return DIGITS.test(s) ? Number(s) : parseGoInt(s);
}

const VERSION_RE = /^v?([0-9]+)(?:\.([0-9]+))?(?:\.([0-9]+))?(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

const versions = new Map<string, bigint[] | null>();

/** A loose semantic version as [major, minor, patch]; `6.8.0-45-generic` -> [6, 8, 0]. Cached. */
export function parseVersion(s: string): bigint[] | undefined {
  let v = versions.get(s);
  if (v === undefined) {
    const m = VERSION_RE.exec(s);
    v = m ? [BigInt(m[1]!), BigInt(m[2] ?? 0), BigInt(m[3] ?? 0)] : null;
    if (versions.size > 10_000) versions.clear();
    versions.set(s, v);
  }
  return v ?? undefined;
}

export function compareVersions(a: readonly bigint[], b: readonly bigint[]): -1 | 0 | 1 {
  for (let i = 0; i < 3; i++) {
    const x = a[i] ?? 0n;
    const y = b[i] ?? 0n;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

const patterns = new Map<string, RE2JS>();

/** Compiles an RE2 pattern once (cached); throws on an invalid pattern. Matching is unanchored. */
export function compileRE2(pattern: string): RE2JS {
  let re = patterns.get(pattern);
  if (!re) {
    re = RE2JS.compile(pattern);
    if (patterns.size > 10_000) patterns.clear();
    patterns.set(pattern, re);
  }
  return re;
}
