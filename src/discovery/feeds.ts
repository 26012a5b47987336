/**
 * The data behind the Atom, RSS 2.0 and JSON Feed 1.1 files: the newest
 * articles with absolute URLs, computed once per build. Atom and RSS are laid
 * out by templates; JSON Feed is this module's object serialised as-is.
 */
import { absoluteUrl } from './absolute-url.ts';
import { datedArticles, modifiedTime, publicationTime, rfc822DateTime, w3cDateTime, type TimeReader } from './publication-date.ts';
import type { DiscoveryArticle, DiscoverySite, Topic } from './types.ts';
import { xmlText } from './xml-text.ts';
import { FEED_URLS, HOME_URL } from '../routes.ts';

/** Where the feeds are written, root-relative. */
export const FEED_PATHS = FEED_URLS;

export interface FeedItem {
  /** Absolute URL, also the item's permanent id. */
  url: string;
  title: string;
  summary: string;
  /** The article body as escaped HTML: feed text never becomes markup. */
  contentHtml: string;
  /** Publication instant. */
  date: Date;
  /** W3C date-time with the article zone's offset (Atom, JSON Feed). */
  published: string;
  /** The same for its last update: the editor's `updated:`, else `published`. */
  updated: string;
  /** RFC 822 in the article's zone (RSS `pubDate`). */
  pubDate: string;
  author: string;
  topics: string[];
  image: string | null;
  language: string;
}

export interface FeedData {
  title: string;
  /** The publication: the feed's author (a topic's feed is titled after the topic, but written by the site). */
  publisher: string;
  description: string;
  language: string;
  home: string;
  urls: { atom: string; rss: string; json: string };
  /** The newest item's date-time; the site's, not the build clock's. */
  updated: string | null;
  /** The same in RFC 822, for RSS. */
  updatedRfc822: string | null;
  items: FeedItem[];
}

/**
 * The newest `limit` dated articles, newest first. Undated articles cannot be
 * placed in a dated feed and stay out of it (they remain on the site, in the
 * archive and the sitemap).
 *
 * @example
 * feedData(articles, site, topicsOf, 50).items.length // => Math.min(50, datedCount)
 */
export function feedData(
  articles: readonly DiscoveryArticle[],
  site: DiscoverySite,
  topicsOf: (slug: string) => readonly Topic[] = () => [],
  limit = 50,
  readTime: TimeReader = publicationTime,
  /** A topic's feed: its own title and addresses, and summaries instead of the full text (a topic feed is for following, and there are hundreds). */
  scope: { title: string; home: string; urls: { atom: string; json: string } } | null = null,
): FeedData {
  const items = datedArticles(articles, site.timeZone, readTime)
    .slice(0, limit)
    .map(({ article, time }): FeedItem => {
      const picture = article.images.find((image) => image.picture)?.picture;
      return {
        url: absoluteUrl(article.url, site.url),
        title: xmlText(article.headline),
        summary: xmlText(article.summary),
        contentHtml: scope ? '' : xmlText(articleHtml(article)),
        date: time.toJSDate(),
        published: w3cDateTime(time),
        updated: w3cDateTime(modifiedTime(article, site.timeZone, readTime) ?? time),
        pubDate: rfc822DateTime(time),
        author: xmlText(article.byline ?? site.title),
        topics: topicsOf(article.slug).map((t) => xmlText(t.name)),
        image: picture ? absoluteUrl(picture.src, site.url) : null,
        language: article.lang ?? site.language,
      };
    });
  const newest = items[0];
  return {
    title: xmlText(scope?.title ?? site.title),
    publisher: xmlText(site.title),
    description: xmlText(site.description),
    language: site.language,
    home: absoluteUrl(scope?.home ?? HOME_URL, site.url),
    urls: {
      atom: absoluteUrl(scope?.urls.atom ?? FEED_PATHS.atom, site.url),
      rss: absoluteUrl(FEED_PATHS.rss, site.url),
      json: absoluteUrl(scope?.urls.json ?? FEED_PATHS.json, site.url),
    },
    // The latest change of any item: a story updated after the newest was published counts.
    updated: items.reduce<{ at: number; text: string } | null>((latest, item) => {
      const at = Date.parse(item.updated);
      return !latest || at > latest.at ? { at, text: item.updated } : latest;
    }, null)?.text ?? null,
    updatedRfc822: newest?.pubDate ?? null,
    items,
  };
}

/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): `version`, `title`
 * and each item's `id` are required; `content_html` carries the body.
 *
 * @example
 * JSON.stringify(jsonFeed(feedData(articles, site)))
 */
export function jsonFeed(data: FeedData): Record<string, unknown> {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: data.title,
    home_page_url: data.home,
    feed_url: data.urls.json,
    description: data.description,
    language: data.language,
    authors: [{ name: data.publisher, url: data.home }],
    items: data.items.map((item) => ({
      id: item.url,
      url: item.url,
      title: item.title,
      summary: item.summary,
      ...(item.contentHtml ? { content_html: item.contentHtml } : { content_text: item.summary }),
      date_published: item.published,
      ...(item.updated !== item.published ? { date_modified: item.updated } : {}),
      authors: [{ name: item.author }],
      ...(item.topics.length ? { tags: item.topics } : {}),
      ...(item.image ? { image: item.image } : {}),
      language: item.language,
    })),
  };
}

/** Paragraphs and subheads as HTML, every character of feed text escaped. */
function articleHtml(article: DiscoveryArticle): string {
  return article.body
    .map((block) =>
      block.type === 'subhead' ? `<h2>${escapeHtml(block.display ?? block.text)}</h2>` : `<p>${escapeHtml(block.display ?? block.text)}</p>`,
    )
    .join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
