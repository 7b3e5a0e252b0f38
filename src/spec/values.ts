// How NFD reads the strings it compares: integers as Go's strconv.Atoi does, versions as
// Masterminds/semver v3 coerces them (see parseVersion), patterns as RE2.
// Shared by the spec checks (static errors) and the evaluator (host values).
//
// re2js (272 KiB) loads on the first pattern compiled, not with this module: most specs have no
// regular expression, and a start that does not need it should not compile it. Every caller of
// compileRE2 is synchronous (the spec checks, the evaluator, the template functions), so the engine
// is required synchronously: from node_modules when running from the sources, from the file the
// bundle writes beside its chunks (scripts/bundle.mjs, `__RE2JS_FILE__`) in dist/.
import { createRequire } from 'node:module';
import type { RE2JS } from 're2js';

declare const __RE2JS_FILE__: string | undefined;
const RE2JS_MODULE = typeof __RE2JS_FILE__ === 'string' ? __RE2JS_FILE__ : 're2js';

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

// Masterminds/semver v3 NewVersion (CoerceNewVersion, the default) as NFD's extractVersion uses
// it: the loose pattern anchored at both ends, each part a uint64 (leading zeros allowed), the
// pre-release validated (no empty part, no leading zero in a numeric part) and then cleared, the
// build metadata ignored. So `6.8.0-45-generic` is 6.8.0, `1.2.3-01` is not a version.
const VERSION_RE =
  /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;
const UINT64_MAX = 2n ** 64n - 1n;

function versionOf(s: string): bigint[] | null {
  const m = VERSION_RE.exec(s);
  if (!m) return null;
  const parts = [m[1]!, m[2]?.slice(1) ?? '0', m[3]?.slice(1) ?? '0'].map((p) => BigInt(p));
  if (parts.some((p) => p > UINT64_MAX)) return null;
  const pre = m[5];
  if (pre !== undefined && pre.split('.').some((p) => /^[0-9]+$/.test(p) && p.length > 1 && p[0] === '0'))
    return null;
  return parts;
}

const versions = new Map<string, bigint[] | null>();

/** A version as NFD compares it: [major, minor, patch] (pre-release cleared); undefined if NFD rejects it. Cached. */
export function parseVersion(s: string): bigint[] | undefined {
  let v = versions.get(s);
  if (v === undefined) {
    v = versionOf(s);
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
let engine: typeof RE2JS | undefined;

/**
 * The RE2 engine could not be loaded (a broken install, a bundle without its re2js file). Not a
 * pattern error: the callers of compileRE2 that turn its errors into "invalid regexp" rethrow it.
 */
export class RegexEngineError extends Error {}

/** The RE2 engine, loaded on first use. */
function re2(): typeof RE2JS {
  try {
    engine ??= (createRequire(import.meta.url)(RE2JS_MODULE) as { RE2JS: typeof RE2JS }).RE2JS;
  } catch (err) {
    const why = (err as Error).message.split('\n')[0];
    throw new RegexEngineError(`cannot load the RE2 engine (${RE2JS_MODULE}): ${why}`);
  }
  return engine;
}

/** Rethrows an error that is not the pattern's fault (the engine did not load). */
export function rethrowEngineError(err: unknown): void {
  if (err instanceof RegexEngineError) throw err;
}

/**
 * Compiles an RE2 pattern once (cached); throws on an invalid pattern (and RegexEngineError when
 * the engine cannot be loaded). Matching is unanchored.
 */
export function compileRE2(pattern: string): RE2JS {
  let re = patterns.get(pattern);
  if (!re) {
    re = re2().compile(pattern);
    if (patterns.size > 10_000) patterns.clear();
    patterns.set(pattern, re);
  }
  return re;
}

/** Plain text, optionally anchored at either end: characters that RE2 reads as themselves only. */
const LITERAL = /^(\^?)([A-Za-z0-9_\-/:=,@%# ]*)(\$?)$/;

/**
 * An RE2 pattern that is plain text (`^AVX512`, `nvidia`, `-generic$`) as the test RE2's
 * unanchored match makes of it, without the engine: such a pattern is always valid, and most
 * patterns of specs (element names by prefix) are of this kind, so that evaluating and checking
 * them loads no engine. Undefined for any other pattern (`^6\.`, `a.b`, `(?i)x`): compileRE2.
 */
export function literalPattern(pattern: string): ((s: string) => boolean) | undefined {
  const m = typeof pattern === 'string' ? LITERAL.exec(pattern) : null;
  if (!m) return undefined;
  const text = m[2]!;
  const start = m[1] !== '';
  const end = m[3] !== '';
  if (start && end) return (s) => s === text;
  if (start) return (s) => s.startsWith(text);
  if (end) return (s) => s.endsWith(text);
  return (s) => s.includes(text);
}
