/**
 * Discovery as an Eleventy plugin: the `discovery` global data (built once
 * per build from the site data the site plugin announces), the filters the
 * head, article and home templates call.
 */
import type { UserConfig } from '@11ty/eleventy';
import { SITE_LOADED_EVENT } from '../site/eleventy-plugin.ts';
import { buildDiscovery, type DiscoveryData, type DiscoveryInput } from './index.ts';
import { pageMetadata, type PageMetadata } from './page-metadata.ts';
import { cachedTimeReader, type TimeReader } from './publication-date.ts';
import { buildGazetteer, type Gazetteer } from './place-names.ts';
import { newsArticleJsonLd, scriptSafeJson } from './structured-data.ts';
import { groupByTopic } from './topic-pages.ts';
import type { DiscoveryArticle } from './types.ts';


/**
 * Discovery data per site object and `now`, with the date reader it and
 * the page filters share. A batched build (see `buildSite`) hands the same
 * loaded site to several Eleventy runs; the data is a pure function of it,
 * so it is computed, and each (day, zone) read, once per build.
 */
interface Discovered {
  data: DiscoveryData;
  readTime: TimeReader;
}

const computed = new WeakMap<DiscoveryInput, Map<string | null, Discovered>>();

function discoveryFor(site: DiscoveryInput, now: string | null, gazetteer: Gazetteer): Discovered {
  let byNow = computed.get(site);
  if (!byNow) computed.set(site, (byNow = new Map()));
  let found = byNow.get(now);
  if (!found) {
    // luxon's zone arithmetic is the costly part of reading dates.
    const readTime = cachedTimeReader();
    // Frozen so Eleventy shares it: its data cascade deep-copies plain
    // objects into every template's data (articleOf, topicsOf and
    // relatedOf once per template: 22 copies of each article at N=1,000)
    // but passes frozen ones through as they are.
    found = { data: Object.freeze(buildDiscovery(site, { now, gazetteer, readTime })), readTime };
    byNow.set(now, found);
  }
  return found;
}

export interface DiscoveryPluginOptions {
  /** `--now` for the news sitemap; default the newest publication date. */
  now?: string | null;
}

/**
 * @example
 * // .eleventy.ts, after the site plugin
 * config.addPlugin(discoveryPlugin, { now: process.env.BROADSHEET_NOW || null });
 */
export function discoveryPlugin(eleventyConfig: UserConfig, options: DiscoveryPluginOptions = {}): void {
  const gazetteer = buildGazetteer();
  let latest: DiscoveryData | null = null;
  let failure: unknown = null;
  // The page filters read each article's date in its zone, through the
  // reader the discovery data was built with.
  let readTime: TimeReader = cachedTimeReader();
  eleventyConfig.on(SITE_LOADED_EVENT, (site: DiscoveryInput) => {
    try {
      ({ data: latest, readTime } = discoveryFor(site, options.now ?? null, gazetteer));
      failure = null;
    } catch (error) {
      failure = error;
    }
  });
  // Registered after the site plugin's `broadsheet` data, so Eleventy (which
  // resolves global data in order) has emitted the site by the time this runs.
  eleventyConfig.addGlobalData('discovery', () => {
    if (failure) throw new Error('discovery: cannot build feeds, sitemaps and topics', { cause: failure });
    if (!latest) throw new Error(`discovery: no site data; register discoveryPlugin after the site plugin, which emits '${SITE_LOADED_EVENT}'`);
    return latest;
  });

  eleventyConfig.addFilter(
    'pageMetadata',
    (url: string, discovery: DiscoveryData, title?: string | null, article?: DiscoveryArticle | null): PageMetadata =>
      pageMetadata(
        { url, title: title || null, article: article ?? null, topics: article ? discovery.topicIndex.topicsByArticle.get(article.slug) : [] },
        discovery.site,
        readTime,
      ),
  );
  eleventyConfig.addFilter('newsArticleJsonLd', (article: DiscoveryArticle, discovery: DiscoveryData) =>
    scriptSafeJson(newsArticleJsonLd(article, discovery.site, discovery.topicIndex.topicsByArticle.get(article.slug), readTime)),
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
