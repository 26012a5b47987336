// @ts-check
/**
 * The worker thread of a search lane (src/discovery/search-lane.ts): one
 * Pagefind process, fed from this thread. The build's own thread renders
 * pages in long chains of promises, during which it answers no I/O; a
 * lane fed from there waited for each Eleventy run to end before it got
 * its next pages (docs/performance.md). Here the pages are read and handed
 * over on a thread that does nothing else.
 *
 * JavaScript, type-checked from its JSDoc (tsconfig.json's `allowJs`), so
 * that a new thread needs no TypeScript loader: registering tsx's in a
 * thread took about 180 ms before the lane could start, on every build.
 *
 * Requests come one at a time (`LaneRequest`, src/discovery/search-lane.ts);
 * each is answered with its id and, when it failed, the error's message.
 * A request for pages may hand over the first of them at once and wait
 * for a `go` signal (`LaneSignal`) before the rest, which are still being
 * rendered.
 * The first index a lane starts in the `background` is also answered with
 * `started`, so that the lane's owner lowers the new process's priority.
 */
import childProcess from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { isUiFile } from './pagefind-files.js';
import { searchPart } from './search-part.js';

/**
 * The processes started on this thread: Pagefind's. Its `close()` kills
 * its process without waiting for it to exit; a thread ended then would
 * leave the process unreaped (a zombie until Broadsheet exits, and its CPU
 * time missing from Broadsheet's). So `spawn` is wrapped, on this thread
 * only (a worker thread has its own built-in modules), to keep hold of
 * them, and closing waits for each to exit.
 *
 * @type {import('node:child_process').ChildProcess[]}
 */
const started = [];
const spawn = childProcess.spawn;
/** @type {any} */ (childProcess).spawn = (/** @type {Parameters<typeof spawn>} */ ...args) => {
  const child = spawn(...args);
  started.push(child);
  return child;
};

/** Pages handed to Pagefind and not yet answered, at most. */
const PAGES_IN_FLIGHT = 32;

/** @param {import('./search-lane.ts').LaneRequest} request */
async function serve(request) {
  if (request.type === 'close') {
    await pagefind.close();
    await Promise.all(started.map((child) => (child.exitCode === null && child.signalCode === null ? once(child, 'exit') : null)));
    return;
  }
  const before = started.length;
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind could not start: ${errors.join('; ')}`);
  // The first index starts the lane's Pagefind process.
  if (request.background && started.length > before) port.postMessage({ id: request.id, started: true });
  try {
    if (request.type === 'pages') {
      // Pagefind answers in the order it is asked: a few pages are kept in
      // flight, so that reading the next page overlaps indexing this one.
      /** @type {ReturnType<typeof index.addHTMLFile>[]} */
      const inFlight = [];
      const settle = async () => {
        const added = await /** @type {ReturnType<typeof index.addHTMLFile>} */ (inFlight.shift());
        if (added.errors.length) throw new Error(`pagefind could not index ${request.outputPath}: ${added.errors.join('; ')}`);
      };
      for (const [i, page] of request.pages.entries()) {
        // The pages from `waitFrom` on are still being written: handed over once the lane says so.
        if (i === request.waitFrom) await goAhead(request.id);
        const added = index.addHTMLFile({ sourcePath: page, content: searchPart(readPage(request.readFrom, page)) });
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
    await writeIndex(index, request.outputPath, request.indexOnly);
  } finally {
    // A signal that came for a request that failed before it waited.
    signals.delete(request.id);
    await index.deleteIndex();
  }
}

/**
 * Writes the index to `outputPath`, with `indexOnly` without Pagefind's
 * search UI (src/discovery/pagefind-files.js). When its `fragment/` folder
 * is there already (an incremental build has linked the kept pages'
 * fragments into it), Pagefind writes the files itself, skipping, and not
 * compressing, the fragments it finds; it always writes the UI, which is
 * then removed. Otherwise Pagefind hands the files over and this thread
 * writes them, leaving the UI out: the same bytes, for less CPU time in
 * all than Pagefind's own writes, much of whose cost was system time
 * (docs/performance.md, "Pagefind's files written by the lane").
 *
 * @param {pagefind.PagefindIndex} index
 * @param {string} outputPath
 * @param {boolean} indexOnly
 */
async function writeIndex(index, outputPath, indexOnly) {
  const byPagefind = existsSync(join(outputPath, 'fragment'));
  const result = byPagefind ? await index.writeFiles({ outputPath }) : await index.getFiles();
  if (result.errors.length) throw new Error(`pagefind could not write its index: ${result.errors.join('; ')}`);
  if (!('files' in result)) {
    if (indexOnly) for (const entry of readdirSync(outputPath, { withFileTypes: true })) if (entry.isFile() && isUiFile(entry.name)) rmSync(join(outputPath, entry.name));
    return;
  }
  const folders = new Set();
  for (const file of result.files) {
    if (indexOnly && isUiFile(file.path)) continue;
    const path = join(outputPath, file.path);
    const folder = dirname(path);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    writeFileSync(path, file.content);
  }
}

/**
 * The text of `page` from the first of `folders` that has it.
 *
 * @param {readonly string[]} folders
 * @param {string} page
 * @returns {string}
 */
function readPage(folders, page) {
  for (const [i, folder] of folders.entries()) {
    try {
      return readFileSync(join(folder, page), 'utf8');
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'ENOENT' || i === folders.length - 1) throw error;
    }
  }
  throw new Error(`no folder to read ${page} from`);
}

/** @type {Map<number, { go: Promise<void>, resolve: () => void }>} */
const signals = new Map();
/** @param {number} id */
const signalOf = (id) => {
  let signal = signals.get(id);
  if (!signal) {
    /** @type {() => void} */
    let resolve = () => undefined;
    const go = new Promise((done) => (resolve = () => done(undefined)));
    signal = { go, resolve };
    signals.set(id, signal);
  }
  return signal;
};
/**
 * Settles when the lane has said `go` for request `id` (it may have said
 * so already).
 *
 * @param {number} id
 */
async function goAhead(id) {
  await signalOf(id).go;
  signals.delete(id);
}

if (!parentPort) throw new Error('search-lane-worker.js runs as a worker thread (src/discovery/search-lane.ts starts it)');
const port = parentPort;
port.on('message', (/** @type {import('./search-lane.ts').LaneRequest | import('./search-lane.ts').LaneSignal} */ request) => {
  // A signal is no request of its own: it lets a request that waits for it go on.
  if (request.type === 'go') return void signalOf(request.id).resolve();
  serve(request).then(
    () => port.postMessage({ id: request.id }),
    (/** @type {unknown} */ error) => port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
