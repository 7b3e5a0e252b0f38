import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import {
  annotate,
  annotationOf,
  DEFAULTS,
  fitSummary,
  mask,
  overflowMarkdown,
  readPublishInputs,
  readReportInputs,
  readValidateInputs,
} from '../../src/action/runtime.js';
import { EvaluationError, InputError, RegistryError, SignatureError } from '../../src/errors.js';
import type { Annotation } from '../../src/report/annotations.js';
import { parseWorkflowCommands } from '../helpers/action.js';

let written: string[];
const saved = { ...process.env };

beforeEach(() => {
  written = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  for (const k of Object.keys(process.env))
    if (/^(INPUT_|GITHUB_|RUNNER_|ACTIONS_)/.test(k)) delete process.env[k];
});

afterEach(() => {
  jest.restoreAllMocks();
  process.env = { ...saved };
});

const commands = () => parseWorkflowCommands(written.join(''));
const inputs = (values: Record<string, string>) => {
  for (const [k, v] of Object.entries(values)) process.env[`INPUT_${k.toUpperCase()}`] = v;
};

describe('annotate', () => {
  const many = (level: Annotation['level'], n: number): Annotation[] =>
    Array.from({ length: n }, (_, i) => ({ level, message: `${level} ${i}` }));

  it('prints at most 10 per level and returns the rest', () => {
    const overflow = annotate([...many('error', 12), ...many('warning', 3), ...many('notice', 11)]);
    const printed = commands();
    expect(printed.filter((c) => c.command === 'error')).toHaveLength(10);
    expect(printed.filter((c) => c.command === 'warning')).toHaveLength(3);
    expect(printed.filter((c) => c.command === 'notice')).toHaveLength(10);
    expect(overflow.map((a) => a.message)).toEqual(['error 10', 'error 11', 'notice 10']);
  });

  it('prints file, line, column and title, the file relative to the workspace', () => {
    process.env.GITHUB_WORKSPACE = '/ws';
    annotate([
      { level: 'error', message: 'bad: op', title: 'T', file: '/ws/.github/c.yaml', line: 3, column: 7 },
    ]);
    expect(commands()).toEqual([
      {
        command: 'error',
        properties: { title: 'T', file: '.github/c.yaml', line: '3', col: '7' },
        message: 'bad: op',
      },
    ]);
  });

  it('lists the overflow for the summary, escaped', () => {
    const md = overflowMarkdown([{ level: 'error', message: 'a <b>', file: 'c.yaml', line: 2 }]);
    expect(md).toContain('### More annotations (1 beyond the 10 per level GitHub shows)');
    expect(md).toContain('- **error** c.yaml:2: a &lt;b&gt;');
    expect(overflowMarkdown([])).toBe('');
  });
});

describe('annotationOf', () => {
  it('puts an InputError at its file, line and column', () => {
    const err = new InputError(
      'unknown field "matchExpresions"',
      { file: 'package.json', line: 4, column: 9, path: 'sets[0]' },
      'did you mean "matchExpressions"?',
    );
    expect(annotationOf(err)).toEqual({
      level: 'error',
      title: 'image-compat: invalid input',
      message: 'sets[0]: unknown field "matchExpresions" (did you mean "matchExpressions"?)',
      file: 'package.json',
      line: 4,
      column: 9,
    });
  });

  it('keeps a position outside any file (stdin, an input) in the message', () => {
    const err = new InputError('expected a list', { file: '<stdin>', line: 1, column: 2 });
    expect(annotationOf(err)).toEqual({
      level: 'error',
      title: 'image-compat: invalid input',
      message: '<stdin>:1:2: expected a list',
    });
  });

  it.each([
    [new EvaluationError('bad regexp'), 'image-compat: evaluation error', /^bad regexp$/],
    [
      new RegistryError(
        'cannot push',
        { method: 'PUT', url: 'https://r/v2/x' },
        { status: 403, body: 'denied' },
      ),
      'image-compat: registry error',
      /^cannot push\nrequest: PUT https:\/\/r\/v2\/x\nanswer: HTTP 403 denied$/,
    ],
    [new SignatureError('no signature by the identity'), 'image-compat: signature policy', /identity/],
    [new Error('boom'), 'image-compat: unexpected error', /^boom$/],
  ])('titles %p', (err, title, message) => {
    const a = annotationOf(err);
    expect(a.title).toBe(title);
    expect(a.message).toMatch(message);
  });
});

describe('mask', () => {
  it('masks a multi-line secret and each of its lines', () => {
    mask('-----BEGIN KEY-----\nabc\n-----END KEY-----');
    const masked = commands()
      .filter((c) => c.command === 'add-mask')
      .map((c) => c.message);
    expect(masked).toEqual([
      '-----BEGIN KEY-----\nabc\n-----END KEY-----',
      '-----BEGIN KEY-----',
      'abc',
      '-----END KEY-----',
    ]);
  });
});

describe('input readers', () => {
  it('report: defaults as in action.yml', () => {
    process.env.RUNNER_TEMP = '/rt';
    expect(readReportInputs()).toEqual({
      path: 'image-compat-reports',
      require: 'all',
      failOnIncompatible: true,
      allHostValues: false,
      commentPolicy: 'on-failure',
      outputDir: '/rt/image-compat',
    });
  });

  it('report: reads each input', () => {
    inputs({ path: 'dl', require: 'any-per-set', 'fail-on-incompatible': 'False' });
    expect(readReportInputs()).toMatchObject({
      path: 'dl',
      require: 'any-per-set',
      failOnIncompatible: false,
    });
  });

  it.each([
    [{ require: 'some' }, /input "require": must be one of all, any-per-set; got "some"/],
    [{ 'fail-on-incompatible': 'yes' }, /input "fail-on-incompatible": must be true or false; got "yes"/],
  ])('report: rejects %j', (values, message) => {
    inputs(values);
    expect(() => readReportInputs()).toThrow(message);
    expect(() => readReportInputs()).toThrow(InputError);
  });

  it('publish: image from image-name and digest, platforms by comma or line, secrets masked', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    inputs({
      'image-name': 'ghcr.io/o/app',
      digest,
      platforms: 'linux/amd64, linux/arm64\nlinux/s390x',
      password: 'hunter2',
      'signing-key': 'KEY',
    });
    process.env.ACTIONS_ID_TOKEN_REQUEST_URL = 'https://token';
    const p = readPublishInputs();
    expect(p).toMatchObject({
      image: `ghcr.io/o/app@${digest}`,
      platforms: ['linux/amd64', 'linux/arm64', 'linux/s390x'],
      config: DEFAULTS.publish.config,
      sign: 'auto',
      oidc: true,
      dryRun: false,
    });
    expect(
      commands()
        .filter((c) => c.command === 'add-mask')
        .map((c) => c.message),
    ).toEqual(['KEY', 'hunter2']);
  });

  it.each([
    [{}, /input "image": required/],
    [{ image: 'a:1', digest: `sha256:${'a'.repeat(64)}` }, /either image, or image-name and digest/],
    [{ 'image-name': 'a', digest: 'latest' }, /input "digest": not a sha256 digest/],
    [{ image: 'a:1', sign: 'key' }, /input "signing-key": required when sign is "key"/],
    [{ image: 'a:1', sign: 'cosign' }, /input "sign": must be one of auto, keyless, key, none, true, false/],
  ])('publish: rejects %j', (values, message) => {
    inputs(values);
    expect(() => readPublishInputs()).toThrow(message);
  });

  it('validate: defaults, runner name', () => {
    inputs({ image: 'a:1', compatibility: 'gpu' });
    process.env.RUNNER_NAME = 'gpu-7';
    expect(readValidateInputs()).toMatchObject({
      image: 'a:1',
      compatibility: 'gpu',
      hostRoot: '/',
      requireSignature: false,
      failOnIncompatible: true,
      runnerName: 'gpu-7',
    });
  });

  it.each([
    [{}, /exactly one of image and spec/],
    [{ image: 'a', spec: 's.yaml' }, /exactly one of image and spec/],
    [{ spec: 's.yaml', 'certificate-identity': 'x', 'certificate-identity-regexp': 'y' }, /at most one of/],
  ])('validate: rejects %j', (values, message) => {
    inputs(values);
    expect(() => readValidateInputs()).toThrow(message);
  });
});

describe('fitSummary', () => {
  it('leaves a summary within the limit alone', () => {
    expect(fitSummary('a\nb\n', 10)).toBe('a\nb\n');
  });

  it('cuts at a line break below the limit and says so', () => {
    const md = Array.from({ length: 100 }, (_, i) => `| row ${i} | ✅ |`).join('\n');
    const out = fitSummary(md, 200);
    const [kept, note] = out.split('\n\n');
    expect(Buffer.byteLength(kept!)).toBeLessThanOrEqual(200);
    expect(kept!.endsWith('✅ |')).toBe(true);
    expect(note).toMatch(/summary cut at GitHub's 1 MiB limit/);
  });
});
