import type { FeedLines } from '../types.ts';
import { MAYBE_RTL } from './text-direction.ts';

/**
 * Splits feed text into lines, normalises their white space and finds the
 * non-blank ones.
 *
 * Scraped feeds arrive with CRLF or bare CR endings, a UTF-8 byte-order mark,
 * tabs, non-breaking spaces and trailing spaces. None of it is content, but
 * all of it defeats comparisons (`"TT "` is still the marker, a headline with
 * a trailing NBSP is still the same headline). Every run of Unicode white
 * space becomes one space and each line is trimmed, so a line made only of
 * spaces or NBSPs is blank (`''`). Line numbers are 1-based and count every
 * line of the original, so diagnostics point at the real file.
 *
 * Most lines need no change. Rather than testing each line (a regex call
 * per line costs more than the test itself), one scan of the whole text
 * finds the few lines that hold anything but single inner spaces, or a
 * character of a right-to-left block, and only those are looked at alone.
 *
 * @example
 * const { texts, rows } = normaliseLines('\uFEFFHead\u00A0line \r\n\t\r\nTT');
 * texts // => ['Head line', '', 'TT']
 * rows  // => Int32Array [0, 2]
 */
export function normaliseLines(text: string): FeedLines {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Splitting on a string is several times faster than on a regex, and most
  // feeds have no CR: only those are rewritten to LF endings first.
  const flat = withoutBom.includes('\r') ? withoutBom.replace(/\r\n?/g, '\n') : withoutBom;
  const texts = flat.split('\n');
  const maybeRtl = new Uint8Array(texts.length);
  markSpecialLines(flat, texts, maybeRtl);
  const rows = new Int32Array(texts.length);
  let count = 0;
  for (let i = 0; i < texts.length; i++) {
    let line = texts[i]!;
    if (line.length === 0) continue;
    // A space at either end is the one case the whole-text scan leaves to the lines.
    if (line.charCodeAt(0) === 0x20 || line.charCodeAt(line.length - 1) === 0x20) {
      line = texts[i] = normaliseSpace(line);
      if (line.length === 0) continue;
    }
    rows[count++] = i;
  }
  return { texts, rows: rows.subarray(0, count), maybeRtl };
}

/**
 * Within one line of the LF-joined text: white space other than a space
 * (the line ending itself excepted), two spaces in a row, or a character
 * from the blocks of right-to-left scripts.
 */
const SPECIAL = new RegExp(`[^\\S \\n]| {2}|${MAYBE_RTL.source}`, 'g');

/**
 * Normalises the white space of every line `SPECIAL` finds in `flat` (the
 * LF-joined text `texts` was split from) and flags the ones that may hold a
 * right-to-left letter. One match per line is enough: the rest of that line
 * is then tested on its own, and the scan resumes at the next line.
 */
function markSpecialLines(flat: string, texts: string[], maybeRtl: Uint8Array): void {
  SPECIAL.lastIndex = 0;
  let line = 0;
  let lineStart = 0;
  for (let m = SPECIAL.exec(flat); m !== null; m = SPECIAL.exec(flat)) {
    // Lines the scan passed over are unchanged, so their lengths still add up to offsets in `flat`.
    while (m.index >= lineStart + texts[line]!.length) lineStart += texts[line++]!.length + 1;
    const raw = texts[line]!;
    const normalised = (texts[line] = normaliseSpace(raw));
    if (MAYBE_RTL.test(normalised)) maybeRtl[line] = 1;
    lineStart += raw.length + 1;
    line++;
    SPECIAL.lastIndex = lineStart;
  }
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
