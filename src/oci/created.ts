// The order NFD gives a subject's compatibility artifacts (artifact-client FetchCompatibilitySpec):
// by the `org.opencontainers.image.created` annotation read with Go's time.Parse(time.RFC3339),
// whatever it rejects (or a missing annotation) being Go's zero Time, 0001-01-01T00:00:00Z; NFD
// takes the last after sorting, and equal times keep the registry's order. Pure: no I/O. Go's
// parser is more lenient than RFC 3339 (a one-digit hour, a comma before the fraction, offsets
// up to 24:60) and stricter than Date.parse (no lower-case t or z), so it is written out here.
import { ANNOTATION_CREATED } from './artifact.js';
import type { Descriptor } from './types.js';

/** An instant: seconds since 1970 (exact in a double for years 0-9999) and nanoseconds. */
export interface GoTime {
  seconds: number;
  nanos: number;
}

/** Go's zero Time, what NFD compares an unparseable annotation as. */
export const GO_ZERO_TIME: GoTime = { seconds: daysFromCivil(1, 1, 1) * 86400, nanos: 0 };

function isLeap(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

function daysIn(month: number, year: number): number {
  return month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Go's time.Parse(time.RFC3339, text); undefined where Go returns an error. */
export function parseGoRFC3339(text: string): GoTime | undefined {
  let s = text;
  const digits = (n: number): number | undefined => {
    if (s.length < n || !/^[0-9]+$/.test(s.slice(0, n))) return undefined;
    const v = Number(s.slice(0, n));
    s = s.slice(n);
    return v;
  };
  const literal = (c: string): boolean => {
    if (!s.startsWith(c)) return false;
    s = s.slice(c.length);
    return true;
  };
  const year = digits(4);
  if (year === undefined || !literal('-')) return undefined;
  const month = digits(2);
  if (month === undefined || month < 1 || month > 12 || !literal('-')) return undefined;
  const day = digits(2);
  if (day === undefined || !literal('T')) return undefined;
  // stdHour: one or two digits.
  const hour = /^[0-9][0-9]/.test(s) ? digits(2) : digits(1);
  if (hour === undefined || hour > 23 || !literal(':')) return undefined;
  const min = digits(2);
  if (min === undefined || min > 59 || !literal(':')) return undefined;
  const sec = digits(2);
  if (sec === undefined || sec > 59) return undefined;
  let nanos = 0;
  const frac = /^[.,]([0-9]+)/.exec(s);
  if (frac) {
    nanos = Number(frac[1]!.slice(0, 9).padEnd(9, '0'));
    s = s.slice(frac[0].length);
  }
  let offset = 0;
  if (!literal('Z')) {
    const m = /^([+-])([0-9]{2}):([0-9]{2})/.exec(s);
    if (!m) return undefined;
    const hh = Number(m[2]);
    const mm = Number(m[3]);
    if (hh > 24 || mm > 60) return undefined;
    offset = (m[1] === '-' ? -1 : 1) * (hh * 60 + mm) * 60;
    s = s.slice(m[0].length);
  }
  if (s !== '') return undefined;
  if (day < 1 || day > daysIn(month, year)) return undefined;
  return { seconds: daysFromCivil(year, month, day) * 86400 + hour * 3600 + min * 60 + sec - offset, nanos };
}

/** Go's Time.Compare. */
export function compareGoTime(a: GoTime, b: GoTime): number {
  return a.seconds !== b.seconds ? Math.sign(a.seconds - b.seconds) : Math.sign(a.nanos - b.nanos);
}

/** When NFD takes the artifact to be created: its annotation as Go parses it, else the zero Time. */
export function createdTime(d: Descriptor): GoTime {
  const text = d.annotations?.[ANNOTATION_CREATED];
  return (text !== undefined && parseGoRFC3339(text)) || GO_ZERO_TIME;
}

/**
 * Newest first: the first is the one NFD picks (the last of its oldest-first sort; among equal
 * times, the last in the registry's order).
 */
export function newestFirst(descriptors: readonly Descriptor[]): Descriptor[] {
  return descriptors
    .map((d, i) => ({ d, i, t: createdTime(d) }))
    .sort((a, b) => compareGoTime(b.t, a.t) || b.i - a.i)
    .map((x) => x.d);
}
