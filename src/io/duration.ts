// One reading of a duration for every flag and input that takes one (`verify --max-age`,
// `features --expiry`): a number and a unit, or a sum of them, in milliseconds.
import { InputError } from '../errors.js';

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** `30d`, `12h`, `90m`, `2w`, `3600s` (a sum like `1d12h` too) in milliseconds; InputError naming `name` else. */
export function parseDuration(text: string, name = 'duration'): number {
  const parts = [...text.trim().matchAll(/(\d+)\s*([smhdw])/gi)];
  const joined = parts.map((p) => p[0].replace(/\s+/g, '')).join('');
  if (parts.length === 0 || joined !== text.trim().replace(/\s+/g, '')) {
    throw new InputError(`${name} ${JSON.stringify(text)}: expected a duration such as 30d, 12h, 90m or 2w`);
  }
  return parts.reduce((ms, p) => ms + Number(p[1]) * UNITS[p[2]!.toLowerCase()]!, 0);
}
