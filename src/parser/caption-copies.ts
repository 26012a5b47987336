/**
 * Groups the copies of an article's captions, two to four of each, into one
 * caption per photo, even when an editor changed one copy: the text most
 * copies share wins (on a tie, the later copy, nearest the body), and every
 * other text is named in a `caption-mismatch` warning.
 */
import type { Diagnostic, FeedLine } from '../types.ts';
import { commonEnds, nearlyEqual, quoteShort } from './near-text.ts';
import { type Rows, isDoubled, lineOf, textOf } from './rows.ts';

/**
 * With more distinct lines than this in one header, copies are matched by
 * exact text only: comparing every pair would make a hostile header of
 * thousands of lines quadratic, and no real article has that many photos.
 */
const MAX_NEAR_TEXTS = 16;

/** Where one caption text stands among the header's rows. */
interface Copies {
  text: string;
  count: number;
  first: number;
  last: number;
  /** Bit 0: seen in the first header copy; bit 1: in the second. */
  sides: number;
  /** Whether every copy stands alone, not in a run of equal lines. */
  alone: boolean;
  /** The text this one is an edited copy of, once settled. */
  of: Copies | null;
}

export class CaptionCopies {
  private readonly byText = new Map<string, Copies>();

  constructor(private readonly rows: Rows) {}

  /** Whether `text` is a copy, exact or edited, of a caption seen so far. */
  matches(text: string): boolean {
    if (this.byText.has(text)) return true;
    if (this.byText.size > MAX_NEAR_TEXTS) return false;
    for (const other of this.byText.keys()) if (nearlyEqual(other, text)) return true;
    return false;
  }

  /** Counts row `r` as a copy of its caption, on side 0 (before the marker) or 1 (after). */
  add(r: number, side: 0 | 1): void {
    const text = textOf(this.rows, r);
    const alone = !isDoubled(this.rows, r) && !(r > 0 && isDoubled(this.rows, r - 1));
    const copies = this.byText.get(text);
    if (copies) {
      copies.count++;
      copies.last = r;
      copies.sides |= 1 << side;
      copies.alone &&= alone;
    } else this.byText.set(text, { text, count: 1, first: r, last: r, sides: 1 << side, alone, of: null });
  }

  /** Adds rows `from` to `to` (exclusive) on one side. */
  addRange(from: number, to: number, side: 0 | 1): void {
    for (let r = from; r < to; r++) this.add(r, side);
  }

  /**
   * One caption per photo, in order of first appearance, at the first line
   * of its winning text; a warning for each text that lost.
   *
   * A text is a photo of its own when both header copies show it or it
   * comes as a run of equal lines, as the scrape writes captions: two
   * photos whose captions read alike stay two. Only a text that stands
   * alone on one side can be an edited copy, of the most alike text.
   */
  settle(file: string): { captions: FeedLine[]; diagnostics: Diagnostic[] } {
    const all = [...this.byText.values()];
    // The usual header: every caption on both sides, or doubled. Nothing to group.
    if (all.every((c) => c.sides === 3 || !c.alone)) return { captions: all.map((c) => ({ text: c.text, line: lineOf(this.rows, c.first) })), diagnostics: [] };
    if (all.length <= MAX_NEAR_TEXTS) {
      for (const edited of all) {
        if (edited.sides === 3 || !edited.alone) continue;
        let best: Copies | null = null;
        let bestScore = -1;
        for (const other of all) {
          if (other === edited || other.of !== null || (other.sides === edited.sides && other.alone) || !nearlyEqual(other.text, edited.text)) continue;
          const score = commonEnds(other.text, edited.text);
          if (score > bestScore) [best, bestScore] = [other, score];
        }
        if (best && edited.of === null) edited.of = best;
      }
    }
    const groups = new Map<Copies, Copies[]>();
    for (const copies of all) {
      let root = copies;
      while (root.of) root = root.of;
      const group = groups.get(root);
      if (group) group.push(copies);
      else groups.set(root, [copies]);
    }
    const captions: FeedLine[] = [];
    const diagnostics: Diagnostic[] = [];
    for (const group of groups.values()) {
      const winner = group.reduce((a, b) => (b.count > a.count || (b.count === a.count && b.last > a.last) ? b : a));
      const line = lineOf(this.rows, winner.first);
      captions.push({ text: winner.text, line });
      for (const loser of group) {
        if (loser === winner) continue;
        diagnostics.push(captionMismatch(file, lineOf(this.rows, loser.first), lineOf(this.rows, loser.last), loser.text, { text: winner.text, line }));
      }
    }
    captions.sort((a, b) => a.line - b.line);
    return { captions, diagnostics };
  }
}

/** The warning for an edited copy of a caption (lines `from`–`to`), whose other copies give `caption`. */
export function captionMismatch(file: string, from: number, to: number, text: string, caption: FeedLine): Diagnostic {
  return {
    severity: 'warning',
    file,
    line: from,
    ...(to !== from ? { endLine: to } : {}),
    message: `the caption at line ${from} differs from its copy at line ${caption.line}: "${quoteShort(text)}" vs "${quoteShort(caption.text)}"; using line ${caption.line}'s (the text most copies share). Make every copy of a caption the same`,
    rule: 'caption-mismatch',
  };
}
