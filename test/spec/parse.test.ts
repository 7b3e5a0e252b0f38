import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { InputError } from '../../src/errors.js';
import { parseSource } from '../../src/spec/document.js';
import { checkSpecDocument, checkSpecObject, parseSpec, serializeSpec } from '../../src/spec/parse.js';

const valid = readFileSync('test/fixtures/spec/valid.yaml', 'utf8');

/** A one-rule spec whose single term has the given expressions (YAML flow text). */
function withExpressions(lines: string[]): string {
  return [
    'version: v1alpha1',
    'compatibilities:',
    '- rules:',
    '  - name: r',
    '    matchFeatures:',
    '    - feature: kernel.version',
    '      matchExpressions:',
    ...lines.map((l) => `        ${l}`),
    '',
  ].join('\n');
}

function diagnose(text: string) {
  return checkSpecDocument(parseSource(text, 's.yaml')).diagnostics.map(
    (d) => `${d.severity} ${d.position.line}:${d.position.column} ${d.position.path}: ${d.message}`,
  );
}

describe('parseSpec', () => {
  it('reads a valid spec', () => {
    const spec = parseSpec(valid, 'valid.yaml');
    expect(spec.compatibilities).toHaveLength(1);
    expect(spec.compatibilities[0]).toMatchObject({ tag: 'gpu', weight: 10, description: 'GPU nodes' });
    expect(spec.compatibilities[0]!.rules[2]!.matchFeatures![0]!.matchExpressions!.full).toEqual({
      op: 'Ge',
      value: ['6.8'],
      type: 'version',
    });
  });

  it('reads the same spec as JSON', () => {
    const json = JSON.stringify(parseSpec(valid, 'valid.yaml'));
    expect(parseSpec(json, 'valid.json')).toEqual(parseSpec(valid, 'valid.yaml'));
  });

  it('throws an InputError at file:line:column with the path and what was expected', () => {
    const text = valid.replace('{ op: In, value: ["15b3"] }', '{ op: Inn, value: ["15b3"] }');
    expect(() => parseSpec(text, 'gpu.yaml')).toThrow(InputError);
    expect(() => parseSpec(text, 'gpu.yaml')).toThrow(
      'gpu.yaml:20:33: compatibilities[0].rules[1].matchAny[0].matchFeatures[0].matchExpressions.vendor.op: must be one of In, NotIn, InRegexp, Exists, DoesNotExist, Gt, Ge, Lt, Le, GtLt, GeLe, IsTrue, IsFalse; got "Inn" (did you mean "In"?)',
    );
  });

  it('rejects unknown fields (a documented divergence from NFD)', () => {
    const text = valid.replace(
      'matchExpressions:\n              vfio_pci',
      'matchExpresions:\n              vfio_pci',
    );
    expect(() => parseSpec(text, 'gpu.yaml')).toThrow(
      /gpu\.yaml:10:13: .*matchFeatures\[0\]\.matchExpresions: unknown field "matchExpresions" \(did you mean "matchExpressions"\?\)/,
    );
  });

  it.each([
    ['version: v1\ncompatibilities: []\n', /version: must be "v1alpha1"; got "v1"/],
    ['version: v1alpha1\n', /missing required field "compatibilities"/],
    [
      'version: v1alpha1\ncompatibilities:\n- rules:\n  - matchFeatures: []\n',
      /rules\[0\]: missing required field "name"/,
    ],
    [
      'version: v1alpha1\ncompatibilities:\n- rules: []\n  weight: heavy\n',
      /weight: expected integer, got string "heavy"/,
    ],
    ['[1, 2', /s\.yaml:1:\d+: /],
    [
      'version: v1alpha1\ncompatibilities:\n- rules:\n  - name: r\n    matchFeatures:\n    - feature: ""\n',
      /s\.yaml:6:16: compatibilities\[0\]\.rules\[0\]\.matchFeatures\[0\]\.feature: feature must not be empty/,
    ],
  ])('rejects %j', (text, message) => {
    expect(() => parseSpec(text, 's.yaml')).toThrow(message);
  });
});

describe('checkSpecDocument', () => {
  it('reports every schema error, not only the first', () => {
    const text = withExpressions([
      'a: {op: In, value: [x], typo: 1}',
      'b: {op: In, value: [x], tpye: version}',
    ]);
    expect(diagnose(text)).toEqual([
      'error 8:33 compatibilities[0].rules[0].matchFeatures[0].matchExpressions.a.typo: unknown field "typo"',
      'error 9:33 compatibilities[0].rules[0].matchFeatures[0].matchExpressions.b.tpye: unknown field "tpye"',
    ]);
  });

  // NFD decodes any op and type string and fails only when it evaluates them, so these are NFD
  // checks (errors here, warnings for validate), not schema errors.
  it('reports every unknown op and type', () => {
    const text = withExpressions(['a: {op: Inn}', 'c: {op: Gt, value: ["1"], type: semver}']);
    expect(diagnose(text)).toEqual([
      'error 8:17 compatibilities[0].rules[0].matchFeatures[0].matchExpressions.a.op: must be one of In, NotIn, InRegexp, Exists, DoesNotExist, Gt, Ge, Lt, Le, GtLt, GeLe, IsTrue, IsFalse; got "Inn"',
      'error 9:41 compatibilities[0].rules[0].matchFeatures[0].matchExpressions.c.type: type must be version; got "semver" (NFD fails on it when it compares)',
    ]);
  });

  it.each([
    ['{op: Exists, value: [x]}', 'error', 'value', 'op Exists takes no value (have 1)'],
    ['{op: DoesNotExist, value: [x]}', 'error', 'value', 'op DoesNotExist takes no value (have 1)'],
    ['{op: IsTrue, value: ["true"]}', 'error', 'value', 'op IsTrue takes no value (have 1)'],
    ['{op: IsFalse, value: ["false"]}', 'error', 'value', 'op IsFalse takes no value (have 1)'],
    ['{op: In}', 'error', '', 'op In needs at least one value'],
    ['{op: NotIn, value: []}', 'error', 'value', 'op NotIn needs at least one value'],
    [
      '{op: InRegexp, value: ["(a"]}',
      'error',
      'value[0]',
      'invalid RE2 regular expression "(a": error parsing regexp: missing closing ): `(a`',
    ],
    [
      '{op: InRegexp, value: ["(?=a)"]}',
      'error',
      'value[0]',
      'invalid RE2 regular expression "(?=a)": error parsing regexp: invalid or unsupported Perl syntax: `(?=`',
    ],
    ['{op: Gt, value: ["1", "2"]}', 'error', 'value', 'op Gt takes exactly one value (have 2)'],
    ['{op: Ge, value: ["6.8"]}', 'error', 'value[0]', 'value "6.8" is not an integer'],
    ['{op: Lt, value: [" 5"]}', 'error', 'value[0]', 'value " 5" is not an integer'],
    [
      '{op: Le, value: ["9223372036854775808"]}',
      'error',
      'value[0]',
      'value "9223372036854775808" is not an integer',
    ],
    ['{op: GtLt, value: ["5"]}', 'error', 'value', 'op GtLt takes exactly two values (have 1)'],
    [
      '{op: GtLt, value: ["5", "5"]}',
      'error',
      'value',
      'value[0] must be less than value[1] for op GtLt (have 5, 5)',
    ],
    [
      '{op: GeLe, value: ["6", "5"]}',
      'error',
      'value',
      'value[0] must be less than value[1] for op GeLe (have 6, 5)',
    ],
    ['{op: GeLe, value: ["6.8", "6.10"], type: version}', 'ok', '', ''],
    // NFD has no ordering check for versions (the range is never true): a warning, not an error.
    [
      '{op: GeLe, value: ["6.10", "6.8"], type: version}',
      'warning',
      'value',
      'value[0] is not less than value[1] (have 6.10, 6.8): the range never matches',
    ],
    [
      '{op: Ge, value: ["six"], type: version}',
      'error',
      'value[0]',
      'value "six" is not a version (major[.minor[.patch]])',
    ],
    [
      '{op: In, value: [a], type: version}',
      'warning',
      'type',
      'type version applies only to Gt, Ge, Lt, Le, GtLt, GeLe (NFD ignores it here)',
    ],
    ['{op: In, value: [1.10]}', 'warning', 'value[0]', 'unquoted 1.10 is read by NFD (YAML 1.1) as "1.1"'],
    ['{op: In, value: [y]}', 'warning', 'value[0]', 'unquoted y is read by NFD (YAML 1.1) as "true"'],
    ['{op: In, value: [off]}', 'warning', 'value[0]', 'unquoted off is read by NFD (YAML 1.1) as "false"'],
    ['{op: In, value: [1_000]}', 'warning', 'value[0]', 'unquoted 1_000 is read by NFD (YAML 1.1) as "1000"'],
    ['{op: In, value: [010]}', 'warning', 'value[0]', 'unquoted 010 is read by NFD (YAML 1.1) as "8"'],
    ['{op: In, value: [~]}', 'warning', 'value[0]', 'unquoted ~ is read by NFD (YAML 1.1) as ""'],
    ['{op: In, value: [True]}', 'warning', 'value[0]', 'unquoted True is read by NFD (YAML 1.1) as "true"'],
    ['{op: In, value: [0x1F]}', 'warning', 'value[0]', 'unquoted 0x1F is read by NFD (YAML 1.1) as "31"'],
    ['{op: In, value: [1e6]}', 'warning', 'value[0]', 'unquoted 1e6 is read by NFD (YAML 1.1) as "1e+06"'],
    ['{op: In, value: [8, -3, true, "y", m]}', 'ok', '', ''],
    ['{op: Ge, value: ["+5"]}', 'ok', '', ''],
  ])('%s -> %s', (expr, severity, at, message) => {
    const found = diagnose(withExpressions([`k: ${expr}`]));
    if (severity === 'ok') return expect(found).toEqual([]);
    const path = `compatibilities[0].rules[0].matchFeatures[0].matchExpressions.k${at ? (at.startsWith('value[') ? '.' + at : '.' + at) : ''}`;
    expect(found).toEqual([
      expect.stringMatching(new RegExp(`^${severity} 8:\\d+ ${path.replace(/[[\].]/g, '\\$&')}: `)),
    ]);
    expect(found[0]).toContain(message);
  });

  it('warns about duplicate tags, capitals in feature names and terms without expressions', () => {
    const text = [
      'version: v1alpha1',
      'compatibilities:',
      '- tag: a',
      '  rules:',
      '  - name: r',
      '    matchFeatures:',
      '    - feature: CPU.cpuid',
      '- tag: a',
      '  rules: []',
      '',
    ].join('\n');
    const found = diagnose(text);
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(/^warning 7:\d+ .*feature: feature name "CPU.cpuid" has capitals/);
    expect(found[1]).toMatch(
      /^warning 7:\d+ .*matchFeatures\[0\]: term has neither matchExpressions nor matchName/,
    );
    expect(found[2]).toMatch(
      /^warning 8:\d+ compatibilities\[1\]\.tag: tag "a" is also used by compatibilities\[0\]/,
    );
    expect(checkSpecDocument(parseSource(text, 's.yaml')).spec).toBeDefined();
  });

  it('gives no spec when there is an error', () => {
    const r = checkSpecDocument(parseSource(withExpressions(['k: {op: Gt, value: [x]}']), 's.yaml'));
    expect(r.spec).toBeUndefined();
  });
});

describe('serializeSpec', () => {
  it('quotes strings NFD (YAML 1.1) would misread, and only those', () => {
    const text = serializeSpec({
      version: 'v1alpha1',
      compatibilities: [
        {
          tag: 'on',
          rules: [
            {
              name: 'yes',
              matchFeatures: [
                { feature: 'kernel.config', matchExpressions: { y: { op: 'In', value: ['y', 'm'] } } },
              ],
            },
          ],
        },
      ],
    });
    expect(text).toContain('tag: "on"');
    expect(text).toContain('name: "yes"');
    expect(text).toContain('"y": {op: In, value: ["y", m]}');
    expect(diagnose(text)).toEqual([]);
  });

  it('writes YAML that parses back to the same spec, in a stable key order', () => {
    const spec = parseSpec(valid, 'valid.yaml');
    const text = serializeSpec(spec);
    expect(parseSpec(text, 'out.yaml')).toEqual(spec);
    expect(serializeSpec(parseSpec(text, 'out.yaml'))).toBe(text);
    expect(text.indexOf('description:')).toBeLessThan(text.indexOf('tag:'));
    expect(text.indexOf('tag:')).toBeLessThan(text.indexOf('weight:'));
    expect(text.indexOf('weight:')).toBeLessThan(text.indexOf('rules:'));
    expect(text.startsWith('version: v1alpha1\ncompatibilities:\n')).toBe(true);
  });

  it('reads element names as NFD does (yes is "true"), with a warning', () => {
    const text = withExpressions(['yes: {op: Exists}']);
    expect(diagnose(text)).toEqual([
      'warning 8:9 compatibilities[0].rules[0].matchFeatures[0].matchExpressions.yes: unquoted yes is read by NFD (YAML 1.1) as "true"',
    ]);
    expect(
      parseSpec(text, 's.yaml').compatibilities[0]!.rules[0]!.matchFeatures![0]!.matchExpressions,
    ).toEqual({
      true: { op: 'Exists' },
    });
  });

  it('reads other string fields as NFD does (tag: no is "false"), with a warning', () => {
    const text = 'version: v1alpha1\ncompatibilities:\n- tag: no\n  description: 1.10\n  rules: []\n';
    expect(diagnose(text)).toEqual([
      'warning 3:8 compatibilities[0].tag: unquoted no is read by NFD (YAML 1.1) as "false"',
      'warning 4:16 compatibilities[0].description: unquoted 1.10 is read by NFD (YAML 1.1) as "1.1"',
    ]);
    expect(parseSpec(text, 's.yaml').compatibilities[0]).toEqual({
      description: '1.1',
      tag: 'false',
      rules: [],
    });
  });

  it('quotes values YAML would read as numbers', () => {
    const text = serializeSpec({
      version: 'v1alpha1',
      compatibilities: [
        {
          rules: [
            {
              name: 'r',
              matchFeatures: [
                { feature: 'a.b', matchExpressions: { k: { op: 'In', value: ['1.10', 'true'] } } },
              ],
            },
          ],
        },
      ],
    });
    expect(text).toContain('value: ["1.10", "true"]');
    expect(
      parseSpec(text, 'x.yaml').compatibilities[0]!.rules[0]!.matchFeatures![0]!.matchExpressions!.k!.value,
    ).toEqual(['1.10', 'true']);
  });
});

describe('checkSpecObject', () => {
  it('checks an in-memory spec through its serialized form', () => {
    const ok = checkSpecObject(parseSpec(valid, 'valid.yaml'));
    expect(ok.diagnostics).toEqual([]);
    expect(ok.spec).toEqual(parseSpec(valid, 'valid.yaml'));
    const bad = checkSpecObject({
      version: 'v1alpha1',
      compatibilities: [
        {
          rules: [
            {
              name: 'r',
              matchFeatures: [{ feature: 'a.b', matchExpressions: { k: { op: 'Gt', value: ['x'] } } }],
            },
          ],
        },
      ],
    });
    expect(bad.spec).toBeUndefined();
    expect(bad.diagnostics[0]).toMatchObject({
      severity: 'error',
      message: 'value "x" is not an integer',
      position: {
        file: '<generated spec>',
        path: 'compatibilities[0].rules[0].matchFeatures[0].matchExpressions.k.value[0]',
      },
    });
  });
});
