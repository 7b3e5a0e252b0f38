// Semver-style ranges (`>=5.15 <6.9`, `^535`, `~1.2`, `1.2 - 1.4`, `>=22.04 || >=9.2 <10`) turned
// into NFD match expressions. NFD has no `||` inside one expression, so each `||` alternative
// becomes one `matchAny` element. Partial versions follow npm's semver meaning (`<=6.8` is every
// 6.8.x, so `<6.9`; `>6.8` is `>=6.9`).
//
// NFD's `type: version` parses both sides loosely and drops the pre-release part: the host kernel
// `6.8.0-45-generic` compares as 6.8.0 and `6.9.0-rc3` as 6.9.0. So `<6.9` excludes 6.9.0-rc3 (it
// is 6.9.0 to NFD), and a bound cannot name a pre-release or a distribution's ABI number: we refuse
// `-`/`+` in bounds rather than emit a rule that means something else.
import type { MatchExpression } from '../spec/types.js';

export interface Bound {
  /** Numeric components, zero-padded to 3. */
  parts: [number, number, number];
  /** Text written into the spec (at least two components: `535.0`, `22.04`, `6.8.1`). */
  text: string;
  inclusive: boolean;
}

/** One `||` alternative: the host value must lie between lo and hi (either may be open). */
export interface Interval {
  lo?: Bound;
  hi?: Bound;
}

export class RangeSyntaxError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

interface Version {
  parts: number[];
  texts: string[];
}

const VERSION_RE = /^v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?$/;

function parseVersion(token: string, whole: string): Version | undefined {
  if (/[-+]/.test(token.replace(/^v/, ''))) {
    throw new RangeSyntaxError(
      `"${token}" in "${whole}" has a pre-release or build part; NFD drops it when it compares versions`,
      `write ${token.replace(/[-+].*$/, '')}`,
    );
  }
  const m = VERSION_RE.exec(token);
  if (!m) {
    if (/^v?\d+(\.\d+){3,}$/.test(token)) {
      throw new RangeSyntaxError(`"${token}" in "${whole}" has more than three components`);
    }
    throw new RangeSyntaxError(
      `"${token}" in "${whole}" is not a version`,
      'write e.g. 5.15, 535.104 or 22.04',
    );
  }
  const parts: number[] = [];
  const texts: string[] = [];
  for (const c of m.slice(1)) {
    if (c === undefined || /^[xX*]$/.test(c)) break;
    parts.push(Number(c));
    texts.push(c);
  }
  return parts.length ? { parts, texts } : undefined;
}

function pad(parts: number[]): [number, number, number] {
  return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0];
}

function bound(v: Version, inclusive: boolean): Bound {
  const texts = [...v.texts];
  while (texts.length < 2) texts.push('0');
  return { parts: pad(v.parts), text: texts.join('.'), inclusive };
}

/** The next version after every `v.x` (npm's partial semantics): 1.2 -> 1.3, 1 -> 2, 1.2.3 -> 1.2.4. */
function bump(v: Version, at: number): Version {
  const parts = v.parts.slice(0, at + 1);
  parts[at] = (parts[at] ?? 0) + 1;
  return { parts, texts: parts.map(String) };
}

export function compareParts(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function tighterLo(a: Bound | undefined, b: Bound): Bound {
  if (!a) return b;
  const c = compareParts(a.parts, b.parts);
  if (c !== 0) return c > 0 ? a : b;
  return a.inclusive ? b : a;
}

function tighterHi(a: Bound | undefined, b: Bound): Bound {
  if (!a) return b;
  const c = compareParts(a.parts, b.parts);
  if (c !== 0) return c < 0 ? a : b;
  return a.inclusive ? b : a;
}

/** Parses a range into its `||` alternatives; throws RangeSyntaxError with a hint on bad syntax. */
export function parseRange(input: string | number): Interval[] {
  const whole = String(input).trim();
  if (!whole) throw new RangeSyntaxError('empty version range', 'write e.g. ">=5.15" or "^535"');
  return whole.split('||').map((alt) => parseAlternative(alt.trim(), whole));
}

function parseAlternative(alt: string, whole: string): Interval {
  if (!alt) throw new RangeSyntaxError(`empty alternative in "${whole}"`);
  const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(alt);
  const out: Interval = {};
  const addLo = (b: Bound) => (out.lo = tighterLo(out.lo, b));
  const addHi = (b: Bound) => (out.hi = tighterHi(out.hi, b));
  if (hyphen) {
    const a = parseVersion(hyphen[1]!, whole);
    const b = parseVersion(hyphen[2]!, whole);
    if (a) addLo(bound(a, true));
    if (b) addHi(b.parts.length === 3 ? bound(b, true) : bound(bump(b, b.parts.length - 1), false));
  } else {
    const tokens = alt.replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1').split(/\s+/);
    for (const token of tokens) {
      const m = /^(>=|<=|>|<|=|\^|~>?|)(.*)$/.exec(token)!;
      const op = m[1]!;
      if (!m[2]) throw new RangeSyntaxError(`"${token}" in "${whole}" has no version after "${op}"`);
      const v = parseVersion(m[2], whole);
      if (!v) {
        if (op === '<' || op === '>') throw new RangeSyntaxError(`"${token}" in "${whole}" can never match`);
        continue; // `*`, `x`, `>=x`: any version
      }
      const p = v.parts.length;
      switch (op) {
        case '>=':
          addLo(bound(v, true));
          break;
        case '>':
          addLo(p === 3 ? bound(v, false) : bound(bump(v, p - 1), true));
          break;
        case '<':
          addHi(bound(v, false));
          break;
        case '<=':
          addHi(p === 3 ? bound(v, true) : bound(bump(v, p - 1), false));
          break;
        case '~':
        case '~>':
          addLo(bound(v, true));
          addHi(bound(bump(v, p >= 2 ? 1 : 0), false));
          break;
        case '^': {
          addLo(bound(v, true));
          const [a, b] = v.parts;
          const at = a! > 0 || p === 1 ? 0 : b! > 0 || p === 2 ? 1 : 2;
          addHi(bound(bump(v, at), false));
          break;
        }
        default: // `=1.2.3` or `1.2`: that version, or every version it names
          addLo(bound(v, true));
          addHi(p === 3 ? bound(v, true) : bound(bump(v, p - 1), false));
      }
    }
  }
  if (out.lo && out.hi) {
    const c = compareParts(out.lo.parts, out.hi.parts);
    if (c > 0 || (c === 0 && !(out.lo.inclusive && out.hi.inclusive))) {
      throw new RangeSyntaxError(`"${alt}" can never match: its lower bound is above its upper bound`);
    }
  }
  return out;
}

/**
 * The expressions (on one key) that together test a version against an interval. One expression
 * when NFD has an op for it (Ge, Lt, GeLe, GtLt); two when the bounds mix inclusive and exclusive
 * (`>=5.15 <6.9` is Ge 5.15 and Lt 6.9): the caller puts them in two terms of the same feature.
 * An open interval (`*`) is `Exists`.
 */
export function versionExpressions(iv: Interval): MatchExpression[] {
  const { lo, hi } = iv;
  const v = (op: MatchExpression['op'], ...value: string[]): MatchExpression => ({
    op,
    value,
    type: 'version',
  });
  if (!lo && !hi) return [{ op: 'Exists' }];
  if (lo && !hi) return [v(lo.inclusive ? 'Ge' : 'Gt', lo.text)];
  if (!lo && hi) return [v(hi.inclusive ? 'Le' : 'Lt', hi.text)];
  if (lo!.inclusive && hi!.inclusive) {
    // NFD refuses GeLe with equal bounds; an exact version is two terms.
    if (compareParts(lo!.parts, hi!.parts) === 0) return [v('Ge', lo!.text), v('Le', hi!.text)];
    return [v('GeLe', lo!.text, hi!.text)];
  }
  if (!lo!.inclusive && !hi!.inclusive) return [v('GtLt', lo!.text, hi!.text)];
  return [v(lo!.inclusive ? 'Ge' : 'Gt', lo!.text), v(hi!.inclusive ? 'Le' : 'Lt', hi!.text)];
}

/** The largest component the compiler writes: larger than any real driver, OS or CUDA version part. */
const MAX_PART = 999_999_999;

/**
 * The single expression for an interval, for instance features (gpu.device), where two terms could
 * be satisfied by two different devices. Mixed bounds are made alike where that is exact on
 * integer components below MAX_PART: `<=a.b.c` is `<a.b.c+1`; `>=a.b.c` with c > 0 is `>a.b.c-1`;
 * else an exclusive upper bound becomes inclusive (`<551.0.0` is `<=550.999999999.999999999`).
 * Undefined only when the bounds meet (`>=535.0.0 <535.0.1`: the caller falls back to two terms).
 */
export function singleVersionExpression(iv: Interval): MatchExpression | undefined {
  const exprs = versionExpressions(iv);
  if (exprs.length === 1) return exprs[0];
  const { lo, hi } = iv;
  if (!lo || !hi) return undefined;
  const made = (parts: [number, number, number], inclusive: boolean): Bound => ({
    parts,
    text: parts.join('.'),
    inclusive,
  });
  const [a, b, c] = hi.parts;
  const alike = hi.inclusive
    ? { lo, hi: made([a, b, c + 1], false) }
    : lo.parts[2] > 0
      ? { lo: made([lo.parts[0], lo.parts[1], lo.parts[2] - 1], false), hi }
      : {
          lo,
          hi: made(c > 0 ? [a, b, c - 1] : b > 0 ? [a, b - 1, MAX_PART] : [a - 1, MAX_PART, MAX_PART], true),
        };
  if (compareParts(alike.lo.parts, alike.hi.parts) >= 0) return undefined;
  const again = versionExpressions(alike);
  return again.length === 1 ? again[0] : undefined;
}

/**
 * Integer ranges (`>=8`, `2`, `>=2 <=8`, `>1 <16`) as one NFD integer expression: integers let
 * every bound become inclusive (`<8` is `<=7`), so Ge, Le, GeLe or In always suffice.
 */
export function integerExpression(input: string | number, whole = String(input)): MatchExpression {
  let lo: number | undefined;
  let hi: number | undefined;
  const text = String(input).trim();
  if (!text) throw new RangeSyntaxError('empty count', 'write e.g. ">=1" or 2');
  const tokens = text.replace(/(>=|<=|>|<|=)\s+/g, '$1').split(/\s+/);
  const hyphen = /^(\d+)\s+-\s+(\d+)$/.exec(text);
  const setLo = (n: number) => (lo = lo === undefined ? n : Math.max(lo, n));
  const setHi = (n: number) => (hi = hi === undefined ? n : Math.min(hi, n));
  if (hyphen) {
    setLo(Number(hyphen[1]));
    setHi(Number(hyphen[2]));
  } else {
    for (const token of tokens) {
      const m = /^(>=|<=|>|<|=|)(\d+)$/.exec(token);
      if (!m) {
        throw new RangeSyntaxError(`"${token}" in "${whole}" is not a count`, 'write e.g. ">=8", "<=4" or 2');
      }
      const n = Number(m[2]);
      if (m[1] === '>=') setLo(n);
      else if (m[1] === '>') setLo(n + 1);
      else if (m[1] === '<=') setHi(n);
      else if (m[1] === '<') setHi(n - 1);
      else {
        setLo(n);
        setHi(n);
      }
    }
  }
  if (lo !== undefined && hi !== undefined && lo > hi) {
    throw new RangeSyntaxError(`"${whole}" can never match: its lower bound is above its upper bound`);
  }
  if (hi !== undefined && hi < 0) throw new RangeSyntaxError(`"${whole}" can never match`);
  if (lo !== undefined && hi !== undefined) {
    return lo === hi ? { op: 'In', value: [String(lo)] } : { op: 'GeLe', value: [String(lo), String(hi)] };
  }
  if (lo !== undefined) return { op: 'Ge', value: [String(lo)] };
  if (hi !== undefined) return { op: 'Le', value: [String(hi)] };
  return { op: 'Exists' };
}

/** Integer ranges with `||` alternatives. */
export function integerExpressions(input: string | number): MatchExpression[] {
  const whole = String(input);
  return whole.split('||').map((alt) => integerExpression(alt, whole));
}
