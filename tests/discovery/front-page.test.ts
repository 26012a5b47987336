import { describe, expect, it } from 'vitest';
import { frontPageLayout } from '../../src/discovery/front-page.ts';
import type { Topic, TopicIndex } from '../../src/discovery/types.ts';

const topic = (name: string): Topic => ({ slug: name.toLowerCase(), name, country: null, kind: 'place' });
const [IRAN, CHINA, PERU] = [topic('Iran'), topic('China'), topic('Peru')];

/** Stories `s0` (newest) … `sN`, each filed under the topics given. */
function fixture(topicsOf: (Topic | null)[]) {
  const stories = topicsOf.map((_, i) => ({ slug: `s${i}`, publishedIso: `2026-02-${String(28 - i).padStart(2, '0')}T00:00:00Z` }));
  const index: TopicIndex = { topics: [IRAN, CHINA, PERU], articlesByTopic: new Map(), topicsByArticle: new Map(stories.map((s, i) => [s.slug, topicsOf[i] ? [topicsOf[i]!] : []])) };
  return { stories, index };
}
const slugs = (list: { slug: string }[]) => list.map((s) => s.slug);

describe('frontPageLayout', () => {
  // s0 leads, s1–s4 are the top stories; the rest make the sections.
  const { stories, index } = fixture([IRAN, IRAN, IRAN, IRAN, IRAN, CHINA, IRAN, CHINA, PERU, IRAN, null, IRAN, IRAN, IRAN]);

  it('places every story once: lead, four top stories, sections, more', () => {
    const layout = frontPageLayout(stories, index, { sections: [], sectionSize: 4 });
    expect(layout.lead?.slug).toBe('s0');
    expect(slugs(layout.top)).toEqual(['s1', 's2', 's3', 's4']);
    const all = [layout.lead!, ...layout.top, ...layout.sections.flatMap((s) => s.stories), ...layout.more];
    expect(slugs(all).sort()).toEqual(slugs(stories).sort());
  });

  it('orders sections by their newest story, caps them at sectionSize, and sends singletons and overflow to more', () => {
    const layout = frontPageLayout(stories, index, { sections: [], sectionSize: 4 });
    expect(layout.sections.map((s) => [s.topic.name, slugs(s.stories)])).toEqual([
      ['China', ['s5', 's7']],
      ['Iran', ['s6', 's9', 's11', 's12']],
    ]);
    // Peru has one story, s10 none, s13 is Iran's fifth: newest first.
    expect(slugs(layout.more)).toEqual(['s8', 's10', 's13']);
  });

  it('puts the editor\'s sections first, in their order, even with one story', () => {
    const layout = frontPageLayout(stories, index, { sections: ['peru', 'Iran'], sectionSize: 3 });
    expect(layout.sections.map((s) => [s.topic.name, s.stories.length])).toEqual([['Peru', 1], ['Iran', 3], ['China', 2]]);
  });

  it('has no lead on an empty page', () => {
    expect(frontPageLayout([], index, { sections: [], sectionSize: 4 })).toEqual({ lead: null, top: [], sections: [], more: [] });
  });
});
