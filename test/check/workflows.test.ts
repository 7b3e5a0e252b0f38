// The check's example workflows: both parse with GitHub's own parser; the one in .github/workflows
// runs on pull requests that change the config (or by hand); the one for users also runs in the
// merge queue and pins the action. Both read the change through the GitHub API (contents: read)
// and may comment (pull-requests: write); a pull request needs no history in the checkout.
import { describe, expect, it } from '@jest/globals';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const FILES = ['examples/workflows/pr-check.yml', '.github/workflows/example-pr-check.yml'];

interface Workflow {
  on: Record<string, { paths?: string[] } | null>;
  permissions: unknown;
  jobs: Record<
    string,
    { permissions: unknown; steps: Array<{ uses?: string; with?: Record<string, unknown> }> }
  >;
}

describe.each(FILES)('%s', (file) => {
  const text = readFileSync(file, 'utf8');
  const doc = parse(text) as Workflow;

  it('parses with GitHub’s workflow parser, without errors', async () => {
    const result = parseWorkflow({ name: file, content: text }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    const template = await convertWorkflowTemplate(result.context, result.value!);
    expect((template.errors ?? []).map((e) => e.Message)).toEqual([]);
  });

  it('grants nothing at the top; contents read and pull-requests write (the comment) to the job', () => {
    expect(doc.permissions).toEqual({});
    expect(doc.jobs.check!.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
  });

  it('checks out, then runs the check action', () => {
    const steps = doc.jobs.check!.steps;
    expect(steps[0]!.uses).toMatch(/^actions\/checkout@[0-9a-f]{40}$/);
    expect(steps[1]!.uses).toMatch(/^(\.\/check|OWNER\/image-compat\/check@[0-9a-f]{40})$/);
  });
});

it('the example for users needs no history (a depth-1 checkout) and runs in the merge queue too', () => {
  const doc = parse(readFileSync(FILES[0]!, 'utf8')) as Workflow;
  expect(doc.jobs.check!.steps[0]!.with?.['fetch-depth']).toBeUndefined();
  expect(Object.keys(doc.on).sort()).toEqual(['merge_group', 'pull_request']);
});

it('the example in .github/workflows runs on pull requests that change the config, or by hand', () => {
  const doc = parse(readFileSync(FILES[1]!, 'utf8')) as Workflow;
  expect(Object.keys(doc.on).sort()).toEqual(['pull_request', 'workflow_dispatch']);
  expect(doc.on.pull_request!.paths).toEqual(['examples/config/image-compat.yaml']);
});
