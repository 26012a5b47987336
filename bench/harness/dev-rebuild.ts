/**
 * Dev-server rebuild time: starts `broadsheet serve` on a free 127.0.0.1 port
 * over a workspace, then, several times, renames one article's headline in
 * its feed file and polls until the article's page under the new headline is
 * served. The clock runs from the file write to the first good response.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFeeds } from '../../src/parser/index.ts';
import type { ArticleRecord } from '../../src/types.ts';
import { median } from './measure.ts';
import { findPagePath, type Workspace } from './workspace.ts';

export interface DevRebuildFigures {
  n: number;
  /** From spawning the server to the edited article's page being served. */
  startupMs: number;
  /** Each edit's save-to-served time, in order. */
  rebuildMs: number[];
  medianMs: number;
  /**
   * Saves made once the server has started its first full search index
   * (Pagefind on every core), each timed the same way; null when the index
   * was done before a save could be made.
   */
  duringSearchMs: number[] | null;
  /**
   * Edits measured again because the server restarted its build meanwhile:
   * it does so when Broadsheet's own code changes, which happens when others
   * edit the work tree during a run.
   */
  discarded: number;
}

const POLL_MS = 20;
const MAX_DISCARDED = 6;
/** What `broadsheet serve` prints when it replaces its build process. */
const RESTART_MESSAGE = /code changed/g;
/** What it prints when a search index update starts. */
const SEARCHING_MESSAGE = /updating the search index/;
/** What it prints when one is done. */
const SEARCHED_MESSAGE = /search index updated/;
/** What it prints once its file watcher is ready. */
const WATCHING_MESSAGE = /watching for changes/;
const WATCHER_GRACE_MS = 15_000;
const TIMEOUT_MS = 120_000;

/**
 * Measures `edits` rebuilds of the dev server over the workspace.
 *
 * @example
 * const { medianMs } = await measureDevRebuild(root, ws, 3);
 */
export async function measureDevRebuild(root: string, ws: Workspace, edits: number): Promise<DevRebuildFigures> {
  const outputDir = join(ws.dir, 'out-serve');
  await rm(outputDir, { recursive: true, force: true });
  // The article to edit: the middle one of the first feed file.
  const feed = ws.feeds[0] as string;
  const original = await readFile(feed, 'utf8');
  // Slugs are unique across the collection, so take them from the parse of all feeds.
  const records = (JSON.parse(await readFile(ws.recordsFile, 'utf8')) as ArticleRecord[]).filter((a) => a.source.file === feed);
  const target = records[records.length >> 1];
  if (!target) throw new Error(`no article in ${feed}`);

  const started = performance.now();
  // Its own process group, so stopping it also stops the build worker it spawns.
  const server = spawn(
    process.execPath,
    ['bin/broadsheet.js', 'serve', '--port', '0', '--content', ws.contentDir, '--output', outputDir],
    { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  let restarts = 0;
  server.stderr?.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
  let watching = false;
  let searching = false;
  let searched = false;
  server.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    restarts += chunk.match(RESTART_MESSAGE)?.length ?? 0;
    if (WATCHING_MESSAGE.test(chunk)) watching = true;
    if (SEARCHING_MESSAGE.test(chunk)) searching = true;
    if (SEARCHED_MESSAGE.test(chunk)) searched = true;
  });
  try {
    const base = await serverUrl(server);
    const firstPath = await waitFor(() => findPagePath(outputDir, target.slug), 'the first build');
    await poll(base + firstPath, target.headline);
    const startupMs = performance.now() - started;
    // The file watcher starts after the first build and misses saves made
    // before its first scan ends: wait until the server says it is watching
    // (or, from a version that does not say, a while).
    const patience = performance.now() + WATCHER_GRACE_MS;
    await waitFor(async () => (watching || performance.now() > patience ? true : null), 'the file watcher');

    let discarded = 0;
    let text = original;
    let headline = target.headline;
    let edit = 0;
    // Saves one after another: the server updates the search index only
    // once they pause, so none of these overlaps it.
    const series = async (count: number, until: () => boolean = () => false): Promise<number[]> => {
      const times: number[] = [];
      while (times.length < count && !until()) {
        if (discarded > MAX_DISCARDED) throw new Error(`the build restarted during ${discarded} edits; is someone editing src/?`);
        const elapsed = await save(++edit);
        if (elapsed !== null) times.push(elapsed);
        else discarded++;
      }
      return times;
    };
    const save = async (edit: number): Promise<number | null> => {
      const renamed = `Bench Edit ${edit}: ${target.headline}`;
      text = replaceHeadline(text, headline, renamed);
      const newSlug = parseFeeds([{ file: feed, text }]).articles.find((a) => a.headline === renamed)?.slug;
      if (!newSlug) throw new Error(`the edited feed lost the article '${renamed}'`);
      const path = firstPath.replace(`/${target.slug}/`, `/${newSlug}/`);
      const restartsBefore = restarts;
      const saved = performance.now();
      await writeFile(feed, text);
      await poll(base + path, renamed);
      const elapsed = performance.now() - saved;
      headline = renamed;
      return restarts === restartsBefore ? elapsed : null;
    };
    const rebuildMs = await series(edits);
    // Then, once saves pause, the server indexes the whole site for the
    // first time: saves made meanwhile share the cores with Pagefind.
    await waitFor(async () => (searching ? true : null), 'the first search index');
    const during = await series(edits, () => searched);
    return { n: ws.n, startupMs, rebuildMs, medianMs: median(rebuildMs), duringSearchMs: during.length ? during : null, discarded };
  } catch (error) {
    throw new Error(`dev-server rebuild failed: ${(error as Error).message}\n${log.trim().split('\n').slice(-10).join('\n')}`);
  } finally {
    await stop(server);
    await writeFile(feed, original);
  }
}

/** Replaces every line that is exactly the headline (the scrape has it twice). */
function replaceHeadline(text: string, from: string, to: string): string {
  return text
    .split('\n')
    .map((line) => (line === from ? to : line))
    .join('\n');
}

function serverUrl(server: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('the server printed no URL')), TIMEOUT_MS);
    server.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    server.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
  });
}

/** Polls until `url` answers 200 with `text` in the body (HTML-escaped forms included). */
async function poll(url: string, text: string): Promise<void> {
  const escaped = text.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;');
  await waitFor(async () => {
    const response = await fetch(url).catch(() => null);
    if (!response || response.status !== 200) return null;
    const body = await response.text();
    return body.includes(text) || body.includes(escaped) ? true : null;
  }, `${url} with '${text}'`);
}

async function waitFor<T>(check: () => Promise<T | null>, what: string): Promise<T> {
  const deadline = performance.now() + TIMEOUT_MS;
  for (;;) {
    const value = await check();
    if (value !== null) return value;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, POLL_MS));
  }
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null || server.pid === undefined) return;
  const exited = new Promise((done) => server.once('exit', done));
  process.kill(-server.pid, 'SIGTERM');
  const timeout = setTimeout(() => server.pid !== undefined && process.kill(-server.pid, 'SIGKILL'), 10_000);
  await exited;
  clearTimeout(timeout);
}
