/**
 * The data behind `sitemap.xml` (every page, split into an index past the
 * protocol's 50,000 URLs) and `news-sitemap.xml` (Google News: the articles
 * of the last two days, at most 1,000). Templates only lay these out.
 */
import type { DateTime } from 'luxon';
import { absoluteUrl } from './absolute-url.ts';
import { datedArticles, publicationTime, w3cDateTime, type TimeReader } from './publication-date.ts';
import type { DiscoveryArticle, DiscoverySite } from './types.ts';
import { xmlText } from './xml-text.ts';
import { SITEMAP_URL, sitemapPartUrl } from '../routes.ts';

/** The sitemap protocol's limit of URLs per file. */
export const SITEMAP_URL_LIMIT = 50_000;

export interface SitemapEntry {
  loc: string;
  /** W3C date-time, or null when the page has no meaningful date. */
  lastmod: string | null;
}

/** One file of the sitemap: `sitemap.xml` itself, or a part the index points at. */
export interface SitemapFile {
  /** Root-relative output path. */
  url: string;
  entries: SitemapEntry[];
}

/**
 * Absolute, de-duplicated entries ordered by URL, so the file is the same
 * whatever order the pages were rendered in.
 *
 * @example
 * sitemapEntries([{ url: '/b/', lastmod: null }, { url: '/a/', lastmod: null }], site).map((e) => e.loc)
 * // => ['https://news.example/a/', 'https://news.example/b/']
 */
export function sitemapEntries(
  pages: readonly { url: string; lastmod: string | null }[],
  site: Pick<DiscoverySite, 'url'>,
): SitemapEntry[] {
  const byLoc = new Map<string, SitemapEntry>();
  for (const page of pages) {
    const loc = absoluteUrl(page.url, site.url);
    if (!byLoc.has(loc)) byLoc.set(loc, { loc, lastmod: page.lastmod });
  }
  return [...byLoc.values()].sort((a, b) => (a.loc < b.loc ? -1 : a.loc > b.loc ? 1 : 0));
}

/**
 * Splits entries into the files of a sitemap index when they exceed the limit;
 * below it there is one part and `sitemap.xml` is a plain URL set.
 *
 * @example
 * sitemapParts(entries, 50_000).map((p) => p.url) // => ['/sitemap.xml'] up to 50,000 entries
 */
export function sitemapParts(entries: readonly SitemapEntry[], limit = SITEMAP_URL_LIMIT): SitemapFile[] {
  if (entries.length <= limit) return [{ url: SITEMAP_URL, entries: [...entries] }];
  const parts: SitemapFile[] = [];
  for (let i = 0; i < entries.length; i += limit) {
    parts.push({ url: sitemapPartUrl(parts.length + 1), entries: entries.slice(i, i + limit) });
  }
  return parts;
}

export interface NewsSitemapOptions {
  /** ISO date or date-time; defaults to the newest publication date, so builds stay reproducible. */
  now?: string | null;
  days: number;
  limit: number;
}

export const DEFAULT_NEWS_OPTIONS: NewsSitemapOptions = { days: 2, limit: 1000 };

export interface NewsSitemapEntry {
  loc: string;
  title: string;
  publicationDate: string;
  language: string;
}

/**
 * The articles Google News should see: published within `days` before "now"
 * (inclusive) and not after it, newest first, at most `limit`.
 *
 * @example
 * newsSitemapEntries(articles, site, { now: '2026-02-08', days: 2, limit: 1000 })
 */
export function newsSitemapEntries(
  articles: readonly DiscoveryArticle[],
  site: DiscoverySite,
  options: NewsSitemapOptions = DEFAULT_NEWS_OPTIONS,
  readTime: TimeReader = publicationTime,
): NewsSitemapEntry[] {
  const dated = datedArticles(articles, site.timeZone, readTime);
  const now = options.now ? givenNow(options.now, site.timeZone) : dated[0]?.time;
  if (!now) return [];
  const from = now.minus({ days: options.days });
  return dated
    .filter(({ time }) => time >= from && time <= now)
    .slice(0, options.limit)
    .map(({ article, time }) => ({
      loc: absoluteUrl(article.url, site.url),
      title: xmlText(article.headline),
      publicationDate: w3cDateTime(time),
      language: newsLanguage(article.lang ?? site.language),
    }));
}

function givenNow(now: string, zone: string): DateTime {
  const given = publicationTime(now, zone);
  if (!given) throw new RangeError(`--now: '${now}' is not an ISO date or date-time`);
  return given;
}

/** Google News wants ISO 639 codes, except `zh-cn` / `zh-tw` for Chinese. */
function newsLanguage(tag: string): string {
  const lower = tag.toLowerCase();
  if (lower.startsWith('zh')) return /tw|hk|hant/.test(lower) ? 'zh-tw' : 'zh-cn';
  return lower.split('-')[0] as string;
}
