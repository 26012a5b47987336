import type { ArticleDraft, Diagnostic, FeedLine } from '../types.ts';
import { parseCaption } from './parse-caption.ts';

/** The scrape's separator between an article's two header copies. */
export const MARKER = 'TT';

/** An article's header as located around its `TT` marker (indices into non-blank lines). */
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
 * splitArticles(lines, 'a.txt').drafts[0].body.map((l) => l.text)
 * // => ['Body.']
 */
export function splitArticles(lines: FeedLine[], file: string): SplitResult {
  const rows = lines.filter((l) => l.text !== '');
  const diagnostics: Diagnostic[] = [];
  const headers: Header[] = [];
  const strays = new Set<number>();
  const earlier: EarlierLines = { floor: 0, indexed: 0, latest: new Map() };
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.text === MARKER) {
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
      diagnostics.push(warning(file, row, `stray "${MARKER}" marker: the line after it does not repeat a headline; ignored`, 'stray-marker'));
      continue;
    }
  }
  const lastStart = headers.length ? headers[headers.length - 1]!.end : 0;
  const trailing = findTrailingHeader(rows, lastStart, rows.length);
  if (trailing >= 0) {
    const captions = distinctByText(rows.slice(trailing + 1));
    headers.push({ start: trailing, captions, end: rows.length, truncated: `the feed ends after the first headline and captions, before "${MARKER}"` });
  }
  if (headers.length === 0) {
    if (rows.length > 0) diagnostics.push(unattached(file, rows, 0, rows.length, 'error'));
    return { drafts: [], diagnostics };
  }
  if (headers[0]!.start > 0) diagnostics.push(unattached(file, rows, 0, headers[0]!.start, 'warning'));
  const drafts = headers.map((header, k) => {
    const next = k + 1 < headers.length ? headers[k + 1]!.start : rows.length;
    const headline = rows[header.start]!;
    const isRepeat = memberTest([headline.text, ...header.captions.map((c) => c.text)]);
    const body = rows.slice(header.end, next).filter((row, offset) => !(strays.size > 0 && strays.has(header.end + offset)) && !isRepeat(row.text));
    const endLine = rows[Math.max(next, header.end) - 1]!.line;
    const truncated = header.truncated ?? (body.length === 0 ? 'the article has no body' : null);
    return { headline, captions: header.captions, body, endLine, truncated };
  });
  return { drafts, diagnostics };
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
function findLatest(rows: FeedLine[], text: string, t: number, earlier: EarlierLines): number {
  if (text === MARKER) return -1;
  const near = Math.max(earlier.floor, t - NEAR);
  for (let k = t - 1; k >= near; k--) if (rows[k]!.text === text) return k;
  if (near === earlier.floor) return -1;
  for (; earlier.indexed < t; earlier.indexed++) {
    const row = rows[earlier.indexed]!;
    if (row.text !== MARKER) earlier.latest.set(row.text, earlier.indexed);
  }
  return earlier.latest.get(text) ?? -1;
}

/** Reads the header around the marker at `t`, or null when the marker is stray. */
function readHeader(rows: FeedLine[], t: number, earlier: EarlierLines): Header | null {
  const after = rows[t + 1];
  if (after === undefined) return readCutHeader(rows, t, earlier.floor);
  const start = findLatest(rows, after.text, t, earlier);
  if (start < 0) return null;
  const captions = distinctByText(rows.slice(start + 1, t));
  const texts = new Set(captions.map((c) => c.text));
  let end = t + 2;
  while (end < rows.length) {
    const row = rows[end]!;
    if (texts.has(row.text)) end++;
    else if (isDoubledCaption(rows, end)) {
      // A photo only the second copy shows: still a caption, not two paragraphs.
      captions.push(row);
      texts.add(row.text);
      end += 2;
    } else break;
  }
  return { start, captions, end, truncated: null };
}

/** A caption line repeated on the very next line, as the scrape writes captions. */
function isDoubledCaption(rows: FeedLine[], i: number): boolean {
  const row = rows[i]!;
  const next = rows[i + 1];
  return next !== undefined && next.text === row.text && next.line === row.line + 1 && looksLikeCaption(row);
}

/**
 * A marker on the last line: there is no second headline to match, so the
 * header is read backwards — runs of a repeated line are captions, and the
 * first line that is not repeated is the headline.
 */
function readCutHeader(rows: FeedLine[], t: number, floor: number): Header | null {
  let k = t - 1;
  while (k > floor && rows[k - 1]!.text === rows[k]!.text) {
    const text = rows[k]!.text;
    while (k > floor && rows[k - 1]!.text === text) k--;
    k--;
  }
  if (k < floor) return null;
  const captions = distinctByText(rows.slice(k + 1, t));
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
function findTrailingHeader(rows: FeedLine[], from: number, to: number): number {
  let k = to - 1;
  let runs = 0;
  while (k >= from) {
    let r = k;
    while (r - 1 >= from && rows[r - 1]!.text === rows[k]!.text && rows[r - 1]!.line === rows[r]!.line - 1) r--;
    if (r === k || !looksLikeCaption(rows[k]!)) break;
    runs++;
    k = r - 1;
  }
  if (runs === 0 || k < from) return -1;
  const apartFromCaptions = rows[k + 1]!.line > rows[k]!.line + 1;
  const apartFromBody = k === from || rows[k - 1]!.line < rows[k]!.line - 1;
  return apartFromCaptions && apartFromBody ? k : -1;
}

function looksLikeCaption(row: FeedLine): boolean {
  const { credit, date } = parseCaption(row.text, row.line);
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

function distinctByText(rows: FeedLine[]): FeedLine[] {
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.text) && seen.add(row.text));
}

function unattached(file: string, rows: FeedLine[], from: number, to: number, severity: 'error' | 'warning'): Diagnostic {
  const first = rows[from]!;
  const last = rows[to - 1]!;
  const count = to - from;
  const message =
    severity === 'error'
      ? `no articles found: expected a headline, "${MARKER}", then the headline again; ${count} non-blank line(s) ignored`
      : `${count} non-blank line(s) before the first article belong to no article; ignored`;
  return { severity, file, line: first.line, endLine: last.line, message, rule: severity === 'error' ? 'no-articles' : 'unattached-lines' };
}

function warning(file: string, row: FeedLine, message: string, rule: string): Diagnostic {
  return { severity: 'warning', file, line: row.line, message, rule };
}
