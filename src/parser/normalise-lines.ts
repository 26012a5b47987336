import type { FeedLine } from '../types.ts';

/**
 * Splits feed text into numbered lines and normalises their whitespace.
 *
 * Scraped feeds arrive with CRLF or bare CR endings, a UTF-8 byte-order mark,
 * tabs, non-breaking spaces and trailing spaces. None of it is content, but
 * all of it defeats comparisons (`"TT "` is still the marker, a headline with
 * a trailing NBSP is still the same headline). Every run of Unicode white
 * space becomes one space and each line is trimmed, so a line made only of
 * spaces or NBSPs is blank (`text === ''`). Line numbers are 1-based and
 * count every line of the original, so diagnostics point at the real file.
 *
 * @example
 * normaliseLines('\uFEFFHead\u00A0line \r\n\t\r\nTT')
 * // => [{ text: 'Head line', line: 1 }, { text: '', line: 2 }, { text: 'TT', line: 3 }]
 */
export function normaliseLines(text: string): FeedLine[] {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Splitting on a string is several times faster than on a regex, and most feeds have no CR.
  const rows = withoutBom.includes('\r') ? withoutBom.split(/\r\n|\r|\n/) : withoutBom.split('\n');
  return rows.map((raw, index) => ({
    text: normaliseSpace(raw),
    line: index + 1,
  }));
}

/** White space other than a lone inner space: another kind, a run of two, or at either end. */
const NEEDS_SPACE_NORMALISING = /[^\S ]| {2}|^ | $/;

/**
 * Collapses white-space runs (`\s` covers tabs, NBSP, the Unicode spaces
 * and a stray BOM) to one space and trims. A single-character class with
 * `+` cannot backtrack, so this stays linear on any input.
 *
 * @example
 * normaliseSpace('\tTT\u00A0 ') // => 'TT'
 * normaliseSpace('a \u00A0\tb') // => 'a b'
 */
export function normaliseSpace(text: string): string {
  // Most lines are clean already: a single test, without building a new string, confirms it.
  if (!NEEDS_SPACE_NORMALISING.test(text)) return text;
  return text.replace(/\s+/g, ' ').trim();
}
