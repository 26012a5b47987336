import { describe, expect, it } from 'vitest';
import { newsSitemapEntries, sitemapEntries, sitemapParts } from '../../src/discovery/sitemaps.ts';
import { article, SITE } from './helpers.ts';

describe('sitemapEntries and sitemapParts', () => {
  const entries = sitemapEntries(
    [
      { url: '/b/', lastmod: '2026-02-08T00:00:00+03:00' },
      { url: '/', lastmod: null },
      { url: '/b/', lastmod: null },
      { url: '/topics/türkiye/', lastmod: null },
    ],
    { url: 'https://example.org/news' },
  );

  it('makes absolute, unique URLs in a stable order', () => {
    expect(entries).toEqual([
      { loc: 'https://example.org/news/', lastmod: null },
      { loc: 'https://example.org/news/b/', lastmod: '2026-02-08T00:00:00+03:00' },
      { loc: 'https://example.org/news/topics/t%C3%BCrkiye/', lastmod: null },
    ]);
  });

  it('is one file up to the limit and an index of parts past it', () => {
    expect(sitemapParts(entries, 3).map((p) => p.url)).toEqual(['/sitemap.xml']);
    const parts = sitemapParts(entries, 2);
    expect(parts.map((p) => [p.url, p.entries.length])).toEqual([
      ['/sitemaps/sitemap-1.xml', 2],
      ['/sitemaps/sitemap-2.xml', 1],
    ]);
  });
});

describe('newsSitemapEntries', () => {
  const articles = [
    article('newest', { published: '2026-02-08' }),
    article('two-days', { published: '2026-02-06' }),
    article('too-old', { published: '2026-02-05T23:59:00+03:00' }),
    article('undated', { published: null }),
    article('arabic', { published: '2026-02-07', lang: 'ar' }),
  ];

  it('holds the articles within two days of the newest, inclusive, newest first', () => {
    const entries = newsSitemapEntries(articles, SITE);
    expect(entries.map((e) => e.loc)).toEqual([
      'https://news.example/newest/',
      'https://news.example/arabic/',
      'https://news.example/two-days/',
    ]);
    expect(entries[0]).toEqual({
      loc: 'https://news.example/newest/',
      title: 'Headline newest',
      publicationDate: '2026-02-08T00:00:00+03:00',
      language: 'en',
    });
    expect(entries[1]?.language).toBe('ar');
  });

  it('takes "now" from the option and leaves out what comes after it', () => {
    const entries = newsSitemapEntries(articles, SITE, { now: '2026-02-07', days: 2, limit: 1000 });
    expect(entries.map((e) => e.loc.split('/')[3])).toEqual(['arabic', 'two-days', 'too-old']);
  });

  it('stops at the limit and rejects a bad --now', () => {
    expect(newsSitemapEntries(articles, SITE, { days: 2, limit: 1 })).toHaveLength(1);
    expect(() => newsSitemapEntries(articles, SITE, { now: 'yesterday', days: 2, limit: 10 })).toThrow(/--now/);
  });
});
