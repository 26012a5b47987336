/**
 * The filters the head, article and home templates call to print
 * discovery data: metadata, JSON-LD and the home page's topic sections.
 */
import type { UserConfig } from '@11ty/eleventy';
import type { DiscoveryData } from './index.ts';
import { pageMetadata, type PageMetadata } from './page-metadata.ts';
import type { TimeReader } from './publication-date.ts';
import { newsArticleJsonLd, scriptSafeJson } from './structured-data.ts';
import { frontPageLayout } from './front-page.ts';
import { DEFAULT_SECTION_SIZE } from '../site/settings.ts';
import type { FrontPageSettings } from '../types.ts';
import type { DiscoveryArticle } from './types.ts';

/**
 * Adds the filters. `readTime` gives the date reader of the build being
 * rendered: the page filters read each article's date in its zone through
 * the same cache the discovery data was built with.
 */
export function discoveryFilters(eleventyConfig: UserConfig, readTime: () => TimeReader): void {
  eleventyConfig.addFilter(
    'pageMetadata',
    (url: string, discovery: DiscoveryData, title?: string | null, article?: DiscoveryArticle | null): PageMetadata =>
      pageMetadata(
        { url, title: title || null, article: article ?? null, topics: article ? discovery.topicIndex.topicsByArticle.get(article.slug) : [] },
        discovery.site,
        readTime(),
      ),
  );
  eleventyConfig.addFilter('newsArticleJsonLd', (article: DiscoveryArticle, discovery: DiscoveryData) =>
    scriptSafeJson(newsArticleJsonLd(article, discovery.site, discovery.topicIndex.topicsByArticle.get(article.slug), readTime())),
  );
  // The front page: lead, top stories, topic sections (src/discovery/front-page.ts).
  eleventyConfig.addFilter('frontPageLayout', <T extends DiscoveryArticle & { publishedIso: string | null }>(stories: readonly T[], discovery: DiscoveryData, settings?: FrontPageSettings) => {
    const layout = frontPageLayout(stories, discovery.topicIndex, { sections: settings?.sections ?? [], sectionSize: settings?.sectionSize ?? DEFAULT_SECTION_SIZE });
    return { ...layout, sections: layout.sections.map((section) => ({ topic: discovery.topicLinks[section.topic.slug], stories: section.stories })) };
  });
  eleventyConfig.addFilter('scriptSafeJson', scriptSafeJson);
}
