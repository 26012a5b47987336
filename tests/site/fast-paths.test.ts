/**
 * The site and discovery stages' performance fast paths must give exactly
 * what the plain versions they replace give: checked against those
 * reference versions with random text and, where the input space is small
 * enough, exhaustively.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { learnCasing, usualForms, type CasingDictionary } from '../../src/site/readable-case.ts';

/** learnCasing's counting as it was before its ASCII scan: one regex match per word. */
function referenceLearnCasing(paragraphs: readonly string[], wanted?: ReadonlySet<string>): CasingDictionary {
  const counts = new Map<string, Map<string, number>>();
  for (const text of paragraphs) {
    for (const match of text.matchAll(/\p{L}[\p{L}\p{M}\p{N}'’-]*/gu)) {
      const key = match[0].toLowerCase();
      if (wanted && !wanted.has(key)) continue;
      const before = text.slice(Math.max(0, match.index - 3), match.index);
      if (match.index === 0 || /[.!?:"“”‘'(\[—–-]\s*$/u.test(before)) continue;
      const forms = counts.get(key) ?? new Map<string, number>();
      forms.set(match[0], (forms.get(match[0]) ?? 0) + 1);
      counts.set(key, forms);
    }
  }
  // Choosing each word's form is shared: only the counting is under test.
  return usualForms(counts);
}

/** Words and separators on the edges the ASCII scan decides. */
const PIECES = [
  'NATO', 'Nato', 'nato', 'US', 'us', 'Us', 'of', 'Of', 'talks', 'TALKS', 'Kyiv', "Kyiv's", 'co-op', 'x2', '2x', 'a',
  ' ', '  ', '. ', '? ', ': ', '"', '(', '-', "'", '—', '’', 'é', 'É', 'e\u0301', '\t', '5', ',',
];
const paragraph = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((parts) => parts.join(''));
const wantedWords = fc.array(fc.constantFrom('nato', 'us', 'of', 'talks', "kyiv's", 'co-op', 'x2', 'a', 'é', 'kyiv'), { maxLength: 5 });

describe('site fast paths', () => {
  it('learnCasing with wanted words learns what the regex version learns', () => {
    fc.assert(
      fc.property(fc.array(paragraph, { maxLength: 4 }), wantedWords, (paragraphs, words) => {
        const wanted = new Set(words);
        expect([...learnCasing(paragraphs, wanted)]).toEqual([...referenceLearnCasing(paragraphs, wanted)]);
      }),
      { numRuns: 3000 },
    );
  });

  it('learnCasing without wanted words is unchanged', () => {
    fc.assert(
      fc.property(fc.array(paragraph, { maxLength: 4 }), (paragraphs) => {
        expect([...learnCasing(paragraphs)]).toEqual([...referenceLearnCasing(paragraphs)]);
      }),
      { numRuns: 500 },
    );
  });

  it('text without code points from U+0300 on is already NFC (so topics skip normalising it)', () => {
    // Composition needs a second character that may combine; none is below
    // U+0300. Every pair below it is checked, every single one too.
    const broken: string[] = [];
    for (let a = 0; a < 0x300; a++) {
      const one = String.fromCharCode(a);
      if (one.normalize('NFC') !== one) broken.push(one);
      for (let b = 0; b < 0x300; b++) {
        const two = one + String.fromCharCode(b);
        if (two.normalize('NFC') !== two) broken.push(two);
      }
    }
    expect(broken).toEqual([]);
    // And the check is not vacuous: a combining mark does compose.
    expect('e\u0301'.normalize('NFC')).toBe('\u00e9');
  });
});
