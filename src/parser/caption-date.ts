import { DateTime } from 'luxon';

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
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?${MONTH}\\.?,? (\\d{4})\\b`, 'giu');
/** `February 6, 2026`, `Feb. 6 2026`, `Sept. 6th, 2026`. */
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\.? (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b`, 'giu');
/** `2026-02-06`. */
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/gu;

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
  const candidates: Array<{ index: number; date: string | null }> = [];
  for (const m of text.matchAll(DAY_MONTH_YEAR)) candidates.push({ index: m.index, date: toIso(m[3]!, MONTHS[m[2]!.toLowerCase()]!, m[1]!) });
  for (const m of text.matchAll(MONTH_DAY_YEAR)) candidates.push({ index: m.index, date: toIso(m[3]!, MONTHS[m[1]!.toLowerCase()]!, m[2]!) });
  for (const m of text.matchAll(ISO_DATE)) candidates.push({ index: m.index, date: toIso(m[1]!, Number(m[2]), m[3]!) });
  candidates.sort((a, b) => a.index - b.index);
  return candidates.find((c) => c.date !== null)?.date ?? null;
}

function toIso(year: string, month: number, day: string): string | null {
  const date = DateTime.fromObject({ year: Number(year), month, day: Number(day) }, { zone: 'utc' });
  return date.isValid ? date.toISODate() : null;
}
