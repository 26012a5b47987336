/**
 * Calendar helpers for generated articles. Days are counted as whole UTC days
 * since 1970-01-01, which keeps the arithmetic exact and free of time zones.
 */

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** Associated Press abbreviations; March to July are never abbreviated. */
const AP_MONTHS = [
  'Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.',
] as const;

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

const DAY_MS = 86_400_000;

/** The ways captions in real feeds write a date. */
export type DateStyle = 'day-month-year' | 'month-day-year' | 'ap';

/** Day number of an ISO date, e.g. `dayOf('2022-01-03')`. */
export function dayOf(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/** `YYYY-MM-DD` of a day number. */
export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function weekdayName(day: number): string {
  return WEEKDAYS[new Date(day * DAY_MS).getUTCDay()] as string;
}

/**
 * Writes a day the way a caption does: `04 September 2025`,
 * `February 6, 2026` or `Sept. 4, 2025`.
 */
export function formatCaptionDate(day: number, style: DateStyle): string {
  const date = new Date(day * DAY_MS);
  const d = date.getUTCDate();
  const m = date.getUTCMonth();
  const y = date.getUTCFullYear();
  switch (style) {
    case 'day-month-year':
      return `${String(d).padStart(2, '0')} ${MONTHS[m]} ${y}`;
    case 'month-day-year':
      return `${MONTHS[m]} ${d}, ${y}`;
    case 'ap':
      return `${AP_MONTHS[m]} ${d}, ${y}`;
  }
}
