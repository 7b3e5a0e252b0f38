// Kernel version ranges compiled to NFD's integer attributes kernel.version.major, .minor and
// .revision, not to `full` with `type: version`: RHEL releases such as 4.18.0-553.el8_10.x86_64
// are no versions to NFD's parser (an underscore in the pre-release), so a `type: version` rule
// fails to evaluate on every RHEL 8/9 host, and `type: version` needs NFD v0.18. NFD derives the
// three integers from the release with `^(\d+)(\.(\d+))?(\.(\d+))?(-.*)?$`, dropping the rest, as
// `type: version` did (6.9.0-rc3 is 6.9.0 either way).
//
// A range between two (major, minor, revision) tuples is not one expression per key: `>=5.15`
// is `major > 5` OR (`major = 5` AND `minor >= 15`). Each `||` part, as the half-open interval
// [lo, hi) of integer tuples, is split into boxes (a fixed prefix, then one span on the next
// component), each box one kernel.version term and one matchAny alternative. Only Gt, Lt, GtLt and
// In are used: NFD has had them since its rule API began (Ge and Le came later). An exact release
// (`5.0.0-23-generic`, no operator) is `full In [...]`, one more alternative; with an operator it
// is an error, since the integers cannot see the suffix. Merging and splitting are linear in the
// number of `||` parts (hash-grouped merges), so long ranges stay cheap to compile.
import type { PathSegment } from '../spec/document.js';
import type { FeatureMatcherTerm, MatchExpression } from '../spec/types.js';
import { parseKernelVersion } from '../features/kernel.js';
import { expr, MAX_ALTERNATIVES, type Context } from './context.js';
import { parseRange, RangeSyntaxError, type Interval } from './range.js';
import type { Range } from './types.js';

export const KERNEL_VERSION_KEYS = ['major', 'minor', 'revision'] as const;

/** One component's values: the half-open span [lo, hi); an open end is undefined. */
interface Span {
  lo?: number;
  hi?: number;
}

/** A box: spans for the leading components; components after the last are unconstrained. */
type Box = Span[];

const allZero = (t: readonly number[]) => t.every((x) => x === 0);

/** The integer tuples of an interval as [lo, hi) (the tuple after a.b.c is a.b.c+1). */
function halfOpen(iv: Interval): { lo?: number[]; hi?: number[] } {
  const after = (p: readonly number[]) => [p[0]!, p[1]!, p[2]! + 1];
  return {
    lo: iv.lo && (iv.lo.inclusive ? [...iv.lo.parts] : after(iv.lo.parts)),
    hi: iv.hi && (iv.hi.inclusive ? after(iv.hi.parts) : [...iv.hi.parts]),
  };
}

/**
 * The boxes covering exactly the tuples t with lo <= t < hi (lexicographic order; lo and hi of
 * the same length, either may be open), in ascending order: the lower edge (first component =
 * lo's, the rest above lo's rest), the middle span, the upper edge.
 */
export function splitTuples(lo: readonly number[] | undefined, hi: readonly number[] | undefined): Box[] {
  if (!lo && !hi) return [[]];
  const k = (lo ?? hi)!.length;
  const l0 = lo?.[0];
  const h0 = hi?.[0];
  if (k === 1) return l0 !== undefined && h0 !== undefined && l0 >= h0 ? [] : [[{ lo: l0, hi: h0 }]];
  const loRest = lo?.slice(1);
  const hiRest = hi?.slice(1);
  const fixed = (n: number, boxes: Box[]): Box[] => boxes.map((b) => [{ lo: n, hi: n + 1 }, ...b]);
  if (l0 !== undefined && h0 !== undefined) {
    if (l0 > h0) return [];
    if (l0 === h0) return fixed(l0, splitTuples(loRest, hiRest));
  }
  const out: Box[] = [];
  let start = l0;
  if (l0 !== undefined && !allZero(loRest!)) {
    out.push(...fixed(l0, splitTuples(loRest, undefined)));
    start = l0 + 1;
  }
  if (start === undefined || h0 === undefined || start < h0) out.push([{ lo: start, hi: h0 }]);
  if (h0 !== undefined && !allZero(hiRest!)) out.push(...fixed(h0, splitTuples(undefined, hiRest)));
  return out;
}

/** One span as one integer expression; undefined when it admits every value (>= 0). */
function spanExpression(s: Span): MatchExpression | undefined {
  const lo = s.lo ?? 0;
  if (s.hi !== undefined && s.hi === lo + 1) return { op: 'In', value: [String(lo)] };
  if (lo > 0 && s.hi !== undefined) return { op: 'GtLt', value: [String(lo - 1), String(s.hi)] };
  if (lo > 0) return { op: 'Gt', value: [String(lo - 1)] };
  if (s.hi !== undefined) return { op: 'Lt', value: [String(s.hi)] };
  return undefined;
}

function boxExpressions(box: Box): Record<string, MatchExpression> {
  const out: Record<string, MatchExpression> = {};
  box.forEach((s, i) => {
    const e = spanExpression(s);
    if (e) out[KERNEL_VERSION_KEYS[i]!] = e;
  });
  // Every version (`*`): any kernel, parsed or not.
  return Object.keys(out).length ? out : { full: { op: 'Exists' } };
}

/**
 * Two alternatives that differ only in one key, both `In` there, are one alternative with the
 * union (`~5.10 || ~5.15` -> `major In [5]`, `minor In [10, 15]`). Grouped by a signature of the
 * other keys (a hash map, not pairwise comparison), so N `||` parts merge in time linear in N; a
 * merge on one key can enable one on another, so the passes repeat until nothing changes (at most
 * a few: there are three keys).
 */
function mergeIns(alts: Array<Record<string, MatchExpression>>): Array<Record<string, MatchExpression>> {
  let out = alts;
  for (let changed = true; changed;) {
    changed = false;
    for (const k of KERNEL_VERSION_KEYS) {
      const groups = new Map<string, { alt: Record<string, MatchExpression>; values: Set<string> }>();
      const next: Array<Record<string, MatchExpression>> = [];
      for (const alt of out) {
        const e = alt[k];
        if (e?.op !== 'In') {
          next.push(alt);
          continue;
        }
        const rest = Object.keys(alt)
          .sort()
          .map((key) => (key === k ? key : `${key}=${JSON.stringify(alt[key])}`))
          .join('|');
        const group = groups.get(rest);
        if (group) {
          for (const v of e.value!) group.values.add(v);
          changed = true;
          continue;
        }
        const entry = { alt: { ...alt }, values: new Set(e.value) };
        groups.set(rest, entry);
        next.push(entry.alt);
      }
      for (const { alt, values } of groups.values()) {
        alt[k] = { op: 'In', value: [...values].sort((x, y) => Number(x) - Number(y)) };
      }
      out = next;
    }
  }
  return out;
}

/** The kernel.version terms of a parsed range: one list of terms per matchAny alternative. */
export function kernelVersionTerms(intervals: Interval[]): {
  alternatives: FeatureMatcherTerm[][];
  /** Indexes of `||` parts no integer version satisfies (`>6.1.0 <6.1.1`). */
  empty: number[];
} {
  const seen = new Set<string>();
  const exprs: Array<Record<string, MatchExpression>> = [];
  const empty: number[] = [];
  intervals.forEach((iv, i) => {
    const { lo, hi } = halfOpen(iv);
    const boxes = splitTuples(lo, hi);
    if (!boxes.length) empty.push(i);
    for (const box of boxes) {
      const e = boxExpressions(box);
      const id = JSON.stringify(e);
      if (seen.has(id)) continue;
      seen.add(id);
      exprs.push(e);
    }
  });
  return {
    alternatives: mergeIns(exprs).map((m) => [{ feature: 'kernel.version', matchExpressions: m }]),
    empty,
  };
}

/** At most this many characters of the user's range are echoed in a message. */
const ECHO = 120;
const echo = (text: string) => (text.length > ECHO ? `${text.slice(0, ECHO)}...` : text);

/** A release as `uname -r` prints it, with a `-` suffix (`5.0.0-23-generic`): an exact match. */
const EXACT_RELEASE = /^\d+(\.\d+){0,2}[-+]\S+$/;
/** A token with an operator before a release with a suffix (`>=5.0.0-23-generic`). */
const OPERATOR_RELEASE = /^(>=|<=|>|<|=|\^|~>?)\s*v?\d+(\.\d+)*[-+]\S*/;

/**
 * Compiles `kernel.version`; problems go to ctx at `path`, and the result is then undefined.
 *
 * A `||` part that is a release with a `-` suffix and no operator (`5.0.0-23-generic`) is that
 * exact release: `full In [...]` (one more matchAny alternative, all exact parts in one `In`). NFD's
 * integers drop everything from the first `-`, so no bound can name a suffix: `>=5.0.0-23-generic`
 * is an error that says so, rather than a rule that admits 5.0.0-20-generic. `5.4` and `5.4.x` are
 * every 5.4 release (npm's partial versions).
 */
export function kernelVersionAlternatives(
  range: Range,
  path: PathSegment[],
  ctx: Context,
): FeatureMatcherTerm[][] | undefined {
  const whole = String(range).trim();
  const parts = whole.split('||').map((p) => p.trim());
  const exact = new Set<string>();
  const ranged: string[] = [];
  for (const part of parts) {
    if (EXACT_RELEASE.test(part)) {
      const full = parseKernelVersion(part).full!;
      if (full !== part) {
        ctx.warn(
          path,
          `NFD reports the kernel release "${echo(part)}" as "${full}" (characters other than letters, digits, ".", "_" and "-" become "_")`,
          `write ${full}`,
        );
      }
      exact.add(full);
      continue;
    }
    const tokens = part.split(/\s+/);
    const withOp = tokens.find((t) => OPERATOR_RELEASE.test(t));
    if (withOp) {
      const op = /^(>=|<=|>|<|=|\^|~>?)/.exec(withOp)![1]!;
      const release = withOp.replace(/^(>=|<=|>|<|=|\^|~>?)\s*v?/, '');
      const base = release.replace(/[-+].*$/, '');
      ctx.error(
        path,
        `"${echo(withOp)}" in "${echo(whole)}" puts an operator before a release with a "-" suffix (a pre-release or a distribution's ABI number): NFD compares kernel.version as the integers major, minor and revision, which drop everything from the first "-", so the bound would be on ${base} and admit every ${base}-* build alike`,
        `write ${echo(release)} (no operator) for that exact release, or ${op}${base} for a bound`,
      );
      return undefined;
    }
    const lone = tokens.find((t) => EXACT_RELEASE.test(t));
    if (lone && tokens.length > 1) {
      ctx.error(
        path,
        `the exact release "${echo(lone)}" in "${echo(whole)}" must stand alone between "||"`,
        `write e.g. "${lone} || 5.4.x"`,
      );
      return undefined;
    }
    ranged.push(part);
  }
  let intervals: Interval[] = [];
  try {
    if (ranged.length) intervals = parseRange(ranged.join(' || '));
  } catch (err) {
    if (!(err instanceof RangeSyntaxError)) throw err;
    ctx.error(path, err.message, err.hint);
    return undefined;
  }
  const { alternatives, empty } = kernelVersionTerms(intervals);
  if (empty.length) {
    ctx.error(
      path,
      `"${echo(ranged[empty[0]!]!)}" can never match: no kernel version lies between its bounds`,
    );
    return undefined;
  }
  if (exact.size) {
    alternatives.push([{ feature: 'kernel.version', matchExpressions: { full: expr('In', ...exact) } }]);
  }
  if (alternatives.length > MAX_ALTERNATIVES) {
    ctx.error(
      path,
      `"${echo(whole)}" needs ${alternatives.length} alternatives on kernel.version major/minor/revision; at most ${MAX_ALTERNATIVES} per rule`,
      'use fewer "||" parts',
    );
    return undefined;
  }
  return alternatives;
}
