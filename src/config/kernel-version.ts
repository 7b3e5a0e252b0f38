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
// In are used: NFD has had them since its rule API began (Ge and Le came later).
import type { PathSegment } from '../spec/document.js';
import type { FeatureMatcherTerm, MatchExpression } from '../spec/types.js';
import { MAX_ALTERNATIVES, type Context } from './context.js';
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
 * union (`~5.10 || ~5.15` -> `major In [5]`, `minor In [10, 15]`).
 */
function mergeIns(alts: Array<Record<string, MatchExpression>>): Array<Record<string, MatchExpression>> {
  const out = [...alts];
  for (let changed = true; changed;) {
    changed = false;
    outer: for (let i = 0; i < out.length; i++) {
      for (let j = i + 1; j < out.length; j++) {
        const merged = mergePair(out[i]!, out[j]!);
        if (merged) {
          out[i] = merged;
          out.splice(j, 1);
          changed = true;
          break outer;
        }
      }
    }
  }
  return out;
}

function mergePair(
  a: Record<string, MatchExpression>,
  b: Record<string, MatchExpression>,
): Record<string, MatchExpression> | undefined {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length || !keys.every((k) => k in b)) return undefined;
  const differ = keys.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
  if (differ.length !== 1) return undefined;
  const k = differ[0]!;
  if (a[k]!.op !== 'In' || b[k]!.op !== 'In') return undefined;
  const values = [...new Set([...a[k]!.value!, ...b[k]!.value!])].sort((x, y) => Number(x) - Number(y));
  return { ...a, [k]: { op: 'In', value: values } };
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

/** Compiles `kernel.version`; problems go to ctx at `path`, and the result is then undefined. */
export function kernelVersionAlternatives(
  range: Range,
  path: PathSegment[],
  ctx: Context,
): FeatureMatcherTerm[][] | undefined {
  let intervals: Interval[];
  try {
    intervals = parseRange(range);
  } catch (err) {
    if (!(err instanceof RangeSyntaxError)) throw err;
    ctx.error(path, err.message, err.hint);
    return undefined;
  }
  const { alternatives, empty } = kernelVersionTerms(intervals);
  if (empty.length) {
    const parts = String(range).split('||');
    ctx.error(
      path,
      `"${parts[empty[0]!]!.trim()}" can never match: no kernel version lies between its bounds`,
    );
    return undefined;
  }
  if (alternatives.length > MAX_ALTERNATIVES) {
    ctx.error(
      path,
      `"${String(range)}" needs ${alternatives.length} alternatives on kernel.version major/minor/revision; at most ${MAX_ALTERNATIVES} per rule`,
      'use fewer "||" parts',
    );
    return undefined;
  }
  return alternatives;
}
