import { describe, expect, it } from 'vitest';
import { buildGazetteer } from '../../src/discovery/place-names.ts';
import fc from 'fast-check';
import { DEFAULT_RELATED_OPTIONS, relatedArticles, type RelatedOptions } from '../../src/discovery/related.ts';
import { indexTopics } from '../../src/discovery/topics.ts';
import type { Topic, TopicIndex } from '../../src/discovery/types.ts';
import { seedArticles } from './helpers.ts';

/** An index from slug → topic slugs, in the given article order. */
function indexOf(filing: Record<string, string[]>): TopicIndex {
  const topicsByArticle = new Map<string, Topic[]>();
  const articlesByTopic = new Map<string, string[]>();
  for (const [slug, topics] of Object.entries(filing)) {
    topicsByArticle.set(slug, topics.map((t) => ({ slug: t, name: t, country: null, kind: 'subject' as const })));
    for (const t of topics) {
      const list = articlesByTopic.get(t) ?? [];
      list.push(slug);
      articlesByTopic.set(t, list);
    }
  }
  const topics = [...articlesByTopic.keys()].map((t) => ({ slug: t, name: t, country: null, kind: 'subject' as const }));
  return { topics, topicsByArticle, articlesByTopic };
}

describe('relatedArticles', () => {
  it('ranks a shared rare topic above a shared common one, then nearness', () => {
    const filing = { a: ['common', 'rare'], b: ['common'], c: ['common'], d: ['common', 'rare'], e: [] };
    const related = relatedArticles(Object.keys(filing), indexOf(filing));
    expect(related.get('a')).toEqual(['d', 'b', 'c']);
    expect(related.get('b')).toEqual(['a', 'c', 'd']);
    expect(related.get('e')).toEqual([]);
  });

  it('never relates an article to itself and respects the limit and window', () => {
    const slugs = Array.from({ length: 2000 }, (_, i) => `s${i}`);
    const filing = Object.fromEntries(slugs.map((s) => [s, ['big']]));
    const related = relatedArticles(slugs, indexOf(filing), { limit: 3, window: 5 });
    // Earlier stories only, nearest first; the oldest, with none earlier, takes the nearest later ones.
    expect(related.get('s1000')).toEqual(['s1001', 's1002', 's1003']);
    expect(related.get('s1999')).toEqual(['s1998', 's1997', 's1996']);
    for (const [slug, list] of related) {
      expect(list).not.toContain(slug);
      expect(list.length).toBe(3);
    }
  });

  it('does not change an article\'s related stories when newer stories are added, once it has enough earlier ones', () => {
    const filing: Record<string, string[]> = {};
    for (let i = 0; i < 60; i++) filing[`old${String(59 - i).padStart(2, '0')}`] = i % 3 === 0 ? ['a', 'b'] : i % 3 === 1 ? ['a'] : ['b', 'c'];
    const before = relatedArticles(Object.keys(filing), indexOf(filing));
    const grown = { new2: ['a', 'b'], new1: ['a', 'c'], ...filing };
    const after = relatedArticles(Object.keys(grown), indexOf(grown));
    const changed = Object.keys(filing).filter((slug) => JSON.stringify(before.get(slug)) !== JSON.stringify(after.get(slug)));
    // Only articles short of earlier candidates may gain the new ones: the oldest few.
    for (const slug of changed) expect(Number(slug.slice(3))).toBeLessThan(8);
    expect(changed.length).toBeLessThan(8);
  });

  it('does not change an undated story\'s related stories when undated stories from a later feed are added', () => {
    const filing: Record<string, string[]> = {};
    for (let i = 0; i < 40; i++) filing[`u${String(i).padStart(2, '0')}`] = i % 2 === 0 ? ['a'] : ['a', 'b'];
    const undated = new Set(Object.keys(filing));
    const before = relatedArticles(Object.keys(filing), indexOf(filing), undefined, undated);
    const grown = { ...filing, later1: ['a', 'b'], later2: ['a'] };
    const after = relatedArticles(Object.keys(grown), indexOf(grown), undefined, new Set(Object.keys(grown)));
    const changed = Object.keys(filing).filter((slug) => JSON.stringify(before.get(slug)) !== JSON.stringify(after.get(slug)));
    // Only the first few of the feed, short of earlier candidates, may take later ones.
    for (const slug of changed) expect(Number(slug.slice(1))).toBeLessThan(4);
  });

  it('gives every seed article related articles', () => {
    const articles = seedArticles();
    const index = indexTopics(articles, buildGazetteer());
    const related = relatedArticles(articles.map((a) => a.slug), index);
    for (const a of articles) expect(related.get(a.slug)?.length, a.headline).toBeGreaterThan(0);
  });
});

describe('relatedArticles against the plain version it replaced', () => {
  it('gives the same stories, in the same order, for any filing, window, limit and undated stories', () => {
    const topicNames = ['a', 'b', 'c', 'd', 'e'];
    fc.assert(
      fc.property(
        fc.array(fc.subarray(topicNames), { maxLength: 60 }),
        fc.array(fc.boolean(), { maxLength: 60 }),
        fc.record({ limit: fc.integer({ min: 1, max: 6 }), window: fc.integer({ min: 1, max: 8 }) }),
        (topics, undatedFlags, options) => {
          // Dated stories first, as the site model lists them.
          const slugs = topics.map((_, i) => `s${i}`);
          const undatedFrom = slugs.length - undatedFlags.filter(Boolean).length;
          const undated = new Set(slugs.slice(Math.max(0, undatedFrom)));
          const index = indexOf(Object.fromEntries(slugs.map((slug, i) => [slug, topics[i]!])));
          expect(relatedArticles(slugs, index, options, undated)).toEqual(relatedReference(slugs, index, options, undated));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agrees with it when the topic lists are not in the order of the articles (each story\'s place is then searched for)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.subarray(['a', 'b', 'c']), { maxLength: 40 }),
        fc.record({ limit: fc.integer({ min: 1, max: 6 }), window: fc.integer({ min: 1, max: 8 }) }),
        (topics, options) => {
          const slugs = topics.map((_, i) => `s${i}`);
          const index = indexOf(Object.fromEntries(slugs.map((slug, i) => [slug, topics[i]!])));
          for (const list of index.articlesByTopic.values()) list.reverse();
          expect(relatedArticles(slugs, index, options)).toEqual(relatedReference(slugs, index, options, new Set()));
        },
      ),
      { numRuns: 200 },
    );
  });
});

// The plain version, as first written: a map of scores for each article,
// keyed by slug, and a sort of its candidates. src/discovery/related.ts keeps
// the scores in one array reused for every article and selects the best
// without sorting; the two must agree whole.
function relatedReference(slugs: readonly string[], index: TopicIndex, options: RelatedOptions, undated: ReadonlySet<string>): Map<string, string[]> {
  const datedTotal = slugs.filter((slug) => !undated.has(slug)).length;
  const related = new Map<string, string[]>();
  slugs.forEach((slug, own) => {
    const scores = new Map<string, number>();
    const dated = !undated.has(slug);
    const score = (newer: boolean) => {
      for (const topic of index.topicsByArticle.get(slug) ?? []) {
        const list = index.articlesByTopic.get(topic.slug)!;
        const at = list.indexOf(slug);
        const firstUndated = list.filter((s) => !undated.has(s)).length;
        const weight = dated ? Math.log(1 + (datedTotal - own) / (firstUndated - at)) : Math.log(1 + (own - datedTotal + 1) / (at - firstUndated + 1));
        // Dated: older stories are later in the list; undated: earlier in the feed is earlier.
        const earlier = dated ? [at + 1, Math.min(firstUndated, at + options.window + 1)] : [Math.max(firstUndated, at - options.window), at];
        const later = dated ? [Math.max(0, at - options.window), at] : [at + 1, Math.min(list.length, at + options.window + 1)];
        const [from, to] = newer ? later : earlier;
        for (let i = from!; i < to!; i++) if (list[i] !== slug) scores.set(list[i]!, (scores.get(list[i]!) ?? 0) + weight);
      }
    };
    score(false);
    if (scores.size < options.limit) score(true);
    const ranked = [...scores].map(([other, total]) => ({ other, total, at: slugs.indexOf(other) }));
    ranked.sort((a, b) => b.total - a.total || Math.abs(a.at - own) - Math.abs(b.at - own) || a.at - b.at);
    related.set(slug, ranked.slice(0, options.limit).map((r) => r.other));
  });
  return related;
}
