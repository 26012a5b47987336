/**
 * Related articles by shared topics, computed for every article at once
 * from the topic index. Each article looks only at its nearest neighbours in
 * each of its topics' lists (which are ordered newest first), so the work is
 * articles × topics × window: linear in the archive, even when one topic
 * holds half of it.
 *
 * It is also stable as the archive grows: an article's related stories
 * never depend on stories published after it, unless it has fewer than
 * `limit` earlier candidates (the first stories of a topic), so a day's
 * news does not re-render the archive's pages (docs/ARCHITECTURE.md,
 * "Pages that do not shift").
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
 * Candidates are the `window` older neighbours in each of the article's
 * topics' lists; only when they are fewer than `limit` are the `window`
 * newer neighbours candidates too. A shared rare topic counts more than a
 * shared common one (weight `log(1 + articles / articlesInTopic)`, both
 * counted up to the article itself, so later stories do not change it);
 * ties go to the article nearer in the list (nearer in time), then to the
 * newer one.
 *
 * @example
 * relatedArticles(['a', 'b', 'c'], index).get('a') // => ['b']
 */
export function relatedArticles(
  orderedSlugs: readonly string[],
  index: TopicIndex,
  options: RelatedOptions = DEFAULT_RELATED_OPTIONS,
  /**
   * Slugs of undated stories. They are listed after every dated one, in
   * feed order, but are not older: they relate among themselves, earlier in
   * the feed counting as earlier, so a story added later changes neither.
   */
  undated: ReadonlySet<string> = new Set(),
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
  const datedTotal = orderedSlugs.filter((slug) => !undated.has(slug)).length;
  const datedInTopic = new Map<string, number>();
  for (const [topic, slugs] of index.articlesByTopic) datedInTopic.set(topic, slugs.filter((slug) => !undated.has(slug)).length);

  const related = new Map<string, string[]>();
  for (const slug of orderedSlugs) {
    const own = position.get(slug) as number;
    const scores = new Map<string, number>();
    const dated = !undated.has(slug);
    // Lists are newest first, dated stories before undated ones. For a dated
    // story, indices after `at` are older dated stories; undated ones, listed
    // in feed order, count as earlier when earlier in the feed (indices before
    // `at`). Weights count the stories up to this one the same way, so
    // stories added later change neither candidates nor weights.
    const score = (fill: boolean) => {
      for (const topic of index.topicsByArticle.get(slug) ?? []) {
        const list = index.articlesByTopic.get(topic.slug) ?? [];
        const at = positionInTopic.get(topic.slug)?.get(slug);
        if (at === undefined) continue;
        const firstUndated = datedInTopic.get(topic.slug) ?? list.length;
        const weight = dated
          ? Math.log(1 + (datedTotal - own) / (firstUndated - at))
          : Math.log(1 + (own - datedTotal + 1) / (at - firstUndated + 1));
        const earlier = dated ? [at + 1, Math.min(firstUndated, at + options.window + 1)] : [Math.max(firstUndated, at - options.window), at];
        const later = dated ? [Math.max(0, at - options.window), at] : [at + 1, Math.min(list.length, at + options.window + 1)];
        const [from, to] = fill ? later : earlier;
        for (let i = from!; i < to!; i++) {
          const other = list[i] as string;
          if (other !== slug) scores.set(other, (scores.get(other) ?? 0) + weight);
        }
      }
    };
    score(false);
    if (scores.size < options.limit) score(true);
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
