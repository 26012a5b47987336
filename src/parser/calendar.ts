/**
 * Whole-day calendar arithmetic for the parser: valid dates, weekdays and
 * adding days, in the proleptic Gregorian calendar, formatted as luxon's
 * `toISODate()` formats them (four-digit years, `+010000` past 9999).
 *
 * The parser needs only these three operations, once per caption and once
 * per article; as luxon `DateTime` calls they were a third of the parser's
 * time on large feeds, as integer arithmetic they cost nothing. A property
 * test checks every result against luxon.
 */

/** Days in each month of a common year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;
}

function formatIso(year: number, month: number, day: number): string {
  const y = year <= 9999 ? String(year).padStart(4, '0') : `+${String(year).padStart(6, '0')}`;
  return `${y}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/**
 * The date as `YYYY-MM-DD` when it exists, or null ("February 30").
 * Expects a year from 0 to 9999, as a four-digit caption year gives.
 *
 * @example
 * isoDate(2026, 2, 6)  // => '2026-02-06'
 * isoDate(2026, 2, 29) // => null
 */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return formatIso(year, month, day);
}

/**
 * Whether `text` is a real calendar day written `YYYY-MM-DD`.
 *
 * @example
 * isCalendarDate('2026-02-08') // => true
 * isCalendarDate('2026-02-30') // => false
 */
export function isCalendarDate(text: string): boolean {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return parts !== null && isoDate(Number(parts[1]), Number(parts[2]), Number(parts[3])) !== null;
}

/**
 * The ISO weekday (1 = Monday … 7 = Sunday, as luxon numbers them) of a
 * `YYYY-MM-DD` date, by Sakamoto's method; floored division keeps it right
 * for year 0 too.
 *
 * @example
 * isoWeekday('2026-02-08') // => 7 (a Sunday)
 */
export function isoWeekday(iso: string): number {
  const [year, month, day] = splitIso(iso);
  const offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  const y = month < 3 ? year - 1 : year;
  const sunday0 = y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + offsets[month - 1]! + day;
  return ((sunday0 % 7) + 7) % 7 || 7;
}

/**
 * The `YYYY-MM-DD` date `days` (0 or more) after a `YYYY-MM-DD` date.
 *
 * @example
 * addDays('2025-12-30', 3) // => '2026-01-02'
 */
export function addDays(iso: string, days: number): string {
  let [year, month, day] = splitIso(iso);
  day += days;
  while (day > daysInMonth(year, month)) {
    day -= daysInMonth(year, month);
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return formatIso(year, month, day);
}

function splitIso(iso: string): [number, number, number] {
  return [Number(iso.slice(0, -6)), Number(iso.slice(-5, -3)), Number(iso.slice(-2))];
}
