import type { ArticleDraft, Diagnostic, FeedLine, FeedLines } from '../types.ts';
import { parseCaption } from './parse-caption.ts';

/** The scrape's separator between an article's two header copies. */
export const MARKER = 'TT';

/** An article's header as located around its `TT` marker (indices into the rows, the non-blank lines). */
interface Header {
  /** Index of the first headline. */
  start: number;
  captions: FeedLine[];
  /** Index just past the header's last line (second headline and captions included). */
  end: number;
  truncated: string | null;
}

export interface SplitResult {
  drafts: ArticleDraft[];
  diagnostics: Diagnostic[];
}

/**
 * Finds the articles of one feed by the format's structure, not by counting
 * blank lines: an article is `headline, captions…, TT, headline, captions…,
 * body…`, and a `TT` marker is recognised by the line after it repeating a
 * line before it (the headline). The first header copy, the marker and every
 * later line that repeats the headline or a caption are repetitions: they
 * are accounted for here and never reach the body.
 *
 * Linear in the input: the headline before a marker is found among the
 * few rows just before it, or else through a map of each text's latest
 * position (see `findLatest`), never by rescanning.
 *
 * @example
 * const lines = normaliseLines('H\n\nC\nC\nTT\n\nH\n\nC\nC\n\nBody.');
 * Array.from(splitArticles(lines, 'a.txt').drafts[0].body, (i) => lines.texts[i])
 * // => ['Body.']
 */
export function splitArticles(lines: FeedLines, file: string): SplitResult {
  const rows: Rows = { texts: lines.texts, at: lines.rows };
  const count = rows.at.length;
  const diagnostics: Diagnostic[] = [];
  const headers: Header[] = [];
  const strays = new Set<number>();
  const earlier: EarlierLines = { floor: 0, indexed: 0, latest: new Map() };
  for (let i = 0; i < count; i++) {
    if (textOf(rows, i) === MARKER) {
      const header = readHeader(rows, i, earlier);
      if (header) {
        headers.push(header);
        // Positions before the floor can never start a header again, so the
        // map holds one article's lines, not the whole feed's.
        earlier.floor = earlier.indexed = header.end;
        earlier.latest.clear();
        i = header.end - 1;
        continue;
      }
      strays.add(i);
      diagnostics.push(warning(file, lineOf(rows, i), `stray "${MARKER}" marker: the line after it does not repeat a headline; ignored`, 'stray-marker'));
      continue;
    }
  }
  const lastStart = headers.length ? headers[headers.length - 1]!.end : 0;
  const trailing = findTrailingHeader(rows, lastStart, count);
  if (trailing >= 0) {
    const captions = distinctByText(rows, trailing + 1, count);
    headers.push({ start: trailing, captions, end: count, truncated: `the feed ends after the first headline and captions, before "${MARKER}"` });
  }
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
    const headline = feedLine(rows, header.start);
    const isRepeat = memberTest([headline.text, ...header.captions.map((c) => c.text)]);
    const from = filled;
    for (let r = header.end; r < next; r++) {
      if (!(strays.size > 0 && strays.has(r)) && !isRepeat(textOf(rows, r))) bodies[filled++] = rows.at[r]!;
    }
    const body = bodies.subarray(from, filled);
    const endLine = lineOf(rows, Math.max(next, header.end) - 1);
    const truncated = header.truncated ?? (body.length === 0 ? 'the article has no body' : null);
    return { headline, captions: header.captions, body, endLine, truncated };
  });
  return { drafts, diagnostics };
}

/**
 * The feed's non-blank lines ("rows") as this stage reads them: row `r` is
 * line `at[r] + 1`, with the text `texts[at[r]]`.
 */
interface Rows {
  texts: readonly string[];
  at: Int32Array;
}

function textOf(rows: Rows, r: number): string {
  return rows.texts[rows.at[r]!]!;
}

function lineOf(rows: Rows, r: number): number {
  return rows.at[r]! + 1;
}

function feedLine(rows: Rows, r: number): FeedLine {
  return { text: textOf(rows, r), line: lineOf(rows, r) };
}

/**
 * The rows since the last header (from `floor`), where a marker's headline
 * is looked for. `latest` maps each text to its last position among the
 * rows before `indexed`, and is filled only when a search needs it.
 */
interface EarlierLines {
  floor: number;
  indexed: number;
  latest: Map<string, number>;
}

/** How far back from a marker its headline is looked for by comparing texts. */
const NEAR = 32;

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

/** Reads the header around the marker at `t`, or null when the marker is stray. */
function readHeader(rows: Rows, t: number, earlier: EarlierLines): Header | null {
  if (t + 1 >= rows.at.length) return readCutHeader(rows, t, earlier.floor);
  const start = findLatest(rows, textOf(rows, t + 1), t, earlier);
  if (start < 0) return null;
  const captions = distinctByText(rows, start + 1, t);
  const texts = new Set(captions.map((c) => c.text));
  let end = t + 2;
  while (end < rows.at.length) {
    const text = textOf(rows, end);
    if (texts.has(text)) end++;
    else if (isDoubledCaption(rows, end)) {
      // A photo only the second copy shows: still a caption, not two paragraphs.
      captions.push(feedLine(rows, end));
      texts.add(text);
      end += 2;
    } else break;
  }
  return { start, captions, end, truncated: null };
}

/** A caption line repeated on the very next line, as the scrape writes captions. */
function isDoubledCaption(rows: Rows, i: number): boolean {
  return i + 1 < rows.at.length && textOf(rows, i + 1) === textOf(rows, i) && lineOf(rows, i + 1) === lineOf(rows, i) + 1 && looksLikeCaption(rows, i);
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
  return { start: k, captions, end: t + 1, truncated: `the feed ends at the "${MARKER}" marker` };
}

/**
 * Finds a header cut off before its marker at the end of the feed: a line
 * standing alone between blank lines, then only runs of a caption repeated
 * on consecutive lines, each with a credit or a date as captions have. Body
 * paragraphs are rarely doubled and almost never credited, so the end of an
 * ordinary body is not mistaken for a header. Returns the headline's index,
 * or -1.
 */
function findTrailingHeader(rows: Rows, from: number, to: number): number {
  let k = to - 1;
  let runs = 0;
  while (k >= from) {
    let r = k;
    while (r - 1 >= from && textOf(rows, r - 1) === textOf(rows, k) && lineOf(rows, r - 1) === lineOf(rows, r) - 1) r--;
    if (r === k || !looksLikeCaption(rows, k)) break;
    runs++;
    k = r - 1;
  }
  if (runs === 0 || k < from) return -1;
  const apartFromCaptions = lineOf(rows, k + 1) > lineOf(rows, k) + 1;
  const apartFromBody = k === from || lineOf(rows, k - 1) < lineOf(rows, k) - 1;
  return apartFromCaptions && apartFromBody ? k : -1;
}

function looksLikeCaption(rows: Rows, r: number): boolean {
  const { credit, date } = parseCaption(textOf(rows, r), lineOf(rows, r));
  return credit !== null || date !== null;
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

function unattached(file: string, rows: Rows, from: number, to: number, severity: 'error' | 'warning'): Diagnostic {
  const count = to - from;
  const message =
    severity === 'error'
      ? `no articles found: expected a headline, "${MARKER}", then the headline again; ${count} non-blank line(s) ignored`
      : `${count} non-blank line(s) before the first article belong to no article; ignored`;
  return { severity, file, line: lineOf(rows, from), endLine: lineOf(rows, to - 1), message, rule: severity === 'error' ? 'no-articles' : 'unattached-lines' };
}

function warning(file: string, line: number, message: string, rule: string): Diagnostic {
  return { severity: 'warning', file, line, message, rule };
}
