// The validate command line on NFD's semantics: a finding NFD meets only while evaluating is a
// warning (stderr) and the verdict is NFD's; --strict refuses it; a varsTemplate error is exit 2
// naming the set and rule; --output json is NFD's bytes plus hostValues. Runs dist/cli.js
// (npm run bundle first).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli.js';

let dir: string;
const host = {
  flags: { 'cpu.cpuid': { elements: { AVX2: {} } } },
  attributes: { 'kernel.version': { elements: { major: '6' } } },
};
const spec = (expressions: string, extra = '') =>
  [
    'version: v1alpha1',
    'compatibilities:',
    '- rules:',
    '  - name: "r<1>"',
    extra,
    '    matchFeatures:',
    '    - feature: cpu.cpuid',
    `      matchExpressions: {${expressions}}`,
    '',
  ]
    .filter((l) => l !== '')
    .join('\n');

async function validate(specText: string, ...flags: string[]) {
  const file = path.join(dir, `spec-${Math.random().toString(36).slice(2)}.yaml`);
  await writeFile(file, specText);
  return runCli(['validate', '--spec', file, '--features', path.join(dir, 'host.json'), ...flags]);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'nfd-cli-'));
  await writeFile(path.join(dir, 'host.json'), JSON.stringify(host));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('validate on NFD semantics', () => {
  it('an empty op: a warning, evaluated as MatchAny (true); --strict: exit 2', async () => {
    const lenient = await validate(spec('AVX512F: {}'));
    expect(lenient.stderr).toContain('warning');
    expect(lenient.stderr).toContain('MatchAny');
    expect(lenient.code).toBe(0);
    const strict = await validate(spec('AVX512F: {}'), '--strict');
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain('op is empty or missing');
  });

  it('a broken expression on a feature the host lacks: a warning and NFD verdict (incompatible, not exit 2)', async () => {
    const text = spec('x: {op: Gt}').replace('cpu.cpuid', 'pci.device');
    const r = await validate(text);
    expect(r.stderr).toContain('warning');
    expect(r.code).toBe(1);
  });

  it('the same expression on a feature the host has: the evaluation error NFD gives (exit 2)', async () => {
    // (On a flag NFD compares nothing, so no error: the attribute it is.)
    const r = await validate(spec('major: {op: Gt}').replace('cpu.cpuid', 'kernel.version'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('rule "r<1>"');
  });

  it('a varsTemplate error is exit 2 naming the set and the rule', async () => {
    const r = await validate(spec('AVX2: {op: Exists}', '    varsTemplate: "{{ .cpu.nothing }}"'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('compatibility set #1, rule "r<1>": varsTemplate:');
  });

  it('--output json: Go escaping, the missing op as "", hostValues', async () => {
    const r = await validate(spec('AVX2: {op: Exists}, AVX512F: {}'), '--output', 'json');
    expect(r.stdout).toBe(
      '[{"rules":[{"name":"r\\u003c1\\u003e","isMatch":true,"matchedExpressions":[' +
        '{"feature":"cpu.cpuid","name":"AVX2","expression":{"op":"Exists"},"matcherType":"matchExpression","isMatch":true,"hostValues":["AVX2"]},' +
        '{"feature":"cpu.cpuid","name":"AVX512F","expression":{"op":""},"matcherType":"matchExpression","isMatch":true,"hostValues":[]}]}]}]\n',
    );
  });
});
