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

/**
 * Interned values by hash, in an open-addressed table (linear probing over a power-of-two size,
 * twice the values at least): no object and no Map entry per value, which a spec's thousands of
 * distinct terms would each cost. The caller walks the slots of a hash (first, next) and compares
 * the values with its own.
 */
export class Buckets<T> {
  /** Per slot: its value's hash + 1, or 0 when empty. */
  private hashes = new Int32Array(16);
  private values: Array<T | undefined> = new Array<T | undefined>(16);
  private count = 0;
  /** 32 - log2(the table's size): start()'s shift. */
  private shift = 28;

  /** The first slot holding a value of hash h, or -1. */
  first(h: number): number {
    return this.probe(h, this.start(h));
  }

  /** The next slot after `slot` holding a value of hash h, or -1. */
  next(h: number, slot: number): number {
    return this.probe(h, (slot + 1) & (this.hashes.length - 1));
  }

  at(slot: number): T {
    return this.values[slot]!;
  }

  add(h: number, value: T): void {
    if ((this.count + 1) * 2 > this.hashes.length) this.grow();
    this.put(h, value);
    this.count++;
  }

  private start(h: number): number {
    // Fibonacci hashing: the top bits of h times 2^32/phi, so that nearby hashes spread out.
    return Math.imul(h, 0x9e3779b1) >>> this.shift;
  }

  private probe(h: number, from: number): number {
    const hashes = this.hashes;
    const mask = hashes.length - 1;
    for (let slot = from; ; slot = (slot + 1) & mask) {
      const x = hashes[slot]!;
      if (x === 0) return -1;
      if (x === h + 1) return slot;
    }
  }

  private put(h: number, value: T): void {
    const hashes = this.hashes;
    const mask = hashes.length - 1;
    let slot = this.start(h);
    while (hashes[slot] !== 0) slot = (slot + 1) & mask;
    hashes[slot] = h + 1;
    this.values[slot] = value;
  }

  private grow(): void {
    const hashes = this.hashes;
    const values = this.values;
    this.hashes = new Int32Array(hashes.length * 2);
    this.values = new Array<T | undefined>(hashes.length * 2);
    this.shift--;
    for (let slot = 0; slot < hashes.length; slot++)
      if (hashes[slot] !== 0) this.put(hashes[slot]! - 1, values[slot]!);
  }
}
