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
    rtl += text.match(RTL_LETTER)?.length ?? 0;
    letters += text.match(LETTER)?.length ?? 0;
  }
  return rtl * 2 > letters ? 'rtl' : 'ltr';
}
