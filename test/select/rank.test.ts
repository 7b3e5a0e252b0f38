// The ranking of src/select, table-driven: compatible, then the highest weight among the matching
// sets, then index order; a candidate without an artifact below every matched one; candidates the
// host cannot run, whose sets do not match, or that a signature policy refuses are not eligible.
import { describe, expect, it } from '@jest/globals';
import { noFitCause, rankCandidates } from '../../src/select/rank.js';
import type { CandidateVerdict, Requirement } from '../../src/select/rank.js';

const runs = { ok: true as const };
const cannot = { ok: false as const, reason: 'host is linux/amd64, image platform is linux/arm64' };
const v = (position: number, requirement: Requirement, platform: CandidateVerdict['platform'] = runs) => ({
  position,
  label: `#${position + 1}`,
  platform,
  requirement,
});
const none: Requirement = { kind: 'none' };
const matched = (weight: number, set = 's'): Requirement => ({ kind: 'matched', weight, set });
const unmatched: Requirement = { kind: 'unmatched', reason: 'no set matches: s (rule r)' };

describe('rankCandidates', () => {
  it.each<[string, CandidateVerdict[], number | undefined]>([
    ['first match when nothing states requirements', [v(0, none), v(1, none)], 0],
    ['a matched candidate above an artifact-less earlier one', [v(0, none), v(1, matched(0))], 1],
    ['the higher weight wins', [v(0, matched(1)), v(1, matched(10))], 1],
    ['equal weights: index order', [v(0, matched(5)), v(1, matched(5))], 0],
    ['a negative weight still ranks above no artifact', [v(0, none), v(1, matched(-3))], 1],
    ['a platform the host cannot run is never chosen', [v(0, matched(9), cannot), v(1, none)], 1],
    ['unmatched is not eligible', [v(0, unmatched), v(1, none)], 1],
    ['nothing fits', [v(0, unmatched), v(1, none, cannot)], undefined],
  ])('%s', (_name, verdicts, chosen) => {
    const ranking = rankCandidates(verdicts);
    expect(ranking.chosen).toBe(chosen);
    expect(ranking.candidates.filter((c) => c.chosen).map((c) => c.position)).toEqual(
      chosen === undefined ? [] : [chosen],
    );
  });

  it('says why each won or lost, in index order, with ranks among the eligible', () => {
    const ranking = rankCandidates([
      v(3, unmatched),
      v(2, matched(10, 'cuda')),
      v(1, matched(1, 'cpu')),
      v(0, none),
    ]);
    expect(ranking.candidates.map((c) => [c.position, c.rank, c.reason])).toEqual([
      [0, 3, 'fits, but has no compatibility artifact: ranked below #3, whose requirements matched'],
      [1, 2, 'fits (set cpu matches, weight 1), but #3 has a higher weight (10 > 1)'],
      [2, 1, 'chosen: set cuda matches, weight 10'],
      [3, undefined, 'not compatible: no set matches: s (rule r)'],
    ]);
  });

  it('names the cause when nothing fits: a signature refusal first', () => {
    const refused: Requirement = { kind: 'refused', cause: 'signature', reason: 'unsigned' };
    const broken: Requirement = { kind: 'refused', cause: 'evaluation', reason: 'bad spec' };
    expect(noFitCause([v(0, broken), v(1, refused)])).toBe('signature');
    expect(noFitCause([v(0, broken), v(1, unmatched)])).toBe('evaluation');
    expect(noFitCause([v(0, unmatched), v(1, refused, cannot)])).toBe('none');
    expect(rankCandidates([v(0, refused)]).candidates[0]!.reason).toBe('not trusted: unsigned');
  });
});
