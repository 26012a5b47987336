import type { TextDirection } from '../types.ts';

/** Letters of the right-to-left scripts in Unicode. */
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}\p{Script=Samaritan}\p{Script=Mandaic}]/gu;
/**
 * A cheap superset of RTL_LETTER, matched on UTF-16 code units: the blocks
 * those scripts live in (U+0590–U+08FF, the Hebrew and Arabic presentation
 * forms) and the high surrogates of the astral RTL blocks (U+10800–U+10FFF,
 * U+1E800–U+1EFFF). Plain ranges test several times faster than script
 * properties, and text with none of them has no RTL letter. The line stage
 * flags the lines that match it (`FeedLines.maybeRtl`) in its one scan of
 * the whole feed.
 */
export const MAYBE_RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\uD802\uD803\uD83A\uD83B]/;
const LETTER = /\p{L}/gu;

/**
 * Decides an article's base text direction from its letters: `rtl` when
 * most letters belong to a right-to-left script. Counting (rather than
 * looking at the first letter only) keeps an Arabic article that opens with
 * "NATO" right-to-left.
 *
 * @example
 * detectDirection(['انفجار في مصنع']) // => 'rtl'
 * detectDirection(['Factory blast'])  // => 'ltr'
 */
export function detectDirection(texts: readonly string[]): TextDirection {
  // Most articles have no right-to-left letter at all: one scan without
  // collecting matches settles them, and only the rest are counted.
  if (!texts.some((text) => MAYBE_RTL.test(text))) return 'ltr';
  let rtl = 0;
  let letters = 0;
  for (const text of texts) {
    for (let i = 0; i < text.length; ) {
      const c = text.charCodeAt(i);
      const kind = c < TABLE_SIZE ? KIND[c]! : kindAt(text, i);
      letters += kind & 1;
      rtl += kind >> 1;
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
    }
  }
  return rtl * 2 > letters ? 'rtl' : 'ltr';
}

/**
 * What the code point at `i` counts as, in bits: 1 a letter (`LETTER`), 2
 * a character of a right-to-left script (`RTL_LETTER`, marks and digits of
 * those scripts included). Tested with sticky copies of those regexes, so no
 * match array is built: collecting every letter of an Arabic article as a
 * string was most of this function's time.
 */
function kindAt(text: string, i: number): number {
  LETTER_AT.lastIndex = i;
  RTL_LETTER_AT.lastIndex = i;
  return (LETTER_AT.test(text) ? 1 : 0) | (RTL_LETTER_AT.test(text) ? 2 : 0);
}

const LETTER_AT = new RegExp(LETTER.source, 'uy');
const RTL_LETTER_AT = new RegExp(RTL_LETTER.source, 'uy');

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * `kindAt` of each code unit below U+0900, computed once: Latin, Greek,
 * Cyrillic, Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan and Mandaic,
 * the letters an article's direction is decided by. The rest (punctuation
 * such as curly quotes included) is tested as it comes.
 */
const TABLE_SIZE = 0x0900;
const KIND = new Uint8Array(TABLE_SIZE);
for (let c = 0; c < TABLE_SIZE; c++) KIND[c] = kindAt(String.fromCharCode(c), 0);
