import { describe, expect, it } from 'vitest';
import { absoluteUrl } from '../../src/discovery/absolute-url.ts';
import { pageMetadata } from '../../src/discovery/page-metadata.ts';
import { shortenText } from '../../src/text.ts';
import { article, SITE } from './helpers.ts';

describe('pageMetadata', () => {
  it('describes an article page for search engines and social cards', () => {
    const a = article('a', {
      summary: 'A lede.',
      byline: 'Jane Roe',
      images: [{ caption: 'A street', credit: null, picture: { src: '/img/a.jpg', width: 10, height: 10 } }],
    });
    const meta = pageMetadata({ url: a.url, title: a.headline, article: a, topics: [{ slug: 'iran', name: 'Iran', country: 'IR', kind: 'place' }] }, SITE);
    expect(meta.title).toBe('Headline a | The Test Gazette');
    expect(meta.description).toBe('A lede.');
    expect(meta.canonical).toBe('https://news.example/a/');
    expect(meta.openGraph).toEqual([
      ['og:type', 'article'],
      ['og:site_name', 'The Test Gazette'],
      ['og:title', 'Headline a'],
      ['og:description', 'A lede.'],
      ['og:url', 'https://news.example/a/'],
      ['og:locale', 'en'],
      ['og:image', 'https://news.example/img/a.jpg'],
      ['og:image:alt', 'A street'],
      ['article:published_time', '2026-02-08T00:00:00+03:00'],
      ['article:author', 'Jane Roe'],
      ['article:tag', 'Iran'],
    ]);
    expect(meta.twitter[0]).toEqual(['twitter:card', 'summary_large_image']);
    expect(meta.alternates.map((l) => l.type)).toEqual(['application/atom+xml', 'application/rss+xml', 'application/feed+json']);
  });

  it('describes other pages as websites with the site description', () => {
    const meta = pageMetadata({ url: '/', title: null }, SITE);
    expect(meta.title).toBe('The Test Gazette');
    expect(meta.description).toBe('News for tests.');
    expect(meta.openGraph[0]).toEqual(['og:type', 'website']);
    expect(meta.twitter[0]).toEqual(['twitter:card', 'summary']);
  });
});

it.each([
  ['short text', 'short text', 20],
  ['one two three four', 'one two three…', 15],
  ['abcdefghijklmnopqrstuvwxyz', 'abcdefghi…', 10],
  ['a\n  b', 'a b', 10],
  ['😀'.repeat(300), `${'😀'.repeat(199)}…`, 200],
])('shortenText(%j)', (text, expected, max) => expect(shortenText(text, max)).toBe(expected));

describe('absoluteUrl', () => {
  it.each([
    ['/a/b/', 'https://x.org', 'https://x.org/a/b/'],
    ['/a/', 'https://x.org/news', 'https://x.org/news/a/'],
    ['/a/', 'https://x.org/news/', 'https://x.org/news/a/'],
    ['/', 'https://x.org', 'https://x.org/'],
    ['/é b/', 'https://x.org', 'https://x.org/%C3%A9%20b/'],
    ['/a/./b/../c/', 'https://x.org', 'https://x.org/a/c/'],
    ['https://cdn.example/p.png', 'https://x.org', 'https://cdn.example/p.png'],
  ])('%s on %s', (path, base, expected) => expect(absoluteUrl(path, base)).toBe(expected));
});
