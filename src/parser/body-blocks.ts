import type { BodyBlock, FeedLine } from '../types.ts';

/**
 * Turns an article's body lines into blocks: one paragraph per line (a line
 * is a paragraph whether or not a blank line follows it) and an ALL-CAPS
 * line is a subhead.
 *
 * @example
 * toBodyBlocks([{ text: 'MONTHS OF TALKS', line: 40 }, { text: 'Officials said…', line: 42 }])
 * // => [{ type: 'subhead', text: 'MONTHS OF TALKS', line: 40 },
 * //     { type: 'paragraph', text: 'Officials said…', line: 42 }]
 */
export function toBodyBlocks(lines: FeedLine[]): BodyBlock[] {
  return lines.map(({ text, line }) => ({ type: isSubhead(text) ? 'subhead' : 'paragraph', text, line }));
}

/**
 * A subhead is written in capitals: at least two upper-case letters and no
 * letter that could have been lower case but is not. Letters of caseless
 * scripts (Arabic, Hebrew, Chinese…: Unicode `Lo`) mean the line cannot be
 * judged by case, so it stays a paragraph — an Arabic paragraph quoting
 * "NATO" is not a subhead.
 *
 * @example
 * isSubhead("'VERY SPECIFIC SUBSTANCE'") // => true
 * isSubhead('He said: "NO."')             // => false
 * isSubhead('قال الناتو NATO')            // => false
 */
export function isSubhead(text: string): boolean {
  if (/[\p{Ll}\p{Lt}\p{Lm}\p{Lo}]/u.test(text)) return false;
  const capitals = text.match(/\p{Lu}/gu);
  return capitals !== null && capitals.length >= 2;
}

// Each repetition must start with a separator the word class excludes, so matching cannot backtrack.
const WORD = /[\p{L}\p{N}\p{M}]+(?:(?:['’-]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{N}\p{M}]+)*/gu;

/**
 * Counts words as runs of letters or digits: apostrophes and hyphens inside
 * a word keep it whole, as do separators inside a number ("100,000", "2.5"),
 * and punctuation or a lone dash is not a word.
 *
 * @example
 * countWords([{ type: 'paragraph', text: "Kyiv's allies - 100,000 troops", line: 1 }]) // => 4
 */
export function countWords(blocks: readonly BodyBlock[]): number {
  let total = 0;
  for (const block of blocks) total += block.text.match(WORD)?.length ?? 0;
  return total;
}
