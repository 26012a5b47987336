import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeFolders, MIN_FOLDERS } from '../../src/build/make-folders.ts';

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
