// The requirement diff between two specs, at the level of NFD expressions (set, rule, feature,
// key, op, values, type), so it works alike for compiled configs, raw rules and published specs.
// Pure: no I/O. Version bounds compare with NFD's version ordering (src/spec/values.ts, as the
// evaluator does for `type: version`), integer bounds as NFD's integers. A kernel version rule
// compiled to boxes on major/minor/revision is one requirement (key `version`), compared as a set
// of versions (src/check/kernel-versions.ts).
import type { Compatibility, MatchExpression, Rule, Spec } from '../spec/types.js';
import { compareVersions, parseGoIntFast, parseVersion } from '../spec/values.js';
import {
  describeVersions,
  intersect,
  kernelVersionRule,
  termsVersions,
  versionRelation,
  type VersionSet,
} from './kernel-versions.js';

export type ChangeKind = 'added' | 'removed' | 'tightened' | 'loosened' | 'changed';

/** One requirement: every expression on one key of one feature in one rule of one set. */
export interface Requirement {
  set: string;
  rule: string;
  feature: string;
  /** The element key, or `(name) <values>` for a matchName. */
  key: string;
  /** Conjunction: a rule may have several terms on the same feature (`Ge 5.15` and `Lt 6.9`). */
  expressions: MatchExpression[];
  /** A kernel version rule read as versions (key `version`); `expressions` is then empty. */
  versions?: VersionSet;
}

export interface RequirementChange {
  /** `os/arch[/variant]`; `''` for a spec that serves every platform. */
  platform: string;
  set: string;
  rule: string;
  feature: string;
  key: string;
  change: ChangeKind;
  /** The requirement before and after, readable (`>= 535 (version)`). */
  before?: string;
  after?: string;
}

/** A set's identity: its tag (the config's set name), else its position. */
export function setName(set: Compatibility, index: number): string {
  return set.tag ?? `#${index + 1}`;
}

const NAME_KEY = '(name)';

/** The key of a kernel version rule read as versions. */
export const VERSION_KEY = 'version';

const KERNEL_VERSION = 'kernel.version';

const idOf = (set: string, rule: string, feature: string, key: string) =>
  [set, rule, feature, key].join('\0');

/** Every requirement of a spec, keyed by `set \0 rule \0 feature \0 key`, in spec order. */
export function requirementsOf(spec: Spec | undefined): Map<string, Requirement> {
  return readSpec(spec).requirements;
}

/** A kernel version rule written on `full` (`type: version`), read as versions too. */
interface FullForm {
  versions: VersionSet;
  /** Its requirements as written (key `full`, one per matchAny alternative). */
  ids: string[];
}

function readSpec(spec: Spec | undefined): {
  requirements: Map<string, Requirement>;
  /** By `set \0 rule`: read as versions only when the other side has boxes. */
  fullForms: Map<string, FullForm>;
} {
  const requirements = new Map<string, Requirement>();
  const fullForms = new Map<string, FullForm>();
  spec?.compatibilities.forEach((set, i) => {
    const sname = setName(set, i);
    for (const rule of set.rules) {
      let kv = kernelVersionRule(rule);
      let rest: Rule | undefined = kv?.form === 'boxes' ? undefined : rule;
      if (!kv && !rule.matchAny?.length) {
        // A hand-written rule with boxes beside other features: the boxes are one requirement.
        const terms = rule.matchFeatures ?? [];
        const part = termsVersions(terms.filter((t) => t.feature === KERNEL_VERSION));
        if (part?.boxes) {
          kv = { form: 'boxes', versions: part.versions };
          rest = { ...rule, matchFeatures: terms.filter((t) => t.feature !== KERNEL_VERSION) };
        }
      }
      if (kv?.form === 'boxes') {
        // One requirement: the boxes, key by key, say nothing readable.
        const id = idOf(sname, rule.name, KERNEL_VERSION, VERSION_KEY);
        const prev = requirements.get(id);
        requirements.set(id, {
          set: sname,
          rule: rule.name,
          feature: KERNEL_VERSION,
          key: VERSION_KEY,
          expressions: [],
          versions: prev?.versions ? intersect(prev.versions, kv.versions) : kv.versions,
        });
        if (rest) for (const { rule: r, terms } of ruleParts(rest)) collect(requirements, sname, r, terms);
        continue;
      }
      const before = new Set(requirements.keys());
      for (const { rule: r, terms } of ruleParts(rule)) collect(requirements, sname, r, terms);
      if (kv) {
        const ids = [...requirements.keys()].filter((id) => !before.has(id));
        fullForms.set([sname, rule.name].join('\0'), { versions: kv.versions, ids });
      }
    }
  });
  return { requirements, fullForms };
}

/**
 * A spec published before kernel ranges compiled to boxes (`full`, `type: version`) against one
 * after: where one side has a rule's boxes and the other the same rule on `full`, the `full`
 * requirements are replaced by the rule's versions, in their place, so both compare as versions.
 */
function bridge(
  boxes: Map<string, Requirement>,
  other: { requirements: Map<string, Requirement>; fullForms: Map<string, FullForm> },
): void {
  for (const [id, req] of boxes) {
    if (!req.versions || other.requirements.has(id)) continue;
    const full = other.fullForms.get([req.set, req.rule].join('\0'));
    if (!full || !full.ids.length) continue;
    const entries = [...other.requirements];
    other.requirements.clear();
    for (const [k, r] of entries) {
      if (k === full.ids[0]) other.requirements.set(id, { ...req, expressions: [], versions: full.versions });
      else if (!full.ids.includes(k)) other.requirements.set(k, r);
    }
  }
}

/** matchFeatures as written; each matchAny alternative as its own pseudo-rule (`name (any 2)`). */
function ruleParts(rule: Rule): Array<{ rule: string; terms: NonNullable<Rule['matchFeatures']> }> {
  const parts = [];
  if (rule.matchFeatures?.length) parts.push({ rule: rule.name, terms: rule.matchFeatures });
  rule.matchAny?.forEach((alt, i) =>
    parts.push({ rule: `${rule.name} (any ${i + 1})`, terms: alt.matchFeatures }),
  );
  return parts;
}

function collect(
  out: Map<string, Requirement>,
  set: string,
  rule: string,
  terms: NonNullable<Rule['matchFeatures']>,
): void {
  for (const term of terms) {
    const entries: Array<[string, MatchExpression]> = Object.entries(term.matchExpressions ?? {});
    // Each matchName is its own requirement, named by its values: the compiler writes one term per
    // module spelled with `-`/`_` (`^vfio[-_]pci$`), so a module added is a matchName added.
    if (term.matchName)
      entries.push([`${NAME_KEY} ${(term.matchName.value ?? []).join(' ')}`.trim(), term.matchName]);
    for (const [key, expression] of entries) {
      const id = idOf(set, rule, term.feature, key);
      const req = out.get(id) ?? { set, rule, feature: term.feature, key, expressions: [] };
      req.expressions.push(expression);
      out.set(id, req);
    }
  }
}

/** The changes from `before` to `after` for one platform, in the order of after (then removed). */
export function diffSpecs(
  before: Spec | undefined,
  after: Spec | undefined,
  platform = '',
): RequirementChange[] {
  const oldSide = readSpec(before);
  const nowSide = readSpec(after);
  bridge(nowSide.requirements, oldSide);
  bridge(oldSide.requirements, nowSide);
  const old = oldSide.requirements;
  const now = nowSide.requirements;
  const changes: RequirementChange[] = [];
  const row = (r: Requirement, change: ChangeKind, b?: Requirement, a?: Requirement): RequirementChange => ({
    platform,
    set: r.set,
    rule: r.rule,
    feature: r.feature,
    key: r.key,
    change,
    ...(b && { before: describe(b) }),
    ...(a && { after: describe(a) }),
  });
  for (const [id, a] of now) {
    const b = old.get(id);
    if (!b) changes.push(row(a, 'added', undefined, a));
    else {
      const kind =
        a.versions && b.versions
          ? versionRelation(b.versions, a.versions)
          : a.versions || b.versions
            ? 'changed'
            : classify(b.expressions, a.expressions);
      if (kind) changes.push(row(a, kind, b, a));
    }
  }
  for (const [id, b] of old) if (!now.has(id)) changes.push(row(b, 'removed', b));
  return changes;
}

// ---------------------------------------------------------------- classification

/** How `after` relates to `before` (the same key): undefined when equal. */
export function classify(before: MatchExpression[], after: MatchExpression[]): ChangeKind | undefined {
  if (canonical(before) === canonical(after)) return undefined;
  const b = constraintOf(before);
  const a = constraintOf(after);
  if (!b || !a) return 'changed';
  if (a.kind === 'exists' && b.kind !== 'exists' && b.kind !== 'absent' && b.kind !== 'bool') {
    // Exists asks only for the key: any value requirement it replaces was stricter.
    return 'loosened';
  }
  if (b.kind === 'exists' && a.kind !== 'exists' && a.kind !== 'absent' && a.kind !== 'bool')
    return 'tightened';
  if (a.kind === 'in' && b.kind === 'in') return setRelation(a.values, b.values);
  if (a.kind === 'notin' && b.kind === 'notin') return invert(setRelation(a.values, b.values));
  if (a.kind === 'regexp' && b.kind === 'regexp') return setRelation(a.values, b.values);
  if (a.kind === 'range' && b.kind === 'range' && a.type === b.type) return rangeRelation(b, a);
  return 'changed';
}

type Constraint =
  | { kind: 'exists' }
  | { kind: 'absent' }
  | { kind: 'bool'; value: boolean }
  | { kind: 'in' | 'notin' | 'regexp'; values: Set<string> }
  | ({ kind: 'range' } & Range);

interface Bound {
  value: string;
  inclusive: boolean;
}

interface Range {
  type: 'version' | 'int';
  lo?: Bound;
  hi?: Bound;
}

function canonical(list: MatchExpression[]): string {
  return JSON.stringify(
    list
      .map((e) => ({ op: e.op, value: e.value ?? [], type: e.type ?? '' }))
      .map((e) => JSON.stringify(e))
      .sort(),
  );
}

/** One constraint for a conjunction of expressions, or undefined when they do not combine simply. */
function constraintOf(list: MatchExpression[]): Constraint | undefined {
  const ops = new Set(list.map((e) => e.op));
  if (ops.size === 1 && list.length === 1) {
    const e = list[0]!;
    switch (e.op) {
      case 'Exists':
        return { kind: 'exists' };
      case 'DoesNotExist':
        return { kind: 'absent' };
      case 'IsTrue':
      case 'IsFalse':
        return { kind: 'bool', value: e.op === 'IsTrue' };
      case 'In':
        return { kind: 'in', values: new Set(e.value ?? []) };
      case 'NotIn':
        return { kind: 'notin', values: new Set(e.value ?? []) };
      case 'InRegexp':
        return { kind: 'regexp', values: new Set(e.value ?? []) };
    }
  }
  if (list.every((e) => e.op === 'In')) {
    // Several In on one key: a value must be in every list.
    const [first, ...rest] = list.map((e) => new Set(e.value ?? []));
    return { kind: 'in', values: new Set([...first!].filter((v) => rest.every((s) => s.has(v)))) };
  }
  const ranged = list.every((e) => ['Gt', 'Ge', 'Lt', 'Le', 'GtLt', 'GeLe'].includes(e.op));
  if (!ranged) return undefined;
  const types = new Set(list.map((e) => (e.type === 'version' ? 'version' : 'int')));
  if (types.size !== 1) return undefined;
  const range: Range = { type: [...types][0] as Range['type'] };
  for (const e of list) {
    const v = e.value ?? [];
    const add = (side: 'lo' | 'hi', value: string | undefined, inclusive: boolean): boolean => {
      if (value === undefined || compareBound(range.type, value, value) === undefined) return false;
      range[side] = tighter(range.type, side, range[side], { value, inclusive });
      return true;
    };
    const ok =
      e.op === 'Gt'
        ? add('lo', v[0], false)
        : e.op === 'Ge'
          ? add('lo', v[0], true)
          : e.op === 'Lt'
            ? add('hi', v[0], false)
            : e.op === 'Le'
              ? add('hi', v[0], true)
              : add('lo', v[0], e.op === 'GeLe') && add('hi', v[1], e.op === 'GeLe');
    if (!ok) return undefined;
  }
  return { kind: 'range', ...range };
}

/** NFD's ordering of two bound values: versions loosely (pre-release dropped), else integers. */
export function compareBound(type: Range['type'], a: string, b: string): number | undefined {
  if (type === 'version') {
    const x = parseVersion(a);
    const y = parseVersion(b);
    return x && y ? compareVersions(x, y) : undefined;
  }
  const x = parseGoIntFast(a);
  const y = parseGoIntFast(b);
  if (x === undefined || y === undefined) return undefined;
  return x < y ? -1 : x > y ? 1 : 0;
}

function tighter(type: Range['type'], side: 'lo' | 'hi', a: Bound | undefined, b: Bound): Bound {
  if (!a) return b;
  const c = boundOrder(type, side, a, b);
  return c >= 0 ? a : b;
}

/**
 * Orders two bounds of the same side by strictness: > 0 when `a` admits less than `b`. A lower
 * bound is stricter when higher (or equal and exclusive); an upper bound when lower.
 */
function boundOrder(type: Range['type'], side: 'lo' | 'hi', a: Bound, b: Bound): number {
  const c = compareBound(type, a.value, b.value) ?? 0;
  if (c !== 0) return side === 'lo' ? c : -c;
  if (a.inclusive === b.inclusive) return 0;
  return a.inclusive ? -1 : 1;
}

function rangeRelation(before: Range, after: Range): ChangeKind {
  // Each side: +1 the new bound admits less, -1 more, 0 the same.
  const side = (s: 'lo' | 'hi'): number => {
    const b = before[s];
    const a = after[s];
    if (!a && !b) return 0;
    if (!b) return 1; // a bound appeared
    if (!a) return -1; // a bound went away
    return Math.sign(boundOrder(before.type, s, a, b));
  };
  const lo = side('lo');
  const hi = side('hi');
  if (lo >= 0 && hi >= 0 && lo + hi > 0) return 'tightened';
  if (lo <= 0 && hi <= 0 && lo + hi < 0) return 'loosened';
  // One side tighter and the other looser (a range moved), or bounds the same but written otherwise.
  return 'changed';
}

/** `after` against `before` as sets of admitted values: fewer is tightened, more is loosened. */
function setRelation(after: Set<string>, before: Set<string>): ChangeKind {
  const sub = [...after].every((v) => before.has(v));
  const sup = [...before].every((v) => after.has(v));
  if (sub && !sup) return 'tightened';
  if (sup && !sub) return 'loosened';
  return 'changed';
}

function invert(kind: ChangeKind): ChangeKind {
  return kind === 'tightened' ? 'loosened' : kind === 'loosened' ? 'tightened' : kind;
}

// ---------------------------------------------------------------- description

const SYMBOLS: Partial<Record<MatchExpression['op'], string>> = { Gt: '>', Ge: '>=', Lt: '<', Le: '<=' };

/** `>= 535`, `> 5.15, < 6.9`, `in [y, m]`, `exists`; `(version)` for type: version. */
export function describeExpression(e: MatchExpression): string {
  const v = e.value ?? [];
  const suffix = e.type === 'version' ? ' (version)' : '';
  const sym = SYMBOLS[e.op];
  if (sym) return `${sym} ${v[0] ?? ''}${suffix}`;
  switch (e.op) {
    case 'GtLt':
      return `> ${v[0]}, < ${v[1]}${suffix}`;
    case 'GeLe':
      return `>= ${v[0]}, <= ${v[1]}${suffix}`;
    case 'Exists':
      return 'exists';
    case 'DoesNotExist':
      return 'does not exist';
    case 'IsTrue':
      return 'is true';
    case 'IsFalse':
      return 'is false';
    case 'In':
      return `in [${v.join(', ')}]`;
    case 'NotIn':
      return `not in [${v.join(', ')}]`;
    case 'InRegexp':
      return `matches [${v.join(', ')}]`;
  }
  return `${e.op} [${v.join(', ')}]`;
}

export function describeRequirement(list: MatchExpression[]): string {
  return list.map(describeExpression).join(' and ');
}

/** A requirement as its expressions, or a kernel version rule as a range (`>=5.15 <6.9`). */
function describe(r: Requirement): string {
  return r.versions ? describeVersions(r.versions) : describeRequirement(r.expressions);
}
