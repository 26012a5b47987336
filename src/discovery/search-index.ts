/**
 * The Pagefind search index: an I/O edge run by `broadsheet build` after
 * Eleventy has written the site. Pagefind reads the built HTML (article
 * bodies are marked `data-pagefind-body`, headlines weighted) and writes
 * `pagefind/` beside it: the index and the UI the /search/ page loads, so
 * search works offline on the built site with no server code.
 *
 * Pagefind holds a whole index in memory until it is written: about 140 MB
 * per 1,000 generated article pages, 6 GB for one index of 50,000. The pages
 * are therefore indexed in bundles of at most `pagesPerBundle`, one at a
 * time, each freed before the next: the first in `pagefind/`, the others in
 * `pagefind/part-N/`, listed in `pagefind/bundles.json`. The search page
 * merges them at query time (the UI's `mergeIndex` option) and orders the
 * results of all bundles by score.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/**
 * Pages per bundle. Pagefind's peak memory grows with the pages of one
 * bundle (about 720 MB at 5,000 generated articles, 1.4 GB at 10,000), and
 * its CPU time per page does not shrink with fewer bundles (at 50,000
 * articles: 223 s in one index, 142 s in ten); every extra bundle is one
 * more set of index files the search page loads for a query, and one more
 * source of near-matches for a word it lacks.
 */
export const PAGES_PER_BUNDLE = 5000;

/** The list of bundles to merge, next to the first bundle's files. */
const BUNDLES_FILE = 'bundles.json';

/** What marks a page as one to index (Pagefind's own attribute). */
const BODY_MARKER = Buffer.from('data-pagefind-body');
const BUNDLE_DIR = 'pagefind';
/** Pages handed to Pagefind ahead of its answers (a few MB of HTML at most). */
const PAGES_IN_FLIGHT = 64;

export interface SearchIndexOptions {
  /** At most this many pages per bundle (default {@link PAGES_PER_BUNDLE}). */
  pagesPerBundle?: number;
}

export interface SearchIndexResult {
  /** Pages in the index (the article pages), summed over its bundles and languages. */
  pages: number;
  /** Pagefind bundles written: `pagefind/` and its `part-N/` folders. */
  bundles: number;
}

/** The contents of `pagefind/bundles.json`. */
interface BundleList {
  /** The bundles to merge into the one in `pagefind/`, as paths relative to it (`part-1/`). */
  merge: string[];
}

/**
 * Indexes `outputDir` and writes `outputDir/pagefind/` (replacing any
 * index there). The same site gives the same bytes.
 *
 * @example
 * const { pages, bundles } = await writeSearchIndex('_site'); // pages === number of articles
 */
export async function writeSearchIndex(outputDir: string, options: SearchIndexOptions = {}): Promise<SearchIndexResult> {
  const bundleDir = join(outputDir, BUNDLE_DIR);
  // Removed before the pages are listed, so the listing never walks an old index.
  await rm(bundleDir, { recursive: true, force: true });
  const groups = splitEvenly(listIndexablePages(outputDir), options.pagesPerBundle ?? PAGES_PER_BUNDLE);
  const list: BundleList = { merge: [] };
  let pages = 0;
  try {
    for (const [i, group] of groups.entries()) {
      if (i === 0) {
        pages += await writeBundle(outputDir, group, bundleDir);
      } else {
        const part = `part-${i}`;
        pages += await writeBundle(outputDir, group, join(bundleDir, part));
        // A merged bundle is searched by the first one's code: it needs none of its own.
        await removeUiFiles(join(bundleDir, part));
        list.merge.push(`${part}/`);
      }
    }
  } finally {
    await pagefind.close();
  }
  await writeFile(join(bundleDir, BUNDLES_FILE), `${JSON.stringify(list)}\n`);
  return { pages, bundles: groups.length };
}

/**
 * The HTML files under `outputDir` that carry `data-pagefind-body`, as
 * sorted relative paths with `/` separators. Reads bytes, never decodes;
 * synchronous calls, because a site has tens of thousands of pages and the
 * promise API costs several times the CPU time per file (nothing else runs
 * meanwhile). Walks the folders itself: Node 20's recursive `readdirSync`
 * took 5 s of CPU time for 54,000 files.
 */
function listIndexablePages(outputDir: string): string[] {
  const files: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(join(outputDir, relative), { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        walk(path);
      } else if (entry.name.endsWith('.html')) {
        files.push(path);
      }
    }
  };
  walk('');
  return files.sort().filter((f) => readFileSync(join(outputDir, f)).includes(BODY_MARKER));
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
 * One Pagefind index over `pages` (paths relative to `outputDir`), written
 * to `outputPath` and then deleted from Pagefind's memory. Each page is
 * read here and handed over with `addHTMLFile`, in path order: Pagefind
 * keeps pages in the order they arrive, so the order makes the bytes. Up to
 * {@link PAGES_IN_FLIGHT} are sent before the first answer is awaited, so
 * Pagefind is not kept waiting for a round trip per page. Returns the
 * number of pages indexed.
 */
async function writeBundle(outputDir: string, pages: string[], outputPath: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind could not start: ${errors.join('; ')}`);
  try {
    const inFlight: Promise<void>[] = [];
    for (const page of pages) {
      if (inFlight.length === PAGES_IN_FLIGHT) await inFlight.shift();
      const content = readFileSync(join(outputDir, page), 'utf8');
      const added = index.addHTMLFile({ sourcePath: page, content }).then((result) => {
        if (result.errors.length) throw new Error(`pagefind could not index ${page}: ${result.errors.join('; ')}`);
      });
      added.catch(() => undefined); // thrown where it is awaited, not as an unhandled rejection meanwhile
      inFlight.push(added);
    }
    await Promise.all(inFlight);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`pagefind could not write its index: ${written.errors.join('; ')}`);
  } finally {
    await index.deleteIndex();
  }
  const entry = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
}

/**
 * Keeps only what a merged bundle is read for: `pagefind-entry.json`,
 * `*.pf_meta` and the folders (index and fragments), not the UI, scripts
 * and WebAssembly Pagefind writes into every bundle.
 */
async function removeUiFiles(bundlePath: string): Promise<void> {
  for (const entry of await readdir(bundlePath, { withFileTypes: true })) {
    if (entry.isFile() && entry.name !== 'pagefind-entry.json' && !entry.name.endsWith('.pf_meta')) {
      await rm(join(bundlePath, entry.name));
    }
  }
}
