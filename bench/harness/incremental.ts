/**
 * Incremental builds at N articles, as CI runs them: `broadsheet build`
 * with a cache folder kept from the run before. Measures a cold build, a
 * build with nothing changed, one after a day's news is added (100 new
 * articles, dated after the archive's newest, in a new feed file), and one
 * after one paragraph of one article is edited; then builds the same
 * content clean (`--no-cache`, empty folder) and compares the two output
 * folders byte for byte, search index included.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateFeed } from '../generate.ts';
import { BuildFailedError } from './builds.ts';
import { measureNode } from './measure.ts';
import type { Workspace } from './workspace.ts';

export interface IncrementalStep {
  wallMs: number;
  /** Pages rendered and pages kept, from the build's own report. */
  rendered: number | null;
  kept: number | null;
  /** Search bundles indexed, of all. */
  bundlesIndexed: number | null;
  bundles: number | null;
}

export interface IncrementalFigures {
  n: number;
  cold: IncrementalStep;
  unchanged: IncrementalStep;
  /** After adding {@link ADDED} articles. */
  added: IncrementalStep;
  addedArticles: number;
  /** After editing one paragraph. */
  paragraph: IncrementalStep;
  /** The clean build of the final content. */
  clean: IncrementalStep;
  /** Whether the incremental output equals the clean one, every file, byte for byte. */
  identical: boolean;
  /** The first few files that differ, when not identical. */
  differences: string[];
  /** `added` over `cold`. */
  addedRatio: number;
}

/** Articles in a day's news. */
export const ADDED = 100;
/** The generator's defaults (bench/generate.ts): the archive's first day and articles per day. */
const FIRST_DAY = Date.UTC(2022, 0, 3);
const PER_DAY = 40;

/**
 * @example
 * const figures = await measureIncremental(root, await prepareWorkspace({ root, n: 10_000, seed: 1 }));
 * figures.addedRatio; // e.g. 0.2
 */
export async function measureIncremental(root: string, ws: Workspace): Promise<IncrementalFigures> {
  const output = join(ws.dir, 'out-incremental');
  const cache = join(ws.dir, 'cache-incremental');
  const clean = join(ws.dir, 'out-clean');
  const added = join(ws.contentDir, 'feeds', 'zz-bench-added.txt');
  const edited = ws.feeds[0]!;
  const original = await readFile(edited, 'utf8');
  await Promise.all([output, cache, clean, added].map((p) => rm(p, { recursive: true, force: true })));
  const build = (out: string, cacheArgs: string[]) => step(root, ['bin/broadsheet.js', 'build', '--content', ws.contentDir, '--output', out, ...cacheArgs]);
  try {
    const cold = await build(output, ['--cache', cache]);
    const unchanged = await build(output, ['--cache', cache]);
    const nextDay = new Date(FIRST_DAY + (Math.floor((ws.n - 1) / PER_DAY) + 1) * 86_400_000).toISOString().slice(0, 10);
    await writeFile(added, generateFeed({ articles: ADDED, seed: `added-${ws.n}`, startDate: nextDay, articlesPerDay: ADDED }));
    const addedStep = await build(output, ['--cache', cache]);
    await writeFile(edited, editOneParagraph(original));
    const paragraph = await build(output, ['--cache', cache]);
    const cleanStep = await build(clean, ['--no-cache']);
    const differences = await compareFolders(output, clean);
    return {
      n: ws.n,
      cold,
      unchanged,
      added: addedStep,
      addedArticles: ADDED,
      paragraph,
      clean: cleanStep,
      identical: differences.length === 0,
      differences: differences.slice(0, 10),
      addedRatio: addedStep.wallMs / cold.wallMs,
    };
  } finally {
    await writeFile(edited, original);
    await rm(added, { force: true });
  }
}

async function step(root: string, args: string[]): Promise<IncrementalStep> {
  const m = await measureNode(args, { cwd: root });
  if (m.exitCode !== 0) throw new BuildFailedError(`${args.join(' ')} exited with ${m.exitCode}:\n${m.stderr}`);
  const pages = /rendered (\d+) page\(s\)(?:, kept (\d+))?/.exec(m.stderr);
  const bundles = /\((\d+) bundles? of at most \d+ pages(?:; (\d+) indexed)?/.exec(m.stderr);
  return {
    wallMs: m.wallMs,
    rendered: pages ? Number(pages[1]) : null,
    kept: pages ? Number(pages[2] ?? 0) : null,
    bundles: bundles ? Number(bundles[1]) : 1,
    bundlesIndexed: bundles ? Number(bundles[2] ?? bundles[1]) : 1,
  };
}

/** The feed with one word added to its middle article's longest paragraph. */
function editOneParagraph(text: string): string {
  const lines = text.split('\n');
  let at = lines.length >> 1;
  while (at < lines.length && lines[at]!.length < 200) at++;
  if (at === lines.length) throw new Error('no paragraph to edit in the feed');
  lines[at] = `${lines[at]} (Updated.)`;
  return lines.join('\n');
}

/** Paths that differ between two folders, in bytes or in presence; `names` say which is which. */
export async function compareFolders(a: string, b: string, names: [string, string] = ['the incremental build', 'the clean build']): Promise<string[]> {
  const list = async (dir: string) =>
    (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();
  const [left, right] = await Promise.all([list(a), list(b)]);
  const differences: string[] = [];
  const inRight = new Set(right);
  for (const path of left) {
    if (!inRight.has(path)) differences.push(`only in ${names[0]}: ${path}`);
    else if (!(await readFile(join(a, path))).equals(await readFile(join(b, path)))) differences.push(`differs: ${path}`);
  }
  const inLeft = new Set(left);
  for (const path of right) if (!inLeft.has(path)) differences.push(`only in ${names[1]}: ${path}`);
  return differences;
}
