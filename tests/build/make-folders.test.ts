import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { generateFeed } from '../../bench/generate.ts';
import { makeFolders, MIN_FOLDERS } from '../../src/build/make-folders.ts';
import { loadFeeds, listFeedFiles } from '../../src/feeds/read-feeds.ts';
import { articleUrl, outputPathOf } from '../../src/routes.ts';
import { makeContentFolder } from '../support/content-folder.ts';

const ROOT = join(import.meta.dirname, '..', '..');

const pages = (count: number) => Array.from({ length: count }, (_, i) => `2026/02/${String((i % 28) + 1).padStart(2, '0')}/story-${i}/index.html`);

/** Every folder under `root`, relative, with `/` separators. */
function foldersUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1).split('\\').join('/'))
    .sort();
}

describe('makeFolders', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('makes the folder of every page, and no other', async () => {
    root = mkdtempSync(join(tmpdir(), 'broadsheet-folders-'));
    const files = pages(MIN_FOLDERS + 20);
    await makeFolders(root, files);
    const expected = new Set<string>();
    for (const file of files) {
      const parts = file.split('/').slice(0, -1);
      for (let n = 1; n <= parts.length; n++) expected.add(parts.slice(0, n).join('/'));
    }
    expect(foldersUnder(root)).toEqual([...expected].sort());
  });

  it('leaves a few folders to Eleventy: no worker for them', async () => {
    root = mkdtempSync(join(tmpdir(), 'broadsheet-folders-'));
    await makeFolders(root, pages(MIN_FOLDERS - 1));
    expect(foldersUnder(root)).toEqual([]);
  });

  it('settles when a folder cannot be made, and makes the others', async () => {
    root = mkdtempSync(join(tmpdir(), 'broadsheet-folders-'));
    const files = pages(MIN_FOLDERS + 20);
    // A file where the first page's folder should be.
    writeFileSync(join(root, '2026'), 'not a folder');
    await expect(makeFolders(root, [...files, 'elsewhere/a/index.html'])).resolves.toBeUndefined();
    expect(statSync(join(root, '2026')).isFile()).toBe(true);
    expect(statSync(join(root, 'elsewhere/a')).isDirectory()).toBe(true);
  });
});

describe('a build whose page folders a worker makes', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes every article page, leaves no empty folder, and exits only when done', async () => {
    // Enough articles for the worker: one folder per article page.
    const extra = { 'feeds/generated.txt': generateFeed({ articles: MIN_FOLDERS + 20, seed: 7, startDate: '2026-01-05', articlesPerDay: 40 }) };
    ({ root } = await makeContentFolder({ prefix: 'broadsheet-folders-site-', withSeed: false, extra }));
    const content = join(root, 'content');
    const output = join(root, '_site');
    const { stderr } = await promisify(execFile)(process.execPath, ['bin/broadsheet.js', 'build', '--no-search', '--no-cache', '--content', content, '--output', output], { cwd: ROOT });
    // The last line is printed after every page is written: a process that ended early would not print it.
    expect(stderr).toMatch(/built .* in [\d.]+ s \(0 errors/);
    const articles = (await loadFeeds((await listFeedFiles(join(content, 'feeds'))).files)).articles;
    expect(articles.length).toBeGreaterThanOrEqual(MIN_FOLDERS);
    const missing = articles.map((a) => outputPathOf(articleUrl(a.published, a.slug))).filter((page) => !existsSync(join(output, page)));
    expect(missing).toEqual([]);
    const empty = readdirSync(output, { recursive: true, withFileTypes: true }).filter((e) => e.isDirectory() && readdirSync(join(e.parentPath, e.name)).length === 0);
    expect(empty.map((e) => e.name)).toEqual([]);
  }, 120_000);
});
