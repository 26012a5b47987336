/**
 * A benchmark workspace for N articles: a content folder (the project's own
 * settings and pages, with generated feeds in place of the seed) and the
 * parsed records the floor paginates. Lives in the system's temporary
 * folder (`broadsheet-bench/nN`) unless told otherwise: outside the project,
 * whose source folders `broadsheet build --output` refuses to write into.
 */
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { writeFeeds } from '../generate.ts';
import { loadFeeds } from '../../src/feeds/read-feeds.ts';

export interface Workspace {
  n: number;
  dir: string;
  contentDir: string;
  /** The feed files, in order. */
  feeds: string[];
  feedBytes: number;
  /** Parsed article records as JSON, for the floor. */
  recordsFile: string;
  /** Articles the parser found (N when the parser and generator agree). */
  articles: number;
}

/**
 * Creates (or recreates) the workspace for `n` articles.
 *
 * @example
 * const ws = await prepareWorkspace({ root: process.cwd(), n: 1000, seed: 1 });
 */
export async function prepareWorkspace(options: {
  root: string;
  n: number;
  seed: number | string;
  /** Where to put it (default `<tmp>/broadsheet-bench/nN`). */
  dir?: string;
}): Promise<Workspace> {
  const { root, n, seed } = options;
  const dir = options.dir ?? join(tmpdir(), 'broadsheet-bench', `n${n}`);
  const contentDir = join(dir, 'content');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const projectContent = join(root, 'content');
  const feedsDir = join(projectContent, 'feeds');
  // Everything the site reads besides feeds (settings, pages, overrides,
  // images) comes from the project, so the benchmark builds the real site.
  await cp(projectContent, contentDir, {
    recursive: true,
    filter: (source) => source !== feedsDir && !source.startsWith(feedsDir + '/'),
  });
  const generated = await writeFeeds({ dir: join(contentDir, 'feeds'), articles: n, seed, perFile: 250 });
  const parsed = await loadFeeds(generated.files);
  const recordsFile = join(dir, 'records.json');
  await writeFile(recordsFile, JSON.stringify(parsed.articles));
  return {
    n,
    dir,
    contentDir,
    feeds: generated.files,
    feedBytes: generated.bytes,
    recordsFile,
    articles: parsed.articles.length,
  };
}

/** Counts the HTML pages under a folder. */
export async function countPages(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).length;
}

/** Finds the folder of the page whose last path segment is `slug`, as a URL path. */
export async function findPagePath(outputDir: string, slug: string): Promise<string | null> {
  const entries = await readdir(outputDir, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return []; // not built yet
    throw error;
  });
  const match = entries.find((e) => e.isDirectory() && e.name === slug);
  if (!match) return null;
  return `/${relative(outputDir, join(match.parentPath, match.name)).split('\\').join('/')}/`;
}
