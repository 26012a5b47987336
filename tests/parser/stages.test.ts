/** Each parser stage alone, table-driven where the rule is a table. */
import { describe, expect, it } from 'vitest';
import { countWords, isSubhead } from '../../src/parser/body-blocks.ts';
import { readFrontMatter } from '../../src/parser/front-matter.ts';
import { normaliseLines } from '../../src/parser/normalise-lines.ts';
import { inferPublishedDate } from '../../src/parser/published-date.ts';
import { slugify, uniqueSlugs } from '../../src/parser/slugs.ts';
import { splitArticles } from '../../src/parser/split-articles.ts';
import { detectDirection } from '../../src/parser/text-direction.ts';
import type { FeedLines } from '../../src/types.ts';

/** The non-blank lines a stage hands on, as text and 1-based line number. */
const rowsOf = (lines: FeedLines) => Array.from(lines.rows, (i) => ({ text: lines.texts[i], line: i + 1 }));

describe('normaliseLines', () => {
  it.each([
    ['\uFEFFa', ['a']],
    ['a\r\nb\rc\nd', ['a', 'b', 'c', 'd']],
    ['  a\t\tb\u00A0 c  ', ['a b c']],
    ['\u00A0\u2003\t', ['']],
    ['a\n', ['a', '']],
    ['', ['']],
  ])('%j', (text, expected) => {
    expect(normaliseLines(text).texts).toEqual(expected);
  });

  it('numbers lines from 1 whatever the line ending', () => {
    const lines = normaliseLines('a\r\n\r\nb');
    expect(lines.texts).toEqual(['a', '', 'b']);
    expect(rowsOf(lines)).toEqual([{ text: 'a', line: 1 }, { text: 'b', line: 3 }]);
  });

  it('hands on the non-blank lines and flags those that may be right-to-left', () => {
    const lines = normaliseLines('Head\n \u00A0\nقال  x\n\n two  spaces \nשלום\nlast\t');
    expect(lines.texts).toEqual(['Head', '', 'قال x', '', 'two spaces', 'שלום', 'last']);
    expect(Array.from(lines.rows)).toEqual([0, 2, 4, 5, 6]);
    expect(Array.from(lines.maybeRtl)).toEqual([0, 0, 1, 0, 0, 1, 0]);
  });
});

describe('isSubhead', () => {
  it.each([
    ["'VERY SPECIFIC SUBSTANCE'", true],
    ['MONTHS OF TALKS', true],
    ['ÉTAT D’URGENCE', true],
    ['COVID-19: WHAT NEXT?', true],
    ['Months of talks', false],
    ['He said "NO."', false],
    ['A', false],
    ['2026', false],
    ['قال الناتو NATO', false],
    ['北京 NEWS', false],
    ['ΕΚΛΟΓΕΣ ΣΤΗΝ ΕΛΛΑΔΑ', true],
  ])('%s → %s', (text, expected) => {
    expect(isSubhead(text)).toBe(expected);
  });
});

describe('countWords', () => {
  it.each([
    ["Kyiv's allies - 100,000 troops", 4],
    ['co-chair, 2.5 per cent.', 4],
    ['— … !', 0],
    ['قال مسؤولو الناتو', 3],
  ])('%s → %i', (text, n) => {
    expect(countWords([{ type: 'paragraph', text, line: 1 }])).toBe(n);
  });
});

describe('slugify and uniqueSlugs', () => {
  it.each([
    ['Factory Explosion Kills 8 in Northern China', 'factory-explosion-kills-8-in-northern-china'],
    ['Café Owners Protest in São Paulo', 'cafe-owners-protest-in-sao-paulo'],
    ['Straße — “Quotes” & <tags>', 'strasse-quotes-tags'],
  ])('%s', (headline, slug) => {
    expect(slugify(headline)).toBe(slug);
  });

  it('transliterates other scripts into readable ASCII slugs, and never returns an empty one', () => {
    expect(slugify('انفجار في مصنع شمال الصين')).toBe('anfjar-fy-msna-shmal-alsyn');
    expect(slugify('Москва заявила о переговорах')).toBe('moskva-zayavila-o-peregovorah');
    expect(slugify('عنوان آخر')).not.toBe(slugify('انفجار في مصنع شمال الصين'));
    // Nothing to spell: a stable hash.
    expect(slugify('!!!')).toMatch(/^article-[0-9a-f]{8}$/);
    expect(slugify('!!!')).toBe(slugify('!!!'));
  });

  it('does not split words at apostrophes', () => {
    expect(slugify("Parliament's Vote Delayed")).toBe('parliaments-vote-delayed');
    expect(slugify('Putin’s Rivals Don’t Agree')).toBe('putins-rivals-dont-agree');
    // A quote mark that is not inside a word still separates.
    expect(slugify("'Very specific' substance")).toBe('very-specific-substance');
  });

  it('cuts long headlines at a word boundary', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^word(-word)*$/);
  });

  it('suffixes repeats in order', () => {
    expect(uniqueSlugs(['a', 'b', 'a', 'a', 'a-2'])).toEqual(['a', 'b', 'a-2', 'a-3', 'a-2-2']);
  });
});

describe('detectDirection', () => {
  it.each([
    [['انفجار في مصنع'], 'rtl'],
    [['NATO: انفجار في مصنع شمال الصين'], 'rtl'],
    [['פיצוץ במפעל'], 'rtl'],
    [['Factory blast', 'in Hefei'], 'ltr'],
    [['Дума приняла закон'], 'ltr'],
    [['12345'], 'ltr'],
  ] as const)('%j → %s', (texts, dir) => {
    expect(detectDirection(texts)).toBe(dir);
  });
});

describe('inferPublishedDate', () => {
  it.each([
    ['said on Sunday', ['2026-02-06'], '2026-02-08'],
    ['reported Sunday', ['2026-02-04'], '2026-02-08'],
    ['met on Thursday', ['2025-09-04'], '2025-09-04'],
    ['said on Wednesday', ['2026-01-01', '2026-01-05'], '2026-01-07'],
    ['said on Monday, not Friday', ['2026-01-02'], '2026-01-05'],
    ['no weekday here', ['2026-01-02'], null],
    ['said on Sunday', [null], null],
    ['said on sunday (lower case is not a name)', ['2026-01-02'], null],
  ] as const)('%s after %j → %s', (lede, dates, expected) => {
    expect(inferPublishedDate(lede, dates)).toBe(expected);
  });

  it('has no date without a lede', () => {
    expect(inferPublishedDate(undefined, ['2026-01-02'])).toBeNull();
  });
});

describe('readFrontMatter', () => {
  const read = (text: string) => readFrontMatter(normaliseLines(text), 'f.txt');

  it('reads the defaults and hands on the remaining lines with their numbers', () => {
    const result = read('---\nsource: Wire\nlang: ar\ntime_zone: Asia/Dubai\ndate: 2026-02-08\n---\nHead');
    expect(result.meta).toEqual({ sourceName: 'Wire', lang: 'ar', timeZone: 'Asia/Dubai', published: '2026-02-08' });
    expect(rowsOf(result.lines)).toEqual([{ text: 'Head', line: 7 }]);
    expect(result.diagnostics).toEqual([]);
  });

  it('reports bad YAML, unknown keys, bad zones and dates, and keeps going', () => {
    expect(read('---\nsource: [unclosed\n---\nHead').diagnostics).toMatchObject([{ severity: 'warning', file: 'f.txt', rule: 'front-matter' }]);
    const odd = read('---\nsauce: Wire\ntimeZone: Mars/Base\npublished: someday\n---\n');
    expect(odd.meta).toEqual({ sourceName: null, lang: null, timeZone: null, published: null });
    expect(odd.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [2, expect.stringContaining('unknown front-matter key "sauce"')],
      [3, expect.stringContaining('"Mars/Base" is not an IANA zone')],
      [4, expect.stringContaining('"published" has an unusable value')],
    ]);
  });

  it('refuses a date YAML would roll over, and accepts a quoted or timed one', () => {
    const rolled = read('---\npublished: 2026-02-30\n---\n');
    expect(rolled.meta.published).toBeNull();
    expect(rolled.diagnostics).toMatchObject([{ line: 2, message: expect.stringContaining('unusable value') }]);
    expect(read('---\npublished: "2026-02-08"\n---\n').meta.published).toBe('2026-02-08');
    expect(read('---\npublished: 2026-02-08T02:00:00+04:00\n---\n').meta.published).toBe('2026-02-08');
    expect(read("---\npublished: '2026-02-08 23:30'\n---\n").meta.published).toBe('2026-02-08');
  });

  it('never evaluates a script block and leaves an unclosed block as text', () => {
    const script = read('---js\n{ source: (() => { throw new Error("ran") })() }\n---\nHead');
    expect(script.blockLength).toBe(0);
    expect(script.meta.sourceName).toBeNull();
    const unclosed = read('---\nsource: Wire\nHead');
    expect(rowsOf(unclosed.lines).map((l) => l.text)).toEqual(['---', 'source: Wire', 'Head']);
    expect(unclosed.diagnostics[0]!.message).toContain('never closed');
  });
});

describe('splitArticles', () => {
  const split = (text: string) => {
    const lines = normaliseLines(text);
    const result = splitArticles(lines, 'f.txt');
    const bodies = result.drafts.map((d) => Array.from(d.body, (i) => lines.texts[i]));
    return { ...result, bodies };
  };

  it('reads a header cut off at its marker', () => {
    const { drafts, diagnostics } = split('A\n\nBody of A.\n\nB\n\nCap\nCap\nTT');
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', line: 1, endLine: 3, rule: 'unattached-lines' })]);
    expect(drafts.map((d) => [d.headline.text, d.captions.map((c) => c.text), d.truncated])).toEqual([
      ['B', ['Cap'], 'the feed ends at the "TT" marker'],
    ]);
  });

  it('takes captions seen only before the marker, even repeated more than twice', () => {
    const { drafts, bodies } = split('H\n\nC\nC\nC\nTT\n\nH\n\nC\nC\nC\n\nBody.');
    expect(drafts[0]!.captions.map((c) => c.line)).toEqual([3]);
    expect(bodies[0]).toEqual(['Body.']);
    expect(Array.from(drafts[0]!.body)).toEqual([13]); // line 14, as an index into the lines
  });

  it('takes a doubled caption that only the second copy shows as a photo, not as body', () => {
    const { drafts, bodies } = split('H\n\nA (EPA)\nA (EPA)\nTT\n\nH\n\nA (EPA)\nA (EPA)\nB, 3 May 2025.\nB, 3 May 2025.\n\nBody.\n"Quote."\n"Quote."');
    expect(drafts[0]!.captions.map((c) => [c.text, c.line])).toEqual([['A (EPA)', 3], ['B, 3 May 2025.', 11]]);
    expect(bodies[0]).toEqual(['Body.', '"Quote."', '"Quote."']);
  });

  it.each([
    ['H\n\nTT\n\nH\n\nOne.\nTwo.\n\n"Quote."\n"Quote."', ['One.', 'Two.', '"Quote."', '"Quote."']],
    ['H\n\nTT\n\nH\n\nOne.\n\nTwo.\n\n"Quote."\n"Quote."', ['One.', 'Two.', '"Quote."', '"Quote."']],
    ['H\n\nTT\n\nH\n\nOne.\nTwo.\n\nSeen in Rome. (AP)\nSeen in Rome. (AP)', ['One.', 'Two.', 'Seen in Rome. (AP)', 'Seen in Rome. (AP)']],
  ])('does not take the doubled end of an ordinary body for a header: %j', (text, body) => {
    const { drafts, bodies } = split(text);
    expect(drafts).toHaveLength(1);
    expect(bodies[0]).toEqual(body);
  });
});
