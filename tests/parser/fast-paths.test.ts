/**
 * The parser's performance fast paths must give exactly what the plain
 * Unicode or regex versions they replace give: checked against those
 * reference versions on random text — ASCII-only (where the fast paths
 * decide alone), mixed (where they hand over part-way), and strings that mix
 * ASCII, Unicode letters, digits, marks, separators, white space and astral
 * characters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords, isSubhead } from '../../src/parser/body-blocks.ts';
import { findCaptionDate } from '../../src/parser/caption-date.ts';
import { normaliseLines, normaliseSpace } from '../../src/parser/normalise-lines.ts';
import { foldNonAscii, slugify } from '../../src/parser/slugs.ts';
import { detectDirection, MAYBE_RTL } from '../../src/parser/text-direction.ts';
import { readCaptionCopies, readPlainHeader } from '../../src/parser/read-header.ts';
import { rowsOf } from '../../src/parser/rows.ts';

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
        // Apostrophes inside words are dropped before either fold.
        const expected = foldNonAscii(t.replace(/(?<=\p{L})'(?=\p{L})/gu, ''));
        if (expected !== '' && expected.length <= 80) expect(slugify(t)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });
});

const referenceSpace = (text: string) => text.replace(/\s+/g, ' ').trim();
const referenceDirection = (text: string) =>
  (text.match(/[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}\p{Script=Samaritan}\p{Script=Mandaic}]/gu)?.length ?? 0) * 2 >
  (text.match(/\p{L}/gu)?.length ?? 0)
    ? 'rtl'
    : 'ltr';

/** Characters that sit on the edges the fast paths decide. */
const PIECES = [
  'a', 'Z', '7', '0', ' ', '  ', '\t', '\u00a0', '\u2009', '\u3000', '\ufeff', "'", '’', '-', '.', ',', ':', '"',
  'é', 'e\u0301', 'ß', 'ب', 'ש', '١', '٢', '½', 'Ⅻ', '𝟘', '𝐀', '😀', '中', '\ud800', 'x\u200d', '\u0660', '\u2014',
  '\u0591', 'ﭏ', '𞤀', '\ud83a', '\u2029',
];
const pieces = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));
const anyText = fc.oneof(pieces, fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }));

describe('fast paths agree with the plain regexes on any text', () => {
  it('countWords counts what the word regex matches', () => {
    fc.assert(
      fc.property(anyText, (t) => countWords([{ type: 'paragraph', text: t, line: 1 }]) === referenceWords(t)),
      { numRuns: 3000 },
    );
    expect(countWords([{ type: 'paragraph', text: "Kyiv's allies - 100,000 troops, 2.5 km; 3,- x-", line: 1 }])).toBe(8);
  });

  it('normaliseSpace equals collapse-and-trim, clean lines included', () => {
    fc.assert(fc.property(anyText, (t) => normaliseSpace(t) === referenceSpace(t)), { numRuns: 3000 });
    expect(normaliseSpace(' a\u00a0\u00a0b\t')).toBe('a b');
  });

  it('normaliseLines, by one scan of the whole text, equals normalising every line alone', () => {
    const lines = fc.tuple(fc.array(anyText, { maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean()).map(([ls, eol, bom]) => (bom ? '\uFEFF' : '') + ls.join(eol));
    fc.assert(
      fc.property(lines, (t) => {
        const texts = t.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).map(referenceSpace);
        const result = normaliseLines(t);
        expect(result.texts).toEqual(texts);
        expect(Array.from(result.rows)).toEqual(texts.flatMap((x, i) => (x === '' ? [] : [i])));
        expect(Array.from(result.maybeRtl)).toEqual(texts.map((x) => (MAYBE_RTL.test(x) ? 1 : 0)));
      }),
      { numRuns: 3000 },
    );
  });

  it('detectDirection agrees with counting every letter', () => {
    fc.assert(fc.property(anyText, (t) => detectDirection([t]) === referenceDirection(t)), { numRuns: 3000 });
    expect(detectDirection(['قال الناتو NATO'])).toBe('rtl');
  });
});

describe('the plain header reading agrees with grouping caption copies', () => {
  // Headers of a few lines drawn from a small set, so copies, edits and doubles occur often.
  const LINES = ['Cap one, 3 May 2025. (EPA)', 'Cap one, 3 May 2O25. (EPA)', 'Cap two REUTERS/Ann Lee', 'Body text here.', 'Another body line.', 'H'];
  const header = fc.record({
    first: fc.array(fc.constantFrom(...LINES.slice(0, 4)), { maxLength: 5 }),
    second: fc.array(fc.constantFrom(...LINES.slice(0, 5)), { maxLength: 6 }),
  });
  it('readPlainHeader, when it answers, gives what readCaptionCopies gives', () => {
    let answered = 0;
    fc.assert(
      fc.property(header, ({ first, second }) => {
        const lines = normaliseLines(['H', ...first, 'TT', 'H', ...second, 'Tail.'].join('\n'));
        const rows = rowsOf(lines);
        const t = first.length + 1;
        const plain = readPlainHeader(rows, 0, t);
        if (plain === null) return;
        answered++;
        expect(plain).toEqual(readCaptionCopies(rows, 0, t, 'f.txt'));
      }),
      { numRuns: 2000 },
    );
    expect(answered).toBeGreaterThan(200);
  });
});
