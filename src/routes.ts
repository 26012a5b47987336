/**
 * Every web address the site has, and every page size: the one module that
 * knows URL patterns. The site model, discovery, the page plan, sitemaps,
 * feeds and templates all take their addresses from here, so a pattern is
 * changed in one place. Addresses are root-relative (`/topics/iran/`); a
 * site under a path (`https://owner.github.io/paper/`) gets the prefix when
 * pages are written (see docs/publishing.md).
 */

/** Stories per home page: `/`, then `/page/2/`, … */
export const HOME_PAGE_SIZE = 20;
/**
 * Home pages of latest news: `/` and `/page/2/` … `/page/5/`. Older stories
 * are in the monthly archive, whose pages do not shift when a story is
 * added (docs/ARCHITECTURE.md, "Pages that do not shift").
 */
export const LATEST_PAGES = 5;
/**
 * Stories per archived page of a topic. A topic's own page `/topics/<slug>/`
 * lists its newest stories; the older ones are kept in pages of exactly this
 * many, numbered from the topic's first story (`/topics/<slug>/page/1/` is
 * the oldest), so adding a story never moves one between archived pages.
 */
export const TOPIC_PAGE_SIZE = 50;
/** URLs per sitemap file; past it, `sitemap.xml` is an index of parts. */
export const SITEMAP_LIMIT = 50_000;

export const HOME_URL = '/';
export const ARCHIVE_URL = '/archive/';
export const TOPICS_URL = '/topics/';
export const SEARCH_URL = '/search/';
export const NOT_FOUND_URL = '/404.html';
export const ROBOTS_URL = '/robots.txt';
export const SITEMAP_URL = '/sitemap.xml';
export const NEWS_SITEMAP_URL = '/news-sitemap.xml';
export const FEED_URLS = { atom: '/feed.xml', rss: '/rss.xml', json: '/feed.json' } as const;
/** Where eleventy-img writes photo renditions. */
export const IMAGES_URL = '/img/';
/** The search index Pagefind writes, and its list of bundles. */
export const SEARCH_INDEX_URL = '/pagefind/';

/** The `n`-th home page, counted from 0. */
export function homeUrl(n: number): string {
  return n === 0 ? HOME_URL : `/page/${n + 1}/`;
}

/** How many home pages a site of `articles` stories has: at least one, at most {@link LATEST_PAGES}. */
export function homePageCount(articles: number): number {
  return Math.min(LATEST_PAGES, Math.max(1, Math.ceil(articles / HOME_PAGE_SIZE)));
}

/** An article's page: by its publication day, or under `/articles/` when undated. */
export function articleUrl(published: string | null, slug: string): string {
  return published ? `/${published.replaceAll('-', '/')}/${slug}/` : `/articles/${slug}/`;
}

/**
 * The logo `site.json` names: a file of the content folder is published at
 * the same path from the site root; an absolute URL stays as it is.
 *
 * @example
 * logoUrl('brand/logo.svg') // => '/brand/logo.svg'
 */
export function logoUrl(logo: string): string {
  return /^https?:\/\//.test(logo) ? logo : `/${logo.replace(/^\/+/, '')}`;
}

/** An archive month (`YYYY-MM`, or `undated`). */
export function archiveMonthUrl(key: string): string {
  return key === 'undated' ? '/archive/undated/' : `/archive/${key.replace('-', '/')}/`;
}

/**
 * A topic's own page, or (with `part`, counted from 1 = oldest) one of its
 * archived pages of dated stories, or (with `undated`) one of its archived
 * pages of undated stories, counted from 1 = first in feed order.
 */
export function topicUrl(slug: string, part: number | null = null, undated = false): string {
  if (part === null) return `/topics/${slug}/`;
  return undated ? `/topics/${slug}/undated/${part}/` : `/topics/${slug}/page/${part}/`;
}

/** A topic's own feeds, next to its page. */
export function topicFeedUrls(slug: string): { atom: string; json: string } {
  return { atom: `/topics/${slug}/feed.xml`, json: `/topics/${slug}/feed.json` };
}

/** Stories in a topic's feeds. */
export const TOPIC_FEED_SIZE = 20;

/**
 * How a topic of `articles` stories is paged: `archived` full pages of
 * {@link TOPIC_PAGE_SIZE}, oldest first, and the topic's own page with the
 * rest (the newest; from one page's worth up to just under two).
 */
export function topicPaging(articles: number, perPage = TOPIC_PAGE_SIZE): { archived: number; onMain: number } {
  const archived = Math.max(0, Math.floor(articles / perPage) - 1);
  return { archived, onMain: articles - archived * perPage };
}

/** A page from `content/pages/<slug>.md`. */
export function pageUrl(slug: string): string {
  return `/${slug}/`;
}

/** The `n`-th part of a split sitemap, counted from 1. */
export function sitemapPartUrl(n: number): string {
  return `/sitemaps/sitemap-${n}.xml`;
}

/**
 * The file a URL is written to, relative to the output folder: a folder URL
 * is its `index.html`.
 *
 * @example
 * outputPathOf('/topics/iran/') // => 'topics/iran/index.html'
 * outputPathOf('/feed.xml')     // => 'feed.xml'
 */
export function outputPathOf(url: string): string {
  const path = decodeURI(url).replace(/^\/+/, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

/**
 * The first path segments the site's own pages use: a page in
 * `content/pages/` may not take one.
 */
export const RESERVED_SEGMENTS = new Set(['archive', 'articles', 'page', 'topics', 'search', 'sitemaps', 'feed', 'img', 'css', 'js', 'pagefind', '404']);

/**
 * The path a site lives under, from its configured URL, without a trailing
 * slash: '' for `https://news.example`, '/paper' for a GitHub Pages project
 * site at `https://owner.github.io/paper/`.
 */
export function basePathOf(siteUrl: string): string {
  return new URL(siteUrl).pathname.replace(/\/+$/, '');
}

/**
 * A root-relative URL as a page links to it on a site under `basePath`;
 * absolute URLs, fragments and protocol-relative ones are left alone.
 *
 * @example
 * withBase('/paper', '/topics/iran/') // => '/paper/topics/iran/'
 */
export function withBase(basePath: string, url: string): string {
  return basePath && url.startsWith('/') && !url.startsWith('//') ? `${basePath}${url}` : url;
}
