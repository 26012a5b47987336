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
  // Each topic's list as places in `orderedSlugs`, and how many of its
  // stories are dated (they come first).
  const placesOf = new Map<string, Int32Array>();
  const datedInTopic = new Map<string, number>();
  for (const [topic, slugs] of index.articlesByTopic) {
    const places = new Int32Array(slugs.length);
    let dated = 0;
    for (let i = 0; i < slugs.length; i++) {
      places[i] = position.get(slugs[i]!) ?? -1;
      if (!undated.has(slugs[i]!)) dated++;
    }
    placesOf.set(topic, places);
    datedInTopic.set(topic, dated);
  }
  // Where an article stands in each topic's list. Lists made by
  // `indexTopics` are in the order of `orderedSlugs`, so walking the
  // articles in that order and counting finds it; a list in another order
  // is searched instead.
  const seenInTopic = new Map<string, number>();
  const standing = (topic: string, places: Int32Array, own: number): number => {
    const counted = seenInTopic.get(topic) ?? 0;
    if (places[counted] === own) {
      seenInTopic.set(topic, counted + 1);
      return counted;
    }
    return places.lastIndexOf(own);
  };
  const datedTotal = orderedSlugs.filter((slug) => !undated.has(slug)).length;

  // One article's candidates' scores, by place: an array reused for every
  // article instead of a map made for each (tens of thousands of them).
  // `touched` lists the candidates in the order first scored, as a map
  // would iterate them; `scoredFor` says whose scores a slot holds.
  const totals = new Float64Array(orderedSlugs.length);
  const scoredFor = new Int32Array(orderedSlugs.length).fill(-1);
  const touched: number[] = [];
  const best = new Int32Array(options.limit);
  const related = new Map<string, string[]>();
  for (let own = 0; own < orderedSlugs.length; own++) {
    const slug = orderedSlugs[own]!;
    if (position.get(slug) !== own) continue; // a slug listed twice counts at its last place
    touched.length = 0;
    const dated = !undated.has(slug);
    // Each of its topics' lists, where it stands in it and where the
    // list's undated stories start: looked up once, used by both passes.
    const lists: { list: Int32Array; at: number; firstUndated: number }[] = [];
    for (const topic of index.topicsByArticle.get(slug) ?? []) {
      const list = placesOf.get(topic.slug);
      const at = list === undefined ? -1 : standing(topic.slug, list, own);
      if (list !== undefined && at >= 0) lists.push({ list, at, firstUndated: datedInTopic.get(topic.slug) ?? list.length });
    }
    // Lists are newest first, dated stories before undated ones. For a dated
    // story, indices after `at` are older dated stories; undated ones, listed
    // in feed order, count as earlier when earlier in the feed (indices before
    // `at`). Weights count the stories up to this one the same way, so
    // stories added later change neither candidates nor weights.
    const score = (fill: boolean) => {
      for (const { list, at, firstUndated } of lists) {
        const weight = dated
          ? Math.log(1 + (datedTotal - own) / (firstUndated - at))
          : Math.log(1 + (own - datedTotal + 1) / (at - firstUndated + 1));
        // The first pass reads the earlier stories, `fill` the later ones:
        // a dated story's earlier ones follow it in the list, an undated
        // story's later ones do; the rest precede it.
        const following = dated !== fill;
        const from = following ? at + 1 : Math.max(dated ? 0 : firstUndated, at - options.window);
        const to = following ? Math.min(dated ? firstUndated : list.length, at + options.window + 1) : at;
        for (let i = from; i < to; i++) {
          const other = list[i]!;
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
    const count = bestOf(touched, totals, best, own);
    const slugs: string[] = new Array(count);
    for (let i = 0; i < count; i++) slugs[i] = orderedSlugs[best[i]!]!;
    related.set(slug, slugs);
  }
  return related;
}

/**
 * The best of the candidates (places in the article list, with their
 * scores in `totals`) into `best`, as many as it holds: highest score, then
 * nearest in the list, then newer. A selection, not a sort: candidates are
 * few but articles many; nothing is allocated per candidate. Returns how
 * many were chosen.
 */
function bestOf(candidates: readonly number[], totals: Float64Array, best: Int32Array, own: number): number {
  const limit = best.length;
  const better = (a: number, b: number) => {
    const sa = totals[a]!, sb = totals[b]!;
    if (sa !== sb) return sa > sb;
    const da = Math.abs(a - own), db = Math.abs(b - own);
    return da !== db ? da < db : a < b;
  };
  let count = 0;
  for (const at of candidates) {
    if (count === limit && !better(at, best[limit - 1]!)) continue;
    let i = Math.min(count, limit - 1);
    if (count < limit) count++;
    while (i > 0 && better(at, best[i - 1]!)) {
      best[i] = best[i - 1]!;
      i--;
    }
    best[i] = at;
  }
  return count;
}
