import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topicPages, type TopicPage } from '../../src/discovery/topic-pages.ts';
import type { Topic, TopicIndex } from '../../src/discovery/types.ts';

const topic: Topic = { slug: 'iran', name: 'Iran', country: 'IR', kind: 'place' };

/** One topic whose stories are `dated` (newest first) then `undated` (feed order), as the site model orders them. */
function pagesOf(dated: string[], undated: string[], perPage = 3): TopicPage[] {
  const index: TopicIndex = { topics: [topic], articlesByTopic: new Map([['iran', [...dated, ...undated]]]), topicsByArticle: new Map() };
  return topicPages(index, perPage, new Map(), new Set(undated));
}

const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

describe('topicPages', () => {
  it('pages dated stories from the oldest and undated ones from the first filed, in one chain of links', () => {
    // d10 is the newest dated story; u1 the first undated one filed. Like the dated
    // stories, the undated ones keep one to two pages' worth on the topic's own page.
    const pages = pagesOf(names('d', 10).reverse(), names('u', 10));
    expect(pages.map((p) => [p.url, p.articleSlugs.join(' '), p.newerUrl, p.olderUrl])).toEqual([
      ['/topics/iran/', 'd10 d9 d8 d7 u7 u8 u9 u10', null, '/topics/iran/page/2/'],
      ['/topics/iran/page/2/', 'd6 d5 d4', '/topics/iran/', '/topics/iran/page/1/'],
      ['/topics/iran/page/1/', 'd3 d2 d1', '/topics/iran/page/2/', '/topics/iran/undated/2/'],
      ['/topics/iran/undated/2/', 'u4 u5 u6', '/topics/iran/page/1/', '/topics/iran/undated/1/'],
      ['/topics/iran/undated/1/', 'u1 u2 u3', '/topics/iran/undated/2/', null],
    ]);
    expect(pages.map((p) => p.undated)).toEqual([false, false, false, true, true]);
    expect(pages[0]!.count).toBe(20);
    expect(pages[3]!.range).toEqual({ first: 4, last: 6 });
  });

  it('keeps a small topic on one page, dated stories first', () => {
    const pages = pagesOf(['d2', 'd1'], ['u1']);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.articleSlugs).toEqual(['d2', 'd1', 'u1']);
    expect(pages[0]!.olderUrl).toBeNull();
  });

  it('lists every story exactly once', () => {
    fc.assert(
      fc.property(fc.nat(40), fc.nat(40), fc.integer({ min: 1, max: 6 }), (d, u, perPage) => {
        const dated = names('d', d).reverse();
        const undated = names('u', u);
        const listed = pagesOf(dated, undated, perPage).flatMap((p) => p.articleSlugs);
        expect([...listed].sort()).toEqual([...dated, ...undated].sort());
      }),
    );
  });

  it('changes no archived page\'s stories, and at most the links of two, when a newer dated story or a later undated one is added', () => {
    fc.assert(
      fc.property(fc.nat(40), fc.nat(40), fc.boolean(), fc.integer({ min: 1, max: 6 }), (d, u, addDated, perPage) => {
        const before = pagesOf(names('d', d).reverse(), names('u', u), perPage);
        const after = addDated ? pagesOf(names('d', d + 1).reverse(), names('u', u), perPage) : pagesOf(names('d', d).reverse(), names('u', u + 1), perPage);
        const afterByUrl = new Map(after.map((p) => [p.url, p]));
        const changed = before.filter((p) => p.part !== null && JSON.stringify(afterByUrl.get(p.url)) !== JSON.stringify(p));
        // Only links change, and only where a new archived page joins the chain: the one before it
        // (a new undated page sits between the oldest dated page and the undated ones) and the one after.
        expect(changed.length).toBeLessThanOrEqual(addDated ? 1 : 2);
        for (const page of changed) expect(afterByUrl.get(page.url)!.articleSlugs).toEqual(page.articleSlugs);
        expect(after.length - before.length).toBeGreaterThanOrEqual(0);
        expect(after.length - before.length).toBeLessThanOrEqual(1);
      }),
    );
  });
});
