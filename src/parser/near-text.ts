/**
 * How the splitter tells an edited copy of a line from a different line, and
 * a headline from a paragraph. The scrape writes every headline and caption
 * at least twice; an editor who fixes a typo in one copy leaves two lines
 * that are nearly, not exactly, equal. These tests are only ever asked about
 * the few lines of one article's header, never about every body line.
 */
import { isSubhead } from './body-blocks.ts';

/** Lines shorter than this are too short to call one an edit of another. */
const SHORTEST_EDITED = 12;

/**
 * Whether `a` and `b` are copies of one line, one of them edited: equal, or
 * of similar length with one edited stretch (a shared start and end that
 * cover three quarters of the longer), or sharing nearly all their words.
 *
 * @example
 * nearlyEqual('Smoke rises over Kyiv, May 3, 2025. (EPA)', 'Smoke rises over Kiev, May 3, 2025. (EPA)') // => true
 * nearlyEqual('Smoke rises over Kyiv.', 'Talks resume in Geneva.') // => false
 */
export function nearlyEqual(a: string, b: string): boolean {
  if (a === b) return true;
  const longer = Math.max(a.length, b.length);
  if (longer < SHORTEST_EDITED || Math.abs(a.length - b.length) > longer / 4) return false;
  // Lines that share no start or end are never compared word by word: that
  // is the costly test, and the first body line is asked about each caption.
  const ends = commonEnds(a, b);
  return ends >= longer * 0.75 || (ends >= longer * 0.2 && wordOverlap(a, b) >= 0.8);
}

/** How many characters `a` and `b` share at their start and end together (not overlapping). */
export function commonEnds(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < shorter && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  return prefix + suffix;
}

/**
 * Whether two headline lines can be two copies of one headline, one of them
 * rewritten: nearly equal, or sharing at least half their words
 * ("Factory Blast Kills 9 in Northern China" and "Factory Explosion Kills 8
 * in Northern China" share five of seven).
 */
export function similarHeadlines(a: string, b: string): boolean {
  return nearlyEqual(a, b) || wordOverlap(a, b) >= 0.5;
}

/** The Sørensen–Dice overlap of two lines' sets of lower-case words, 0 to 1. */
export function wordOverlap(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return (2 * shared) / (x.size + y.size);
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** Closing quotes and brackets that may follow a line's last real character: " ' ” ’ » ) ]. */
const CLOSERS = [0x22, 0x27, 0x201d, 0x2019, 0xbb, 0x29, 0x5d];
/** Ends of a sentence or clause that a headline does not end with: . , ; : */
const SENTENCE_END = [0x2e, 0x2c, 0x3b, 0x3a];

/**
 * Whether a line can be a headline: short, not written in capitals (that is
 * a subhead), and not ending like a sentence. Used only where the header's
 * structure alone is not enough evidence — a line repeated with nothing but
 * blank lines between, or a line with doubled captions and no second copy —
 * so that a paragraph a body legitimately repeats is not taken for one.
 *
 * @example
 * looksLikeHeadline('Factory Explosion Kills 8 in Northern China') // => true
 * looksLikeHeadline('He did not say how many troops would be involved.') // => false
 */
export function looksLikeHeadline(text: string): boolean {
  // The ending first: it turns away almost every paragraph at once.
  if (text.length > 250 || !endsLikeHeadline(text) || isSubhead(text)) return false;
  let spaces = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32) spaces++;
  return spaces < 30;
}

/** Whether a line does not end like a sentence or a clause (closing quotes and brackets aside). */
export function endsLikeHeadline(text: string): boolean {
  // Character codes, not one-character strings: this is asked of every body line.
  let end = text.length - 1;
  while (end > 0 && CLOSERS.includes(text.charCodeAt(end))) end--;
  return !SENTENCE_END.includes(text.charCodeAt(end));
}

/** A line shortened for a message: at most `max` characters, cut at a code point. */
export function quoteShort(text: string, max = 70): string {
  const points = Array.from(text);
  return points.length <= max ? text : `${points.slice(0, max - 1).join('')}…`;
}
