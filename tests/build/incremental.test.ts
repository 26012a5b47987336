/**
 * Incremental builds equal clean builds. Random sequences of edits — add,
 * edit and delete articles, edit an override, a page, site.json, a
 * template, the CSS, add a photo — are applied to a content folder; after
 * each step an incremental build (with the cache of the steps before) and
 * a clean build (`--no-cache`, into an empty folder) must write the same
 * files with the same bytes, search index included.
 *
 * Builds run as the CLI, in a throwaway copy of the project (templates and
 * public files copied, code linked), so a step may edit a template.
 */
import { execFile } from 'node:child_process';
import { cpSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFeed } from '../../bench/generate.ts';
import { listFeedFiles, loadFeeds } from '../../src/feeds/read-feeds.ts';
import { buildSite, InPlaceBuildError, type BuildProgress } from '../../src/build/run-build.ts';
import { readManifest } from '../../src/build/manifest.ts';
import { outputPathOf } from '../../src/routes.ts';
import { folderProblem } from '../../src/cli/folders.ts';
import { readTree } from '../support/tree.ts';

const run = promisify(execFile);
const REPO = join(import.meta.dirname, '..', '..');
let project: string;

beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), 'broadsheet-incremental-'));
  for (const copied of ['templates', 'public', '.eleventy.ts', 'package.json', 'tsconfig.json']) await cp(join(REPO, copied), join(project, copied), { recursive: true });
  for (const linked of ['src', 'bin', 'node_modules']) await symlink(join(REPO, linked), join(project, linked));
});
afterAll(() => rm(project, { recursive: true, force: true }));

/** One step of an editing session, applied to the project folder (content/, templates/, public/). */
type Edit =
  | { kind: 'add'; articles: number; seed: number }
  | { kind: 'edit-paragraph'; pick: number }
  | { kind: 'delete'; pick: number }
  | { kind: 'override'; pick: number; headline: string }
  | { kind: 'page'; text: string }
  | { kind: 'settings'; description: string }
  | { kind: 'template'; text: string }
  | { kind: 'css'; colour: number }
  | { kind: 'photo'; pick: number; shade: number };

const words = fc.constantFrom('Budget', 'Talks', 'Storm', 'Ferry', 'Council', 'Harvest', 'Strike', 'Bridge');
const phrase = fc.array(words, { minLength: 2, maxLength: 4 }).map((w) => w.join(' '));
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), articles: fc.integer({ min: 1, max: 3 }), seed: fc.integer({ min: 1, max: 1e6 }) }),
  fc.record({ kind: fc.constant('edit-paragraph' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('override' as const), pick: fc.nat(), headline: phrase }),
  fc.record({ kind: fc.constant('page' as const), text: phrase }),
  fc.record({ kind: fc.constant('settings' as const), description: phrase }),
  fc.record({ kind: fc.constant('template' as const), text: phrase }),
  fc.record({ kind: fc.constant('css' as const), colour: fc.integer({ min: 0, max: 0xffffff }) }),
  fc.record({ kind: fc.constant('photo' as const), pick: fc.nat(), shade: fc.integer({ min: 0, max: 255 }) }),
);

/** Days after the generated feeds' start, so added stories are the newest, as a day's news is. */
let addedDay = 0;

async function apply(step: Edit): Promise<void> {
  const content = join(project, 'content');
  const feeds = (await listFeedFiles(join(content, 'feeds'))).files;
  const slugs = (await loadFeeds(feeds)).articles.map((a) => a.slug).sort();
  switch (step.kind) {
    case 'add': {
      addedDay++;
      const startDate = new Date(Date.UTC(2026, 2, addedDay)).toISOString().slice(0, 10);
      await writeFile(join(content, 'feeds', `added-${step.seed}.txt`), generateFeed({ articles: step.articles, seed: step.seed, startDate }));
      return;
    }
    case 'edit-paragraph': {
      const file = feeds[step.pick % feeds.length]!;
      const lines = (await readFile(file, 'utf8')).split('\n');
      const long = lines.map((l, i) => [l, i] as const).filter(([l]) => l.length > 120);
      if (long.length === 0) return;
      const [line, at] = long[step.pick % long.length]!;
      lines[at] = `${line} It was edited.`;
      await writeFile(file, lines.join('\n'));
      return;
    }
    case 'delete': {
      const added = feeds.filter((f) => f.includes('added-'));
      if (added.length) await unlink(added[step.pick % added.length]!);
      return;
    }
    case 'override': {
      if (slugs.length === 0) return;
      const slug = slugs[step.pick % slugs.length]!;
      await mkdir(join(content, 'articles'), { recursive: true });
      await writeFile(join(content, 'articles', `${slug}.md`), `---\nheadline: ${step.headline}\n---\nCorrected by the desk.\n`);
      return;
    }
    case 'page':
      await writeFile(join(content, 'pages', 'about.md'), `---\ntitle: About us\n---\n${step.text}\n`);
      return;
    case 'settings': {
      const file = join(content, 'site.json');
      const settings = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
      await writeFile(file, JSON.stringify({ ...settings, description: step.description }, null, 2));
      return;
    }
    case 'template': {
      const file = join(project, 'templates', '_includes', 'partials', 'story-card.njk');
      await writeFile(file, `${await readFile(join(REPO, 'templates', '_includes', 'partials', 'story-card.njk'), 'utf8')}<!-- ${step.text} -->\n`);
      return;
    }
    case 'css': {
      const file = join(project, 'public', 'css', 'site.css');
      await writeFile(file, `${await readFile(join(REPO, 'public', 'css', 'site.css'), 'utf8')}\n.x { color: #${step.colour.toString(16).padStart(6, '0')}; }\n`);
      return;
    }
    case 'photo': {
      if (slugs.length === 0) return;
      const slug = slugs[step.pick % slugs.length]!;
      await mkdir(join(content, 'images'), { recursive: true });
      const image = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: step.shade, g: 80, b: 120 } } }).jpeg().toBuffer();
      await writeFile(join(content, 'images', `${slug}.jpg`), image);
      return;
    }
  }
}

async function build(output: string, cache: string | null): Promise<void> {
  const args = ['bin/broadsheet.js', 'build', '--output', output, ...(cache ? ['--cache', cache] : ['--no-cache'])];
  await run(process.execPath, args, { cwd: project });
}

function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const out: string[] = [];
  for (const [path, bytes] of a) if (!b.has(path)) out.push(`only incremental: ${path}`);
  else if (!bytes.equals(b.get(path)!)) out.push(`differs: ${path}`);
  for (const path of b.keys()) if (!a.has(path)) out.push(`only clean: ${path}`);
  return out;
}

describe('incremental builds', () => {
  it('write the same bytes as a clean build after every edit of a random sequence', { timeout: 900_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 2, maxLength: 4 }), async (steps) => {
        await rm(join(project, 'content'), { recursive: true, force: true });
        await cp(join(REPO, 'content'), join(project, 'content'), { recursive: true });
        await writeFile(join(project, 'content', 'feeds', 'generated.txt'), generateFeed({ articles: 12, seed: 7, startDate: '2026-01-20', articlesPerDay: 3 }));
        for (const file of ['templates/_includes/partials/story-card.njk', 'public/css/site.css']) await cp(join(REPO, file), join(project, file));
        const work = join(project, 'work');
        await rm(work, { recursive: true, force: true });
        await build(join(work, 'site'), join(work, 'cache'));
        for (const step of steps) {
          await apply(step);
          await build(join(work, 'site'), join(work, 'cache'));
          await rm(join(work, 'clean'), { recursive: true, force: true });
          await build(join(work, 'clean'), null);
          const found = differences(await readTree(join(work, 'site')), await readTree(join(work, 'clean')));
          expect(found, `after ${JSON.stringify(step)}`).toEqual([]);
        }
      }),
      { numRuns: Number(process.env.INCREMENTAL_RUNS ?? 6), seed: Number(process.env.INCREMENTAL_SEED ?? 20261201) },
    );
  });

  it('render only the changed pages: an edited paragraph re-renders its article and the pages listing it, and keeps the rest', async () => {
    await rm(join(project, 'content'), { recursive: true, force: true });
    await cp(join(REPO, 'content'), join(project, 'content'), { recursive: true });
    await writeFile(join(project, 'content', 'feeds', 'generated.txt'), generateFeed({ articles: 30, seed: 3, startDate: '2025-10-01', articlesPerDay: 1 }));
    const work = join(project, 'work-count');
    await rm(work, { recursive: true, force: true });
    await build(join(work, 'site'), join(work, 'cache'));
    const before = await inodes(join(work, 'site'));
    await apply({ kind: 'edit-paragraph', pick: 1 });
    await build(join(work, 'site'), join(work, 'cache'));
    const after = await inodes(join(work, 'site'));
    // A kept page is the last build's file, linked: the same inode. A rendered one is a new file.
    const articles = [...after.keys()].filter((p) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(p));
    const rendered = articles.filter((p) => before.get(p) !== after.get(p));
    expect(articles.length).toBeGreaterThanOrEqual(30);
    // The edited article, and the few whose related stories or previous/next links show it.
    expect(rendered.length).toBeGreaterThanOrEqual(1);
    expect(rendered.length).toBeLessThanOrEqual(8);
    // The search bundle is indexed again; the kept pages' fragments are the last build's files, linked in, not written again.
    const fragments = [...after.keys()].filter((p) => p.startsWith('pagefind/fragment/'));
    const written = fragments.filter((p) => before.get(p) !== after.get(p));
    expect(fragments.length).toBeGreaterThanOrEqual(articles.length);
    expect(written.length).toBeGreaterThanOrEqual(1);
    expect(written.length).toBeLessThanOrEqual(rendered.length);
  });
});

describe('the dev server\'s first build', () => {
  it('renders again the pages of a manifest in the cache folder whose files are gone', async () => {
    // In process, as the dev server builds (templates and public files are the repository's own).
    await withDevSite('broadsheet-serve-first-', async ({ content, site, cacheDir }) => {
      await buildSite({ contentDir: content, outputDir: site, cacheDir, search: false });
      const pages = [...(await readTree(site)).keys()].filter((p) => p.endsWith('.html')).sort();
      expect(pages.length).toBeGreaterThan(10);
      // The output folder emptied; then `broadsheet serve` with the same cache folder.
      await rm(site, { recursive: true, force: true });
      const first = await buildSite({ contentDir: content, outputDir: site, cacheDir, inPlace: true, search: false });
      expect(first.kept).toBe(0);
      expect([...(await readTree(site)).keys()].filter((p) => p.endsWith('.html')).sort()).toEqual(pages);
    });
  });
});

describe('the dev server after a failed rebuild', () => {
  it('renders again every page the failed rebuild did not keep, so none is left stale or missing', async () => {
    // In process, as the dev server builds: in place, the manifest held by the caller.
    await withDevSite('broadsheet-serve-failed-', async ({ work, content, feed, original, site, cacheDir }) => {
      const first = await buildSite({ contentDir: content, outputDir: site, cacheDir, inPlace: true, search: false });
      const records = (await loadFeeds([feed])).articles;
      const [edited, renamed] = [records[0]!, records[1]!];
      const pathOf = (slug: string) => outputPathOf(first.manifest!.articles.find((a) => a.url.includes(`/${slug}/`))!.url);
      // One story's paragraph edited, another's headline (its old address gets a redirect page, written after the pages).
      const paragraph = edited.body.find((b) => b.type === 'paragraph')!.text;
      await writeFile(feed, original.replace(paragraph, `${paragraph} Edited in the failed rebuild.`).replaceAll(renamed.headline, `Renamed: ${renamed.headline}`));
      // The redirect cannot be written: a folder stands where the old page was.
      const blocked = join(site, pathOf(renamed.slug));
      await rm(blocked);
      await mkdir(blocked);
      const failure = await buildSite({ contentDir: content, outputDir: site, cacheDir, inPlace: true, search: false, manifest: first.manifest }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(InPlaceBuildError);
      // The failed rebuild had rewritten the edited story's page before it failed.
      expect(await readFile(join(site, pathOf(edited.slug)), 'utf8')).toContain('Edited in the failed rebuild.');
      const { manifest } = failure as InPlaceBuildError;
      expect(manifest.pages[pathOf(edited.slug)]).toBeUndefined();
      // The cache folder says the same, for a `broadsheet build` after the server.
      expect((await readManifest(cacheDir, site)).manifest?.pages).toEqual(manifest.pages);
      // The edits undone and the folder removed; the next rebuild equals a clean build.
      await writeFile(feed, original);
      await rm(blocked, { recursive: true });
      await buildSite({ contentDir: content, outputDir: site, cacheDir, inPlace: true, search: false, manifest });
      const clean = join(work, 'clean');
      await buildSite({ contentDir: content, outputDir: clean, search: false });
      expect(differences(await readTree(site), await readTree(clean))).toEqual([]);
    });
  });
});

describe('a dev server killed while it rewrites pages', () => {
  it('leaves a cache folder that vouches for none of them, so the next build equals a clean one', async () => {
    await withDevSite('broadsheet-serve-killed-', async ({ work, content, feed, original, site, cacheDir }) => {
      // The cache folder as it stands when a build starts rendering: what a kill then would leave.
      let atRender: string | null = null;
      const snapshot = (name: string) => (progress: BuildProgress) => {
        if (progress.stage !== 'render' || atRender) return;
        atRender = join(work, name);
        cpSync(cacheDir, atRender, { recursive: true });
      };
      const first = await buildSite({ contentDir: content, outputDir: site, cacheDir, inPlace: true, search: false, onProgress: snapshot('first') });
      // Killed in its very first build, the server's folder is still known as a Broadsheet site: a manifest lists every file it may write.
      const early = (await readManifest(atRender!, site)).manifest;
      expect(early?.files).toEqual([...first.manifest!.files].sort());
      expect(early?.pages).toEqual({});
      const home = await readFile(join(site, 'index.html'));
      await rm(join(site, 'index.html'));
      expect(await folderProblem({ content, output: site, cache: atRender!, force: false })).toBeNull();
      await writeFile(join(site, 'index.html'), home);

      const records = (await loadFeeds([feed])).articles;
      const [edited, renamed] = [records[0]!, records[1]!];
      const paragraph = edited.body.find((b) => b.type === 'paragraph')!.text;
      await writeFile(feed, original.replace(paragraph, `${paragraph} Edited before the kill.`).replaceAll(renamed.headline, `Renamed: ${renamed.headline}`));
      atRender = null;
      const second = await buildSite({ contentDir: content, outputDir: site, cacheDir, inPlace: true, search: false, manifest: first.manifest, onProgress: snapshot('second') });
      const pathOf = (part: string) => outputPathOf(second.manifest!.articles.find((a) => a.url.includes(part))!.url);
      const during = (await readManifest(atRender!, site)).manifest!;
      expect(during.pages[pathOf(`/${edited.slug}/`)]).toBeUndefined();
      expect(during.files).toContain(pathOf('/renamed-'));
      // Once done, the rebuild's manifest is the whole truth again.
      expect((await readManifest(cacheDir, site)).manifest).toEqual(second.manifest);
      // The kill: every page rewritten, the cache folder as it stood while they were.
      await rm(cacheDir, { recursive: true });
      await cp(atRender!, cacheDir, { recursive: true });
      await writeFile(feed, original);
      await buildSite({ contentDir: content, outputDir: site, cacheDir, search: false });
      const clean = join(work, 'clean');
      await buildSite({ contentDir: content, outputDir: clean, search: false });
      expect(differences(await readTree(site), await readTree(clean))).toEqual([]);
    });
  });
});

/** A temporary project for in-process dev-server builds: the repository's content and a generated feed of six stories. */
async function withDevSite(
  prefix: string,
  body: (s: { work: string; content: string; feed: string; original: string; site: string; cacheDir: string }) => Promise<void>,
): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), prefix));
  try {
    const content = join(work, 'content');
    await cp(join(REPO, 'content'), content, { recursive: true });
    const feed = join(content, 'feeds', 'generated.txt');
    const original = generateFeed({ articles: 6, seed: 5, startDate: '2026-01-20', articlesPerDay: 2 });
    await writeFile(feed, original);
    await body({ work, content, feed, original, site: join(work, 'site'), cacheDir: join(work, 'cache') });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Every file under `dir`, by relative path, with its inode number. */
async function inodes(dir: string): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      result.set(path.slice(dir.length + 1), (await stat(path)).ino);
    }
  }
  return result;
}
