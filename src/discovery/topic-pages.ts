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
  /** Root-relative URL: `/topics/<slug>/`, or `/topics/<slug>/page/<part>/` for an archived page. */
  url: string;
  /** Null for the topic's own page; 1 (the oldest) to `archived` for archived pages. */
  part: number | null;
  /** Newest first. */
  articleSlugs: string[];
  /** Total articles in the topic, on its own page only (archived pages must not change when one is added). */
  count: number | null;
  /** Positions of this page's stories counted from the topic's first, on archived pages: 1–50, 51–100… */
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
 */
export function topicUrl(topic: Pick<Topic, 'slug'>, part: number | null = null): string {
  return routeOfTopic(topic.slug, part);
}

/**
 * Every topic page, topics in index order: each topic's own page with its
 * newest stories, then its archived pages of exactly `perPage` stories,
 * counted from its first story (src/routes.ts topicPaging), so that a new
 * story changes the topic's own page and, once in `perPage` stories, adds
 * one archived page and changes the link on the one before it.
 *
 * @example
 * topicPages(index, 50)[0]?.url // => '/topics/ukraine/'
 */
export function topicPages(index: TopicIndex, perPage = TOPIC_PAGE_SIZE, descriptions: ReadonlyMap<string, string> = new Map()): TopicPage[] {
  const pages: TopicPage[] = [];
  for (const topic of index.topics) {
    const description = descriptions.get(topic.slug) ?? null;
    const feeds = topicFeedUrls(topic.slug);
    const slugs = index.articlesByTopic.get(topic.slug) ?? [];
    const { archived, onMain } = topicPaging(slugs.length, perPage);
    pages.push({
      topic,
      url: topicUrl(topic),
      part: null,
      articleSlugs: slugs.slice(0, onMain),
      count: slugs.length,
      range: null,
      newerUrl: null,
      olderUrl: archived > 0 ? topicUrl(topic, archived) : null,
      description,
      feeds,
    });
    for (let part = archived; part >= 1; part--) {
      // Oldest-first positions [(part-1)·perPage, part·perPage) are, in the newest-first list, these:
      const end = slugs.length - (part - 1) * perPage;
      pages.push({
        topic,
        url: topicUrl(topic, part),
        part,
        articleSlugs: slugs.slice(end - perPage, end),
        count: null,
        range: { first: (part - 1) * perPage + 1, last: part * perPage },
        newerUrl: part === archived ? topicUrl(topic) : topicUrl(topic, part + 1),
        olderUrl: part > 1 ? topicUrl(topic, part - 1) : null,
        description,
        feeds,
      });
    }
  }
  return pages;
}
