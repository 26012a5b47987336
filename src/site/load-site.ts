/**
 * The site stage's I/O edge: reads the content folder (feeds, settings,
 * overrides, pages, images), runs the pure stages, and returns the site data
 * with every diagnostic collected on the way.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { notARegularFile } from '../content-files.ts';
import type { Marked } from 'marked';
import type { ParseCache } from '../build/parse-cache.ts';
import { loadFeeds, listFeedFiles } from '../feeds/read-feeds.ts';
import type { Diagnostic, SiteData, SiteSettings } from '../types.ts';
import { findImageFiles, listImageFiles, processImages } from './images.ts';
import { createMarkdown } from './markdown.ts';
import { buildSiteModel, type ArticleMemo } from './model.ts';
import { loadOverrides } from './overrides.ts';
import { loadPages } from './pages.ts';
import { loadSiteSettings } from './settings.ts';
import { loadLocale } from './locale.ts';
import { loadTopicSettings } from './topic-settings.ts';

export interface LoadSiteOptions {
  /** The content folder: `feeds/`, `articles/`, `images/`, `pages/`, `site.json`. */
  contentDir: string;
  /** Where Eleventy writes; photos are encoded into its `img/`. */
  outputDir: string;
  /** The build's one Markdown renderer (default: a new one). */
  markdown?: Marked;
  /** Parse results of unchanged feeds, kept from earlier builds. */
  parseCache?: ParseCache | null;
  /** Articles made by earlier builds of this process (see `buildSiteModel`). */
  articleMemo?: ArticleMemo;
}

/** The folders inside the content folder, in one place for docs and watchers. */
export function contentPaths(contentDir: string) {
  return {
    feeds: join(contentDir, 'feeds'),
    articles: join(contentDir, 'articles'),
    images: join(contentDir, 'images'),
    pages: join(contentDir, 'pages'),
    settings: join(contentDir, 'site.json'),
    locales: join(contentDir, 'locales'),
    topics: join(contentDir, 'topics.json'),
  };
}

/**
 * Copies the logo `site.json` names from the content folder to the same
 * path in the site. A missing or unreadable file is an error on the line
 * of `logo`, and the site builds without a logo.
 */
async function copyLogo(contentDir: string, outputDir: string, settings: SiteSettings): Promise<Diagnostic | null> {
  const logo = settings.logo;
  if (!logo || /^https?:/.test(logo)) return null;
  const source = join(contentDir, logo);
  const refused = await notARegularFile(source, 'settings-value', `"logo" names ${logo}, which cannot be read`);
  if (refused) return { ...refused.problem, file: settings.file ?? refused.problem.file, line: settings.keyLines?.logo ?? 1 };
  const target = join(outputDir, logo);
  await mkdir(dirname(target), { recursive: true });
  await copyFile(source, target);
  return null;
}

/**
 * Loads and models the whole site once.
 *
 * @example
 * const { site, diagnostics } = await loadSite({ contentDir: 'content', outputDir: '_site' });
 */
export async function loadSite(options: LoadSiteOptions): Promise<{ site: SiteData; diagnostics: Diagnostic[] }> {
  const paths = contentPaths(options.contentDir);
  const markdown = options.markdown ?? createMarkdown();
  const [settings, feeds, overrides, pages, imageNames] = await Promise.all([
    loadSiteSettings(options.contentDir, paths.settings),
    listFeedFiles(paths.feeds).then(async (list) => ({ list, parsed: await loadFeeds(list.files, options.parseCache ?? null) })),
    loadOverrides(paths.articles, markdown),
    loadPages(paths.pages, markdown),
    listImageFiles(paths.images),
  ]);
  const { list: feedFiles, parsed } = feeds;
  const locale = await loadLocale(options.contentDir, settings.settings.language);
  const topicSettings = await loadTopicSettings(options.contentDir, paths.topics);
  const logo = await copyLogo(options.contentDir, options.outputDir, settings.settings);
  if (logo) {
    settings.diagnostics.push(logo);
    delete settings.settings.logo;
  }
  const noFeeds: Diagnostic[] = parsed.articles.length === 0 && parsed.diagnostics.length === 0 && feedFiles.diagnostics.length === 0
    ? [{ file: paths.feeds, line: 1, severity: 'warning', rule: 'no-feeds', message: 'no articles: the folder has no feed files (*.txt)' }]
    : [];
  const found = findImageFiles(imageNames.names, parsed.articles.map((a) => a.slug), overrides.overrides);
  const images = await processImages(paths.images, options.outputDir, found.files);
  const model = buildSiteModel({
    records: parsed.articles,
    digests: parsed.digests,
    settings: settings.settings,
    overrides: overrides.overrides,
    pictures: images.pictures,
    pages: pages.pages,
    locale: locale.locale,
    topicSettings: topicSettings.settings,
    ...(options.articleMemo ? { memo: options.articleMemo } : {}),
  });
  return {
    site: model.site,
    diagnostics: [
      ...settings.diagnostics, ...locale.diagnostics, ...topicSettings.diagnostics, ...feedFiles.diagnostics, ...imageNames.diagnostics, ...noFeeds, ...parsed.diagnostics, ...overrides.diagnostics,
      ...pages.diagnostics, ...found.diagnostics, ...images.diagnostics, ...model.diagnostics,
    ],
  };
}
