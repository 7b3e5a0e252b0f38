// NFD v0.19.0's node-validator tests (pkg/client-nfd/compat/node-validator/node-validator_test.go)
// translated into a table: each case is named by the Go file, the line of its Convey block and
// its title, and carries the spec, the --tags and NFD's expected output written as
// encoding/json marshals it (key order, omitted empty fields, null). The host is NFD's fake
// source with its default configuration (source/fake/fake.go). Each case runs the validate
// command and its --output json writer; hostValues (our addition) is removed before comparing
// the bytes. All 12 cases are expressible and run.
import { describe, expect, it } from '@jest/globals';
import { validate } from '../../src/commands/validate.js';
import type { Features } from '../../src/features/types.js';
import { validateJson } from '../../src/report/json.js';
import type { Spec } from '../../src/spec/types.js';

interface Case {
  at: string;
  spec: Spec;
  tags: string[];
  expected: string;
}

/** NFD's fake source, default configuration. */
const FAKE: Features = {
  flags: { 'fake.flag': { elements: { flag_1: {}, flag_2: {}, flag_3: {} } } },
  attributes: { 'fake.attribute': { elements: { attr_1: 'true', attr_2: 'false', attr_3: '10' } } },
  instances: {
    'fake.instance': {
      elements: [
        {
          attributes: { name: 'instance_1', attr_1: 'true', attr_2: 'false', attr_3: '10', attr_4: 'foobar' },
        },
        { attributes: { name: 'instance_2', attr_1: 'true', attr_2: 'true', attr_3: '100' } },
        { attributes: { name: 'instance_3' } },
      ],
    },
  },
};

const CASES: Case[] = [
  {
    at: 'node-validator_test.go:75 That contains flag which results in match',
    spec: {
      version: 'v1alpha1',
      compatibilities: [
        {
          description: 'Fake compatibility',
          rules: [
            {
              name: 'fake_1',
              matchFeatures: [{ feature: 'fake.flag', matchName: { op: 'InRegexp', value: ['^flag'] } }],
            },
          ],
        },
      ],
    },
    tags: [],
    expected:
      '[{"rules":[{"name":"fake_1","isMatch":true,"matchedExpressions":[{"feature":"fake.flag","name":"","expression":{"op":"InRegexp","value":["^flag"]},"matcherType":"matchName","isMatch":true}]}],"description":"Fake compatibility"}]',
  },
  {
    at: 'node-validator_test.go:107 That contains flags and attribute which result in mismatch',
    spec: {
      version: 'v1alpha1',
      compatibilities: [
        {
          description: 'Fake compatibility',
          rules: [
            {
              name: 'fake_2',
              matchFeatures: [
                { feature: 'fake.flag', matchExpressions: { flag_unknown: { op: 'Exists' } } },
                { feature: 'fake.attribute', matchExpressions: { attr_1: { op: 'In', value: ['true'] } } },
              ],
            },
          ],
        },
      ],
    },
    tags: [],
    expected:
      '[{"rules":[{"name":"fake_2","isMatch":false,"matchedExpressions":[{"feature":"fake.attribute","name":"attr_1","expression":{"op":"In","value":["true"]},"matcherType":"matchExpression","isMatch":true},{"feature":"fake.flag","name":"flag_unknown","expression":{"op":"Exists"},"matcherType":"matchExpression","isMatch":false}]}],"description":"Fake compatibility"}]',
  },
  {
    at: 'node-validator_test.go:154 That contains instances which results in mismatch',
    spec: {
      version: 'v1alpha1',
      compatibilities: [
        {
          description: 'Fake compatibility',
          rules: [
            {
              name: 'fake_3',
              matchFeatures: [
                {
                  feature: 'fake.instance',
                  matchExpressions: {
                    name: { op: 'In', value: ['instance_1'] },
                    attr_1: { op: 'In', value: ['true'] },
                  },
                },
                {
                  feature: 'fake.instance',
                  matchExpressions: {
                    name: { op: 'In', value: ['instance_2'] },
                    attr_1: { op: 'In', value: ['false'] },
                  },
                },
              ],
            },
          ],
        },
      ],
    },
    tags: [],
    expected:
      '[{"rules":[{"name":"fake_3","isMatch":false,"matchedExpressions":[{"feature":"fake.instance","name":"attr_1","expression":{"op":"In","value":["false"]},"matcherType":"matchExpression","isMatch":false},{"feature":"fake.instance","name":"attr_1","expression":{"op":"In","value":["true"]},"matcherType":"matchExpression","isMatch":true},{"feature":"fake.instance","name":"name","expression":{"op":"In","value":["instance_1"]},"matcherType":"matchExpression","isMatch":true},{"feature":"fake.instance","name":"name","expression":{"op":"In","value":["instance_2"]},"matcherType":"matchExpression","isMatch":true}]}],"description":"Fake compatibility"}]',
  },
  {
    at: 'node-validator_test.go:217 That contains instances which results in match',
    spec: {
      version: 'v1alpha1',
      compatibilities: [
        {
          description: 'Fake compatibility',
          rules: [
            {
              name: 'fake_4',
              matchAny: [
                {
                  matchFeatures: [
                    {
                      feature: 'fake.instance',
                      matchExpressions: { name: { op: 'In', value: ['instance_1'] } },
                    },
                  ],
                },
                {
                  matchFeatures: [
                    {
                      feature: 'fake.instance',
                      matchExpressions: { name: { op: 'In', value: ['instance_unknown'] } },
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
    tags: [],
    expected:
      '[{"rules":[{"name":"fake_4","isMatch":true,"matchedAny":[{"matchedExpressions":[{"feature":"fake.instance","name":"name","expression":{"op":"In","value":["instance_1"]},"matcherType":"matchExpression","isMatch":true}]},{"matchedExpressions":[{"feature":"fake.instance","name":"name","expression":{"op":"In","value":["instance_unknown"]},"matcherType":"matchExpression","isMatch":false}]}]}],"description":"Fake compatibility"}]',
  },
  {
    at: 'node-validator_test.go:280 That contains spec with zero matches which results in mismatch',
    spec: {
      version: 'v1alpha1',
      compatibilities: [
        {
          description: 'Fake compatibility',
          rules: [
            {
              name: 'fake_5',
              matchFeatures: [
                {
                  feature: 'unknown.unknown',
                  matchExpressions: { name: { op: 'In', value: ['instance_1'] } },
                },
              ],
            },
          ],
        },
      ],
    },
    tags: [],
    expected:
      '[{"rules":[{"name":"fake_5","isMatch":false,"matchedExpressions":[{"feature":"unknown.unknown","name":"name","expression":{"op":"In","value":["instance_1"]},"matcherType":"matchExpression","isMatch":false}]}],"description":"Fake compatibility"}]',
  },
  {
    at: 'node-validator_test.go:314 That contains matchAny and matchFeatures in one spec and results in match',
    spec: {
      version: 'v1alpha1',
      compatibilities: [
        {
          description: 'Fake compatibility',
          rules: [
            {
              name: 'fake_6',
              matchAny: [
                {
                  matchFeatures: [
                    {
                      feature: 'fake.instance',
                      matchExpressions: { name: { op: 'In', value: ['instance_1'] } },
                    },
                  ],
                },
                {
                  matchFeatures: [
                    {
                      feature: 'fake.instance',
                      matchExpressions: { name: { op: 'In', value: ['instance_unknown'] } },
                    },
                    {
                      feature: 'fake.instance',
                      matchExpressions: { name: { op: 'In', value: ['instance_1'] } },
                    },
                  ],
                },
              ],
              matchFeatures: [
                { feature: 'fake.attribute', matchExpressions: { attr_1: { op: 'In', value: ['true'] } } },
              ],
            },
          ],
        },
      ],
    },
    tags: [],
    expected:
      '[{"rules":[{"name":"fake_6","isMatch":true,"matchedExpressions":[{"feature":"fake.attribute","name":"attr_1","expression":{"op":"In","value":["true"]},"matcherType":"matchExpression","isMatch":true}],"matchedAny":[{"matchedExpressions":[{"feature":"fake.instance","name":"name","expression":{"op":"In","value":["instance_1"]},"matcherType":"matchExpression","isMatch":true}]},{"matchedExpressions":[{"feature":"fake.instance","name":"name","expression":{"op":"In","value":["instance_1"]},"matcherType":"matchExpression","isMatch":true},{"feature":"fake.instance","name":"name","expression":{"op":"In","value":["instance_unknown"]},"matcherType":"matchExpression","isMatch":false}]}]}],"description":"Fake compatibility"}]',
  },
  {
    at: 'node-validator_test.go:407 That contains matchAny and matchFeatures in one spec and results in mismatch',
    spec: {
      version: 'v1alpha1',
      compatibilities: [
        {
          description: 'Fake compatibility',
          rules: [
            {
              name: 'fake_7',
              matchAny: [
                {
                  matchFeatures: [
                    {
                      feature: 'fake.instance',
                      matchExpressions: { name: { op: 'In', value: ['instance_1'] } },
                    },
                  ],
                },
                {
                  matchFeatures: [
                    {
                      feature: 'fake.instance',
                      matchExpressions: { name: { op: 'In', value: ['instance_unknown'] } },
                    },
                    { feature: 'fake.instance', matchExpressions: { id: { op: 'In', value: ['unknown'] } } },
                  ],
                },
              ],
              matchFeatures: [
                {
                  feature: 'fake.attribute',
                  matchExpressions: { attr_unknown: { op: 'In', value: ['true'] } },
                },
                { feature: 'fake.attribute', matchExpressions: { attr_1: { op: 'In', value: ['true'] } } },
              ],
            },
          ],
        },
      ],
    },
    tags: [],
    expected:
      '[{"rules":[{"name":"fake_7","isMatch":false,"matchedExpressions":[{"feature":"fake.attribute","name":"attr_1","expression":{"op":"In","value":["true"]},"matcherType":"matchExpression","isMatch":true},{"feature":"fake.attribute","name":"attr_unknown","expression":{"op":"In","value":["true"]},"matcherType":"matchExpression","isMatch":false}],"matchedAny":[{"matchedExpressions":[{"feature":"fake.instance","name":"name","expression":{"op":"In","value":["instance_1"]},"matcherType":"matchExpression","isMatch":true}]},{"matchedExpressions":[{"feature":"fake.instance","name":"id","expression":{"op":"In","value":["unknown"]},"matcherType":"matchExpression","isMatch":false},{"feature":"fake.instance","name":"name","expression":{"op":"In","value":["instance_unknown"]},"matcherType":"matchExpression","isMatch":false}]}]}],"description":"Fake compatibility"}]',
  },
  {
    at: 'node-validator_test.go:513 That contains flags, attrs and instances which results in mismatch',
    spec: {
      version: 'v1alpha1',
      compatibilities: [
        {
          description: 'Fake compatibility',
          rules: [
            {
              name: 'fake_8',
              matchFeatures: [
                { feature: 'fake.flag', matchExpressions: { flag_unknown: { op: 'Exists' } } },
                { feature: 'fake.attribute', matchExpressions: { attr_1: { op: 'In', value: ['true'] } } },
                {
                  feature: 'fake.instance',
                  matchExpressions: {
                    name: { op: 'In', value: ['instance_1'] },
                    attr_1: { op: 'In', value: ['true'] },
                  },
                },
                {
                  feature: 'fake.instance',
                  matchExpressions: {
                    name: { op: 'In', value: ['instance_2'] },
                    attr_1: { op: 'In', value: ['false'] },
                  },
                },
              ],
            },
          ],
        },
      ],
    },
    tags: [],
    expected:
      '[{"rules":[{"name":"fake_8","isMatch":false,"matchedExpressions":[{"feature":"fake.attribute","name":"attr_1","expression":{"op":"In","value":["true"]},"matcherType":"matchExpression","isMatch":true},{"feature":"fake.flag","name":"flag_unknown","expression":{"op":"Exists"},"matcherType":"matchExpression","isMatch":false},{"feature":"fake.instance","name":"attr_1","expression":{"op":"In","value":["false"]},"matcherType":"matchExpression","isMatch":false},{"feature":"fake.instance","name":"attr_1","expression":{"op":"In","value":["true"]},"matcherType":"matchExpression","isMatch":true},{"feature":"fake.instance","name":"name","expression":{"op":"In","value":["instance_1"]},"matcherType":"matchExpression","isMatch":true},{"feature":"fake.instance","name":"name","expression":{"op":"In","value":["instance_2"]},"matcherType":"matchExpression","isMatch":true}]}],"description":"Fake compatibility"}]',
  },
  {
    at: 'node-validator_test.go:602 That contains flags, attrs and instances which results in match',
    spec: {
      version: 'v1alpha1',
      compatibilities: [
        {
          description: 'Fake compatibility',
          rules: [
            {
              name: 'fake_9',
              matchFeatures: [
                { feature: 'fake.flag', matchName: { op: 'InRegexp', value: ['^flag'] } },
                { feature: 'fake.attribute', matchExpressions: { attr_1: { op: 'In', value: ['true'] } } },
                { feature: 'fake.instance', matchExpressions: { name: { op: 'In', value: ['instance_1'] } } },
              ],
            },
          ],
        },
      ],
    },
    tags: [],
    expected:
      '[{"rules":[{"name":"fake_9","isMatch":true,"matchedExpressions":[{"feature":"fake.attribute","name":"attr_1","expression":{"op":"In","value":["true"]},"matcherType":"matchExpression","isMatch":true},{"feature":"fake.flag","name":"","expression":{"op":"InRegexp","value":["^flag"]},"matcherType":"matchName","isMatch":true},{"feature":"fake.instance","name":"name","expression":{"op":"In","value":["instance_1"]},"matcherType":"matchExpression","isMatch":true}]}],"description":"Fake compatibility"}]',
  },
  {
    at: 'node-validator_test.go:660 That contains empty spec',
    spec: {
      version: 'v1alpha1',
      compatibilities: [
        { description: 'Fake compatibility', rules: [{ name: 'fake_10', matchFeatures: [] }] },
      ],
    },
    tags: [],
    expected: '[{"rules":[{"name":"fake_10","isMatch":true}],"description":"Fake compatibility"}]',
  },
  {
    at: 'node-validator_test.go:678 With multiple compatibility sets',
    spec: {
      version: 'v1alpha1',
      compatibilities: [
        {
          tag: 'prefered',
          weight: 90,
          description: 'Fake compatibility 1',
          rules: [
            {
              name: 'fake_1',
              matchFeatures: [
                { feature: 'fake.attribute', matchExpressions: { attr_1: { op: 'In', value: ['false'] } } },
              ],
            },
          ],
        },
        {
          tag: 'fallback',
          weight: 40,
          description: 'Fake compatibility 2',
          rules: [
            {
              name: 'fake_1',
              matchFeatures: [
                { feature: 'fake.attribute', matchExpressions: { attr_2: { op: 'In', value: ['false'] } } },
              ],
            },
          ],
        },
      ],
    },
    tags: [],
    expected:
      '[{"rules":[{"name":"fake_1","isMatch":false,"matchedExpressions":[{"feature":"fake.attribute","name":"attr_1","expression":{"op":"In","value":["false"]},"matcherType":"matchExpression","isMatch":false}]}],"description":"Fake compatibility 1","weight":90,"tag":"prefered"},{"rules":[{"name":"fake_1","isMatch":true,"matchedExpressions":[{"feature":"fake.attribute","name":"attr_2","expression":{"op":"In","value":["false"]},"matcherType":"matchExpression","isMatch":true}]}],"description":"Fake compatibility 2","weight":40,"tag":"fallback"}]',
  },
  {
    at: 'node-validator_test.go:775 With compatibility sets filtered out by tags',
    spec: {
      version: 'v1alpha1',
      compatibilities: [
        {
          tag: 'prefered',
          weight: 90,
          description: 'Fake compatibility 1',
          rules: [
            {
              name: 'fake_1',
              matchFeatures: [
                { feature: 'fake.attribute', matchExpressions: { attr_1: { op: 'In', value: ['false'] } } },
              ],
            },
          ],
        },
        {
          tag: 'fallback',
          weight: 40,
          description: 'Fake compatibility 2',
          rules: [
            {
              name: 'fake_1',
              matchFeatures: [
                { feature: 'fake.attribute', matchExpressions: { attr_2: { op: 'In', value: ['false'] } } },
              ],
            },
          ],
        },
      ],
    },
    tags: ['prefered'],
    expected:
      '[{"rules":[{"name":"fake_1","isMatch":false,"matchedExpressions":[{"feature":"fake.attribute","name":"attr_1","expression":{"op":"In","value":["false"]},"matcherType":"matchExpression","isMatch":false}]}],"description":"Fake compatibility 1","weight":90,"tag":"prefered"}]',
  },
];

/** Our --output json for one host, without hostValues. */
function nfdOutput(spec: Spec, tags: string[]): string {
  const result = validate({ spec, hosts: [{ name: 'node', features: FAKE }], ...(tags.length && { tags }) });
  const text = validateJson(result);
  expect(text.endsWith('\n')).toBe(true);
  return text.trimEnd().replace(/,"hostValues":\[[^\]]*\]/g, '');
}

describe('node-validator_test.go TestNodeValidator', () => {
  it.each(CASES.map((c) => [c.at, c] as const))('%s', (_at, c) => {
    expect(nfdOutput(c.spec, c.tags)).toBe(c.expected);
  });
});
