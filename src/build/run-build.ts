/**
 * A whole build, as one chain of named stages — the page a newcomer reads
 * to follow the content folder to the written files:
 *
 *   readManifest      the last build into this output folder (cache folder)
 *   prepareBuild      content/ → feed records → site model → discovery → page plan
 *   planRedirects     old URLs of articles whose URL changed → redirect pages
 *   renderPages       the plan's pages, feeds and sitemaps → the output folder (Eleventy)
 *   writeRedirects    the redirect pages
 *   pruneOutput       what the last build wrote and this one does not → deleted
 *   writeSearchIndex  the article pages → pagefind/ (Pagefind)
 *   writeManifest     what this build wrote, for the next one
 *
 * `broadsheet build` runs it once; `broadsheet serve` runs the same stages
 * on every rebuild (src/cli/serve-worker.ts).
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { writeSearchIndex, type SearchIndexResult } from '../discovery/search-index.ts';
import type { Diagnostic, SiteSettings } from '../types.ts';
import { articleIdentity } from './article-identity.ts';
import { BROADSHEET_VERSION, readManifest, writeManifest } from './manifest.ts';
import { prepareBuild, type BuildInputs } from './prepare-build.ts';
import { pruneOutput } from './prune.ts';
import { planRedirects, redirectPage, type Redirect } from './redirects.ts';
import { renderPages } from './render-pages.ts';

export interface BuildSiteOptions extends BuildInputs {
  /** Called with the build's diagnostics, sorted, as soon as the content is read (before rendering). */
  onDiagnostics?: (diagnostics: Diagnostic[]) => void;
  /** Called with one-line notes about the cache and the output folder. */
  onNote?: (note: string) => void;
  /** Index the site for search (default true). */
  search?: boolean;
  /** Article pages per Eleventy run (see ARTICLES_PER_RUN). */
  articlesPerRun?: number;
  /**
   * The cache folder that keeps the manifest of the last build into this
   * output folder; null (the default here; the CLI's is `.broadsheet-cache`)
   * for none: nothing an earlier build wrote is pruned, no redirect made.
   */
  cacheDir?: string | null;
}

export interface BuildSiteResult {
  diagnostics: Diagnostic[];
  /** The search index written, or null without search. */
  search: SearchIndexResult | null;
  /** Files of the last build this one deleted (retracted articles and the like). */
  pruned: number;
  /** Redirect pages written for corrected URLs. */
  redirects: number;
}

/**
 * Builds the site. Content problems are diagnostics; a template error or an
 * unwritable folder throws.
 *
 * @example
 * const { diagnostics } = await buildSite({ contentDir: 'content', outputDir: '_site', cacheDir: '.broadsheet-cache' });
 */
export async function buildSite(options: BuildSiteOptions): Promise<BuildSiteResult> {
  const { outputDir, cacheDir = null } = options;
  const previous = cacheDir ? await readManifest(cacheDir, outputDir) : null;
  if (previous && previous.manifest === null) {
    if (previous.why) options.onNote?.(`warning: ignoring the build manifest: ${previous.why}; nothing from earlier builds is pruned`);
    else if (await hasFiles(outputDir)) options.onNote?.(`no manifest of an earlier build into ${outputDir} in ${cacheDir}: files already there are left as they are`);
  }
  const build = await prepareBuild(options);
  options.onDiagnostics?.(build.diagnostics);
  const redirects = planRedirects(previous?.manifest ?? null, build.site.articles, new Set(build.plan.files.map((f) => f.url)));
  await renderPages(build, options);
  await writeRedirects(outputDir, redirects, build.site.settings);
  const written = new Set([...build.plan.files.map((f) => f.path), ...redirects.map((r) => r.path)]);
  const search = options.search !== false;
  let pruned = 0;
  if (previous?.manifest) {
    // The search index is replaced whole by its own stage; without search, an old index is pruned like any file.
    const stale = previous.manifest.files.filter((f) => !(search && f.startsWith('pagefind/')));
    pruned = await pruneOutput(outputDir, stale, written);
  }
  const index = search ? await writeSearchIndex(outputDir) : null;
  if (cacheDir) {
    const searchFiles = index ? (await listFiles(join(outputDir, 'pagefind'))).map((f) => `pagefind/${f}`) : [];
    await writeManifest(cacheDir, {
      format: 1,
      broadsheet: BROADSHEET_VERSION,
      outputDir: resolve(outputDir),
      files: [...written, ...searchFiles].sort(),
      articles: build.site.articles.map((a) => ({ id: articleIdentity(a), url: a.url })),
      redirects: redirects.map(({ from, id }) => ({ from, id })),
    });
  }
  return { diagnostics: build.diagnostics, search: index, pruned, redirects: redirects.length };
}

async function writeRedirects(outputDir: string, redirects: readonly Redirect[], settings: SiteSettings): Promise<void> {
  for (const redirect of redirects) {
    const file = join(outputDir, redirect.path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, redirectPage(redirect, settings));
  }
}

async function hasFiles(dir: string): Promise<boolean> {
  return ((await readdir(dir).catch(() => [])) as string[]).length > 0;
}

/** Files under `dir`, relative, with `/` separators. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1).split('\\').join('/'));
}
