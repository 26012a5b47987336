/**
 * The feed's non-blank lines ("rows") as the splitting stage reads them:
 * row `r` is line `at[r] + 1`, with the text `texts[at[r]]`. Shared by the
 * splitter and the header readers so both speak of rows, not lines.
 */
import type { FeedLine, FeedLines } from '../types.ts';
import { parseCaption } from './parse-caption.ts';

/** The scrape's separator between an article's two header copies. */
export const MARKER = 'TT';

export interface Rows {
  texts: readonly string[];
  at: Int32Array;
}

export function rowsOf(lines: FeedLines): Rows {
  return { texts: lines.texts, at: lines.rows };
}

export function textOf(rows: Rows, r: number): string {
  return rows.texts[rows.at[r]!]!;
}

export function lineOf(rows: Rows, r: number): number {
  return rows.at[r]! + 1;
}

export function feedLine(rows: Rows, r: number): FeedLine {
  return { text: textOf(rows, r), line: lineOf(rows, r) };
}

/** Whether a blank line stands between rows `r` and `r + 1`. */
export function blankAfter(rows: Rows, r: number): boolean {
  return lineOf(rows, r + 1) > lineOf(rows, r) + 1;
}

/** Whether row `r` repeats on the very next line, as the scrape writes captions. */
export function isDoubled(rows: Rows, r: number): boolean {
  return r + 1 < rows.at.length && textOf(rows, r + 1) === textOf(rows, r) && !blankAfter(rows, r);
}

/** A caption line as the scrape writes one: with a credit or a full date. */
export function looksLikeCaption(rows: Rows, r: number): boolean {
  const { credit, date } = parseCaption(textOf(rows, r), lineOf(rows, r));
  return credit !== null || date !== null;
}

/** A doubled line with a credit or a date: a caption even where no other copy confirms it. */
export function isDoubledCaption(rows: Rows, r: number): boolean {
  return isDoubled(rows, r) && looksLikeCaption(rows, r);
}

/** Past the run of copies of row `r` on consecutive lines. */
export function skipCopies(rows: Rows, r: number): number {
  let k = r + 1;
  while (k < rows.at.length && textOf(rows, k) === textOf(rows, r) && lineOf(rows, k) === lineOf(rows, k - 1) + 1) k++;
  return k;
}
