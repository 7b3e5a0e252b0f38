// `select`: which manifest of an index fits a host best, for this machine, a mounted host root, or
// every node of a snapshot. Every candidate (each platform manifest of the index, or the one
// manifest a reference names) is judged as `validate --image` would judge it (its platform against
// the host's, then its compatibility artifact: the platform manifest's, else the index's, under the
// signature policy), then src/select ranks them. Typed in, typed out: the edges print.
import { EvaluationError, ExitCode, InputError, SignatureError } from '../errors.js';
import type { HostFeatures } from '../features/snapshot.js';
import { formatPlatform, formatReference, resolveImage, withDigest } from '../oci/index.js';
import type { AttachedTo, RegistryOptions, ResolvedManifest } from '../oci/index.js';
import { canRun, describeHost } from '../platform/host.js';
import type { HostPlatform } from '../platform/host.js';
import { noFitCause, rankCandidates } from '../select/rank.js';
import type { CandidateVerdict, RankedCandidate, Requirement } from '../select/rank.js';
import { setting } from '../settings.js';
import { loadPolicy, policyNeeded, type PolicyRequest } from './policy.js';
import { validate, type HostVerdict, type ValidateResult } from './validate.js';
import { loadHosts, type ValidationLog } from './validate-run.js';
import { specOfSubject } from './validate-sources.js';

export interface SelectOptions extends RegistryOptions {
  image: string;
  /** A features snapshot: one host, or a cluster (a NodeFeatureList); `-` reads stdin. */
  features?: string;
  hostRoot?: string;
  policy: PolicyRequest;
  /** Only candidates with an artifact whose signature passes the policy are eligible. */
  requireSignature: boolean;
  strict?: boolean;
}

export interface SelectCandidate {
  /** 0-based position among the index's platform manifests. */
  position: number;
  /** `registry/repository@digest`. */
  reference: string;
  digest: string;
  platform: string | null;
  /** The index descriptor's annotations (empty when none). */
  annotations: Record<string, string>;
  /** The compatibility artifact evaluated, or null when the candidate has none. */
  artifact: { digest: string; attachedTo: AttachedTo; signed: boolean } | null;
  /** Why its artifact could not be used, for every host (a signature policy, a spec error). */
  refused?: { cause: 'signature' | 'evaluation'; reason: string };
}

export interface HostSelection {
  /** The node name ('' for a bare Features snapshot or this machine without one). */
  node: string;
  /** `linux/amd64 (x86-64-v3)`, or null when the host's architecture cannot be told. */
  platform: string | null;
  /** The reference chosen, or null. */
  chosen: string | null;
  /** One entry per candidate, in index order. */
  ranking: RankedCandidate[];
  /** Why nothing was chosen: the host's arch unknown, a signature policy, an evaluation error, or none fits. */
  noFit?: 'unknown-platform' | 'signature' | 'evaluation' | 'none';
}

export interface SelectResult {
  image: string;
  candidates: SelectCandidate[];
  hosts: HostSelection[];
  /** The snapshot described several hosts: the edges print one line per node. */
  cluster: boolean;
}

interface Judged {
  candidate: SelectCandidate;
  resolved: ResolvedManifest;
  /** The verdict of each host (by index into the hosts), when the artifact was evaluated. */
  result?: ValidateResult;
}

function refusalOf(err: unknown): SelectCandidate['refused'] | undefined {
  if (err instanceof SignatureError) return { cause: 'signature', reason: err.message };
  if (err instanceof InputError || err instanceof EvaluationError)
    return { cause: 'evaluation', reason: `its compatibility spec cannot be evaluated: ${err.message}` };
  return undefined;
}

async function judge(
  opts: SelectOptions,
  policy: Awaited<ReturnType<typeof loadPolicy>>,
  hosts: HostFeatures[],
  log: ValidationLog,
): Promise<Judged[]> {
  const { reference, repo, subjects } = await resolveImage(opts.image, { ...opts, all: true });
  // One candidate after the other: they share the index's referrers, fetched once by the session.
  const judged: Judged[] = [];
  for (const [position, resolved] of subjects.entries()) {
    const digest = resolved.descriptor.digest;
    const base = {
      position,
      reference: formatReference(withDigest(reference, digest)),
      digest,
      platform: resolved.platform ? formatPlatform(resolved.platform) : null,
      annotations: resolved.annotations ?? {},
    };
    let got;
    try {
      got = await specOfSubject(repo, reference, resolved, {
        ...(policy && { policy }),
        requireSignature: opts.requireSignature,
        strict: opts.strict ?? false,
      });
    } catch (err) {
      const refused = refusalOf(err);
      if (!refused) throw err;
      judged.push({ candidate: { ...base, artifact: null, refused }, resolved });
      continue;
    }
    if (!got) {
      const refused = opts.requireSignature
        ? { cause: 'signature' as const, reason: 'no compatibility artifact, and a signature is required' }
        : undefined;
      judged.push({ candidate: { ...base, artifact: null, ...(refused && { refused }) }, resolved });
      continue;
    }
    for (const w of got.warnings) log.warn(`${base.reference}: ${w}`);
    const artifact = { digest: got.artifact, attachedTo: got.attachedTo, signed: got.signature.ok };
    try {
      const result = validate({ spec: got.spec, hosts });
      judged.push({ candidate: { ...base, artifact }, resolved, result });
    } catch (err) {
      const refused = refusalOf(err);
      if (!refused) throw err;
      judged.push({ candidate: { ...base, artifact, refused }, resolved });
    }
  }
  return judged;
}

/** The requirement one host's verdict states: the best matching set, or why none matched. */
function requirementOf(result: ValidateResult, verdict: HostVerdict): Requirement {
  if (verdict.matchingSets.length === 0) {
    const failing = verdict.results.map((r) => {
      const rule = r.rules.find((x) => !x.isMatch);
      return `${r.tag ?? 'a set'}${rule ? ` (rule ${rule.name})` : ''}`;
    });
    return {
      kind: 'unmatched',
      reason: failing.length ? `no set matches: ${failing.join(', ')}` : 'the spec has no set',
    };
  }
  let best: { weight: number; set?: string } | undefined;
  for (const i of verdict.matchingSets) {
    const set = result.sets[i];
    const weight = set?.weight ?? 0;
    if (!best || weight > best.weight) best = { weight, ...(set?.tag !== undefined && { set: set.tag }) };
  }
  return { kind: 'matched', ...best! };
}

function verdictOf(j: Judged, hostIndex: number, platform: HostPlatform): CandidateVerdict {
  const { candidate, resolved, result } = j;
  const label = `#${candidate.position + 1} ${candidate.platform ?? '?'}`;
  const run = resolved.platform ? canRun(platform, resolved.platform) : { ok: true as const };
  let requirement: Requirement;
  if (candidate.refused) requirement = { kind: 'refused', ...candidate.refused };
  else if (!result) requirement = { kind: 'none' };
  else requirement = requirementOf(result, result.hosts[hostIndex]!);
  return { position: candidate.position, label, platform: run, requirement };
}

/** Ranks the candidates of `opts.image` for each host. */
export async function select(opts: SelectOptions, log: ValidationLog): Promise<SelectResult> {
  if (opts.features !== undefined && opts.hostRoot !== undefined)
    throw new InputError(`give ${setting('features')} or ${setting('host-root')}, not both`);
  const policy = await loadPolicy(opts.policy, (m) => log.note(m));
  if (opts.requireSignature && !policy) throw policyNeeded(setting('require-signature'));
  const loaded = await loadHosts(
    {
      ...(opts.features !== undefined && { features: opts.features }),
      ...(opts.hostRoot !== undefined && { hostRoot: opts.hostRoot }),
    },
    log,
  );
  const judged = await judge(opts, policy, loaded.hosts, log);
  const hosts = loaded.hosts.map((host, i): HostSelection => {
    const platform = loaded.platformOf(host);
    const name = host.name ? `host ${host.name}` : 'the host';
    if (!platform) {
      const reason = `cannot tell ${name}'s architecture (no kubernetes.io/arch label, no cpu flags)`;
      return {
        node: host.name,
        platform: null,
        chosen: null,
        ranking: judged.map((j) => ({
          position: j.candidate.position,
          eligible: false,
          chosen: false,
          reason,
        })),
        noFit: 'unknown-platform',
      };
    }
    if (platform.source === 'cpu flags' && loaded.hosts.length === 1)
      log.note(
        `${name} does not say its architecture: ${formatPlatform(platform)} inferred from its cpu flags`,
      );
    const verdicts = judged.map((j) => verdictOf(j, i, platform));
    const ranking = rankCandidates(verdicts);
    const winner = ranking.chosen !== undefined ? judged[ranking.chosen]!.candidate.reference : null;
    return {
      node: host.name,
      platform: describeHost(platform),
      chosen: winner,
      ranking: ranking.candidates,
      ...(winner === null && { noFit: noFitCause(verdicts) }),
    };
  });
  return {
    image: opts.image,
    candidates: judged.map((j) => j.candidate),
    hosts,
    cluster: loaded.hosts.length > 1,
  };
}

/**
 * The exit code of the CLI contract: 0 when every host has a candidate; 2 when a host's
 * architecture cannot be told (or a spec cannot be evaluated and nothing else fits); 4 when
 * `--require-signature` left a host without a trusted candidate; else 1.
 */
export function selectExitCode(result: SelectResult): ExitCode {
  const causes = new Set(result.hosts.map((h) => h.noFit).filter((c) => c !== undefined));
  if (causes.size === 0) return ExitCode.ok;
  if (causes.has('unknown-platform')) return ExitCode.input;
  if (causes.has('signature')) return ExitCode.signature;
  if (causes.has('evaluation')) return ExitCode.input;
  return ExitCode.incompatible;
}
