/**
 * A whole build, as one chain of named stages — the page a newcomer reads
 * to follow the content folder to the written files:
 *
 *   readManifest      the last build into this output folder (cache folder)
 *   prepareBuild      content/ → feed records → site model → discovery → page plan
 *   planRedirects     old URLs of articles whose URL changed → redirect pages
 *   renderPages       the plan's pages, feeds and sitemaps → the output folder (Eleventy)
 *   writeRedirects    the redirect pages
 *   carryOver         files of the live site this build keeps (never written by a build) → staging
 *   writeSearchIndex  the article pages → pagefind/ (Pagefind)
 *   swapIn            the complete staging folder replaces the live site
 *   writeManifest     what this build wrote, for the next one
 *
 * Everything is written into a staging folder beside the output, under a
 * lock (src/build/output-folder.ts): a killed build leaves the last
 * complete site serving.
 *
 * `broadsheet build` runs it once; `broadsheet serve` runs the same stages
 * on every rebuild (src/cli/serve-worker.ts).
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { writeSearchIndex, type SearchIndexResult } from '../discovery/search-index.ts';
import type { Diagnostic, SiteSettings } from '../types.ts';
import { articleIdentity } from './article-identity.ts';
import { BROADSHEET_VERSION, readManifest, writeManifest } from './manifest.ts';
import { prepareBuild, type BuildInputs } from './prepare-build.ts';
import { pruneOutput } from './prune.ts';
import { planRedirects, redirectPage, type Redirect } from './redirects.ts';
import { renderPages } from './render-pages.ts';
import { acquireLock, carryOver, removeStaleStaging, stageImages, stagingDirFor, swapIn } from './output-folder.ts';
import { IMAGES_URL, outputPathOf, SEARCH_INDEX_URL } from '../routes.ts';

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
  const lock = await acquireLock(outputDir);
  if ('heldBy' in lock) throw new OutputBusyError(outputDir, lock.heldBy, lock.file);
  const staging = stagingDirFor(outputDir);
  try {
    await removeStaleStaging(outputDir);
    await rm(staging, { recursive: true, force: true });
    const previous = cacheDir ? await readManifest(cacheDir, outputDir) : null;
    if (previous && previous.manifest === null) {
      if (previous.why) options.onNote?.(`warning: ignoring the build manifest: ${previous.why}; nothing from earlier builds is pruned`);
      else if (await hasFiles(outputDir)) options.onNote?.(`no manifest of an earlier build into ${outputDir} in ${cacheDir}: files already there are left as they are`);
    }
    // Everything is written into the staging folder; the live site is untouched until the swap.
    await stageImages(outputDir, staging, IMAGES_FOLDER);
    const build = await prepareBuild({ ...options, outputDir: staging });
    options.onDiagnostics?.(build.diagnostics);
    const redirects = planRedirects(previous?.manifest ?? null, build.site.articles, new Set(build.plan.files.map((f) => f.url)));
    await renderPages(build, { ...options, outputDir: staging });
    await writeRedirects(staging, redirects, build.site.settings);
    const written = new Set([...build.plan.files.map((f) => f.path), ...redirects.map((r) => r.path)]);
    // Renditions are Broadsheet's own: the staged ones no article uses any more (a retracted story's) go.
    await pruneOutput(staging, (await listFiles(join(staging, IMAGES_FOLDER))).map((f) => `${IMAGES_FOLDER}/${f}`), written);
    const search = options.search !== false;
    const previousFiles = previous?.manifest ? new Set(previous.manifest.files) : null;
    const pruned = previousFiles ? [...previousFiles].filter((f) => !written.has(f) && !(search && f.startsWith(SEARCH_FOLDER))).length : 0;
    // The search index is rewritten whole, so none of an old one is carried over.
    const replaced = new Set(written);
    if (search) for (const f of await listFiles(join(outputDir, SEARCH_FOLDER))) replaced.add(`${SEARCH_FOLDER}${f}`);
    await carryOver(outputDir, staging, previousFiles, replaced);
    const index = search ? await writeSearchIndex(staging) : null;
    const searchFiles = index ? (await listFiles(join(staging, SEARCH_FOLDER))).map((f) => `${SEARCH_FOLDER}${f}`) : [];
    await swapIn(staging, outputDir);
    if (cacheDir) {
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
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  } finally {
    await lock.release();
  }
}

/** Another build holds the output folder's lock. */
export class OutputBusyError extends Error {
  constructor(outputDir: string, pid: number, lockFile: string) {
    super(`another build (process ${pid}) is writing ${outputDir}; wait for it to finish, or delete ${lockFile} if no build is running`);
    this.name = 'OutputBusyError';
  }
}

/** The output's folders of photo renditions and of the search index (see src/routes.ts). */
const IMAGES_FOLDER = outputPathOf(IMAGES_URL).replace(/\/index\.html$/, '');
const SEARCH_FOLDER = `${outputPathOf(SEARCH_INDEX_URL).replace(/\/index\.html$/, '')}/`;

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
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1).split('\\').join('/'));
}
