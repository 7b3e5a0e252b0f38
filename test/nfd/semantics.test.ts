// NFD behaviour read from its code (v0.19.0) beyond its own tests: versions as Masterminds/semver
// v3 coerceNewVersion and extractVersion read them, the `created` order of artifact-client
// (Go's time.Parse(time.RFC3339)), Go's JSON escaping, the empty op, and the static checks that
// validate reports as warnings (evaluating as NFD does) unless --strict.
import { describe, expect, it } from '@jest/globals';
import { InputError } from '../../src/errors.js';
import { evaluateSpec } from '../../src/match/index.js';
import { evaluateExpression, ExpressionError } from '../../src/match/expression.js';
import { GO_ZERO_TIME, newestFirst, parseGoRFC3339 } from '../../src/oci/created.js';
import type { Descriptor } from '../../src/oci/types.js';
import { validate } from '../../src/commands/validate.js';
import { goJson, validateJson } from '../../src/report/json.js';
import { parseSpec, readSpecForEvaluation } from '../../src/spec/parse.js';
import type { MatchExpression, Spec } from '../../src/spec/types.js';
import { parseVersion } from '../../src/spec/values.js';

describe('type: version (semver v3 coerceNewVersion, pre-release cleared)', () => {
  it.each<[string, bigint[] | undefined]>([
    ['6.8.0-45-generic', [6n, 8n, 0n]],
    ['5.14.0-427.13.1.el9_4.x86_64', undefined], // `_` is no pre-release character
    ['5.14.0-427.13.1.el9-4.x86-64', [5n, 14n, 0n]],
    ['v1.2.3', [1n, 2n, 3n]],
    ['V1.2.3', undefined], // only a lower-case v
    ['1', [1n, 0n, 0n]],
    ['01.02.03', [1n, 2n, 3n]], // coerced: leading zeros allowed in the version
    ['550.107.02', [550n, 107n, 2n]],
    ['1.2.3-0', [1n, 2n, 3n]],
    ['1.2.3-01', undefined], // ... but not in a numeric pre-release part
    ['1.2.3-rc.01', undefined],
    ['1.2.3-rc.0a', [1n, 2n, 3n]],
    ['1.2.3-rc..1', undefined],
    ['1.2.3-', undefined],
    ['1.2.3+build.05', [1n, 2n, 3n]], // build ignored, leading zeros fine there
    ['1.2.3+', undefined],
    ['1.2.3.4', undefined],
    ['18446744073709551615', [18446744073709551615n, 0n, 0n]], // uint64
    ['18446744073709551616', undefined],
    ['', undefined],
    [' 1.2', undefined], // anchored
  ])('%j -> %j', (s, v) => expect(parseVersion(s)).toEqual(v));

  const ver = (op: string, value: string[]): MatchExpression =>
    ({ op, value, type: 'version' }) as MatchExpression;
  it('clears the pre-release before comparing', () => {
    expect(evaluateExpression(ver('Ge', ['1.2.3']), true, '1.2.3-alpha')).toBe(true);
    expect(evaluateExpression(ver('Lt', ['1.2.3']), true, '1.2.3-alpha')).toBe(false);
  });
  it('has no ordering check on GtLt / GeLe: a reversed range is false, not an error', () => {
    expect(evaluateExpression(ver('GeLe', ['6.10', '6.8']), true, '6.9')).toBe(false);
    expect(() => evaluateExpression({ op: 'GeLe', value: ['10', '8'] }, true, '9')).toThrow(ExpressionError);
  });
  it('an unknown type fails when compared, and is ignored by In', () => {
    const t = { op: 'Gt', value: ['1'], type: 'semver' } as unknown as MatchExpression;
    expect(() => evaluateExpression(t, true, '2')).toThrow("'type' field only accepts");
    expect(
      evaluateExpression({ op: 'In', value: ['2'], type: 'semver' } as unknown as MatchExpression, true, '2'),
    ).toBe(true);
    expect(evaluateExpression({ op: 'Gt', value: ['1'], type: '' }, true, '2')).toBe(true);
  });
});

describe('created: Go time.Parse(time.RFC3339)', () => {
  it.each<[string, boolean]>([
    ['2024-01-02T03:04:05Z', true],
    ['2024-01-02T03:04:05.123456789Z', true],
    ['2024-01-02T03:04:05,5Z', true], // a comma before the fraction
    ['2024-01-02T3:04:05Z', true], // a one-digit hour
    ['2024-01-02T03:04:05+24:00', true], // offsets up to 24:60
    ['2024-01-02T03:04:05+25:00', false],
    ['2024-01-02t03:04:05Z', false],
    ['2024-01-02T03:04:05z', false],
    ['2024-01-02 03:04:05Z', false],
    ['2024-01-02T03:04:05', false],
    ['2024-01-02T24:00:00Z', false],
    ['2024-02-29T00:00:00Z', true],
    ['2023-02-29T00:00:00Z', false],
    ['2024-04-31T00:00:00Z', false],
    ['2024-1-02T03:04:05Z', false],
    ['2024-01-02T03:04:05Z ', false],
  ])('%j parses: %s', (s, ok) => expect(parseGoRFC3339(s) !== undefined).toBe(ok));

  it('reads instants: offsets, and fractions truncated to nanoseconds', () => {
    expect(parseGoRFC3339('2024-01-02T03:04:05+01:00')).toEqual(parseGoRFC3339('2024-01-02T02:04:05Z'));
    expect(parseGoRFC3339('1970-01-01T00:00:01.1234567891Z')).toEqual({ seconds: 1, nanos: 123456789 });
    expect(GO_ZERO_TIME).toEqual(parseGoRFC3339('0001-01-01T00:00:00Z'));
  });

  const d = (digest: string, created?: string): Descriptor => ({
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    digest,
    size: 1,
    ...(created !== undefined && { annotations: { 'org.opencontainers.image.created': created } }),
  });
  it('newest first; what Go rejects is the zero time; equal times: the later in the registry first', () => {
    const list = [
      d('a', '2024-01-02T03:04:05Z'),
      d('b'),
      d('c', 'yesterday'),
      d('d', '2024-01-02T04:04:05+01:00'), // the same instant as a
      d('e', '0000-06-01T00:00:00Z'), // older than Go's zero time
      d('f', '2025-01-01T00:00:00Z'),
    ];
    expect(newestFirst(list).map((x) => x.digest)).toEqual(['f', 'd', 'a', 'c', 'b', 'e']);
  });
});

describe("--output json: Go's encoding/json", () => {
  it('a set without rules is "rules":null (a nil slice)', () => {
    const result = validate({
      spec: { version: 'v1alpha1', compatibilities: [{ rules: [], tag: 't' }] },
      hosts: [{ name: 'n', features: {} }],
    });
    expect(validateJson(result)).toBe('[{"rules":null,"tag":"t"}]\n');
  });

  it('escapes <, >, &, U+2028 and U+2029, and writes a lone surrogate as U+FFFD', () => {
    expect(goJson({ a: '<b>&\u2028\u2029', c: '\ud800' })).toBe(
      '{"a":"\\u003cb\\u003e\\u0026\\u2028\\u2029","c":"\ufffd"}',
    );
  });
});

describe('failFast as a parameter of the spec evaluator', () => {
  it('failFast=true (nfd-master) gives the same verdicts, and stops before a later broken term', () => {
    const spec: Spec = {
      version: 'v1alpha1',
      compatibilities: [
        {
          rules: [
            {
              name: 'r',
              matchFeatures: [
                { feature: 'cpu.cpuid', matchExpressions: { AVX512F: { op: 'Exists' as const } } },
                { feature: 'kernel.version', matchExpressions: { major: { op: 'Gt' as const } } },
              ],
            },
          ],
        },
      ],
    };
    const features = {
      flags: { 'cpu.cpuid': { elements: { AVX2: {} } } },
      attributes: { 'kernel.version': { elements: { major: '6' } } },
    };
    expect(evaluateSpec(spec, features, { failFast: true })[0]!.rules[0]!.isMatch).toBe(false);
    expect(() => evaluateSpec(spec, features)).toThrow('exactly one element');
  });
});

describe('the empty op and the static checks (validate evaluates as NFD; lint and --strict refuse)', () => {
  const spec = (expr: string) =>
    [
      'version: v1alpha1',
      'compatibilities:',
      '- rules:',
      '  - name: r',
      '    matchFeatures:',
      '    - feature: cpu.cpuid',
      `      matchExpressions: {AVX2: ${expr}}`,
      '',
    ].join('\n');
  const host = { flags: { 'cpu.cpuid': { elements: { AVX2: {} } } } };

  it.each([
    ['{}', 'op is empty or missing: NFD reads that as MatchAny'],
    ['{op: ""}', 'op is empty or missing'],
    ['{op: In, value: [x], type: version}', 'type version applies only to'],
    ['{op: Gt, value: ["1"], type: ""}', 'type "" is the default'],
  ])('%s: a warning for validate', (expr, message) => {
    const read = readSpecForEvaluation(spec(expr), 's.yaml');
    expect(read.warnings.map((w) => w.message).join('\n')).toContain(message);
  });

  it('an empty op is MatchAny: true, whatever the host has', () => {
    const { spec: s } = readSpecForEvaluation(spec('{}'), 's.yaml');
    expect(evaluateSpec(s, host)[0]!.rules[0]!.isMatch).toBe(true);
    expect(evaluateSpec(s, { flags: { 'cpu.cpuid': { elements: {} } } })[0]!.rules[0]!.isMatch).toBe(true);
    // NFD prints the missing op as "".
    expect(evaluateSpec(s, host)[0]!.rules[0]!.matchedExpressions![0]!.expression).toEqual({ op: '' });
  });

  it.each(['{}', '{op: Inn}', '{op: Exists, value: [x]}', '{op: Gt, value: ["1"], type: semver}'])(
    '%s: an error for lint/generate (parseSpec) and --strict',
    (expr) => {
      expect(() => parseSpec(spec(expr), 's.yaml')).toThrow(InputError);
      expect(() => readSpecForEvaluation(spec(expr), 's.yaml', { strict: true })).toThrow(InputError);
    },
  );

  it('a broken expression on a feature the host lacks: validate warns and gives NFD verdict', () => {
    const text = spec('{op: Exists, value: [x]}').replace('cpu.cpuid', 'pci.device');
    const read = readSpecForEvaluation(text, 's.yaml');
    expect(read.warnings[0]!.message).toContain('takes no value');
    expect(read.warnings[0]!.message).toContain('an error for lint and `strict`');
    expect(evaluateSpec(read.spec, host)[0]!.rules[0]!.isMatch).toBe(false);
  });

  it('on a feature the host has, the broken expression is the evaluation error NFD gives', () => {
    const read = readSpecForEvaluation(spec('{op: Exists, value: [x]}'), 's.yaml');
    expect(() => evaluateSpec(read.spec, host)).toThrow("'value' field must be empty");
  });

  it.each([
    ['an unknown field', spec('{op: Exists, typo: 1}')],
    ['another version', spec('{op: Exists}').replace('v1alpha1', 'v1')],
    ['empty compatibilities', 'version: v1alpha1\ncompatibilities: []\n'],
  ])('%s stays an error for validate (a documented divergence)', (_what, text) => {
    expect(() => readSpecForEvaluation(text, 's.yaml')).toThrow(InputError);
  });

  it('a varsTemplate error names the set and the rule', () => {
    const text = spec('{op: Exists}').replace(
      '  - name: r\n',
      '  - name: r\n    varsTemplate: "{{ .nope }}"\n',
    );
    const { spec: s } = readSpecForEvaluation(text, 's.yaml');
    expect(() => evaluateSpec(s, host)).toThrow(
      'compatibility set #1, rule "r": varsTemplate: failed to expand template',
    );
  });
});
