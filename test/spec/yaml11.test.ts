// NFD's reading of plain scalars (sigs.k8s.io/yaml over go-yaml v2, YAML 1.1): the strings a
// string field receives, the keys a map gets, and what that means for evaluation.
import { describe, expect, it } from '@jest/globals';
import { formatFloat32, goKey, goString, resolvePlain } from '../../src/spec/goyaml.js';
import { parseSource } from '../../src/spec/document.js';
import { checkSpecDocument, parseSpec, serializeSpec } from '../../src/spec/parse.js';
import { evaluateSpec, isCompatible } from '../../src/match/index.js';

const read = (s: string) => goString(resolvePlain(s));

describe('a plain scalar in a string field, as NFD reads it', () => {
  const bools = [
    ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'].map((s) => [s, 'true']),
    ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map((s) => [s, 'false']),
  ];
  it.each(bools)('boolean %s -> %s', (s, want) => expect(read(s!)).toEqual({ value: want }));

  it.each([
    ['0', '0'],
    ['8', '8'],
    ['-3', '-3'],
    ['+5', '5'],
    ['010', '8'], // a leading 0 is octal
    ['0o10', '8'],
    ['0x1F', '31'],
    ['0X1f', '31'],
    ['-0x10', '-16'],
    ['0b101', '5'],
    ['-0b101', '-5'],
    ['1_000', '1000'],
    ['0x_ff', '255'],
    ['08', '8'], // not octal: read as the float 8
    ['9223372036854775807', '9223372036854775807'],
    ['9223372036854775808', '9223372036854775808'], // uint64
    ['18446744073709551615', '18446744073709551615'],
    ['18446744073709551616', '1.8446744e+19'], // beyond uint64: a float
  ])('integer %s -> %s', (s, want) => expect(read(s)).toEqual({ value: want }));

  it.each([
    ['1.10', '1.1'],
    ['22.10', '22.1'],
    ['6.10', '6.1'],
    ['5.15', '5.15'],
    ['1.0', '1'],
    ['1.', '1'],
    ['0.1', '0.1'],
    ['.5', '0.5'],
    ['-.5', '-0.5'],
    ['-0.0', '-0'],
    ['1e6', '1e+06'],
    ['1e5', '100000'],
    ['1.5e7', '1.5e+07'],
    ['0.0001', '0.0001'],
    ['0.00001', '1e-05'],
    ['123456.7', '123456.7'],
    ['1234567.0', '1.234567e+06'],
    ['3.14159265358979', '3.1415927'], // float32
    ['16777217.0', '1.6777216e+07'],
    ['1e39', '+Inf'], // beyond float32
    ['.inf', '+Inf'],
    ['+.Inf', '+Inf'],
    ['-.INF', '-Inf'],
    ['.nan', 'NaN'],
  ])('float %s -> %s', (s, want) => expect(read(s)).toEqual({ value: want }));

  it.each([
    ['~', ''],
    ['null', ''],
    ['Null', ''],
    ['NULL', ''],
    ['', ''],
  ])('null %j -> "" (the zero string)', (s, want) => expect(read(s)).toEqual({ value: want }));

  it.each([
    ['2001-12-14', '2001-12-14T00:00:00Z'],
    ['2001-1-2', '2001-01-02T00:00:00Z'],
    ['2001-12-14 21:59:43.10', '2001-12-14T21:59:43.1Z'],
    ['2001-12-14t21:59:43.10-05:00', '2001-12-14T21:59:43.1-05:00'],
    ['2001-12-14T21:59:43Z', '2001-12-14T21:59:43Z'],
  ])('timestamp %s -> %s (time.Time as JSON)', (s, want) => expect(read(s)).toEqual({ value: want }));

  it.each([
    'y2',
    'yes!',
    'Intel',
    '1.2.3',
    '1:30', // go-yaml does not resolve base 60
    '0x',
    '-',
    '_1',
    'nan',
    'Infinity',
    '1e400', // ParseFloat overflows: left a string
    '2001-02-30',
    '15b3',
  ])('string %s stays itself', (s) => expect(read(s)).toEqual({ value: s }));

  it('rejects an integer beyond 64 bits (NFD cannot decode it into a string)', () => {
    expect(read('0x10000000000000000')).toHaveProperty('problem');
  });
});

describe('a plain map key, as NFD reads it', () => {
  it.each([
    ['yes', 'true'],
    ['off', 'false'],
    ['1.10', '1.1'],
    ['010', '8'],
    ['.inf', '.inf'],
    ['-.inf', '-.inf'],
    ['.nan', '.nan'],
    ['NO_HZ', 'NO_HZ'],
  ])('%s -> %s', (s, want) => expect(goKey(resolvePlain(s))).toEqual({ value: want }));

  it.each(['~', '2001-12-14', '18446744073709551615'])('%s: NFD rejects the key', (s) =>
    expect(goKey(resolvePlain(s))).toHaveProperty('problem'),
  );
});

describe('formatFloat32', () => {
  it.each([
    [100, '100'],
    [1e21, '1e+21'],
    [-2.5e-7, '-2.5e-07'],
    [0.3, '0.3'],
  ])('%s -> %s', (f, want) => expect(formatFloat32(f)).toBe(want));
});

/** A spec with one term on `feature` whose expression is `expr` (YAML flow text). */
function spec(feature: string, key: string, expr: string): string {
  return [
    'version: v1alpha1',
    'compatibilities:',
    '- rules:',
    '  - name: r',
    '    matchFeatures:',
    `    - feature: ${feature}`,
    '      matchExpressions:',
    `        ${key}: ${expr}`,
    '',
  ].join('\n');
}

const attrs = (feature: string, elements: Record<string, string>) => ({
  attributes: { [feature]: { elements } },
});

describe('evaluation of specs with unquoted YAML 1.1 scalars, as NFD evaluates them', () => {
  it.each([
    ['{op: In, value: [y]}', 'y', false],
    ['{op: In, value: [y]}', 'true', true],
    ['{op: In, value: ["y"]}', 'y', true],
    ['{op: In, value: [m, off]}', 'false', true],
  ])('kernel.config NO_HZ %s on a host with %j: %s', (expr, host, want) => {
    const s = parseSpec(spec('kernel.config', 'NO_HZ', expr), 's.yaml');
    expect(isCompatible(evaluateSpec(s, attrs('kernel.config', { NO_HZ: host })))).toBe(want);
  });

  it.each([
    ['1.1', true],
    ['1.10', false],
  ])('value [1.10] on a host value %j: %s', (host, want) => {
    const s = parseSpec(spec('system.osrelease', 'VERSION_ID', '{op: In, value: [1.10]}'), 's.yaml');
    expect(s.compatibilities[0]!.rules[0]!.matchFeatures![0]!.matchExpressions!.VERSION_ID!.value).toEqual([
      '1.1',
    ]);
    expect(isCompatible(evaluateSpec(s, attrs('system.osrelease', { VERSION_ID: host })))).toBe(want);
  });

  it('reads an unquoted element name as NFD does: yes is the element "true"', () => {
    const s = parseSpec(spec('kernel.config', 'yes', '{op: Exists}'), 's.yaml');
    expect(isCompatible(evaluateSpec(s, attrs('kernel.config', { yes: 'y' })))).toBe(false);
    expect(isCompatible(evaluateSpec(s, attrs('kernel.config', { true: 'y' })))).toBe(true);
  });

  it('warns once per scalar, at its line and column, and never errs', () => {
    const { spec: s, diagnostics } = checkSpecDocument(
      parseSource(spec('kernel.config', 'NO_HZ', '{op: In, value: [y, 1.10, "on"]}'), 'k.yaml'),
    );
    expect(s).toBeDefined();
    expect(diagnostics).toEqual([
      {
        severity: 'warning',
        message: 'unquoted y is read by NFD (YAML 1.1) as "true"',
        hint: 'quote it: "y"',
        position: {
          file: 'k.yaml',
          line: 8,
          column: 33,
          path: 'compatibilities[0].rules[0].matchFeatures[0].matchExpressions.NO_HZ.value[0]',
        },
      },
      {
        severity: 'warning',
        message: 'unquoted 1.10 is read by NFD (YAML 1.1) as "1.1"',
        hint: 'quote it: "1.10"',
        position: {
          file: 'k.yaml',
          line: 8,
          column: 36,
          path: 'compatibilities[0].rules[0].matchFeatures[0].matchExpressions.NO_HZ.value[1]',
        },
      },
    ]);
  });

  it('errs where NFD cannot decode the spec: a null element name', () => {
    const { spec: s, diagnostics } = checkSpecDocument(
      parseSource(spec('kernel.config', '~', '{op: Exists}'), 'k.yaml'),
    );
    expect(s).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({
      severity: 'error',
      message: 'unquoted ~ is a null key, which NFD rejects',
    });
  });

  it('errs on two element names NFD reads as the same key (it keeps either one)', () => {
    const text = spec('kernel.config', 'yes', '{op: Exists}') + '        "true": {op: Exists}\n';
    const { spec: s, diagnostics } = checkSpecDocument(parseSource(text, 'k.yaml'));
    expect(s).toBeUndefined();
    expect(
      diagnostics.map((d) => `${d.severity} ${d.position.line}:${d.position.column} ${d.message}`),
    ).toEqual([
      'warning 8:9 unquoted yes is read by NFD (YAML 1.1) as "true"',
      'error 9:9 NFD reads both yes and true as the key "true" (and keeps either one)',
    ]);
  });

  it('reads a weight in YAML 1.1 integer forms (010 is 8) with a warning', () => {
    const text = 'version: v1alpha1\ncompatibilities:\n- weight: 010\n  rules: []\n';
    const { spec: s, diagnostics } = checkSpecDocument(parseSource(text, 'w.yaml'));
    expect(s!.compatibilities[0]!.weight).toBe(8);
    expect(diagnostics.map((d) => d.message)).toEqual(['unquoted 010 is read by NFD (YAML 1.1) as 8']);
  });

  it('writes what it read quoted, so the published spec means the same to every reader', () => {
    const s = parseSpec(spec('kernel.config', 'NO_HZ', '{op: In, value: [y, 1.10, m]}'), 's.yaml');
    const text = serializeSpec(s);
    expect(text).toContain('NO_HZ: {op: In, value: ["true", "1.1", m]}');
    expect(checkSpecDocument(parseSource(text, 'out.yaml')).diagnostics).toEqual([]);
    for (const v of ['0o10', '0X1F', '08', '2001-12-14', '+5', '.5', 'off', '~', ''])
      expect(serializeSpec({ ...s, compatibilities: [{ tag: v, rules: [] }] })).toContain(`tag: "${v}"`);
  });
});
