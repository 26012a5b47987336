/**
 * The search stage of a build: the article pages indexed bundle by bundle
 * (src/discovery/search-index.ts), each bundle fingerprinted by its pages'
 * fingerprints, so that a bundle whose pages did not change is kept from
 * the last build instead of indexed again.
 *
 * Three ways, by where the build writes:
 * - `staged` (a full build into an empty staging folder): every bundle is
 *   indexed.
 * - `update` (an incremental build): only changed bundles are written, into
 *   the staging folder; `moveBundlesIn` then puts them in the live site in
 *   place of the old ones, which the others stay beside.
 * - `in-place` (the dev server, writing the live site): the old index is
 *   moved aside, and unchanged bundles are linked back from there.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { filesUnder, placeFiles } from '../file-tree.ts';
import { basename, dirname, join } from 'node:path';
import { bundleKey, PAGES_PER_BUNDLE, planBundles, VOCABULARY_DIR, writeSearchIndex, type SearchBundle, type SearchIndexOptions, type SearchIndexResult } from '../discovery/search-index.ts';
import { bundleWords } from '../discovery/search-vocabulary.ts';
import { outputPathOf, SEARCH_INDEX_URL } from '../routes.ts';
import { CODE_FINGERPRINT } from './code-fingerprint.ts';
import type { Manifest, ManifestBundle } from './manifest.ts';
import { searchAsideFor } from './output-folder.ts';
import type { BuildMemo } from '../memoise.ts';
import type { PreparedBuild } from './prepare-build.ts';

/** The search index's folder in the output, with a trailing slash: `pagefind/`. */
export const SEARCH_FOLDER = `${outputPathOf(SEARCH_INDEX_URL).replace(/\/index\.html$/, '')}/`;
/** The list of bundles the search page merges, written by every build. */
const BUNDLES_LIST = 'bundles.json';

export interface SearchUpdate {
  index: SearchIndexResult;
  /** Every bundle of the new index with its fingerprint and files (relative to `pagefind/`). */
  bundles: ManifestBundle[];
  /** Every file of the new index, relative to the output folder. */
  files: string[];
  /** The bundles this call wrote (the others were kept). */
  written: Set<string>;
}

/**
 * @example
 * const { index } = await updateSearchIndex(build, staging, { mode: 'staged', live: '_site', previous: [], bundles: searchBundlesOf(build) });
 */
export async function updateSearchIndex(
  build: PreparedBuild,
  dir: string,
  { mode, live, previous, bundles: plan, jobs = 1, onBundle, owned, list = true, others, words, keptPages, rendered, ready, rank, moreLanesAfter, background, pause }: {
    mode: 'staged' | 'update' | 'in-place'; live: string; previous: readonly ManifestBundle[]; jobs?: number; onBundle?: (done: number, total: number) => void;
    /** The build's bundles, from {@link searchBundlesOf}. */
    bundles: readonly SearchBundle[];
    /** The bundle folders to write (default: all): a shard's; with `others`, the rest come from other processes. */
    owned?: ReadonlySet<string>;
    /** Whether to write the bundle list and the vocabulary (default true; of a build's shards, the first). */
    list?: boolean;
    /** Settles when other processes have put the bundles not `owned` into `dir` (a build's workers): awaited before the index's files are listed. */
    others?: Promise<unknown>;
    /** Bundles' words kept from earlier builds, by bundle fingerprint: only a changed bundle's text is read for the vocabulary. */
    words?: BuildMemo<string>;
    /** With `update`: the pages the build kept from the last one; a bundle indexed again reuses their fragments from the live site. */
    keptPages?: ReadonlySet<string>;
  } & Pick<SearchIndexOptions, 'rendered' | 'ready' | 'rank' | 'moreLanesAfter' | 'background' | 'pause'>,
): Promise<SearchUpdate> {
  // What Pagefind reads of each page, not the whole page: see src/build/page-fingerprints.ts.
  const fingerprintOf = new Map(build.plan.files.map((f) => [f.path, f.searchFingerprint]));
  const bundleFingerprint = (pages: readonly string[]) => {
    const hash = createHash('sha256').update(CODE_FINGERPRINT);
    for (const page of pages) hash.update('\0').update(page).update('\0').update(fingerprintOf.get(page) ?? 'none');
    return hash.digest('hex');
  };
  const fingerprints = new Map(plan.map((bundle) => [bundle.dir, bundleFingerprint(bundle.pages)]));
  const old = new Map(previous.map((b) => [b.dir, b]));
  // Whether the last build wrote this bundle from the same pages (its files may still be gone).
  const sameAsBefore = (bundle: SearchBundle) => mode !== 'staged' && old.get(bundle.dir)?.fingerprint === fingerprints.get(bundle.dir);
  // In place, the old bundles are moved aside first (writeSearchIndex
  // replaces the folder), to `<aside>/pagefind/`: kept bundles are found
  // there by the same paths as in the output folder.
  const aside = mode === 'in-place' ? searchAsideFor(dir) : null;
  if (aside) {
    rmSync(aside, { recursive: true, force: true });
    mkdirSync(aside, { recursive: true });
    try {
      renameSync(join(dir, SEARCH_FOLDER), join(aside, SEARCH_FOLDER));
    } catch {
      // no index yet
    }
  }
  const source = aside ?? live;
  const kept = new Map<string, string[]>();
  const wordsOf = bundleWords(build.site.articles);
  try {
    const index = await writeSearchIndex(dir, {
      plan,
      list,
      vocabulary: {
        words: words ? (bundle) => words.get(fingerprints.get(bundle.dir)!, () => wordsOf(bundle)) : wordsOf,
        language: build.site.settings.language,
      },
      ...(ready ? { ready } : {}),
      // Bundles to index again before those to keep: each lane takes one at once, while it can (see `rendered`).
      rank: rank ?? ((bundle) => (sameAsBefore(bundle) ? 1 : 0)),
      ...(moreLanesAfter ? { moreLanesAfter } : {}),
      ...(background ? { background } : {}),
      ...(pause ? { pause } : {}),
      jobs,
      ...(owned ? { owned: (bundle: SearchBundle) => owned.has(bundle.dir) } : {}),
      ...(onBundle ? { onBundle } : {}),
      ...(mode === 'update' ? { keptIn: live, readFrom: [dir, live], ...(keptPages ? { keptPages } : {}), ...(rendered ? { rendered } : {}) } : {}),
      reuse: async (bundle) => {
        const before = old.get(bundle.dir);
        if (!before || !sameAsBefore(bundle)) return false;
        const files = before.files.map((f) => `${SEARCH_FOLDER}${f}`);
        if (!files.every((f) => statSync(join(source, f), { throwIfNoEntry: false })?.isFile() === true)) return false;
        if (mode === 'in-place') placeFiles(source, dir, files, 'link');
        kept.set(bundle.dir, before.files);
        return true;
      },
    });
    await others;
    const inFolder = filesUnder(join(dir, SEARCH_FOLDER));
    const partDirs = [...index.plan.slice(1).map((_, i) => bundleKey(index.plan, i + 1)), `${VOCABULARY_DIR}/`];
    const bundles = index.plan.map((bundle, i): ManifestBundle => {
      const files = kept.get(bundle.dir) ??
        inFolder.filter((f) => (i === 0 ? !partDirs.some((p) => f.startsWith(p)) && f !== BUNDLES_LIST : f.startsWith(`${bundle.dir.slice(SEARCH_FOLDER.length)}/`)));
      return { dir: bundle.dir, fingerprint: fingerprints.get(bundle.dir)!, files };
    });
    // The list and the vocabulary are written by every build: they belong to no bundle.
    const vocabulary = inFolder.filter((f) => f.startsWith(`${VOCABULARY_DIR}/`));
    const files = [...bundles.flatMap((b) => b.files), BUNDLES_LIST, ...vocabulary].map((f) => `${SEARCH_FOLDER}${f}`).sort();
    const written = new Set(index.plan.filter((b) => !kept.has(b.dir)).map((b) => b.dir));
    return { index, bundles, files, written };
  } finally {
    if (aside) rmSync(aside, { recursive: true, force: true });
  }
}

/**
 * The search bundles of a build (`planBundles`): its article pages, an
 * undated one grouped by the feed file it came from (a new file's change
 * one bundle). Made once per build; the split into shards and the index
 * are both made from it.
 */
export function searchBundlesOf(build: PreparedBuild, pagesPerBundle = PAGES_PER_BUNDLE): SearchBundle[] {
  const pages = build.site.articles.map((a) => outputPathOf(a.url));
  const feedOf = new Map(build.site.articles.map((a) => [outputPathOf(a.url), basename(a.source.file)]));
  return planBundles(pages, pagesPerBundle, (page) => feedOf.get(page) ?? page);
}

/**
 * After an `update`: puts the bundles written into `staging` into the live
 * site, each in place of its old version, and writes the new bundle list.
 * Kept bundles are not touched. Each file is replaced by a rename, so it is
 * never half written.
 *
 * Returns the files left in the live index that the new one does not have,
 * for the caller to prune once the new list is in place: a bundle no longer
 * planned, the old first bundle's files, and those of an index the last
 * manifest did not list (a dev server's, stopped before it recorded its
 * bundles). The index folder then holds the new index alone, as after a
 * full build.
 */
export function moveBundlesIn(staging: string, live: string, update: SearchUpdate): string[] {
  const root = update.bundles[0]!;
  if (update.written.has(root.dir)) placeFiles(join(staging, SEARCH_FOLDER), join(live, SEARCH_FOLDER), root.files, 'move');
  // A part's folder goes whole, whatever was there: a rename cannot replace a folder that has files.
  for (const bundle of update.bundles.slice(1)) {
    if (!update.written.has(bundle.dir)) continue;
    mkdirSync(dirname(join(live, bundle.dir)), { recursive: true });
    rmSync(join(live, bundle.dir), { recursive: true, force: true });
    renameSync(join(staging, bundle.dir), join(live, bundle.dir));
  }
  // The vocabulary is written by every build, whole.
  rmSync(join(live, SEARCH_FOLDER, VOCABULARY_DIR), { recursive: true, force: true });
  if (existsSync(join(staging, SEARCH_FOLDER, VOCABULARY_DIR))) renameSync(join(staging, SEARCH_FOLDER, VOCABULARY_DIR), join(live, SEARCH_FOLDER, VOCABULARY_DIR));
  placeFiles(join(staging, SEARCH_FOLDER), join(live, SEARCH_FOLDER), [BUNDLES_LIST], 'move');
  const index = new Set(update.files);
  return filesUnder(join(live, SEARCH_FOLDER)).map((f) => `${SEARCH_FOLDER}${f}`).filter((f) => !index.has(f));
}

/**
 * The manifest with the search index's bundles and files in place of those
 * it had: a build's, and the dev server's after it updates the index.
 */
export function withSearchIndex(manifest: Manifest, index: Pick<SearchUpdate, 'bundles' | 'files'>): Manifest {
  return { ...manifest, files: [...manifest.files.filter((f) => !f.startsWith(SEARCH_FOLDER)), ...index.files].sort(), bundles: index.bundles };
}
