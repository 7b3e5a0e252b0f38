// `check`: the pull-request check of a compatibility config. Lints the changed configs and specs
// (from the pull_request event's SHAs or `git diff` against a base ref), compiles the head config,
// compares it with a baseline (the config at the base ref, a base config file, or the specs
// published for a base image) and evaluates both on a fleet of host snapshots. Typed options in,
// typed result out, no printing. Git is only read (`diff`, `show`, `rev-parse`): nothing fetched.
import { execFile } from 'node:child_process';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  alignPlatforms,
  diffSpecs,
  fleetImpact,
  type FleetImpact,
  type RequirementChange,
} from '../check/index.js';
import { changeOf, eventNameOf } from '../check/event.js';
import { compileForPlatforms } from '../config/compile.js';
import { parseConfig } from '../config/load.js';
import { DEFAULT_CONFIG_PATH } from '../config/types.js';
import { InputError } from '../errors.js';
import { MAX_FEATURES_BYTES, parseFeaturesDocument, type HostFeatures } from '../features/snapshot.js';
import { detectKind, lintSource, type LintResult } from '../lint/index.js';
import { fetchNewestCompatibilitySpec, type RegistryOptions } from '../oci/index.js';
import { parseSource, readSource } from '../spec/document.js';
import { parseSpec } from '../spec/parse.js';
import type { Spec } from '../spec/types.js';
import { fsErrorDetail } from '../io/fs-error.js';
import { LIMITS } from '../io/limits.js';
import { decodeText, readText } from '../io/read.js';
import { setting } from '../settings.js';
import type { VerificationPolicy } from '../sign/verify.js';
import { fleetOfImage } from './validations.js';

export interface CheckOptions {
  /** The head config; default `.github/image-compat.yaml`. */
  config?: string;
  /** Baseline, at most one: a git ref (the config at it), a config file, or a published image. */
  baseRef?: string;
  baseConfig?: string;
  baseImage?: string;
  /** A folder of host snapshots (NodeFeature, NodeFeatureList, List, Features; JSON or YAML). */
  fleet?: string;
  /** Instead of `fleet`: the hosts of this image's validation records (`validate --attest`). */
  fleetImage?: string;
  /** The signature policy the fleet image's records must pass; without one they are read unverified. */
  fleetPolicy?: VerificationPolicy;
  /** Files to lint instead of those git says changed. */
  files?: string[];
  /** A GitHub event payload (GITHUB_EVENT_PATH): pull_request, merge_group or push give base and head SHAs. */
  event?: string;
  /**
   * The config's text at the base commit, read by the caller (the check action reads it through
   * the GitHub API, so a depth-1 checkout serves); `text` undefined: the file did not exist there.
   * A baseline of kind `ref`, instead of asking git.
   */
  baseContent?: { ref: string; text: string | undefined };
  /** The working directory (the repository checkout); default process.cwd(). */
  cwd?: string;
  registry?: RegistryOptions;
}

export type BaselineKind = 'ref' | 'config' | 'image';

export interface CheckResult {
  config: string;
  baseline: { kind: BaselineKind; source: string };
  lint: { files: LintResult[]; errors: number; warnings: number };
  /** False when the head config has lint errors: nothing compiled, compared or evaluated. */
  compared: boolean;
  platforms: string[];
  changes: RequirementChange[];
  fleet?: FleetImpact;
  notes: string[];
}

interface PullRequest {
  base: string;
  head: string;
}

function baselineOf(opts: CheckOptions, baseRef: string | undefined): CheckResult['baseline'] {
  if (opts.baseImage) return { kind: 'image', source: opts.baseImage };
  if (opts.baseConfig) return { kind: 'config', source: opts.baseConfig };
  if (baseRef) return { kind: 'ref', source: baseRef };
  throw new InputError(
    'no baseline to compare with',
    {},
    `give ${setting('base-ref')}, ${setting('base-config')} or ${setting('base-image')} (or ${setting('event')} with a pull_request payload)`,
  );
}

/** The path with symbolic links resolved (git prints real paths), or as given when it does not exist. */
async function real(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch {
    return file;
  }
}

export async function check(opts: CheckOptions): Promise<CheckResult> {
  const cwd = await real(path.resolve(opts.cwd ?? process.cwd()));
  const configArg = opts.config ?? DEFAULT_CONFIG_PATH;
  const configFile = await real(path.resolve(cwd, configArg));
  const notes: string[] = [];
  const given = [opts.baseRef, opts.baseConfig, opts.baseImage, opts.baseContent].filter(
    (b) => b !== undefined,
  );
  if (given.length > 1)
    throw new InputError(
      `give at most one of ${setting('base-ref')}, ${setting('base-config')} and ${setting('base-image')}`,
    );
  if (opts.fleet !== undefined && opts.fleetImage !== undefined)
    throw new InputError(`give ${setting('fleet')} or ${setting('fleet-image')}, not both`);
  const pr = opts.event ? await changeOfEvent(opts.event) : undefined;
  if (opts.event && !pr)
    notes.push(
      `${opts.event}: not a pull_request, merge_group or push event with a base: its SHAs are not used`,
    );

  const baseRef =
    opts.baseRef ?? opts.baseContent?.ref ?? (opts.baseConfig || opts.baseImage ? undefined : pr?.base);
  // A ref is handed to git as an argument: one that looks like an option would be read as one.
  if (baseRef !== undefined && (baseRef === '' || baseRef.startsWith('-'))) {
    throw new InputError(`base ref ${JSON.stringify(baseRef)} is not a git ref`);
  }
  const baseline = baselineOf(opts, baseRef);

  // ---- lint: the config, and the changed files that are configs or specs
  const display = (abs: string) => path.relative(cwd, abs) || abs;
  const toLint = new Map<string, string>([[configFile, configArg]]);
  const changed = await changedFiles(opts, cwd, pr, baseRef, notes);
  for (const file of changed) {
    const abs = await real(file);
    if (!toLint.has(abs)) toLint.set(abs, display(abs));
  }
  const files: LintResult[] = [];
  // A file named with --files must exist: a typo must not pass as "nothing to lint".
  for (const file of opts.files ?? []) {
    const missing = await stat(path.resolve(cwd, file)).then(
      () => false,
      () => true,
    );
    if (missing) {
      toLint.delete(await real(path.resolve(cwd, file)));
      files.push({
        file,
        diagnostics: [{ severity: 'error', message: 'cannot read: no such file', position: { file } }],
      });
    }
  }
  let configLint: LintResult | undefined;
  for (const [abs, name] of toLint) {
    const result = await lintFile(abs, name, abs === configFile);
    if (result) files.push(result);
    if (abs === configFile) configLint = result;
  }
  const all = files.flatMap((f) => f.diagnostics);
  const lint = {
    files,
    errors: all.filter((d) => d.severity === 'error').length,
    warnings: all.filter((d) => d.severity === 'warning').length,
  };
  const result: CheckResult = {
    config: configArg,
    baseline,
    lint,
    compared: false,
    platforms: [],
    changes: [],
    notes,
  };
  if (configLint?.diagnostics.some((d) => d.severity === 'error')) {
    notes.push(`${configArg} has errors: nothing compared`);
    return result;
  }

  // ---- compile the head, get the baseline
  const { config } = parseConfig(await readSource(configFile), configArg);
  const head = compileForPlatforms(config);
  let base: Map<string, Spec>;
  if (baseline.kind === 'image')
    base = await publishedSpecs(baseline.source, [...head.keys()], opts.registry ?? { plainHttp: false });
  else if (baseline.kind === 'config')
    base = await configSpecs(await readSource(path.resolve(cwd, baseline.source)), baseline.source, notes);
  else if (opts.baseContent) base = await configAtBase(opts.baseContent, configArg, notes);
  else base = await configAtRef(cwd, configFile, baseline.source, notes);
  const [before, after] = alignPlatforms(base, head);

  const platforms = [...new Set([...before.keys(), ...after.keys()])].sort();
  result.compared = true;
  result.platforms = platforms;
  result.changes = platforms.flatMap((p) => diffSpecs(before.get(p), after.get(p), p));
  if (opts.fleet) result.fleet = fleetImpact(before, after, await loadFleet(path.resolve(cwd, opts.fleet)));
  if (opts.fleetImage) {
    const hosts = await fleetOfImage(
      {
        image: opts.fleetImage,
        ...opts.registry,
        ...(opts.fleetPolicy && { policy: opts.fleetPolicy }),
      },
      notes,
    );
    result.fleet = fleetImpact(before, after, hosts);
  }
  return result;
}

// ---------------------------------------------------------------- git

async function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err) reject(new GitError(`git ${args.join(' ')}: ${(stderr || err.message).trim()}`));
      else resolve(stdout);
    });
  });
}

class GitError extends Error {}

async function repositoryRoot(cwd: string): Promise<string> {
  return (await git(cwd, ['rev-parse', '--show-toplevel'])).trim();
}

/** Files changed by the pull request (base...head) or since the base ref, absolute paths. */
async function changedFiles(
  opts: CheckOptions,
  cwd: string,
  pr: PullRequest | undefined,
  baseRef: string | undefined,
  notes: string[],
): Promise<string[]> {
  // With a base read by the caller, the caller listed the changed files too: git may not have them.
  if (opts.files?.length || opts.baseContent) return (opts.files ?? []).map((f) => path.resolve(cwd, f));
  const range = pr ? [`${pr.base}...${pr.head}`] : baseRef ? [baseRef] : undefined;
  if (!range) {
    notes.push('no pull request and no base ref: only the config is linted');
    return [];
  }
  try {
    const root = await repositoryRoot(cwd);
    const out = await git(cwd, ['diff', '--name-only', '--no-renames', '-z', ...range, '--']);
    return out
      .split('\0')
      .filter(Boolean)
      .map((name) => path.join(root, name));
  } catch (err) {
    if (!(err instanceof GitError)) throw err;
    throw new InputError(
      `cannot list the changed files: ${err.message}`,
      {},
      pr ? 'check out with fetch-depth: 0 so that both SHAs and their merge base are present' : undefined,
    );
  }
}

/** The head config compiled at the base ref; empty when the file did not exist there (a new config). */
async function configAtRef(
  cwd: string,
  configFile: string,
  ref: string,
  notes: string[],
): Promise<Map<string, Spec>> {
  let root: string;
  try {
    root = await repositoryRoot(path.dirname(configFile));
  } catch (err) {
    if (!(err instanceof GitError)) throw err;
    throw new InputError(
      `${setting('base-ref')} ${ref}: ${path.relative(cwd, configFile)} is not in a git repository`,
    );
  }
  const rel = path.relative(root, configFile).split(path.sep).join('/');
  try {
    await git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new InputError(
      `base ref ${JSON.stringify(ref)} is not a commit in this repository`,
      {},
      'fetch it first, or check out with fetch-depth: 0',
    );
  }
  let text: string;
  try {
    text = await git(root, ['show', `${ref}:${rel}`]);
  } catch {
    notes.push(`${rel} does not exist at ${ref}: every requirement is new`);
    return new Map();
  }
  return configSpecs(text, `${ref}:${rel}`, notes);
}

/** The head config's text at the base commit, as the caller read it. */
async function configAtBase(
  base: { ref: string; text: string | undefined },
  configArg: string,
  notes: string[],
): Promise<Map<string, Spec>> {
  if (base.text === undefined) {
    notes.push(`${configArg} does not exist at ${base.ref}: every requirement is new`);
    return new Map();
  }
  return configSpecs(base.text, `${base.ref}:${configArg}`, notes);
}

/** A baseline config compiled per platform; one that does not compile is reported and empty. */
async function configSpecs(text: string, name: string, notes: string[]): Promise<Map<string, Spec>> {
  try {
    return compileForPlatforms(parseConfig(text, name).config);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    notes.push(`the base config does not compile (${err.message}): compared with nothing`);
    return new Map();
  }
}

/** The newest spec published for each platform of the head config. RegistryError (exit 3) propagates. */
async function publishedSpecs(
  image: string,
  platforms: string[],
  registry: RegistryOptions,
): Promise<Map<string, Spec>> {
  const out = new Map<string, Spec>();
  for (const platform of platforms) {
    const found = await fetchNewestCompatibilitySpec(image, { ...registry, ...(platform && { platform }) });
    const name = `${image} (${found.artifact.digest})`;
    out.set(platform, parseSpec(decodeText(found.specBytes, name), name)); // text is text: no U+FFFD
  }
  return out;
}

// ---------------------------------------------------------------- inputs

/**
 * The base and head of a pull_request, merge_group or push payload (told apart by shape), for git.
 * A push that created its branch has no base. A payload that names SHAs that are not SHAs is bad
 * input: they would reach git's command line.
 */
async function changeOfEvent(file: string): Promise<PullRequest | undefined> {
  let payload: unknown;
  try {
    payload = JSON.parse(await readText(file, { maxBytes: LIMITS.document, what: 'the event payload' }));
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`the event payload is not JSON: ${(err as Error).message.slice(0, LIMITS.echo)}`, {
      file,
    });
  }
  const object =
    payload !== null && typeof payload === 'object' ? (payload as Record<string, unknown>) : undefined;
  const name = eventNameOf(object);
  if (!name) return undefined;
  const change = changeOf(name, object);
  if (!change)
    throw new InputError(`the ${name} event does not name its commits by SHA`, { file, path: name });
  if (change.base === undefined) return undefined;
  return { base: change.base, head: change.head };
}

const DOCUMENT_EXTENSIONS = /\.(ya?ml|json)$/i;

/** Lints one file when it is a config or spec; the head config always (even when unreadable). */
async function lintFile(abs: string, name: string, always: boolean): Promise<LintResult | undefined> {
  if (!always && !DOCUMENT_EXTENSIONS.test(abs)) return undefined;
  let text: string;
  try {
    if (!(await stat(abs)).isFile()) return undefined;
    text = await readSource(abs);
  } catch (err) {
    if (!always) return undefined; // deleted by the change, or too large to be a config
    if (err instanceof InputError) {
      return {
        file: name,
        diagnostics: [{ severity: 'error', message: err.detail, position: { file: name } }],
      };
    }
    return {
      file: name,
      diagnostics: [
        { severity: 'error', message: `cannot read: ${(err as Error).message}`, position: { file: name } },
      ],
    };
  }
  if (!always) {
    try {
      if (!detectKind(parseSource(text, name).value)) return undefined;
    } catch {
      return undefined; // not YAML: not ours to judge
    }
  }
  return lintSource(text, name);
}

/** A regular file (through links); a dangling link or an unreadable entry is an InputError. */
async function isSnapshotFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch (err) {
    const link = await lstat(file).then(
      (s) => s.isSymbolicLink(),
      () => false,
    );
    const why = link ? 'a symbolic link to nothing (dangling)' : fsErrorDetail(err);
    throw new InputError(`cannot read a host snapshot of the fleet: ${why}`, { file });
  }
}

/** Every host snapshot under a folder (recursively): `*.json`, `*.yaml`, `*.yml`. */
export async function loadFleet(dir: string): Promise<HostFeatures[]> {
  let entries: string[];
  try {
    entries = (await readdir(dir, { recursive: true })).map(String).sort();
  } catch (err) {
    throw new InputError(`cannot read the fleet folder: ${fsErrorDetail(err)}`, { file: dir });
  }
  const hosts: HostFeatures[] = [];
  const seen = new Set<string>();
  for (const entry of entries.filter((e) => DOCUMENT_EXTENSIONS.test(e))) {
    const file = path.join(dir, entry);
    if (!(await isSnapshotFile(file))) continue;
    for (const host of parseFeaturesDocument(await readSource(file, MAX_FEATURES_BYTES), file)) {
      let name = host.name || entry.replace(DOCUMENT_EXTENSIONS, '');
      if (seen.has(name)) name = `${name} (${entry})`;
      seen.add(name);
      hosts.push({ name, features: host.features });
    }
  }
  if (hosts.length === 0)
    throw new InputError('no host snapshots (*.json, *.yaml) in the fleet folder', { file: dir });
  return hosts;
}
