// The plain-text patterns that the evaluator and the spec checks match without the RE2 engine
// (spec/values.ts literalPattern) give RE2's verdict on every input, and every other pattern is
// left to the engine.
import { describe, expect, it } from '@jest/globals';
import { compileRE2, literalPattern } from '../../src/spec/values.js';

const literal = ['', '^', '$', '^$', 'AVX', '^AVX512', 'generic$', '^6-8$', 'a b', 'x_y/z:1=2,3@4%5#', '^-'];
const other = ['^6\\.', 'a.b', '(?i)avx', 'a|b', 'a*', '[a]', '^a$$', '$a', 'a^', '\\d', 'é'];
const inputs = [
  '',
  'AVX',
  'AVX512F',
  'xAVX512',
  'avx512',
  '6-8',
  '6-8-generic',
  'generic',
  'a b',
  '^',
  '$',
  '-x',
];

describe('literalPattern', () => {
  it.each(literal)('%j: the verdicts of RE2', (p) => {
    const test = literalPattern(p);
    expect(test).toBeDefined();
    for (const s of [...inputs, p, `x${p}x`]) expect([s, test!(s)]).toEqual([s, compileRE2(p).test(s)]);
  });

  it.each(other)('%j: left to the engine', (p) => {
    expect(literalPattern(p)).toBeUndefined();
  });

  it('a value that is not a string is left to the engine', () => {
    expect(literalPattern(1 as unknown as string)).toBeUndefined();
  });
});
