/**
 * A search lane (src/discovery/search-lane.ts) feeds its Pagefind process
 * from a worker thread. What it must keep: the index it writes is the one
 * Pagefind writes for those pages, a failure on the thread comes back as
 * an error of the request that met it (never a hang, never a crash of the
 * build's thread), pages still being written are handed over only once
 * the lane is told they are, and a closed lane ends its thread and its Pagefind
 * process, which must be gone, not left a zombie.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { isUiFile } from '../../src/discovery/pagefind-files.js';
import { SearchLane } from '../../src/discovery/search-lane.ts';
import { LOWEST_PRIORITY } from '../../src/process-priority.ts';
import { readTree } from '../support/tree.ts';

/** This process's child processes named pagefind…, from /proc. */
function pagefindChildren(): number[] {
  return readdirSync('/proc').filter((e) => /^\d+$/.test(e)).flatMap((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      return ppid === process.pid && stat.slice(stat.indexOf('(') + 1).startsWith('pagefind') ? [Number(pid)] : [];
    } catch {
      return [];
    }
  });
}

const pages = ['2026/02/01/harbour/index.html', '2026/02/02/council/index.html'];

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'broadsheet-lane-'));
  for (const [i, page] of pages.entries()) {
    await mkdir(dirname(join(root, 'site', page)), { recursive: true });
    await writeFile(join(root, 'site', page), `<!doctype html><html lang="en"><body><article data-pagefind-body><h1>Story ${i}</h1><p>harbour council vote ${i}</p></article></body></html>\n`);
  }
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

it('writes the index of the pages it is handed, and of records', async () => {
  const lane = new SearchLane();
  try {
    await lane.indexPages(pages, [join(root, 'empty'), join(root, 'site')], join(root, 'out-pages'), false);
    const entry = JSON.parse(await readFile(join(root, 'out-pages', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(entry.languages['en']?.page_count).toBe(2);
    await lane.indexRecords([{ url: '/one/', content: 'ceasefire talks', language: 'en', filters: { kind: ['test'] } }], join(root, 'out-records'), false);
    const records = JSON.parse(await readFile(join(root, 'out-records', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(records.languages['en']?.page_count).toBe(1);
  } finally {
    await lane.close();
  }
});

it('writes into a new folder the files Pagefind writes itself into one with a fragment folder', async () => {
  // A new folder's files come from Pagefind's getFiles, written by the lane's
  // thread; a folder with fragments linked in (an incremental build) is left
  // to Pagefind's writeFiles, which skips the fragments it finds.
  const lane = new SearchLane();
  try {
    await lane.indexPages(pages, [join(root, 'site')], join(root, 'out-new'), false);
    await mkdir(join(root, 'out-kept', 'fragment'), { recursive: true });
    await lane.indexPages(pages, [join(root, 'site')], join(root, 'out-kept'), false);
    const written = await readTree(join(root, 'out-new'));
    expect([...written.keys()].filter((f) => f.startsWith('fragment/'))).toHaveLength(2);
    expect(written).toEqual(await readTree(join(root, 'out-kept')));
  } finally {
    await lane.close();
  }
});

it('leaves out the search UI when asked for the index alone, and nothing else', async () => {
  // A bundle merged into the first one is searched by the first one's code.
  const lane = new SearchLane();
  try {
    await lane.indexPages(pages, [join(root, 'site')], join(root, 'out-all'), false);
    await lane.indexPages(pages, [join(root, 'site')], join(root, 'out-index'), false, { indexOnly: true });
    const record = [{ url: '/one/', content: 'ceasefire talks', language: 'en', filters: { kind: ['test'] } }];
    await lane.indexRecords(record, join(root, 'out-records-all'), false);
    await lane.indexRecords(record, join(root, 'out-records-index'), false, { indexOnly: true });
    for (const [all, index] of [['out-all', 'out-index'], ['out-records-all', 'out-records-index']] as const) {
      const whole = await readTree(join(root, all));
      const ui = [...whole.keys()].filter((f) => isUiFile(f));
      expect(ui).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-ui.js', 'wasm.en.pagefind']));
      expect([...whole.keys()]).toEqual(expect.arrayContaining(['pagefind-entry.json']));
      expect(await readTree(join(root, index))).toEqual(new Map([...whole].filter(([f]) => !ui.includes(f))));
    }
  } finally {
    await lane.close();
  }
});

it("reports a page it cannot read as that request's error, and goes on answering", async () => {
  const lane = new SearchLane();
  try {
    await expect(lane.indexPages(['2026/02/03/missing/index.html'], [join(root, 'site')], join(root, 'out-missing'), false)).rejects.toThrow(/ENOENT.*missing/);
    await lane.indexPages(pages, [join(root, 'site')], join(root, 'out-after'), false);
    expect(existsSync(join(root, 'out-after', 'pagefind-entry.json'))).toBe(true);
  } finally {
    await lane.close();
  }
});

it('holds the pages from `wait.from` on until `wait.until` settles, and indexes them then, as if handed over at once', async () => {
  // Page 2 is written only after the lane has the request, as a page still being rendered.
  const later = '2026/02/04/ferry/index.html';
  const all = [...pages, later];
  const write = (dir: string) => mkdir(dirname(join(dir, later)), { recursive: true }).then(() => writeFile(join(dir, later), `<!doctype html><html lang="en"><body><article data-pagefind-body><h1>Ferry</h1><p>ferry strike</p></article></body></html>\n`));
  const lane = new SearchLane();
  try {
    let written!: () => void;
    const until = new Promise<void>((resolve) => (written = resolve));
    const indexed = lane.indexPages(all, [join(root, 'staged'), join(root, 'site')], join(root, 'out-waited'), false, { wait: { from: 2, until } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await write(join(root, 'staged'));
    written();
    await indexed;
    // A rejected wait lets the lane go on too: the pages are there, or their reading fails.
    await lane.indexPages(all, [join(root, 'staged'), join(root, 'site')], join(root, 'out-rejected'), false, { wait: { from: 1, until: Promise.reject(new Error('render failed')) } });
    await write(join(root, 'whole'));
    for (const page of pages) await mkdir(dirname(join(root, 'whole', page)), { recursive: true }).then(() => writeFile(join(root, 'whole', page), readFileSync(join(root, 'site', page))));
    await lane.indexPages(all, [join(root, 'whole')], join(root, 'out-whole'), false);
  } finally {
    await lane.close();
  }
  const whole = await readTree(join(root, 'out-whole'));
  expect(await readTree(join(root, 'out-waited'))).toEqual(whole);
  expect(await readTree(join(root, 'out-rejected'))).toEqual(whole);
});

it.runIf(process.platform === 'linux')('leaves no Pagefind process behind once closed', async () => {
  const lane = new SearchLane();
  await lane.indexPages(pages, [join(root, 'site')], join(root, 'out-process'), false);
  expect(pagefindChildren()).toHaveLength(1);
  await lane.close();
  // A zombie is still listed in /proc, as this process's child, until it is reaped.
  expect(pagefindChildren()).toEqual([]);
});

it.runIf(process.platform === 'linux')('runs Pagefind at the lowest priority in the background', async () => {
  const lane = new SearchLane();
  try {
    await lane.indexPages(pages, [join(root, 'site')], join(root, 'out-background'), true);
    const children = pagefindChildren();
    expect(children).toHaveLength(1);
    expect(getPriority(children[0]!)).toBe(LOWEST_PRIORITY);
  } finally {
    await lane.close();
  }
});

it('refuses work once closed', async () => {
  const lane = new SearchLane();
  await lane.close();
  await expect(lane.indexPages(pages, [join(root, 'site')], join(root, 'out-closed'), false)).rejects.toThrow(/stopped/);
  expect(existsSync(join(root, 'out-closed'))).toBe(false);
});
