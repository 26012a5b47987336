/**
 * The dev server's search index (src/cli/serve-worker.ts): updated in place
 * in the live output folder after each rebuild. Bundles whose pages did not
 * change must be kept, not indexed again, and the index must be the one a
 * fresh index of the same pages gives.
 */
import { existsSync } from 'node:fs';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateFeed } from '../../bench/generate.ts';
import type { ManifestBundle } from '../../src/build/manifest.ts';
import type { PreparedBuild } from '../../src/build/prepare-build.ts';
import { buildSite } from '../../src/build/run-build.ts';
import { searchBundlesOf, SEARCH_FOLDER, updateSearchIndex } from '../../src/build/search-update.ts';
import { makeContentFolder } from '../support/content-folder.ts';
import { readTree } from '../support/tree.ts';

/** Small bundles, so that a few dozen articles make several. */
const PAGES_PER_BUNDLE = 8;

let root: string;
let content: string;
let output: string;
beforeAll(async () => {
  ({ root, content } = await makeContentFolder({ prefix: 'broadsheet-search-update-', withSeed: false, extra: { 'feeds/news.txt': generateFeed({ articles: 40, seed: 3 }) } }));
  output = join(root, '_site');
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** A rebuild as the dev server runs it: in place, without search. */
const rebuild = async () => (await buildSite({ contentDir: content, outputDir: output, inPlace: true, search: false })).build;
const update = (build: PreparedBuild, dir: string, previous: readonly ManifestBundle[]) =>
  updateSearchIndex(build, dir, { mode: 'in-place', live: dir, previous, bundles: searchBundlesOf(build, PAGES_PER_BUNDLE) });

/** Every file of the index with its bytes. */
const indexOf = (dir: string) => readTree(join(dir, SEARCH_FOLDER));

it('keeps the bundles whose pages did not change, and gives the index a fresh one would', async () => {
  const first = await rebuild();
  const all = await update(first, output, []);
  expect(all.index.bundles).toBeGreaterThan(2);
  expect(all.index.indexed).toBe(all.index.bundles);

  // Nothing changed: nothing indexed, the same bytes.
  const before = await indexOf(output);
  const again = await update(first, output, all.bundles);
  expect(again.index.indexed).toBe(0);
  expect(await indexOf(output)).toEqual(before);

  // One article's text changed: its bundle alone is indexed again.
  const feed = join(content, 'feeds', 'news.txt');
  const text = await readFile(feed, 'utf8');
  const paragraph = text.split('\n').find((line) => line.length > 200)!;
  await writeFile(feed, text.replace(paragraph, `${paragraph} A sentence added in the dev server.`));
  const edited = await rebuild();
  const changed = await update(edited, output, again.bundles);
  expect(changed.index.indexed).toBe(1);

  // The same as indexing the same pages from scratch.
  const fresh = join(root, 'fresh');
  await cp(output, fresh, { recursive: true });
  await rm(join(fresh, SEARCH_FOLDER), { recursive: true, force: true });
  await update(edited, fresh, []);
  expect(await indexOf(output)).toEqual(await indexOf(fresh));
}, 120_000);

it('in the background, holds at each pause and writes the index it writes otherwise', async () => {
  const build = await rebuild();
  const site = async (name: string) => {
    const dir = join(root, name);
    await cp(output, dir, { recursive: true });
    await rm(join(dir, SEARCH_FOLDER), { recursive: true, force: true });
    return dir;
  };
  const background = await site('background');
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let pauses = 0;
  const updating = updateSearchIndex(build, background, {
    mode: 'in-place', live: background, previous: [], bundles: searchBundlesOf(build, PAGES_PER_BUNDLE), background: true,
    pause: async () => {
      pauses++;
      await gate;
    },
  });
  await new Promise((resolve) => setTimeout(resolve, 500));
  // Held at the first pause: nothing is written until the rebuild (here, the gate) is done.
  expect(pauses).toBe(1);
  expect(existsSync(join(background, SEARCH_FOLDER))).toBe(false);
  release();
  const done = await updating;
  // One pause before each bundle's words for the vocabulary, and one before each bundle.
  expect(pauses).toBe(2 * done.index.bundles);

  const foreground = await site('foreground');
  await update(build, foreground, []);
  expect(await indexOf(background)).toEqual(await indexOf(foreground));
}, 120_000);

it('is replaced whole by the next build when the manifest lists none of it (a dev server stopped before it recorded its index)', async () => {
  const site = join(root, 'after-serve');
  const cacheDir = join(root, 'after-serve-cache');
  const options = { contentDir: content, outputDir: site, cacheDir, pagesPerBundle: PAGES_PER_BUNDLE };
  await buildSite(options);
  // The dev server's rebuild (its manifest lists no bundles) and its index of the same pages, written in place.
  const served = await buildSite({ ...options, inPlace: true, search: false });
  expect(served.manifest?.bundles).toEqual([]);
  await rm(join(site, SEARCH_FOLDER), { recursive: true, force: true });
  await update(served.build, site, []);
  // An old part the new plan has no bundle for.
  await cp(join(site, SEARCH_FOLDER, 'fragment'), join(site, SEARCH_FOLDER, 'part-1999-01', 'fragment'), { recursive: true });

  // A paragraph edited; then `broadsheet build`.
  const feed = join(content, 'feeds', 'news.txt');
  const text = await readFile(feed, 'utf8');
  const paragraph = text.split('\n').find((line) => line.length > 200)!;
  try {
    await writeFile(feed, text.replace(paragraph, `${paragraph} A sentence added after the dev server.`));
    const built = await buildSite(options);
    expect(built.search?.indexed).toBe(built.search?.bundles);
    const clean = join(root, 'after-serve-clean');
    await buildSite({ contentDir: content, outputDir: clean, pagesPerBundle: PAGES_PER_BUNDLE });
    const [ours, theirs] = [await readTree(site), await readTree(clean)];
    expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort());
    for (const [path, bytes] of ours) expect(bytes.equals(theirs.get(path)!), path).toBe(true);
  } finally {
    await writeFile(feed, text);
  }
}, 120_000);
