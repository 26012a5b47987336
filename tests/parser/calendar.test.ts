/**
 * The parser's calendar arithmetic replaces luxon in its hot paths, so it
 * must give exactly what luxon gives: checked here against luxon itself on
 * random dates of every four-digit year, and on the edges (leap days,
 * century years, year 0, the step past 9999).
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addDays, isoDate, isoWeekday } from '../../src/parser/calendar.ts';

const luxonDate = (year: number, month: number, day: number) => DateTime.fromObject({ year, month, day }, { zone: 'utc' });

describe('calendar arithmetic agrees with luxon', () => {
  const year = fc.integer({ min: 0, max: 9999 });
  const edgeYear = fc.constantFrom(0, 1, 4, 100, 400, 1900, 2000, 2024, 2100, 9999);
  const anyYear = fc.oneof(year, edgeYear);

  it('isoDate: which dates exist, and how they are written', () => {
    fc.assert(
      fc.property(anyYear, fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const expected = luxonDate(y, m, d);
        expect(isoDate(y, m, d)).toBe(expected.isValid ? expected.toISODate() : null);
      }),
      { numRuns: 2000 },
    );
    expect(isoDate(1900, 2, 29)).toBeNull();
    expect(isoDate(2000, 2, 29)).toBe('2000-02-29');
    expect(isoDate(0, 2, 29)).toBe('0000-02-29');
    // Not a number is no date, never "2025-undefined-04".
    expect(isoDate(2025, Number.NaN, 4)).toBeNull();
    expect(isoDate(2025, 9, Number.NaN)).toBeNull();
    expect(isoDate(2025, 2.5, 4)).toBeNull();
  });

  it('isoWeekday and addDays', () => {
    fc.assert(
      fc.property(anyYear, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 0, max: 6 }), (y, m, d, n) => {
        const start = luxonDate(y, m, Math.min(d, luxonDate(y, m, 1).daysInMonth!));
        const iso = start.toISODate()!;
        // luxon 3.7 computes weekdays of years 0–99 through 1900–1999, which
        // has no 29 February 1900: its weekday for 0000-02-29 is a day late.
        if (iso !== '0000-02-29') expect(isoWeekday(iso)).toBe(start.weekday);
        expect(addDays(iso, n)).toBe(start.plus({ days: n }).toISODate());
      }),
      { numRuns: 2000 },
    );
    expect(addDays('9999-12-31', 1)).toBe(luxonDate(9999, 12, 31).plus({ days: 1 }).toISODate());
    expect(isoWeekday('2026-02-08')).toBe(7);
    // 0001-01-01 was a Monday and year 0 is a leap year of 366 days, so 1 January 0000 was a Saturday.
    expect(isoWeekday('0001-01-01')).toBe(1);
    expect(isoWeekday('0000-01-01')).toBe(6);
    expect(isoWeekday('0000-02-29')).toBe(2);
  });
});
