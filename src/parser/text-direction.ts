import type { TextDirection } from '../types.ts';

/** Letters of the right-to-left scripts in Unicode. */
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}\p{Script=Samaritan}\p{Script=Mandaic}]/gu;
const ANY_RTL_LETTER = new RegExp(RTL_LETTER.source, 'u');
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
  if (!texts.some((text) => ANY_RTL_LETTER.test(text))) return 'ltr';
  let rtl = 0;
  let letters = 0;
  for (const text of texts) {
    rtl += text.match(RTL_LETTER)?.length ?? 0;
    letters += text.match(LETTER)?.length ?? 0;
  }
  return rtl * 2 > letters ? 'rtl' : 'ltr';
}
