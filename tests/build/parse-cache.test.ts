/** The parse cache is used only when whole and for the same file, text and code; a damaged entry is parsed again, with a warning. */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asciiJson, diskParseCache, memoryParseCache, parseCacheKey, parsedFeed, type ParseCache } from '../../src/build/parse-cache.ts';
import { buildSite } from '../../src/build/run-build.ts';
import { loadFeeds } from '../../src/feeds/read-feeds.ts';
import { parseFeedFile } from '../../src/parser/index.ts';
import { buildSiteModel } from '../../src/site/model.ts';
import { DEFAULT_SETTINGS } from '../../src/site/settings.ts';
import { makeContentFolder } from '../support/content-folder.ts';

let root: string;
let content: string;
beforeAll(async () => {
  ({ root, content } = await makeContentFolder({ prefix: 'broadsheet-parse-cache-' }));
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** The key of a feed file of this name and text, as read from disk (UTF-8). */
const keyOf = (source: { file: string; text: string }) => parseCacheKey(source.file, Buffer.from(source.text, 'utf8'));

describe('parse cache keys', () => {
  it('change with the file name and with any change of the bytes', () => {
    const key = keyOf({ file: 'a.txt', text: 'Headline\nTT\nHeadline\nBody.' });
    expect(keyOf({ file: 'a.txt', text: 'Headline\nTT\nHeadline\nBody.' })).toBe(key);
    expect(keyOf({ file: 'b.txt', text: 'Headline\nTT\nHeadline\nBody.' })).not.toBe(key);
    expect(keyOf({ file: 'a.txt', text: 'Headline\nTT\nHeadline\nBody!' })).not.toBe(key);
    // A byte-order mark decodes to the same text, but is other bytes: another key, the same parse.
    expect(keyOf({ file: 'a.txt', text: '\uFEFFHeadline\nTT\nHeadline\nBody.' })).not.toBe(key);
  });
});

describe('loadFeeds with a parse cache', () => {
  it('takes a cached parse by the bytes, without decoding them', async () => {
    const file = join(root, 'not-decoded.txt');
    // Not UTF-8: decoded, this file would be an error. Its bytes are the key of a parse already made.
    const bytes = Buffer.concat([Buffer.from('Cached Headline\nTT\nCached Headline\nBody '), Buffer.from([0xff]), Buffer.from('.')]);
    await writeFile(file, bytes);
    const cached = parseFeedFile({ file, text: 'Cached Headline\nTT\nCached Headline\nBody.' });
    const cache = memoryParseCache();
    cache.set(parseCacheKey(file, bytes), parsedFeed(cached), file);
    await cache.flush();
    // The memory cache vouches by file stat first; a fresh read goes through the key.
    const byKey = { ...cache, unchangedFile: undefined };
    const loaded = await loadFeeds([file], byKey);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.articles.map((a) => a.headline)).toEqual(['Cached Headline']);
  });

  it('reports a feed that is no longer UTF-8, though its earlier text was cached', async () => {
    const dir = join(root, 'cache-encoding');
    const file = join(root, 'becomes-binary.txt');
    await writeFile(file, 'Clean Headline Here\nTT\nClean Headline Here\nA body paragraph.\n');
    const first = diskParseCache(dir);
    expect((await loadFeeds([file], first)).articles).toHaveLength(1);
    await first.flush();
    await writeFile(file, Buffer.concat([Buffer.from('Clean Headline Here\nTT\nClean Headline Here\nA body '), Buffer.from([0xc3, 0x28]), Buffer.from(' paragraph.\n')]));
    const loaded = await loadFeeds([file], diskParseCache(dir));
    expect(loaded.articles).toEqual([]);
    expect(loaded.diagnostics.map((d) => [d.file, d.line, d.rule])).toEqual([[file, 4, 'invalid-encoding']]);
  });
  it("gives each kept record's digest, so that articles get the revisions a parse gives", async () => {
    const dir = join(root, 'cache-digests');
    // Two stories in one file, and a second file whose story has the first's slug: made unique by the collection, so a record of its own.
    const one = join(root, 'digests-one.txt');
    const two = join(root, 'digests-two.txt');
    await writeFile(one, 'Harbour Cranes Stand Idle\nTT\nHarbour Cranes Stand Idle\nThe port is quiet.\nTT\nRiver Ferry Returns Today\nTT\nRiver Ferry Returns Today\nThe ferry is back.\n');
    await writeFile(two, 'Harbour Cranes Stand Idle\nTT\nHarbour Cranes Stand Idle\nAnother port, another story.\n');
    const revisions = async (cache: ParseCache | null) => {
      const loaded = await loadFeeds([one, two], cache);
      await cache?.flush();
      const { site } = buildSiteModel({ records: loaded.articles, digests: loaded.digests, settings: DEFAULT_SETTINGS });
      return { slugs: loaded.articles.map((a) => [a.slug, loaded.digests.has(a)]), revisions: site.articles.map((a) => [a.slug, a.revision]) };
    };
    const parsed = await revisions(null);
    expect(parsed.slugs.every(([, known]) => !known)).toBe(true);
    const stored = await revisions(diskParseCache(dir));
    const read = await revisions(diskParseCache(dir));
    expect(read.slugs).toEqual([
      ['harbour-cranes-stand-idle', true],
      ['river-ferry-returns-today', true],
      ['harbour-cranes-stand-idle-2', false],
    ]);
    expect(stored.revisions).toEqual(parsed.revisions);
    expect(read.revisions).toEqual(parsed.revisions);
    expect(new Set(read.revisions.map(([, r]) => r)).size).toBe(3);
  });
});

describe('diskParseCache', () => {
  it('gives back what was stored, and counts a damaged or foreign entry as a miss', async () => {
    const dir = join(root, 'cache-unit');
    const source = { file: 'a.txt', text: 'Some Headline Here\nTT\nSome Headline Here\nA body paragraph of the story.' };
    const key = keyOf(source);
    const first = diskParseCache(dir);
    expect(await first.get(key, source.file)).toBeUndefined();
    first.set(key, parsedFeed(parseFeedFile(source)), source.file);
    await first.flush();
    expect(await diskParseCache(dir).get(key, source.file)).toEqual(parsedFeed(parseFeedFile(source)));
    const file = join(dir, 'parsed', `${key}.json`);
    const { result, digests } = parsedFeed(parseFeedFile(source));
    for (const damage of [
      '{"key": "',
      JSON.stringify({ key: 'another', result: { articles: [], diagnostics: [] }, digests: [] }),
      // A digest missing, or not a string: the entry is not trusted.
      JSON.stringify({ key, result }),
      JSON.stringify({ key, result, digests: [] }),
      JSON.stringify({ key, result, digests: digests.map(() => 7) }),
    ]) {
      await writeFile(file, damage);
      const cache = diskParseCache(dir);
      expect(await cache.get(key, source.file)).toBeUndefined();
      expect(cache.damaged()).toBe(1);
    }
  });

  it('writes entries in ASCII and reads back every character, and reads an entry in UTF-8 too', async () => {
    const dir = join(root, 'cache-ascii');
    // Accents, Arabic, curly quotes and a character outside the BMP (two UTF-16 units).
    const source = { file: 'a.txt', text: 'Café “Blast” in انفجار 😀\nTT\nCafé “Blast” in انفجار 😀\nA body with ‘quotes’ — and Ünïcödé 😀.' };
    const key = keyOf(source);
    const parsed = parsedFeed(parseFeedFile(source));
    const first = diskParseCache(dir);
    first.set(key, parsed, source.file);
    await first.flush();
    const bytes = await readFile(join(dir, 'parsed', `${key}.json`));
    expect(bytes.every((byte) => byte < 0x80)).toBe(true);
    expect(await diskParseCache(dir).get(key, source.file)).toEqual(parsed);
    // An entry in UTF-8 rather than ASCII (as earlier versions wrote their entries) reads the same.
    await writeFile(join(dir, 'parsed', `${key}.json`), JSON.stringify({ key, ...parsed }));
    expect(await diskParseCache(dir).get(key, source.file)).toEqual(parsed);
    expect(JSON.parse(asciiJson(parsed))).toEqual(parsed);
  });

  it('forgets, at flush, the entries a build did not use', async () => {
    const dir = join(root, 'cache-forget');
    const a = { file: 'a.txt', text: 'First Headline Of Two\nTT\nFirst Headline Of Two\nBody.' };
    const b = { file: 'b.txt', text: 'Second Headline Of Two\nTT\nSecond Headline Of Two\nBody.' };
    const one = diskParseCache(dir);
    one.set(keyOf(a), parsedFeed(parseFeedFile(a)), a.file);
    one.set(keyOf(b), parsedFeed(parseFeedFile(b)), b.file);
    await one.flush();
    const two = diskParseCache(dir);
    await two.get(keyOf(a), a.file);
    await two.flush();
    expect(await readdir(join(dir, 'parsed'))).toEqual([`${keyOf(a)}.json`]);
  });
});

describe('memoryParseCache', () => {
  it('vouches for a file only while its size and times are unchanged', async () => {
    const file = join(root, 'memory.txt');
    const source = { file, text: 'Memory Cache Headline\nTT\nMemory Cache Headline\nBody.' };
    await writeFile(file, source.text);
    const cache = memoryParseCache();
    expect(await cache.unchangedFile!(file)).toBeUndefined();
    cache.set(keyOf(source), parsedFeed(parseFeedFile(source)), file);
    await cache.flush();
    expect(await cache.unchangedFile!(file)).toEqual(parsedFeed(parseFeedFile(source)));
    await cache.flush();
    await writeFile(file, `${source.text} More.`);
    expect(await cache.unchangedFile!(file)).toBeUndefined();
  });
});

describe('a build with a damaged parse cache', () => {
  it('parses the feed again, says so, and writes the same site', async () => {
    const cacheDir = join(root, 'cache-build');
    const first = await buildSite({ contentDir: content, outputDir: join(root, 'first'), cacheDir, search: false });
    expect(first.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const parsed = join(cacheDir, 'parsed');
    for (const name of await readdir(parsed)) await writeFile(join(parsed, name), 'not json');
    const notes: string[] = [];
    await buildSite({ contentDir: content, outputDir: join(root, 'second'), cacheDir, search: false, onNote: (n) => notes.push(n) });
    expect(notes.join('\n')).toMatch(/warning: ignored 1 damaged entry of the parse cache/);
    const home = (dir: string) => readFile(join(root, dir, 'index.html'), 'utf8');
    expect(await home('second')).toBe(await home('first'));
  });
});
