// Structural hashes for interning a spec's compiled parts (expression.ts, terms.ts, rule.ts): rules
// repeat expressions, terms and lists of terms, and each distinct one is compiled once. A key
// string built per term cost more at compile time than the evaluation it saved (issue #17's
// profile: the first evaluation of 10,000 rules); a hash over the parts (FNV-1a, strings char by
// char) allocates nothing, and a hit is confirmed by comparing the parts themselves, so that a
// collision costs a comparison, never a wrong share.

const PRIME = 0x01000193;

/** The hash of nothing, to mix parts into. */
export const SEED = 0x811c9dc5 | 0;

/** h with string s mixed in (its length too: "ab","c" and "a","bc" differ). */
export function mixString(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), PRIME);
  return Math.imul(h ^ s.length, PRIME);
}

/** h with integer n mixed in. */
export function mixInt(h: number, n: number): number {
  return Math.imul(h ^ n, PRIME);
}

/** A hash as a Map key: a small integer, V8's fastest key. */
export function hashKey(h: number): number {
  return h & 0x3fffffff;
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
