/**
 * The filters the head, article and home templates call to print
 * discovery data: metadata, JSON-LD and the home page's topic sections.
 */
import type { UserConfig } from '@11ty/eleventy';
import type { DiscoveryData } from './index.ts';
import { pageMetadata, type PageMetadata } from './page-metadata.ts';
import type { TimeReader } from './publication-date.ts';
import { newsArticleJsonLd, scriptSafeJson } from './structured-data.ts';
import { groupByTopic } from './topic-pages.ts';
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
  // The home page's stories under their topics; each story appears once.
  eleventyConfig.addFilter('topicSections', (stories: readonly DiscoveryArticle[], discovery: DiscoveryData) =>
    groupByTopic(stories.map((s) => s.slug), discovery.topicIndex).map((section) => ({
      topic: section.topic ? discovery.topicLinks[section.topic.slug] : null,
      stories: section.articleSlugs.map((slug) => discovery.articleOf[slug]),
    })),
  );
  eleventyConfig.addFilter('scriptSafeJson', scriptSafeJson);
}
