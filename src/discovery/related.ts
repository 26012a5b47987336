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
  // Each topic's list as places in `orderedSlugs`, and where each article
  // stands in it, found in one pass.
  const placesOf = new Map<string, Int32Array>();
  const positionInTopic = new Map<string, Map<string, number>>();
  for (const [topic, slugs] of index.articlesByTopic) {
    const places = new Int32Array(slugs.length);
    const at = new Map<string, number>();
    slugs.forEach((slug, i) => {
      places[i] = position.get(slug) ?? -1;
      at.set(slug, i);
    });
    placesOf.set(topic, places);
    positionInTopic.set(topic, at);
  }
  const datedTotal = orderedSlugs.filter((slug) => !undated.has(slug)).length;
  const datedInTopic = new Map<string, number>();
  for (const [topic, slugs] of index.articlesByTopic) datedInTopic.set(topic, slugs.filter((slug) => !undated.has(slug)).length);

  // One article's candidates' scores, by place: an array reused for every
  // article instead of a map made for each (tens of thousands of them).
  // `touched` lists the candidates in the order first scored, as a map
  // would iterate them; `scoredFor` says whose scores a slot holds.
  const totals = new Float64Array(orderedSlugs.length);
  const scoredFor = new Int32Array(orderedSlugs.length).fill(-1);
  const touched: number[] = [];
  const related = new Map<string, string[]>();
  for (const slug of orderedSlugs) {
    const own = position.get(slug) as number;
    touched.length = 0;
    const dated = !undated.has(slug);
    // Lists are newest first, dated stories before undated ones. For a dated
    // story, indices after `at` are older dated stories; undated ones, listed
    // in feed order, count as earlier when earlier in the feed (indices before
    // `at`). Weights count the stories up to this one the same way, so
    // stories added later change neither candidates nor weights.
    const score = (fill: boolean) => {
      for (const topic of index.topicsByArticle.get(slug) ?? []) {
        const places = placesOf.get(topic.slug);
        const at = positionInTopic.get(topic.slug)?.get(slug);
        if (places === undefined || at === undefined) continue;
        const firstUndated = datedInTopic.get(topic.slug) ?? places.length;
        const weight = dated
          ? Math.log(1 + (datedTotal - own) / (firstUndated - at))
          : Math.log(1 + (own - datedTotal + 1) / (at - firstUndated + 1));
        const earlier = dated ? [at + 1, Math.min(firstUndated, at + options.window + 1)] : [Math.max(firstUndated, at - options.window), at];
        const later = dated ? [Math.max(0, at - options.window), at] : [at + 1, Math.min(places.length, at + options.window + 1)];
        const [from, to] = fill ? later : earlier;
        for (let i = from!; i < to!; i++) {
          const other = places[i]!;
          if (other === own || other < 0) continue;
          if (scoredFor[other] !== own) {
            scoredFor[other] = own;
            totals[other] = 0;
            touched.push(other);
          }
          totals[other]! += weight;
        }
      }
    };
    score(false);
    if (touched.length < options.limit) score(true);
    related.set(slug, bestOf(touched, totals, options.limit, own).map((at) => orderedSlugs[at]!));
  }
  return related;
}

/**
 * The `limit` best of the candidates (places in the article list, with
 * their scores in `totals`): highest score, then nearest in the list, then
 * newer. A selection, not a sort: candidates are few but articles many.
 */
function bestOf(candidates: readonly number[], totals: Float64Array, limit: number, own: number): number[] {
  const ranked: { score: number; distance: number; at: number }[] = [];
  const better = (a: (typeof ranked)[number], b: (typeof ranked)[number]) =>
    a.score !== b.score ? a.score > b.score : a.distance !== b.distance ? a.distance < b.distance : a.at < b.at;
  for (const at of candidates) {
    const candidate = { score: totals[at]!, distance: Math.abs(at - own), at };
    if (ranked.length === limit && !better(candidate, ranked[limit - 1] as (typeof ranked)[number])) continue;
    let i = Math.min(ranked.length, limit - 1);
    ranked[i] = candidate;
    while (i > 0 && better(candidate, ranked[i - 1] as (typeof ranked)[number])) {
      ranked[i] = ranked[i - 1] as (typeof ranked)[number];
      ranked[i - 1] = candidate;
      i--;
    }
  }
  return ranked.map((r) => r.at);
}
