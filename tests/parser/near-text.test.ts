/** The tests the splitter uses to tell an edited copy from another line, and a headline from a paragraph. */
import { describe, expect, it } from 'vitest';
import { looksLikeHeadline, nearlyEqual, quoteShort, similarHeadlines } from '../../src/parser/near-text.ts';

describe('nearlyEqual', () => {
  it.each([
    ['Smoke rises over Kyiv, May 3, 2025. (EPA)', 'Smoke rises over Kiev, May 3, 2025. (EPA)', true],
    ['Firefighters battle flames near Athens, 20 July 2026. (EPA)', 'Firefighters battle flames near Athnes, 20 July 2026. (EPA)', true],
    ['Cars lie in mud in Valencia, Spain, October 30. REUTERS/Eva Manez', 'Cars lie in the mud in Valencia, Spain, October 30. REUTERS/Eva Manez', true],
    ['Smoke rises over Kyiv.', 'Talks resume in Geneva.', false],
    ['Short line', 'Short lane', false],
    ['A government spokesperson did not respond to a request for comment.', 'Leaders arrive in Rome, Italy, 5 May 2026. (AP)', false],
  ])('%j vs %j: %s', (a, b, expected) => {
    expect(nearlyEqual(a, b)).toBe(expected);
    expect(nearlyEqual(b, a)).toBe(expected);
  });
});

describe('similarHeadlines', () => {
  it('takes a headline with words changed for a copy, and a different headline for none', () => {
    expect(similarHeadlines('Factory Blast Kills 9 in Northern China', 'Factory Explosion Kills 8 in Northern China')).toBe(true);
    expect(similarHeadlines('Spain opened its largest solar plant on Tuesday.', 'Solar Plant Opens')).toBe(false);
  });
});

describe('looksLikeHeadline', () => {
  it.each([
    ['Factory Explosion Kills 8 in Northern China', true],
    ['Is This the End of Cheap Flights?', true],
    ['"We Will Not Surrender"', true],
    ['He did not say how many troops would be involved.', false],
    ['"We will wait for every vote."', false],
    ['MONTHS OF TALKS', false],
    ['word '.repeat(40).trim(), false],
  ])('%j: %s', (text, expected) => {
    expect(looksLikeHeadline(text)).toBe(expected);
  });
});

describe('quoteShort', () => {
  it('cuts at a code point, never inside a surrogate pair', () => {
    const text = '😀'.repeat(100);
    const cut = quoteShort(text, 10);
    expect(Array.from(cut)).toHaveLength(10);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
