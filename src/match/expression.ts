// One expression against one input, exactly as NFD's evaluateMatchExpression: the empty op
// (MatchAny) is always true, Exists and DoesNotExist look only at presence; every other op is
// false, without error, when the key is missing or is a flag (no value). Value-count and number
// errors surface only when a value is compared, as in NFD (the spec checks report them up front).
// An expression is compiled once (compileExpression): the op decided, In/NotIn values in a Set,
// the errors that do not depend on the input worked out, reference values and regexps parsed on
// first use; the input-dependent work and errors stay where NFD has them.
import { MATCH_ANY, MATCH_OPS, type MatchExpression } from '../spec/types.js';
import {
  compareVersions,
  compileRE2,
  literalPattern,
  parseGoIntFast,
  parseVersion,
  rethrowEngineError,
} from '../spec/values.js';
import type { RE2JS } from 're2js';
import { Buckets, mixInt, mixString, SEED } from './hash.js';

/** An NFD evaluation error; the caller adds the set, rule, feature and key. */
export class ExpressionError extends Error {}

const KNOWN_OPS: ReadonlySet<string> = new Set([MATCH_ANY, ...MATCH_OPS]);

/** NFD's MatchExpression.String(), in messages and as the last key of the results' order. */
function describe(e: MatchExpression): string {
  return e.value?.length
    ? `{op: ${JSON.stringify(e.op)}, value: [${e.value.map((v) => JSON.stringify(v)).join(' ')}]}`
    : `{op: ${JSON.stringify(e.op)}}`;
}

/** What an expression looks at: nothing, presence, or the value. */
export type ExpressionKind = 'any' | 'exists' | 'doesNotExist' | 'value';

export interface CompiledExpression {
  readonly kind: ExpressionKind;
  /** NFD's error whatever the input: an unknown op, a value on MatchAny/Exists/DoesNotExist. */
  readonly always: string | undefined;
  /**
   * NFD's verdict on a present value (kind 'value'); throws ExpressionError where NFD errors
   * (for some ops on any value: a wrong value count, an unknown type, an invalid regexp).
   * Undefined for In and NotIn with values (`members`): testValue looks the value up.
   */
  readonly test: ((value: string) => boolean) | undefined;
  /**
   * Its ExpressionCompiler's number for it: equal for expressions that give the same verdicts,
   * errors and report on every input (op, type, values); -1 when compiled alone.
   */
  readonly id: number;
  /** Whether `test` costs more than a lookup of its result would (regexps, numbers, versions). */
  readonly costly: boolean;
  /** The expression as results report it (ExpressionCompiler's: shared, frozen). */
  readonly reported: ReportedExpression | undefined;
  /** The expression it was compiled from (ExpressionCompiler's: to compare with the next). */
  readonly source: MatchExpression | undefined;
  /** In and NotIn: the values, distinct (the verdict is membership, negated for NotIn). */
  readonly members: readonly unknown[] | undefined;
  /** The members in a Set when there are many (more than a few compared in turn cost). */
  readonly lookup: ReadonlySet<unknown> | undefined;
  readonly negated: boolean | undefined;
}

/** c's verdict on a present value (kind 'value'), as `test`; throws ExpressionError where NFD errors. */
export function testValue(c: CompiledExpression, value: string): boolean {
  const members = c.members;
  if (members === undefined) return c.test!(value);
  if (c.lookup) return c.lookup.has(value) !== c.negated;
  // A few members compared in turn: cheaper than includes() (a builtin call) once optimised.
  for (let i = 0; i < members.length; i++) if (members[i] === value) return !c.negated;
  return c.negated === true;
}

const fail = (message: string) => (): never => {
  throw new ExpressionError(message);
};
const never = (): boolean => false;

function emptyValueError(e: MatchExpression): string {
  return `invalid expression, 'value' field must be empty for Op ${JSON.stringify(e.op)} (have ${describe(e)})`;
}

/** A reference value parsed on first use; its error is NFD's, thrown only when a value is compared. */
function lazyRef<T>(parse: () => T): () => T {
  let done = false;
  let v: T;
  return () => {
    if (!done) {
      v = parse();
      done = true;
    }
    return v;
  };
}

/** A side of Gt..GeLe: an integer (number or bigint, which compare exactly) or a version. */
type Side = number | bigint | bigint[];

/** How Gt..GeLe read both sides: `type: version` as versions, no type (or "") as integers. */
function reader(e: MatchExpression): {
  input: (s: string) => Side;
  ref: (i: number) => () => Side;
  compare: (a: Side, b: Side) => number;
} {
  const version = (e.type ?? '') === 'version';
  const parse: (s: string) => Side | undefined = version ? parseVersion : parseGoIntFast;
  const kind = version ? 'version' : 'number';
  return {
    input: (s) => {
      const v = parse(s);
      if (v === undefined) throw new ExpressionError(`not a ${kind} ${JSON.stringify(s)}`);
      return v;
    },
    ref: (i) =>
      lazyRef(() => {
        const v = parse(e.value![i]!);
        if (v === undefined)
          throw new ExpressionError(`not a ${kind} ${JSON.stringify(e.value![i])} in ${describe(e)}`);
        return v;
      }),
    compare: version
      ? (a, b) => compareVersions(a as bigint[], b as bigint[])
      : (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  };
}

function typeError(e: MatchExpression): string | undefined {
  const type = e.type ?? '';
  return type === '' || type === 'version'
    ? undefined
    : `invalid expression, 'type' field only accepts "version" value for Op ${JSON.stringify(e.op)} (have ${JSON.stringify(type)})`;
}

function compileTest(e: MatchExpression): (value: string) => boolean {
  const values = e.value ?? [];
  const nonEmpty = `invalid expression, 'value' field must be non-empty for Op ${JSON.stringify(e.op)}`;
  switch (e.op) {
    case 'In':
    case 'NotIn':
      return fail(nonEmpty); // with values: a Set (compile)
    case 'InRegexp': {
      if (!values.length) return fail(nonEmpty);
      // Plain-text patterns (the usual name prefixes) are matched without the engine.
      const literals = values.map(literalPattern);
      if (literals.every((t) => t !== undefined)) return (v) => literals.some((t) => t!(v));
      const res = lazyRef((): RE2JS[] =>
        values.map((p) => {
          try {
            return compileRE2(p);
          } catch (err) {
            rethrowEngineError(err);
            throw new ExpressionError(
              `invalid expression, 'value' field must only contain valid regexps for Op "InRegexp" (have ${describe(e)})`,
            );
          }
        }),
      );
      return (v) => res().some((re) => re.test(v));
    }
    case 'Gt':
    case 'Ge':
    case 'Lt':
    case 'Le': {
      if (values.length !== 1)
        return fail(
          `invalid expression, 'value' field must contain exactly one element for Op ${JSON.stringify(e.op)} (have ${describe(e)})`,
        );
      const te = typeError(e);
      if (te) return fail(te);
      const { input, ref, compare } = reader(e);
      const r = ref(0);
      const holds: (c: number) => boolean =
        e.op === 'Gt'
          ? (c) => c > 0
          : e.op === 'Ge'
            ? (c) => c >= 0
            : e.op === 'Lt'
              ? (c) => c < 0
              : (c) => c <= 0;
      return (v) => {
        const l = input(v);
        return holds(compare(l, r()));
      };
    }
    case 'GtLt':
    case 'GeLe': {
      if (values.length !== 2)
        return fail(
          `invalid expression, 'value' field must contain exactly two elements for Op ${JSON.stringify(e.op)} (have ${describe(e)})`,
        );
      const te = typeError(e);
      if (te) return fail(te);
      const integers = (e.type ?? '') === '';
      const { input, ref, compare } = reader(e);
      const r0 = ref(0);
      const r1 = ref(1);
      const range = `invalid expression, value[0] must be less than Value[1] for Op ${JSON.stringify(e.op)} (have ${describe(e)})`;
      const open = e.op === 'GtLt';
      return (v) => {
        const l = input(v);
        const lo = compare(l, r0());
        const hi = compare(l, r1());
        // value[0] < value[1] is checked after both parse, as NFD does, and only for integers:
        // NFD has no such check for versions (a reversed version range is simply never true).
        if (integers && compare(r0(), r1()) >= 0) throw new ExpressionError(range);
        return open ? lo > 0 && hi < 0 : lo >= 0 && hi <= 0;
      };
    }
    case 'IsTrue':
    case 'IsFalse': {
      if (values.length) return fail(emptyValueError(e));
      const want = e.op === 'IsTrue' ? 'true' : 'false';
      return (v) => v === want;
    }
  }
  return fail(`unsupported Op ${JSON.stringify(e.op)}`);
}

/** An expression as results report it (a copy, frozen: shared by every result) and its String(). */
export interface ReportedExpression {
  expression: MatchExpression;
  /** describe(expression), made when first asked for (reportedText): report plans need it on ties only. */
  text?: string;
}

/** NFD's String() of a reported expression. */
export function reportedText(r: ReportedExpression): string {
  return (r.text ??= describe(r.expression));
}

function reported(e: MatchExpression): ReportedExpression {
  const expression: MatchExpression = { op: e.op };
  if (e.value?.length) expression.value = Object.freeze([...e.value]) as string[];
  if (e.type) expression.type = e.type;
  return { expression: Object.freeze(expression), text: undefined };
}

const COSTLY_OPS: ReadonlySet<string> = new Set(['InRegexp', 'Gt', 'Ge', 'Lt', 'Le', 'GtLt', 'GeLe']);

/** Compiles an expression; never throws (NFD's errors are thrown when it is evaluated). */
export function compileExpression(e: MatchExpression): CompiledExpression {
  return compile(e, -1);
}

function compile(
  e: MatchExpression,
  id: number,
  report?: ReportedExpression,
  source?: MatchExpression,
): CompiledExpression {
  if (!KNOWN_OPS.has(e.op))
    return make(id, 'value', `invalid Op ${JSON.stringify(e.op)}`, never, false, report, source);
  const kind: ExpressionKind =
    e.op === MATCH_ANY
      ? 'any'
      : e.op === 'Exists'
        ? 'exists'
        : e.op === 'DoesNotExist'
          ? 'doesNotExist'
          : 'value';
  if (kind !== 'value')
    return make(id, kind, e.value?.length ? emptyValueError(e) : undefined, never, false, report, source);
  if ((e.op === 'In' || e.op === 'NotIn') && e.value?.length) {
    // The report's frozen copy of the values, when they are distinct (they nearly always are).
    const members = distinct(report?.expression.value ?? [...e.value]);
    // A few values: compared in turn (cheaper than hashing the input); many: a Set.
    const lookup = members.length > 8 ? new Set(members) : undefined;
    return make(id, kind, undefined, undefined, false, report, source, members, lookup, e.op === 'NotIn');
  }
  return make(id, kind, undefined, compileTest(e), COSTLY_OPS.has(e.op), report, source);
}

/** One shape for every expression (absent parts undefined): the evaluator's call sites stay monomorphic. */
function make(
  id: number,
  kind: ExpressionKind,
  always: string | undefined,
  test: ((value: string) => boolean) | undefined,
  costly: boolean,
  reported: ReportedExpression | undefined,
  source: MatchExpression | undefined,
  members?: readonly unknown[],
  lookup?: ReadonlySet<unknown>,
  negated?: boolean,
): CompiledExpression {
  return { id, kind, always, test, costly, members, lookup, negated, reported, source };
}

/** values without repeats, first occurrence first (values itself when it has none). */
function distinct(values: readonly unknown[]): readonly unknown[] {
  if (values.length > 8) return values.length === new Set(values).size ? values : [...new Set(values)];
  for (let i = 1; i < values.length; i++)
    if (values.lastIndexOf(values[i], i - 1) >= 0) return [...new Set(values)];
  return values;
}

const NO_VALUES: readonly string[] = [];

/**
 * The hash of an expression's op, type and values (what its verdicts, errors and report depend
 * on), or -1 when a part is not a plain string (such an expression is compiled on its own).
 */
export function expressionHash(e: MatchExpression): number {
  const op: unknown = e.op;
  const type: unknown = e.type ?? '';
  const values: unknown = e.value ?? NO_VALUES;
  if (typeof op !== 'string' || typeof type !== 'string' || !Array.isArray(values)) return -1;
  let h = mixString(mixString(SEED, op), type);
  for (let i = 0; i < values.length; i++) {
    const v: unknown = values[i];
    if (typeof v !== 'string') return -1;
    h = mixString(h, v);
  }
  return mixInt(h, values.length);
}

/**
 * Whether b has a's op, type and values, a plain expression (expressionHash not -1) and b any
 * (strict comparisons of strings: a part of b that is not a plain string differs).
 */
export function alike(a: MatchExpression, b: MatchExpression): boolean {
  if (a.op !== b.op || (a.type ?? '') !== (b.type ?? '')) return false;
  const av = a.value ?? NO_VALUES;
  const bv: unknown = b.value ?? NO_VALUES;
  if (!Array.isArray(bv) || av.length !== bv.length) return false;
  for (let i = 0; i < av.length; i++) if (av[i] !== bv[i]) return false;
  return true;
}

/** A term's feature: lower-cased (as NFD looks it up) and NFD's template split of its spelling. */
export interface FeatureName {
  lower: string;
  /** Domain and name at the first dot, as written (no dot: the whole, lower-cased, and ""). */
  dom: string;
  nam: string;
}

/**
 * Compiles the expressions of one spec, each distinct one once (rules repeat expressions; each
 * compiled expression has its own id, equal expressions one), and reads each distinct feature
 * name once.
 */
export class ExpressionCompiler {
  private readonly compiled = new Buckets<CompiledExpression>();
  private readonly features = new Map<string, FeatureName>();
  private readonly elements = new Map<string, Map<string, number>>();
  /** By expression number: the element first reported with it, and that pair's number (reportId). */
  private readonly firstElement: number[] = [];
  private readonly firstReport: number[] = [];
  /** The other pairs: by element, then expression number. */
  private readonly reports = new Map<number, Map<number, number>>();
  private ids = 0;
  private elementIds = 0;
  private reportIds = 0;

  /** A number for an element (element()) with an expression compiled here (the same for the same pair). */
  reportId(element: number, c: CompiledExpression): number {
    // Most expressions are reported with one element: that pair by the expression's number.
    const first = this.firstElement[c.id];
    if (first === undefined) {
      this.firstElement[c.id] = element;
      return (this.firstReport[c.id] = this.reportIds++);
    }
    if (first === element) return this.firstReport[c.id]!;
    let byExpression = this.reports.get(element);
    if (!byExpression) {
      byExpression = new Map();
      this.reports.set(element, byExpression);
    }
    let id = byExpression.get(c.id);
    if (id === undefined) {
      id = this.reportIds++;
      byExpression.set(c.id, id);
    }
    return id;
  }

  /** A number for element `name` of feature `spelling` (the same for the same pair). */
  element(spelling: string, name: string): number {
    let byName = this.elements.get(spelling);
    if (!byName) {
      byName = new Map();
      this.elements.set(spelling, byName);
    }
    let id = byName.get(name);
    if (id === undefined) {
      id = this.elementIds++;
      byName.set(name, id);
    }
    return id;
  }

  feature(spelling: string): FeatureName {
    let f = this.features.get(spelling);
    if (!f) {
      const dot = spelling.indexOf('.');
      const lower = spelling.toLowerCase();
      f =
        dot < 0
          ? { lower, dom: lower, nam: '' }
          : { lower, dom: spelling.slice(0, dot), nam: spelling.slice(dot + 1) };
      this.features.set(spelling, f);
    }
    return f;
  }

  /** `h`: expressionHash(e), when the caller has it. */
  compile(e: MatchExpression, h = expressionHash(e)): CompiledExpression {
    if (h >= 0) {
      const table = this.compiled;
      for (let i = table.first(h); i >= 0; i = table.next(h, i))
        if (alike(table.at(i).source!, e)) return table.at(i);
    }
    const c = compile(e, this.ids++, reported(e), e);
    if (h >= 0) this.compiled.add(h, c);
    return c;
  }
}

/** Remembers a costly expression's verdicts on one host's values (see HostIndex). */
export interface VerdictMemo {
  test(c: CompiledExpression, value: string): boolean;
}

/**
 * A compiled expression against one input (`valid`: the key exists; `value`: undefined for a
 * flag), its verdict remembered in `memo` when it is costly.
 */
export function evaluateCompiled(
  c: CompiledExpression,
  valid: boolean,
  value: string | undefined,
  memo?: VerdictMemo,
): boolean {
  if (c.always !== undefined) throw new ExpressionError(c.always);
  switch (c.kind) {
    case 'any':
      return true;
    case 'exists':
      return valid;
    case 'doesNotExist':
      return !valid;
  }
  if (!valid || value === undefined) return false;
  return memo && c.costly ? memo.test(c, value) : testValue(c, value);
}

/**
 * `valid`: the key exists. `value`: its string value, undefined for a flag (or a missing key).
 * Throws ExpressionError where NFD returns an error.
 */
export function evaluateExpression(e: MatchExpression, valid: boolean, value: string | undefined): boolean {
  return evaluateCompiled(compileExpression(e), valid, value);
}
