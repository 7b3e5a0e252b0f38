import { describe, expect, it } from '@jest/globals';
import {
  integerExpressions,
  parseRange,
  RangeSyntaxError,
  singleVersionExpression,
  versionExpressions,
} from '../../src/config/range.js';

const v = (op: string, ...value: string[]) => ({ op, value, type: 'version' });

describe('version ranges -> NFD expressions', () => {
  it.each<[string, object[][]]>([
    ['>=5.15', [[v('Ge', '5.15')]]],
    ['>=5.15 <6.9', [[v('Ge', '5.15'), v('Lt', '6.9')]]],
    ['>5.15.3 <6.9.0', [[v('GtLt', '5.15.3', '6.9.0')]]],
    ['>=5.15 <=6.8.12', [[v('GeLe', '5.15', '6.8.12')]]],
    ['<=6.8', [[v('Lt', '6.9')]]],
    ['>6.8', [[v('Ge', '6.9')]]],
    ['^535', [[v('Ge', '535.0'), v('Lt', '536.0')]]],
    ['^0.2.3', [[v('Ge', '0.2.3'), v('Lt', '0.3')]]],
    ['~1.2', [[v('Ge', '1.2'), v('Lt', '1.3')]]],
    ['~1.2.3', [[v('Ge', '1.2.3'), v('Lt', '1.3')]]],
    ['1.2 - 1.4', [[v('Ge', '1.2'), v('Lt', '1.5')]]],
    ['1.2.0 - 1.4.5', [[v('GeLe', '1.2.0', '1.4.5')]]],
    ['6.1', [[v('Ge', '6.1'), v('Lt', '6.2')]]],
    ['=6.1.4', [[v('Ge', '6.1.4'), v('Le', '6.1.4')]]],
    ['>= 22.04', [[v('Ge', '22.04')]]],
    ['>=22.04 || >=9.2 <10', [[v('Ge', '22.04')], [v('Ge', '9.2'), v('Lt', '10.0')]]],
    ['*', [[{ op: 'Exists' }]]],
    ['v5.15.x', [[v('Ge', '5.15'), v('Lt', '5.16')]]],
    ['>=5.10 >=5.15 <7 <6.9', [[v('Ge', '5.15'), v('Lt', '6.9')]]],
  ])('%s', (range, expected) => {
    expect(parseRange(range).map(versionExpressions)).toEqual(expected);
  });

  it.each([
    ['', /empty/],
    ['>=6.9.0-rc1', /pre-release/],
    ['>=1.2.3+build', /pre-release or build/],
    ['>=5.15.0.1', /more than three/],
    ['>=five', /not a version/],
    ['>=6.9 <6.1', /never match/],
    ['>6.1.0 <6.1.0', /never match/],
    ['>=', /no version/],
    ['>=1 ||', /empty alternative/],
  ])('refuses %j', (range, message) => {
    expect(() => parseRange(range)).toThrow(RangeSyntaxError);
    expect(() => parseRange(range)).toThrow(message);
  });

  it('makes one expression for instance features where that is exact on integers', () => {
    expect(singleVersionExpression(parseRange('>=535.104.5 <560')[0]!)).toEqual(
      v('GtLt', '535.104.4', '560.0'),
    );
    expect(singleVersionExpression(parseRange('>535.0.0 <=550.1.2')[0]!)).toEqual(
      v('GtLt', '535.0.0', '550.1.3'),
    );
    expect(singleVersionExpression(parseRange('>=9.0')[0]!)).toEqual(v('Ge', '9.0'));
    expect(singleVersionExpression(parseRange('^550')[0]!)).toEqual(
      v('GeLe', '550.0', '550.999999999.999999999'),
    );
    expect(singleVersionExpression(parseRange('>=9.0 <10')[0]!)).toEqual(
      v('GeLe', '9.0', '9.999999999.999999999'),
    );
    expect(singleVersionExpression(parseRange('>=535.0.0 <535.0.1')[0]!)).toBeUndefined();
  });
});

describe('integer ranges (counts) -> one NFD integer expression', () => {
  it.each<[string | number, object[]]>([
    ['>=8', [{ op: 'Ge', value: ['8'] }]],
    ['>7', [{ op: 'Ge', value: ['8'] }]],
    ['<4', [{ op: 'Le', value: ['3'] }]],
    [2, [{ op: 'In', value: ['2'] }]],
    ['>=2 <=8', [{ op: 'GeLe', value: ['2', '8'] }]],
    ['>=2 <8', [{ op: 'GeLe', value: ['2', '7'] }]],
    ['2 - 4', [{ op: 'GeLe', value: ['2', '4'] }]],
    [
      '1 || >=4',
      [
        { op: 'In', value: ['1'] },
        { op: 'Ge', value: ['4'] },
      ],
    ],
  ])('%s', (range, expected) => {
    expect(integerExpressions(range)).toEqual(expected);
  });

  it.each([['>=1.5'], ['>=8 <2'], ['<0'], ['many']])('refuses %j', (range) => {
    expect(() => integerExpressions(range)).toThrow(RangeSyntaxError);
  });
});
