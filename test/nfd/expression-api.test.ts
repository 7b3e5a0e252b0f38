// NFD v0.19.0's matcher API tests (pkg/apis/nfd/nodefeaturerule/expression-api_test.go) translated
// into tables, each case named by the Go file, the line of its literal and its name. NFD tests
// its exported helpers (MatchGetKeys, MatchGetValues, MatchGetInstances, MatchKeyNames,
// MatchValueNames, MatchInstanceAttributeNames, MatchMulti, MatchNamesMulti) one by one; we run
// each case through the one code path a spec uses, a term of matchFeatures over a feature whose
// flags, attributes or instances are the case's input, and compare the result, the error and the
// matched elements (what varsTemplate sees). MatchMulti and MatchNamesMulti tell a nil input (the
// feature has no such set) from an empty one, as our features do; the single-kind helpers treat
// nil like empty (a nil Go map reads as empty), so a nil input there is an empty set here. A Go
// `nil` output (no match) is our empty list. All 74 cases are expressible and run.
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import type { Features } from '../../src/features/types.js';
import { evaluateTerms, TermError, type MatchedElement } from '../../src/match/terms.js';
import type { FeatureMatcherTerm, MatchExpression } from '../../src/spec/types.js';

interface Case {
  at: string;
  mes?: string | Record<string, MatchExpression>;
  me?: MatchExpression;
  input?: unknown;
  inputKeys?: Record<string, Record<string, never>>;
  inputValues?: Record<string, string>;
  inputInstances?: Array<{ attributes: Record<string, string> }>;
  output?: MatchedElement[] | null;
  result?: boolean;
  err?: 'nil' | 'notnil';
  expectErr?: boolean;
}

const FEATURE = 'dom.feat';

/** The expression set of a case: NFD's YAML (sigs.k8s.io/yaml) or the literal map. */
const expressions = (c: Case): Record<string, MatchExpression> =>
  typeof c.mes === 'string'
    ? ((parse(c.mes) as Record<string, MatchExpression> | null) ?? {})
    : (c.mes ?? {});

const featuresOf = (input: {
  keys?: Record<string, Record<string, never>>;
  values?: Record<string, string>;
  instances?: Array<{ attributes: Record<string, string> }>;
}): Features => ({
  ...(input.keys && { flags: { [FEATURE]: { elements: input.keys } } }),
  ...(input.values && { attributes: { [FEATURE]: { elements: input.values } } }),
  ...(input.instances && { instances: { [FEATURE]: { elements: input.instances } } }),
});

/** One term through evaluateTerms: [isMatch, matched elements, error]. */
function run(term: FeatureMatcherTerm, features: Features, failFast: boolean) {
  try {
    const s = evaluateTerms([term], features, failFast);
    return { result: s.isMatch, output: s.matchedFeatures.get('dom')?.get('feat') ?? [], error: false };
  } catch (err) {
    if (!(err instanceof TermError)) throw err;
    return { result: false, output: [], error: true };
  }
}

const expected = (c: Case) => ({
  result: c.result ?? false,
  output: c.output ?? [],
  error: c.err === 'notnil' || c.expectErr === true,
});

const MATCH_KEYS: Case[] = [
  { at: 'expression-api_test.go:46 empty expression and nil input', output: [], result: true, err: 'nil' },
  {
    at: 'expression-api_test.go:52 empty expression and empty input',
    input: {},
    output: [],
    result: true,
    err: 'nil',
  },
  {
    at: 'expression-api_test.go:59 empty expression with non-empty input',
    input: { foo: {} },
    output: [],
    result: true,
    err: 'nil',
  },
  {
    at: 'expression-api_test.go:66 expressions match',
    mes: '\nfoo: { op: DoesNotExist }\nbar: { op: Exists }\n',
    input: { bar: {}, baz: {}, buzz: {} },
    output: [{ Name: 'bar' }, { Name: 'foo' }],
    result: true,
    err: 'nil',
  },
  {
    at: 'expression-api_test.go:77 expression does not match',
    mes: '\nfoo: { op: DoesNotExist }\nbar: { op: Exists }\n',
    input: { foo: {}, bar: {}, baz: {} },
    output: null,
    result: false,
    err: 'nil',
  },
  {
    at: 'expression-api_test.go:88 op that never matches',
    mes: '\nfoo: { op: In, value: ["bar"] }\nbar: { op: Exists }\n',
    input: { bar: {}, baz: {} },
    output: null,
    result: false,
    err: 'nil',
  },
  {
    at: 'expression-api_test.go:99 error in expression',
    mes: '\nfoo: { op: Exists, value: ["bar"] }\nbar: { op: Exists }\n',
    input: { bar: {} },
    output: null,
    result: false,
    err: 'notnil',
  },
];

const MATCH_VALUES: Case[] = [
  { at: 'expression-api_test.go:144 1', output: [], result: true, err: 'nil' },
  { at: 'expression-api_test.go:146 2', input: {}, output: [], result: true, err: 'nil' },
  { at: 'expression-api_test.go:148 3', input: { foo: 'bar' }, output: [], result: true, err: 'nil' },
  {
    at: 'expression-api_test.go:150 4',
    mes: '\nfoo: { op: Exists }\nbar: { op: In, value: ["val", "wal"] }\nbaz: { op: Gt, value: ["10"] }\n',
    input: { bar: 'val' },
    result: false,
    err: 'nil',
  },
  {
    at: 'expression-api_test.go:159 5',
    mes: '\nfoo: { op: Exists }\nbar: { op: In, value: ["val", "wal"] }\nbaz: { op: Gt, value: ["10"] }\n',
    input: { foo: '1', bar: 'val', baz: '123', buzz: 'light' },
    output: [
      { Name: 'bar', Value: 'val' },
      { Name: 'baz', Value: '123' },
      { Name: 'foo', Value: '1' },
    ],
    result: true,
    err: 'nil',
  },
  {
    at: 'expression-api_test.go:169 5',
    mes: '\nfoo: { op: Exists }\nbar: { op: In, value: ["val"] }\nbaz: { op: Gt, value: ["10"] }\n',
    input: { foo: '1', bar: 'val', baz: '123.0' },
    result: false,
    err: 'notnil',
  },
];

const MATCH_INSTANCES: Case[] = [
  { at: 'expression-api_test.go:212 1', output: [], result: false, err: 'nil' },
  { at: 'expression-api_test.go:214 2', input: [], output: [], result: false, err: 'nil' },
  { at: 'expression-api_test.go:216 3', input: [{ attributes: {} }], output: [{}], result: true, err: 'nil' },
  {
    at: 'expression-api_test.go:218 4',
    mes: '\nfoo: { op: Exists }\nbar: { op: Lt, value: ["10"] }\n',
    input: [{ attributes: { foo: '1' } }, { attributes: { bar: '1' } }],
    output: [],
    result: false,
    err: 'nil',
  },
  {
    at: 'expression-api_test.go:227 5',
    mes: '\nfoo: { op: Exists }\nbar: { op: Lt, value: ["10"] }\n',
    input: [{ attributes: { foo: '1' } }, { attributes: { foo: '2', bar: '1' } }],
    output: [{ foo: '2', bar: '1' }],
    result: true,
    err: 'nil',
  },
  {
    at: 'expression-api_test.go:236 6',
    mes: '\nbar: { op: Lt, value: ["10"] }\n',
    input: [{ attributes: { foo: '1' } }, { attributes: { bar: '0x1' } }],
    result: false,
    err: 'notnil',
  },
];

const KEY_NAMES: Case[] = [
  {
    at: 'expression-api_test.go:277 empty input',
    me: { op: '' },
    input: {},
    result: false,
    output: [],
    err: 'nil',
  },
  {
    at: 'expression-api_test.go:285 MatchAny',
    me: { op: '' },
    input: { key1: {}, key2: {} },
    result: true,
    output: [{ Name: 'key1' }, { Name: 'key2' }],
    err: 'nil',
  },
  {
    at: 'expression-api_test.go:293 MatchExists',
    me: { op: 'Exists' },
    input: { key1: {}, key2: {} },
    result: true,
    output: [{ Name: 'key1' }, { Name: 'key2' }],
    err: 'nil',
  },
  {
    at: 'expression-api_test.go:301 MatchDoesNotExist',
    me: { op: 'DoesNotExist' },
    input: { key1: {}, key2: {} },
    result: false,
    output: [],
    err: 'nil',
  },
  {
    at: 'expression-api_test.go:309 MatchIn matches',
    me: { op: 'In', value: ['key1'] },
    input: { key1: {}, key2: {} },
    result: true,
    output: [{ Name: 'key1' }],
    err: 'nil',
  },
  {
    at: 'expression-api_test.go:317 MatchIn no match',
    me: { op: 'In', value: ['key3'] },
    input: { key1: {}, key2: {} },
    result: false,
    output: [],
    err: 'nil',
  },
  {
    at: 'expression-api_test.go:325 MatchNotIn',
    me: { op: 'NotIn', value: ['key1'] },
    input: { key1: {}, key2: {} },
    result: true,
    output: [{ Name: 'key2' }],
    err: 'nil',
  },
  {
    at: 'expression-api_test.go:333 error',
    me: { op: 'Exists', value: ['key1'] },
    input: { key1: {}, key2: {} },
    result: false,
    output: null,
    err: 'notnil',
  },
];

const VALUE_NAMES: Case[] = [
  {
    at: 'expression-api_test.go:367 empty input',
    me: { op: '' },
    input: {},
    result: false,
    output: [],
    err: 'nil',
  },
  {
    at: 'expression-api_test.go:375 MatchExists',
    me: { op: 'Exists' },
    input: { key1: 'val1', key2: 'val2' },
    result: true,
    output: [
      { Name: 'key1', Value: 'val1' },
      { Name: 'key2', Value: 'val2' },
    ],
    err: 'nil',
  },
  {
    at: 'expression-api_test.go:383 MatchDoesNotExist',
    me: { op: 'DoesNotExist' },
    input: { key1: 'val1', key2: 'val2' },
    result: false,
    output: [],
    err: 'nil',
  },
  {
    at: 'expression-api_test.go:391 MatchIn matches',
    me: { op: 'In', value: ['key1'] },
    input: { key1: 'val1', key2: 'val2' },
    result: true,
    output: [{ Name: 'key1', Value: 'val1' }],
    err: 'nil',
  },
  {
    at: 'expression-api_test.go:399 MatchIn no match',
    me: { op: 'In', value: ['key3'] },
    input: { key1: 'val1', key2: 'val2' },
    result: false,
    output: [],
    err: 'nil',
  },
  {
    at: 'expression-api_test.go:407 MatchNotIn',
    me: { op: 'NotIn', value: ['key1'] },
    input: { key1: 'val1', key2: 'val2' },
    result: true,
    output: [{ Name: 'key2', Value: 'val2' }],
    err: 'nil',
  },
  {
    at: 'expression-api_test.go:415 error',
    me: { op: 'NotIn' },
    input: { key1: 'val1', key2: 'val2' },
    result: false,
    output: null,
    err: 'notnil',
  },
];

const INSTANCE_ATTRIBUTE_NAMES: Case[] = [
  {
    at: 'expression-api_test.go:450 empty input',
    me: { op: '' },
    input: {},
    result: false,
    output: [],
    err: 'nil',
  },
  {
    at: 'expression-api_test.go:458 no match',
    me: { op: 'In', value: ['foo'] },
    input: [{ attributes: { bar: '1' } }, { attributes: { baz: '2' } }],
    result: false,
    output: [],
    err: 'nil',
  },
  {
    at: 'expression-api_test.go:472 match',
    me: { op: 'In', value: ['foo'] },
    input: [
      { attributes: { foo: '1' } },
      { attributes: { bar: '2' } },
      { attributes: { foo: '3', baz: '4' } },
    ],
    result: true,
    output: [{ foo: '1' }, { foo: '3', baz: '4' }],
    err: 'nil',
  },
  {
    at: 'expression-api_test.go:490 error',
    me: { op: 'In' },
    input: [{ attributes: { foo: '1' } }],
    output: null,
    err: 'notnil',
  },
];

const MATCH_MULTI: Case[] = [
  { at: 'expression-api_test.go:532 empty expression and nil input', mes: {}, output: [], result: false },
  {
    at: 'expression-api_test.go:538 empty expression and empty input keys',
    mes: {},
    inputKeys: {},
    inputValues: {},
    inputInstances: [],
    output: [],
    result: true,
  },
  {
    at: 'expression-api_test.go:547 empty expression and empty input values',
    mes: {},
    inputValues: {},
    output: [],
    result: true,
  },
  {
    at: 'expression-api_test.go:554 empty expression and empty input instances',
    mes: {},
    inputInstances: [],
    output: [],
    result: false,
  },
  {
    at: 'expression-api_test.go:561 empty expression and one input instance with empty attributes',
    mes: {},
    inputInstances: [{ attributes: {} }],
    output: [{}],
    result: true,
  },
  {
    at: 'expression-api_test.go:568 empty expression',
    mes: {},
    inputValues: { foo: 'bar' },
    output: [],
    result: true,
  },
  {
    at: 'expression-api_test.go:575 keys match',
    mes: { foo: { op: 'DoesNotExist' }, bar: { op: 'Exists' } },
    inputKeys: { bar: {}, baz: {}, buzz: {} },
    output: [{ Name: 'bar' }, { Name: 'foo' }],
    result: true,
  },
  {
    at: 'expression-api_test.go:585 keys do not match',
    mes: { foo: { op: 'DoesNotExist' }, bar: { op: 'Exists' } },
    inputKeys: { foo: {}, bar: {}, baz: {} },
    output: [],
    result: false,
  },
  {
    at: 'expression-api_test.go:595 keys error',
    mes: { foo: { op: 'Exists', value: ['val'] } },
    inputKeys: { bar: {}, baz: {}, buzz: {} },
    output: null,
    result: false,
    expectErr: true,
  },
  {
    at: 'expression-api_test.go:605 values match',
    mes: {
      foo: { op: 'Exists' },
      bar: { op: 'In', value: ['val', 'wal'] },
      baz: { op: 'Gt', value: ['10'] },
    },
    inputValues: { foo: '1', bar: 'val', baz: '123', buzz: 'light' },
    output: [
      { Name: 'bar', Value: 'val' },
      { Name: 'baz', Value: '123' },
      { Name: 'foo', Value: '1' },
    ],
    result: true,
  },
  {
    at: 'expression-api_test.go:616 values do not match',
    mes: {
      foo: { op: 'Exists' },
      bar: { op: 'In', value: ['val', 'wal'] },
      baz: { op: 'Gt', value: ['10'] },
    },
    inputValues: { bar: 'val' },
    output: [],
    result: false,
  },
  {
    at: 'expression-api_test.go:627 values error',
    mes: { bar: { op: 'In' } },
    inputValues: { foo: '1', bar: 'val', baz: '123', buzz: 'light' },
    output: null,
    result: false,
    expectErr: true,
  },
  {
    at: 'expression-api_test.go:637 instances match',
    mes: { foo: { op: 'Exists' }, bar: { op: 'Lt', value: ['10'] } },
    inputInstances: [{ attributes: { foo: '1' } }, { attributes: { foo: '2', bar: '1' } }],
    output: [{ foo: '2', bar: '1' }],
    result: true,
  },
  {
    at: 'expression-api_test.go:647 instances do not match',
    mes: { foo: { op: 'Exists' }, baz: { op: 'Lt', value: ['10'] } },
    inputInstances: [{ attributes: { foo: '1' } }, { attributes: { bar: '1' } }],
    output: [],
    result: false,
  },
  {
    at: 'expression-api_test.go:657 instances error',
    mes: { foo: { op: 'In' } },
    inputInstances: [{ attributes: { foo: '1' } }, { attributes: { foo: '2', bar: '1' } }],
    output: null,
    result: false,
    expectErr: true,
  },
  {
    at: 'expression-api_test.go:667 multi: keys and values either matches',
    mes: { foo: { op: 'In', value: ['1'] }, baz: { op: 'Exists' } },
    inputKeys: { bar: {}, baz: {}, qux: {} },
    inputValues: { foo: '1', bar: '2', quux: '3' },
    output: [{ Name: 'baz' }, { Name: 'foo', Value: '1' }],
    result: true,
  },
  {
    at: 'expression-api_test.go:678 multi: keys and values duplicate match',
    mes: { foo: { op: 'In', value: ['1'] }, bar: { op: 'Exists' } },
    inputKeys: { bar: {}, baz: {}, qux: {} },
    inputValues: { foo: '1', bar: '2', quux: '3' },
    output: [{ Name: 'bar' }, { Name: 'bar', Value: '2' }, { Name: 'foo', Value: '1' }],
    result: true,
  },
  {
    at: 'expression-api_test.go:689 multi: keys and values NotIn match',
    mes: { bar: { op: 'NotIn', value: ['1', '3'] } },
    inputKeys: { bar: {}, baz: {}, qux: {} },
    inputValues: { foo: '1', bar: '2', quux: '3' },
    output: [{ Name: 'bar', Value: '2' }],
    result: true,
  },
  {
    at: 'expression-api_test.go:699 multi: keys and values NotIn does not match',
    mes: { bar: { op: 'NotIn', value: ['2'] } },
    inputKeys: { bar: {}, baz: {}, qux: {} },
    inputValues: { foo: '1', bar: '2', quux: '3' },
    output: [],
    result: false,
  },
  {
    at: 'expression-api_test.go:709 multi: keys and values DoesNotExist match',
    mes: { xyzzy: { op: 'DoesNotExist' } },
    inputKeys: { bar: {}, baz: {}, qux: {} },
    inputValues: { foo: '1', bar: '2', quux: '3' },
    output: [{ Name: 'xyzzy' }, { Name: 'xyzzy', Value: '' }],
    result: true,
  },
  {
    at: 'expression-api_test.go:719 multi: keys and values DoesNotExist does not match',
    mes: { quux: { op: 'DoesNotExist' } },
    inputKeys: { bar: {}, baz: {}, qux: {} },
    inputValues: { foo: '1', bar: '2', quux: '3' },
    output: [],
    result: false,
  },
  {
    at: 'expression-api_test.go:729 multi: keys, values and instances all match',
    mes: { foo: { op: 'In', value: ['1'] }, bar: { op: 'Exists' } },
    inputKeys: { bar: {}, baz: {}, qux: {} },
    inputValues: { foo: '1', bar: '2', quux: '3' },
    inputInstances: [{ attributes: { foo: '1', bar: '2' } }, { attributes: { foo: '10', bar: '20' } }],
    output: [
      { Name: 'bar' },
      { Name: 'bar', Value: '2' },
      { Name: 'foo', Value: '1' },
      { bar: '2', foo: '1' },
    ],
    result: true,
  },
];

const NAMES_MULTI: Case[] = [
  { at: 'expression-api_test.go:779 nil input', me: { op: '' }, result: false, output: [] },
  {
    at: 'expression-api_test.go:785 empty input keys',
    me: { op: '' },
    inputKeys: {},
    result: false,
    output: [],
  },
  {
    at: 'expression-api_test.go:792 empty input values',
    me: { op: '' },
    inputValues: {},
    result: false,
    output: [],
  },
  {
    at: 'expression-api_test.go:799 empty input instances',
    me: { op: '' },
    inputInstances: [],
    result: false,
    output: [],
  },
  {
    at: 'expression-api_test.go:806 input keys match',
    me: { op: 'Exists' },
    inputKeys: { key1: {}, key2: {} },
    result: true,
    output: [{ Name: 'key1' }, { Name: 'key2' }],
  },
  {
    at: 'expression-api_test.go:813 input keys do not match',
    me: { op: 'DoesNotExist' },
    inputKeys: { key1: {}, key2: {} },
    result: false,
    output: [],
  },
  {
    at: 'expression-api_test.go:820 input keys error',
    me: { op: 'In' },
    inputKeys: { key1: {}, key2: {} },
    result: false,
    output: null,
    expectErr: true,
  },
  {
    at: 'expression-api_test.go:828 input values match',
    me: { op: 'In', value: ['key1'] },
    inputValues: { key1: 'val1', key2: 'val2' },
    result: true,
    output: [{ Name: 'key1', Value: 'val1' }],
  },
  {
    at: 'expression-api_test.go:835 input values do not match',
    me: { op: 'In', value: ['key3'] },
    inputValues: { key1: 'val1', key2: 'val2' },
    result: false,
    output: [],
  },
  {
    at: 'expression-api_test.go:842 input values error',
    me: { op: 'In' },
    inputValues: { key1: 'val1', key2: 'val2' },
    result: false,
    output: null,
    expectErr: true,
  },
  {
    at: 'expression-api_test.go:850 input instances match',
    me: { op: 'In', value: ['foo'] },
    inputInstances: [
      { attributes: { foo: '1' } },
      { attributes: { bar: '2' } },
      { attributes: { foo: '3', baz: '4' } },
    ],
    result: true,
    output: [{ foo: '1' }, { foo: '3', baz: '4' }],
  },
  {
    at: 'expression-api_test.go:867 input instances do not match',
    me: { op: 'In', value: ['foo'] },
    inputInstances: [{ attributes: { bar: '1' } }, { attributes: { baz: '2' } }],
    result: false,
    output: [],
  },
  {
    at: 'expression-api_test.go:880 input instances error',
    me: { op: 'In' },
    inputInstances: [{ attributes: { bar: '1' } }],
    result: false,
    output: null,
    expectErr: true,
  },
  {
    at: 'expression-api_test.go:890 input keys, values and instances match',
    me: { op: 'In', value: ['key2'] },
    inputKeys: { key1: {}, key2: {} },
    inputValues: { key1: 'val1', key2: 'val2' },
    inputInstances: [
      { attributes: { key1: '1' } },
      { attributes: { key1: '2' } },
      { attributes: { key1: '3', key2: '4' } },
    ],
    result: true,
    output: [{ Name: 'key2' }, { Name: 'key2', Value: 'val2' }, { key1: '3', key2: '4' }],
  },
];

// MatchGetKeys, MatchGetValues and MatchGetInstances stop at the first failing expression:
// failFast=true.
describe('expression-api_test.go TestMatchKeys', () => {
  it.each(MATCH_KEYS.map((c) => [c.at, c] as const))('%s', (_at, c) => {
    const keys = (c.input ?? {}) as Record<string, Record<string, never>>;
    const term = { feature: FEATURE, matchExpressions: expressions(c) };
    expect(run(term, featuresOf({ keys }), true)).toEqual(expected(c));
  });
});

describe('expression-api_test.go TestMatchValues', () => {
  it.each(MATCH_VALUES.map((c) => [c.at, c] as const))('%s', (_at, c) => {
    const values = (c.input ?? {}) as Record<string, string>;
    const term = { feature: FEATURE, matchExpressions: expressions(c) };
    expect(run(term, featuresOf({ values }), true)).toEqual(expected(c));
  });
});

describe('expression-api_test.go TestMatchInstances', () => {
  it.each(MATCH_INSTANCES.map((c) => [c.at, c] as const))('%s', (_at, c) => {
    const instances = (c.input ?? []) as Array<{ attributes: Record<string, string> }>;
    const term = { feature: FEATURE, matchExpressions: expressions(c) };
    expect(run(term, featuresOf({ instances }), true)).toEqual(expected(c));
  });
});

describe('expression-api_test.go TestMatchKeyNames, TestMatchValueNames, TestMatchInstanceAttributeNames', () => {
  const cases = [
    ...KEY_NAMES.map((c) => [c.at, c, 'keys'] as const),
    ...VALUE_NAMES.map((c) => [c.at, c, 'values'] as const),
    ...INSTANCE_ATTRIBUTE_NAMES.map((c) => [c.at, c, 'instances'] as const),
  ];
  it.each(cases)('%s', (_at, c, kind) => {
    // Go's `I{}` is an empty slice of instances in TestMatchInstanceAttributeNames.
    const input = kind === 'instances' ? (Array.isArray(c.input) ? c.input : []) : (c.input ?? {});
    const term = { feature: FEATURE, matchName: c.me! };
    expect(run(term, featuresOf({ [kind]: input }), false)).toEqual(expected(c));
  });
});

describe('expression-api_test.go TestMatchMulti', () => {
  it.each(MATCH_MULTI.map((c) => [c.at, c] as const))('%s', (_at, c) => {
    const term = { feature: FEATURE, matchExpressions: expressions(c) };
    const features = featuresOf({ keys: c.inputKeys, values: c.inputValues, instances: c.inputInstances });
    expect(run(term, features, true)).toEqual(expected(c));
  });
});

describe('expression-api_test.go TestMatchNamesMulti', () => {
  it.each(NAMES_MULTI.map((c) => [c.at, c] as const))('%s', (_at, c) => {
    const term = { feature: FEATURE, matchName: c.me! };
    const features = featuresOf({ keys: c.inputKeys, values: c.inputValues, instances: c.inputInstances });
    expect(run(term, features, false)).toEqual(expected(c));
  });
});
