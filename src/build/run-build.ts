/**
 * A whole build, as one chain of named stages — the page a newcomer reads
 * to follow the content folder to the written files:
 *
 *   readManifest      the last build into this output folder (cache folder)
 *   prepareBuild      content/ → feed records (parse cache) → site model → discovery → page plan
 *   planRedirects     old URLs of articles whose URL changed → redirect pages
 *   renderPages       the plan's pages whose fingerprint changed, feeds and sitemaps → staging (Eleventy)
 *   keepPages         the pages whose fingerprint did not change → staging (hard links to the live site)
 *   writeRedirects    the redirect pages
 *   carryOver         files of the live site this build keeps (never written by a build) → staging
 *   writeSearchIndex  the article pages → pagefind/ (Pagefind), bundles whose pages did not change kept
 *   swapIn            the complete staging folder replaces the live site
 *   writeManifest     what this build wrote, with each page's fingerprint, for the next one
 *
 * Without a usable manifest (the first build, `--no-cache`, a damaged or
 * foreign cache) nothing is kept: every page is rendered and indexed.
 *
 * Everything is written into a staging folder beside the output, under a
 * lock (src/build/output-folder.ts): a killed build leaves the last
 * complete site serving.
 *
 * `broadsheet build` runs it once; `broadsheet serve` runs the same stages
 * on every rebuild (src/cli/serve-worker.ts).
 */
import { createHash } from 'node:crypto';
import { linkSync, mkdirSync, statSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { writeSearchIndex, type SearchIndexResult } from '../discovery/search-index.ts';
import type { Diagnostic, SiteSettings } from '../types.ts';
import { articleIdentity } from './article-identity.ts';
import { BROADSHEET_VERSION, readManifest, writeManifest, type Manifest, type ManifestBundle } from './manifest.ts';
export type { ManifestBundle } from './manifest.ts';
import { CODE_FINGERPRINT } from './code-fingerprint.ts';
import { diskParseCache } from './parse-cache.ts';
import type { BuildReuse, PreparedBuild } from './prepare-build.ts';
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
  /**
   * What the caller keeps across builds (the dev server): the place-name
   * dataset, a parse cache (default: in the cache folder, when there is
   * one), unchanged articles and their country scores.
   */
  reuse?: BuildReuse;
  /**
   * Write into the output folder itself, without staging or lock (the dev
   * server, which serves the folder as it is rebuilt).
   */
  inPlace?: boolean;
  /** Called when every page is in place, before the search index is updated (the dev server reloads pages then). */
  onRendered?: () => void;
}

export interface BuildSiteResult {
  diagnostics: Diagnostic[];
  /** The search index written, or null without search. */
  search: SearchIndexResult | null;
  /** Files of the last build this one deleted (retracted articles and the like). */
  pruned: number;
  /** Redirect pages written for corrected URLs. */
  redirects: number;
  /** Pages rendered by this build, and pages kept from the last one unchanged. */
  rendered: number;
  kept: number;
  /** The prepared build (site data, plan). */
  build: PreparedBuild;
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
  const lock = options.inPlace ? { release: async () => undefined } : await acquireLock(outputDir);
  if ('heldBy' in lock) throw new OutputBusyError(outputDir, lock.heldBy, lock.file);
  const staging = options.inPlace ? resolve(outputDir) : stagingDirFor(outputDir);
  try {
    if (!options.inPlace) {
      await removeStaleStaging(outputDir);
      await rm(staging, { recursive: true, force: true });
    }
    const read = cacheDir ? await readManifest(cacheDir, outputDir) : null;
    if (read && read.manifest === null) {
      if (read.why) options.onNote?.(`warning: ignoring the build manifest: ${read.why}; this is a full build and nothing from earlier builds is pruned`);
      else if (await hasFiles(outputDir)) options.onNote?.(`no manifest of an earlier build into ${outputDir} in ${cacheDir}: files already there are left as they are`);
    }
    const previous = read?.manifest ?? null;
    // Everything is written into the staging folder; the live site is untouched until the swap.
    if (!options.inPlace) await stageImages(outputDir, staging, IMAGES_FOLDER);
    const parseCache = options.reuse?.parseCache !== undefined ? options.reuse.parseCache : cacheDir ? diskParseCache(cacheDir) : null;
    const reuse: BuildReuse = { ...options.reuse, parseCache };
    const build = await prepareBuild({ ...options, outputDir: staging }, reuse);
    const damaged = parseCache?.damaged() ?? 0;
    if (damaged > 0) options.onNote?.(`warning: ignored ${damaged} damaged entr${damaged === 1 ? 'y' : 'ies'} of the parse cache in ${cacheDir}; those feeds were parsed again`);
    options.onDiagnostics?.(build.diagnostics);
    const redirects = planRedirects(previous, build.site.articles, new Set(build.plan.files.map((f) => f.url)));

    // Pages whose fingerprint the last build wrote, and whose file is still there, are kept.
    const kept = previous ? await unchangedPages(build, previous, outputDir) : [];
    const keptPaths = new Set(kept.map((f) => f.path));
    const only = previous ? new Set(build.plan.files.filter((f) => f.source === 'page' && !keptPaths.has(f.path)).map((f) => f.url)) : null;
    await renderPages(build, { ...options, outputDir: staging, only });
    if (!options.inPlace) await linkFiles(outputDir, staging, kept.map((f) => f.path));
    await writeRedirects(staging, redirects, build.site.settings);
    const written = new Set([...build.plan.files.map((f) => f.path), ...redirects.map((r) => r.path)]);
    // Renditions are Broadsheet's own: the staged ones no article uses any more (a retracted story's) go.
    await pruneOutput(staging, (await listFiles(join(staging, IMAGES_FOLDER))).map((f) => `${IMAGES_FOLDER}/${f}`), written);
    const search = options.search !== false;
    const previousFiles = previous ? new Set(previous.files) : null;
    const pruned = previousFiles ? [...previousFiles].filter((f) => !written.has(f) && !(search && f.startsWith(SEARCH_FOLDER))).length : 0;
    if (options.inPlace && previousFiles) await pruneOutput(staging, [...previousFiles].filter((f) => !written.has(f) && !f.startsWith(SEARCH_FOLDER)), written);
    // The search index is rebuilt from its bundles (kept or indexed), so none of an old one is carried over.
    const replaced = new Set(written);
    if (search) for (const f of await listFiles(join(outputDir, SEARCH_FOLDER))) replaced.add(`${SEARCH_FOLDER}${f}`);
    if (!options.inPlace) await carryOver(outputDir, staging, previousFiles, replaced);
    if (options.inPlace) options.onRendered?.();
    const searchResult = search ? await updateSearchIndex(build, staging, { source: outputDir, previous: previous?.bundles ?? [], inPlace: !!options.inPlace }) : null;
    if (!options.inPlace) {
      await swapIn(staging, outputDir);
      options.onRendered?.();
    }
    await parseCache?.flush();
    if (cacheDir) {
      const pages: Record<string, string> = {};
      for (const file of build.plan.files) if (file.fingerprint !== null) pages[file.path] = file.fingerprint;
      await writeManifest(cacheDir, {
        format: 2,
        broadsheet: BROADSHEET_VERSION,
        outputDir: resolve(outputDir),
        files: [...written, ...(searchResult?.files ?? [])].sort(),
        articles: build.site.articles.map((a) => ({ id: articleIdentity(a), url: a.url })),
        redirects: redirects.map(({ from, id }) => ({ from, id })),
        code: CODE_FINGERPRINT,
        pages,
        bundles: searchResult?.bundles ?? [],
      });
    }
    const rendered = build.plan.files.filter((f) => f.source !== 'public' && f.source !== 'image').length - kept.length;
    return {
      diagnostics: build.diagnostics,
      search: searchResult?.index ?? null,
      pruned,
      redirects: redirects.length,
      rendered,
      kept: kept.length,
      build,
    };
  } catch (error) {
    if (!options.inPlace) await rm(staging, { recursive: true, force: true });
    throw error;
  } finally {
    await lock.release();
  }
}

/** The planned pages whose fingerprint equals the last build's and whose file is in the output folder. */
async function unchangedPages(build: PreparedBuild, previous: Manifest, outputDir: string): Promise<PreparedBuild['plan']['files']> {
  const candidates = build.plan.files.filter((f) => f.fingerprint !== null && previous.pages[f.path] === f.fingerprint);
  return candidates.filter((f) => statSync(join(outputDir, f.path), { throwIfNoEntry: false })?.isFile() === true);
}

/**
 * Hard links `paths` of the live site into staging: the same bytes, no
 * copy, and the live files stay in place until the swap. Nothing is ever
 * written through these links: rendering has finished before they are made.
 * Synchronous calls: tens of thousands of them, with nothing else to run
 * meanwhile, and each promise round trip costs more than the link itself.
 */
async function linkFiles(from: string, to: string, paths: readonly string[]): Promise<void> {
  const made = new Set<string>();
  for (const path of paths) {
    const target = join(to, path);
    const dir = dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    linkSync(join(from, path), target);
  }
}

/**
 * Indexes a build's article pages in `staging`, bundle by bundle: a bundle
 * whose pages all have the fingerprints they had when `previous` was
 * written is linked from `source` (the live site) instead of indexed again.
 * In place (`staging` is the live site), the old index is moved aside
 * first. The dev server calls this after each rebuild, beside the next.
 */
export async function updateSearchIndex(
  build: PreparedBuild,
  staging: string,
  { source: outputDir, previous, inPlace }: { source: string; previous: readonly ManifestBundle[]; inPlace: boolean },
): Promise<{ index: SearchIndexResult; files: string[]; bundles: ManifestBundle[] }> {
  const fingerprintOf = new Map(build.plan.files.map((f) => [f.path, f.fingerprint]));
  const articlePages = build.site.articles.map((a) => outputPathOf(a.url));
  const bundleFingerprint = (pages: readonly string[]) => {
    const hash = createHash('sha256').update(CODE_FINGERPRINT);
    for (const page of pages) hash.update('\0').update(page).update('\0').update(fingerprintOf.get(page) ?? 'none');
    return hash.digest('hex');
  };
  const old = new Map(previous.map((b) => [b.dir, b]));
  const aside = inPlace ? `${staging}.search-${process.pid}` : null;
  // In place, the old bundles are moved aside first: writeSearchIndex replaces the folder.
  if (aside) {
    await rm(aside, { recursive: true, force: true });
    await rename(join(staging, SEARCH_FOLDER), aside).catch(() => undefined);
  }
  const source = aside ?? outputDir;
  const kept = new Map<string, string[]>();
  try {
    const index = await writeSearchIndex(staging, {
      pages: articlePages,
      reuse: async (bundle) => {
        const before = old.get(bundle.dir);
        if (!before || before.fingerprint !== bundleFingerprint(bundle.pages)) return false;
        const files = before.files.map((f) => `${SEARCH_FOLDER}${f}`);
        if (!files.every((f) => statSync(join(source, f), { throwIfNoEntry: false })?.isFile() === true)) return false;
        await linkFiles(source, staging, files);
        kept.set(bundle.dir, before.files);
        return true;
      },
    });
    const bundles: ManifestBundle[] = [];
    const files: string[] = [];
    const all = await listFiles(join(staging, SEARCH_FOLDER));
    const partDirs = index.plan.slice(1).map((b) => `${b.dir.slice(SEARCH_FOLDER.length)}/`);
    for (const [i, bundle] of index.plan.entries()) {
      const own = kept.get(bundle.dir) ??
        all.filter((f) => (i === 0 ? !partDirs.some((p) => f.startsWith(p)) && f !== BUNDLES_LIST : f.startsWith(`${bundle.dir.slice(SEARCH_FOLDER.length)}/`)));
      bundles.push({ dir: bundle.dir, fingerprint: bundleFingerprint(bundle.pages), files: own });
    }
    for (const f of all) files.push(`${SEARCH_FOLDER}${f}`);
    return { index, files, bundles };
  } finally {
    if (aside) await rm(aside, { recursive: true, force: true });
  }
}

/** The list of bundles the search page merges, written by every build (src/discovery/search-index.ts). */
const BUNDLES_LIST = 'bundles.json';

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
async function listFiles(folder: string): Promise<string[]> {
  const dir = folder.replace(/[\\/]+$/, '');
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1).split('\\').join('/'));
}
