/**
 * The fast paths of the body and slug stages must give exactly what
 * the plain Unicode versions give: checked against those reference versions
 * on random text, ASCII-only (where the fast paths decide alone) and mixed
 * (where they hand over part-way).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords, isSubhead } from '../../src/parser/body-blocks.ts';
import { findCaptionDate } from '../../src/parser/caption-date.ts';
import { foldNonAscii, slugify } from '../../src/parser/slugs.ts';

const referenceSubhead = (text: string) =>
  !/[\p{Ll}\p{Lt}\p{Lm}\p{Lo}]/u.test(text) && (text.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
const referenceWords = (text: string) =>
  text.match(/[\p{L}\p{N}\p{M}]+(?:(?:['’-]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{N}\p{M}]+)*/gu)?.length ?? 0;

const ASCII_PIECES = ['a', 'q', 'A', 'Z', '7', '0', ' ', "'", '-', '.', ',', ':', '"', '_', '!', '\t', 'NATO', 'said'];
const ascii = fc.oneof(
  fc.array(fc.constantFrom(...ASCII_PIECES), { maxLength: 30 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary-ascii', maxLength: 30 }),
);
const mixed = fc
  .tuple(ascii, fc.constantFrom('é', 'É', 'ß', 'ب', 'ǅ', 'ʰ', '中', 'Ω', '’', '\u0301', '😀', '１'), ascii)
  .map(([a, b, c]) => a + b + c);
const text = fc.oneof(ascii, mixed);

describe('ASCII and table fast paths agree with the Unicode rules', () => {
  it('isSubhead', () => {
    fc.assert(fc.property(text, (t) => isSubhead(t) === referenceSubhead(t)), { numRuns: 3000 });
    expect(isSubhead('NATO ب')).toBe(false);
    expect(isSubhead('ÉTAT D’URGENCE')).toBe(true);
  });

  it('countWords', () => {
    fc.assert(fc.property(text, (t) => countWords([{ type: 'paragraph', text: t, line: 1 }]) === referenceWords(t)), { numRuns: 3000 });
    expect(countWords([{ type: 'paragraph', text: "a'-b 1.2 1.a a.1 x--y 3,- -", line: 1 }])).toBe(10);
  });

  it('findCaptionDate: the patterns without the u flag find what they find with it', () => {
    // A trailing " ſ" (U+017F) can neither make nor break a date, and sends the text down the Unicode path.
    const caption = fc.array(fc.constantFrom('4', '12', '2025', ' ', '.', ',', 'th', 'of', 'Sept', 'sept', 'ſept', 'MAY', 'june', 'Dec', '\u212a', '-', '03', 'x'), { maxLength: 14 }).map((p) => p.join(''));
    fc.assert(fc.property(fc.oneof(caption, text), (t) => findCaptionDate(t) === findCaptionDate(`${t} \u017f`)), { numRuns: 3000 });
    expect(findCaptionDate('Rome, 4 Sept. 2025.')).toBe('2025-09-04');
    expect(findCaptionDate('Rome, 4 Sept. 2025. \u017f')).toBe('2025-09-04');
    // By Unicode rules the Kelvin sign is a letter, so "2025K" is no year.
    expect(findCaptionDate('Rome, 4 Sept. 2025\u212a')).toBeNull();
  });

  it('slugify folds only what needs folding', () => {
    // ASCII headlines take the ASCII path; the general fold is the reference.
    // (Other text takes the general fold itself: comparing would prove nothing.)
    fc.assert(
      fc.property(ascii, (t) => {
        const expected = foldNonAscii(t);
        if (expected !== '' && expected.length <= 80) expect(slugify(t)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
