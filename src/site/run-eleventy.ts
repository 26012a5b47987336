/**
 * Eleventy, in-process, configured by `.eleventy.ts` for a given content and
 * output folder. Used by `broadsheet build`, the dev server and the tests.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Eleventy } from '@11ty/eleventy';
import { register } from 'tsx/esm/api';
import type { Diagnostic, SiteData } from '../types.ts';
import { DIAGNOSTICS_EVENT, PRELOADED_SITE_EVENT, SITE_LOADED_EVENT } from './eleventy-plugin.ts';

/** Paths relative to the project folder, where Eleventy expects to run. */
export const TEMPLATES_DIR = 'templates';
export const CONFIG_FILE = '.eleventy.ts';

export interface SiteBuildOptions {
  contentDir: string;
  outputDir: string;
  /** Called with each build's diagnostics, sorted (once per rebuild when watching). */
  onDiagnostics?: (diagnostics: Diagnostic[]) => void;
  /** Called after each successful write (once per rebuild when watching). */
  onBuilt?: () => void;
  runMode?: 'build' | 'watch';
  /** `--now`: the news sitemap's "now" (ISO date or date-time); default the newest article's date. */
  now?: string | null;
  /** Write only these article pages (and, unless the batch is the first, nothing else): one run of a batched build. */
  batch?: ArticleBatch;
  /** Site data an earlier run of the same build loaded: used instead of reading the content folder again. */
  preloaded?: SiteData;
  /** Called with the site data once it is loaded. */
  onSiteLoaded?: (site: SiteData) => void;
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
 * Creates an initialised Eleventy for the options. `.eleventy.ts` reads the
 * content folder from BROADSHEET_CONTENT_DIR (and `--now` from BROADSHEET_NOW)
 * while its config function runs,
 * so the variable is set for initialisation only and restored afterwards.
 * Eleventy imports the TypeScript config with Node's own `import`, so tsx's
 * loader is registered around that too (a no-op cost under the CLI, which
 * has registered it already; needed under test runners).
 *
 * @example
 * const eleventy = await createEleventy({ contentDir: 'content', outputDir: '_site' });
 * await eleventy.write();
 */
export async function createEleventy(options: SiteBuildOptions): Promise<Eleventy> {
  const restoreEnv = setEnv({ BROADSHEET_CONTENT_DIR: options.contentDir, BROADSHEET_NOW: options.now ?? undefined });
  const unregister = register();
  try {
    const eleventy = new Eleventy(TEMPLATES_DIR, options.outputDir, {
      configPath: CONFIG_FILE,
      quietMode: true,
      runMode: options.runMode ?? 'build',
      config: (config) => {
        config.on(DIAGNOSTICS_EVENT, (list: Diagnostic[]) => options.onDiagnostics?.(list));
        config.on(SITE_LOADED_EVENT, (site: SiteData) => options.onSiteLoaded?.(site));
        config.on('eleventy.after', () => options.onBuilt?.());
        if (options.preloaded) {
          const site = options.preloaded;
          config.on(PRELOADED_SITE_EVENT, () => site);
        }
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
    restoreEnv();
  }
}

/** Sets (or, for undefined, unsets) variables; returns how to put the old values back. */
function setEnv(values: Record<string, string | undefined>): () => void {
  const previous = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]));
  const apply = (next: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(next)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  apply(values);
  return () => apply(previous);
}

/**
 * Builds the site once and returns its diagnostics. Template errors throw.
 * Sites of more than `articlesPerRun` articles (default
 * {@link ARTICLES_PER_RUN}) are written in several Eleventy runs over the
 * same loaded data, which bounds memory; the output is the same, byte for
 * byte, as one run's.
 *
 * @example
 * const diagnostics = await buildSite({ contentDir: 'content', outputDir: '_site' });
 */
export async function buildSite(
  options: Omit<SiteBuildOptions, 'runMode' | 'batch' | 'preloaded' | 'onSiteLoaded'> & { articlesPerRun?: number },
): Promise<Diagnostic[]> {
  const { articlesPerRun = ARTICLES_PER_RUN, ...rest } = options;
  if (!Number.isInteger(articlesPerRun) || articlesPerRun < 1) throw new RangeError(`articlesPerRun must be a positive integer, got ${articlesPerRun}`);
  const diagnostics: Diagnostic[] = [];
  // The first run loads the site, reports the diagnostics and writes every
  // page but the articles past the first batch; each later run reuses the
  // loaded site and writes only its batch of article pages.
  const site = await writeRun({
    ...rest,
    batch: { from: 0, to: articlesPerRun },
    onDiagnostics: (list) => {
      // One by one: spreading 100,000s of items into push() overflows the call stack.
      for (const d of list) diagnostics.push(d);
      options.onDiagnostics?.(list);
    },
  });
  for (let from = articlesPerRun; from < site.articles.length; from += articlesPerRun) {
    // V8 grows the heap rather than collect the finished run's pages: without
    // this, 50,000-article builds still peaked at 1.9-2.5 GB of resident
    // memory in our runs; with it, at 1.5 GB (docs/performance.md).
    collectGarbage();
    await writeRun({ ...rest, batch: { from, to: from + articlesPerRun }, preloaded: site });
  }
  return diagnostics;
}

/**
 * One Eleventy run; returns the site data it used. Nothing of the run is
 * referenced once it returns, so its pages can be collected.
 */
async function writeRun(options: SiteBuildOptions): Promise<SiteData> {
  let site: SiteData | null = options.preloaded ?? null;
  const eleventy = await createEleventy({
    ...options,
    onSiteLoaded: (loaded) => {
      site = loaded;
    },
  });
  await eleventy.write();
  if (!site) throw new Error('the build loaded no site data: is the site plugin registered in .eleventy.ts?');
  return site;
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
