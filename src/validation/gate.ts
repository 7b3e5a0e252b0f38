// The deploy gate over one platform manifest's validation records: for each required set, the
// newest verified record whose verdict for that set is a pass and whose signed time is within the
// maximum age. A failed, unverified (unsigned, wrongly signed) or too old record never counts; a
// record dated in the future (beyond clock skew) neither. Pure: the records and `now` come in.
import { InputError } from '../errors.js';
import type { ValidationRecord } from './records.js';
import { setLabel } from './predicate.js';

/** A signed time this far ahead of our clock still counts (runner clocks drift). */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** `30d`, `12h`, `90m`, `2w`, `3600s` (a sum like `1d12h` too) in milliseconds. */
export function parseMaxAge(text: string, name = 'max age'): number {
  const parts = [...text.trim().matchAll(/(\d+)\s*([smhdw])/gi)];
  const joined = parts.map((p) => p[0].replace(/\s+/g, '')).join('');
  if (parts.length === 0 || joined !== text.trim().replace(/\s+/g, '')) {
    throw new InputError(`${name} ${JSON.stringify(text)}: expected a duration such as 30d, 12h, 90m or 2w`);
  }
  return parts.reduce((ms, p) => ms + Number(p[1]) * UNITS[p[2]!.toLowerCase()]!, 0);
}

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
