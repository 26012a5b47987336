/**
 * Topics from the text: the countries an article is about, found through the
 * gazetteer's names, demonyms and capitals, plus the topics an editor sets.
 * One pass over each article's words; one pass over all articles to index
 * them by topic. Nothing here is quadratic in the number of articles.
 */
import { findArabicScriptMentions } from './arabic-script-names.ts';
import { aliasKey, type Gazetteer, type PlaceAlias } from './place-names.ts';
import type { DiscoveryArticle, Topic, TopicIndex, TopicKind } from './types.ts';
import type { TopicSettings } from '../types.ts';
import type { EntityMention } from './entities.ts';
import { entityTopicsOf } from './entity-topics.ts';
import type { BuildMemo } from '../memoise.ts';
import { compareText } from '../text.ts';

export interface PlaceMention {
  country: string;
  alias: PlaceAlias;
}

export interface TopicOptions {
  /** Most topics derived from the text per article (editor topics come on top). */
  maxTopics: number;
  /** Least weighted mentions that make a country a topic: headline 3, lede 2, elsewhere 1. */
  minScore: number;
  /**
   * Country scores of articles seen by earlier builds of this process (the
   * dev server), by the article's `revision`: the text a save did not change
   * is not scanned again.
   */
  scores?: BuildMemo<Map<string, number>>;
  /**
   * The site's language: country topics are named in it (CLDR's region
   * names, through `Intl.DisplayNames`: مصر on an Arabic site), while their
   * slugs stay those of the English name, so `/topics/egypt/` is the same
   * address in every edition. Default English, the gazetteer's own names.
   */
  language?: string;
  /** `content/topics.json`: people and organisations kept, renamed, merged, added or suppressed. */
  settings?: TopicSettings;
  /** People and organisations found in articles seen by earlier builds of this process, by `revision`. */
  entities?: BuildMemo<EntityMention[]>;
}

export const DEFAULT_TOPIC_OPTIONS: TopicOptions = { maxTopics: 6, minScore: 3 };

/**
 * Finds the places a text names, longest alias first ("Papua New Guinea"
 * before "Guinea"), skipping blocking phrases ("Indian Ocean").
 *
 * @example
 * findPlaceMentions('Iranian officials in Tehran', gazetteer).map((m) => m.country)
 * // => ['IR', 'IR']
 */
export function findPlaceMentions(text: string, gazetteer: Gazetteer): PlaceMention[] {
  // In an ALL-CAPS subhead "US" may be the pronoun: acronyms need mixed case.
  const allCaps = !/\p{Ll}/u.test(text);
  // Text with no code point from U+0300 on (where the combining marks
  // start) is NFC already; normalising is most of this function's cost.
  const normalised = MAY_NEED_NFC.test(text) ? text.normalize('NFC') : text;
  const mentions: PlaceMention[] = [];
  // Only capitalised words can start a name, so only they are looked up; the
  // words after one are read only when an alias starts with it.
  // The two module-level regexes are stateful (`lastIndex`); this function
  // resets them before use and calls nothing that uses them meanwhile.
  // Building new ones per text cost a third of the topic scan.
  const starts = CAPITALISED_LATIN_WORD;
  const next = NEXT_WORD;
  starts.lastIndex = 0;
  for (let match = starts.exec(normalised); match; match = starts.exec(normalised)) {
    const first = match[0];
    if (match.index > 0 && LATIN_WORD_CHAR.test(normalised.charAt(match.index - 1))) continue; // mid-word: "iPhone"
    if (first.charCodeAt(0) > 0xff && !/^\p{Lu}/u.test(first)) continue; // Latin Extended mixes cases
    let key = first.toLowerCase();
    const longest = gazetteer.longestFrom.get(key);
    if (longest === undefined) continue;
    // Read on only while the words so far begin some alias ("The" may, "The
    // president" does not).
    const words = [first];
    const keys = [key];
    const ends = [starts.lastIndex];
    next.lastIndex = starts.lastIndex;
    while (words.length < longest && gazetteer.prefixes.has(key)) {
      const m = next.exec(normalised);
      if (!m) break;
      words.push(m[1] as string);
      key = `${key} ${(m[1] as string).toLowerCase()}`;
      keys.push(key);
      ends.push(next.lastIndex);
    }
    for (let n = words.length; n >= 1; n--) {
      const alias = gazetteer.aliases.get(keys[n - 1] as string);
      const written = n === 1 ? first : words.slice(0, n).join(' ');
      if (!alias || (alias.acronym && (allCaps || written !== alias.text))) continue;
      if (alias.country) mentions.push({ country: alias.country, alias });
      starts.lastIndex = ends[n - 1] as number;
      break;
    }
  }
  if (ARABIC_SCRIPT.test(normalised)) {
    for (const country of findArabicScriptMentions(normalised, gazetteer.arabicScript)) {
      mentions.push({ country, alias: { country, text: country, acronym: false, needsCorroboration: false } });
    }
  }
  return mentions;
}

const ARABIC_SCRIPT = /[\u0600-\u06FF]/;
const MAY_NEED_NFC = /[^\u0000-\u02FF]/;

/**
 * A capitalised word of Latin script (accents and combining marks included),
 * the script the gazetteer's English names are in. Written without Unicode
 * property classes: with them V8's regex runs several times slower, and this
 * scan reads the whole archive.
 */
const CAPITALISED_LATIN_WORD = /[A-Z\u00C0-\u00D6\u00D8-\u00DE\u0100-\u024F\u1E00-\u1EFF][0-9A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF\u0300-\u036F]*/g;
const LATIN_WORD_CHAR = /[0-9A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF\u0300-\u036F]/;
/** The next word, skipping what separates words (as `WORD` splits them). */
const NEXT_WORD = /[^\p{L}\p{M}\p{N}]*([\p{L}\p{M}\p{N}]+)/uy;

/**
 * Weights every country an article names: 3 per mention in the headline, 2 in
 * the lede, 1 elsewhere (body, subheads, captions). An ambiguous alias
 * ("Jordan", "Georgia") counts only when the article also names the country
 * unambiguously.
 *
 * @example
 * scoreCountries(iranArticle, gazetteer).get('IR') // => 11
 */
export function scoreCountries(article: DiscoveryArticle, gazetteer: Gazetteer): Map<string, number> {
  const firstParagraph = article.body.findIndex((b) => b.type === 'paragraph');
  const weighted: [string, number][] = [[article.headline, 3]];
  article.body.forEach((block, i) => weighted.push([block.text, i === firstParagraph ? 2 : 1]));
  for (const image of article.images) weighted.push([image.caption, 1]);

  const scores = new Map<string, number>();
  const pending = new Map<string, number>();
  for (const [text, weight] of weighted) {
    for (const { country, alias } of findPlaceMentions(text, gazetteer)) {
      const into = alias.needsCorroboration ? pending : scores;
      into.set(country, (into.get(country) ?? 0) + weight);
    }
  }
  for (const [country, score] of pending) {
    if (scores.has(country)) scores.set(country, (scores.get(country) ?? 0) + score);
  }
  return scores;
}

/**
 * An article's topics: the editor's first (in their order), then the countries
 * the text is about, most weighted first. `-Name` in the editor's list drops
 * a derived topic.
 *
 * @example
 * articleTopics(iranArticle, gazetteer).map((t) => t.name) // => ['Iran', 'United States']
 */
export function articleTopics(
  article: DiscoveryArticle,
  gazetteer: Gazetteer,
  options: TopicOptions = DEFAULT_TOPIC_OPTIONS,
): Topic[] {
  const removed = new Set<string>();
  const topics = new Map<string, Topic>();
  for (const entry of article.topics) {
    const name = entry.trim();
    if (name.startsWith('-')) removed.add(resolveTopic(name.slice(1).trim(), gazetteer).slug);
    else if (name) {
      const topic = resolveTopic(name, gazetteer);
      if (!topics.has(topic.slug)) topics.set(topic.slug, topic);
    }
  }
  const scores = options.scores && article.revision ? options.scores.get(article.revision, () => scoreCountries(article, gazetteer)) : scoreCountries(article, gazetteer);
  // Only the countries over the bar are copied out of the map, not every [code, score] pair.
  const passing: { topic: Topic; score: number }[] = [];
  scores.forEach((score, code) => {
    if (score >= options.minScore) passing.push({ topic: countryTopic(code, gazetteer), score });
  });
  const ranked = passing
    .sort((a, b) => b.score - a.score || compareText(a.topic.name, b.topic.name))
    .slice(0, options.maxTopics);
  for (const { topic } of ranked) {
    if (!removed.has(topic.slug) && !topics.has(topic.slug)) topics.set(topic.slug, topic);
  }
  return [...topics.values()].filter((t) => !removed.has(t.slug));
}

/**
 * Files every article under its topics, once. Articles keep the order they
 * were given in (newest first, as the site lists them).
 *
 * @example
 * indexTopics(articles, gazetteer).articlesByTopic.get('iran') // => ['iran-warns-…']
 */
export function indexTopics(
  articles: readonly DiscoveryArticle[],
  gazetteer: Gazetteer,
  options: TopicOptions = DEFAULT_TOPIC_OPTIONS,
): TopicIndex {
  const topicsByArticle = new Map<string, Topic[]>();
  const articlesByTopic = new Map<string, string[]>();
  const bySlug = new Map<string, Topic>();
  const entities = entityTopicsOf(articles, gazetteer, { ...(options.settings ? { settings: options.settings } : {}), ...(options.entities ? { memo: options.entities } : {}) });
  // People and organisations keep one slug each for the whole build; a name
  // whose slug a country or subject already has gets its kind appended.
  const entitySlugs = new Map<string, string>();
  const entitySlug = (name: string, kind: TopicKind) => {
    let slug = entitySlugs.get(`${kind}\0${name}`);
    if (slug === undefined) {
      slug = slugifyTopic(name);
      entitySlugs.set(`${kind}\0${name}`, slug);
    }
    return slug;
  };
  const suppressed = new Set(Object.entries(options.settings?.topics ?? {}).filter(([, t]) => t.suppress).map(([name]) => slugifyTopic(name)));
  for (const article of articles) {
    const own = articleTopics(article, gazetteer, options).filter((t) => !suppressed.has(t.slug));
    for (const { name, kind } of entities.byArticle.get(article.slug) ?? []) {
      let slug = entitySlug(name, kind);
      const taken = bySlug.get(slug) ?? own.find((t) => t.slug === slug);
      if (taken && (taken.kind !== kind || taken.name !== name)) slug = `${slug}-${kind}`;
      if (!own.some((t) => t.slug === slug)) own.push({ slug, name, country: null, kind });
    }
    const topics = own.map((t) => bySlug.get(t.slug) ?? t);
    topicsByArticle.set(article.slug, topics);
    for (const topic of topics) {
      bySlug.set(topic.slug, topic);
      const list = articlesByTopic.get(topic.slug);
      if (list) list.push(article.slug);
      else articlesByTopic.set(topic.slug, [article.slug]);
    }
  }
  const regionName = regionNames(options.language);
  if (regionName) for (const topic of bySlug.values()) if (topic.country) topic.name = regionName(topic.country) ?? topic.name;
  const count = (t: Topic) => articlesByTopic.get(t.slug)?.length ?? 0;
  const topics = [...bySlug.values()].sort((a, b) => count(b) - count(a) || compareText(a.name, b.name));
  return { topics, articlesByTopic, topicsByArticle };
}

/**
 * A topic name as an editor wrote it: a country when the gazetteer knows it.
 *
 * @example
 * resolveTopic('russian federation', gazetteer) // => { slug: 'russia', name: 'Russia', country: 'RU' }
 */
export function resolveTopic(name: string, gazetteer: Gazetteer): Topic {
  const alias = gazetteer.aliases.get(aliasKey(name));
  if (alias?.country) return countryTopic(alias.country, gazetteer);
  return { slug: slugifyTopic(name), name, country: null, kind: 'subject' };
}

/** Country names in a language other than English, or null for English (the gazetteer's names). */
function regionNames(language: string | undefined): ((code: string) => string | undefined) | null {
  if (!language || language.split('-')[0]!.toLowerCase() === 'en') return null;
  let names: Intl.DisplayNames;
  try {
    names = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
  } catch {
    return null;
  }
  return (code) => names.of(code);
}

function countryTopic(code: string, gazetteer: Gazetteer): Topic {
  const name = gazetteer.countryNames.get(code) ?? code;
  return { slug: slugifyTopic(name), name, country: code, kind: 'place' };
}

/** Code points in a topic slug: 80 Arabic letters are 160 of the 255 bytes a file name may have. */
const MAX_TOPIC_SLUG = 80;

/**
 * A URL-safe slug: accents folded, letters and digits of any script kept,
 * at most 80 characters (cut at a hyphen where there is one).
 *
 * @example
 * slugifyTopic('Türkiye') // => 'turkiye'
 */
export function slugifyTopic(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  // A topic name can be any length; a file name cannot (ENAMETOOLONG past 255 bytes).
  const points = Array.from(slug);
  const short = points.length <= MAX_TOPIC_SLUG ? slug : points.slice(0, MAX_TOPIC_SLUG).join('').replace(/-[^-]*$|-+$/u, '');
  return short || 'topic';
}
