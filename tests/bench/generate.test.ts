import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateArticles, generateFeed, generateFeedOfSize, parseByteSize, writeFeeds } from '../../bench/generate.ts';
import { parseFeeds } from '../../src/parser/index.ts';

describe('bench feed generator', () => {
  it('builds the same bytes from the same seed, and different bytes from another', () => {
    const a = generateFeed({ articles: 50, seed: 7 });
    expect(generateFeed({ articles: 50, seed: 7 })).toBe(a);
    expect(generateFeed({ articles: 50, seed: 8 })).not.toBe(a);
    // A longer feed starts with the shorter one's articles.
    expect(generateFeed({ articles: 60, seed: 7 }).startsWith(a.trimEnd())).toBe(true);
  });

  it('parses back to exactly the articles it generated', () => {
    const model = generateArticles({ articles: 120, seed: 11 });
    const parsed = parseFeeds([{ file: 'generated.txt', text: generateFeed({ articles: 120, seed: 11 }) }]);
    expect(parsed.diagnostics).toEqual([]);
    expect(
      parsed.articles.map((a) => ({
        headline: a.headline,
        images: a.images.map(({ caption, credit, date }) => ({ caption, credit, date })),
        body: a.body.map(({ type, text }) => ({ type, text })),
        published: a.published,
        dir: a.dir,
      })),
    ).toEqual(model.map(({ headline, images, body, published, dir }) => ({
      headline,
      images: images.map(({ caption, credit, date }) => ({ caption, credit, date })),
      body,
      published,
      dir,
    })));
  });

  it('writes every article in the scraped layout: headline, captions twice, TT, and all again', () => {
    const articles = generateArticles({ articles: 200, seed: 3 });
    expect(articles).toHaveLength(200);
    expect(new Set(articles.map((a) => a.headline)).size).toBe(200);
    for (const { headline, images, lines } of articles) {
      const captions = images.flatMap((image) => [image.raw, image.raw]);
      const head = [headline, '', ...captions, 'TT', '', headline, '', ...captions];
      expect(lines.slice(0, head.length)).toEqual(head);
      expect(lines.filter((line) => line === 'TT')).toHaveLength(1);
    }
    const feed = generateFeed({ articles: 200, seed: 3 });
    expect(feed.split('\n').filter((line) => line === 'TT')).toHaveLength(200);
  });

  it('covers the format variants the parser must handle', () => {
    const articles = generateArticles({ articles: 400, seed: 1 });
    const images = articles.flatMap((a) => a.images);
    const photoCounts = new Set(articles.map((a) => a.images.length));
    expect([...photoCounts].sort()).toEqual([0, 1, 2]);
    expect(images.some((i) => i.raw.endsWith(' (EPA)'))).toBe(true);
    expect(images.some((i) => /REUTERS\/[A-Z][a-z]+ [A-Z][a-z]+$/.test(i.raw))).toBe(true);
    expect(images.some((i) => /\(Photo by [A-Z ]+ \/ AFP\)$/.test(i.raw))).toBe(true);
    expect(images.some((i) => /, \d\d [A-Z][a-z]+ \d{4}\./.test(i.caption))).toBe(true);
    expect(images.some((i) => / [A-Z][a-z]+ \d{1,2}, \d{4}\./.test(i.caption))).toBe(true);
    expect(articles.some((a) => a.dir === 'rtl')).toBe(true);
    expect(articles.some((a) => a.body.some((b) => b.type === 'subhead' && b.text === b.text.toUpperCase()))).toBe(true);
    // Two paragraphs on consecutive lines, with no blank between.
    const bodyLines = (a: (typeof articles)[number]) => a.lines.slice(a.lines.indexOf('TT') + 4 + 2 * a.images.length);
    expect(articles.some((a) => bodyLines(a).some((line, i, body) => line !== '' && (body[i + 1] ?? '') !== ''))).toBe(true);
  });

  it('names the publication weekday in the lede, 0–3 days after the latest caption date', () => {
    const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
    for (const article of generateArticles({ articles: 300, seed: 5 })) {
      const dates = article.images.map((i) => i.date).filter((d): d is string => d !== null).sort();
      if (article.published === null) {
        expect(dates).toEqual([]);
        continue;
      }
      const published = new Date(`${article.published}T00:00:00Z`);
      const named = article.body[0]!.text.match(new RegExp(weekdays.join('|'), 'g'));
      expect(named).toEqual([weekdays[published.getUTCDay()]]);
      const lag = (published.getTime() - Date.parse(`${dates.at(-1)}T00:00:00Z`)) / 86_400_000;
      expect(lag).toBeGreaterThanOrEqual(0);
      expect(lag).toBeLessThanOrEqual(3);
    }
  });

  it('writes N articles across feed files, deterministically named', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'broadsheet-gen-'));
    try {
      const result = await writeFeeds({ dir: join(dir, 'feeds'), articles: 120, seed: 2, perFile: 50 });
      expect(result.files.map((f) => f.slice(-24))).toEqual(
        (await writeFeeds({ dir: join(dir, 'again'), articles: 120, seed: 2, perFile: 50 })).files.map((f) => f.slice(-24)),
      );
      expect(result.files).toHaveLength(3);
      expect(result.files[0]).toMatch(/000_[0-9a-f]{16}\.txt$/);
      const texts = await Promise.all(result.files.map((f) => readFile(f, 'utf8')));
      expect(texts.map((t) => t.split('\n').filter((l) => l === 'TT').length)).toEqual([50, 50, 20]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('generates a feed of at least the asked size, in whole articles', () => {
    const { text, articles } = generateFeedOfSize({ bytes: 200_000, seed: 1 });
    expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(200_000);
    expect(text.split('\n').filter((l) => l === 'TT')).toHaveLength(articles);
    expect(parseByteSize('50MB')).toBe(50_000_000);
    expect(parseByteSize('1.5k')).toBe(1500);
    expect(() => parseByteSize('lots')).toThrow(/not a size/);
  });
});
