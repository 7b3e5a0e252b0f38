// `validate --attest` (and the validate action's `attest`): after a one-host validation of an
// image, the signed validation record attached to the platform manifest validated. The record
// carries the verdicts with host values, the host's fingerprint (salted machine id, no hostname
// unless asked) and its scrubbed NodeFeature, the tool, the runner (name, labels given by the
// caller: a job cannot see its runner's labels), the run URL and the time. Typed in, typed out.
import { InputError } from '../errors.js';
import { setting } from '../settings.js';
import { resolveHostRoot } from '../features/index.js';
import { openRepository, parseReference, sha256Digest } from '../oci/index.js';
import type { RegistryOptions } from '../oci/index.js';
import type { SignWith } from '../sign/sign.js';
import { attachValidationRecord } from '../validation/attach.js';
import { hostFingerprint, readMachineId, saltedMachineId } from '../validation/fingerprint.js';
import { buildValidationStatement, runUrlFromGitHubEnv } from '../validation/predicate.js';
import type { ValidationPredicate } from '../validation/predicate.js';
import { scrubbedNodeFeature } from '../validation/scrub.js';
import { VERSION } from '../version.js';
import type { ValidationRun } from './validate-run.js';

/** The variable holding the machine-id salt (default: the image repository). */
export const SALT_ENV = 'IMAGE_COMPAT_MACHINE_ID_SALT';

export interface AttestOptions extends RegistryOptions {
  /** The image as validated (`--image`). */
  image: string;
  sign: SignWith;
  /** The features came from this machine (or `hostRoot`), not a snapshot: its machine id is read. */
  fromMachine: boolean;
  hostRoot?: string;
  /** Record the hostname (off by default). */
  hostname?: boolean;
  runnerName?: string;
  runnerLabels?: string[];
  matrixId?: string;
  now?: () => Date;
}

export interface AttestResult {
  /** `registry/repo@digest` of the record's referrer manifest. */
  record: string;
  digest: string;
  subject: string;
  predicate: ValidationPredicate;
}

/** Builds, signs and attaches the validation record of a one-host image validation. */
export async function attestValidation(run: ValidationRun, opts: AttestOptions): Promise<AttestResult> {
  const host = run.hosts[0];
  const verdict = run.result.hosts[0];
  if (!run.subject || !host || !verdict || run.hosts.length !== 1 || !run.report?.artifact) {
    throw new InputError('a validation record needs an image validated on one host');
  }
  const env = opts.env ?? process.env;
  const reference = parseReference(opts.image);
  const name = `${reference.registry}/${reference.repository}`;
  const salt = env[SALT_ENV] || name;
  const machineId = opts.fromMachine ? readMachineId(resolveHostRoot(opts.hostRoot, env)) : undefined;
  const fingerprint = hostFingerprint(host.features, {
    unavailable: run.unavailable ?? [],
    salt,
    ...(machineId !== undefined && { machineId }),
    ...(opts.hostname && host.name && { hostname: host.name }),
  });
  const nodeFeature = scrubbedNodeFeature(host.features, '', run.unavailable);
  // A name that is no hostname: the salted machine id's prefix, else the scrubbed features' digest prefix.
  nodeFeature.metadata.name = machineId
    ? `machine-${saltedMachineId(machineId, salt).slice('sha256:'.length, 'sha256:'.length + 12)}`
    : `host-${sha256Digest(Buffer.from(JSON.stringify(nodeFeature.spec.features))).slice('sha256:'.length, 'sha256:'.length + 12)}`;
  const time = (opts.now ?? (() => new Date()))();
  const runUrl = runUrlFromGitHubEnv(env);
  const statement = buildValidationStatement({
    image: {
      name,
      digest: run.subject.descriptor.digest,
      ...(run.report.platform !== undefined && { platform: run.report.platform }),
      ...(run.subject.index && { index: run.subject.index }),
    },
    artifactDigest: run.report.artifact,
    results: verdict.results,
    sets: run.result.sets,
    ...(verdict.refusal !== undefined && { refusal: verdict.refusal }),
    host: { ...fingerprint, nodeFeature },
    version: VERSION,
    runner: {
      ...(opts.runnerName && { name: opts.runnerName }),
      ...(opts.runnerLabels?.length && { labels: opts.runnerLabels }),
    },
    ...(opts.matrixId !== undefined && { matrixId: opts.matrixId }),
    ...(runUrl && { runUrl }),
    time,
  });
  const repo = openRepository(reference, opts);
  const attached = await attachValidationRecord(repo, run.subject.descriptor, statement, opts.sign, time);
  return {
    record: `${name}@${attached.digest}`,
    digest: attached.digest,
    subject: `${name}@${run.subject.descriptor.digest}`,
    predicate: statement.predicate,
  };
}

/** Runner labels as an input gives them: a JSON array (`${{ toJSON(matrix.runs-on) }}`), a JSON string, or comma-separated. */
export function parseRunnerLabels(text: string): string[] {
  const name = setting('runner-labels');
  const t = text.trim();
  if (t === '') return [];
  if (t.startsWith('[') || t.startsWith('"')) {
    let v: unknown;
    try {
      v = JSON.parse(t);
    } catch {
      throw new InputError(`${name}: not JSON: ${t.slice(0, 80)}`);
    }
    const list = typeof v === 'string' ? [v] : v;
    if (!Array.isArray(list) || !list.every((x) => typeof x === 'string'))
      throw new InputError(`${name}: expected a JSON array of strings`);
    return list.map((x) => x.trim()).filter(Boolean);
  }
  return t
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
}
