/**
 * Page fingerprints: for each page of the plan, a hash of everything its
 * bytes are made from — its template and the templates that template
 * includes, the site settings every page prints, Broadsheet's code, and
 * the data of that one page (an article and the stories it links to; a
 * topic page and the stories on it). An incremental build renders only the
 * pages whose fingerprint differs from the last build's and keeps the rest.
 *
 * What each kind of page reads is listed here, next to its template's
 * name: a template that starts printing a new piece of data must have it
 * added here. `tests/build/incremental.test.ts` holds incremental builds
 * equal to clean ones, byte for byte, over random edit sequences.
 *
 * Pages that list the whole site (the archive and topic indexes, the
 * search page, feeds, sitemaps, robots.txt, the 404 page) have no
 * fingerprint: they are few, and every build renders them.
 */
import { createHash, hash as digest } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DiscoveryData, TopicLink } from '../discovery/index.ts';
import { memoiseByObject } from '../memoise.ts';
import type { ArticleLink, SiteData } from '../types.ts';
import { CODE_FINGERPRINT } from './code-fingerprint.ts';

/** Template file (relative to the templates folder) → hash of it and every template it extends, includes or imports. */
export type TemplateFingerprints = ReadonlyMap<string, string>;

/** The page templates whose pages are fingerprinted, by the data they paginate. */
const TEMPLATE_OF = {
  article: 'article.njk', home: 'index.njk', topic: 'topics/topic.njk', month: 'archive-month.njk', page: 'page.njk',
  topicAtom: 'topics/feed.xml.njk', topicJson: 'topics/feed.json.njk',
} as const;

/**
 * Partials that a Nunjucks global renders (src/site/eleventy-plugin.ts),
 * by the global's name: a template calling one depends on its partial as
 * on an include.
 */
export const PARTIALS_OF_GLOBALS = { storyCard: 'partials/story-card.njk' } as const;

/**
 * Reads the templates folder. A template that names another by anything
 * but a quoted string (a variable) is taken to depend on every include;
 * one that calls a global of {@link PARTIALS_OF_GLOBALS}, on its partial.
 *
 * @example
 * templateFingerprints('templates').get('article.njk') // => '9f1c…'
 */
export function templateFingerprints(dir: string): TemplateFingerprints {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split('\\').join('/'))
    .filter((f) => /\.(?:njk|md|html)$/.test(f))
    .sort();
  const text = new Map(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
  const includes = files.filter((f) => f.startsWith('_includes/'));
  const named = (file: string): string[] => {
    const source = text.get(file) ?? '';
    const static_ = [
      ...[...source.matchAll(/\{%-?\s*(?:extends|include|import|from)\s+"([^"]+)"/g)].map((m) => m[1]!),
      ...Object.entries(PARTIALS_OF_GLOBALS).filter(([name]) => new RegExp(`\\b${name}\\s*\\(`).test(source)).map(([, partial]) => partial),
    ].map((name) => `_includes/${name}`);
    const dynamic = /\{%-?\s*(?:extends|include|import|from)\s+[^"\s]/.test(source);
    return dynamic ? includes : static_;
  };
  const result = new Map<string, string>();
  for (const file of files) {
    if (file.startsWith('_includes/')) continue;
    const seen = new Set<string>([file]);
    for (const queue = [file]; queue.length; ) for (const next of named(queue.pop()!)) if (!seen.has(next)) seen.add(next), queue.push(next);
    const hash = createHash('sha256');
    for (const f of [...seen].sort()) hash.update(f).update('\0').update(text.get(f) ?? 'missing').update('\0');
    result.set(file, hash.digest('hex'));
  }
  return result;
}

/** Every field of a link, which `linkKey` below must print: adding one to `ArticleLink` breaks this line until it is. */
const LINK_FIELDS: Record<keyof ArticleLink, true> = { url: true, lang: true, headline: true };

/**
 * URL → fingerprint of every page that has one; and, for article pages,
 * the fingerprint of what the search index reads of them (`search`).
 *
 * @example
 * pageFingerprints(site, discovery, templateFingerprints('templates')).pages.get(site.articles[0].url) // => 'c0ffee…'
 */
export function pageFingerprints(
  site: SiteData,
  discovery: DiscoveryData,
  templates: TemplateFingerprints,
): { pages: Map<string, string>; search: Map<string, string> } {
  // What every page prints: the settings (title, language, url…), the navigation, the publisher.
  const shared = JSON.stringify([CODE_FINGERPRINT, site.settings, site.locale, site.dir, site.pages.map((p) => [p.url, p.title]), discovery.site]);
  const template = (name: string) => templates.get(name) ?? 'missing';
  // Each part ends in a NUL. One-shot hashing: a page has three hashes, and
  // making a Hash object for each costs more than the hashing itself.
  const hash = (...parts: string[]) => digest('sha1', `${parts.join('\0')}\0`, 'base64url');
  // A story as any page shows it (page, card, related link, home section): the
  // article (its revision: record, override, photo), its neighbours' links, and
  // its topics' names and links.
  //
  // A link prints its story's address, language and headline, and nothing
  // else (`LINK_FIELDS` fails to compile if a field is added): those fields
  // stand for it, joined so that no two links give the same key (neither an
  // address nor a language holds a NUL; the headline's length comes first),
  // which is cheaper than the link's JSON. Not the story's revision: that
  // changes with every paragraph, and would reach its neighbours and month.
  // Each topic's [name, url] JSON is made once: it is shared by its articles.
  const linkKey = (link: ArticleLink) => `${link.url}\0${link.lang ?? ''}\0${link.headline.length}\0${link.headline}`;
  const pairJson = memoiseByObject((topic: TopicLink) => JSON.stringify([topic.name, topic.url]));
  const storyHash = new Map<string, string>();
  const topicsOf = new Map<string, string>();
  for (const article of site.articles) {
    const topics = `[${(discovery.topicsOf[article.slug] ?? []).map(pairJson).join(',')}]`;
    topicsOf.set(article.slug, topics);
    const neighbours = `[${article.previous ? linkKey(article.previous) : 'null'},${article.next ? linkKey(article.next) : 'null'}]`;
    storyHash.set(article.slug, hash(article.revision, neighbours, topics));
  }
  const stories = (slugs: readonly string[]) => slugs.map((s) => storyHash.get(s) ?? 'missing').join(',');

  const result = new Map<string, string>();
  const sharedOf = (kind: keyof typeof TEMPLATE_OF) => hash(shared, template(TEMPLATE_OF[kind]));
  const articleShared = sharedOf('article');
  // Pagefind reads only the page's language, the story's text (marked
  // data-pagefind-body) and the headline, date, language and topics marked
  // as its metadata, filters and sort key: not its related stories, its
  // neighbours' links or anything else. So an article's search fingerprint
  // is its template, settings, revision and topics; a changed link to the
  // next story re-renders the page but re-indexes nothing.
  const search = new Map<string, string>();
  for (const article of site.articles) {
    const related = (discovery.relatedOf[article.slug] ?? []).map((a) => a.slug);
    result.set(article.url, hash(articleShared, storyHash.get(article.slug)!, stories(related)));
    search.set(article.url, hash(articleShared, article.revision, topicsOf.get(article.slug)!));
  }
  const homeShared = sharedOf('home');
  for (const home of site.homePages) {
    const { stories: list, ...rest } = home;
    result.set(home.url, hash(homeShared, JSON.stringify(rest), stories(list.map((a) => a.slug))));
  }
  const topicShared = sharedOf('topic');
  for (const page of discovery.topicPages) {
    const { articleSlugs, ...rest } = page;
    result.set(page.url, hash(topicShared, JSON.stringify(rest), stories(articleSlugs)));
  }
  // A topic's feeds: their items (the stories' revisions and topics) and the feed's own data.
  const atomShared = sharedOf('topicAtom');
  const jsonShared = sharedOf('topicJson');
  for (const feed of discovery.topicFeeds) {
    const { feed: data, json: _json, articleSlugs, ...rest } = feed;
    const own = JSON.stringify([rest, data.title, data.home, data.urls]);
    result.set(feed.urls.atom, hash(atomShared, own, stories(articleSlugs)));
    result.set(feed.urls.json, hash(jsonShared, own, stories(articleSlugs)));
  }
  const monthShared = sharedOf('month');
  for (const month of site.archive) {
    const { days, ...rest } = month;
    result.set(month.url, hash(monthShared, JSON.stringify(rest), days.map((day) => `${day.date}\n${day.articles.map(linkKey).join(',')}`).join('\n')));
  }
  const pageShared = sharedOf('page');
  for (const page of site.pages) result.set(page.url, hash(pageShared, JSON.stringify(page)));
  return { pages: result, search };
}
