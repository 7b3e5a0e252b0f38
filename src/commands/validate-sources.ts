// Where `validate` gets its inputs, for the CLI and the validate action alike: the spec from an
// image's compatibility artifact (NFD's pick, or the newest that passes a signature policy), the
// host from this machine's collectors (or a mounted host root), and the ValidationReport built
// from one host's verdict. Typed in, typed out; messages are returned, never printed.
import { formatPositioned, InputError, RegistryError, SignatureError } from '../errors.js';
import { toNodeFeature } from '../features/node-feature.js';
import type { NodeFeature, UnavailableSource } from '../features/index.js';
import type { HostFeatures } from '../features/snapshot.js';
import { quote } from '../io/limits.js';
import { decodeText } from '../io/read.js';
import type {
  AttachedTo,
  Descriptor,
  Reference,
  RegistryOptions,
  Repository,
  ResolvedManifest,
} from '../oci/index.js';
import type { HostPlatform } from '../platform/host.js';
import { formatPlatform, parsePlatform, platformsMatch } from '../platform/platform.js';
import { summarizeHardware } from '../report/hardware.js';
import type { ValidationReport } from '../report/report.js';
import type { VerificationPolicy, VerifyResult } from '../sign/verify.js';
import { readSpecForEvaluation } from '../spec/parse.js';
import type { Spec } from '../spec/types.js';
import type { IgnoredArtifact } from './artifact-selection.js';
import type { ValidateResult } from './validate.js';
import { setting } from '../settings.js';
import { policyNeeded } from './policy.js';

export interface ImageSpecOptions extends RegistryOptions {
  image: string;
  platform?: string;
  /** The digest of one manifest of the index (a plan entry's `manifest`): read its artifact. */
  manifest?: string;
  /** The host an index resolves for without `platform` (its first entry when the host runs none). */
  host?: HostPlatform;
  policy?: VerificationPolicy;
  requireSignature: boolean;
  /** Findings NFD only meets while evaluating are errors (else warnings, evaluated as NFD does). */
  strict?: boolean;
}

export interface ImageSpec {
  spec: Spec;
  /** The image as given. */
  image: string;
  /** `os/arch[/variant]` of the platform manifest read, when known. */
  platform?: string;
  /** Digest of the compatibility artifact manifest evaluated. */
  artifact: string;
  /** The platform manifest read (what a validation record attaches to), and its index's digest. */
  subject: Descriptor;
  index?: string;
  /** Whether it hangs on the platform manifest or on the image index. */
  attachedTo: AttachedTo;
  created?: string;
  signature: VerifyResult;
  /** Newer artifacts passed over when a signature is required. */
  ignored: IgnoredArtifact[];
  /** Warnings for stderr or annotations: ignored artifacts, a signature that fails the policy. */
  warnings: string[];
}

function describeFailure(f: { reason: string; message: string }): string {
  return `${f.reason}: ${f.message}`;
}

/**
 * The spec of an image's compatibility artifact. RegistryError (exit 3) when the image has none;
 * SignatureError (exit 4) when --require-signature finds none that passes, or when the chosen
 * artifact's signature contradicts it (tampering).
 */
export async function specFromImage(opts: ImageSpecOptions): Promise<ImageSpec> {
  if (opts.requireSignature && !opts.policy) {
    throw policyNeeded(setting('require-signature'));
  }
  const { reference, repo, resolved } = await resolveSubject(opts);
  const got = await specOfSubject(repo, reference, resolved, opts);
  const { describeSubject } = await import('./artifact-selection.js');
  if (!got) {
    throw new RegistryError(
      `image ${describeSubject(reference, { subject: resolved.descriptor, ...(resolved.platform && { platform: resolved.platform }) })} has no compatibility artifact`,
    );
  }
  return { ...got, image: opts.image };
}

/** The platform manifest `validate --image` reads: `manifest` by digest, else as `platform` or the host resolves. */
async function resolveSubject(opts: ImageSpecOptions) {
  // The registry client loads only for an image.
  const { formatReference, resolveImage } = await import('../oci/index.js');
  if (opts.manifest === undefined) {
    const { reference, repo, subjects } = await resolveImage(opts.image, { ...opts, orFirst: true });
    return { reference, repo, resolved: subjects[0]! };
  }
  const wanted = opts.manifest;
  if (!/^sha256:[0-9a-f]{64}$/.test(wanted))
    throw new InputError(`${setting('manifest')} is not a sha256 digest: ${quote(wanted)}`);
  const { platform: _p, ...rest } = opts;
  const { reference, repo, subjects } = await resolveImage(opts.image, { ...rest, all: true });
  const resolved = subjects.find((s) => s.descriptor.digest === wanted);
  if (!resolved) {
    throw new RegistryError(
      `image ${formatReference(reference)} has no platform manifest ${wanted}; it lists ${subjects.map((s) => s.descriptor.digest).join(', ')}`,
    );
  }
  const platform = opts.platform !== undefined ? parsePlatform(opts.platform) : undefined;
  if (platform && resolved.platform && !platformsMatch(platform, resolved.platform)) {
    throw new InputError(
      `${setting('manifest')} ${wanted} is for ${formatPlatform(resolved.platform)}, not ${setting('platform')} ${formatPlatform(platform)}`,
    );
  }
  return { reference, repo, resolved };
}

/**
 * The spec of one platform manifest's compatibility artifact (its own, then its index's), under
 * the signature policy; undefined when it has none. SignatureError as specFromImage says.
 * Shared by `validate --image` and `select` (every candidate of an index).
 */
export async function specOfSubject(
  repo: Repository,
  reference: Reference,
  resolved: ResolvedManifest,
  opts: Pick<ImageSpecOptions, 'policy' | 'requireSignature' | 'strict'>,
): Promise<Omit<ImageSpec, 'image'> | undefined> {
  // The registry client and the signature checks load only for an image.
  const [{ formatReference }, { mustFail }, { describeSubject, selectArtifact }] = await Promise.all([
    import('../oci/index.js'),
    import('../sign/verify.js'),
    import('./artifact-selection.js'),
  ]);
  const selected = await selectArtifact(repo, resolved, {
    requireSignature: opts.requireSignature,
    ...(opts.policy && { policy: opts.policy }),
  });
  const where = describeSubject(reference, selected);
  if (selected.artifacts.length === 0) return undefined;
  const warnings = selected.ignored.map(
    (i) =>
      `ignored compatibility artifact ${i.artifact.digest}${i.created ? ` (created ${i.created})` : ''}: ${describeFailure(i.failure)}`,
  );
  const chosen = selected.chosen;
  if (!chosen) {
    throw new SignatureError(
      `image ${where}: none of its ${selected.artifacts.length} compatibility artifact(s) has a signature that passes the policy (newest: ${describeFailure(selected.ignored[0]!.failure)})`,
    );
  }
  const sig = chosen.signature;
  if (mustFail(sig, opts.requireSignature) && !sig.ok) {
    throw new SignatureError(
      `compatibility artifact ${chosen.artifact.digest} of ${where}: its signature fails its integrity check (${describeFailure(sig)}); the artifact or its signature was tampered with`,
    );
  }
  if (!sig.ok && opts.policy && !opts.requireSignature) {
    warnings.push(`compatibility artifact ${chosen.artifact.digest}: ${describeFailure(sig)}`);
  }
  const source = `${formatReference(reference)}@${chosen.artifact.digest}`;
  // Strict UTF-8, as a spec file is read: a registry's bad bytes are an error, never U+FFFD.
  const read = readSpecForEvaluation(decodeText(chosen.specBytes, source), source, {
    strict: opts.strict ?? false,
  });
  warnings.push(...read.warnings.map((d) => formatPositioned(d.message, d.position, d.hint)));
  return {
    spec: read.spec,
    ...(selected.platform && { platform: formatPlatform(selected.platform) }),
    artifact: chosen.artifact.digest,
    subject: resolved.descriptor,
    ...(resolved.index && { index: resolved.index.digest }),
    attachedTo: chosen.attachedTo,
    ...(chosen.created !== undefined && { created: chosen.created }),
    signature: sig,
    ignored: selected.ignored,
    warnings,
  };
}

export interface MachineHost {
  host: HostFeatures;
  unavailable: UnavailableSource[];
  nodeFeature: NodeFeature;
}

/**
 * This machine (or the host mounted at `hostRoot` / IMAGE_COMPAT_HOST_ROOT) as features. The
 * collectors load here: a validation against a snapshot never compiles them.
 */
export async function hostFromMachine(
  hostRoot: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<MachineHost> {
  const [{ collectHostFeatures }, { resolveHostRoot }] = await Promise.all([
    import('../features/collect.js'),
    import('../features/host-root.js'),
  ]);
  const collected = await collectHostFeatures({ hostRoot: resolveHostRoot(hostRoot, env) });
  return {
    host: { name: collected.hostname, features: collected.features, unavailable: collected.unavailable },
    unavailable: collected.unavailable,
    nodeFeature: toNodeFeature(collected),
  };
}

/** A snapshot host as a NodeFeature (what --save-features writes when --features was given). */
export function nodeFeatureOf(host: HostFeatures, unavailable: UnavailableSource[] = []): NodeFeature {
  return toNodeFeature({ features: host.features, unavailable, hostname: host.name });
}

export interface ReportInput {
  result: ValidateResult;
  /** The host the result is about (its features give the hardware summary). */
  host: HostFeatures;
  image?: string;
  spec?: string;
  config?: string;
  platform?: string;
  artifact?: string;
  compatibility?: string;
  unavailable?: UnavailableSource[];
  runner?: string;
  /** The plan matrix entry's id. */
  id?: string;
}

/** The ValidationReport of a one-host validation. */
export function buildReport(input: ReportInput): ValidationReport {
  const verdict = input.result.hosts[0];
  if (!verdict || input.result.hosts.length !== 1) {
    throw new RangeError('a validation report describes exactly one host');
  }
  const refusal = verdict.refusal;
  return {
    ...(input.id !== undefined && { id: input.id }),
    ...(input.image !== undefined && { image: input.image }),
    ...(input.spec !== undefined && { spec: input.spec }),
    ...(input.config !== undefined && { config: input.config }),
    ...(input.platform !== undefined && { platform: input.platform }),
    ...(input.artifact !== undefined && { artifact: input.artifact }),
    ...(input.compatibility !== undefined && { compatibility: input.compatibility }),
    compatible: verdict.compatible,
    ...(refusal !== undefined && { refusal }),
    host: {
      name: verdict.node,
      ...(input.runner !== undefined && { runner: input.runner }),
      hardware: summarizeHardware(input.host.features, verdict.node, input.unavailable ?? []),
    },
    results: verdict.results,
  };
}
