/**
 * Pages built on the topic index: `/topics/<slug>/` (paginated, so a topic
 * with thousands of stories stays a light page), the `/topics/` list, and the
 * home page's sections by topic.
 */
import type { Topic, TopicIndex } from './types.ts';
import { TOPIC_PAGE_SIZE, topicUrl as routeOfTopic } from '../routes.ts';

/** One page of one topic, ready for Eleventy to paginate over with size 1. */
export interface TopicPage {
  topic: Topic;
  /** Root-relative URL: `/topics/<slug>/`, then `/topics/<slug>/page/2/`. */
  url: string;
  /** 1-based. */
  pageNumber: number;
  pageCount: number;
  articleSlugs: string[];
  /** Total articles in the topic. */
  count: number;
  previousUrl: string | null;
  nextUrl: string | null;
}

/**
 * A topic page's URL.
 *
 * @example
 * topicUrl({ slug: 'iran' }, 2) // => '/topics/iran/page/2/'
 */
export function topicUrl(topic: Pick<Topic, 'slug'>, pageNumber = 1): string {
  return routeOfTopic(topic.slug, pageNumber);
}

/**
 * Every topic page, topics in index order.
 *
 * @example
 * topicPages(index, 50)[0]?.url // => '/topics/ukraine/'
 */
export function topicPages(index: TopicIndex, perPage = TOPIC_PAGE_SIZE): TopicPage[] {
  const pages: TopicPage[] = [];
  for (const topic of index.topics) {
    const slugs = index.articlesByTopic.get(topic.slug) ?? [];
    const pageCount = Math.max(1, Math.ceil(slugs.length / perPage));
    for (let n = 1; n <= pageCount; n++) {
      pages.push({
        topic,
        url: topicUrl(topic, n),
        pageNumber: n,
        pageCount,
        articleSlugs: slugs.slice((n - 1) * perPage, n * perPage),
        count: slugs.length,
        previousUrl: n > 1 ? topicUrl(topic, n - 1) : null,
        nextUrl: n < pageCount ? topicUrl(topic, n + 1) : null,
      });
    }
  }
  return pages;
}

export interface TopicSection {
  /** Null for stories with no topic ("More news"). */
  topic: Topic | null;
  articleSlugs: string[];
}

/**
 * Groups the home page's stories (after the lead) under each story's first
 * topic, so every story appears once. Sections come in the order of their
 * newest story; stories without a topic close the page.
 *
 * @example
 * groupByTopic(['b', 'c'], index).map((s) => s.topic?.name ?? null) // => ['Russia', 'China']
 */
export function groupByTopic(orderedSlugs: readonly string[], index: TopicIndex): TopicSection[] {
  const sections = new Map<string, TopicSection>();
  const untopical: string[] = [];
  for (const slug of orderedSlugs) {
    const topic = index.topicsByArticle.get(slug)?.[0];
    if (!topic) {
      untopical.push(slug);
      continue;
    }
    const section = sections.get(topic.slug);
    if (section) section.articleSlugs.push(slug);
    else sections.set(topic.slug, { topic, articleSlugs: [slug] });
  }
  const result = [...sections.values()];
  if (untopical.length) result.push({ topic: null, articleSlugs: untopical });
  return result;
}
