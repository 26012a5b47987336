/**
 * Reads one article's header — `headline, captions…, TT, headline,
 * captions…` — at the place the splitter points to, from every signal the
 * format gives: the marker, the header block repeating, captions doubled on
 * consecutive lines, and a headline's shape. A header whose structure is
 * damaged but readable one way only is read that way and the damage named
 * in a warning; see docs/feed-format.md, "Damaged headers".
 */
import type { Diagnostic, FeedLine } from '../types.ts';
import { CaptionCopies } from './caption-copies.ts';
import { endsLikeHeadline, looksLikeHeadline, nearlyEqual, quoteShort, similarHeadlines } from './near-text.ts';
import { type Rows, MARKER, blankAfter, feedLine, isDoubled, isDoubledCaption, lineOf, looksLikeCaption, skipCopies, textOf } from './rows.ts';

/** An article's header as found (row indices: positions among the non-blank lines). */
export interface Header {
  /** The first row of the header: the first copy's headline. */
  start: number;
  /** The headline the article takes (the second copy's when the copies differ). */
  headline: FeedLine;
  captions: FeedLine[];
  /** Just past the header's last row. */
  end: number;
  truncated: string | null;
  /** Warnings about damage the reading recovered from. */
  diagnostics: Diagnostic[];
}

/**
 * The rows since the last header (from `floor`), where a marker's headline
 * is looked for. `latest` maps each text to its last position among the
 * rows before `indexed`, and is filled only when a search needs it.
 */
export interface EarlierLines {
  floor: number;
  indexed: number;
  latest: Map<string, number>;
}

/** How far back from a marker its headline is looked for by comparing texts. */
const NEAR = 32;

/** The most photos an unmarked header is read with: a longer run of doubled lines is no header. */
const MAX_PHOTOS = 8;
/** The most captions given once that an unmarked header is read with. */
const MAX_LONE_CAPTIONS = 4;

/**
 * The last row before `t` (and from the floor on) whose text is `text`, or -1.
 *
 * A headline stands a few rows before its marker, only captions between,
 * so comparing the nearest rows finds it; a string comparison rejects
 * different lengths at once, where a map would hash every body line of the
 * feed. A longer search falls back to the map, filled up to `t` on demand:
 * each row is hashed at most once, so stray markers keep the split linear.
 */
function findLatest(rows: Rows, text: string, t: number, earlier: EarlierLines): number {
  if (text === MARKER) return -1;
  const near = Math.max(earlier.floor, t - NEAR);
  for (let k = t - 1; k >= near; k--) if (textOf(rows, k) === text) return k;
  if (near === earlier.floor) return -1;
  for (; earlier.indexed < t; earlier.indexed++) {
    const row = textOf(rows, earlier.indexed);
    if (row !== MARKER) earlier.latest.set(row, earlier.indexed);
  }
  return earlier.latest.get(text) ?? -1;
}

/**
 * The header around the marker at row `t`, or null when the marker is stray.
 * The headline is the latest earlier line equal to the line after the
 * marker; when there is none, the first copy is read backwards over its
 * captions, and its headline is accepted as an edited copy when it shares
 * most words with the second or the captions repeat across the marker.
 */
export function readMarkedHeader(rows: Rows, t: number, earlier: EarlierLines, file: string): Header | null {
  if (t + 1 >= rows.at.length) return readCutHeader(rows, t, earlier.floor);
  const second = textOf(rows, t + 1);
  let start = findLatest(rows, second, t, earlier);
  const edited = start < 0;
  if (edited) {
    start = firstCopyBefore(rows, t, earlier.floor);
    if (start < 0) return null;
  }
  const read = (!edited && readPlainHeader(rows, start, t)) || readCaptionCopies(rows, start, t, file);
  if (edited) {
    const first = textOf(rows, start);
    const repeatedAcross = t - start - 1 > 0 && read.end > t + 2;
    if (!repeatedAcross && !(similarHeadlines(first, second) && looksLikeHeadline(first))) return null;
    read.diagnostics.unshift(headlineMismatch(file, lineOf(rows, start), lineOf(rows, t + 1), first, second));
  }
  return { start, headline: feedLine(rows, edited ? t + 1 : start), captions: read.captions, end: read.end, truncated: null, diagnostics: read.diagnostics };
}

/**
 * The captions of the header copies around the marker at `t` (the first
 * copy's headline at `start`), grouped by `CaptionCopies`: edited copies
 * found and named. The general reading, which `readPlainHeader` shortcuts.
 */
export function readCaptionCopies(rows: Rows, start: number, t: number, file: string): { captions: FeedLine[]; end: number; diagnostics: Diagnostic[] } {
  const copies = new CaptionCopies(rows);
  copies.addRange(start + 1, t, 0);
  const end = readSecondCopy(rows, t + 2, copies);
  return { ...copies.settle(file), end };
}

/**
 * The usual header, read without grouping copies: each caption of the first
 * copy is given again in the second or doubled, the second copy's own
 * captions are doubled, and the line after it is no edited caption. Null
 * when any of that fails, and `CaptionCopies` must sort the copies out.
 * The fast path of `readMarkedHeader`: `tests/parser/fast-paths.test.ts`
 * holds its results equal to the general reading's.
 */
export function readPlainHeader(rows: Rows, start: number, t: number): { captions: FeedLine[]; end: number; diagnostics: Diagnostic[] } | null {
  const first: number[] = [];
  for (let r = start + 1; r < t; r++) if (!first.some((f) => textOf(rows, f) === textOf(rows, r))) first.push(r);
  if (first.length > 8) return null;
  const texts = first.map((r) => textOf(rows, r));
  const seen = new Array<boolean>(texts.length).fill(false);
  const captions = first.map((r) => feedLine(rows, r));
  let end = t + 2;
  while (end < rows.at.length) {
    const k = texts.indexOf(textOf(rows, end));
    if (k >= 0 && texts[k] !== MARKER) {
      seen[k] = true;
      end++;
    } else if (isDoubledCaption(rows, end)) {
      if (!captions.some((c) => c.text === textOf(rows, end))) captions.push(feedLine(rows, end));
      end += 2;
    } else break;
  }
  for (let k = 0; k < first.length; k++) {
    const r = first[k]!;
    if (!seen[k] && !isDoubled(rows, r) && !(r > start + 1 && isDoubled(rows, r - 1))) return null;
  }
  if (end < rows.at.length && captions.some((c) => nearlyEqual(c.text, textOf(rows, end)))) return null;
  return { captions, end, diagnostics: [] };
}

/**
 * The first copy's headline before the marker at `t` when no earlier line
 * repeats the second copy's: the first row, reading back, that is neither
 * a doubled line nor a caption. -1 when that reaches the floor, or more
 * rows back than a header of eight photos has.
 */
function firstCopyBefore(rows: Rows, t: number, earliest: number): number {
  // Four copies of each photo's caption at most: a longer run is no header.
  const floor = Math.max(earliest, t - 1 - 4 * MAX_PHOTOS);
  let k = t - 1;
  while (k >= floor && textOf(rows, k) !== MARKER && ((k > floor && isDoubled(rows, k - 1)) || isDoubled(rows, k) || looksLikeCaption(rows, k))) k--;
  return k >= floor && textOf(rows, k) !== MARKER ? k : -1;
}

/**
 * The second copy's captions from row `from`: copies (exact or edited) of
 * the first copy's, and doubled caption lines that only the second copy
 * shows. Each is added to `copies`; returns the row where the body starts.
 */
function readSecondCopy(rows: Rows, from: number, copies: CaptionCopies): number {
  let end = from;
  while (end < rows.at.length) {
    const text = textOf(rows, end);
    if (text !== MARKER && copies.matches(text)) copies.add(end++, 1);
    else if (isDoubledCaption(rows, end)) {
      copies.add(end, 1);
      copies.add(end + 1, 1);
      end += 2;
    } else break;
  }
  return end;
}

/**
 * A header with no marker, starting at row `i`, or null. Two readings:
 * - the header block repeated without its `TT` (headline, captions doubled
 *   as the scrape writes them, for at most eight photos, the same headline
 *   again, the same captions): one article;
 * - a headline standing alone, then captions doubled on consecutive lines,
 *   then the body (the marker and the whole second copy missing).
 * `current` tells the repetitions of the article being read, whose header
 * may legitimately appear again in its body.
 */
export function readUnmarkedHeader(rows: Rows, i: number, current: (text: string) => boolean, file: string): Header | null {
  const count = rows.at.length;
  if (i + 2 >= count) return null;
  const head = textOf(rows, i);
  const next = textOf(rows, i + 1);
  // Structure first, by string comparisons only: this runs on every body line.
  let j = -1;
  let edited = false;
  if (next === head) j = i + 1;
  else if (isDoubled(rows, i + 1)) {
    let end = i + 1;
    for (let runs = 0; end < count && runs < MAX_PHOTOS && isDoubled(rows, end); runs++) end = skipCopies(rows, end);
    if (end >= count || textOf(rows, end) === MARKER) return null;
    if (textOf(rows, end) === head) j = end;
    else if (end + 1 < count && textOf(rows, end + 1) === next && looksLikeHeadline(textOf(rows, end))) {
      // The caption block repeats after another line: the header's second copy, its headline changed.
      j = end;
      edited = true;
    } else if (!blankAfter(rows, i)) return null;
  } else {
    // Captions given once, or one copy of a pair edited: the headline again a
    // few rows on. Only a line that ends like a headline is looked for, which
    // spares the search for nearly every body line.
    if (!endsLikeHeadline(head)) return null;
    for (let k = i + 2; k <= i + 1 + MAX_LONE_CAPTIONS && k < count; k++) {
      const text = textOf(rows, k);
      if (text === head) {
        j = k;
        break;
      }
      if (text === MARKER) return null;
    }
    if (j < 0) return null;
  }
  if (current(head)) return null;
  return j >= 0 ? readRepeatedHeader(rows, i, j, edited, file) : readSingleHeader(rows, i, file);
}

/**
 * The header at `i` repeated at `j` with no marker between the copies (its
 * headline changed in the second copy when `edited`). The rows between are
 * its captions, and the second copy must repeat each, exactly or edited.
 */
function readRepeatedHeader(rows: Rows, i: number, j: number, edited: boolean, file: string): Header | null {
  const head = textOf(rows, i);
  // A line given twice with only blank lines between is a paragraph repeated
  // as often as a headline: only a headline's shape tells them apart.
  if (j === i + 1 && (!blankAfter(rows, i) || !looksLikeHeadline(head))) return null;
  let lone = false;
  for (let k = i + 1; k < j; k++) if (!isDoubled(rows, k) && !isDoubled(rows, k - 1)) lone = true;
  // Lines given once between two copies of a line: captions only if they read as captions under a headline.
  if (lone && !(looksLikeHeadline(head) && rowsAreCaptions(rows, i + 1, j))) return null;
  const window: string[] = [];
  for (let k = j + 1; k < Math.min(rows.at.length, 2 * j - i + 1); k++) window.push(textOf(rows, k));
  for (let k = i + 1; k < j; k++) {
    const text = textOf(rows, k);
    if (!window.includes(text) && !window.some((w) => nearlyEqual(w, text))) return null;
  }
  const copies = new CaptionCopies(rows);
  copies.addRange(i + 1, j, 0);
  const end = readSecondCopy(rows, j + 1, copies);
  if (end < rows.at.length && textOf(rows, end) === MARKER) return null;
  const settled = copies.settle(file);
  const [a, b] = [lineOf(rows, i), lineOf(rows, j)];
  const diagnostics: Diagnostic[] = [missingMarker(file, a, b, head)];
  if (edited) diagnostics.push(headlineMismatch(file, a, b, head, textOf(rows, j)));
  return { start: i, headline: feedLine(rows, edited ? j : i), captions: settled.captions, end, truncated: null, diagnostics: [...diagnostics, ...settled.diagnostics] };
}

function rowsAreCaptions(rows: Rows, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!looksLikeCaption(rows, k)) return false;
  return true;
}

/** The warning for two copies of a header (headlines at lines `a` and `b`) with no marker between them. */
export function missingMarker(file: string, a: number, b: number, head: string): Diagnostic {
  return {
    severity: 'warning',
    file,
    line: b,
    message: `no "${MARKER}" marker between the two copies of the header of "${quoteShort(head)}" (lines ${a} and ${b}); read as one article`,
    rule: 'missing-marker',
  };
}

/**
 * The warning for two copies of a headline that differ; the later copy is
 * used. `further`: the later one is a third or fourth copy, so the fix is
 * to every copy, not to both.
 */
export function headlineMismatch(file: string, a: number, b: number, first: string, second: string, further = false): Diagnostic {
  return {
    severity: 'warning',
    file,
    line: a,
    endLine: b,
    message: `the headline at line ${a} differs from its copy at line ${b}: "${quoteShort(first)}" vs "${quoteShort(second)}"; using line ${b}'s (the copy above the body). Make ${further ? 'every copy' : 'both copies'} the same`,
    rule: 'headline-mismatch',
  };
}

/** A headline at `i` with doubled captions after it and no second copy. */
function readSingleHeader(rows: Rows, i: number, file: string): Header | null {
  const head = textOf(rows, i);
  const runs: number[] = [];
  let end = i + 1;
  while (end < rows.at.length && isDoubled(rows, end)) {
    runs.push(end);
    end = skipCopies(rows, end);
  }
  // At the feed's end this is a header cut short, which the splitter reports
  // as such; before a marker, the first copy of an ordinary header. Both
  // are told by structure alone, before the costlier tests of the text.
  if (end >= rows.at.length || textOf(rows, end) === MARKER) return null;
  if (!looksLikeHeadline(head) || !runs.every((r) => looksLikeCaption(rows, r))) return null;
  const captions = runs.map((r) => feedLine(rows, r));
  const missing: Diagnostic = {
    severity: 'warning',
    file,
    line: lineOf(rows, i),
    endLine: lineOf(rows, end - 1),
    message: `article "${quoteShort(head)}" has no "${MARKER}" marker and no second copy of its headline and captions; read as a new article from its doubled captions`,
    rule: 'missing-header-copy',
  };
  return { start: i, headline: feedLine(rows, i), captions, end, truncated: null, diagnostics: [missing] };
}

/**
 * A marker on the last line: there is no second headline to match, so the
 * header is read backwards — runs of a repeated line are captions, and the
 * first line that is not repeated is the headline.
 */
function readCutHeader(rows: Rows, t: number, floor: number): Header | null {
  let k = t - 1;
  while (k > floor && textOf(rows, k - 1) === textOf(rows, k)) {
    const text = textOf(rows, k);
    while (k > floor && textOf(rows, k - 1) === text) k--;
    k--;
  }
  if (k < floor) return null;
  const captions = distinctByText(rows, k + 1, t);
  return { start: k, headline: feedLine(rows, k), captions, end: t + 1, truncated: `the feed ends at the "${MARKER}" marker`, diagnostics: [] };
}

/**
 * A header cut off before its marker at the end of the feed: a line
 * standing alone between blank lines, then only runs of a caption repeated
 * on consecutive lines, each with a credit or a date as captions have. Body
 * paragraphs are rarely doubled and almost never credited, so the end of an
 * ordinary body is not mistaken for a header. Null when there is none.
 */
export function readTrailingHeader(rows: Rows, from: number): Header | null {
  const to = rows.at.length;
  let k = to - 1;
  let runs = 0;
  while (k >= from) {
    let r = k;
    while (r - 1 >= from && textOf(rows, r - 1) === textOf(rows, k) && lineOf(rows, r - 1) === lineOf(rows, r) - 1) r--;
    if (r === k || !looksLikeCaption(rows, k)) break;
    runs++;
    k = r - 1;
  }
  if (runs === 0 || k < from) return null;
  const apartFromCaptions = blankAfter(rows, k);
  const apartFromBody = k === from || blankAfter(rows, k - 1);
  if (!apartFromCaptions || !apartFromBody) return null;
  const truncated = `the feed ends after the first headline and captions, before "${MARKER}"`;
  return { start: k, headline: feedLine(rows, k), captions: distinctByText(rows, k + 1, to), end: to, truncated, diagnostics: [] };
}

/** The rows from `from` to `to` (exclusive), each text's first occurrence only. */
function distinctByText(rows: Rows, from: number, to: number): FeedLine[] {
  const seen = new Set<string>();
  const distinct: FeedLine[] = [];
  for (let r = from; r < to; r++) {
    const text = textOf(rows, r);
    if (seen.has(text)) continue;
    seen.add(text);
    distinct.push(feedLine(rows, r));
  }
  return distinct;
}
