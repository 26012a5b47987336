/**
 * The worker thread of a search lane (src/discovery/search-lane.ts): one
 * Pagefind process, fed from this thread. The build's own thread renders
 * pages in long chains of promises, during which it answers no I/O; a
 * lane fed from there waited for each Eleventy run to end before it got
 * its next pages (docs/performance.md). Here the pages are read and handed
 * over on a thread that does nothing else.
 *
 * Requests come one at a time ({@link LaneRequest}); each is answered with
 * its id and, when it failed, the error's message.
 */
import childProcess, { type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { lowerChildPriority } from '../process-priority.ts';

/**
 * The processes started on this thread: Pagefind's. Its `close()` kills
 * its process without waiting for it to exit; a thread ended then would
 * leave the process unreaped (a zombie until Broadsheet exits, and its CPU
 * time missing from Broadsheet's). So `spawn` is wrapped, on this thread
 * only (a worker thread has its own built-in modules), to keep hold of
 * them, and closing waits for each to exit.
 */
const started: ChildProcess[] = [];
const spawn = childProcess.spawn;
(childProcess as { spawn: typeof spawn }).spawn = ((...args: Parameters<typeof spawn>) => {
  const child = spawn(...args);
  started.push(child);
  return child;
}) as typeof spawn;

/** What a lane is asked to do. */
export type LaneRequest =
  | {
      type: 'pages';
      id: number;
      /** Paths relative to the output folder, in the order Pagefind numbers them. */
      pages: readonly string[];
      /** Folders to read each page from, the first that has it. */
      readFrom: readonly string[];
      outputPath: string;
      background: boolean;
    }
  | {
      type: 'records';
      id: number;
      records: readonly { url: string; content: string; language: string; filters: Record<string, string[]> }[];
      outputPath: string;
      background: boolean;
    }
  | { type: 'close'; id: number };

export interface LaneReply {
  id: number;
  error?: string;
}

/** Pages handed to Pagefind and not yet answered, at most. */
const PAGES_IN_FLIGHT = 32;

async function serve(request: LaneRequest): Promise<void> {
  if (request.type === 'close') {
    await pagefind.close();
    await Promise.all(started.map((child) => (child.exitCode === null && child.signalCode === null ? once(child, 'exit') : null)));
    return;
  }
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind could not start: ${errors.join('; ')}`);
  // The first index starts the lane's Pagefind process; in the background it then runs at the lowest priority.
  if (request.background) lowerChildPriority('pagefind');
  try {
    if (request.type === 'pages') {
      // Pagefind answers in the order it is asked: a few pages are kept in
      // flight, so that reading the next page overlaps indexing this one.
      const inFlight: ReturnType<typeof index.addHTMLFile>[] = [];
      const settle = async () => {
        const added = await inFlight.shift()!;
        if (added.errors.length) throw new Error(`pagefind could not index ${request.outputPath}: ${added.errors.join('; ')}`);
      };
      for (const page of request.pages) {
        const added = index.addHTMLFile({ sourcePath: page, content: readPage(request.readFrom, page) });
        // Awaited in turn below; when an earlier page fails, the rest are left unawaited.
        added.catch(() => undefined);
        inFlight.push(added);
        if (inFlight.length >= PAGES_IN_FLIGHT) await settle();
      }
      while (inFlight.length > 0) await settle();
    } else {
      for (const record of request.records) {
        const added = await index.addCustomRecord(record);
        if (added.errors.length) throw new Error(`pagefind could not index ${record.url}: ${added.errors.join('; ')}`);
      }
    }
    // An empty bundle (a site with no articles yet) still gets an index and the search UI.
    const written = await index.writeFiles({ outputPath: request.outputPath });
    if (written.errors.length) throw new Error(`pagefind could not write its index: ${written.errors.join('; ')}`);
  } finally {
    await index.deleteIndex();
  }
}

/** The text of `page` from the first of `folders` that has it. */
function readPage(folders: readonly string[], page: string): string {
  for (const [i, folder] of folders.entries()) {
    try {
      return readFileSync(join(folder, page), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || i === folders.length - 1) throw error;
    }
  }
  throw new Error(`no folder to read ${page} from`);
}

const port = parentPort;
if (!port) throw new Error('search-lane-worker.ts runs as a worker thread (src/discovery/search-lane.ts starts it)');
port.on('message', (request: LaneRequest) => {
  serve(request).then(
    () => port.postMessage({ id: request.id } satisfies LaneReply),
    (error: unknown) => port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies LaneReply),
  );
});
