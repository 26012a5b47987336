/**
 * The render stage: Eleventy, in-process, writing the pages of a prepared
 * build through `templates/` into the output folder. The build reaches
 * Eleventy as the site plugin's options, registered here by function call;
 * `.eleventy.ts` holds only Eleventy's own settings for this layout.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Eleventy } from '@11ty/eleventy';
import { register } from 'tsx/esm/api';
import { sitePlugin } from '../site/eleventy-plugin.ts';
import type { PreparedBuild } from './prepare-build.ts';

/** Paths relative to the project folder, where Eleventy expects to run. */
export const TEMPLATES_DIR = 'templates';
export const CONFIG_FILE = '.eleventy.ts';

export interface RenderOptions {
  contentDir: string;
  outputDir: string;
  /** The build to render; under `serve`, called once per rebuild. */
  prepare: () => Promise<PreparedBuild>;
  runMode?: 'build' | 'watch';
  /** Write only these article pages (and, unless the batch is the first, nothing else): one run of a batched build. */
  batch?: ArticleBatch;
  /** Called after each successful write (once per rebuild when watching). */
  onBuilt?: () => void | Promise<void>;
}

/**
 * The article pages one Eleventy run writes, as indices into
 * `broadsheet.articles`. The run with the first batch (`from` 0) also
 * writes every other page (home, archive, topics, feeds, sitemaps…).
 */
export interface ArticleBatch {
  from: number;
  to: number;
}

/**
 * Article pages written per Eleventy run of `buildSite`. Eleventy keeps
 * every page it writes in memory until its run ends (about 33 KB a page
 * with its data), so a 50,000-article build in one run peaked at 2.4 GB;
 * in runs of 10,000 the pages of one run are freed before the next.
 */
export const ARTICLES_PER_RUN = 10_000;

/**
 * Creates an initialised Eleventy that renders `options.prepare()`'s build.
 * Eleventy imports the TypeScript config with Node's own `import`, so
 * tsx's loader is registered around initialisation (a no-op cost under the
 * CLI, which has registered it already; needed under test runners).
 *
 * @example
 * const eleventy = await createEleventy({ contentDir: 'content', outputDir: '_site', prepare: async () => build });
 * await eleventy.write();
 */
export async function createEleventy(options: RenderOptions): Promise<Eleventy> {
  const unregister = register();
  try {
    const eleventy = new Eleventy(TEMPLATES_DIR, options.outputDir, {
      configPath: CONFIG_FILE,
      quietMode: true,
      runMode: options.runMode ?? 'build',
      // Runs before .eleventy.ts, which then sees the plugin registered and adds no other.
      config: (config) => {
        config.addPlugin(sitePlugin, { contentDir: options.contentDir, prepare: options.prepare });
        config.on('eleventy.after', async () => {
          await options.onBuilt?.();
        });
        if (options.batch) {
          // Read by templates/article.njk's pagination.
          config.addGlobalData('broadsheetBatch', options.batch);
          if (options.batch.from > 0) for (const template of otherTemplates()) config.ignores.add(template);
        }
      },
    });
    await eleventy.init();
    return eleventy;
  } finally {
    await unregister();
  }
}

/**
 * Renders a prepared build's pages. Sites of more than `articlesPerRun`
 * articles (default {@link ARTICLES_PER_RUN}) are written in several
 * Eleventy runs over the same build, which bounds memory; the output is
 * the same, byte for byte, as one run's. Template errors throw.
 *
 * @example
 * await renderPages(build, { contentDir: 'content', outputDir: '_site' });
 */
export async function renderPages(build: PreparedBuild, options: { contentDir: string; outputDir: string; articlesPerRun?: number }): Promise<void> {
  const { articlesPerRun = ARTICLES_PER_RUN } = options;
  if (!Number.isInteger(articlesPerRun) || articlesPerRun < 1) throw new RangeError(`articlesPerRun must be a positive integer, got ${articlesPerRun}`);
  const prepare = async () => build;
  for (let from = 0; from === 0 || from < build.site.articles.length; from += articlesPerRun) {
    // V8 grows the heap rather than collect the finished run's pages: without
    // this, 50,000-article builds still peaked at 1.9-2.5 GB of resident
    // memory in our runs; with it, at 1.5 GB (docs/performance.md).
    if (from > 0) collectGarbage();
    const eleventy = await createEleventy({ ...options, prepare, batch: { from, to: from + articlesPerRun } });
    await eleventy.write();
  }
}

/**
 * A full garbage collection, triggered the way jest's leak detector does
 * it: V8's `gc` function, exposed by flag at run time and taken from a
 * fresh context, so the process needs no `--expose-gc` on its command line.
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** Every page template but the article pages', as paths Eleventy's ignores take. */
function otherTemplates(): string[] {
  return readdirSync(TEMPLATES_DIR, { recursive: true, encoding: 'utf8' })
    .map((path) => path.split('\\').join('/'))
    .filter((path) => /\.(?:njk|md)$/.test(path) && !path.startsWith('_includes/') && path !== 'article.njk')
    .map((path) => join(TEMPLATES_DIR, path).split('\\').join('/'));
}
