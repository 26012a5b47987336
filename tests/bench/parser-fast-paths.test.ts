/**
 * The parser's performance fast paths must give exactly what the plain
 * regex versions they replace give, on any text: checked here against those
 * reference versions with random strings that mix ASCII, Unicode letters,
 * digits, marks, separators, white space and astral characters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords } from '../../src/parser/body-blocks.ts';
import { normaliseLines, normaliseSpace } from '../../src/parser/normalise-lines.ts';
import { detectDirection, MAYBE_RTL } from '../../src/parser/text-direction.ts';

const referenceWords = (text: string) =>
  text.match(/[\p{L}\p{N}\p{M}]+(?:(?:['’-]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{N}\p{M}]+)*/gu)?.length ?? 0;
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
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));
const anyText = fc.oneof(text, fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }));

describe('parser fast paths', () => {
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
