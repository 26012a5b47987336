/**
 * Shards and workers: a build split into shards (`--shard I/N`) and joined
 * by `broadsheet merge`, and a build on several processes (`workers`),
 * write the same files with the same bytes as one build, search index and
 * photos included; the merge refuses shards that do not make one site.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile, mkdir, cp } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFeed } from '../../bench/generate.ts';
import { mergeShards } from '../../src/build/merge-shards.ts';
import { prepareBuild } from '../../src/build/prepare-build.ts';
import { buildSite } from '../../src/build/run-build.ts';
import { searchBundlesOf } from '../../src/build/search-update.ts';
import { parseShardSpec, SHARD_MANIFEST, shardPart } from '../../src/build/shards.ts';
import { runBuild } from '../../src/cli/build.ts';
import { runMerge } from '../../src/cli/merge.ts';
import { loadFeeds, listFeedFiles } from '../../src/feeds/read-feeds.ts';
import { makeContentFolder } from '../support/content-folder.ts';
import { readTree } from '../support/tree.ts';

/** Small bundles, so that a few dozen articles make several. */
const PAGES_PER_BUNDLE = 12;
let root: string;
let content: string;

beforeAll(async () => {
  const extra: Record<string, string> = {};
  // Three months of stories, so the bundles differ in size and kind (packed months, the newest split by days).
  for (const [i, startDate] of ['2026-01-05', '2026-03-02', '2026-05-04'].entries()) {
    extra[`feeds/generated-${i}.txt`] = generateFeed({ articles: 12, seed: 40 + i, startDate, articlesPerDay: 3 });
  }
  ({ root, content } = await makeContentFolder({ prefix: 'broadsheet-shards-', extra }));
  // A photo, whose renditions belong to its article's shard.
  const slugs = (await loadFeeds((await listFeedFiles(join(content, 'feeds'))).files)).articles.filter((a) => a.images.length > 0).map((a) => a.slug).sort();
  await mkdir(join(content, 'images'), { recursive: true });
  await writeFile(join(content, 'images', `${slugs[5]}.jpg`), await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 80, b: 120 } } }).jpeg().toBuffer());
  await buildSite({ contentDir: content, outputDir: join(root, 'one'), pagesPerBundle: PAGES_PER_BUNDLE });
}, 120_000);
afterAll(() => rm(root, { recursive: true, force: true }));

async function expectSameTree(actual: string, expected: string): Promise<void> {
  const [a, b] = await Promise.all([readTree(actual), readTree(expected)]);
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  const differing = [...b.keys()].filter((path) => !a.get(path)!.equals(b.get(path)!));
  expect(differing).toEqual([]);
}

async function buildShards(count: number, prefix: string, contentDir = content): Promise<string[]> {
  const dirs: string[] = [];
  for (let index = 1; index <= count; index++) {
    const dir = join(root, `${prefix}-${index}`);
    await buildSite({ contentDir, outputDir: dir, pagesPerBundle: PAGES_PER_BUNDLE, shard: { index, count } });
    dirs.push(dir);
  }
  return dirs;
}

describe('the split', () => {
  it('deals every page, feed and search bundle to exactly one shard, and the files that list the site to shard 1', async () => {
    const build = await prepareBuild({ contentDir: content, outputDir: join(root, 'plan') });
    const bundles = searchBundlesOf(build, PAGES_PER_BUNDLE);
    expect(bundles.length).toBeGreaterThan(3);
    const parts = [1, 2, 3].map((index) => shardPart(build, bundles, { index, count: 3 }));
    const rendered = build.plan.files.filter((f) => f.source !== 'public' && f.source !== 'image').map((f) => f.url).sort();
    expect(parts.flatMap((p) => [...p.urls]).sort()).toEqual(rendered);
    expect(parts.flatMap((p) => [...p.bundles]).sort()).toEqual(bundles.map((b) => b.dir).sort());
    for (const part of parts.slice(1)) expect(part.urls.has('/feed.xml') || part.urls.has('/sitemap.xml') || part.singles).toBe(false);
    expect(parts[0]!.urls.has('/sitemap.xml')).toBe(true);
    // Each shard renders the article pages of the bundles it indexes.
    for (const part of parts) {
      const pages = bundles.filter((b) => part.bundles.has(b.dir)).flatMap((b) => b.pages);
      const articles = build.site.articles.filter((a) => part.urls.has(a.url)).map((a) => a.url);
      expect(articles.length).toBe(pages.length);
    }
    // Articles are shared out: no shard holds them all.
    for (const part of parts) expect(build.site.articles.filter((a) => part.urls.has(a.url)).length).toBeLessThan(build.site.articles.length);
  });

  it('reads I/N and explains what is wrong with anything else', () => {
    expect(parseShardSpec('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShardSpec('0/3')).toHaveProperty('error', expect.stringContaining('from 1 to 3'));
    expect(parseShardSpec('4/3')).toHaveProperty('error', expect.stringContaining('from 1 to 3'));
    expect(parseShardSpec('1/0')).toHaveProperty('error', expect.stringContaining('number of shards'));
    expect(parseShardSpec('two')).toHaveProperty('error', expect.stringContaining('I/N'));
  });
});

describe('shards merged', () => {
  it('are byte-identical to one build, search index and photos included, whatever the order they are given in', async () => {
    const dirs = await buildShards(3, 'three');
    for (const dir of dirs) expect(existsSync(join(dir, SHARD_MANIFEST))).toBe(true);
    const merged = join(root, 'merged-three');
    await mergeShards([dirs[2]!, dirs[0]!, dirs[1]!], merged);
    await expectSameTree(merged, join(root, 'one'));
    expect((await readdir(join(merged, 'img'))).length).toBeGreaterThan(0);
    expect((await readdir(join(merged, 'pagefind'))).some((name) => name.startsWith('part-'))).toBe(true);
  }, 120_000);

  it('refuses a missing shard, a shard given twice, a shard of other content and a damaged file, writing nothing', async () => {
    const dirs = await buildShards(2, 'two');
    const out = join(root, 'refused');
    await expect(mergeShards([dirs[0]!], out)).rejects.toThrow('shard 2 of 2 missing');
    await expect(mergeShards([dirs[0]!, dirs[0]!], out)).rejects.toThrow('are both shard 1 of 2');
    // Another version of the content: one paragraph changed.
    const other = join(root, 'other-content');
    await cp(content, other, { recursive: true });
    const feed = join(other, 'feeds', 'generated-1.txt');
    await writeFile(feed, (await readFile(feed, 'utf8')).replace(/\n([^\n]{120,})\n/, '\n$1 Corrected.\n'));
    const [, otherSecond] = await buildShards(2, 'other', other);
    await expect(mergeShards([dirs[0]!, otherSecond!], out)).rejects.toThrow('shards of different builds');
    // A file changed after the shard was written (a damaged artifact).
    const shardFiles = Object.keys(JSON.parse(await readFile(join(dirs[1]!, SHARD_MANIFEST), 'utf8')).files as Record<string, string>);
    const victim = shardFiles.find((f) => f.endsWith('index.html'))!;
    await writeFile(join(dirs[1]!, victim), 'tampered');
    await expect(mergeShards(dirs, out)).rejects.toThrow('is not the file its shard wrote');
    expect(existsSync(out)).toBe(false);
  }, 120_000);

  it('on the command line: usage mistakes exit 2, refusals exit 1', async () => {
    const stderr = captureStderr();
    try {
      expect(await runBuild(['--content', content, '--output', join(root, 'cli'), '--shard', '3/2'])).toBe(2);
      expect(await runMerge(['--output', join(root, 'cli')])).toBe(2);
      expect(await runMerge(['--output', join(root, 'cli'), join(root, 'no-such-shard')])).toBe(2);
      expect(await runMerge(['--output', join(root, 'cli'), content])).toBe(1);
    } finally {
      stderr.restore();
    }
    expect(stderr.text()).toContain("--shard the shard's number must be from 1 to 2, got 3");
    expect(stderr.text()).toContain('no shard folders given');
    expect(stderr.text()).toContain(`holds no ${SHARD_MANIFEST}`);
  });
});

describe('a build on several processes', () => {
  it('writes the same bytes as one process', async () => {
    const out = join(root, 'workers');
    const stages: string[] = [];
    let lastRender = 0;
    await buildSite({
      contentDir: content, outputDir: out, pagesPerBundle: PAGES_PER_BUNDLE, workers: 3, jobs: 3,
      onProgress: (p) => {
        if (stages.at(-1) !== p.stage) stages.push(p.stage);
        if (p.stage === 'render') lastRender = p.done / p.total;
      },
    });
    await expectSameTree(out, join(root, 'one'));
    expect(stages).toEqual(['prepare', 'render', 'search', 'finish']);
    expect(lastRender).toBe(1);
  }, 120_000);
});

function captureStderr(): { text: () => string; restore: () => void } {
  const original = process.stderr.write.bind(process.stderr);
  let text = '';
  process.stderr.write = ((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  return { text: () => text, restore: () => (process.stderr.write = original) };
}
