/**
 * The page plan: every file a build writes, known before a page is
 * rendered — the HTML pages discovery lists (the same list the sitemaps
 * are made of), the feeds, sitemaps and robots.txt, the files copied from
 * `public/`, and the photo renditions. The search index, which Pagefind
 * writes after rendering, and redirect pages are added by the stages that
 * write them. A test holds the plan equal to what a build wrote.
 */
import type { DiscoveryData } from '../discovery/index.ts';
import { FEED_URLS, NEWS_SITEMAP_URL, NOT_FOUND_URL, outputPathOf, ROBOTS_URL, SITEMAP_URL } from '../routes.ts';
import type { SiteArticle, SiteData } from '../types.ts';
import { pageFingerprints, type TemplateFingerprints } from './page-fingerprints.ts';

export interface PlannedFile {
  /** Root-relative URL. */
  url: string;
  /** Path in the output folder, with `/` separators. */
  path: string;
  /** What writes it: an Eleventy template, `public/` (copied), or `image` (eleventy-img). */
  source: 'page' | 'feed' | 'sitemap' | 'public' | 'image';
  /** W3C date-time of the page's last change, where it has one. */
  lastmod: string | null;
  /**
   * A hash of everything the page is made from (src/build/page-fingerprints.ts),
   * or null for files every build writes afresh.
   */
  fingerprint: string | null;
  /** For an article page, a hash of what the search index reads of it (see page-fingerprints.ts); else null. */
  searchFingerprint: string | null;
}

export interface PagePlan {
  files: PlannedFile[];
}

/**
 * @example
 * planPages(site, discovery, ['css/site.css']).files.find((f) => f.url === '/')?.path // => 'index.html'
 */
export function planPages(site: SiteData, discovery: DiscoveryData, publicFiles: readonly string[], templates: TemplateFingerprints = new Map()): PagePlan {
  const fingerprints = pageFingerprints(site, discovery, templates);
  const files: PlannedFile[] = [];
  const add = (url: string, source: PlannedFile['source'], lastmod: string | null = null) => {
    const rendered = source === 'page' || source === 'feed';
    files.push({
      url, path: outputPathOf(url), source, lastmod,
      fingerprint: rendered ? fingerprints.pages.get(url) ?? null : null,
      searchFingerprint: source === 'page' ? fingerprints.search.get(url) ?? null : null,
    });
  };
  for (const page of discovery.pages) add(page.url, 'page', page.lastmod);
  add(NOT_FOUND_URL, 'page');
  for (const url of Object.values(FEED_URLS)) add(url, 'feed');
  for (const feed of discovery.topicFeeds) for (const url of [feed.urls.atom, feed.urls.json]) add(url, 'feed');
  add(SITEMAP_URL, 'sitemap');
  for (const part of discovery.sitemap.parts) add(part.url, 'sitemap');
  add(NEWS_SITEMAP_URL, 'sitemap');
  add(ROBOTS_URL, 'sitemap');
  for (const path of publicFiles) add(`/${path}`, 'public');
  // The masthead logo, copied from the content folder.
  if (site.logo?.startsWith('/') && !publicFiles.includes(site.logo.slice(1))) add(site.logo, 'public');
  const renditions = new Set<string>();
  for (const article of site.articles) for (const url of renditionsOf(article)) renditions.add(url);
  for (const url of [...renditions].sort()) add(url, 'image');
  return { files };
}

/** The URLs of an article's photo renditions, every size and format. */
export function renditionsOf(article: SiteArticle): string[] {
  const urls: string[] = [];
  for (const image of article.images) {
    const picture = image.picture;
    if (!picture) continue;
    for (const srcset of [picture.srcset, ...picture.sources.map((s) => s.srcset)]) urls.push(...srcsetUrls(srcset));
    urls.push(picture.src);
  }
  return urls;
}

/** The URLs of a `srcset` attribute (`a.webp 400w, b.webp 800w`). */
function srcsetUrls(srcset: string): string[] {
  return srcset.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!).filter(Boolean);
}
