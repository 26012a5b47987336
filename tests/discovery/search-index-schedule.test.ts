/**
 * When writeSearchIndex does what, in an incremental build: the changed
 * bundles are handed to the lanes while the pages still render (the build's
 * thread is then rarely free to hand a lane its next request), and the
 * vocabulary, which needs no lane of its own before then, is written once
 * they are rendered. A lane that fails stops the others at their next
 * bundle: every task settles before the lanes close, and none should start
 * new work for an index that has already failed.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeSearchIndex, type SearchBundle } from '../../src/discovery/search-index.ts';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'broadsheet-search-schedule-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

const page = (month: string, i: number) => `2026/${month}/0${i + 1}/story-${i}/index.html`;

/** Writes an article page at each of `paths` under `dir`. */
async function writePages(dir: string, paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    await mkdir(join(dir, dirname(path)), { recursive: true });
    await writeFile(join(dir, path), `<!doctype html><html lang="en"><head><title>${path}</title></head><body><article data-pagefind-body><h1>Harbour</h1><p>The council met about ${path}.</p></article></body></html>\n`);
  }
}

it('hands each lane a changed bundle before the pages are rendered, and writes the vocabulary after', async () => {
  const dir = join(root, 'site');
  const plan: SearchBundle[] = [
    { dir: 'pagefind', pages: [0, 1, 2].map((i) => page('01', i)) },
    { dir: 'pagefind/part-2026-02', pages: [0, 1].map((i) => page('02', i)) },
  ];
  await writePages(dir, plan.flatMap((bundle) => bundle.pages));
  const events: string[] = [];
  let renderedNow!: () => void;
  const rendered = new Promise<void>((resolve) => (renderedNow = resolve));
  let bothStarted!: () => void;
  const started = new Promise<void>((resolve) => (bothStarted = resolve));
  const run = writeSearchIndex(dir, {
    plan,
    jobs: 2,
    rendered,
    // Nothing kept: every page waits for `rendered`.
    keptPages: new Set(),
    keptIn: join(root, 'no-earlier-build'),
    reuse: async (bundle) => {
      events.push(`start ${bundle.dir}`);
      if (events.filter((e) => e.startsWith('start')).length === plan.length) bothStarted();
      return false;
    },
    vocabulary: {
      words: (bundle) => {
        events.push(`words ${bundle.dir}`);
        return 'harbour council';
      },
      language: 'en',
    },
  });
  // Settles only if both lanes took their bundle while the pages were still "rendering".
  await started;
  events.push('rendered');
  renderedNow();
  const result = await run;
  expect(events.slice(0, 3)).toEqual(['start pagefind', 'start pagefind/part-2026-02', 'rendered']);
  expect(events.slice(3).sort()).toEqual(['words pagefind', 'words pagefind/part-2026-02']);
  expect(result).toMatchObject({ pages: 5, bundles: 2, indexed: 2 });
  expect(existsSync(join(dir, 'pagefind', 'vocabulary', 'pagefind-entry.json'))).toBe(true);
  expect(existsSync(join(dir, 'pagefind', 'part-2026-02', 'pagefind-entry.json'))).toBe(true);
}, 60_000);

it('stops handing out bundles once one fails, and fails with its error', async () => {
  const dir = join(root, 'failing');
  const plan: SearchBundle[] = [
    // Its page is never written: the lane that takes it fails at once.
    { dir: 'pagefind', pages: [page('01', 0)] },
    { dir: 'pagefind/part-2026-02', pages: Array.from({ length: 30 }, (_, i) => `2026/02/01/story-${i}/index.html`) },
    { dir: 'pagefind/part-2026-03', pages: [page('03', 0)] },
  ];
  await writePages(dir, plan.slice(1).flatMap((bundle) => bundle.pages));
  const started: string[] = [];
  const run = writeSearchIndex(dir, {
    plan,
    jobs: 2,
    reuse: async (bundle) => {
      started.push(bundle.dir);
      return false;
    },
  });
  await expect(run).rejects.toThrow(/ENOENT/);
  // The second lane finished the bundle it had, and took no other.
  expect(started).toEqual(['pagefind', 'pagefind/part-2026-02']);
  expect(existsSync(join(dir, 'pagefind', 'part-2026-03'))).toBe(false);
}, 60_000);
