/** The memos kept in the cache folder: used when whole and of the same code, written with only what a build used; a damaged file is ignored with a warning. */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODE_FINGERPRINT } from '../../src/build/code-fingerprint.ts';
import { emptyMemos, readMemos, writeMemos } from '../../src/build/memo-cache.ts';
import { buildSite } from '../../src/build/run-build.ts';
import { makeContentFolder } from '../support/content-folder.ts';

let root: string;
let content: string;
beforeAll(async () => {
  ({ root, content } = await makeContentFolder({ prefix: 'broadsheet-memo-cache-' }));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('readMemos and writeMemos', () => {
  it('give back what the last build used, and nothing it did not', async () => {
    const dir = join(root, 'unit');
    const first = emptyMemos();
    first.scores.get('rev-a', () => new Map([['ir', 3]]));
    first.entities.get('rev-a', () => [{ name: 'NATO', kind: 'organisation', count: 2, surnameOnly: false }]);
    first.words.get('bundle-1', () => 'kyiv talks');
    await writeMemos(dir, first);
    const { memos, warning } = await readMemos(dir);
    expect(warning).toBeNull();
    memos.scores.nextBuild();
    memos.entities.nextBuild();
    memos.words.nextBuild();
    expect(memos.scores.get('rev-a', () => new Map())).toEqual(new Map([['ir', 3]]));
    expect(memos.entities.get('rev-a', () => [])).toEqual([{ name: 'NATO', kind: 'organisation', count: 2, surnameOnly: false }]);
    // Not used by this build: not written.
    await writeMemos(dir, memos);
    const again = await readMemos(dir);
    again.memos.words.nextBuild();
    expect(again.memos.words.get('bundle-1', () => 'computed')).toBe('computed');
  });

  it('ignore a damaged file with a warning, and another version\'s quietly', async () => {
    const dir = join(root, 'damaged');
    await writeMemos(dir, emptyMemos());
    const file = join(dir, 'memo.json');
    const valid = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    for (const damage of ['{"format": 1', JSON.stringify({ ...valid, entities: [['rev', [{ name: 3 }]]] }), JSON.stringify({ ...valid, words: 'x' })]) {
      await writeFile(file, damage);
      const { memos, warning } = await readMemos(dir);
      expect(warning).toMatch(/memo\.json: it is damaged/);
      expect(memos.words.get('anything', () => 'fresh')).toBe('fresh');
    }
    await writeFile(file, JSON.stringify({ ...valid, code: `not-${CODE_FINGERPRINT}`, words: [['b', 'stale words']] }));
    const foreign = await readMemos(dir);
    expect(foreign.warning).toBeNull();
    foreign.memos.words.nextBuild();
    expect(foreign.memos.words.get('b', () => 'fresh')).toBe('fresh');
  });
});

describe('a build with a cache folder', () => {
  it('keeps each article\'s names for the next build, which reads them instead of the text', async () => {
    const cacheDir = join(root, 'cache-build');
    await buildSite({ contentDir: content, outputDir: join(root, 'first'), cacheDir, search: false });
    const file = join(cacheDir, 'memo.json');
    const data = JSON.parse(await readFile(file, 'utf8')) as { entities: [string, { name: string }[]][] };
    expect(data.entities.length).toBeGreaterThan(0);
    // A name no article has, planted in every article's memo: a build that reads the memo files them all under it.
    for (const entry of data.entities) entry[1] = [{ name: 'Zebulon Quaxworth', kind: 'person', count: 3, surnameOnly: false } as never];
    await writeFile(file, JSON.stringify(data));
    await buildSite({ contentDir: content, outputDir: join(root, 'planted'), cacheDir, search: false });
    expect(await readFile(join(root, 'planted', 'topics', 'index.html'), 'utf8')).toContain('Zebulon Quaxworth');
    expect(await readFile(join(root, 'first', 'topics', 'index.html'), 'utf8')).not.toContain('Zebulon Quaxworth');
  });

  it('works the names out again when the memo is damaged, says so, and writes the same site', async () => {
    const cacheDir = join(root, 'cache-damaged');
    await buildSite({ contentDir: content, outputDir: join(root, 'before'), cacheDir, search: false });
    await writeFile(join(cacheDir, 'memo.json'), 'not json');
    const notes: string[] = [];
    await buildSite({ contentDir: content, outputDir: join(root, 'after'), cacheDir, search: false, onNote: (n) => notes.push(n) });
    expect(notes.join('\n')).toMatch(/warning: ignoring .*memo\.json: it is damaged/);
    const topics = (dir: string) => readFile(join(root, dir, 'topics', 'index.html'), 'utf8');
    expect(await topics('after')).toBe(await topics('before'));
    expect(JSON.parse(await readFile(join(cacheDir, 'memo.json'), 'utf8'))).toMatchObject({ code: CODE_FINGERPRINT });
  });
});
