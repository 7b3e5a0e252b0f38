// One host's features indexed for evaluation, built lazily and kept for one evaluateSpec (the
// lifetime of a HostIndex): for an instance feature, each attribute's distinct values with the
// instances holding them, so that an expression is decided once per distinct value (and, for the
// same op, type and values, once per host) instead of once per instance and rule; the instances'
// attribute-name lists, grouped, for matchName; and each element's host values, computed once
// and shared as frozen arrays. Bit sets are Uint32Arrays, one bit per instance, in instance order.
import type { Features, InstanceFeature } from '../features/types.js';
import { ExpressionError, testValue, type CompiledExpression, type VerdictMemo } from './expression.js';

export type Bits = Uint32Array;

/** An expression's verdict on every instance of a feature. */
export interface InstanceVerdict {
  /** The instances it holds for. */
  match: Bits;
  any: boolean;
  /** The instances where NFD errors; undefined when none. */
  errors?: Bits;
  /** The error of an instance in `errors`. */
  errorAt?: (instance: number) => string;
}

interface AttributeIndex {
  name: string;
  present: Bits;
  /** Distinct values (first appearance first) -> the instances that have them. */
  values: Map<string, number[]>;
  /** The same, as two arrays (iterated without an iterator). */
  distinct: string[];
  holders: number[][];
  /**
   * By compiled expression number (equal expressions are one: ExpressionCompiler; a host is
   * evaluated with the expressions of one compiler, whose numbers are distinct).
   */
  verdicts: Array<InstanceVerdict | undefined>;
}

/** Instances that share one list of attribute names (matchName looks at the names only). */
export interface NameGroup {
  names: string[];
  members: number[];
}

/**
 * Up to this many instances, a term is decided instance by instance (terms.ts), without this
 * index: on the bench's hosts (scripts/bench-evaluate.mjs) building it pays off only for many
 * rules over a few dozen instances or more.
 */
export const DIRECT_INSTANCES = 32;

export class InstanceIndex {
  readonly size: number;
  private attrs?: Map<string, AttributeIndex>;
  private groups?: NameGroup[];
  private scratch?: Bits;
  private nothing?: InstanceVerdict;

  constructor(readonly elements: readonly InstanceFeature[]) {
    this.size = elements.length;
  }

  empty(): Bits {
    return new Uint32Array((this.size + 31) >>> 5);
  }

  all(): Bits {
    const b = this.empty();
    b.fill(0xffffffff);
    if (this.size & 31) b[b.length - 1] = (1 << (this.size & 31)) - 1;
    return b;
  }

  /** The verdict that holds nowhere (an empty set never written to), one for every such verdict. */
  private nowhere(): InstanceVerdict {
    return (this.nothing ??= { match: this.empty(), any: false });
  }

  /** all(), in one buffer reused by every call: valid until the next call. */
  allScratch(): Bits {
    if (!this.scratch) this.scratch = this.all();
    else {
      this.scratch.fill(0xffffffff);
      if (this.size & 31) this.scratch[this.scratch.length - 1] = (1 << (this.size & 31)) - 1;
    }
    return this.scratch;
  }

  private attribute(name: string): AttributeIndex {
    let a = this.attrs?.get(name);
    if (!a) {
      const present = this.empty();
      const values = new Map<string, number[]>();
      const distinct: string[] = [];
      const holders: number[][] = [];
      for (let i = 0; i < this.size; i++) {
        const attrs = this.elements[i]!.attributes;
        if (!attrs || !Object.hasOwn(attrs, name)) continue;
        present[i >>> 5]! |= 1 << (i & 31);
        const v = attrs[name];
        if (v === undefined) continue;
        const list = values.get(v);
        if (list) list.push(i);
        else {
          const l = [i];
          values.set(v, l);
          distinct.push(v);
          holders.push(l);
        }
      }
      a = { name, present, values, distinct, holders, verdicts: [] };
      (this.attrs ??= new Map()).set(name, a);
    }
    return a;
  }

  /** The attribute's distinct values across instances, first appearance first (hostValuesOf's order). */
  valuesOf(name: string): string[] {
    return this.attribute(name).distinct.slice();
  }

  /** The expression on attribute `name` of every instance, as NFD's evaluateMatchExpression. */
  verdict(name: string, c: CompiledExpression): InstanceVerdict {
    const a = this.attribute(name);
    // An expression compiled alone (number -1) is decided each time.
    if (c.id < 0) return this.decide(a, c);
    return (a.verdicts[c.id] ??= this.decide(a, c));
  }

  private decide(a: AttributeIndex, c: CompiledExpression): InstanceVerdict {
    if (c.always !== undefined) {
      const message = c.always;
      return { match: this.empty(), any: false, errors: this.all(), errorAt: () => message };
    }
    if (c.kind === 'any') return { match: this.all(), any: this.size > 0 };
    if (c.kind === 'exists') return { match: a.present, any: a.present.some((w) => w !== 0) };
    if (c.kind === 'doesNotExist') {
      const match = this.all();
      for (let w = 0; w < match.length; w++) match[w]! &= ~a.present[w]!;
      return { match, any: match.some((w) => w !== 0) };
    }
    if (c.members && !c.negated) {
      // In: the instances holding one of its values (no value errors: the list is not empty).
      // Often none does (the hardware a rule asks for is absent): then the shared empty set.
      const wanted = c.members;
      let match: Bits | undefined;
      for (let m = 0; m < wanted.length; m++) {
        const members = a.values.get(wanted[m] as string);
        if (!members) continue;
        match ??= this.empty();
        for (let k = 0; k < members.length; k++) match[members[k]! >>> 5]! |= 1 << (members[k]! & 31);
      }
      return match ? { match, any: true } : this.nowhere();
    }
    const match = this.empty();
    let any = false;
    let errors: Bits | undefined;
    let messages: Map<string, string> | undefined;
    for (let d = 0; d < a.distinct.length; d++) {
      const value = a.distinct[d]!;
      const members = a.holders[d]!;
      let holds: boolean;
      try {
        holds = testValue(c, value);
      } catch (err) {
        if (!(err instanceof ExpressionError)) throw err;
        errors ??= this.empty();
        (messages ??= new Map()).set(value, err.message);
        for (let k = 0; k < members.length; k++) errors[members[k]! >>> 5]! |= 1 << (members[k]! & 31);
        continue;
      }
      if (!holds) continue;
      any = true;
      for (let k = 0; k < members.length; k++) match[members[k]! >>> 5]! |= 1 << (members[k]! & 31);
    }
    if (!errors) return { match, any };
    return { match, any, errors, errorAt: (i) => messages!.get(this.elements[i]!.attributes[a.name]!)! };
  }

  /** The instances' attribute names, grouped by identical lists, groups in first-member order. */
  nameGroups(): NameGroup[] {
    if (!this.groups) {
      const byList = new Map<string, NameGroup>();
      this.groups = [];
      this.elements.forEach((inst, i) => {
        const names = Object.keys(inst.attributes ?? {});
        const key = JSON.stringify(names);
        let g = byList.get(key);
        if (!g) {
          g = { names, members: [] };
          byList.set(key, g);
          this.groups!.push(g);
        }
        g.members.push(i);
      });
    }
    return this.groups;
  }
}

/** The lowest set bit of a bit set, or -1. */
export function firstBit(b: Bits): number {
  for (let w = 0; w < b.length; w++) {
    const x = b[w]!;
    if (x !== 0) return (w << 5) + (31 - Math.clz32(x & -x));
  }
  return -1;
}

/** The lowest set bit at or after `from`, or -1. */
export function nextBit(b: Bits, from: number): number {
  let w = from >>> 5;
  if (w >= b.length) return -1;
  let x = b[w]! & (~0 << (from & 31));
  for (;;) {
    if (x !== 0) return (w << 5) + (31 - Math.clz32(x & -x));
    if (++w >= b.length) return -1;
    x = b[w]!;
  }
}

/** a &= b. */
export function andInto(a: Bits, b: Bits): void {
  for (let w = 0; w < a.length; w++) a[w]! &= b[w]!;
}

/** obj[key] only when it is the object's own property (a feature named "constructor" is not found on {}). */
export function own<T>(obj: Record<string, T> | undefined, key: string): T | undefined {
  return obj && Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/**
 * Go's maps.Copy into `out`: own enumerable keys, `__proto__` a key like any other (the one key
 * a plain assignment would not write as a property).
 */
export function assignOwn(out: Record<string, string>, from: Record<string, string>): void {
  const keys = Object.keys(from);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (k === '__proto__')
      Object.defineProperty(out, k, { value: from[k], enumerable: true, writable: true, configurable: true });
    else out[k] = from[k]!;
  }
}

/** The host values of an element the host does not have: one frozen array for all. */
const NO_VALUES = Object.freeze([]) as readonly string[] as string[];

/**
 * What the host has for element `name` of `feature` (see MatchedExpression.hostValues): arrays
 * of the exact size (a report holds many; an array grown by push holds room for 17 or more), the
 * same frozen empty one when the host has nothing.
 */
export function hostValuesOf(features: Features, feature: string, name: string): string[] {
  return valuesIn(
    own(features.flags, feature)?.elements,
    own(features.attributes, feature)?.elements,
    own(features.instances, feature)?.elements,
    name,
  );
}

/**
 * hostValuesOf on a feature's elements already looked up (HostIndex.hostValues looks them up for
 * its own test too: a lookup by a feature name not known in advance is not free).
 */
function valuesIn(
  flags: Record<string, unknown> | undefined,
  attrs: Record<string, string> | undefined,
  insts: readonly InstanceFeature[] | undefined,
  name: string,
): string[] {
  const flag = flags !== undefined && Object.hasOwn(flags, name);
  const attr = attrs !== undefined && Object.hasOwn(attrs, name);
  if (!insts) {
    if (!attr) return flag ? [name] : NO_VALUES;
    return flag && attrs[name] !== name ? [name, attrs[name]!] : [attrs[name]!];
  }
  // Distinct values in first-appearance order, written into an array of the most there can be,
  // then cut to size (in place); found again by a Set for many instances, a scan for a few.
  const out = new Array<string>(insts.length + 2);
  let n = 0;
  if (flag) out[n++] = name;
  if (attr && !(flag && attrs[name] === name)) out[n++] = attrs[name]!;
  const seen = insts.length > DIRECT_INSTANCES ? new Set(out.slice(0, n)) : undefined;
  for (let i = 0; i < insts.length; i++) {
    const a = insts[i]!.attributes;
    if (!a || !Object.hasOwn(a, name)) continue;
    const v = a[name]!;
    if (seen ? seen.has(v) : among(out, n, v)) continue;
    seen?.add(v);
    out[n++] = v;
  }
  if (n === 0) return NO_VALUES;
  out.length = n;
  return out;
}

/** Whether v is one of the first n of xs. */
function among(xs: readonly string[], n: number, v: string): boolean {
  for (let i = 0; i < n; i++) if (xs[i] === v) return true;
  return false;
}

export class HostIndex implements VerdictMemo {
  // Created on first use: a host that a spec barely looks at (many small hosts) pays for none.
  private instanceIndexes?: Map<string, InstanceIndex>;
  /** By element number (ExpressionCompiler.element). */
  private readonly hostValueCache: Array<string[] | undefined> = [];
  /** Costly expressions' verdicts on this host's values: true, false, or NFD's error message. */
  private verdicts?: Map<CompiledExpression, Map<string, boolean | string>>;

  /** `features`: the host's, as given (not the working copy with rule.matched). */
  constructor(readonly features: Features) {}

  /** The index of an instance feature's elements (the host's; rule.matched is never an instance feature). */
  instances(feature: string, elements: readonly InstanceFeature[]): InstanceIndex {
    let ix = this.instanceIndexes?.get(feature);
    if (!ix || ix.elements !== elements) {
      ix = new InstanceIndex(elements);
      (this.instanceIndexes ??= new Map()).set(feature, ix);
    }
    return ix;
  }

  /** testValue(c, value), remembered (flag, attribute and element names repeat from rule to rule). */
  test(c: CompiledExpression, value: string): boolean {
    let byValue = this.verdicts?.get(c);
    if (!byValue) {
      byValue = new Map();
      (this.verdicts ??= new Map()).set(c, byValue);
    }
    let v = byValue.get(value);
    if (v === undefined) {
      try {
        v = testValue(c, value);
      } catch (err) {
        if (!(err instanceof ExpressionError)) throw err;
        v = err.message;
      }
      byValue.set(value, v);
    }
    if (typeof v === 'string') throw new ExpressionError(v);
    return v;
  }

  /**
   * hostValuesOf the host's features, computed once per element and shared (frozen once shared); `element`:
   * the compiler's number for (feature, name).
   */
  hostValues(feature: string, name: string, element: number): string[] {
    const v = this.hostValueCache[element];
    // Frozen when handed out a second time (then shared); freezing costs as much as making it.
    if (v) return Object.isFrozen(v) ? v : (Object.freeze(v) as string[]);
    const f = this.features;
    const flags = own(f.flags, feature)?.elements;
    const attrs = own(f.attributes, feature)?.elements;
    const insts = own(f.instances, feature)?.elements;
    // Many instances only: the distinct values the instance index has (or will need) anyway.
    const values =
      insts && insts.length > DIRECT_INSTANCES && !flags && !attrs
        ? this.instances(feature, insts).valuesOf(name)
        : valuesIn(flags, attrs, insts, name);
    this.hostValueCache[element] = values;
    return values;
  }
}
