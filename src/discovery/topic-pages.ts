/**
 * Pages built on the topic index: `/topics/<slug>/` (paginated, so a topic
 * with thousands of stories stays a light page), the `/topics/` list, and the
 * home page's sections by topic.
 */
import type { Topic, TopicIndex } from './types.ts';
import { TOPIC_PAGE_SIZE, topicFeedUrls, topicPaging, topicUrl as routeOfTopic } from '../routes.ts';

/** One page of one topic, ready for Eleventy to paginate over with size 1. */
export interface TopicPage {
  topic: Topic;
  /** Root-relative URL: `/topics/<slug>/`, or `/topics/<slug>/page/<part>/` (`/undated/<part>/`) for an archived page. */
  url: string;
  /** Null for the topic's own page; 1 (the oldest, or the first undated in feed order) up for archived pages. */
  part: number | null;
  /** True on an archived page of undated stories (`/topics/<slug>/undated/<part>/`). */
  undated: boolean;
  /** Newest first; undated stories after the dated ones, in feed order. */
  articleSlugs: string[];
  /** Total articles in the topic, on its own page only (archived pages must not change when one is added). */
  count: number | null;
  /** Positions of this page's stories counted from the topic's first (dated, or undated), on archived pages: 1–50, 51–100… */
  range: { first: number; last: number } | null;
  /** The page of newer stories (none on the topic's own page). */
  newerUrl: string | null;
  /** The page of older stories. */
  olderUrl: string | null;
  /** A sentence about the topic: the editor's, or the data's (a country's region and capital), or null. */
  description: string | null;
  /** The topic's own feeds. */
  feeds: { atom: string; json: string };
}

/**
 * A topic page's URL.
 *
 * @example
 * topicUrl({ slug: 'iran' }) // => '/topics/iran/'
 * topicUrl({ slug: 'iran' }, 2) // => '/topics/iran/page/2/'
 * topicUrl({ slug: 'iran' }, 1, true) // => '/topics/iran/undated/1/'
 */
export function topicUrl(topic: Pick<Topic, 'slug'>, part: number | null = null, undated = false): string {
  return routeOfTopic(topic.slug, part, undated);
}

/**
 * Every topic page, topics in index order: each topic's own page with its
 * newest stories, then its archived pages of exactly `perPage` stories.
 *
 * A topic's stories arrive newest first, dated before undated. The two are
 * paged apart (src/routes.ts topicPaging), so that no page shifts when a
 * story is added at either end:
 *
 * - dated stories on archived pages counted from the oldest
 *   (`/topics/<slug>/page/1/`); a new story is the newest, so it changes
 *   the topic's own page and, once in `perPage` stories, adds one archived
 *   page and changes the link on the one before it;
 * - undated stories, in feed order, on archived pages counted from the
 *   first in feed order (`/topics/<slug>/undated/1/`); a new feed file's
 *   undated stories come last in that order, so they too change only the
 *   topic's own page and, once in `perPage`, add a page.
 *
 * The topic's own page lists what is left of each: the newest dated
 * stories, then the last undated ones. Counted together, an undated story
 * would sit after the oldest dated one and shift every archived page.
 *
 * @example
 * topicPages(index, 50)[0]?.url // => '/topics/ukraine/'
 */
export function topicPages(
  index: TopicIndex,
  perPage = TOPIC_PAGE_SIZE,
  descriptions: ReadonlyMap<string, string> = new Map(),
  undated: ReadonlySet<string> = new Set(),
): TopicPage[] {
  const pages: TopicPage[] = [];
  for (const topic of index.topics) {
    const description = descriptions.get(topic.slug) ?? null;
    const feeds = topicFeedUrls(topic.slug);
    const slugs = index.articlesByTopic.get(topic.slug) ?? [];
    // Dated stories come first in the list, so the undated ones are its tail.
    let firstUndated = slugs.length;
    while (firstUndated > 0 && undated.has(slugs[firstUndated - 1]!)) firstUndated--;
    const dated = slugs.slice(0, firstUndated);
    const unknown = slugs.slice(firstUndated);
    const datedPaging = topicPaging(dated.length, perPage);
    const undatedPaging = topicPaging(unknown.length, perPage);
    // Archived pages from newest to oldest: dated ones, then undated ones, each newest part first.
    const chain: { part: number; undated: boolean }[] = [];
    for (let part = datedPaging.archived; part >= 1; part--) chain.push({ part, undated: false });
    for (let part = undatedPaging.archived; part >= 1; part--) chain.push({ part, undated: true });
    const urlOf = (at: number): string | null => {
      const link = chain[at];
      return link ? topicUrl(topic, link.part, link.undated) : null;
    };
    pages.push({
      topic,
      url: topicUrl(topic),
      part: null,
      undated: false,
      articleSlugs: [...dated.slice(0, datedPaging.onMain), ...unknown.slice(undatedPaging.archived * perPage)],
      count: slugs.length,
      range: null,
      newerUrl: null,
      olderUrl: urlOf(0),
      description,
      feeds,
    });
    chain.forEach(({ part, undated: isUndated }, at) => {
      // Dated: oldest-first positions [(part-1)·perPage, part·perPage) of the newest-first list.
      // Undated: feed-order positions, which is the list's own order.
      const end = dated.length - (part - 1) * perPage;
      pages.push({
        topic,
        url: topicUrl(topic, part, isUndated),
        part,
        undated: isUndated,
        articleSlugs: isUndated ? unknown.slice((part - 1) * perPage, part * perPage) : dated.slice(end - perPage, end),
        count: null,
        range: { first: (part - 1) * perPage + 1, last: part * perPage },
        newerUrl: at === 0 ? topicUrl(topic) : urlOf(at - 1),
        olderUrl: urlOf(at + 1),
        description,
        feeds,
      });
    });
  }
  return pages;
}
