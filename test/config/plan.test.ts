import { describe, expect, it } from '@jest/globals';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { readFileSync } from 'node:fs';
import { parseConfig } from '../../src/config/load.js';
import { planMatrix, slug } from '../../src/config/plan.js';
import type { ImageCompatConfig } from '../../src/config/types.js';

const EXAMPLE = 'examples/config/image-compat.yaml';

describe('planMatrix', () => {
  it('one entry per set and platform, with runner labels', () => {
    const { config } = parseConfig(readFileSync(EXAMPLE, 'utf8'), EXAMPLE);
    expect(planMatrix(config)).toEqual([
      {
        id: 'h100-linux-amd64',
        name: 'h100',
        platform: 'linux/amd64',
        weight: 10,
        'runs-on': ['self-hosted', 'linux', 'gpu-h100'],
      },
      {
        id: 'grace-linux-arm64',
        name: 'grace',
        platform: 'linux/arm64',
        weight: 5,
        'runs-on': ['self-hosted', 'linux', 'ARM64', 'gh200'],
      },
      {
        id: 'cpu-fallback-linux-amd64',
        name: 'cpu-fallback',
        platform: 'linux/amd64',
        weight: 1,
        'runs-on': ['ubuntu-latest'],
      },
      {
        id: 'cpu-fallback-linux-arm64',
        name: 'cpu-fallback',
        platform: 'linux/arm64',
        weight: 1,
        'runs-on': ['ubuntu-24.04-arm'],
      },
    ]);
  });

  it('defaults: self-hosted runner labels by architecture, weight 0, platform "" when none is named', () => {
    const config: ImageCompatConfig = {
      version: 1,
      compatibilities: [
        { name: 'Any Host', platforms: ['linux/arm64/v8'] },
        { name: 'Any Host.' },
        { name: 'any-host' },
      ],
    };
    expect(planMatrix(config)).toEqual([
      {
        id: 'any-host-linux-arm64-v8',
        name: 'Any Host',
        platform: 'linux/arm64/v8',
        weight: 0,
        'runs-on': ['self-hosted', 'linux', 'ARM64'],
      },
      { id: 'any-host', name: 'Any Host.', platform: '', weight: 0, 'runs-on': ['self-hosted', 'linux'] },
      { id: 'any-host-2', name: 'any-host', platform: '', weight: 0, 'runs-on': ['self-hosted', 'linux'] },
    ]);
  });

  it.each([
    ['h100/linux/amd64', 'h100-linux-amd64'],
    ['A100: 80GB "SXM"', 'a100-80gb-sxm'],
    ['..', 'set'],
  ])('slug(%j) = %j, safe in artifact names', (text, expected) => {
    expect(slug(text)).toBe(expected);
    expect(slug(text)).toMatch(/^[a-z0-9][a-z0-9._-]*$/);
  });
});

async function parseWorkflowFile(name: string, content: string) {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (!parsed.value) return { errors, template: undefined };
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  return { errors: [...errors, ...(template.errors ?? []).map((e) => e.Message)], template };
}

describe('the example workflow using the plan output', () => {
  it("parses with GitHub's workflow parser: matrix include from fromJSON, runs-on from the matrix", async () => {
    const content = readFileSync('examples/config/validate-matrix.yml', 'utf8');
    const { errors, template } = await parseWorkflowFile('validate-matrix.yml', content);
    expect(errors).toEqual([]);
    const validate = template!.jobs.find((j) => j.id.value === 'validate')!;
    expect(validate.type).toBe('job');
    expect(JSON.stringify((validate as { 'runs-on'?: unknown })['runs-on'])).toContain('matrix.runs-on');
    expect(JSON.stringify(validate.strategy)).toContain('fromJSON(needs.plan.outputs.matrix)');
  });

  it('the parser does catch a broken workflow (so the test above can fail)', async () => {
    const content = readFileSync('examples/config/validate-matrix.yml', 'utf8').replace(
      'runs-on: ${{ matrix.runs-on }}',
      'runs_on: ${{ matrix.runs-on }}',
    );
    const { errors } = await parseWorkflowFile('broken.yml', content);
    expect(errors.length).toBeGreaterThan(0);
  });
});
