/**
 * Every HTML page of the site with its last modification, for `sitemap.xml`:
 * an article's publication date, a listing's newest article. Pages without a
 * date (about, search) carry none rather than the build clock. A test
 * compares this list with the HTML files a build writes, so a new page kind
 * cannot go missing unnoticed.
 */
import type { DiscoveryInput } from './index.ts';
import type { DateTime } from 'luxon';
import { modifiedTime, publicationTime, w3cDateTime, type TimeReader } from './publication-date.ts';
import type { TopicPage } from './topic-pages.ts';
import type { DiscoveryArticle } from './types.ts';
import { ARCHIVE_URL, HOME_PAGE_SIZE, homePageCount, homeUrl, SEARCH_URL, TOPICS_URL } from '../routes.ts';


export interface SitePageEntry {
  url: string;
  lastmod: string | null;
}

/**
 * @example
 * sitePages({ settings, articles: [] }, [], {}).map((p) => p.url) // => ['/', '/topics/', '/search/']
 */
export function sitePages(
  input: DiscoveryInput,
  topicPageList: readonly TopicPage[],
  articleOf: Readonly<Record<string, DiscoveryArticle>>,
  readTime: TimeReader = publicationTime,
): SitePageEntry[] {
  const zone = input.settings.timeZone;
  const newestOf = (list: readonly DiscoveryArticle[]) => {
    let newest: DateTime | null = null;
    for (const article of list) {
      const time = modifiedTime(article, zone, readTime);
      if (time && (!newest || time > newest)) newest = time;
    }
    return newest ? w3cDateTime(newest) : null;
  };
  const pages: SitePageEntry[] = [];
  const size = HOME_PAGE_SIZE;
  const homeCount = homePageCount(input.articles.length);
  for (let n = 0; n < homeCount; n++) {
    pages.push({ url: homeUrl(n), lastmod: newestOf(input.articles.slice(n * size, (n + 1) * size)) });
  }
  for (const article of input.articles) pages.push({ url: article.url, lastmod: newestOf([article]) });
  for (const page of input.pages ?? []) pages.push({ url: page.url, lastmod: null });
  if (input.archive) {
    pages.push({ url: ARCHIVE_URL, lastmod: newestOf(input.articles) });
    for (const month of input.archive) {
      const newestDay = readTime(month.days.find((d) => d.date)?.date, zone);
      pages.push({ url: month.url, lastmod: newestDay ? w3cDateTime(newestDay) : null });
    }
  }
  pages.push({ url: TOPICS_URL, lastmod: newestOf(input.articles) });
  for (const page of topicPageList) {
    pages.push({ url: page.url, lastmod: newestOf(page.articleSlugs.map((s) => articleOf[s] as DiscoveryArticle)) });
  }
  pages.push({ url: SEARCH_URL, lastmod: null });
  return pages;
}
