/** The I/O edge: real files in a temporary folder. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFeedFiles, loadFeeds, readFeedFiles } from '../../src/feeds/read-feeds.ts';

let dir: string;
const FEED = 'Head\n\nTT\n\nHead\n\nBody.\n';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'broadsheet-read-feeds-'));
  await writeFile(join(dir, 'b.txt'), FEED);
  await writeFile(join(dir, 'a.txt'), `\uFEFF${FEED.replace('Head', 'Other')}`.replace('Head', 'Other'));
  await writeFile(join(dir, 'notes.md'), 'not a feed');
  await mkdir(join(dir, 'folder.txt'));
  await writeFile(join(dir, 'nul.bin'), Buffer.from('Head\n\nTT\u0000\n', 'utf8'));
  await writeFile(join(dir, 'latin1.txt'), Buffer.concat([Buffer.from('Head\n\nCaf'), Buffer.from([0xe9]), Buffer.from('\n')]));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readFeedFiles', () => {
  it('reads UTF-8 and drops the BOM', async () => {
    const { sources, diagnostics } = await readFeedFiles([join(dir, 'a.txt')]);
    expect(diagnostics).toEqual([]);
    expect(sources[0]!.text.startsWith('Other\n')).toBe(true);
  });

  it.each([
    ['missing.txt', 1, 'cannot read the feed: no such file', 'unreadable-file'],
    ['folder.txt', 1, 'cannot read the feed: it is a folder, not a file', 'unreadable-file'],
    ['nul.bin', 3, 'binary file (a NUL byte at byte 8); not a text feed', 'binary-file'],
    ['latin1.txt', 3, 'not UTF-8 text (invalid byte sequence); save the feed as UTF-8', 'invalid-encoding'],
  ])('reports %s as an error with its line', async (name, line, message, rule) => {
    const file = join(dir, name);
    expect(await readFeedFiles([file])).toEqual({ sources: [], diagnostics: [{ severity: 'error', file, line, message, rule }] });
  });
});

describe('readFeedFiles with many files', () => {
  it('reads them all, in the order given', async () => {
    const many = join(dir, 'many');
    await mkdir(many);
    const names = Array.from({ length: 70 }, (_, i) => join(many, `${String(69 - i).padStart(3, '0')}.txt`));
    await Promise.all(names.map((name, i) => writeFile(name, `feed ${i}`)));
    const { sources, diagnostics } = await readFeedFiles(names);
    expect(diagnostics).toEqual([]);
    expect(sources.map((s) => [s.file, s.text])).toEqual(names.map((name, i) => [name, `feed ${i}`]));
  });
});

describe('listFeedFiles', () => {
  it('lists every *.txt entry, sorted by name; a folder so named is reported when read, not skipped unseen', async () => {
    const listed = await listFeedFiles(dir);
    expect(listed).toEqual({ files: ['a.txt', 'b.txt', 'folder.txt', 'latin1.txt'].map((n) => join(dir, n)), diagnostics: [] });
    const { diagnostics } = await loadFeeds(listed.files);
    expect(diagnostics).toContainEqual(expect.objectContaining({ file: join(dir, 'folder.txt'), severity: 'error', rule: 'unreadable-file', message: 'cannot read the feed: it is a folder, not a file' }));
  });

  it('reports a file where the feed folder should be', async () => {
    const { files, diagnostics } = await listFeedFiles(join(dir, 'a.txt'));
    expect(files).toEqual([]);
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', rule: 'unreadable-folder', message: 'cannot read the folder: it is a file, not a folder' })]);
  });

  it('gives [] for a missing folder', async () => {
    expect(await listFeedFiles(join(dir, 'nope'))).toEqual({ files: [], diagnostics: [] });
  });
});

describe('loadFeeds', () => {
  it('parses what it can read and reports the rest', async () => {
    const result = await loadFeeds([join(dir, 'b.txt'), join(dir, 'missing.txt')]);
    expect(result.articles.map((a) => a.headline)).toEqual(['Head']);
    expect(result.diagnostics.map((d) => d.rule)).toEqual(['unreadable-file']);
  });
});
