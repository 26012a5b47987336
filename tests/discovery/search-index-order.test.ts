/**
 * A search bundle's bytes follow from its pages alone, not from the order a
 * file system lists them in. Pagefind numbers a bundle's pages in the order
 * they are added, and its index files follow those numbers; a folder it
 * walks itself comes in the order of the file system's listing, which is
 * creation order on tmpfs and a hash on ext4 (src/discovery/search-index.ts).
 *
 * The same pages are written into folders in opposite orders, on tmpfs when
 * the machine has one (`/dev/shm`): there a walked folder would give other
 * bytes. On a disk that lists by hash both orders list alike, and only the
 * split across two folders (an incremental build's staged and live pages)
 * is exercised.
 *
 * An incremental build also hands Pagefind the earlier fragments of the
 * pages it kept; the bundle must come out as a fresh index of the same
 * pages would, and be indexed again from nothing when an earlier fragment
 * turns out not to be the new index's own.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeSearchIndex } from '../../src/discovery/search-index.ts';
import { readTree } from '../support/tree.ts';

const WORDS = ['harbour', 'council', 'strike', 'flood', 'vaccine', 'election', 'ceasefire', 'budget', 'drought', 'railway', 'tariff', 'summit'];

/** Pages of one month, sorted as a bundle's pages are. */
const pages = Array.from({ length: 24 }, (_, i) => `2026/02/${String((i % 9) + 1).padStart(2, '0')}/story-${i}/index.html`).sort();

const html = (page: string, i: number) => `<!doctype html>
<html lang="en"><head><title>Story ${i}</title></head>
<body><article data-pagefind-body>
<h1 data-pagefind-meta="title">Story ${i}: ${WORDS[i % WORDS.length]}</h1>
<p>${Array.from({ length: 30 }, (_, w) => WORDS[(i * 7 + w * 3) % WORDS.length]).join(' ')} ${page}</p>
</article></body></html>
`;

let root: string;
beforeAll(async () => {
  let base = tmpdir();
  try {
    accessSync('/dev/shm', constants.W_OK);
    base = '/dev/shm';
  } catch {
    // no tmpfs here: the disk's own order is used
  }
  root = await mkdtemp(join(base, 'broadsheet-search-order-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** Writes `which` of the pages into `dir`, one after another in that order. */
async function writePages(dir: string, which: readonly string[]): Promise<void> {
  for (const page of which) {
    await mkdir(join(dir, dirname(page)), { recursive: true });
    await writeFile(join(dir, page), html(page, pages.indexOf(page)));
  }
}

it('writes the same bundle whatever order the pages were written in, and however they are split between folders', async () => {
  const forward = join(root, 'forward');
  const backward = join(root, 'backward');
  const staged = join(root, 'staged');
  const live = join(root, 'live');
  await writePages(forward, pages);
  await writePages(backward, [...pages].reverse());
  // Every third page staged, the rest live, each written newest first.
  await writePages(staged, pages.filter((_, i) => i % 3 === 0).reverse());
  await writePages(live, pages.filter((_, i) => i % 3 !== 0).reverse());

  const results = [
    await writeSearchIndex(forward, { pages }),
    await writeSearchIndex(backward, { pages }),
    await writeSearchIndex(staged, { pages, readFrom: [staged, live] }),
  ];
  for (const result of results) expect(result.pages).toBe(pages.length);

  const expected = await readTree(join(forward, 'pagefind'));
  expect(expected.size).toBeGreaterThan(5);
  expect(await readTree(join(backward, 'pagefind'))).toEqual(expected);
  expect(await readTree(join(staged, 'pagefind'))).toEqual(expected);
}, 60_000);

it('reuses an unchanged page\'s earlier fragment, and indexes again from nothing when an earlier fragment is not the new index\'s', async () => {
  const earlier = join(root, 'earlier');
  const now = join(root, 'now');
  await writePages(earlier, pages);
  await writeSearchIndex(earlier, { pages });
  // The first page's text changes; the others are as they were.
  await writePages(now, pages);
  await writeFile(join(now, pages[0]!), html(pages[0]!, 99));
  const fresh = join(root, 'fresh');
  await writePages(fresh, pages);
  await writeFile(join(fresh, pages[0]!), html(pages[0]!, 99));
  await writeSearchIndex(fresh, { pages });
  const expected = await readTree(join(fresh, 'pagefind'));

  // A damaged file among the earlier fragments is left out, not read as one.
  await writeFile(join(earlier, 'pagefind', 'fragment', 'en_0000000.pf_fragment'), 'not gzip');
  // Told the truth: the other pages' fragments are the earlier files, linked.
  await writeSearchIndex(now, { pages, keptIn: earlier, keptPages: new Set(pages.slice(1)) });
  expect(await readTree(join(now, 'pagefind'))).toEqual(expected);
  const linked = (await readdir(join(now, 'pagefind', 'fragment'))).filter((name) => existsSync(join(earlier, 'pagefind', 'fragment', name)));
  expect(linked.length).toBe(pages.length - 1);
  for (const name of linked) expect((await stat(join(now, 'pagefind', 'fragment', name))).ino).toBe((await stat(join(earlier, 'pagefind', 'fragment', name))).ino);

  // Told the changed page is unchanged: its earlier fragment goes unused, and the bundle is indexed again from nothing.
  await writeSearchIndex(now, { pages, keptIn: earlier, keptPages: new Set(pages) });
  expect(await readTree(join(now, 'pagefind'))).toEqual(expected);
}, 60_000);
