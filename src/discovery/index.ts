/**
 * The discovery stage in one call: site data in, everything the feeds,
 * sitemaps, topic pages, related links and metadata templates print out.
 * Runs once per build; templates only look things up.
 */
import { absoluteUrl } from './absolute-url.ts';
import { feedData, jsonFeed, type FeedData } from './feeds.ts';
import { buildGazetteer, type Gazetteer } from './place-names.ts';
import { cachedTimeReader, type TimeReader } from './publication-date.ts';
import { relatedArticles } from './related.ts';
import {
  DEFAULT_NEWS_OPTIONS, newsSitemapEntries, sitemapEntries, sitemapParts,
  type NewsSitemapEntry, type SitemapEntry, type SitemapFile,
} from './sitemaps.ts';
import { sitePages, type SitePageEntry } from './site-pages.ts';
import { scriptSafeJson } from './structured-data.ts';
import { topicPages, topicUrl, type TopicPage } from './topic-pages.ts';
import { DEFAULT_TOPIC_OPTIONS, indexTopics } from './topics.ts';
import type { BuildMemo } from '../memoise.ts';
import type { DiscoveryArticle, DiscoverySite, TopicIndex, TopicKind } from './types.ts';
import { NEWS_SITEMAP_URL, SITEMAP_URL, TOPIC_FEED_SIZE, topicFeedUrls } from '../routes.ts';
import { topicDescriptions } from './topic-descriptions.ts';
import type { TopicSettings } from '../types.ts';
import { translate, type Locale } from '../site/locale.ts';
import type { EntityMention } from './entities.ts';

/** The site data discovery reads: `SiteData` from `src/site/` fits it. */
export interface DiscoveryInput {
  settings: DiscoverySite;
  /** `content/topics.json`. */
  topicSettings?: TopicSettings;
  /** The site's interface strings (a country topic's description). */
  locale?: Locale;
  /** The logo's URL, as the site model resolved it, or null. */
  logo?: string | null;
  /** Newest first, as the site lists them. */
  articles: readonly DiscoveryArticle[];
  pages?: readonly { url: string }[];
  archive?: readonly { url: string; days: readonly { date: string | null }[] }[];
}

export interface DiscoveryOptions {
  /** `--now`: the news sitemap's "now"; default the newest publication date. */
  now?: string | null;
  /** Reused across rebuilds: the dataset is the same. */
  gazetteer?: Gazetteer;
  /** Reads publication dates (default: a new per-build cache); pass the one the page filters share. */
  readTime?: TimeReader;
  /** Country scores kept from earlier builds of this process (the dev server), by article revision. */
  scores?: BuildMemo<Map<string, number>>;
  /** People and organisations found in articles by earlier builds of this process, by article revision. */
  entities?: BuildMemo<EntityMention[]>;
}

export interface TopicLink {
  name: string;
  url: string;
  count: number;
  kind: TopicKind;
}

/** The order of the topics index's groups. */
const TOPIC_KINDS: readonly TopicKind[] = ['person', 'organisation', 'place', 'subject'];

/** A topic's own feeds (src/routes.ts topicFeedUrls). */
export interface TopicFeed {
  slug: string;
  urls: { atom: string; json: string };
  feed: FeedData;
  /** The JSON Feed, serialised. */
  json: string;
  /** The slugs of its stories, for its fingerprint. */
  articleSlugs: string[];
}

export interface DiscoveryData {
  site: DiscoverySite;
  topicIndex: TopicIndex;
  /** Every topic with its page and article count, most articles first. */
  topics: TopicLink[];
  topicPages: TopicPage[];
  /** The topics index's groups: people, organisations, places, subjects (those that have topics), each most covered first. */
  topicGroups: { kind: TopicKind; topics: TopicLink[] }[];
  /** Each topic's Atom and JSON feeds. */
  topicFeeds: TopicFeed[];
  /** Topic slug → its link. */
  topicLinks: Record<string, TopicLink>;
  /** Article slug → its topic links. */
  topicsOf: Record<string, TopicLink[]>;
  /** Article slug → related articles, best first. */
  relatedOf: Record<string, DiscoveryArticle[]>;
  articleOf: Record<string, DiscoveryArticle>;
  feed: FeedData;
  /** JSON Feed 1.1, serialised. */
  jsonFeed: string;
  newsSitemap: NewsSitemapEntry[];
  /** `sitemap.xml`: its URLs, or (past 50,000) the parts it indexes. */
  /** Every HTML page the site has, with its last change: what sitemaps list and the page plan starts from. */
  pages: SitePageEntry[];
  sitemap: { entries: SitemapEntry[]; parts: (SitemapFile & { loc: string })[] };
  /** Absolute URLs of both sitemaps, for `robots.txt`. */
  sitemapUrls: { sitemap: string; news: string };
}

/** The publisher logo when the settings name none: the theme's favicon. */
export const DEFAULT_LOGO = '/favicon.svg';

/**
 * Builds all discovery data for a site once.
 *
 * @example
 * const discovery = buildDiscovery(site, { now: '2026-02-08' });
 * discovery.topicsOf[slug] // => [{ name: 'Iran', url: '/topics/iran/', count: 1 }, …]
 */
export function buildDiscovery(input: DiscoveryInput, options: DiscoveryOptions = {}): DiscoveryData {
  const { title, url, language, timeZone, description } = input.settings;
  // The model has resolved the masthead logo's URL (src/routes.ts logoUrl); structured data falls back to the favicon.
  const logo = input.logo ?? DEFAULT_LOGO;
  const site = { title, url, language, timeZone, description, logo };
  const gazetteer = options.gazetteer ?? buildGazetteer();
  const articles = input.articles;
  const topicIndex = indexTopics(articles, gazetteer, {
    ...DEFAULT_TOPIC_OPTIONS,
    language: site.language,
    ...(input.topicSettings ? { settings: input.topicSettings } : {}),
    ...(options.scores ? { scores: options.scores } : {}),
    ...(options.entities ? { entities: options.entities } : {}),
  });
  const slugs = articles.map((a) => a.slug);
  const undated = new Set(articles.filter((a) => a.published === null).map((a) => a.slug));
  const related = relatedArticles(slugs, topicIndex, undefined, undated);

  const articleOf: Record<string, DiscoveryArticle> = Object.create(null);
  for (const article of articles) articleOf[article.slug] = article;
  const topicLinks: Record<string, TopicLink> = Object.create(null);
  for (const topic of topicIndex.topics) {
    topicLinks[topic.slug] = { name: topic.name, url: topicUrl(topic), count: topicIndex.articlesByTopic.get(topic.slug)?.length ?? 0, kind: topic.kind };
  }
  const topicsOf: Record<string, TopicLink[]> = Object.create(null);
  const relatedOf: Record<string, DiscoveryArticle[]> = Object.create(null);
  for (const slug of slugs) {
    topicsOf[slug] = (topicIndex.topicsByArticle.get(slug) ?? []).map((t) => topicLinks[t.slug] as TopicLink);
    relatedOf[slug] = (related.get(slug) ?? []).map((s) => articleOf[s] as DiscoveryArticle);
  }
  const pages = topicPages(topicIndex, undefined, topicDescriptions(topicIndex, input.topicSettings, site.language, (region, capital) => (input.locale ? translate(input.locale, 'topic.countryDescription', { region, capital }) : `${region}, ${capital}`)), undated);
  const readTime = options.readTime ?? cachedTimeReader();
  const topicFeeds: TopicFeed[] = topicIndex.topics.map((topic) => {
    const urls = topicFeedUrls(topic.slug);
    const stories = (topicIndex.articlesByTopic.get(topic.slug) ?? []).slice(0, TOPIC_FEED_SIZE * 2).map((s) => articleOf[s] as DiscoveryArticle);
    const feed = feedData(stories, site, (slug) => topicIndex.topicsByArticle.get(slug) ?? [], TOPIC_FEED_SIZE, readTime, { title: `${site.title}: ${topic.name}`, home: topicUrl(topic), urls });
    return { slug: topic.slug, urls, feed, json: scriptSafeJson(jsonFeed(feed)), articleSlugs: stories.slice(0, TOPIC_FEED_SIZE).map((a) => a.slug) };
  });
  const feed = feedData(articles, site, (slug) => topicIndex.topicsByArticle.get(slug) ?? [], 50, readTime);
  const htmlPages = sitePages(input, pages, articleOf, readTime);
  const parts = sitemapParts(sitemapEntries(htmlPages, site));
  const single = parts.length === 1 && parts[0]?.url === SITEMAP_URL;
  return {
    site,
    topicIndex,
    topics: topicIndex.topics.map((t) => topicLinks[t.slug] as TopicLink),
    topicGroups: TOPIC_KINDS.map((kind) => ({ kind, topics: topicIndex.topics.filter((t) => t.kind === kind).map((t) => topicLinks[t.slug] as TopicLink) })).filter((g) => g.topics.length > 0),
    topicLinks,
    topicPages: pages,
    topicFeeds,
    topicsOf,
    relatedOf,
    articleOf,
    feed,
    jsonFeed: scriptSafeJson(jsonFeed(feed)),
    newsSitemap: newsSitemapEntries(articles, site, { ...DEFAULT_NEWS_OPTIONS, now: options.now ?? null }, readTime),
    pages: htmlPages,
    sitemap: single
      ? { entries: parts[0]?.entries ?? [], parts: [] }
      : { entries: [], parts: parts.map((part) => ({ ...part, loc: absoluteUrl(part.url, site.url) })) },
    sitemapUrls: { sitemap: absoluteUrl(SITEMAP_URL, site.url), news: absoluteUrl(NEWS_SITEMAP_URL, site.url) },
  };
}
