/**
 * Broadsheet as an Eleventy plugin. It is handed the build — the site data,
 * discovery and page plan made before rendering (`prepareBuild`) — as its
 * options, by function call: `broadsheet build` and `serve` register it
 * from the runner (`src/build/run-build.ts`), plain Eleventy from
 * `.eleventy.ts`. It sets the `broadsheet` and `discovery` global data,
 * the filters, marked as the Markdown library, and copies `public/`.
 */
import type { UserConfig } from '@11ty/eleventy';
import type { PreparedBuild } from '../build/prepare-build.ts';
import { PUBLIC_DIR } from '../build/prepare-build.ts';
import { PARTIALS_OF_GLOBALS } from '../build/page-fingerprints.ts';
import { discoveryFilters } from '../discovery/eleventy-filters.ts';
import {
  ARCHIVE_URL, basePathOf, FEED_URLS, HOME_URL, NEWS_SITEMAP_URL, NOT_FOUND_URL, ROBOTS_URL, SEARCH_INDEX_URL, SEARCH_URL, SITEMAP_URL, TOPICS_URL, withBase,
} from '../routes.ts';

/** The fixed addresses templates print and write to, as the global `routes`. */
const TEMPLATE_ROUTES = Object.freeze({
  home: HOME_URL, archive: ARCHIVE_URL, topics: TOPICS_URL, search: SEARCH_URL, notFound: NOT_FOUND_URL, robots: ROBOTS_URL,
  sitemap: SITEMAP_URL, newsSitemap: NEWS_SITEMAP_URL, feeds: FEED_URLS, searchIndex: SEARCH_INDEX_URL,
});
import { filtersPlugin } from './filters.ts';
import { translate } from './locale.ts';
import { createMarkdown, renderMarkdown } from './markdown.ts';

/** What Nunjucks calls a global with as `this`: the page's context, and its environment. */
interface NunjucksContext {
  env: { render(name: string, context: Record<string, unknown>): string };
}

export interface SitePluginOptions {
  /** The content folder, watched under `serve`. */
  contentDir: string;
  /**
   * The build to render. Called once per Eleventy build: under `serve`,
   * once per rebuild, so it may prepare a new one each time.
   */
  prepare: () => Promise<PreparedBuild>;
}

/**
 * @example
 * eleventyConfig.addPlugin(sitePlugin, { contentDir: 'content', prepare: async () => build });
 */
export function sitePlugin(eleventyConfig: UserConfig, options: SitePluginOptions): void {
  const markdown = createMarkdown();
  eleventyConfig.setLibrary('md', { render: (source: string) => renderMarkdown(markdown, source).html });
  eleventyConfig.addPlugin(filtersPlugin);
  eleventyConfig.addPassthroughCopy({ [PUBLIC_DIR]: '/' });
  eleventyConfig.addWatchTarget(options.contentDir);
  // Eleventy waits until a changed file's size has been stable for 150 ms
  // (checked every 25 ms) before rebuilding, so it never reads a half-written
  // file. An editor's save of a feed or template is one quick write: 50 ms
  // is still a margin and takes about 0.1 s off every dev-server rebuild.
  eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });

  // The build of the Eleventy build under way: prepared on first use, and
  // again after each `eleventy.before` (a rebuild under `serve`).
  let pending: Promise<PreparedBuild> | null = null;
  let current: PreparedBuild | null = null;
  // The path the site lives under, once per build: the filters below run for every link of every page.
  let base = '';
  // Story cards rendered by this build (`storyCard` below), by story, heading level and compactness.
  let cards = new Map<string, string>();
  const build = () =>
    (pending ??= options.prepare().then((prepared) => {
      current = prepared;
      base = basePathOf(prepared.site.settings.url);
      cards = new Map();
      return prepared;
    }));
  eleventyConfig.on('eleventy.before', () => {
    pending = null;
  });
  // The site's fixed addresses, from src/routes.ts, for permalinks and links.
  eleventyConfig.addGlobalData('routes', TEMPLATE_ROUTES);
  // Functions, so Eleventy calls them again on every rebuild.
  eleventyConfig.addGlobalData('broadsheet', async () => (await build()).site);
  eleventyConfig.addGlobalData('discovery', async () => (await build()).discovery);
  // Every root-relative link a template prints goes through `href` (and a
  // srcset through `srcset`), so a site under a path (site.json's url
  // https://owner.github.io/paper) links within it.
  eleventyConfig.addFilter('href', (url: string) => withBase(base, url));
  eleventyConfig.addFilter('srcset', (srcset: string) =>
    base ? srcset.split(',').map((candidate) => candidate.trim().replace(/^\S+/, (url) => withBase(base, url))).join(', ') : srcset,
  );
  // Interface strings of the site's language (src/site/locale.ts):
  // `{{ t("nav.archive") }}`, `{{ t("archive.count", { count: n }) }}`.
  eleventyConfig.addNunjucksGlobal('t', (key: string, values?: Record<string, string | number>) => {
    if (!current) throw new Error('an interface string was asked for before the build was prepared');
    return translate(current.site.locale, key, values);
  });
  // A story's card (partials/story-card.njk), rendered once per build: the
  // same story is a card on its topics' pages and the home pages, and an
  // include costs Nunjucks a new frame and a template lookup each time. The
  // card reads only its story, `headingLevel`, `compact` and `broadsheet`,
  // which is all it is given: what it printed on one page it prints on all.
  eleventyConfig.addNunjucksGlobal('storyCard', function (this: NunjucksContext, story: { url: string }, headingLevel: number, compact?: boolean) {
    const key = `${story.url}\0${headingLevel}\0${compact ? 1 : 0}`;
    let html = cards.get(key);
    if (html === undefined) {
      if (!current) throw new Error('a story card was asked for before the build was prepared');
      html = this.env.render(PARTIALS_OF_GLOBALS.storyCard, { broadsheet: current.site, story, headingLevel, compact: Boolean(compact) });
      cards.set(key, html);
    }
    return html;
  });
  discoveryFilters(eleventyConfig, () => {
    if (!current) throw new Error('a page filter ran before the build was prepared');
    return current.readTime;
  });
}
