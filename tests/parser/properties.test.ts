/**
 * Property tests: random articles rendered into the scraped feed format —
 * random blank-line runs (some made of spaces or NBSPs), line endings, BOM,
 * photo counts, subheads — parse back to exactly those articles, with every
 * line accounted for; and no input at all makes the parser throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFeed, parseFeeds } from '../../src/parser/index.ts';
import { unaccountedLines } from './accounting.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WORDS = ['river', 'council', 'market', 'talks', 'storm', 'port', 'vote', 'budget', 'city', 'plan', 'water', 'night', 'rail', 'school', 'union'];
const AGENCIES = ['EPA', 'AFP', 'AP', 'Reuters'];

const words = (min: number, max: number) => fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max });
const capitalise = (w: string) => w[0]!.toUpperCase() + w.slice(1);

interface Image { caption: string; credit: string; date: string; line: string }
const image = fc
  .record({ what: words(2, 6), y: fc.integer({ min: 1990, max: 2035 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }), dayFirst: fc.boolean(), agency: fc.constantFrom(...AGENCIES), slash: fc.boolean() })
  .map(({ what, y, m, d, dayFirst, agency, slash }): Image => {
    const when = dayFirst ? `${String(d).padStart(2, '0')} ${MONTHS[m - 1]} ${y}` : `${MONTHS[m - 1]} ${d}, ${y}`;
    const caption = `${capitalise(what.join(' '))} on ${when}.`;
    const credit = slash ? `${agency.toUpperCase()}/${capitalise(what[0]!)} Smith` : agency;
    const date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    return { caption, credit, date, line: slash ? `${caption} ${credit}` : `${caption} (${credit})` };
  });

const paragraph = words(1, 12).map((w) => `The ${w.join(' ')}.`);
const subhead = words(1, 4).map((w) => w.join(' ').toUpperCase());
const block = fc.oneof(
  { weight: 4, arbitrary: paragraph.map((text) => ({ type: 'paragraph' as const, text })) },
  { weight: 1, arbitrary: subhead.map((text) => ({ type: 'subhead' as const, text })) },
);
const article = fc.record({
  headline: words(2, 8).map((w) => w.map(capitalise).join(' ')),
  images: fc.uniqueArray(image, { maxLength: 3, selector: (i) => i.caption }),
  weekday: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
  lede: paragraph,
  rest: fc.array(block, { maxLength: 6 }),
});
type Article = typeof article extends fc.Arbitrary<infer T> ? T : never;

const blank = fc.constantFrom('', '', ' ', '\t', '\u00A0', ' \u00A0 ');
const blanks = (min: number, max: number) => fc.array(blank, { minLength: min, maxLength: max });
const feed = fc.record({
  articles: fc.uniqueArray(article, { minLength: 1, maxLength: 6, selector: (a) => a.headline }),
  eol: fc.constantFrom('\n', '\r\n', '\r'),
  bom: fc.boolean(),
  lead: blanks(0, 3),
  gaps: fc.array(blanks(1, 5), { minLength: 6, maxLength: 6 }),
  tight: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
  finalNewline: fc.boolean(),
});

function lede(a: Article): string {
  return a.weekday === null ? a.lede : `${a.lede.slice(0, -1)} said on ${WEEKDAYS[a.weekday]}.`;
}

type Feed = typeof feed extends fc.Arbitrary<infer T> ? T : never;

function render(f: Feed): string {
  const lines: string[] = [...f.lead];
  f.articles.forEach((a, k) => {
    const captions = a.images.flatMap((i) => [i.line, i.line]);
    lines.push(a.headline, '', ...captions, 'TT', '', a.headline, '', ...captions, '');
    [lede(a), ...a.rest.map((b) => b.text)].forEach((text, i) => {
      lines.push(text);
      if (!f.tight[i % f.tight.length]) lines.push('');
    });
    if (k < f.articles.length - 1) lines.push(...f.gaps[k % f.gaps.length]!);
  });
  return (f.bom ? '\uFEFF' : '') + lines.join(f.eol) + (f.finalNewline ? f.eol : '');
}

/** The publication date by the rule, computed independently with Date. */
function expectedPublished(a: Article): string | null {
  if (a.weekday === null || a.images.length === 0) return null;
  const latest = a.images.map((i) => i.date).sort().at(-1)!;
  const day = new Date(`${latest}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + ((a.weekday - day.getUTCDay() + 7) % 7));
  return day.toISOString().slice(0, 10);
}

describe('parser properties', () => {
  it('parses rendered feeds back to the articles they were made from', () => {
    fc.assert(
      fc.property(feed, (f) => {
        const text = render(f);
        const result = parseFeed({ file: 'gen.txt', text });
        expect(result.diagnostics).toEqual([]);
        expect(result.articles.map((r) => ({ headline: r.headline, images: r.images.map(({ caption, credit, date }) => ({ caption, credit, date })), body: r.body.map(({ type, text }) => ({ type, text })), published: r.published }))).toEqual(
          f.articles.map((a) => ({
            headline: a.headline,
            images: a.images.map(({ caption, credit, date }) => ({ caption, credit, date })),
            body: [{ type: 'paragraph', text: lede(a) }, ...a.rest],
            published: expectedPublished(a),
          })),
        );
        expect(unaccountedLines(text, result)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  const line = fc.oneof(
    fc.constantFrom('TT', '', ' ', '---', 'Head', 'Cap (EPA)', 'Cap (EPA)', 'REUTERS/', '(', ')'),
    fc.string({ maxLength: 30 }),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
  );
  const junk = fc.tuple(fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r')).map(([lines, eol]) => lines.join(eol));

  it('never throws, and accounts for every line, on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(junk, fc.string({ unit: 'binary', maxLength: 300 })), (text) => {
        const result = parseFeed({ file: 'junk.txt', text });
        expect(JSON.parse(JSON.stringify(result))).toEqual(result);
        expect(unaccountedLines(text, result)).toEqual([]);
        for (const a of result.articles) expect(a.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on many arbitrary files at once', () => {
    fc.assert(
      fc.property(fc.array(junk, { maxLength: 4 }), (texts) => {
        const result = parseFeeds(texts.map((text, i) => ({ file: `f${i}.txt`, text })));
        expect(new Set(result.articles.map((a) => a.slug)).size).toBe(result.articles.length);
      }),
      { numRuns: 100 },
    );
  });
});
