// The deploy gate over one platform manifest's validation records: for each required set, the
// newest verified record whose verdict for that set is a pass and whose signed time is within the
// maximum age. A failed, unverified (unsigned, wrongly signed) or too old record never counts; a
// record dated in the future (beyond clock skew) neither. Pure: the records and `now` come in.
import type { ValidationRecord } from './records.js';
import { setLabel } from './predicate.js';

/** A signed time this far ahead of our clock still counts (runner clocks drift). */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface SetRequirement {
  set: string;
  satisfied: boolean;
  /** The record that satisfies it. */
  record?: string;
  time?: string;
  /** Why not, when not satisfied. */
  reason?: string;
}

export interface GateOptions {
  maxAgeMs?: number;
  now: Date;
}

/** Each required set against the records (newest first). */
export function judgeSets(
  records: readonly ValidationRecord[],
  sets: readonly string[],
  opts: GateOptions,
): SetRequirement[] {
  const now = opts.now.getTime();
  return sets.map((set): SetRequirement => {
    const why: string[] = [];
    for (const r of records) {
      if (!r.verified) continue;
      const verdict = r.predicate.sets.find((s) => setLabel(s) === set);
      if (!verdict) continue;
      const time = Date.parse(r.predicate.time);
      if (!verdict.compatible) {
        why.push(`${r.digest} failed it`);
        continue;
      }
      if (Number.isNaN(time) || time > now + CLOCK_SKEW_MS) {
        why.push(`${r.digest} is dated ${r.predicate.time}, in the future`);
        continue;
      }
      if (opts.maxAgeMs !== undefined && now - time > opts.maxAgeMs) {
        why.push(`${r.digest} passed it at ${r.predicate.time}, older than the maximum age`);
        continue;
      }
      return { set, satisfied: true, record: r.digest, time: r.predicate.time };
    }
    const rejected = records.filter((r) => !r.verified).length;
    if (rejected) why.push(`${rejected} record(s) not verified`);
    return {
      set,
      satisfied: false,
      reason: why.length ? `no passing validation: ${why.join('; ')}` : 'no validation of this set',
    };
  });
}
