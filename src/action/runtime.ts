// The actions' edge: the one place inputs are read (one typed object per action, defaults equal
// to the action.yml files'), and the helpers every entry uses to publish what it found: outputs,
// job summary, annotations (GitHub shows 10 per level per step; the rest go to the summary),
// secret masking, and typed errors -> failed step with an annotation at the right line.
import * as core from '@actions/core';
import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  EvaluationError,
  exitCodeOf,
  formatPositioned,
  InputError,
  RegistryError,
  SignatureError,
} from '../errors.js';
import type { PolicyRequest } from '../commands/policy.js';
import type { RegistrySettings } from '../commands/registry-options.js';
import type { Annotation } from '../report/annotations.js';
import { fileURLToPath } from 'node:url';
import { VERSION } from '../version.js';
import { COMMENT_POLICIES, type CommentPolicy } from './github/comment.js';
import type { SetupInputs } from './run/setup.js';
import { REQUIREMENTS, type Requirement } from '../report/merge.js';
import { neutraliseText } from '../io/workflow-command.js';
import { inInputWords } from './words.js';

// ---------------------------------------------------------------- inputs

/** The registry inputs of every action that reaches a registry (publish, validate, check). */
const REGISTRY_DEFAULTS = {
  'plain-http': 'false',
  insecure: 'false',
  retries: '4',
  timeout: '60',
  'github-token': '${{ github.token }}',
} as const;

/** Defaults as in each action.yml (a test keeps them equal): the runner fills them in, tests don't. */
export const DEFAULTS = {
  publish: {
    config: '.github/image-compat.yaml',
    sign: 'auto',
    'dry-run': 'false',
    ...REGISTRY_DEFAULTS,
  },
  plan: { config: '.github/image-compat.yaml', ...REGISTRY_DEFAULTS },
  validate: {
    'require-signature': 'false',
    attest: 'false',
    'host-root': '/',
    'fail-on-incompatible': 'true',
    'all-host-values': 'false',
    strict: 'false',
    ...REGISTRY_DEFAULTS,
  },
  report: {
    path: 'image-compat-reports',
    require: 'all',
    'fail-on-incompatible': 'true',
    'all-host-values': 'false',
    'github-token': '${{ github.token }}',
    'comment-summary-in-pr': 'on-failure',
  },
  setup: {},
  select: {
    'require-signature': 'false',
    'host-root': '/',
    ...REGISTRY_DEFAULTS,
  },
  check: {
    config: '.github/image-compat.yaml',
    'fail-on-exclusion': 'false',
    ...REGISTRY_DEFAULTS,
    'comment-summary-in-pr': 'on-failure',
  },
} as const satisfies Record<string, Record<string, string>>;

type Defaults = Readonly<Record<string, string>>;

/**
 * An input's value; one left as an unexpanded expression (`${{ github.token }}`: a default that
 * only the runner expands, passed literally by @github/local-action) counts as unset.
 */
function given(name: string): string {
  const value = core.getInput(name);
  return /^\$\{\{[\s\S]*\}\}$/.test(value) ? '' : value;
}

function text(name: string, defaults: Defaults = {}): string {
  const fallback = defaults[name] ?? '';
  return given(name) || (/^\$\{\{/.test(fallback) ? '' : fallback);
}

function optional(name: string): string | undefined {
  return given(name) || undefined;
}

/** YAML 1.2 core booleans, as `core.getBooleanInput` accepts, but failing with an InputError. */
function flag(name: string, defaults: Defaults = {}): boolean {
  const value = text(name, defaults);
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE', ''].includes(value)) return false;
  throw inputError(name, `must be true or false; got ${JSON.stringify(value)}`);
}

function choice<T extends string>(name: string, choices: readonly T[], defaults: Defaults): T {
  const value = text(name, defaults);
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw inputError(name, `must be one of ${choices.join(', ')}; got ${JSON.stringify(value)}`);
}

/** One item a line or comma-separated: `linux/amd64,linux/arm64` or a YAML block. */
function list(name: string): string[] {
  return core
    .getMultilineInput(name)
    .flatMap((l) => l.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The registry inputs (the one builder in commands/registry-options.ts turns them into options). */
function registryInputs(defaults: Defaults): RegistrySettings {
  const settings: RegistrySettings = {
    plainHttp: flag('plain-http', defaults),
    insecure: flag('insecure', defaults),
    retries: text('retries', defaults),
    timeout: text('timeout', defaults),
  };
  const caFile = optional('ca-file');
  const username = optional('username');
  const password = secret('password');
  const githubToken = secret('github-token');
  if (caFile) settings.caFile = caFile;
  if (username) settings.username = username;
  if (password) settings.password = password;
  if (githubToken) settings.githubToken = githubToken;
  return settings;
}

/** A secret input: masked in the log before anything else can print it. */
function secret(name: string): string | undefined {
  const value = optional(name);
  if (value) mask(value);
  return value;
}

export function inputError(name: string, detail: string): InputError {
  return new InputError(`input "${name}": ${detail}`);
}

/** Where actions write the files they name in outputs. */
function outputDir(): string {
  return path.join(process.env.RUNNER_TEMP || tmpdir(), 'image-compat');
}

/** `true`: sign (keyless when OIDC is granted, else with the key) or fail; `false` is `none`. */
export type SignMode = 'auto' | 'keyless' | 'key' | 'none' | 'true' | 'false';
export const SIGN_MODES: readonly SignMode[] = ['auto', 'keyless', 'key', 'none', 'true', 'false'];

export interface PublishInputs {
  /** The image: `image`, or `image-name@digest` built from the build step's outputs. */
  image: string;
  config: string;
  /** Empty: every platform of the index. */
  platforms: string[];
  sign: SignMode;
  signingKey?: string;
  signingKeyPassword?: string;
  registry: RegistrySettings;
  dryRun: boolean;
  /** The job was granted `id-token: write`: keyless signing can get an OIDC token. */
  oidc: boolean;
  outputDir: string;
}

export function readPublishInputs(): PublishInputs {
  const d = DEFAULTS.publish;
  const signingKey = secret('signing-key');
  const inputs: PublishInputs = {
    image: publishImage(),
    config: text('config', d),
    platforms: list('platforms'),
    sign: choice('sign', SIGN_MODES, d),
    signingKey,
    signingKeyPassword: secret('signing-key-password'),
    registry: registryInputs(d),
    dryRun: flag('dry-run', d),
    oidc: Boolean(process.env.ACTIONS_ID_TOKEN_REQUEST_URL),
    outputDir: outputDir(),
  };
  if (inputs.sign === 'key' && !signingKey) throw inputError('signing-key', 'required when sign is "key"');
  return inputs;
}

function publishImage(): string {
  const image = optional('image');
  const name = optional('image-name');
  const digest = optional('digest');
  if (image && (name || digest)) throw inputError('image', 'give either image, or image-name and digest');
  if (image) return image;
  if (!name || !digest) throw inputError('image', 'required (or image-name and digest from the build step)');
  if (!/^sha256:[0-9a-f]{64}$/.test(digest)) throw inputError('digest', `not a sha256 digest: ${digest}`);
  return `${name}@${digest}`;
}

export interface PlanInputs {
  config: string;
  /** The image index to plan against: entries per set and manifest, with `manifest`. */
  image?: string;
  registry: RegistrySettings;
}

export function readPlanInputs(): PlanInputs {
  const d = DEFAULTS.plan;
  return { config: text('config', d), image: optional('image'), registry: registryInputs(d) };
}

/** The signature policy inputs of validate, select and check (only those given). */
function policyInputs(): PolicyRequest {
  const policy: PolicyRequest = {
    ...(given('public-key') && { key: given('public-key') }),
    ...(given('certificate-identity') && { certificateIdentity: given('certificate-identity') }),
    ...(given('certificate-identity-regexp') && {
      certificateIdentityRegexp: given('certificate-identity-regexp'),
    }),
    ...(given('certificate-oidc-issuer') && { certificateOidcIssuer: given('certificate-oidc-issuer') }),
    ...(given('trusted-root') && { trustedRoot: given('trusted-root') }),
  };
  if (policy.certificateIdentity && policy.certificateIdentityRegexp) {
    throw inputError(
      'certificate-identity',
      'give at most one of certificate-identity and certificate-identity-regexp',
    );
  }
  return policy;
}

export interface ValidateInputs {
  image?: string;
  spec?: string;
  compatibility?: string;
  platform?: string;
  /** The index's manifest to read, by digest (`${{ matrix.manifest }}`). */
  manifest?: string;
  requireSignature: boolean;
  /** The signature policy inputs (public-key, certificate-*, trusted-root). */
  policy: PolicyRequest;
  /** Refuse a spec with findings NFD only meets while evaluating (`validate --strict`). */
  strict?: boolean;
  features?: string;
  hostRoot: string;
  registry: RegistrySettings;
  failOnIncompatible: boolean;
  /** RUNNER_NAME: the column the report action shows this run under. */
  runnerName?: string;
  /** The plan matrix entry's id (`${{ matrix.id }}`), carried by the report. */
  matrixId?: string;
  /** Every host value in the report and the summary (else the first 16 and the total). */
  allHostValues?: boolean;
  /** Attach a signed validation record; keyless unless `attestKey`. */
  attest: boolean;
  attestKey?: string;
  attestKeyPassword?: string;
  /** The runner's labels as given (`${{ toJSON(matrix.runs-on) }}`), parsed by the run. */
  runnerLabels?: string;
  /** The job was granted `id-token: write`: keyless signing can get an OIDC token. */
  oidc: boolean;
  outputDir: string;
}

export function readValidateInputs(): ValidateInputs {
  const d = DEFAULTS.validate;
  const inputs: ValidateInputs = {
    image: optional('image'),
    spec: optional('spec'),
    compatibility: optional('compatibility'),
    platform: optional('platform'),
    manifest: optional('manifest'),
    requireSignature: flag('require-signature', d),
    policy: policyInputs(),
    strict: flag('strict', d),
    features: optional('features'),
    hostRoot: text('host-root', d),
    registry: registryInputs(d),
    failOnIncompatible: flag('fail-on-incompatible', d),
    runnerName: process.env.RUNNER_NAME || undefined,
    matrixId: optional('matrix-id'),
    allHostValues: flag('all-host-values', d),
    attest: flag('attest', d),
    attestKey: secret('attest-key'),
    attestKeyPassword: secret('attest-key-password'),
    runnerLabels: optional('runner-labels'),
    oidc: Boolean(process.env.ACTIONS_ID_TOKEN_REQUEST_URL && process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN),
    outputDir: outputDir(),
  };
  if (Boolean(inputs.image) === Boolean(inputs.spec))
    throw inputError('image', 'give exactly one of image and spec');
  if (inputs.attest && !inputs.image) throw inputError('attest', 'needs image (the record attaches to it)');
  if (inputs.attest && !inputs.attestKey && !inputs.oidc)
    throw inputError(
      'attest',
      'needs attest-key, or keyless signing: grant the job `permissions: id-token: write`',
    );
  return inputs;
}

export interface SelectInputs {
  image: string;
  /** A features snapshot of one host, instead of this runner. */
  features?: string;
  hostRoot: string;
  requireSignature: boolean;
  /** The signature policy inputs (public-key, certificate-*, trusted-root). */
  policy: PolicyRequest;
  registry: RegistrySettings;
}

export function readSelectInputs(): SelectInputs {
  const d = DEFAULTS.select;
  const image = optional('image');
  if (!image) throw inputError('image', 'required: the image index to select from');
  const inputs: SelectInputs = {
    image,
    features: optional('features'),
    hostRoot: text('host-root', d),
    requireSignature: flag('require-signature', d),
    policy: policyInputs(),
    registry: registryInputs(d),
  };
  return inputs;
}

export interface ReportInputs {
  /** The folder the reports were downloaded to. */
  path: string;
  require: Requirement;
  /** The plan's matrix (JSON text), when given. */
  matrix?: string;
  failOnIncompatible: boolean;
  /** Every host value the reports carry in the failures (else the first 16 and the total). */
  allHostValues?: boolean;
  /** The folder to write the matrix's host snapshots to, a fleet folder for the check action. */
  fleetOut?: string;
  /** The pull-request comment: the token, when (absent: never), and the event it finds it in. */
  githubToken?: string;
  commentPolicy?: CommentPolicy;
  repository?: string;
  eventName?: string;
  event?: string;
  outputDir: string;
}

export function readReportInputs(): ReportInputs {
  const d = DEFAULTS.report;
  return {
    path: text('path', d),
    require: choice('require', REQUIREMENTS, d),
    matrix: optional('matrix'),
    failOnIncompatible: flag('fail-on-incompatible', d),
    allHostValues: flag('all-host-values', d),
    fleetOut: optional('fleet-out'),
    githubToken: secret('github-token'),
    commentPolicy: choice('comment-summary-in-pr', COMMENT_POLICIES, d),
    repository: process.env.GITHUB_REPOSITORY || undefined,
    eventName: process.env.GITHUB_EVENT_NAME || undefined,
    event: process.env.GITHUB_EVENT_PATH || undefined,
    outputDir: outputDir(),
  };
}

export interface CheckInputs {
  config: string;
  baseRef?: string;
  baseConfig?: string;
  baseImage?: string;
  fleet?: string;
  /** Instead of `fleet`: the hosts of this image's validation records. */
  fleetImage?: string;
  /** The signature policy the fleet image's records must pass (empty: read unverified). */
  policy: PolicyRequest;
  /** Files to lint instead of those the pull request changed. */
  files: string[];
  failOnExclusion: boolean;
  registry: RegistrySettings;
  /** GITHUB_EVENT_PATH: a pull_request payload gives the base and head SHAs. */
  event?: string;
  /** GITHUB_EVENT_NAME: pull_request, merge_group and push are read through the GitHub API. */
  eventName?: string;
  /** GITHUB_REPOSITORY (owner/name). */
  repository?: string;
  /** GITHUB_WORKSPACE: the checkout the config path is relative to. */
  workspace: string;
  /** The token for the GitHub API (changed files, base config, the pull-request comment). */
  githubToken?: string;
  commentPolicy: CommentPolicy;
  outputDir: string;
}

export function readCheckInputs(): CheckInputs {
  const d = DEFAULTS.check;
  const inputs: CheckInputs = {
    config: text('config', d),
    baseRef: optional('base-ref'),
    baseConfig: optional('base-config'),
    baseImage: optional('base-image'),
    fleet: optional('fleet'),
    fleetImage: optional('fleet-image'),
    policy: policyInputs(),
    files: list('files'),
    failOnExclusion: flag('fail-on-exclusion', d),
    registry: registryInputs(d),
    event: process.env.GITHUB_EVENT_PATH || undefined,
    eventName: process.env.GITHUB_EVENT_NAME || undefined,
    repository: process.env.GITHUB_REPOSITORY || undefined,
    workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
    githubToken: secret('github-token'),
    commentPolicy: choice('comment-summary-in-pr', COMMENT_POLICIES, d),
    outputDir: outputDir(),
  };
  const bases = (['base-ref', 'base-config', 'base-image'] as const).filter((n) => given(n));
  if (bases.length > 1)
    throw inputError(bases[1]!, `give at most one of base-ref, base-config and base-image`);
  if (inputs.fleet && inputs.fleetImage)
    throw inputError('fleet-image', 'give fleet or fleet-image, not both');
  if (!inputs.fleetImage && Object.keys(inputs.policy).length > 0)
    throw inputError('public-key', 'the signature policy inputs of the check need fleet-image');
  return inputs;
}

/**
 * The setup action has no inputs: the CLI beside its bundle, this runner's temp folder and Node.
 * `distDir` is the entry's folder (dist/), given by the entry itself: the split bundle puts this
 * code in dist/chunks/, so this module's own folder is not the CLI's.
 */
export function readSetupInputs(distDir?: string): SetupInputs {
  return {
    distDir: distDir ?? path.dirname(fileURLToPath(import.meta.url)),
    version: VERSION,
    runnerTemp: process.env.RUNNER_TEMP || tmpdir(),
    node: process.execPath,
  };
}

// ---------------------------------------------------------------- publishing results

export function setOutputs(outputs: Record<string, string | boolean>): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, String(value));
}

/** Masks a secret, and each of its lines: the runner masks a multi-line value line by line. */
export function mask(value: string): void {
  core.setSecret(value);
  for (const line of value.split(/\r?\n/)) if (line.trim() && line !== value) core.setSecret(line.trim());
}

/** A log line: notes carry spec, config and registry text, so no line of it may be a workflow command. */
export function info(message: string): void {
  core.info(neutraliseText(message));
}

/** GitHub shows at most this many annotations of each level per step. */
export const ANNOTATION_LIMIT = 10;

/** Prints annotations up to the limit per level; returns those left over, for the summary. */
export function annotate(annotations: readonly Annotation[], limit = ANNOTATION_LIMIT): Annotation[] {
  const shown = { error: 0, warning: 0, notice: 0 };
  const overflow: Annotation[] = [];
  for (const a of annotations) {
    if (shown[a.level]++ >= limit) {
      overflow.push(a);
      continue;
    }
    const props: core.AnnotationProperties = {
      ...(a.title !== undefined && { title: inInputWords(a.title) }),
    };
    if (a.file) props.file = workspaceRelative(a.file);
    if (a.line !== undefined) props.startLine = a.line;
    if (a.column !== undefined) props.startColumn = a.column;
    core[a.level](inInputWords(a.message), props);
  }
  return overflow;
}

/** The annotations GitHub would not show, as a Markdown list for the job summary. */
export function overflowMarkdown(overflow: readonly Annotation[]): string {
  if (overflow.length === 0) return '';
  const lines = overflow.map((a) => {
    const where = a.file ? `${a.file}${a.line !== undefined ? `:${a.line}` : ''}: ` : '';
    return `- **${a.level}** ${escape(inInputWords(`${where}${a.title ? `${a.title}: ` : ''}${a.message}`))}`;
  });
  return `\n### More annotations (${overflow.length} beyond the ${ANNOTATION_LIMIT} per level GitHub shows)\n\n${lines.join('\n')}\n`;
}

/** GitHub refuses a step summary larger than 1 MiB; stay below it with room for the note. */
export const SUMMARY_LIMIT = 1024 * 1024 - 1024;

/** Appends Markdown to the job summary; outside a runner (no GITHUB_STEP_SUMMARY) it is skipped. */
export async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(fitSummary(markdown), true).write();
}

/** Cuts a summary to the size GitHub accepts, at a line break, and says so. */
export function fitSummary(markdown: string, limit = SUMMARY_LIMIT): string {
  if (Buffer.byteLength(markdown) <= limit) return markdown;
  const cut = Buffer.from(markdown).subarray(0, limit).toString('utf8');
  const head = cut.slice(0, Math.max(0, cut.lastIndexOf('\n')));
  return `${head}\n\n…summary cut at GitHub's 1 MiB limit; the full text is in the file the step outputs.\n`;
}

/** Our typed errors as an annotation: the file position of an InputError, a title for each kind. */
export function annotationOf(err: unknown): Annotation {
  if (err instanceof InputError) {
    const { file, line, column, path: at } = err.position;
    // GitHub links an annotation to a file in the repository; a position in anything else (an
    // input's value, stdin) stays in the message.
    if (!file || !isFile(file)) {
      return { level: 'error', title: 'image-compat: invalid input', message: err.message };
    }
    return {
      level: 'error',
      title: 'image-compat: invalid input',
      message: formatPositioned(err.detail, { path: at }, err.hint),
      file,
      line,
      column,
    };
  }
  if (err instanceof EvaluationError)
    return { level: 'error', title: 'image-compat: evaluation error', message: err.message };
  if (err instanceof RegistryError) {
    const parts = [err.message];
    if (err.request) parts.push(`request: ${err.request.method} ${err.request.url}`);
    if (err.response)
      parts.push(
        `answer: HTTP ${err.response.status}${err.response.body ? ` ${err.response.body.slice(0, 500)}` : ''}`,
      );
    return { level: 'error', title: 'image-compat: registry error', message: parts.join('\n') };
  }
  if (err instanceof SignatureError)
    return { level: 'error', title: 'image-compat: signature policy', message: err.message };
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof Error && err.stack) core.debug(err.stack);
  return { level: 'error', title: 'image-compat: unexpected error', message };
}

/** Fails the step: one annotation and the exit code of the CLI contract (2 input, 3 registry, 4 signature). */
export function fail(err: unknown): void {
  annotate([annotationOf(err)]);
  process.exitCode = exitCodeOf(err);
}

/** The shape of every entry: read inputs once, run, publish; any error fails the step. */
export async function runAction<I, R>(
  read: () => I,
  run: (inputs: I) => Promise<R>,
  publish: (result: R, inputs: I) => Promise<void>,
): Promise<void> {
  try {
    const inputs = read();
    await publish(await run(inputs), inputs);
  } catch (err) {
    fail(err);
  }
}

/** GitHub links an annotation to a file by its path in the repository. */
function workspaceRelative(file: string): string {
  const ws = process.env.GITHUB_WORKSPACE;
  if (!ws || !path.isAbsolute(file)) return file;
  const rel = path.relative(ws, file);
  return rel.startsWith('..') ? file : rel.split(path.sep).join('/');
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function escape(s: string): string {
  return neutraliseText(
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, ' '),
  );
}
