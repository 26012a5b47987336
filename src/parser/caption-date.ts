import { isoDate } from './calendar.ts';

/** Month names as news captions write them: full, three-letter, and AP style ("Sept."). */
const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5,
  june: 6, jun: 6, july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9,
  october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};

const MONTH = '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)';

// Each pattern is a fixed sequence of single-class quantifiers with no
// nested repetition, so the regex engine cannot backtrack exponentially.
/** `04 September 2025`, `4 Sept. 2025`, `4th of September, 2025`. */
const DAY_MONTH_YEAR = `\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?${MONTH}\\.?,? (\\d{4})\\b`;
/** `February 6, 2026`, `Feb. 6 2026`, `Sept. 6th, 2026`. */
const MONTH_DAY_YEAR = `\\b${MONTH}\\.? (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b`;
/** `2026-02-06`. */
const ISO_DATE = '\\b(\\d{4})-(\\d{2})-(\\d{2})\\b';

/**
 * The patterns are meant case-insensitively by Unicode rules (`iu`). With
 * `i`, the `u` flag changes the matches of these ASCII patterns through two
 * characters only, which fold to ASCII letters and so also count as word
 * characters for `\b`: U+017F LONG S (`s`) and U+212A KELVIN SIGN (`k`).
 * Text without them gets the same matches without `u`, about four times
 * faster; the ISO pattern has no letters and never needs it.
 */
const FOLDS_TO_ASCII = /[\u017F\u212A]/;

/**
 * Finds the first real, full calendar date in a caption and returns it as
 * `YYYY-MM-DD`, or null when the caption names no complete, real date
 * ("February 2026" and "February 30, 2026" give null).
 * Expects normalised text (single spaces).
 *
 * @example
 * findCaptionDate('Traffic in Tehran on February 7, 2026.') // => '2026-02-07'
 * findCaptionDate('Paris, France, 04 September 2025.')      // => '2025-09-04'
 * findCaptionDate('Kyiv, Aug. 3, 2024.')                    // => '2024-08-03'
 */
export function findCaptionDate(text: string): string | null {
  // Every pattern ends in or starts with a four-digit year: a caption without
  // four digits in a row (as many are) is settled by one cheap test.
  if (!FOUR_DIGITS.test(text)) return null;
  // Each pattern's first real date, then the earliest of those: the same
  // answer as sorting every match by position, without collecting them.
  let best: { index: number; date: string } | null = null;
  for (const [pattern, toDate] of FOLDS_TO_ASCII.test(text) ? UNICODE_READERS : READERS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null && (best === null || m.index < best.index); m = pattern.exec(text)) {
      const date = toDate(m);
      if (date !== null) {
        best = { index: m.index, date };
        break;
      }
    }
  }
  return best?.date ?? null;
}

const FOUR_DIGITS = /[0-9]{4}/;

/** Each pattern with how its match becomes a date; on a tie in position the earlier pattern wins. */
function readers(flags: 'gi' | 'giu'): ReadonlyArray<[RegExp, (m: RegExpExecArray) => string | null]> {
  return [
    [new RegExp(DAY_MONTH_YEAR, flags), (m) => isoDate(Number(m[3]), monthNumber(m[2]!), Number(m[1]))],
    [new RegExp(MONTH_DAY_YEAR, flags), (m) => isoDate(Number(m[3]), monthNumber(m[1]!), Number(m[2]))],
    [new RegExp(ISO_DATE, 'g'), (m) => isoDate(Number(m[1]), Number(m[2]), Number(m[3]))],
  ];
}

/**
 * The number of a month name the patterns matched. Under `iu` they also
 * match a long s (U+017F) where an `s` is written ("ſept."), which lower-
 * casing keeps: it is read as the `s` it folds to.
 */
function monthNumber(name: string): number {
  const key = name.toLowerCase().replaceAll('\u017f', 's');
  return MONTHS[key] ?? Number.NaN;
}

const READERS = readers('gi');
const UNICODE_READERS = readers('giu');
