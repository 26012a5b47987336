/**
 * Broadsheet as an Eleventy plugin: the parsed site as the global `broadsheet`
 * data (loaded once per build), `public/` copied to the site root, the content
 * folder watched, the filters, and marked as the Markdown library.
 */
import type { UserConfig } from '@11ty/eleventy';
import type { Marked } from 'marked';
import { printedLines, sortDiagnostics } from '../diagnostics.ts';
import type { Diagnostic, SiteData } from '../types.ts';
import { filtersPlugin } from './filters.ts';
import { loadSite } from './load-site.ts';
import { createMarkdown, renderMarkdown } from './markdown.ts';

export interface BroadsheetPluginOptions {
  /** The content folder (feeds, overrides, images, pages, site.json). */
  contentDir: string;
}

/** The event a build emits with its diagnostics; the CLI listens to it. */
export const DIAGNOSTICS_EVENT = 'broadsheet.diagnostics';

/** The event a build emits with the loaded site data; discovery (feeds, topics) builds on it. */
export const SITE_LOADED_EVENT = 'broadsheet.site';

/**
 * The event the plugin asks for already loaded site data with. A batched
 * build (`buildSite`) answers it in every run after the first, so the
 * content folder is read and modelled once per build, not once per run.
 */
export const PRELOADED_SITE_EVENT = 'broadsheet.preloaded-site';

/**
 * @example
 * // .eleventy.ts
 * export default (eleventyConfig) => eleventyConfig.addPlugin(broadsheetPlugin, { contentDir: 'content' });
 */
export function broadsheetPlugin(eleventyConfig: UserConfig, options: BroadsheetPluginOptions): void {
  const markdown = createMarkdown();
  eleventyConfig.setLibrary('md', { render: (source: string) => renderMarkdown(markdown, source).html });
  eleventyConfig.addPlugin(filtersPlugin);
  eleventyConfig.addPassthroughCopy({ public: '/' });
  eleventyConfig.addWatchTarget(options.contentDir);
  // Eleventy waits until a changed file's size has been stable for 150 ms
  // (checked every 25 ms) before rebuilding, so it never reads a half-written
  // file. An editor's save of a feed or template is one quick write: 50 ms
  // is still a margin and takes about 0.1 s off every dev-server rebuild.
  eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });

  // A function, so Eleventy calls it again on every rebuild under --serve.
  eleventyConfig.addGlobalData('broadsheet', async () => {
    const [preloaded] = (await eleventyConfig.emit(PRELOADED_SITE_EVENT)) as (SiteData | undefined)[];
    const site = preloaded ?? (await loadAndReport(eleventyConfig, options.contentDir, markdown));
    await eleventyConfig.emit(SITE_LOADED_EVENT, site);
    // Frozen so Eleventy's data cascade shares it with every template instead
    // of deep-copying its plain objects into each one (see docs/performance.md).
    return Object.freeze(site);
  });
}

/** Reads the content folder and hands on its diagnostics (the CLI's listener, or stderr). */
async function loadAndReport(eleventyConfig: UserConfig, contentDir: string, markdown: Marked): Promise<SiteData> {
  const { site, diagnostics } = await loadSite({ contentDir, outputDir: eleventyConfig.directories.output, markdown });
  const sorted = sortDiagnostics(diagnostics);
  if (eleventyConfig.events.listenerCount(DIAGNOSTICS_EVENT) > 0) await eleventyConfig.emit(DIAGNOSTICS_EVENT, sorted);
  else printDiagnostics(sorted);
  return site;
}

/** Plain Eleventy runs (no Broadsheet CLI listening) still show problems. */
function printDiagnostics(list: readonly Diagnostic[]): void {
  for (const line of printedLines(list, false)) process.stderr.write(`${line}\n`);
}
