import type { BodyBlock } from '../types.ts';

/**
 * Turns an article's body lines into blocks: one paragraph per line (a line
 * is a paragraph whether or not a blank line follows it) and an ALL-CAPS
 * line is a subhead. `body` holds indices into `texts`, the feed's lines
 * (index `i` is line `i + 1`).
 *
 * @example
 * toBodyBlocks(['MONTHS OF TALKS', '', 'Officials said…'], [0, 2])
 * // => [{ type: 'subhead', text: 'MONTHS OF TALKS', line: 1 },
 * //     { type: 'paragraph', text: 'Officials said…', line: 3 }]
 */
export function toBodyBlocks(texts: readonly string[], body: ArrayLike<number>): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  for (let k = 0; k < body.length; k++) {
    const i = body[k]!;
    const text = texts[i]!;
    blocks.push({ type: isSubhead(text) ? 'subhead' : 'paragraph', text, line: i + 1 });
  }
  return blocks;
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
  // ASCII decides most lines without the Unicode-property regexes: a
  // paragraph shows a lower-case letter within its first few characters.
  let capitals = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) return false;
    if (c > 0x7f) return isSubheadByProperty(text);
    if (c >= 0x41 && c <= 0x5a) capitals++;
  }
  return capitals >= 2;
}

const NOT_CAPITAL_LETTER = /[\p{Ll}\p{Lt}\p{Lm}\p{Lo}]/u;
const CAPITAL_LETTER = /\p{Lu}/gu;

function isSubheadByProperty(text: string): boolean {
  if (NOT_CAPITAL_LETTER.test(text)) return false;
  const capitals = text.match(CAPITAL_LETTER);
  return capitals !== null && capitals.length >= 2;
}

/**
 * Counts words as runs of letters or digits: apostrophes and hyphens inside
 * a word keep it whole, as do separators inside a number ("100,000", "2.5"),
 * and punctuation or a lone dash is not a word. Counts what the regex
 * `[\p{L}\p{N}\p{M}]+(?:(?:['’-]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{N}\p{M}]+)*`
 * would match, with a character scan instead: the regex took half the
 * parser's time on large feeds.
 *
 * @example
 * countWords([{ type: 'paragraph', text: "Kyiv's allies - 100,000 troops", line: 1 }]) // => 4
 */
export function countWords(blocks: readonly BodyBlock[]): number {
  let total = 0;
  for (const block of blocks) total += countWordsIn(block.text);
  return total;
}

const NONE = 0;
const LETTER = 1; // a letter or a combining mark
const DIGIT = 2;
const NUMBER_AT = /\p{N}/uy;
const LETTER_AT = /[\p{L}\p{M}]/uy;

/** The class of the code point at `i`: ASCII is decided inline, the rest by Unicode property. */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) ? LETTER : c >= 0x30 && c <= 0x39 ? DIGIT : NONE;
  NUMBER_AT.lastIndex = i;
  if (NUMBER_AT.test(text)) return DIGIT;
  LETTER_AT.lastIndex = i;
  return LETTER_AT.test(text) ? LETTER : NONE;
}

/** Code units taken by the code point at `i`. */
function widthAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return 1;
  const low = text.charCodeAt(i + 1);
  return low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
}

/**
 * Classes of the code units below U+2070 as bits: 1 word character (a
 * letter, mark or digit), 2 digit, 4 joiner (`'`, `’`, `-`), 8 digit
 * separator (`.`, `,`). The range covers Latin, Greek, Cyrillic, Hebrew,
 * Arabic and the general punctuation (curly quotes, dashes) news text is
 * made of; computed once from the same Unicode properties `classAt` uses.
 */
const TABLE_SIZE = 0x2070;
const CHAR_CLASS = new Uint8Array(TABLE_SIZE);
for (let c = 0; c < TABLE_SIZE; c++) {
  const kind = classAt(String.fromCharCode(c), 0);
  CHAR_CLASS[c] = kind === DIGIT ? 1 | 2 : kind === LETTER ? 1 : 0;
}
CHAR_CLASS[0x27] = CHAR_CLASS[0x2019] = CHAR_CLASS[0x2d] = 4;
CHAR_CLASS[0x2e] = CHAR_CLASS[0x2c] = 8;

/**
 * Counts the words of a line by the table, or returns -1 at the first code
 * unit beyond it (the general scan takes over). A word starts at every word
 * character that does not continue one: not after a word character, not
 * after a joiner that follows one, and not a digit after a separator that
 * follows a digit. Deciding that from the two characters before, with bit
 * operations instead of branches, runs at about twice the speed of the
 * general scan on English text, where a word ends every few characters.
 */
function countWordsByTable(text: string): number {
  let count = 0;
  let before = 0; // class of the character before the previous one
  let previous = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= TABLE_SIZE) return -1;
    const kind = CHAR_CLASS[c]!;
    const continues = (previous | ((previous >> 2) & before) | ((previous >> 3) & (before >> 1) & (kind >> 1))) & 1;
    count += kind & 1 & ~continues;
    before = previous;
    previous = kind;
  }
  return count;
}

function countWordsIn(text: string): number {
  const counted = countWordsByTable(text);
  if (counted >= 0) return counted;
  let count = 0;
  let i = 0;
  while (i < text.length) {
    let kind = classAt(text, i);
    i += widthAt(text, i);
    if (kind === NONE) continue;
    count++;
    // Extend the word over letters, digits, and joiners that sit between them.
    while (i < text.length) {
      const next = classAt(text, i);
      if (next !== NONE) {
        kind = next;
        i += widthAt(text, i);
        continue;
      }
      const c = text.charCodeAt(i);
      const after = i + 1 < text.length ? classAt(text, i + 1) : NONE;
      const joins = (c === 0x27 || c === 0x2019 || c === 0x2d) && after !== NONE;
      const groupsDigits = (c === 0x2e || c === 0x2c) && kind === DIGIT && after === DIGIT;
      if (!joins && !groupsDigits) break;
      i++;
    }
  }
  return count;
}
