// `features --expiry`: a duration from now read as every duration flag reads it (io/duration.ts),
// or an RFC 3339 time; anything else names both forms.
import { describe, expect, it } from '@jest/globals';
import { parseExpiry } from '../../src/cli/features.js';

const now = new Date('2026-12-02T00:00:00Z');

describe('parseExpiry', () => {
  it.each([
    ['90m', '2026-12-02T01:30:00.000Z'],
    ['2h', '2026-12-02T02:00:00.000Z'],
    ['7d', '2026-12-09T00:00:00.000Z'],
    ['1d12h', '2026-12-03T12:00:00.000Z'],
    ['2027-01-01T00:00:00Z', '2027-01-01T00:00:00.000Z'],
    ['2027-01-01T01:00:00+01:00', '2027-01-01T00:00:00.000Z'],
  ])('%s -> %s', (value, expected) => {
    expect(parseExpiry(value, now).toISOString()).toBe(expected);
  });

  it.each(['soon', '2h30', '2027-01-01', '-2h', ''])('%p is refused, naming both forms', (value) => {
    expect(() => parseExpiry(value, now)).toThrow(/expected a duration \(90m, 2h, 7d\) or an RFC 3339 time/);
  });
});
