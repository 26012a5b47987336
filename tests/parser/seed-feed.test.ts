/** Acceptance: the seed feed that ships in content/feeds. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/parser/index.ts';

const FILE = 'content/feeds/000_c9096681fbbcbff7.txt';
const text = readFileSync(join(import.meta.dirname, '..', '..', FILE), 'utf8');
const { articles, diagnostics } = parseFeed({ file: FILE, text });

describe('the seed feed', () => {
  it('parses to exactly the four articles, with no diagnostics', () => {
    expect(articles.map((a) => a.headline)).toEqual([
      '26 Nations Vow to Give Ukraine Postwar Security Guarantees, Macron Says',
      'Russia: Man Suspected of Shooting Top General Detained in Dubai',
      'Factory Explosion Kills 8 in Northern China',
      'Iran Warns Will Not Give Up Enrichment Despite US War Threat',
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('gives each article one image with its caption, credit and date', () => {
    expect(articles.map((a) => a.images.map(({ credit, date }) => ({ credit, date })))).toEqual([
      [{ credit: 'EPA', date: '2025-09-04' }],
      [{ credit: 'REUTERS/Anastasia Barashkova', date: '2026-02-06' }],
      [{ credit: 'REUTERS/Florence Lo', date: '2026-02-04' }],
      [{ credit: 'ATTA KENARE / AFP', date: '2026-02-07' }],
    ]);
    expect(articles[3]!.images[0]!.caption).toBe('Traffic moves through a street in Tehran on February 7, 2026.');
    expect(articles[0]!.images[0]!.caption).toMatch(/^Ukraine's President .* 04 September 2025\.$/);
  });

  it('finds the two subheads of the first article and none elsewhere', () => {
    expect(articles.map((a) => a.body.filter((b) => b.type === 'subhead').map((b) => [b.text, b.line]))).toEqual([
      [["'VERY SPECIFIC SUBSTANCE'", 28], ['MONTHS OF TALKS', 46]],
      [],
      [],
      [],
    ]);
  });

  it('infers the publication dates from lede weekdays and caption dates', () => {
    expect(articles.map((a) => a.published)).toEqual(['2025-09-04', '2026-02-08', '2026-02-08', '2026-02-08']);
  });

  it('keeps every body paragraph, one per line, and none that repeats a headline or caption', () => {
    expect(articles.map((a) => a.body.length)).toEqual([26, 5, 8, 5]);
    const repeated = new Set(articles.flatMap((a) => [a.headline, ...a.images.map((i) => i.caption)]));
    for (const a of articles) for (const b of a.body) expect(repeated.has(b.text) || b.text.includes(a.images[0]!.caption)).toBe(false);
    // Two consecutive lines are two paragraphs.
    expect(articles[2]!.body.slice(-2).map((b) => b.line)).toEqual([111, 112]);
  });

  it('records where each article starts and gives unique URL-safe slugs', () => {
    expect(articles.map((a) => a.source.line)).toEqual([1, 66, 88, 115]);
    expect(articles.map((a) => a.slug)).toEqual([
      '26-nations-vow-to-give-ukraine-postwar-security-guarantees-macron-says',
      'russia-man-suspected-of-shooting-top-general-detained-in-dubai',
      'factory-explosion-kills-8-in-northern-china',
      'iran-warns-will-not-give-up-enrichment-despite-us-war-threat',
    ]);
  });
});

/**
 * The two editing slips that used to merge articles silently: one `TT`
 * deleted, and only the first copy of a headline edited. Each still gives
 * the four articles with the clean feed's bodies, and a warning naming the
 * damaged line.
 */
describe('the seed feed with an editing slip', () => {
  const lines = text.split('\n');
  const bodies = (result: ReturnType<typeof parseFeed>) => result.articles.map((a) => a.body.map((b) => b.text));
  const clean = bodies({ articles, diagnostics });

  it('recovers a deleted TT line and names where it is missing', () => {
    const iran = lines.findIndex((l) => l.startsWith('Iran Warns'));
    const marker = lines.indexOf('TT', iran);
    const damaged = parseFeed({ file: FILE, text: lines.filter((_, i) => i !== marker).join('\n') });
    expect(damaged.articles.map((a) => a.headline)).toEqual(articles.map((a) => a.headline));
    expect(bodies(damaged)).toEqual(clean);
    expect(damaged.diagnostics.map((d) => [d.rule, d.line, d.severity])).toEqual([['missing-marker', marker + 2, 'warning']]);
  });

  it('reads a headline edited in its first copy only as one article, warning with both lines', () => {
    const damaged = parseFeed({ file: FILE, text: text.replace('Factory Explosion Kills 8', 'Factory Blast Kills 9') });
    expect(damaged.articles.map((a) => a.headline)).toEqual(articles.map((a) => a.headline));
    expect(bodies(damaged)).toEqual(clean);
    expect(damaged.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', rule: 'headline-mismatch', line: 88, endLine: 94, message: expect.stringContaining("\"Factory Blast Kills 9 in Northern China\" vs \"Factory Explosion Kills 8 in Northern China\"; using line 94's") }),
    ]);
  });
});
