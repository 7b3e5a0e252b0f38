// The workflows and action.yml files we ship, checked with GitHub's own parser
// (@actions/workflow-parser), plus the rules we keep: third-party actions pinned by commit SHA
// with a version comment, `permissions: {}` at the top, node24 actions whose `main` the bundle
// script builds, and action.yml defaults equal to what the input readers assume.
import { afterEach, describe, expect, it } from '@jest/globals';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import {
  convertActionTemplate,
  parseAction,
  type ActionTemplate,
} from '@actions/workflow-parser/actions/index';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import {
  DEFAULTS,
  readCheckInputs,
  readPlanInputs,
  readPublishInputs,
  readReportInputs,
  readSelectInputs,
  readSetupInputs,
  readValidateInputs,
} from '../../src/action/runtime.js';

const WORKFLOWS = '.github/workflows';
const workflowFiles = readdirSync(WORKFLOWS)
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => path.join(WORKFLOWS, f));

/** Entries that scripts/bundle.mjs builds (`name: 'src/...'` lines of its `entries`). */
function bundleEntries(): string[] {
  const text = readFileSync('scripts/bundle.mjs', 'utf8');
  const block = /export const entries = \{([^}]*)\}/.exec(text)?.[1] ?? '';
  return [...block.matchAll(/^\s*([\w-]+):\s*'src\/[^']+'/gm)].map((m) => m[1]!);
}

describe('workflows', () => {
  it('are there', () => {
    expect(workflowFiles.map((f) => path.basename(f)).sort()).toEqual(
      expect.arrayContaining(['check-dist.yml', 'ci.yml', 'example-publish-validate.yml']),
    );
  });

  it.each(workflowFiles)('%s parses with GitHub’s workflow parser, without errors', async (file) => {
    const result = parseWorkflow(
      { name: file, content: readFileSync(file, 'utf8') },
      new NoOperationTraceWriter(),
    );
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    expect(result.value).toBeDefined();
    const template = await convertWorkflowTemplate(result.context, result.value!);
    expect((template.errors ?? []).map((e) => e.Message)).toEqual([]);
    expect(template.jobs.length).toBeGreaterThan(0);
  });

  it.each(workflowFiles)('%s grants nothing at the top: permissions: {}', (file) => {
    const doc = parse(readFileSync(file, 'utf8')) as { permissions?: unknown };
    expect(doc.permissions).toEqual({});
  });

  it.each(workflowFiles)('%s pins every third-party action by commit SHA, with a version comment', (file) => {
    const uses = [...readFileSync(file, 'utf8').matchAll(/^\s*(?:-\s*)?uses:\s*(\S+)(.*)$/gm)];
    expect(uses.length).toBeGreaterThan(0);
    for (const [line, ref, rest] of uses) {
      if (ref!.startsWith('./')) continue; // this repository's own actions
      expect({ line, pinned: /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(ref!) }).toEqual({ line, pinned: true });
      expect({ line, comment: /^\s+# v\d+(\.\d+)*\s*$/.test(rest!) }).toEqual({ line, comment: true });
    }
  });

  it('the example runs only when started by hand', () => {
    const doc = parse(readFileSync(path.join(WORKFLOWS, 'example-publish-validate.yml'), 'utf8')) as {
      on: object;
    };
    expect(Object.keys(doc.on)).toEqual(['workflow_dispatch']);
  });

  it('the example is build -> publish -> plan -> validate matrix on the planned runners -> report', () => {
    const doc = parse(readFileSync(path.join(WORKFLOWS, 'example-publish-validate.yml'), 'utf8')) as {
      jobs: Record<
        string,
        {
          needs?: string | string[];
          'runs-on': unknown;
          strategy?: Record<string, unknown>;
          steps: Array<{ uses?: string }>;
        }
      >;
    };
    const usesOf = (job: string) =>
      doc.jobs[job]!.steps.map((s) => s.uses?.replace(/@.*/, '')).filter(Boolean);
    expect(usesOf('build')).toEqual(expect.arrayContaining(['docker/build-push-action', './']));
    expect(usesOf('plan')).toContain('./plan');
    expect(usesOf('validate')).toEqual(expect.arrayContaining(['./validate', 'actions/upload-artifact']));
    expect(usesOf('report')).toEqual(expect.arrayContaining(['actions/download-artifact', './report']));
    const validate = doc.jobs.validate!;
    expect(validate['runs-on']).toBe('${{ matrix.runs-on }}');
    expect(validate.strategy).toEqual({
      'fail-fast': false,
      matrix: { include: '${{ fromJSON(needs.plan.outputs.matrix) }}' },
    });
  });
});

// ------------------------------------------------------------------ action.yml files

const ACTIONS = {
  publish: {
    file: 'action.yml',
    main: 'dist/index.js',
    inputs: [
      'image',
      'image-name',
      'digest',
      'config',
      'platforms',
      'sign',
      'signing-key',
      'signing-key-password',
      'username',
      'password',
      'github-token',
      'plain-http',
      'ca-file',
      'insecure',
      'retries',
      'timeout',
      'dry-run',
    ],
    outputs: ['artifacts', 'specs'],
    read: readPublishInputs,
    required: { image: 'a:1' },
  },
  plan: {
    file: 'plan/action.yml',
    main: '../dist/plan.js',
    inputs: [
      'config',
      'image',
      'username',
      'password',
      'github-token',
      'plain-http',
      'ca-file',
      'insecure',
      'retries',
      'timeout',
    ],
    outputs: ['matrix'],
    read: readPlanInputs,
    required: {},
  },
  validate: {
    file: 'validate/action.yml',
    main: '../dist/validate.js',
    inputs: [
      'image',
      'spec',
      'compatibility',
      'platform',
      'matrix-id',
      'manifest',
      'require-signature',
      'public-key',
      'certificate-identity',
      'certificate-identity-regexp',
      'certificate-oidc-issuer',
      'trusted-root',
      'attest',
      'attest-key',
      'attest-key-password',
      'runner-labels',
      'features',
      'host-root',
      'fail-on-incompatible',
      'all-host-values',
      'strict',
      'username',
      'password',
      'github-token',
      'plain-http',
      'ca-file',
      'insecure',
      'retries',
      'timeout',
    ],
    outputs: ['compatible', 'report', 'features', 'validation-record'],
    read: readValidateInputs,
    required: { image: 'a:1' },
  },
  report: {
    file: 'report/action.yml',
    main: '../dist/report.js',
    inputs: [
      'path',
      'require',
      'matrix',
      'fail-on-incompatible',
      'all-host-values',
      'fleet-out',
      'github-token',
      'comment-summary-in-pr',
    ],
    outputs: ['compatible', 'summary', 'report', 'fleet', 'comment-content'],
    read: readReportInputs,
    required: {},
  },
  check: {
    file: 'check/action.yml',
    main: '../dist/check.js',
    inputs: [
      'config',
      'base-ref',
      'base-config',
      'base-image',
      'fleet',
      'fleet-image',
      'public-key',
      'certificate-identity',
      'certificate-identity-regexp',
      'certificate-oidc-issuer',
      'trusted-root',
      'files',
      'fail-on-exclusion',
      'username',
      'password',
      'github-token',
      'plain-http',
      'ca-file',
      'insecure',
      'retries',
      'timeout',
      'comment-summary-in-pr',
    ],
    outputs: ['excluded-hosts', 'admitted-hosts', 'changes', 'comment-content'],
    read: readCheckInputs,
    required: {},
  },
  select: {
    file: 'select/action.yml',
    main: '../dist/select.js',
    inputs: [
      'image',
      'features',
      'host-root',
      'require-signature',
      'public-key',
      'certificate-identity',
      'certificate-identity-regexp',
      'certificate-oidc-issuer',
      'trusted-root',
      'username',
      'password',
      'github-token',
      'plain-http',
      'ca-file',
      'insecure',
      'retries',
      'timeout',
    ],
    outputs: ['image'],
    read: readSelectInputs,
    required: { image: 'r.example/app:1' },
  },
  setup: {
    file: 'setup/action.yml',
    main: '../dist/setup.js',
    inputs: [],
    outputs: ['version', 'cache-hit'],
    read: readSetupInputs,
    required: {},
  },
} as const;
type ActionName = keyof typeof ACTIONS;
const names = Object.keys(ACTIONS) as ActionName[];

function loadAction(file: string): { template: ActionTemplate; errors: string[] } {
  const result = parseAction(
    { name: file, content: readFileSync(file, 'utf8') },
    new NoOperationTraceWriter(),
  );
  const template = convertActionTemplate(result.context, result.value!);
  return { template, errors: result.context.errors.getErrors().map((e) => e.message) };
}

/** The bundle an action.yml's `main` names, relative to dist/ (`report`), or undefined if outside. */
function bundleOf(file: string, main: string): string | undefined {
  const rel = path.relative('dist', path.join(path.dirname(file), main));
  return rel.startsWith('..') ? undefined : rel.replace(/\.js$/, '');
}

describe.each(names)('%s action.yml', (name) => {
  const spec = ACTIONS[name];

  it('is valid for GitHub’s action parser: node24, described inputs and outputs, branding', () => {
    const { template, errors } = loadAction(spec.file);
    expect(errors).toEqual([]);
    expect(template.runs).toMatchObject({ using: 'node24', main: spec.main });
    expect(template.description).toBeTruthy();
    expect(template.branding?.icon).toBeTruthy();
    for (const item of [...(template.inputs ?? []), ...(template.outputs ?? [])]) {
      expect({ id: item.id, described: Boolean(item.description) }).toEqual({ id: item.id, described: true });
    }
  });

  it('declares the inputs and outputs of the issue', () => {
    const { template } = loadAction(spec.file);
    expect((template.inputs ?? []).map((i) => i.id).sort()).toEqual([...spec.inputs].sort());
    expect((template.outputs ?? []).map((o) => o.id).sort()).toEqual([...spec.outputs].sort());
  });

  it('has the defaults the input reader assumes', () => {
    const { template } = loadAction(spec.file);
    const declared = Object.fromEntries(
      (template.inputs ?? [])
        .filter((i) => i.default !== undefined)
        .map((i) => [i.id, i.default!.toString()]),
    );
    expect(declared).toEqual(DEFAULTS[name]);
  });

  it('points main at a bundle the bundle script builds, or is pending', () => {
    const bundle = bundleOf(spec.file, spec.main);
    expect(bundle).toBeDefined();
    if (bundleEntries().includes(bundle!)) {
      // Built by `npm run bundle` (run before the tests, as for the CLI tests).
      expect(existsSync(path.join('dist', `${bundle}.js`))).toBe(true);
    } else {
      // Pending: wired when its command lands; until then only its declaration is checked (above).
      expect([] as string[]).toContain(bundle);
    }
  });
});

describe('input readers read exactly the declared inputs', () => {
  const saved = process.env;
  afterEach(() => {
    process.env = saved;
  });

  it.each(names)('%s', (name) => {
    const spec = ACTIONS[name];
    const read = new Set<string>();
    const env: NodeJS.ProcessEnv = { ...saved };
    for (const k of Object.keys(env)) if (k.startsWith('INPUT_')) delete env[k];
    for (const [k, v] of Object.entries(spec.required)) env[`INPUT_${k.toUpperCase()}`] = v;
    process.env = new Proxy(env, {
      get(target, key) {
        if (typeof key === 'string' && key.startsWith('INPUT_')) read.add(key);
        return Reflect.get(target, key);
      },
    });
    spec.read();
    const expected = spec.inputs.map((i) => `INPUT_${i.replace(/ /g, '_').toUpperCase()}`);
    expect([...read].sort()).toEqual([...expected].sort());
  });
});
