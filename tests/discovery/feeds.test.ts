import { dateToRfc822 } from '@11ty/eleventy-plugin-rss';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { feedData, jsonFeed } from '../../src/discovery/feeds.ts';
import { rfc822DateTime } from '../../src/discovery/publication-date.ts';
import { article, SITE } from './helpers.ts';

describe('feedData', () => {
  const articles = Array.from({ length: 60 }, (_, i) =>
    article(`a${i}`, { published: `2026-01-${String((i % 28) + 1).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:00:00Z` }),
  );
  articles.push(article('undated', { published: null }));

  it('keeps the newest 50 dated articles, newest first, with absolute URLs', () => {
    const data = feedData(articles, SITE);
    expect(data.items).toHaveLength(50);
    const times = data.items.map((i) => i.date.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(data.items.every((i) => i.url.startsWith('https://news.example/a'))).toBe(true);
    expect(data.updated).toBe(data.items[0]?.published);
    expect(data.urls.atom).toBe('https://news.example/feed.xml');
  });

  it('escapes feed text in the HTML content and drops characters XML forbids', () => {
    const [item] = feedData(
      [article('x', { headline: 'A\u0001B', body: [{ type: 'paragraph', text: '<img src=x onerror=alert(1)> & "q"', line: 1 }] })],
      SITE,
    ).items;
    expect(item?.title).toBe('AB');
    expect(item?.contentHtml).toBe('<p>&#60;img src=x onerror=alert(1)&#62; &#38; &#34;q&#34;</p>');
  });
});

describe('rfc822DateTime', () => {
  it("prints what the RSS plugin prints, in the time's own zone", () => {
    const zones = ['UTC', 'Europe/London', 'Europe/Moscow', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/St_Johns', 'America/Los_Angeles', 'Pacific/Chatham', 'Australia/Lord_Howe'];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2099, 11, 31) }), fc.constantFrom(...zones), (ms, zone) => {
        const time = DateTime.fromMillis(Math.floor(ms / 1000) * 1000, { zone });
        expect(rfc822DateTime(time)).toBe(dateToRfc822(time.toJSDate(), zone));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('jsonFeed', () => {
  it('has the fields JSON Feed 1.1 requires', () => {
    const feed = jsonFeed(feedData([article('a'), article('b', { published: '2026-02-07' })], SITE)) as {
      version: string;
      title: string;
      items: { id: string; content_html: string; date_published: string }[];
    };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe('The Test Gazette');
    expect(feed.items.map((i) => i.id)).toEqual(['https://news.example/a/', 'https://news.example/b/']);
    expect(feed.items[1]?.date_published).toBe('2026-02-07T00:00:00+03:00');
    for (const item of feed.items) expect(typeof item.content_html).toBe('string');
  });
});
