/**
 * Related articles by shared topics, computed for every article at once
 * from the topic index. Each article looks only at its nearest neighbours in
 * each of its topics' lists (which are ordered newest first), so the work is
 * articles × topics × window: linear in the archive, even when one topic
 * holds half of it.
 */
import type { TopicIndex } from './types.ts';

export interface RelatedOptions {
  /** Most related articles per article. */
  limit: number;
  /** Neighbours looked at on each side of the article in each topic's list. */
  window: number;
}

export const DEFAULT_RELATED_OPTIONS: RelatedOptions = { limit: 4, window: 12 };

/**
 * For each article slug, the slugs of its related articles, best first.
 * A shared rare topic counts more than a shared common one (weight
 * `log(1 + articles / articlesInTopic)`); ties go to the article nearer in
 * the list (nearer in time), then to the newer one.
 *
 * @example
 * relatedArticles(['a', 'b', 'c'], index).get('a') // => ['b']
 */
export function relatedArticles(
  orderedSlugs: readonly string[],
  index: TopicIndex,
  options: RelatedOptions = DEFAULT_RELATED_OPTIONS,
): Map<string, string[]> {
  const position = new Map<string, number>();
  orderedSlugs.forEach((slug, i) => position.set(slug, i));
  // Where each article stands in each of its topics' lists, found in one pass.
  const positionInTopic = new Map<string, Map<string, number>>();
  for (const [topic, slugs] of index.articlesByTopic) {
    const places = new Map<string, number>();
    slugs.forEach((slug, i) => places.set(slug, i));
    positionInTopic.set(topic, places);
  }
  const total = orderedSlugs.length;

  const related = new Map<string, string[]>();
  for (const slug of orderedSlugs) {
    const own = position.get(slug) as number;
    const scores = new Map<string, number>();
    for (const topic of index.topicsByArticle.get(slug) ?? []) {
      const list = index.articlesByTopic.get(topic.slug) ?? [];
      const at = positionInTopic.get(topic.slug)?.get(slug);
      if (at === undefined) continue;
      const weight = Math.log(1 + total / list.length);
      const from = Math.max(0, at - options.window);
      const to = Math.min(list.length, at + options.window + 1);
      for (let i = from; i < to; i++) {
        const other = list[i] as string;
        if (other !== slug) scores.set(other, (scores.get(other) ?? 0) + weight);
      }
    }
    related.set(slug, bestOf(scores, options.limit, (other) => position.get(other) ?? 0, own));
  }
  return related;
}

/**
 * The `limit` best candidates: highest score, then nearest in the list, then
 * newer. A selection, not a sort: candidates are few but articles many.
 */
function bestOf(scores: Map<string, number>, limit: number, positionOf: (slug: string) => number, own: number): string[] {
  const ranked: { slug: string; score: number; distance: number; at: number }[] = [];
  const better = (a: (typeof ranked)[number], b: (typeof ranked)[number]) =>
    a.score !== b.score ? a.score > b.score : a.distance !== b.distance ? a.distance < b.distance : a.at < b.at;
  for (const [slug, score] of scores) {
    const at = positionOf(slug);
    const candidate = { slug, score, distance: Math.abs(at - own), at };
    if (ranked.length === limit && !better(candidate, ranked[limit - 1] as (typeof ranked)[number])) continue;
    let i = Math.min(ranked.length, limit - 1);
    ranked[i] = candidate;
    while (i > 0 && better(candidate, ranked[i - 1] as (typeof ranked)[number])) {
      ranked[i] = ranked[i - 1] as (typeof ranked)[number];
      ranked[i - 1] = candidate;
      i--;
    }
  }
  return ranked.map((r) => r.slug);
}
