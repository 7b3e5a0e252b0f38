// Kernel version rules read back as sets of versions, for the requirement diff. The compiler writes
// a range (`>=5.15 <6.9`) as "boxes" over kernel.version's integer attributes major/minor/revision,
// one matchAny alternative per box (src/config/kernel-version.ts); compared key by key, narrowing
// such a range reads as nonsense (`major` changed, `minor` added). Read as a union of half-open
// intervals [lo, hi) of (major, minor, revision) tuples, two rules compare by set containment.
// Older compilers (and published specs) wrote `full` with `type: version`; such a rule is an
// interval too, so a published spec compares with a new config. Pure: no I/O.
import type { FeatureMatcherTerm, MatchExpression, Rule } from '../spec/types.js';
import { parseGoIntFast, parseVersion } from '../spec/values.js';

/** (major, minor, revision), compared lexicographically. */
export type VersionTuple = [number, number, number];

/** The tuples t with lo <= t < hi; no hi: unbounded. */
export interface VersionInterval {
  lo: VersionTuple;
  hi?: VersionTuple;
}

/** Sorted, disjoint, non-adjacent intervals: one set has one spelling, so equality is deep equality. */
export type VersionSet = VersionInterval[];

/** How a rule says it: integer boxes (today's compiler) or `full` with `type: version` (older). */
export type KernelVersionForm = 'boxes' | 'full';

const FEATURE = 'kernel.version';
const COMPONENTS = ['major', 'minor', 'revision'] as const;
/** Boxes enumerate a leading component when a later one is constrained; beyond this, give up. */
const MAX_PIECES = 4096;
const EVERY: VersionSet = [{ lo: [0, 0, 0] }];

export function compareTuples(a: VersionTuple, b: VersionTuple): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}

/** hi of undefined is +infinity. */
function compareHi(a: VersionTuple | undefined, b: VersionTuple | undefined): number {
  if (!a || !b) return a === b ? 0 : a ? -1 : 1;
  return compareTuples(a, b);
}

export function normalize(list: VersionInterval[]): VersionSet {
  const sorted = list
    .filter((iv) => !iv.hi || compareTuples(iv.lo, iv.hi) < 0)
    .sort((a, b) => compareTuples(a.lo, b.lo));
  const out: VersionSet = [];
  for (const iv of sorted) {
    const last = out[out.length - 1];
    // Overlapping or adjacent ([a, b) and [b, c)): one interval.
    if (last && (!last.hi || compareTuples(iv.lo, last.hi) <= 0)) {
      if (compareHi(iv.hi, last.hi) > 0) last.hi = iv.hi && [...iv.hi];
    } else out.push({ lo: [...iv.lo], ...(iv.hi && { hi: [...iv.hi] }) });
  }
  return out;
}

export function union(a: VersionSet, b: VersionSet): VersionSet {
  return normalize([...a, ...b]);
}

export function intersect(a: VersionSet, b: VersionSet): VersionSet {
  const out: VersionInterval[] = [];
  for (const x of a)
    for (const y of b) {
      const lo = compareTuples(x.lo, y.lo) >= 0 ? x.lo : y.lo;
      const hi = compareHi(x.hi, y.hi) <= 0 ? x.hi : y.hi;
      out.push({ lo, ...(hi && { hi }) });
    }
  return normalize(out);
}

export function sameVersions(a: VersionSet, b: VersionSet): boolean {
  return JSON.stringify(normalize(a)) === JSON.stringify(normalize(b));
}

/** `after` against `before` by containment: undefined when equal. */
export function versionRelation(
  before: VersionSet,
  after: VersionSet,
): 'tightened' | 'loosened' | 'changed' | undefined {
  const sub = sameVersions(union(after, before), before);
  const sup = sameVersions(union(after, before), after);
  if (sub && sup) return undefined;
  if (sub) return 'tightened';
  if (sup) return 'loosened';
  return 'changed';
}

// ---------------------------------------------------------------- reading rules

/** One integer component's admitted values: half-open spans [lo, hi), hi undefined = unbounded. */
type Spans = Array<{ lo: number; hi?: number }>;

const ALL: Spans = [{ lo: 0 }];

function int(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const n = parseGoIntFast(s);
  return typeof n === 'number' && Number.isSafeInteger(n) ? n : undefined;
}

/** NFD's integer comparison on one component (values are non-negative: `\d+`). */
function spansOf(e: MatchExpression): Spans | undefined {
  if (e.type === 'version') return undefined;
  const v = e.value ?? [];
  const from = (n: number) => ({ lo: Math.max(n, 0) });
  const span = (lo: number, hi: number) => ({ lo: Math.max(lo, 0), hi: Math.max(hi, 0) });
  const [a, b] = [int(v[0]), int(v[1])];
  switch (e.op) {
    case 'In': {
      const values = v.map(int);
      if (!v.length || values.some((x) => x === undefined)) return undefined;
      return (values as number[]).filter((x) => x >= 0).map((x) => span(x, x + 1));
    }
    case 'Gt':
      return a === undefined ? undefined : [from(a + 1)];
    case 'Ge':
      return a === undefined ? undefined : [from(a)];
    case 'Lt':
      return a === undefined ? undefined : [span(0, a)];
    case 'Le':
      return a === undefined ? undefined : [span(0, a + 1)];
    case 'GtLt':
      return a === undefined || b === undefined ? undefined : [span(a + 1, b)];
    case 'GeLe':
      return a === undefined || b === undefined ? undefined : [span(a, b + 1)];
  }
  return undefined;
}

function intersectSpans(a: Spans, b: Spans): Spans {
  const out: Spans = [];
  for (const x of a)
    for (const y of b) {
      const lo = Math.max(x.lo, y.lo);
      const hi = x.hi === undefined ? y.hi : y.hi === undefined ? x.hi : Math.min(x.hi, y.hi);
      if (hi === undefined || lo < hi) out.push(hi === undefined ? { lo } : { lo, hi });
    }
  return out;
}

const unconstrained = (s: Spans) => s.length === 1 && s[0]!.lo === 0 && s[0]!.hi === undefined;

/** Each value of finite spans, or undefined when unbounded or too many. */
function values(s: Spans, budget: number): number[] | undefined {
  const out: number[] = [];
  for (const { lo, hi } of s) {
    if (hi === undefined || out.length + hi - lo > budget) return undefined;
    for (let x = lo; x < hi; x++) out.push(x);
  }
  return out;
}

/** The tuples of a box (major x minor x revision) as intervals; undefined when not finitely so. */
function boxVersions([major, minor, revision]: [Spans, Spans, Spans]): VersionSet | undefined {
  const out: VersionInterval[] = [];
  if (unconstrained(minor) && unconstrained(revision)) {
    for (const { lo, hi } of major) out.push({ lo: [lo, 0, 0], ...(hi !== undefined && { hi: [hi, 0, 0] }) });
    return normalize(out);
  }
  // A later component is constrained: one piece per leading value (compiled boxes fix them).
  const majors = values(major, MAX_PIECES);
  if (!majors) return undefined;
  for (const x of majors) {
    if (unconstrained(revision)) {
      for (const { lo, hi } of minor)
        out.push({ lo: [x, lo, 0], hi: hi === undefined ? [x + 1, 0, 0] : [x, hi, 0] });
      continue;
    }
    const minors = values(minor, MAX_PIECES);
    if (!minors || majors.length * minors.length > MAX_PIECES) return undefined;
    for (const y of minors)
      for (const { lo, hi } of revision)
        out.push({ lo: [x, y, lo], hi: hi === undefined ? [x, y + 1, 0] : [x, y, hi] });
  }
  return normalize(out);
}

/** The tuple of a `type: version` bound as NFD compares it (loosely, pre-release dropped). */
function versionTuple(s: string | undefined): VersionTuple | undefined {
  const v = s === undefined ? undefined : parseVersion(s);
  if (!v || v.some((x) => x > BigInt(Number.MAX_SAFE_INTEGER))) return undefined;
  return [Number(v[0]), Number(v[1]), Number(v[2])];
}

const next = (t: VersionTuple): VersionTuple => [t[0], t[1], t[2] + 1];

/** `full` with `type: version` and a range op as one interval; `Exists` as every version. */
function fullVersions(e: MatchExpression): VersionSet | undefined {
  if (e.op === 'Exists') return EVERY;
  if (e.type !== 'version') return undefined;
  const [a, b] = [versionTuple(e.value?.[0]), versionTuple(e.value?.[1])];
  if (!a) return undefined;
  switch (e.op) {
    case 'Gt':
      return [{ lo: next(a) }];
    case 'Ge':
      return [{ lo: a }];
    case 'Lt':
      return normalize([{ lo: [0, 0, 0], hi: a }]);
    case 'Le':
      return [{ lo: [0, 0, 0], hi: next(a) }];
    case 'GtLt':
      return b && normalize([{ lo: next(a), hi: b }]);
    case 'GeLe':
      return b && normalize([{ lo: a, hi: next(b) }]);
  }
  return undefined;
}

export interface TermVersions {
  versions: VersionSet;
  boxes: boolean;
}

/** A kernel.version term as versions: integer components and `full`; undefined for anything else. */
function termVersions(term: FeatureMatcherTerm): TermVersions | undefined {
  const entries = Object.entries(term.matchExpressions ?? {});
  if (term.feature !== FEATURE || term.matchName || !entries.length) return undefined;
  const box: [Spans, Spans, Spans] = [ALL, ALL, ALL];
  let versions = EVERY;
  let boxes = false;
  for (const [key, e] of entries) {
    const i = COMPONENTS.indexOf(key as (typeof COMPONENTS)[number]);
    if (i >= 0) {
      const spans = spansOf(e);
      if (!spans) return undefined;
      box[i] = intersectSpans(box[i]!, spans);
      boxes = true;
    } else if (key === 'full') {
      const full = fullVersions(e);
      if (!full) return undefined;
      versions = intersect(versions, full);
    } else return undefined;
  }
  if (boxes) {
    const b = boxVersions(box);
    if (!b) return undefined;
    versions = intersect(versions, b);
  }
  return { versions, boxes };
}

/** A conjunction of kernel.version terms; undefined when one is not readable (or on another feature). */
export function termsVersions(terms: FeatureMatcherTerm[]): TermVersions | undefined {
  let versions = EVERY;
  let boxes = false;
  for (const term of terms) {
    const t = termVersions(term);
    if (!t) return undefined;
    versions = intersect(versions, t.versions);
    boxes ||= t.boxes;
  }
  return { versions, boxes };
}

/**
 * The versions a rule admits when every term of it (matchFeatures and each matchAny alternative)
 * is on kernel.version: `boxes` when one names major/minor/revision, else `full`. Undefined for
 * any other rule, or one not readable (an op or value the integers or versions do not take).
 */
export function kernelVersionRule(rule: Rule): { form: KernelVersionForm; versions: VersionSet } | undefined {
  const plain = rule.matchFeatures ?? [];
  const alternatives = rule.matchAny ?? [];
  if (!plain.length && !alternatives.length) return undefined;
  const all = termsVersions(plain);
  if (!all) return undefined;
  let versions = all.versions;
  let boxes = all.boxes;
  if (alternatives.length) {
    let any: VersionSet = [];
    for (const alt of alternatives) {
      const t = alt.matchFeatures.length ? termsVersions(alt.matchFeatures) : undefined;
      if (!t) return undefined;
      any = union(any, t.versions);
      boxes ||= t.boxes;
    }
    versions = intersect(versions, any);
  }
  return { form: boxes ? 'boxes' : 'full', versions };
}

// ---------------------------------------------------------------- description

function tupleText([a, b, c]: VersionTuple): string {
  return c ? `${a}.${b}.${c}` : `${a}.${b}`;
}

/** As a range: `>=5.15 <6.9`, `||` between intervals, `*` for every version, `none` for none. */
export function describeVersions(set: VersionSet): string {
  if (!set.length) return 'none';
  return normalize(set)
    .map(({ lo, hi }) => {
      const parts = [];
      if (compareTuples(lo, [0, 0, 0]) > 0) parts.push(`>=${tupleText(lo)}`);
      if (hi) parts.push(`<${tupleText(hi)}`);
      return parts.length ? parts.join(' ') : '*';
    })
    .join(' || ');
}
