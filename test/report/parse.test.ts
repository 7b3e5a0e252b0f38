import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { InputError } from '../../src/errors.js';
import { parsePlannedRuns, parseReport } from '../../src/report/parse.js';
import { validationReportSchema } from '../../src/report/schema.js';
import { report } from '../helpers/reports.js';

describe('parseReport', () => {
  it('reads a valid report', () => {
    const r = report('gpu', 'a', true);
    expect(parseReport(JSON.stringify(r), 'r.json')).toEqual(r);
  });

  it.each([
    ['a NodeFeature', { kind: 'NodeFeature', spec: { features: {} } }],
    ['a Features snapshot', { flags: {}, attributes: {}, instances: {} }],
    ['a list', [1, 2]],
  ])('leaves %s alone', (_name, doc) => {
    expect(parseReport(JSON.stringify(doc), 'x.json')).toBeUndefined();
  });

  it('accepts fields it does not know (a newer writer)', () => {
    const r = { ...report('gpu', 'a', true), durationMs: 12 };
    expect(parseReport(JSON.stringify(r), 'r.json')).toMatchObject({ durationMs: 12 });
  });

  it.each([
    [
      'compatible',
      '{\n  "compatible": "yes",\n  "host": {"name": "h", "hardware": {"gpus": [], "nics": [], "rdma": []}},\n  "results": []\n}',
      2,
      /compatible: expected boolean/,
    ],
    ['host', '{"compatible": true,\n "results": []}', 1, /missing required field "host"/],
    [
      'expression op',
      JSON.stringify(
        {
          ...report('gpu', 'a', true),
          results: [
            {
              rules: [
                {
                  name: 'r',
                  isMatch: true,
                  matchedExpressions: [
                    {
                      feature: 'f',
                      name: 'n',
                      expression: { op: 'Equals' },
                      matcherType: 'matchExpression',
                      isMatch: true,
                    },
                  ],
                },
              ],
            },
          ],
        },
        null,
        2,
      ),
      undefined,
      /results\[0\]\.rules\[0\]\.matchedExpressions\[0\]\.expression\.op: must be one of In, NotIn/,
    ],
  ])('names file, line and field of a bad %s', (_name, text, line, message) => {
    let err: unknown;
    try {
      parseReport(text, 'dir/r.json');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    const e = err as InputError;
    expect(e.position.file).toBe('dir/r.json');
    if (line !== undefined) expect(e.position.line).toBe(line);
    expect(e.message).toMatch(message);
  });

  it('rejects broken JSON with its position', () => {
    expect(() => parseReport('{"results": [}', 'r.json')).toThrow(/^r\.json:1:\d+: /);
  });
});

describe('schemas/validation-report.schema.json', () => {
  it('is the schema the code validates with', () => {
    const file = JSON.parse(readFileSync('schemas/validation-report.schema.json', 'utf8')) as unknown;
    // Out of date? Regenerate it from src/report/schema.ts (see docs/actions.md).
    expect(file).toEqual(JSON.parse(JSON.stringify(validationReportSchema)));
  });
});

describe('parsePlannedRuns', () => {
  it.each([
    ['the plan output', '[{"name": "gpu", "runs-on": ["self-hosted", "gpu"]}, {}]'],
    ['a matrix object', '{"include": [{"name": "gpu", "runs-on": ["self-hosted", "gpu"]}, {}]}'],
  ])('reads %s', (_name, text) => {
    expect(parsePlannedRuns(text, 'm.json')).toEqual([
      { name: 'gpu', 'runs-on': ['self-hosted', 'gpu'] },
      {},
    ]);
  });

  it.each([
    ['{"runs-on": "x"}', /m\.json:1:1: expected the plan matrix/],
    ['[1]', /m\.json:1:2: \[0\]: expected a matrix entry/],
    ['[\n  {"name": 3}\n]', /m\.json:2:12: \[0\]\.name: expected the set's name/],
    ['{"include": 1}', /include: expected the plan matrix/],
  ])('rejects %s', (text, message) => {
    expect(() => parsePlannedRuns(text, 'm.json')).toThrow(message);
  });
});
