/**
 * Inputs that make careless regexes or rescanning loops blow up. Each case
 * is about 100 000 characters or lines: a quadratic or backtracking parser
 * would not finish within the test timeout, a linear one takes milliseconds.
 * These are correctness tests on hostile input, not timings.
 */
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/parser/index.ts';
import { unaccountedLines } from './accounting.ts';

const N = 100_000;

/** One complete article with the given caption line and body lines. */
function feed(headline: string, caption: string | null, body: string[]): string {
  const captions = caption === null ? [] : [caption, caption];
  return [headline, '', ...captions, 'TT', '', headline, '', ...captions, '', ...body].join('\n');
}

describe('pathological input', () => {
  it.each([
    ['spaces', ' '.repeat(N)],
    ['NBSPs and tabs', '\u00A0\t'.repeat(N / 2)],
    ['open parentheses', '('.repeat(N)],
    ['close parentheses', ')'.repeat(N)],
    ['parentheses then a close', `${'('.repeat(N)})`],
    ['nested parentheses', `${'('.repeat(N / 2)}${')'.repeat(N / 2)}`],
    ['capitals before a slash', `${'A'.repeat(N)}/`],
    ['capital words before a slash', `${'A '.repeat(N / 2)}/`],
    ['slashes', '/'.repeat(N)],
    ['digits and spaces', '1 '.repeat(N / 2)],
    ['month abbreviations', 'Feb. 1 '.repeat(N / 7)],
    ['hyphenated letters', 'a-'.repeat(N / 2)],
    ['digit groups', '1,'.repeat(N / 2)],
    ['sentence stops', '. '.repeat(N / 2)],
    ['weekday-like words', 'Sundays '.repeat(N / 8)],
  ])('a body line, a caption and a headline of %s', (_name, hostile) => {
    const asBody = parseFeed({ file: 'x.txt', text: feed('Head', 'Seen in Rome, 3 June 2025. (AP)', ['Lede.', hostile]) });
    expect(asBody.articles).toHaveLength(1);
    // A line of white space only is blank, so the lede stays the last block.
    expect(asBody.articles[0]!.body.at(-1)!.text).toBe(hostile.replace(/\s+/g, ' ').trim() || 'Lede.');

    const asCaption = parseFeed({ file: 'x.txt', text: feed('Head', `Caption ${hostile}`, ['Lede.']) });
    expect(asCaption.articles[0]!.images).toHaveLength(1);

    const asHeadline = parseFeed({ file: 'x.txt', text: feed(`Head ${hostile}`, null, ['Lede.']) });
    expect(asHeadline.articles[0]!.slug).toMatch(/^[a-z0-9-]+$/);
  });

  it(`${N} marker lines are each reported, not matched against each other`, () => {
    const text = Array.from({ length: N }, () => 'TT').join('\n');
    const { articles, diagnostics } = parseFeed({ file: 'x.txt', text });
    expect(articles).toEqual([]);
    expect(diagnostics.filter((d) => d.rule === 'stray-marker')).toHaveLength(N);
    expect(unaccountedLines(text, { articles, diagnostics })).toEqual([]);
  });

  it('more diagnostics than a function call takes arguments', () => {
    // Collected by spreading them into push(), 200,000 warnings overflowed the call stack.
    const text = Array.from({ length: 2 * N }, () => 'TT').join('\n');
    const { diagnostics } = parseFeed({ file: 'x.txt', text });
    expect(diagnostics.filter((d) => d.rule === 'stray-marker')).toHaveLength(2 * N);
  });

  it(`${N} identical lines`, () => {
    const text = Array.from({ length: N }, () => 'Same (EPA)').join('\n');
    const { articles, diagnostics } = parseFeed({ file: 'x.txt', text });
    expect(articles).toEqual([]);
    expect(diagnostics).toMatchObject([{ severity: 'error', line: 1, endLine: N, rule: 'no-articles' }]);
  });

  it('many copies of one article become one record, many same-headline articles get distinct slugs', () => {
    const copies = Array.from({ length: N / 20 }, () => feed('Head', null, ['Body.'])).join('\n\n');
    const deduped = parseFeed({ file: 'x.txt', text: copies });
    expect(deduped.articles).toHaveLength(1);
    expect(deduped.diagnostics.filter((d) => d.rule === 'duplicate-article')).toHaveLength(N / 20 - 1);

    const different = Array.from({ length: N / 20 }, (_, i) => feed('Head', null, [`Body ${i}.`])).join('\n\n');
    const slugs = parseFeed({ file: 'x.txt', text: different }).articles.map((a) => a.slug);
    expect(new Set(slugs).size).toBe(N / 20);
    expect(slugs.at(-1)).toBe(`head-${N / 20}`);
  });

  it('alternating lines and markers', () => {
    const text = Array.from({ length: N / 4 }, () => 'a\nTT').join('\n');
    const result = parseFeed({ file: 'x.txt', text });
    expect(result.articles.length).toBeGreaterThan(0);
    expect(unaccountedLines(text, result)).toEqual([]);
  });
});
