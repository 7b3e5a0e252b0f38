// Image selection for one host, pure: which candidate manifest of an index fits the host best, and
// why each one won or lost. The order: a candidate must run on the host (its platform) and not be
// refused by its compatibility artifact; among those, the ones whose requirements matched come
// first, by the highest `weight` among their matching sets (NFD's `weight`, 0 when unset), then by
// index order (the image spec's "first match"). A candidate with no artifact states no requirement
// beyond its platform: it is eligible, ranked below every candidate whose requirements matched.

/** What one host's evaluation says about one candidate (the input of the ranking). */
export interface CandidateVerdict {
  /** Position among the index's platform manifests (0-based): the tie-breaker. */
  position: number;
  /** `linux/amd64/v3 sha256:ab12…` or similar: how reasons name the candidate. */
  label: string;
  /** Whether the host can run the candidate's platform; the reason when it cannot. */
  platform: { ok: true } | { ok: false; reason: string };
  requirement: Requirement;
}

export type Requirement =
  /** No compatibility artifact: no requirement beyond the platform. */
  | { kind: 'none' }
  /** A set of the artifact's spec matches: `weight` is the highest among the matching sets. */
  | { kind: 'matched'; weight: number; set?: string }
  /** No set matches. */
  | { kind: 'unmatched'; reason: string }
  /** The artifact cannot be judged or trusted: a signature policy failure, or an evaluation error. */
  | { kind: 'refused'; cause: 'signature' | 'evaluation'; reason: string };

export interface RankedCandidate {
  position: number;
  /** The host can run it and nothing refuses it. */
  eligible: boolean;
  chosen: boolean;
  /** 1-based rank among the eligible ones. */
  rank?: number;
  /** Why it won or lost, in words. */
  reason: string;
}

export interface Ranking {
  /** One entry per candidate, in index order. */
  candidates: RankedCandidate[];
  /** Position of the chosen candidate, if any. */
  chosen?: number;
}

function eligible(v: CandidateVerdict): boolean {
  return v.platform.ok && (v.requirement.kind === 'matched' || v.requirement.kind === 'none');
}

const weightOf = (v: CandidateVerdict): number =>
  v.requirement.kind === 'matched' ? v.requirement.weight : Number.NEGATIVE_INFINITY;

/** Negative when `a` ranks before `b`: matched before no artifact, higher weight, earlier in the index. */
export function compareCandidates(a: CandidateVerdict, b: CandidateVerdict): number {
  const tier = (v: CandidateVerdict) => (v.requirement.kind === 'matched' ? 0 : 1);
  return tier(a) - tier(b) || weightOf(b) - weightOf(a) || a.position - b.position;
}

function matchedWords(r: Extract<Requirement, { kind: 'matched' }>): string {
  return `${r.set !== undefined ? `set ${r.set}` : 'a set'} matches, weight ${r.weight}`;
}

function ineligibleReason(v: CandidateVerdict): string {
  if (!v.platform.ok) return `cannot run here: ${v.platform.reason}`;
  const r = v.requirement;
  if (r.kind === 'unmatched') return `not compatible: ${r.reason}`;
  if (r.kind === 'refused') return r.cause === 'signature' ? `not trusted: ${r.reason}` : r.reason;
  return 'not eligible';
}

function winnerReason(v: CandidateVerdict, others: number): string {
  const r = v.requirement;
  const what =
    r.kind === 'matched'
      ? matchedWords(r)
      : 'fits by its platform (no compatibility artifact), and no candidate with requirements matched';
  return others > 0 ? `chosen: ${what}` : `chosen: ${what}; the only candidate that fits`;
}

function loserReason(v: CandidateVerdict, winner: CandidateVerdict): string {
  const r = v.requirement;
  const w = winner.requirement;
  const by = winner.label;
  if (r.kind === 'none') {
    if (w.kind === 'matched')
      return `fits, but has no compatibility artifact: ranked below ${by}, whose requirements matched`;
    return `fits (no compatibility artifact), but ${by} comes first in the index`;
  }
  if (r.kind !== 'matched' || w.kind !== 'matched') return `fits, but ${by} ranks first`;
  if (w.weight > r.weight)
    return `fits (${matchedWords(r)}), but ${by} has a higher weight (${w.weight} > ${r.weight})`;
  return `fits (${matchedWords(r)}), but ${by} has the same weight and comes first in the index`;
}

/** Ranks every candidate for one host (verdicts in any order; the result is in index order). */
export function rankCandidates(verdicts: readonly CandidateVerdict[]): Ranking {
  const order = verdicts.filter(eligible).sort(compareCandidates);
  const winner = order[0];
  const rankOf = new Map(order.map((v, i) => [v.position, i + 1]));
  const candidates = [...verdicts]
    .sort((a, b) => a.position - b.position)
    .map((v): RankedCandidate => {
      const rank = rankOf.get(v.position);
      if (rank === undefined)
        return { position: v.position, eligible: false, chosen: false, reason: ineligibleReason(v) };
      const chosen = v === winner;
      return {
        position: v.position,
        eligible: true,
        chosen,
        rank,
        reason: chosen ? winnerReason(v, order.length - 1) : loserReason(v, winner!),
      };
    });
  return { candidates, ...(winner && { chosen: winner.position }) };
}

/** Why nothing was chosen for a host: `signature` when a refusal by signature policy is among them. */
export function noFitCause(verdicts: readonly CandidateVerdict[]): 'signature' | 'evaluation' | 'none' {
  const refused = verdicts.flatMap((v) =>
    v.platform.ok && v.requirement.kind === 'refused' ? [v.requirement.cause] : [],
  );
  if (refused.includes('signature')) return 'signature';
  if (refused.includes('evaluation')) return 'evaluation';
  return 'none';
}
