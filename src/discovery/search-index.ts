/**
 * The Pagefind search index: an I/O edge run by `broadsheet build` after
 * Eleventy has written the site. Pagefind reads the built HTML (article
 * bodies are marked `data-pagefind-body`, headlines weighted) and writes
 * `pagefind/` beside it: the index and the UI the /search/ page loads, so
 * search works offline on the built site with no server code.
 *
 * The pages are indexed in bundles (`planBundles`): whole months of
 * publication, oldest first, packed together up to `pagesPerBundle` pages
 * (big months split by days), and undated pages by feed file. A new day's
 * stories change only the newest bundle (and one undated bundle), so an
 * incremental build re-indexes those and keeps the others (`reuse`). Pagefind also
 * holds a whole index in memory until it is written; bundles bound that.
 * The first bundle is written to `pagefind/`, the others to
 * `pagefind/part-<month>/` (`part-<day>/`, `part-undated…/`), listed in `pagefind/bundles.json`; the search
 * page merges them at query time (the UI's `mergeIndex` option) and orders
 * the results of all bundles by score. With more than one bundle, the
 * vocabulary index (`pagefind/vocabulary/`, src/discovery/search-vocabulary.ts)
 * tells the page which bundles have a query's words.
 */
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { filesUnder } from '../file-tree.ts';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { outputPathOf } from '../routes.ts';
import { compareText } from '../text.ts';
import { SearchLane } from './search-lane.ts';

/**
 * Most pages per bundle. Pagefind's peak memory grows with the pages of one
 * bundle, and an edit re-indexes its whole bundle; every extra bundle is one
 * more set of index files the search page loads for a query, and one more
 * source of near-matches for a word it lacks (docs/performance.md).
 */
export const PAGES_PER_BUNDLE = 2000;

/** The list of bundles to merge, next to the first bundle's files. */
const BUNDLES_FILE = 'bundles.json';

/** What marks a page as one to index (Pagefind's own attribute). */
const BODY_MARKER = Buffer.from('data-pagefind-body');
const BUNDLE_DIR = 'pagefind';

export interface SearchIndexOptions {
  /** At most this many pages per bundle (default {@link PAGES_PER_BUNDLE}). */
  pagesPerBundle?: number;
  /** The pages to index, relative to the output folder (default: every HTML file marked for Pagefind). */
  pages?: readonly string[];
  /** The bundles, when the caller has planned them (`planBundles`); `pages`, `pagesPerBundle` and `groupOf` are then not read. */
  plan?: readonly SearchBundle[];
  /** What groups an undated page into a bundle: its feed file (default: its path). See {@link planBundles}. */
  groupOf?: (page: string) => string;
  /**
   * Called for each bundle before it is indexed: true when the caller has
   * put an earlier build's files of the same bundle in place, so it is not
   * indexed again.
   */
  reuse?: (bundle: SearchBundle) => Promise<boolean>;
  /** Where reused bundles are (default: `outputDir`): an incremental build leaves them in the live site. */
  keptIn?: string;
  /**
   * Pages whose bytes are those the bundles in `keptIn` were made from (an
   * incremental build's kept pages). A bundle indexed again gets their
   * fragments from its earlier version there before Pagefind writes it:
   * Pagefind names a fragment by a hash of its contents and does not write
   * (nor compress) a fragment whose file is there already.
   */
  keptPages?: ReadonlySet<string>;
  /**
   * With `keptPages`: settles when the build's other pages are written. A
   * bundle indexed again is then handed its pages up to the first one not
   * kept at once, while the others are rendered, and the rest after; the
   * vocabulary is written once it settles.
   */
  rendered?: Promise<unknown>;
  /**
   * Folders to read the pages from, the first that has each (default:
   * `outputDir`): an incremental build's unchanged pages are in the live site.
   */
  readFrom?: readonly string[];
  /** Bundles indexed at a time, each by a Pagefind process of its own (default 1). */
  jobs?: number;
  /** Called as each bundle is written or kept, with how many of the plan's are done. */
  onBundle?: (done: number, total: number) => void;
  /**
   * The bundles this call writes (default: all): a shard of a build
   * indexes its own, and other processes write the rest into the same folder.
   */
  owned?: (bundle: SearchBundle) => boolean;
  /** Whether to write the list of bundles, `bundles.json` (default true; one shard writes it). */
  list?: boolean;
  /**
   * Indexing while the pages are still being rendered: settles when a
   * bundle's pages are all written (rejects when rendering failed). Bundles
   * are indexed in the order of `rank` (lowest first: the soonest ready).
   */
  ready?: (bundle: SearchBundle) => Promise<void>;
  rank?: (bundle: SearchBundle) => number;
  /** Lanes but the first wait for this: while pages are rendered, rendering has a core of its own. */
  moreLanesAfter?: Promise<unknown>;
  /**
   * Run Pagefind at the lowest CPU priority (src/process-priority.ts):
   * the dev server's index updates, which must not slow its rebuilds.
   */
  background?: boolean;
  /**
   * Awaited before each bundle's words are read for the vocabulary (on
   * this thread) and before each bundle is handed to a lane: the dev
   * server holds its index update there while a rebuild runs.
   */
  pause?: () => Promise<void>;
  /**
   * With more than one bundle: the words of each bundle (src/discovery/search-vocabulary.ts)
   * and their language, for the vocabulary index written with the list of bundles.
   */
  vocabulary?: { words: (bundle: SearchBundle) => string; language: string };
}

/** One Pagefind index over some of the pages. */
export interface SearchBundle {
  /** Its folder, relative to the output folder: `pagefind` or `pagefind/part-2026-02`. */
  dir: string;
  /** Its pages, relative to the output folder, in the order Pagefind is handed them: by path (an undated bundle's by group, then path). */
  pages: string[];
}

export interface SearchIndexResult {
  /** Pages in the index (the article pages), summed over its bundles and languages. */
  pages: number;
  /** Pagefind bundles written or kept: `pagefind/` and its `part-…/` folders. */
  bundles: number;
  /** Bundles indexed by this call (the others were reused). */
  indexed: number;
  /** The bundles, in order. */
  plan: readonly SearchBundle[];
}

/**
 * The bundles of a site's indexed pages, chosen so that adding stories
 * changes as few bundles, and as small ones, as it can. A site of at most
 * `pagesPerBundle` pages has one; a bigger one:
 *
 * - Dated pages (`2026/02/08/…`) by month of publication, months in order,
 *   packed together up to `pagesPerBundle` pages. A month larger than that
 *   is split on its own, by days, consecutive days packed up to the limit
 *   (and a day larger than that split evenly).
 * - The newest two months, where a day's news lands, are split by days into
 *   bundles of a quarter of that ({@link HOT_SHARE}), so adding stories to
 *   the newest day re-indexes a small bundle. When a new month starts, the
 *   oldest of the two is packed like the rest: once a month, one month is
 *   indexed again.
 * - Undated pages (`articles/…`) in bundles of their own, never packed with
 *   dated ones: a power of two of them, about half the limit each, each
 *   page in the one its `group` (the feed file it came from) hashes to, so
 *   a new feed file's undated stories change one bundle; in it, a group's
 *   pages are together, groups in order.
 *
 * @example
 * planBundles(['2026/01/02/a/index.html', '2026/02/01/b/index.html'], 1).map((b) => b.dir)
 * // => ['pagefind', 'pagefind/part-2026-02']
 */
export function planBundles(
  pages: readonly string[],
  pagesPerBundle = PAGES_PER_BUNDLE,
  groupOf: (page: string) => string = (page) => page,
): SearchBundle[] {
  if (!Number.isInteger(pagesPerBundle) || pagesPerBundle < 1) throw new RangeError(`pages per bundle must be a positive integer, got ${pagesPerBundle}`);
  // A site that fits one bundle has one: splitting it would only make every query load more.
  if (pages.length <= pagesPerBundle) return [{ dir: BUNDLE_DIR, pages: [...pages].sort() }];
  const months = new Map<string, Map<string, string[]>>();
  const undated: string[] = [];
  for (const page of [...pages].sort()) {
    const dated = /^(\d{4})\/(\d{2})\/(\d{2})\//.exec(page);
    if (!dated) {
      undated.push(page);
      continue;
    }
    const month = `${dated[1]}-${dated[2]}`;
    const day = `${month}-${dated[3]}`;
    const days = months.get(month) ?? new Map<string, string[]>();
    months.set(month, days);
    const list = days.get(day);
    if (list) list.push(page);
    else days.set(day, [page]);
  }
  const groups: { key: string; pages: string[] }[] = [];
  let open: { key: string; pages: string[] } | null = null;
  const newest = [...months.keys()].pop();
  const hotFrom = newest ? monthBefore(newest) : null;
  for (const [month, days] of months) {
    const size = [...days.values()].reduce((n, list) => n + list.length, 0);
    const hot = hotFrom !== null && month >= hotFrom;
    const limit = hot ? Math.max(1, Math.floor(pagesPerBundle * HOT_SHARE)) : pagesPerBundle;
    if (!hot && size <= pagesPerBundle) {
      const all = [...days.values()].flat();
      if (open && open.pages.length + size <= pagesPerBundle) for (const page of all) open.pages.push(page);
      else groups.push((open = { key: month, pages: all }));
      continue;
    }
    // A big month, or one of the newest two, on its own, by days.
    open = null;
    let chunk: { key: string; pages: string[] } | null = null;
    for (const [day, list] of days) {
      if (list.length > limit) {
        chunk = null;
        splitEvenly(list, limit).forEach((piece, i) => groups.push({ key: i === 0 ? day : `${day}-${i + 1}`, pages: piece }));
      } else if (chunk && chunk.pages.length + list.length <= limit) {
        for (const page of list) chunk.pages.push(page);
      } else {
        groups.push((chunk = { key: groups.some((g) => g.key.startsWith(month)) ? day : month, pages: [...list] }));
      }
    }
  }
  const buckets = 2 ** Math.ceil(Math.log2(Math.max(1, Math.ceil(undated.length / Math.max(1, Math.floor(pagesPerBundle * UNDATED_SHARE))))));
  const byBucket = Array.from({ length: buckets }, () => [] as string[]);
  for (const page of undated) byBucket[buckets === 1 ? 0 : fnv1a(groupOf(page)) % buckets]!.push(page);
  // Each group's pages together (by group, then path): a new feed file's
  // stories come after the pages of the files before it, which an
  // incremental build hands over while they render (`rendered`).
  const groupKey = new Map(undated.map((page) => [page, groupOf(page)]));
  for (const list of byBucket) list.sort((a, b) => compareText(groupKey.get(a)!, groupKey.get(b)!) || compareText(a, b));
  byBucket.forEach((list, i) => list.length && groups.push({ key: buckets === 1 ? 'undated' : `undated-${i + 1}-of-${buckets}`, pages: list }));
  if (groups.length === 0) return [{ dir: BUNDLE_DIR, pages: [] }];
  return groups.map((g, i) => ({ dir: i === 0 ? BUNDLE_DIR : `${BUNDLE_DIR}/part-${g.key}`, pages: g.pages }));
}

/** The newest two months' bundles hold at most this share of `pagesPerBundle`. */
export const HOT_SHARE = 0.25;
/** Undated bundles hold about this share of `pagesPerBundle`. */
const UNDATED_SHARE = 0.5;

/** `YYYY-MM` of the month before. */
function monthBefore(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

/** FNV-1a, 32 bits: a stable, well-spread hash of a short string. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/**
 * Indexes `outputDir` and writes `outputDir/pagefind/` (replacing any
 * index there), bundle by bundle (`planBundles`). The same site gives the
 * same bytes.
 *
 * @example
 * const { pages, bundles } = await writeSearchIndex('_site'); // pages === number of articles
 */
export async function writeSearchIndex(outputDir: string, options: SearchIndexOptions = {}): Promise<SearchIndexResult> {
  const bundleDir = join(outputDir, BUNDLE_DIR);
  // Removed before the pages are listed, so the listing never walks an old index.
  await rm(bundleDir, { recursive: true, force: true });
  const plan = options.plan ?? planBundles(options.pages ?? listIndexablePages(outputDir), options.pagesPerBundle ?? PAGES_PER_BUNDLE, options.groupOf);
  const list: BundleList = { merge: plan.slice(1).map((_, i) => bundleKey(plan, i + 1)) };
  let pages = 0;
  let indexed = 0;
  // The first bundle's folder holds the others: it is written aside and
  // moved in at the end, so that no bundle writes into another's folder
  // while both are being written.
  const rootAside = join(outputDir, `${BUNDLE_DIR}.first-${process.pid}`);
  // Indices into the plan of the bundles written here: the first (index 0) goes aside.
  const todo = plan.flatMap((bundle, i) => (options.owned && !options.owned(bundle) ? [] : [i]));
  const rank = options.rank;
  if (rank) todo.sort((a, b) => rank(plan[a]!) - rank(plan[b]!) || a - b);
  const jobs = Math.max(1, Math.min(options.jobs ?? 1, todo.length));
  // Each lane's thread and Pagefind process start when it first has something to index.
  const lanes: (SearchLane | undefined)[] = Array.from({ length: jobs }, () => undefined);
  const laneOf = (lane: number) => (lanes[lane] ??= new SearchLane());
  let next = 0;
  let done = 0;
  let stopped = false;
  const writeList = options.list !== false;
  // Written aside like the first bundle, and moved into its folder with it.
  const vocabularyAside = join(outputDir, `${BUNDLE_DIR}.vocabulary-${process.pid}`);
  const vocabulary = writeList && plan.length > 1 ? options.vocabulary : undefined;
  // The vocabulary is made from the articles' text, not from their pages,
  // so it need not wait for every bundle: the last lane writes it before
  // its first bundle, beside the other lanes. In a full build that lane
  // starts when rendering is done (`moreLanesAfter`), so the words are read
  // while this process has nothing else to do.
  const vocabularyLane = jobs - 1;
  const background = options.background ?? false;
  const pause = options.pause ?? (async () => undefined);
  const keptIn = options.keptIn ?? outputDir;
  const writeVocabularyOn = async (lane: number) => {
    if (vocabulary) list.vocabulary = { path: `${VOCABULARY_DIR}/`, bundles: await writeVocabulary(laneOf(lane), plan, vocabulary, vocabularyAside, background, pause) };
  };
  // An incremental build's changed bundles start while pages render, when
  // its build thread is rarely free to hand a lane its next request: there,
  // each lane takes a bundle first, and the vocabulary is written beside
  // them once the pages are rendered.
  const vocabularyAfter = options.rendered;
  // Whether rendering succeeded or not: a failed render fails the bundles' pages, not the words.
  const writeVocabularyAfter = () => writeVocabularyOn(vocabularyLane);
  const runLane = async (lane: number) => {
    if (lane > 0) await options.moreLanesAfter;
    if (lane === vocabularyLane && !vocabularyAfter) await writeVocabularyOn(lane);
    for (let t = next++; t < todo.length && !stopped; t = next++) {
      const i = todo[t]!;
      const bundle = plan[i]!;
      await options.ready?.(bundle);
      await pause();
      if (options.reuse && (await options.reuse(bundle))) {
        const kept = await pageCount(join(keptIn, bundle.dir));
        pages += kept;
        options.onBundle?.(++done, todo.length);
        continue;
      }
      indexed++;
      const target = i === 0 ? rootAside : join(outputDir, bundle.dir);
      const earlier = options.keptPages ? { folder: join(keptIn, bundle.dir), pages: options.keptPages } : null;
      // A merged bundle is searched by the first one's code: it needs none of its own.
      const written = await writeBundle(laneOf(lane), {
        readFrom: options.readFrom ?? [outputDir],
        pages: bundle.pages,
        outputPath: target,
        background,
        indexOnly: i > 0,
        earlier,
        rendered: options.rendered ?? null,
      });
      // Added after the await, not in `pages += await …`, which reads `pages` before it and loses another lane's count.
      pages += written;
      options.onBundle?.(++done, todo.length);
    }
  };
  options.onBundle?.(0, todo.length);
  try {
    // Every task settled before the lanes close: one that asked a closed lane would find it gone.
    const settled = await Promise.allSettled([
      // A lane that fails stops the others at their next bundle.
      ...lanes.map((_, lane) => runLane(lane).catch((error: unknown) => {
        stopped = true;
        throw error;
      })),
      vocabularyAfter?.then(writeVocabularyAfter, writeVocabularyAfter),
    ]);
    const failed = settled.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  } finally {
    await Promise.all(lanes.map((lane) => lane?.close()));
  }
  await mkdir(bundleDir, { recursive: true });
  if (existsSync(rootAside)) {
    for (const entry of readdirSync(rootAside)) renameSync(join(rootAside, entry), join(bundleDir, entry));
    rmSync(rootAside, { recursive: true, force: true });
  }
  if (list.vocabulary) renameSync(vocabularyAside, join(bundleDir, VOCABULARY_DIR));
  if (writeList) await writeFile(join(bundleDir, BUNDLES_FILE), `${JSON.stringify(list)}\n`);
  return { pages, bundles: plan.length, indexed, plan };
}

/** The vocabulary index's folder, in the first bundle's. */
export const VOCABULARY_DIR = 'vocabulary';

/** Each bundle's name in the list, the vocabulary and the search page's filters: its path relative to the first bundle's (`part-2026-02/`), or `/` for the first. */
export function bundleKey(plan: readonly SearchBundle[], i: number): string {
  return i === 0 ? '/' : `${plan[i]!.dir.slice(BUNDLE_DIR.length + 1)}/`;
}

/**
 * The vocabulary index: one record per bundle, its words as the content,
 * filtered `kind: vocabulary`; only the index files are kept (the search
 * page merges it into the first bundle's). Returns each record's result
 * id (its fragment's name) → the keys of the bundles it stands for.
 */
async function writeVocabulary(lane: SearchLane, plan: readonly SearchBundle[], vocabulary: NonNullable<SearchIndexOptions['vocabulary']>, outputPath: string, background: boolean, pause: () => Promise<void>): Promise<Record<string, string[]>> {
  const records = [];
  for (const [i, bundle] of plan.entries()) {
    await pause();
    records.push({ url: `/${VOCABULARY_DIR}/${i}/`, content: vocabulary.words(bundle), language: vocabulary.language, filters: { kind: ['vocabulary'] } });
  }
  await lane.indexRecords(records, outputPath, background, { indexOnly: true });
  // A result's id is its fragment's name: read back which record (bundle) each fragment is, so the page never loads them.
  const bundlesOf: Record<string, string[]> = {};
  const folder = join(outputPath, 'fragment');
  for (const name of readdirSync(folder).sort()) {
    const url = fragmentUrl(join(folder, name));
    const i = Number(/\/(\d+)\/$/.exec(url)?.[1]);
    const id = name.replace(/\.pf_fragment$/, '');
    (bundlesOf[id] ??= []).push(bundleKey(plan, i));
  }
  return bundlesOf;
}

/** The contents of `pagefind/bundles.json`. */
interface BundleList {
  /** The bundles to merge into the one in `pagefind/`, as paths relative to it (`part-2026-02/`). */
  merge: string[];
  /**
   * The vocabulary index (src/discovery/search-vocabulary.ts), when there
   * is more than one bundle: its folder relative to the first bundle's, and
   * each record's result id → the bundles (`/` the first, else their path
   * in `merge`) it holds the words of.
   */
  vocabulary?: { path: string; bundles: Record<string, string[]> };
}

/**
 * The HTML files under `outputDir` that carry `data-pagefind-body`, as
 * sorted relative paths with `/` separators. Reads bytes, never decodes;
 * synchronous calls, because a site has tens of thousands of pages and the
 * promise API costs several times the CPU time per file (nothing else runs
 * meanwhile).
 */
function listIndexablePages(outputDir: string): string[] {
  return filesUnder(outputDir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .filter((f) => readFileSync(join(outputDir, f)).includes(BODY_MARKER));
}

/**
 * `items` in consecutive groups of at most `size`, as equal as possible
 * (10,001 pages by 5,000 → 3,334 + 3,334 + 3,333), so that every bundle's
 * word statistics rest on a similar number of pages. Always at least one
 * group, so an empty site still gets a (empty) bundle and the search UI.
 */
export function splitEvenly<T>(items: T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`pages per bundle must be a positive integer, got ${size}`);
  const count = Math.max(1, Math.ceil(items.length / size));
  const groups: T[][] = [];
  for (let i = 0, start = 0; i < count; i++) {
    const end = start + Math.floor(items.length / count) + (i < items.length % count ? 1 : 0);
    groups.push(items.slice(start, end));
    start = end;
  }
  return groups;
}

/**
 * One Pagefind index over `pages` (paths relative to the output folder,
 * sorted), written to `outputPath` and then deleted from Pagefind's
 * memory. Returns the number of pages indexed.
 *
 * Each page is handed over by its contents (`addHTMLFile`), read from the
 * first folder of `readFrom` that has it (an incremental build's changed
 * pages are staged, the others live), in the order of `pages`. Pagefind
 * numbers a bundle's pages in the order they are added, and its index
 * files follow those numbers; a folder handed over whole (`addDirectory`)
 * is walked in the order the file system lists it, which differs between
 * file systems (creation order on tmpfs, a hash on ext4) and between two
 * disks of one kind. Named one by one, the same pages give the same bytes
 * on any machine.
 *
 * With `earlier`, the fragments of the unchanged pages are linked in from
 * the bundle's earlier version first ({@link placeEarlierFragments}), so
 * that Pagefind compresses only the changed pages' (docs/performance.md),
 * and the bundle is indexed again from nothing if they do not all turn
 * out to be the new index's own.
 */
async function writeBundle(lane: SearchLane, { readFrom, pages, outputPath, background, indexOnly, earlier, rendered }: BundleRequest): Promise<number> {
  // With `rendered`, the pages not kept are still being written: from the first of them on, they wait (when every page is kept, none does).
  const from = rendered && earlier ? pages.findIndex((page) => !earlier.pages.has(page)) : -1;
  const wait = rendered && from >= 0 ? { from, until: rendered } : undefined;
  const index = async () => {
    await lane.indexPages(pages, readFrom, outputPath, background, { ...(wait ? { wait } : {}), indexOnly });
    return pageCount(outputPath);
  };
  const placed = earlier ? placeEarlierFragments(earlier, pages, outputPath) : new Map<string, string>();
  if (placed.size > 0) {
    const count = await index();
    if (fragmentsAreOwn(outputPath, count, placed)) return count;
    // Not the index's own (see fragmentsAreOwn): indexed again from nothing.
    rmSync(outputPath, { recursive: true, force: true });
  }
  return index();
}

/** One bundle for {@link writeBundle} to write. */
interface BundleRequest {
  /** The folders the pages are read from, first found first (staged, then live). */
  readFrom: readonly string[];
  /** The bundle's pages, in the order Pagefind numbers them. */
  pages: readonly string[];
  /** The folder the bundle's index is written to. */
  outputPath: string;
  /** Pagefind at the lowest CPU priority. */
  background: boolean;
  /** Without Pagefind's search UI: a bundle merged into the first one. */
  indexOnly: boolean;
  /** The bundle's earlier version, whose unchanged pages' fragments are linked in. */
  earlier: EarlierFragments | null;
  /** Settles when the build's pages are all written: the pages not kept wait for it. */
  rendered: Promise<unknown> | null;
}

/** Where a bundle's earlier version is, and the pages whose fragments there are still right. */
interface EarlierFragments {
  folder: string;
  pages: ReadonlySet<string>;
}

/**
 * Hard-links into `outputPath/fragment/` the earlier version's fragment of
 * each of `pages` that is unchanged. Returns the fragments placed, by file
 * name, with their pages.
 */
function placeEarlierFragments(earlier: EarlierFragments, pages: readonly string[], outputPath: string): Map<string, string> {
  const placed = new Map<string, string>();
  const wanted = new Set(pages.filter((page) => earlier.pages.has(page)));
  const from = join(earlier.folder, 'fragment');
  let names: string[];
  try {
    names = wanted.size > 0 ? readdirSync(from) : [];
  } catch {
    return placed;
  }
  const to = join(outputPath, 'fragment');
  for (const name of names) {
    let page: string;
    try {
      page = outputPathOf(fragmentUrl(join(from, name)));
    } catch {
      continue; // not a fragment Pagefind wrote (damaged, or another file): left out, and Pagefind writes what is needed
    }
    if (!wanted.has(page)) continue;
    if (placed.size === 0) mkdirSync(to, { recursive: true });
    linkSync(join(from, name), join(to, name));
    placed.set(name, page);
  }
  return placed;
}

/**
 * Whether the fragments in `outputPath` are the index's own: one per
 * indexed page, each named by the short hash Pagefind gives when no two
 * pages' hashes share it, and each one Pagefind wrote of a page that got
 * no earlier fragment. An earlier fragment Pagefind did not name stays
 * unused (one file too many); when two short hashes meet, Pagefind
 * lengthens one, and the name an earlier fragment holds may then be
 * another page's; a page given an earlier fragment that Pagefind wrote
 * again had changed.
 */
function fragmentsAreOwn(outputPath: string, pages: number, placed: ReadonlyMap<string, string>): boolean {
  const folder = join(outputPath, 'fragment');
  const names = readdirSync(folder);
  if (names.length !== pages || !names.every((name) => SHORT_FRAGMENT_NAME.test(name))) return false;
  const earlierPages = new Set(placed.values());
  return names.every((name) => placed.has(name) || !earlierPages.has(outputPathOf(fragmentUrl(join(folder, name)))));
}

/** `<language>_<7 hex digits>.pf_fragment`: a fragment's name unless its hash met another's. */
const SHORT_FRAGMENT_NAME = /^[^_]+_[0-9a-f]{7}\.pf_fragment$/;

/** The URL a Pagefind fragment file is of. */
function fragmentUrl(path: string): string {
  const text = gunzipSync(readFileSync(path)).toString('utf8');
  return (JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url;
}

/** The pages a written bundle holds, from its `pagefind-entry.json`. */
async function pageCount(bundlePath: string): Promise<number> {
  const entry = JSON.parse(await readFile(join(bundlePath, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
}

