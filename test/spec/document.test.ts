import { describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import { InputError } from '../../src/errors.js';
import {
  closest,
  formatPath,
  parseSource,
  positionOf,
  schemaDiagnostics,
  throwFirstError,
} from '../../src/spec/document.js';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['version', 'items'],
  properties: {
    version: { const: 'v1' },
    items: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: { op: { enum: ['In', 'NotIn', 'Exists'] }, count: { type: 'integer' } },
      },
    },
  },
};
const validate = new Ajv({ allErrors: true, verbose: true }).compile(schema);

function diagnose(text: string) {
  const src = parseSource(text, 'f.yaml');
  validate(src.value);
  return schemaDiagnostics(src, validate.errors);
}

describe('formatPath', () => {
  it.each([
    [
      ['compatibilities', 0, 'rules', 2, 'matchFeatures', 0, 'matchExpressions', 'vendor', 'op'],
      'compatibilities[0].rules[2].matchFeatures[0].matchExpressions.vendor.op',
    ],
    [['a', 'hugepages-2Mi'], 'a.hugepages-2Mi'],
    [['a', 'VERSION_ID.major'], 'a["VERSION_ID.major"]'],
    [['a', 'with space'], 'a["with space"]'],
    [[], ''],
  ])('%j -> %s', (path, text) => {
    expect(formatPath(path as (string | number)[])).toBe(text);
  });
});

describe('parseSource', () => {
  it('reports syntax errors with line and column', () => {
    expect(() => parseSource('a: 1\nb: [1, 2\n', 'x.yaml')).toThrow(InputError);
    try {
      parseSource('a: 1\n  b: 2\nc: [\n', 'x.yaml');
    } catch (err) {
      expect((err as InputError).message).toMatch(/^x\.yaml:\d+:\d+: /);
    }
  });

  it('rejects duplicate keys', () => {
    expect(() => parseSource('a: 1\na: 2\n', 'x.yaml')).toThrow(/x\.yaml:2:1: .*[Uu]nique|duplicate/);
  });

  it('caps alias expansion', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++)
      bomb.push(
        `${'b' + i}: &b${i} [${Array(10)
          .fill(i === 0 ? '*a' : `*b${i - 1}`)
          .join(', ')}]`,
      );
    expect(() => parseSource(bomb.join('\n'), 'bomb.yaml')).toThrow(/alias/);
  });

  it('reads JSON with positions', () => {
    const src = parseSource('{\n  "version": "v1",\n  "items": [{"op": "In"}]\n}\n', 'f.json');
    expect(positionOf(src, ['items', 0, 'op'])).toEqual({
      file: 'f.json',
      line: 3,
      column: 20,
      path: 'items[0].op',
    });
  });
});

describe('schemaDiagnostics', () => {
  it('names unknown fields at the key with a suggestion', () => {
    const d = diagnose('version: v1\nitems:\n  - op: In\n    cuont: 3\n');
    expect(d).toEqual([
      {
        severity: 'error',
        message: 'unknown field "cuont"',
        position: { file: 'f.yaml', line: 4, column: 5, path: 'items[0].cuont' },
        hint: 'did you mean "count"?',
      },
    ]);
  });

  it('names enum violations at the value', () => {
    const [d] = diagnose('version: v1\nitems:\n  - op: Inn\n');
    expect(d?.message).toBe('must be one of In, NotIn, Exists; got "Inn"');
    expect(d?.position).toMatchObject({ line: 3, column: 9, path: 'items[0].op' });
    expect(d?.hint).toBe('did you mean "In"?');
  });

  it('names missing fields and wrong types', () => {
    const d = diagnose('version: v2\nitems:\n  - count: "3"\n');
    expect(d.map((x) => `${x.position.line}:${x.position.path}: ${x.message}`)).toEqual([
      '1:version: must be "v1"; got "v2"',
      '3:items[0].count: expected integer, got string "3"',
    ]);
    const missing = diagnose('version: v1\n');
    expect(missing[0]?.message).toBe('missing required field "items"');
    expect(() => throwFirstError(missing)).toThrow('f.yaml:1:1: missing required field "items"');
  });
});

describe('closest', () => {
  it('suggests only near matches', () => {
    expect(closest('matchExpresions', ['matchExpressions', 'matchName'])).toBe('matchExpressions');
    expect(closest('zzz', ['matchExpressions'])).toBeUndefined();
  });
});
