/**
 * A whole build, as one chain of named stages — the page a newcomer reads
 * to follow the content folder to the written files:
 *
 *   readManifest       the last build into this output folder (cache folder)
 *   prepareBuild       content/ → feed records (parse cache) → site model → discovery → page plan
 *   planRedirects      old URLs of articles whose URL changed → redirect pages
 *   unchangedPages     the pages whose fingerprint the last build wrote: kept, not rendered
 *   renderPages        the other pages, feeds and sitemaps → staging (Eleventy)
 *   writeRedirects     the redirect pages → staging
 *   updateSearchIndex  the article pages → pagefind/ (Pagefind); bundles whose pages did not change kept;
 *                      in a full build each bundle starts once its pages are rendered (renderSchedule);
 *                      in an incremental one a changed bundle's pages before its first changed one are
 *                      handed to Pagefind while the changed pages render
 *   then, by mode:
 *     staged   (no usable manifest: a full build) carryOver the files no build wrote, swapIn the whole staging folder
 *     update   (an incremental build) moveInto the live site the staged files, moveBundlesIn the new bundles, prune what is gone
 *     in-place (the dev server) everything above was written into the live site itself; prune what is gone
 *   writeManifest      what this build wrote, with each page's fingerprint and the bundles, for the next one
 *
 * Without a usable manifest (the first build, `--no-cache`, a damaged or
 * foreign cache) nothing is kept: every page is rendered and indexed.
 *
 * A shard (`shard`, src/build/shards.ts) renders and indexes only its part
 * of the plan and writes `broadsheet-shard.json` for the merge. A full
 * build with `workers` starts worker processes for shards 2…N first
 * (src/build/shard-workers.ts), builds shard 1 itself, and moves the
 * workers' files into its staging folder before it is swapped in.
 *
 * A build works under a lock (src/build/output-folder.ts). A full build
 * writes a staging folder beside the output and swaps it in whole, so a
 * killed build leaves the last complete site serving. An incremental one
 * stages only what changed and moves it in file by file (each file is
 * replaced by a rename, never half written), after marking the manifest so
 * that a build killed during those renames is followed by a full render.
 *
 * `broadsheet build` runs it once; `broadsheet serve` runs it in place on
 * every rebuild (src/cli/serve-worker.ts).
 */
import { rmSync, statSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { SearchIndexResult } from '../discovery/search-index.ts';
import type { Diagnostic, SiteArticle, SiteSettings } from '../types.ts';
import { articleIdentity } from './article-identity.ts';
import { applyRewriting, emptyManifest, readManifest, writeManifest, writeRewriting, type Manifest, type ManifestRead, type Rewriting } from './manifest.ts';
import { moveBundlesIn, SEARCH_FOLDER, searchBundlesOf, updateSearchIndex, withSearchIndex } from './search-update.ts';
import { buildKey, describeShard, SHARD_MANIFEST, shardPart, type ShardManifest, type ShardSpec } from './shards.ts';
import { joinShardWorkers, startShardWorkers, stopShardWorkers, type ShardWorker } from './shard-workers.ts';
import { diskParseCache } from './parse-cache.ts';
import { readMemos, writeMemos } from './memo-cache.ts';
import type { BuildReuse, PreparedBuild } from './prepare-build.ts';
import { prepareBuild, type BuildInputs } from './prepare-build.ts';
import { pruneOutput } from './prune.ts';
import type { PlannedFile } from './page-plan.ts';
import { planRedirects, redirectPage, type Redirect } from './redirects.ts';
import { ARTICLES_PER_RUN, renderPages } from './render-pages.ts';
import { renderSchedule } from './render-schedule.ts';
import { makeFolders } from './make-folders.ts';
import { filesUnder } from '../file-tree.ts';
import { acquireLock, carryOver, moveInto, OutputBusyError, removeLeftovers, stageImages, stagingDirFor, swapIn } from './output-folder.ts';
import { IMAGES_URL, outputPathOf } from '../routes.ts';

/**
 * An in-place build (the dev server's) that failed once it could have
 * rewritten pages. Its message is the failure's; `manifest` is the last
 * build's without the fingerprints of the pages it did not keep (in the
 * cache folder since before its first page), so that the next build
 * renders those again instead of keeping whatever the failed build left
 * in their files.
 */
export class InPlaceBuildError extends Error {
  override name = 'InPlaceBuildError';
  constructor(cause: unknown, readonly manifest: Manifest) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

export interface BuildSiteOptions extends BuildInputs {
  /** Called with the build's diagnostics, sorted, as soon as the content is read (before rendering). */
  onDiagnostics?: (diagnostics: Diagnostic[]) => void;
  /** Called with one-line notes about the cache and the output folder. */
  onNote?: (note: string) => void;
  /** Index the site for search (default true). */
  search?: boolean;
  /** Called as the build moves through its stages, and as pages and search bundles are done. */
  onProgress?: (progress: BuildProgress) => void;
  /** Search bundles indexed at a time, each by a Pagefind process of its own (default 1; the CLI's is the number of cores). */
  jobs?: number;
  /** Article pages per Eleventy run (see ARTICLES_PER_RUN). */
  articlesPerRun?: number;
  /** Most pages per search bundle (see PAGES_PER_BUNDLE); a test's small sites use small ones. */
  pagesPerBundle?: number;
  /**
   * Processes a full build runs in (default 1): this one and `workers - 1`
   * worker processes, each rendering and indexing a shard of the plan
   * (src/build/shard-workers.ts); the output is the same. Incremental and
   * in-place builds run in one. `jobs` search lanes are shared among them.
   */
  workers?: number;
  /**
   * Build one shard of the site (src/build/shards.ts) into the output
   * folder, with its `broadsheet-shard.json`, for `broadsheet merge`: a
   * full build, whatever the cache holds; the cache folder's manifest is
   * neither read nor written.
   */
  shard?: ShardSpec;
  /** With `shard`: whether the shard keeps its articles' photo renditions (default true; a local worker's parent has them all). */
  shardImages?: boolean;
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
  /**
   * The manifest of the last build into this folder, when the caller holds
   * it (the dev server, which builds into its folder alone); otherwise it is
   * read from the cache folder.
   */
  manifest?: Manifest | null;
}

/** Where a build is: a stage starting, or a count of its work done. */
export type BuildProgress =
  | { stage: 'prepare' }
  | { stage: 'render'; done: number; total: number }
  | { stage: 'search'; done: number; total: number }
  | { stage: 'finish' };

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
  /** The manifest this build wrote, or null without a cache folder. */
  manifest: Manifest | null;
  /** The manifest of the last build it started from, or null (a full build). */
  previous: Manifest | null;
  /** With `shard`: the shard's manifest, as written into its folder. */
  shard?: ShardManifest;
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
  const live = resolve(outputDir);
  const staging = options.inPlace ? live : stagingDirFor(outputDir);
  let workers: ShardWorker[] = [];
  // In place, once this build may rewrite pages: the manifest that vouches
  // only for what it keeps (see `rewriteNote`), for the caller if it fails.
  let rewriting: (() => Manifest) | null = null;
  try {
    if (!options.inPlace) {
      await removeLeftovers(outputDir);
      await rm(staging, { recursive: true, force: true });
    }
    const shard = options.shard ?? null;
    const read: ManifestRead | null =
      shard ? null : options.manifest !== undefined ? (options.manifest ? { manifest: options.manifest } : { manifest: null, why: null }) : cacheDir ? await readManifest(cacheDir, outputDir) : null;
    if (read && read.manifest === null) {
      if (read.why) options.onNote?.(`warning: ignoring the build manifest: ${read.why}; this is a full build and nothing from earlier builds is pruned`);
      else if (await hasFiles(outputDir)) options.onNote?.(`no manifest of an earlier build into ${outputDir} in ${cacheDir}: files already there are left as they are`);
    }
    const previous = read?.manifest ?? null;
    // In place (the dev server) it writes the live site; with a manifest, only
    // the changed files go to staging and are moved in (update); else a whole
    // new site is staged and swapped in (staged).
    const mode = options.inPlace ? 'in-place' : previous ? 'update' : 'staged';
    // Renditions already made are linked into staging, so eleventy-img does not encode them again.
    if (mode !== 'in-place') await stageImages(outputDir, staging, IMAGES_FOLDER);
    const parseCache = options.reuse?.parseCache !== undefined ? options.reuse.parseCache : cacheDir ? diskParseCache(cacheDir) : null;
    // What the last build found in each article and bundle, unless the caller (the dev server) keeps its own.
    const stored = !options.reuse?.scores && cacheDir && !shard ? await readMemos(cacheDir) : null;
    if (stored?.warning) options.onNote?.(`warning: ${stored.warning}`);
    const reuse: BuildReuse = { ...stored?.memos, ...options.reuse, parseCache };
    const search = options.search !== false;
    // A full build on several cores: shards 2…N in worker processes, started
    // before this one reads the content, since each reads it too.
    const workerCount = mode === 'staged' && !shard ? Math.max(1, options.workers ?? 1) : 1;
    const lanes = Math.max(1, Math.floor((options.jobs ?? 1) / workerCount));
    // Progress: this process's counts and its workers', summed, in this process's stage.
    let stage: 'render' | 'search' | null = null;
    const own = { render: 0, search: 0 };
    const totals = { render: 0, search: 0 };
    const report = () => {
      if (!options.onProgress || !stage) return;
      const done = (counted: 'render' | 'search') => Math.min(totals[counted], workers.reduce((sum, w) => sum + w.counts[counted], own[counted]));
      // Workers may still be rendering when this process indexes: the render count is shown until it is complete.
      const shown = stage === 'search' && done('render') < totals.render ? 'render' : stage;
      // The render line ends complete before the search line starts, whoever finished last.
      if (shown === 'search' && lastShown === 'render') options.onProgress({ stage: 'render', done: totals.render, total: totals.render });
      lastShown = shown;
      options.onProgress({ stage: shown, done: done(shown), total: totals[shown] });
    };
    let lastShown: 'render' | 'search' | null = null;
    const base = { contentDir: options.contentDir, now: options.now ?? null, search, jobs: lanes, parseCacheDir: cacheDir };
    workers = workerCount > 1
      ? startShardWorkers({ ...base, ...(options.pagesPerBundle ? { pagesPerBundle: options.pagesPerBundle } : {}), ...(options.articlesPerRun ? { articlesPerRun: options.articlesPerRun } : {}) }, workerCount, staging, report)
      : [];
    const progress = options.onProgress;
    progress?.({ stage: 'prepare' });
    const build = await prepareBuild({ ...options, outputDir: staging }, reuse);
    const damaged = parseCache?.damaged() ?? 0;
    if (damaged > 0) options.onNote?.(`warning: ignored ${damaged} damaged entr${damaged === 1 ? 'y' : 'ies'} of the parse cache in ${cacheDir}; those feeds were parsed again`);
    options.onDiagnostics?.(build.diagnostics);
    // Each article's identity, once per build (and, in the dev server, once per revision).
    reuse.identities?.nextBuild();
    const identities = new Map<SiteArticle, string>();
    const identityOf = (article: SiteArticle) => {
      let id = identities.get(article);
      if (id === undefined) {
        id = reuse.identities ? reuse.identities.get(`${article.source.file}\0${article.revision}`, () => articleIdentity(article)) : articleIdentity(article);
        identities.set(article, id);
      }
      return id;
    };
    const redirects = planRedirects(previous, build.site.articles, new Set(build.plan.files.map((f) => f.url)), identityOf);

    // Pages whose fingerprint the last build wrote, and whose file is still there, are kept.
    // In place, after a rebuild of its own, the folder is the dev server's: its files are not
    // checked one by one. Its first build reads the manifest from the cache folder, and the
    // output may have been emptied since: that one checks.
    const kept = previous ? unchangedPages(build, previous, outputDir, mode !== 'in-place' || options.manifest === undefined) : [];
    const keptPaths = new Set(kept.map((f) => f.path));
    if (mode === 'in-place') {
      // Noted before the first page: a server killed while it rewrites pages leaves a manifest that does not vouch for them.
      const note = rewriteNote(previous, build.plan.files, keptPaths, redirects);
      const base = previous ?? emptyManifest(live);
      rewriting = () => applyRewriting(base, note);
      if (cacheDir && previous) await writeRewriting(cacheDir, outputDir, note);
      // A first build notes every file it may write in a manifest: its folder is known as a Broadsheet site from its first page.
      else if (cacheDir) await writeManifest(cacheDir, rewriting());
    }
    // A shard (this process's share of a build on several cores, or one of `--shard I/N`) writes its part of the plan.
    const spec = shard ?? (workers.length ? { index: 1, count: workers.length + 1 } : null);
    // The search bundles, planned once: shards are split by them, and the index is written in them
    // (none to plan for a build without search in one process: the dev server's, which updates the index later).
    const bundles = search || spec ? searchBundlesOf(build, options.pagesPerBundle) : [];
    const part = spec ? shardPart(build, bundles, spec, { images: options.shardImages ?? true }) : null;
    const key = spec ? buildKey(build, { search, count: spec.count }) : null;
    // The workers' files join this process's when they are done.
    const joined = workers.length ? joinShardWorkers(workers, staging, key!) : null;
    joined?.catch(() => undefined);
    // Pages, and the feeds with a fingerprint (each topic's), that were not kept.
    const only = part
      ? part.urls
      : previous ? new Set(build.plan.files.filter((f) => (f.source === 'page' || f.fingerprint !== null) && !keptPaths.has(f.path)).map((f) => f.url)) : null;
    // Pages and feeds Eleventy renders: every planned one not kept (the transform counts feeds and sitemaps too).
    const renderable = build.plan.files.filter((f) => f.source !== 'public' && f.source !== 'image').length - kept.length;
    totals.render = shard ? part!.urls.size : renderable;
    // Their folders, made in a worker thread while Eleventy starts (in place, the dev server's are there).
    const folders = mode === 'in-place' ? null : makeFolders(staging, build.plan.files.filter((f) => f.source === 'page' && (!only || only.has(f.url))).map((f) => f.path));
    stage = 'render';
    report();
    const onPage = progress ? () => (own.render++, report()) : undefined;
    // A full build indexes each search bundle as soon as its pages are written, while the rest render.
    const ownBundles = part ? bundles.filter((b) => part.bundles.has(b.dir)) : bundles;
    const schedule = search && mode === 'staged' && ownBundles.length > 1
      ? renderSchedule(ownBundles, build.site.articles.map((a) => a.url).filter((url) => !only || only.has(url)), options.articlesPerRun ?? ARTICLES_PER_RUN)
      : null;
    // A shard counts its own bundles; this build (with workers too) all of them.
    totals.search = shard ? ownBundles.length : bundles.length;
    let rendered!: () => void;
    const rendering = new Promise<void>((resolve) => (rendered = resolve));
    const indexing = search
      ? () => updateSearchIndex(build, staging, {
        mode, live, previous: previous?.bundles ?? [], bundles, jobs: part ? lanes : options.jobs ?? 1,
        // Shard 1, which writes the pages that list the whole site, writes the bundle list and the vocabulary.
        ...(part ? { owned: part.bundles, list: part.singles } : {}),
        ...(joined ? { others: joined } : {}),
        ...(reuse.words ? { words: reuse.words } : {}),
        // An incremental build hands Pagefind each changed bundle's kept pages while the others render.
        ...(mode === 'update' ? { keptPages: keptPaths, rendered: rendering } : {}),
        ...(schedule ? { ready: schedule.ready, rank: schedule.rank, moreLanesAfter: rendering } : {}),
        ...(progress ? { onBundle: (done: number) => ((own.search = done), report()) } : {}),
      })
      : null;
    const early = (schedule || mode === 'update') && indexing ? indexing() : null;
    early?.catch(() => undefined);
    try {
      await renderPages(build, {
        ...options, outputDir: staging, only,
        ...(reuse.templates ? { templates: reuse.templates } : {}),
        ...(part ? { singles: part.singles } : {}),
        ...(onPage ? { onPage } : {}),
        ...(schedule ? { order: schedule.order, runs: schedule.runs, onRun: schedule.runDone } : {}),
      });
    } catch (error) {
      // The bundles waiting for pages give up, and their Pagefind processes close, before the error goes on.
      schedule?.failed(error);
      rendered();
      // Its folders are made before the staging folder is removed.
      await folders;
      await early?.catch(() => undefined);
      throw error;
    }
    rendered();
    await folders;
    await writeRedirects(staging, redirects, build.site.settings);
    // A shard writes its part; this build (with workers, every part) the whole plan.
    const written = shard ? part!.files : new Set([...build.plan.files.map((f) => f.path), ...redirects.map((r) => r.path)]);
    // Renditions are Broadsheet's own: the staged ones no article uses any more (a retracted story's) go.
    await pruneOutput(staging, filesUnder(join(staging, IMAGES_FOLDER)).map((f) => `${IMAGES_FOLDER}/${f}`), written);
    const previousFiles = previous ? new Set(previous.files) : null;
    // What the last build wrote and this one does not: a retracted article's page and photos, an old index.
    // The index stays when this build writes one, and in place: the dev server updates it after the rebuild.
    const gone = previousFiles ? [...previousFiles].filter((f) => !written.has(f) && !((search || mode === 'in-place') && f.startsWith(SEARCH_FOLDER))) : [];
    let searchUpdate = null;
    if (indexing) {
      stage = 'search';
      report();
      searchUpdate = await (early ?? indexing());
    }
    await joined;
    // With workers, this process indexed its own bundles: the index is all of them.
    if (searchUpdate && workers.length) searchUpdate.index = { ...searchUpdate.index, pages: build.site.articles.length, indexed: searchUpdate.index.plan.length };
    stage = null;
    progress?.({ stage: 'finish' });
    let shardManifest: ShardManifest | undefined;
    if (shard) {
      // A shard's folder holds its part and the manifest the merge reads, nothing else.
      shardManifest = describeShard(staging, key!, shard);
      await writeFile(join(staging, SHARD_MANIFEST), `${JSON.stringify(shardManifest)}\n`);
      await swapIn(staging, outputDir);
    } else if (mode === 'staged') {
      // The live site's files this build never wrote (a CNAME) come along; an old search index does not.
      await carryOver(outputDir, staging, previousFiles, written, new Set(search ? [SEARCH_FOLDER] : []));
      await swapIn(staging, outputDir);
    } else {
      if (mode === 'update') {
        // Until the new manifest is written, the live site is not what the
        // last manifest says: a build killed meanwhile must not keep pages
        // by it, so it keeps the file list (for pruning) but no fingerprints.
        if (cacheDir) await writeManifest(cacheDir, { ...previous!, pages: {}, bundles: [] });
        moveInto(staging, live, SEARCH_FOLDER);
        if (searchUpdate) gone.push(...moveBundlesIn(staging, live, searchUpdate));
        rmSync(staging, { recursive: true, force: true });
      }
      await pruneOutput(live, gone, written);
    }
    options.onRendered?.();
    await parseCache?.flush();
    if (stored) await writeMemos(cacheDir!, stored.memos);
    let manifest: Manifest | null = null;
    if (cacheDir && !shard) {
      const pages: Record<string, string> = {};
      for (const file of build.plan.files) if (file.fingerprint !== null) pages[file.path] = file.fingerprint;
      manifest = withSearchIndex({
        ...emptyManifest(live),
        files: [...written],
        articles: build.site.articles.map((a) => ({ id: identityOf(a), url: a.url })),
        redirects: redirects.map(({ from, id }) => ({ from, id })),
        pages,
      }, searchUpdate ?? { bundles: [], files: [] });
      await writeManifest(cacheDir, manifest);
    }
    return {
      diagnostics: build.diagnostics,
      search: searchUpdate?.index ?? null,
      pruned: gone.length,
      redirects: redirects.length,
      rendered: totals.render,
      kept: kept.length,
      build,
      manifest,
      previous,
      ...(shardManifest ? { shard: shardManifest } : {}),
    };
  } catch (error) {
    if (!options.inPlace) await rm(staging, { recursive: true, force: true });
    // Pages this build did not keep may hold its output now: the caller holds the manifest that does not vouch for them.
    if (rewriting) throw new InPlaceBuildError(error, rewriting());
    throw error;
  } finally {
    stopShardWorkers(workers);
    await lock.release();
  }
}

/**
 * What an in-place build may rewrite (src/build/manifest.ts `Rewriting`):
 * the last build's pages it does not keep, and the files it may write that
 * the last build's manifest does not list (every file, for a first build).
 */
function rewriteNote(previous: Manifest | null, planned: readonly PlannedFile[], kept: ReadonlySet<string>, redirects: readonly Redirect[]): Rewriting {
  const listed = new Set(previous?.files);
  const files = [...planned.filter((f) => !kept.has(f.path)).map((f) => f.path), ...redirects.map((r) => r.path)].filter((path) => !listed.has(path));
  return { pages: Object.keys(previous?.pages ?? {}).filter((path) => !kept.has(path)), files };
}

/** The planned pages whose fingerprint equals the last build's and whose file is in the output folder. */
function unchangedPages(build: PreparedBuild, previous: Manifest, outputDir: string, check: boolean): PreparedBuild['plan']['files'] {
  const candidates = build.plan.files.filter((f) => f.fingerprint !== null && previous.pages[f.path] === f.fingerprint);
  if (!check) return candidates;
  return candidates.filter((f) => statSync(join(outputDir, f.path), { throwIfNoEntry: false })?.isFile() === true);
}

/** The output's folder of photo renditions (see src/routes.ts). */
const IMAGES_FOLDER = outputPathOf(IMAGES_URL).replace(/\/index\.html$/, '');

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
