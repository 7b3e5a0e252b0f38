import { describe, expect, it } from '@jest/globals';
import { evaluateExpression, ExpressionError } from '../../src/match/expression.js';
import type { MatchExpression, MatchOp } from '../../src/spec/types.js';
import { parseGoInt, parseVersion } from '../../src/spec/values.js';

const e = (op: string, value?: string[], type?: 'version'): MatchExpression => ({
  op: op as MatchOp,
  ...(value ? { value } : {}),
  ...(type ? { type } : {}),
});

// [op, values, type, valid, host value (undefined: a flag or missing key), expected]
const cases: Array<
  [string, string[] | undefined, 'version' | undefined, boolean, string | undefined, boolean]
> = [
  ['Exists', undefined, undefined, true, undefined, true],
  ['Exists', undefined, undefined, false, undefined, false],
  ['Exists', undefined, undefined, true, 'x', true],
  ['DoesNotExist', undefined, undefined, false, undefined, true],
  ['DoesNotExist', undefined, undefined, true, undefined, false],
  ['In', ['a', 'b'], undefined, true, 'b', true],
  ['In', ['a', 'b'], undefined, true, 'B', false],
  ['In', ['a'], undefined, true, undefined, false], // In never matches a flag
  ['In', ['a'], undefined, false, undefined, false],
  ['NotIn', ['a'], undefined, true, 'b', true],
  ['NotIn', ['a'], undefined, true, 'a', false],
  ['NotIn', ['a'], undefined, false, undefined, false], // NotIn on a missing key is false
  ['NotIn', ['a'], undefined, true, undefined, false], // ... and on a flag
  ['InRegexp', ['^val-[0-9]$'], undefined, true, 'val-1', true],
  ['InRegexp', ['val-[0-9]$'], undefined, true, 'val-12', false],
  ['InRegexp', ['val-[0-9]$', 'al-[1-9]'], undefined, true, 'val-12', true], // unanchored
  ['InRegexp', ['^AVX'], undefined, true, 'xAVX', false],
  ['InRegexp', ['a'], undefined, false, undefined, false],
  ['Gt', ['2'], undefined, true, '3', true],
  ['Gt', ['2'], undefined, true, '2', false],
  ['Gt', ['-10'], undefined, true, '-3', true],
  ['Gt', ['2'], undefined, true, '+3', true], // Atoi accepts a sign
  ['Gt', ['2'], undefined, false, '3', false],
  ['Ge', ['2'], undefined, true, '2', true],
  ['Ge', ['2'], undefined, true, '1', false],
  ['Lt', ['2'], undefined, true, '1', true],
  ['Lt', ['2'], undefined, true, '2', false],
  ['Le', ['2'], undefined, true, '2', true],
  ['Le', ['2'], undefined, true, '3', false],
  ['Gt', ['9223372036854775806'], undefined, true, '9223372036854775807', true], // 64-bit range
  ['GtLt', ['1', '10'], undefined, true, '1', false],
  ['GtLt', ['1', '10'], undefined, true, '10', false],
  ['GtLt', ['1', '10'], undefined, true, '2', true],
  ['GeLe', ['-10', '10'], undefined, true, '10', true],
  ['GeLe', ['-10', '10'], undefined, true, '-10', true],
  ['GeLe', ['-10', '10'], undefined, true, '-11', false],
  ['IsTrue', undefined, undefined, true, 'true', true],
  ['IsTrue', undefined, undefined, true, 'True', false],
  ['IsTrue', undefined, undefined, true, '1', false],
  ['IsTrue', undefined, undefined, true, undefined, false],
  ['IsFalse', undefined, undefined, true, 'false', true],
  ['IsFalse', undefined, undefined, true, 'true', false],
  // type: version
  ['Gt', ['2'], 'version', true, '3', true],
  ['Gt', ['2.0'], 'version', true, '2.0', false],
  ['Gt', ['2.0'], 'version', true, '2.1', true],
  ['Gt', ['2.0.1'], 'version', true, '2.0.2', true],
  ['Ge', ['6.8'], 'version', true, '6.8.0-45-generic', true], // pre-release dropped
  ['Ge', ['6.9'], 'version', true, '6.8.0-45-generic', false],
  ['Ge', ['535'], 'version', true, '470.82', false],
  ['Ge', ['535'], 'version', true, '550.107.02', true],
  ['Ge', ['22.04'], 'version', true, '22.10', true],
  ['Lt', ['2.0.1'], 'version', true, '2.0.0', true],
  ['Le', ['2.0'], 'version', true, '2.0', true],
  ['Le', ['2.0'], 'version', true, '2.1', false],
  ['Ge', ['1.2'], 'version', true, 'v1.2.0', true],
  ['GtLt', ['1.0', '10.0'], 'version', true, '1.1', true],
  ['GtLt', ['1.0', '10.0'], 'version', true, '10.0', false],
  ['GeLe', ['1.0.1', '10.0.1'], 'version', true, '10.0.1', true],
  ['GeLe', ['1.0.1', '10.0.1'], 'version', true, '10.0.2', false],
  ['Ge', ['1.2'], 'version', false, undefined, false],
];

describe('evaluateExpression', () => {
  it.each(cases)('%s %j type=%s valid=%s value=%j -> %s', (op, values, type, valid, value, expected) => {
    expect(evaluateExpression(e(op, values, type), valid, value)).toBe(expected);
  });

  // NFD's error cases; errors on value comparisons appear only when a value is compared.
  it.each([
    ['Exists', ['1'], undefined, undefined, /must be empty/],
    ['DoesNotExist', ['1'], undefined, undefined, /must be empty/],
    ['In', undefined, undefined, 'val', /must be non-empty/],
    ['NotIn', [], undefined, 'val', /must be non-empty/],
    ['InRegexp', undefined, undefined, 'val', /must be non-empty/],
    ['InRegexp', ['('], undefined, 'val', /valid regexps/],
    ['InRegexp', ['(?=x)'], undefined, 'val', /valid regexps/], // lookahead: JS has it, RE2 does not
    ['Gt', undefined, undefined, '1', /exactly one element/],
    ['Gt', ['1', '2'], undefined, '1', /exactly one element/],
    ['Gt', [''], undefined, '1', /not a number ""/],
    ['Gt', ['2'], undefined, '3a', /not a number "3a"/],
    ['Lt', ['a'], undefined, '1', /not a number "a"/],
    ['Lt', ['2'], undefined, '1.0', /not a number "1.0"/],
    ['Ge', ['2.0'], undefined, '3', /not a number "2.0"/],
    ['Le', ['2'], undefined, ' 1', /not a number " 1"/],
    ['Le', ['2'], undefined, '9223372036854775808', /not a number/], // beyond int64
    ['Le', ['2'], undefined, '1_000', /not a number/],
    ['GtLt', undefined, undefined, '1', /exactly two elements/],
    ['GtLt', ['1'], undefined, '1', /exactly two elements/],
    ['GtLt', ['2', '1'], undefined, '1', /value\[0\] must be less than/],
    ['GeLe', ['2', '2'], undefined, '1', /value\[0\] must be less than/],
    ['GtLt', ['a', '2'], undefined, '1', /not a number "a"/],
    ['GtLt', ['1', '10'], undefined, '1.0', /not a number "1.0"/],
    ['IsTrue', ['1'], undefined, 'true', /must be empty/],
    ['IsFalse', ['1', '2'], undefined, 'false', /must be empty/],
    ['Gt', ['2.0.1'], 'version', 'str', /not a version "str"/],
    ['GeLe', ['1', '10'], 'version', '-11', /not a version "-11"/],
    ['Ge', ['x'], 'version', '1.0', /not a version "x"/],
    ['Nope', ['1'], undefined, '1', /invalid Op "Nope"/],
  ])('%s %j type=%s value=%j throws %s', (op, values, type, value, message) => {
    expect(() => evaluateExpression(e(op, values, type as 'version' | undefined), true, value)).toThrow(
      ExpressionError,
    );
    expect(() => evaluateExpression(e(op, values, type as 'version' | undefined), true, value)).toThrow(
      message,
    );
  });

  it('raises comparison errors only when a value is compared, as NFD', () => {
    expect(evaluateExpression(e('Gt', ['abc']), false, undefined)).toBe(false);
    expect(evaluateExpression(e('Gt', ['abc']), true, undefined)).toBe(false); // a flag
    expect(evaluateExpression(e('In'), false, undefined)).toBe(false);
  });

  it('runs a pathological pattern in linear time (RE2, not backtracking)', () => {
    const t = Date.now();
    expect(evaluateExpression(e('InRegexp', ['^(a+)+$']), true, `${'a'.repeat(5000)}!`)).toBe(false);
    expect(Date.now() - t).toBeLessThan(2000);
  });
});

describe('parseGoInt', () => {
  it.each([
    ['0', 0n],
    ['+7', 7n],
    ['-7', -7n],
    ['007', 7n],
    ['-9223372036854775808', -(2n ** 63n)],
    ['9223372036854775807', 2n ** 63n - 1n],
    ['9223372036854775808', undefined],
    ['', undefined],
    ['1.0', undefined],
    [' 1', undefined],
    ['1 ', undefined],
    ['0x10', undefined],
    ['1e3', undefined],
    ['+', undefined],
  ])('%j -> %s', (s, v) => expect(parseGoInt(s)).toBe(v));
});

describe('parseVersion', () => {
  it.each([
    ['6.8', [6n, 8n, 0n]],
    ['550.107.02', [550n, 107n, 2n]],
    ['6.8.0-45-generic', [6n, 8n, 0n]],
    ['v1.2.3+build.1', [1n, 2n, 3n]],
    ['1', [1n, 0n, 0n]],
    ['1.2.3.4', undefined],
    ['-11', undefined],
    ['str', undefined],
    ['', undefined],
  ])('%j -> %j', (s, v) => expect(parseVersion(s)).toEqual(v));
});
