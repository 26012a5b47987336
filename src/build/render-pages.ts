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
import nunjucks, { type Environment as NunjucksEnvironment, type Template as NunjucksTemplate } from 'nunjucks';
import { register } from 'tsx/esm/api';
import { sitePlugin } from '../site/eleventy-plugin.ts';
import type { PreparedBuild } from './prepare-build.ts';

/** Paths relative to the project folder, where Eleventy expects to run. */
export const TEMPLATES_DIR = 'templates';
export const CONFIG_FILE = '.eleventy.ts';

export interface RenderOptions {
  contentDir: string;
  outputDir: string;
  /** Nunjucks' compiled templates, kept from run to run ({@link TemplateCache}), for the build's templates. */
  templates?: TemplateCache;
  /** The build to render; under `serve`, called once per rebuild. */
  prepare: () => Promise<PreparedBuild>;
  runMode?: 'build' | 'watch';
  /** Write only these pages: one run of a batched or incremental build (default: every page). */
  selection?: RenderSelection;
  /** Called after each successful write (once per rebuild when watching). */
  onBuilt?: () => void | Promise<void>;
  /** Called as each page or feed is rendered (for a progress line). */
  onPage?: () => void;
}

/**
 * The pages one Eleventy run writes: the pages of paginated templates
 * (articles, home, topic, archive and site pages) whose URL `wants`, and,
 * when `singles`, the templates of one page each (the archive and topic
 * indexes, search, 404, feeds, sitemaps, robots.txt).
 */
export interface RenderSelection {
  wants: (url: string) => boolean;
  singles: boolean;
}

/**
 * Pages rendered between turns of Node's event loop. Eleventy renders a run
 * as one chain of promises, which never lets I/O callbacks in: a search
 * lane's word that the bundle it indexed beside rendering is written
 * (src/build/render-schedule.ts, src/discovery/search-lane.ts), and with it
 * the lane's next bundle, would wait for the run to end. A turn every few
 * pages costs nothing to measure.
 */
const YIELD_EVERY = 16;

/** The templates that paginate site data, one page per item. */
const PAGINATED_TEMPLATES = new Set(['article.njk', 'index.njk', 'topics/topic.njk', 'topics/feed.xml.njk', 'topics/feed.json.njk', 'archive-month.njk', 'page.njk']);

/**
 * Article pages written per Eleventy run of `buildSite`. Eleventy keeps
 * every page it writes in memory until its run ends (about 33 KB a page
 * with its data), so a 50,000-article build in one run peaked at 2.4 GB;
 * in runs of 10,000 the pages of one run are freed before the next.
 */
export const ARTICLES_PER_RUN = 10_000;

/**
 * The template engine the paginated templates name in their front matter
 * (`templateEngineOverride`): Nunjucks, with their text compiled once per
 * version of the templates ({@link TemplateCache.page}) instead of once per
 * page. Layouts and includes are Nunjucks' own and cached by it either way.
 */
export const PAGE_ENGINE = 'broadsheet-page';

/**
 * Nunjucks' compiled templates, kept from one Eleventy run to the next:
 * the runs of one build, and (kept by the dev server) the rebuilds of one
 * process. Eleventy makes a Nunjucks environment per run, which compiles
 * every layout and include again; a kept one has them compiled. It is kept
 * for one version of the templates (`key`, from their fingerprints): any
 * edit of a template starts a new one. Eleventy adds its filters, globals
 * and shortcodes to it on every run, replacing the last run's by name, so
 * every run reads its own build's data.
 */
export class TemplateCache {
  #key: string | null = null;
  #environment: NunjucksEnvironment | null = null;
  /** The paginated templates' own text, compiled: path and source → template, for `#environment`. */
  #pages = new Map<string, NunjucksTemplate>();

  /** Starts a build of the templates whose fingerprints give `key`: another version than the last build's drops the kept environment. */
  use(key: string): void {
    if (key === this.#key) return;
    this.#key = key;
    this.#environment = null;
    this.#pages.clear();
  }

  /**
   * A paginated template's own text (front matter removed), compiled once
   * in the kept environment, which this run renders with. Eleventy compiles
   * a Nunjucks template's text again for every page it writes (its Nunjucks
   * engine opts out of Eleventy's compile cache); {@link PAGE_ENGINE} asks
   * here instead.
   */
  page(source: string, path: string): NunjucksTemplate {
    const environment = this.#environment;
    if (!environment) throw new Error(`${path}: ${PAGE_ENGINE} needs Eleventy's Nunjucks engine, which this run did not start`);
    const key = `${path}\0${source}`;
    let template = this.#pages.get(key);
    if (!template) this.#pages.set(key, (template = new nunjucks.Template(source, environment, path)));
    return template;
  }

  /** The kept environment, or null: then the next run's is kept. */
  environment(): NunjucksEnvironment | null {
    const environment = this.#environment;
    // Each run adds its shortcodes again: the tags of earlier runs, now
    // replaced by name, are dropped from the list Nunjucks parses tags with.
    if (environment) environment.extensionsList = environment.extensionsList.filter((e) => e.__name !== undefined && environment.extensions[e.__name] === e);
    return environment;
  }

  keep(environment: NunjucksEnvironment): void {
    this.#environment ??= environment;
  }
}

/**
 * The key of a version of the templates for {@link TemplateCache}: their fingerprints.
 *
 * @example
 * templatesKey(build.templates) // => 'article.njk 9f1c…\nindex.njk 07ab…'
 */
export function templatesKey(fingerprints: ReadonlyMap<string, string>): string {
  return [...fingerprints].map(([file, hash]) => `${file} ${hash}`).join('\n');
}

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
        const templates = options.templates ?? new TemplateCache();
        const kept = templates.environment();
        // This run renders with the kept environment; else the one Eleventy makes is kept, for the later runs and for PAGE_ENGINE.
        if (kept) config.setLibrary('njk', kept);
        else config.on('eleventy.engine.njk', ({ environment }: { environment: NunjucksEnvironment }) => templates.keep(environment));
        config.addExtension(PAGE_ENGINE, {
          // Permalinks of these templates are functions, which Eleventy calls itself; the
          // compiled text is kept by `templates`, not in Eleventy's cache, which lives as long
          // as the process (the dev server's) and would hold every rebuild's.
          compileOptions: { permalink: 'raw', cache: false },
          compile: (source: string, path: string) => {
            const template = templates.page(source, path);
            return (data: object) => new Promise<string>((resolve, reject) => template.render(data, (error, html) => (error ? reject(error) : resolve(html ?? ''))));
          },
        });
        config.on('eleventy.after', async () => {
          await options.onBuilt?.();
        });
        const onPage = options.onPage;
        // Counts pages as they are rendered; the content passes through unchanged.
        if (onPage) config.addTransform('broadsheet-progress', (content: string) => (onPage(), content));
        // Lets the event loop turn while a run renders (see YIELD_EVERY); the content passes through unchanged.
        let pages = 0;
        config.addTransform('broadsheet-yield', async (content: string) => {
          if (++pages % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
          return content;
        });
        const selection = options.selection;
        if (selection) {
          // Read by the paginated templates' `before` (templates/article.njk): a function value, which Eleventy calls for the data.
          config.addGlobalData('broadsheetWants', () => selection.wants);
          if (!selection.singles) for (const template of singleTemplates()) config.ignores.add(template);
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
 * Renders a prepared build's pages: all of them, or (`only`) the planned
 * pages with these URLs and, unless `singles` is false (a shard but the
 * first), the single-page templates. Article pages past
 * `articlesPerRun` (default {@link ARTICLES_PER_RUN}) are written in further
 * Eleventy runs over the same build, which bounds memory, and the other
 * pages with the last run; the output is the same, byte for byte, as one
 * run's. Template errors throw.
 *
 * @example
 * await renderPages(build, { contentDir: 'content', outputDir: '_site' });
 */
export async function renderPages(
  build: PreparedBuild,
  options: {
    contentDir: string; outputDir: string; articlesPerRun?: number; only?: ReadonlySet<string> | null; singles?: boolean; onPage?: () => void;
    /** The article URLs in the order to render them (default: the site's order); runs take them in this order. */
    order?: readonly string[];
    /** The article pages of each run, in order (default: runs of `articlesPerRun`); they must add up to the articles rendered. */
    runs?: readonly number[];
    /** Called when run `run` (from 0) has written its pages. */
    onRun?: (run: number) => void;
    /** Compiled templates kept from earlier builds (the dev server's); by default the runs of this call share theirs. */
    templates?: TemplateCache;
  },
): Promise<void> {
  const { articlesPerRun = ARTICLES_PER_RUN, only = null, singles = true } = options;
  if (!Number.isInteger(articlesPerRun) || articlesPerRun < 1) throw new RangeError(`articlesPerRun must be a positive integer, got ${articlesPerRun}`);
  const prepare = async () => build;
  const articles = (options.order ?? build.site.articles.map((a) => a.url)).filter((url) => !only || only.has(url));
  const runs = options.runs ?? Array.from({ length: Math.max(1, Math.ceil(articles.length / articlesPerRun)) }, (_, i) => Math.min(articlesPerRun, articles.length - i * articlesPerRun));
  if (runs.reduce((n, size) => n + size, 0) !== articles.length) throw new RangeError(`the runs hold ${runs.reduce((n, size) => n + size, 0)} article pages, not the ${articles.length} to render`);
  const articleUrls = new Set(build.site.articles.map((a) => a.url));
  const templates = options.templates ?? new TemplateCache();
  templates.use(templatesKey(build.templates));
  let from = 0;
  for (const [run, size] of runs.entries()) {
    // V8 grows the heap rather than collect the finished run's pages: without
    // this, 50,000-article builds kept far more memory (docs/performance.md).
    if (run > 0) collectGarbage();
    const batch = new Set(articles.slice(from, from + size));
    from += size;
    // The pages that are not articles go with the last run: the first runs'
    // article pages, and so their search bundles, are ready the sooner.
    const last = run === runs.length - 1;
    // One run with every page needs no selection at all.
    const selection: RenderSelection | undefined =
      !only && singles && batch.size === articleUrls.size
        ? undefined
        : { wants: (url) => (articleUrls.has(url) ? batch.has(url) : last && (!only || only.has(url))), singles: last && singles };
    const eleventy = await createEleventy({ ...options, prepare, templates, ...(selection ? { selection } : {}) });
    await eleventy.write();
    options.onRun?.(run);
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

/** The templates of one page each, as paths Eleventy's ignores take. */
function singleTemplates(): string[] {
  return readdirSync(TEMPLATES_DIR, { recursive: true, encoding: 'utf8' })
    .map((path) => path.split('\\').join('/'))
    .filter((path) => /\.(?:njk|md)$/.test(path) && !path.startsWith('_includes/') && !PAGINATED_TEMPLATES.has(path))
    .map((path) => join(TEMPLATES_DIR, path).split('\\').join('/'));
}
