// One validation as every edge runs it (the CLI's `validate` and the validate action): the spec
// (a file, or an image's compatibility artifact under a signature policy), the hosts (a snapshot,
// this machine or a mounted host root), the platform requirement (a host that cannot run the
// image's platform is incompatible whatever the rules say), the verdict and, for one host, the
// report. A run that fails still leaves a report: `failureReport` gives the one with `error`.
// Typed in, typed out; notes and warnings go to the caller's log, the edges only print.
import os from 'node:os';
import { exitCodeOf, formatPositioned, InputError } from '../errors.js';
import { emptyFeatures } from '../features/types.js';
import type { NodeFeature, UnavailableSource } from '../features/index.js';
import { MAX_FEATURES_BYTES, parseFeaturesDocument, type HostFeatures } from '../features/snapshot.js';
import type { Descriptor, RegistryOptions } from '../oci/index.js';
import { canRun, machineHostPlatform, snapshotHostPlatform } from '../platform/host.js';
import type { HostPlatform } from '../platform/host.js';
import { formatPlatform, parsePlatform } from '../platform/platform.js';
import { summarizeHardware } from '../report/hardware.js';
import type { ValidationReport } from '../report/report.js';
import { parseSource, readSource, throwFirstError } from '../spec/document.js';
import { checkSpecDocument } from '../spec/parse.js';
import type { Spec } from '../spec/types.js';
import { setting, type Setting } from '../settings.js';
import { loadPolicy, policyNeeded, policyRequested, POLICY_SETTINGS, type PolicyRequest } from './policy.js';
import { validate, type ValidateResult } from './validate.js';
import { refuseConfigAsSpec, specFromConfig } from './validate-config.js';
import { ownFeaturesFromLocal } from '../kubernetes/index.js';
import { buildReport, hostFromMachine, nodeFeatureOf, specFromImage } from './validate-sources.js';

export interface ValidationLog {
  note(message: string): void;
  warn(message: string): void;
}

export interface ValidationRequest extends RegistryOptions {
  /** A spec file (exactly one of spec, config and image). */
  spec?: string;
  /** An image-compat config, compiled for the host's platform (or `platform`). */
  config?: string;
  image?: string;
  /** The platform of an index to read, or to compile a config for (`os/arch[/variant]`); default: the host's. */
  platform?: string;
  /** With `image`: the digest of the index's manifest to read (a plan entry's `manifest`). */
  manifest?: string;
  /** A features snapshot file (`-`: standard input); default: this machine or `hostRoot`. */
  features?: string;
  hostRoot?: string;
  tags?: string[];
  /** One set (a plan entry's name); its verdict is the report's. */
  compatibility?: string;
  policy: PolicyRequest;
  requireSignature: boolean;
  /** Findings NFD only meets while evaluating are errors (else warnings, evaluated as NFD does). */
  strict?: boolean;
  /** The plan matrix entry's id, carried by the report. */
  matrixId?: string;
  /** The GitHub runner's name, carried by the report. */
  runner?: string;
  /**
   * The settings given that describe one host (a report, a host snapshot, a validation record):
   * when any is, the hosts must be one. Messages name them, in the edge's words (src/settings.ts).
   */
  oneHost?: readonly Setting[];
}

/** What a run has learnt so far: a failed run's report carries it. */
export interface ValidationProgress {
  image?: string;
  spec?: string;
  config?: string;
  platform?: string;
  artifact?: string;
  host?: HostFeatures;
  unavailable?: UnavailableSource[];
}

export interface ValidationRun {
  result: ValidateResult;
  hosts: HostFeatures[];
  /** The one host's report (every run of one host). */
  report?: ValidationReport;
  /** The one host as a NodeFeature (what `--save-features` / output `features` write). */
  nodeFeature?: NodeFeature;
  /** An image's platform manifest validated (a validation record's subject) and its index. */
  subject?: { descriptor: Descriptor; index?: string };
  /** The host's unreadable feature sources. */
  unavailable?: UnavailableSource[];
}

/** Checks the request's combinations before anything is read (messages name settings, not flags). */
export function checkRequest(req: ValidationRequest): void {
  if ([req.spec, req.config, req.image].filter(Boolean).length !== 1)
    throw new InputError(
      `give exactly one of ${setting('spec')}, ${setting('config')} and ${setting('image')}`,
    );
  if (req.features !== undefined && req.hostRoot !== undefined)
    throw new InputError(`give ${setting('features')} or ${setting('host-root')}, not both`);
  if (req.tags && req.compatibility !== undefined)
    throw new InputError(`give ${setting('tags')} or ${setting('compatibility')}, not both`);
  if (req.platform !== undefined && !req.image && !req.config)
    throw new InputError(`${setting('platform')} needs ${setting('image')} or ${setting('config')}`);
  if (req.platform !== undefined) parsePlatform(req.platform);
  if (req.manifest !== undefined && !req.image)
    throw new InputError(`${setting('manifest')} needs ${setting('image')}`);
  if (req.requireSignature && !req.image)
    throw new InputError(`${setting('require-signature')} needs ${setting('image')}`);
  if (policyRequested(req.policy) && !req.image)
    throw new InputError(
      `signature policy (${POLICY_SETTINGS.map(setting).join(', ')}) needs ${setting('image')}`,
    );
}

async function specFile(file: string, strict: boolean, log: ValidationLog): Promise<Spec> {
  const src = parseSource(await readSource(file), file);
  refuseConfigAsSpec(src);
  const { spec, diagnostics } = checkSpecDocument(src, { lenient: !strict });
  for (const d of diagnostics.filter((x) => x.severity === 'warning'))
    log.warn(formatPositioned(d.message, d.position, d.hint));
  throwFirstError(diagnostics);
  return spec!;
}

export interface LoadedHosts {
  hosts: HostFeatures[];
  unavailable: UnavailableSource[];
  nodeFeature?: NodeFeature;
  /** Each host's platform (undefined: the snapshot does not say and its cpu flags do not tell). */
  platformOf: (host: HostFeatures) => HostPlatform | undefined;
}

/** The hosts of a run (a snapshot, this machine or a mounted host root), each with its platform; shared with `select`. */
export async function loadHosts(
  req: Pick<ValidationRequest, 'features' | 'hostRoot'>,
  log: ValidationLog,
): Promise<LoadedHosts> {
  if (req.features !== undefined) {
    // A cluster's NodeFeatures carry our gpu/rdma features as NFD local features: read them back.
    const hosts = parseFeaturesDocument(await readSource(req.features, MAX_FEATURES_BYTES), req.features).map(
      (h) => ({ ...h, features: ownFeaturesFromLocal(h.features) }),
    );
    const unavailable = hosts.length === 1 ? (hosts[0]!.unavailable ?? []) : [];
    return { hosts, unavailable, platformOf: (h) => snapshotHostPlatform(h.features, h.labels) };
  }
  const machine = await hostFromMachine(req.hostRoot);
  for (const u of machine.unavailable) log.note(`feature source ${u.source} unavailable: ${u.reason}`);
  // A mounted host root may be another machine: its cpu flags say its arch, not this process.
  const mounted = req.hostRoot !== undefined && req.hostRoot !== '/';
  const platform = mounted
    ? snapshotHostPlatform(machine.host.features)
    : machineHostPlatform(machine.host.features);
  return {
    hosts: [machine.host],
    unavailable: machine.unavailable,
    nodeFeature: machine.nodeFeature,
    platformOf: () => platform,
  };
}

/** The refusal of each host that cannot run `imagePlatform`; notes where a host's platform is a guess. */
function platformRequirement(
  imagePlatform: string | undefined,
  loaded: LoadedHosts,
  log: ValidationLog,
): ((host: HostFeatures) => string | undefined) | undefined {
  if (imagePlatform === undefined) return undefined;
  const image = parsePlatform(imagePlatform);
  const refusals = new Map<HostFeatures, string | undefined>();
  for (const host of loaded.hosts) {
    const name = host.name ? `host ${host.name}` : 'the host';
    const platform = loaded.platformOf(host);
    if (!platform) {
      log.note(
        `${name} does not say its architecture (no kubernetes.io/arch label, no cpu flags): the image platform ${imagePlatform} is not checked`,
      );
      refusals.set(host, undefined);
      continue;
    }
    if (platform.source === 'cpu flags')
      log.note(
        `${name} does not say its architecture: ${formatPlatform(platform)} inferred from its cpu flags`,
      );
    const verdict = canRun(platform, image);
    refusals.set(host, verdict.ok ? undefined : verdict.reason);
  }
  return (host) => refusals.get(host);
}

/** Runs one validation; `progress` is filled as inputs load, for `failureReport` when it throws. */
export async function runValidation(
  req: ValidationRequest,
  log: ValidationLog,
  progress: ValidationProgress = {},
): Promise<ValidationRun> {
  checkRequest(req);
  const policy = await loadPolicy(req.policy, (m) => log.note(m));
  if (req.requireSignature && !policy) throw policyNeeded(setting('require-signature'));
  if (req.image !== undefined) progress.image = req.image;
  if (req.spec !== undefined) progress.spec = req.spec;
  if (req.config !== undefined) progress.config = req.config;
  const loaded = await loadHosts(req, log);
  if (req.oneHost?.length && loaded.hosts.length !== 1) {
    const named = req.oneHost.map(setting);
    const asking = named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named.at(-1)}` : named[0];
    throw new InputError(
      `${asking} ${req.oneHost.length > 1 ? 'describe' : 'describes'} one host; ${setting('features')} gave ${loaded.hosts.length}`,
    );
  }
  if (loaded.hosts.length === 1) progress.host = loaded.hosts[0]!;
  progress.unavailable = loaded.unavailable;

  let spec: Spec;
  let subject: ValidationRun['subject'];
  if (req.image) {
    const got = await specFromImage({
      image: req.image,
      ...(req.platform !== undefined && { platform: req.platform }),
      ...(req.manifest !== undefined && { manifest: req.manifest }),
      ...(policy && { policy }),
      requireSignature: req.requireSignature,
      strict: req.strict ?? false,
      ...(loaded.hosts.length === 1 && { host: loaded.platformOf(loaded.hosts[0]!) }),
      ...registryOf(req),
    });
    for (const w of got.warnings) log.warn(w);
    spec = got.spec;
    progress.artifact = got.artifact;
    subject = { descriptor: got.subject, ...(got.index && { index: got.index }) };
    if (got.platform !== undefined) progress.platform = got.platform;
    if (got.attachedTo === 'index')
      log.note(`the compatibility artifact ${got.artifact} is attached to the image index`);
  } else if (req.config !== undefined) {
    const got = await specFromConfig(req.config, req.platform);
    for (const d of got.warnings) log.warn(formatPositioned(d.message, d.position, d.hint));
    for (const note of got.notes) log.note(note);
    spec = got.spec;
    progress.platform = got.platform;
  } else {
    spec = await specFile(req.spec!, req.strict ?? false, log);
  }

  const tags = req.compatibility !== undefined ? [req.compatibility] : req.tags;
  const refusal = platformRequirement(progress.platform, loaded, log);
  const result = validate({
    spec,
    hosts: loaded.hosts,
    ...(tags && { tags, tagsFrom: req.compatibility !== undefined ? 'compatibility' : 'tags' }),
    ...(refusal && { platformRefusal: refusal }),
  });
  for (const h of result.hosts)
    if (h.refusal !== undefined) log.warn(`${h.node ? `${h.node}: ` : ''}${h.refusal}`);
  if (loaded.hosts.length !== 1) return { result, hosts: loaded.hosts, ...(subject && { subject }) };
  const host = loaded.hosts[0]!;
  const report = buildReport({
    result,
    host,
    ...aboutOf(progress),
    ...(req.compatibility !== undefined && { compatibility: req.compatibility }),
    unavailable: loaded.unavailable,
    ...(req.runner && { runner: req.runner }),
    ...(req.matrixId && { id: req.matrixId }),
  });
  return {
    result,
    hosts: loaded.hosts,
    report,
    nodeFeature: loaded.nodeFeature ?? nodeFeatureOf(host),
    ...(subject && { subject }),
    unavailable: loaded.unavailable,
  };
}

function registryOf(req: ValidationRequest): RegistryOptions {
  const {
    spec: _s,
    config: _co,
    image: _i,
    platform: _p,
    manifest: _ma,
    features: _f,
    hostRoot: _h,
    tags: _t,
    compatibility: _c,
    policy: _po,
    requireSignature: _r,
    strict: _st,
    matrixId: _m,
    runner: _ru,
    oneHost: _o,
    ...registry
  } = req;
  return registry;
}

function aboutOf(p: ValidationProgress): {
  image?: string;
  spec?: string;
  config?: string;
  platform?: string;
  artifact?: string;
} {
  return {
    ...(p.image !== undefined && { image: p.image }),
    ...(p.spec !== undefined && { spec: p.spec }),
    ...(p.config !== undefined && { config: p.config }),
    ...(p.platform !== undefined && { platform: p.platform }),
    ...(p.artifact !== undefined && { artifact: p.artifact }),
  };
}

/**
 * The report of a run that could not reach a verdict (exit 2, 3, 4): `error: {code, message}`,
 * not compatible, with what was learnt before it failed, so that `report --matrix` names it.
 */
export function failureReport(
  err: unknown,
  req: Pick<
    ValidationRequest,
    'image' | 'spec' | 'config' | 'platform' | 'compatibility' | 'matrixId' | 'runner'
  >,
  progress: ValidationProgress,
): ValidationReport {
  const host = progress.host;
  const name = host?.name || os.hostname();
  const about = aboutOf({
    ...(req.image !== undefined && { image: req.image }),
    ...(req.spec !== undefined && { spec: req.spec }),
    ...(req.config !== undefined && { config: req.config }),
    ...(req.platform !== undefined && { platform: req.platform }),
    ...progress,
  });
  return {
    ...(req.matrixId && { id: req.matrixId }),
    ...about,
    ...(req.compatibility !== undefined && { compatibility: req.compatibility }),
    compatible: false,
    host: {
      name,
      ...(req.runner && { runner: req.runner }),
      hardware: summarizeHardware(host?.features ?? emptyFeatures(), name, progress.unavailable ?? []),
    },
    results: [],
    error: { code: exitCodeOf(err), message: err instanceof Error ? err.message : String(err) },
  };
}
