import { addDays, isCalendarDate, isoWeekday } from './calendar.ts';

/** ISO weekday numbers, 1 (Monday) to 7 (Sunday). */
const WEEKDAYS: Record<string, number> = {
  Monday: 1, Tuesday: 2, Wednesday: 3, Thursday: 4, Friday: 5, Saturday: 6, Sunday: 7,
};

// No `u` flag: for ASCII words and `\b` without `i` it changes nothing but
// the speed (about twice as fast on long ledes without it).
const WEEKDAY_NAME = /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;

/**
 * Infers when an article was published from its text: wire copy dates
 * events by weekday ("said on Sunday", "reported Sunday") and photos by
 * calendar date. The answer is the first weekday named in the lede, taken
 * as the first such day on or after the latest caption date (so at most six
 * days later). With no caption date or no weekday in the lede, the date is
 * unknown: null, never a guess.
 *
 * @example
 * inferPublishedDate('Iran said Sunday it would …', ['2026-02-07']) // => '2026-02-08' (Saturday + 1)
 * inferPublishedDate('Leaders met on Thursday.', ['2025-09-04'])    // => '2025-09-04' (the same Thursday)
 * inferPublishedDate('No day named.', ['2025-09-04'])               // => null
 */
export function inferPublishedDate(lede: string | undefined, captionDates: readonly (string | null)[]): string | null {
  let latest: string | null = null;
  for (const date of captionDates) if (date !== null && (latest === null || date > latest)) latest = date;
  if (latest === null || lede === undefined) return null;
  const named = WEEKDAY_NAME.exec(lede);
  if (!named || !isCalendarDate(latest)) return null;
  const ahead = (WEEKDAYS[named[1]!]! - isoWeekday(latest) + 7) % 7;
  return addDays(latest, ahead);
}
