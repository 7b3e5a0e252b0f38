// Structural hashes for interning a spec's compiled parts (expression.ts, terms.ts, rule.ts): rules
// repeat expressions, terms and lists of terms, and each distinct one is compiled once. A key
// string built per term cost more at compile time than the evaluation it saved (issue #17's
// profile: the first evaluation of 10,000 rules); a hash over the parts (polynomial, strings char by
// char) allocates nothing, and a hit is confirmed by comparing the parts themselves, so that a
// collision costs a comparison, never a wrong share.

// Every step stays a small integer (under 2^30, V8's Smi): in code not yet optimised (the first
// evaluation of a spec runs much of it), a larger integer would be a heap number per step.
const MASK = 0xffffff;

/** The hash of nothing, to mix parts into. */
export const SEED = 5381;

/** h with string s mixed in (its length too: "ab","c" and "a","bc" differ). */
export function mixString(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) & MASK;
  return (h * 31 + s.length) & MASK;
}

/** h with integer n (-1 or more) mixed in. */
export function mixInt(h: number, n: number): number {
  return (h * 31 + ((n + 1) & MASK)) & MASK;
}

/** One value of a Buckets chain. */
export interface Bucket<T> {
  readonly value: T;
  readonly next: Bucket<T> | undefined;
}

/** Interned values by hash: each hash's chain of values, for the caller to compare with its own. */
export class Buckets<T> {
  private readonly byHash = new Map<number, Bucket<T>>();

  /** The chain of values stored under hash h (newest first), or undefined. */
  head(h: number): Bucket<T> | undefined {
    return this.byHash.get(h);
  }

  add(h: number, value: T): void {
    this.byHash.set(h, { value, next: this.byHash.get(h) });
  }
}
