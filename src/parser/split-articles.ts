import type { ArticleDraft, Diagnostic, FeedLines } from '../types.ts';
import { type EarlierLines, type Header, headlineMismatch, missingMarker, readMarkedHeader, readTrailingHeader, readUnmarkedHeader } from './read-header.ts';
import { captionMismatch } from './caption-copies.ts';
import { endsLikeHeadline, nearlyEqual } from './near-text.ts';
import { parseCaption } from './parse-caption.ts';
import { type Rows, MARKER, blankAfter, feedLine, isDoubled, lineOf, rowsOf, skipCopies, textOf } from './rows.ts';

export { MARKER } from './rows.ts';

export interface SplitResult {
  drafts: ArticleDraft[];
  diagnostics: Diagnostic[];
}

/**
 * Finds the articles of one feed by the format's structure, not by counting
 * blank lines: an article is `headline, captions…, TT, headline, captions…,
 * body…`. Headers are found from every signal the format gives (see
 * `read-header.ts`): a `TT` marker between two copies of a headline, the
 * header block repeated without its marker, or a headline followed by
 * doubled captions. The first header copy, the marker and every later line
 * that repeats the headline or a caption are repetitions: they are
 * accounted for here and never reach the body.
 *
 * Linear in the input: the headline before a marker is found among the
 * few rows just before it, or else through a map of each text's latest
 * position, never by rescanning; an unmarked header is looked for only a
 * few rows ahead.
 *
 * @example
 * const lines = normaliseLines('H\n\nC\nC\nTT\n\nH\n\nC\nC\n\nBody.');
 * Array.from(splitArticles(lines, 'a.txt').drafts[0].body, (i) => lines.texts[i])
 * // => ['Body.']
 */
export function splitArticles(lines: FeedLines, file: string): SplitResult {
  const rows = rowsOf(lines);
  const count = rows.at.length;
  const diagnostics: Diagnostic[] = [];
  const headers: Header[] = [];
  const strays = new Set<number>();
  const earlier: EarlierLines = { floor: 0, indexed: 0, latest: new Map() };
  let current: (text: string) => boolean = () => false;
  for (let i = 0; i < count; i++) {
    const text = textOf(rows, i);
    const marker = text === MARKER;
    const header = marker ? readMarkedHeader(rows, i, earlier, file) : mayStartHeader(rows, i, text) ? readUnmarkedHeader(rows, i, current, file) : null;
    if (header) {
      takeInCopies(rows, header, earlier.floor, file);
      headers.push(header);
      for (const d of header.diagnostics) diagnostics.push(d);
      current = memberTest([header.headline.text, ...header.captions.map((c) => c.text)]);
      // Positions before the floor can never start a header again, so the
      // map holds one article's lines, not the whole feed's.
      earlier.floor = earlier.indexed = header.end;
      earlier.latest.clear();
      i = header.end - 1;
    } else if (marker) {
      strays.add(i);
      diagnostics.push({
        severity: 'warning',
        file,
        line: lineOf(rows, i),
        message: `stray "${MARKER}" marker: the lines around it do not read as two copies of an article's header; ignored, and they stay in the body of the article before it`,
        rule: 'stray-marker',
      });
    }
  }
  const trailing = readTrailingHeader(rows, headers.length ? headers[headers.length - 1]!.end : 0);
  if (trailing) headers.push(trailing);
  if (headers.length === 0) {
    if (count > 0) diagnostics.push(unattached(file, rows, 0, count, 'error'));
    return { drafts: [], diagnostics };
  }
  if (headers[0]!.start > 0) diagnostics.push(unattached(file, rows, 0, headers[0]!.start, 'warning'));
  // Every draft's body is a view into one array of line indices: no
  // per-article array for the garbage collector to copy.
  const bodies = new Int32Array(count);
  let filled = 0;
  const drafts = headers.map((header, k): ArticleDraft => {
    const next = k + 1 < headers.length ? headers[k + 1]!.start : count;
    const isRepeat = memberTest([header.headline.text, ...header.captions.map((c) => c.text)]);
    const from = filled;
    for (let r = header.end; r < next; r++) {
      if (!(strays.size > 0 && strays.has(r)) && !isRepeat(textOf(rows, r))) bodies[filled++] = rows.at[r]!;
    }
    const body = bodies.subarray(from, filled);
    const endLine = lineOf(rows, Math.max(next, header.end) - 1);
    const truncated = header.truncated ?? (body.length === 0 ? 'the article has no body' : null);
    return { headline: header.headline, captions: header.captions, body, endLine, truncated };
  });
  return { drafts, diagnostics };
}

/**
 * Whether an unmarked header could start at row `i`, by the cheapest tests
 * `readUnmarkedHeader` makes first: the next line repeats this one (across
 * a blank line) or itself, or this line ends like a headline and is no
 * caption's second copy. Nearly every body line fails them all, and is
 * spared the call.
 */
function mayStartHeader(rows: Rows, i: number, text: string): boolean {
  if (i + 2 >= rows.at.length) return false;
  const next = textOf(rows, i + 1);
  // A line given twice on consecutive lines is a caption, not a headline given twice.
  if (next === text) return blankAfter(rows, i);
  // Nor does a header start at the second copy of a caption.
  if (i > 0 && textOf(rows, i - 1) === text && !blankAfter(rows, i - 1)) return false;
  return next === textOf(rows, i + 2) || endsLikeHeadline(text);
}

/** A header's texts that its copies repeat: the headlines its copies gave (more as edited copies are found) and its captions. */
interface CopyTexts {
  headlines: string[];
  captionTexts: string[];
}

/**
 * Widens a header just read over its other copies: one given before it
 * with no marker of its own ({@link pastEarlierCopy}), then those after it
 * ({@link pastFurtherCopies}). Rows before `floor` belong to an earlier
 * header. Sets `header.start` and `header.end`; warnings go to the header's.
 */
function takeInCopies(rows: Rows, header: Header, floor: number, file: string): void {
  const texts: CopyTexts = { headlines: [header.headline.text, textOf(rows, header.start)], captionTexts: header.captions.map((c) => c.text) };
  header.start = pastEarlierCopy(rows, header, texts, floor, file);
  header.end = pastFurtherCopies(rows, header, texts, file);
}

/**
 * Just past the further copies of a header read up to `header.end`: the
 * format gives a header two to four times, each further copy after a `TT`
 * of its own (`TT`, the headline again, its captions again). Without this,
 * a third copy's marker read as stray and a fourth's started an article of
 * its own, with no body. A further copy with no marker before it (its
 * headline right after the header) is one too: a repetition, which needs
 * no warning of its own. A caption edited in a further copy (doubled, as
 * the scrape writes captions, or given once with a credit, and nearly
 * equal to the caption) is a copy too, named in a `caption-mismatch`
 * warning (added to the header's), not a paragraph of the body. So is a
 * copy whose headline was edited, when the line after it repeats one of
 * the header's captions word for word: the article takes that copy's
 * headline, the one above the body, as it does when the first two copies
 * differ, with a `headline-mismatch` warning. (A similar headline alone is
 * not enough: "Live: day 5" and "Live: day 6" are two stories.)
 */
function pastFurtherCopies(rows: Rows, header: Header, { headlines, captionTexts }: CopyTexts, file: string): number {
  const repeats = memberTest([...headlines, ...captionTexts]);
  // An edited headline after a marker: a line that repeats nothing of the header, followed by one of its captions.
  const editedCopy = (k: number) => {
    const text = textOf(rows, k);
    return text !== MARKER && !repeats(text) && k + 1 < rows.at.length && captionTexts.includes(textOf(rows, k + 1));
  };
  let end = header.end;
  for (;;) {
    if (end < rows.at.length && headlines.includes(textOf(rows, end))) {
      // A copy with no marker before it: its headline, then its captions below.
      end++;
    } else if (end + 1 < rows.at.length && textOf(rows, end) === MARKER) {
      if (!headlines.includes(textOf(rows, end + 1))) {
        if (!editedCopy(end + 1)) break;
        header.diagnostics.push(headlineMismatch(file, header.headline.line, lineOf(rows, end + 1), header.headline.text, textOf(rows, end + 1), true));
        header.headline = feedLine(rows, end + 1);
        headlines.push(header.headline.text);
      }
      end += 2;
    } else break;
    while (end < rows.at.length) {
      const text = textOf(rows, end);
      if (repeats(text) || headlines.includes(text)) {
        end++;
        continue;
      }
      // Doubled, as the scrape writes captions, or given once but ending in a credit as a caption does.
      const captionLike = isDoubled(rows, end) || parseCaption(text, lineOf(rows, end)).credit !== null;
      const caption = captionLike ? header.captions.find((c) => nearlyEqual(c.text, text)) : undefined;
      if (!caption) break;
      const past = skipCopies(rows, end);
      header.diagnostics.push(captionMismatch(file, lineOf(rows, end), lineOf(rows, past - 1), text, caption));
      end = past;
    }
  }
  return end;
}

/**
 * The first row of a header read from its marker, taking in a copy given
 * before it with no marker of its own (`headline, captions…` again just
 * above the copy the marker follows): the format's three copies with the
 * first marker missing. Without this the copy stayed, unannounced, at the
 * end of the previous article's body. Each copy taken in is named in a
 * `missing-marker` warning.
 */
function pastEarlierCopy(rows: Rows, header: Header, { headlines, captionTexts }: CopyTexts, floor: number, file: string): number {
  let start = header.start;
  for (;;) {
    let k = start - 1;
    while (k >= floor && captionTexts.includes(textOf(rows, k))) k--;
    if (k < floor || !headlines.includes(textOf(rows, k))) return start;
    header.diagnostics.push(missingMarker(file, lineOf(rows, k), lineOf(rows, start), textOf(rows, k)));
    // The same headline: the article's starts at its first copy, as an unmarked header's does.
    if (textOf(rows, k) === header.headline.text) header.headline = feedLine(rows, k);
    start = k;
  }
}

/**
 * A membership test for an article's repeated texts: the headline and a few
 * captions are compared directly, which is cheaper than hashing every body
 * line for a set lookup; many texts get a set, so the test stays linear.
 */
function memberTest(texts: string[]): (text: string) => boolean {
  if (texts.length <= 8) return (text) => texts.includes(text);
  const set = new Set(texts);
  return (text) => set.has(text);
}

function unattached(file: string, rows: Rows, from: number, to: number, severity: 'error' | 'warning'): Diagnostic {
  const count = to - from;
  const message =
    severity === 'error'
      ? `no articles found: expected a headline, "${MARKER}", then the headline again; ${count} non-blank line(s) ignored`
      : `${count} non-blank line(s) before the first article belong to no article; ignored`;
  return { severity, file, line: lineOf(rows, from), endLine: lineOf(rows, to - 1), message, rule: severity === 'error' ? 'no-articles' : 'unattached-lines' };
}
