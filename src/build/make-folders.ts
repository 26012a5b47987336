/**
 * The folders of the pages a build is about to render, made ahead of
 * Eleventy, in a worker thread. Every article page has a folder of its own
 * (`2026/02/08/slug/index.html`), and Eleventy makes each one as it writes
 * the page: an `existsSync` and a `mkdirSync` on the render thread, ten
 * thousand of each in a full build. Made here while the first pages
 * render, Eleventy's check finds each folder there and makes none; a folder
 * not made yet, it makes itself, as before (`mkdir -p` of a folder that
 * exists meanwhile is no error). So the output is the same either way.
 */
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** Below this many folders a worker costs more than it saves (docs/performance.md). */
export const MIN_FOLDERS = 500;

/** The worker: plain CommonJS, so that it needs no TypeScript loader. */
const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const { mkdirSync } = require('node:fs');
for (const folder of workerData) {
  try { mkdirSync(folder, { recursive: true }); } catch { /* Eleventy makes it, or reports why it cannot */ }
}
parentPort.postMessage('done');
`;

/**
 * Starts making the folders of `files` (paths relative to `root`);
 * settles when they are made. Never rejects: a folder that could not be
 * made is left to Eleventy, which reports the error with the page's name.
 *
 * @example
 * const folders = makeFolders('_site.staging', ['2026/02/08/a/index.html']);
 * await renderPages(…);
 * await folders;
 */
export function makeFolders(root: string, files: readonly string[]): Promise<void> {
  const folders = [...new Set(files.map((file) => dirname(join(root, file))))];
  if (folders.length < MIN_FOLDERS) return Promise.resolve();
  return new Promise((resolve) => {
    const worker = new Worker(WORKER, { eval: true, workerData: folders });
    worker.once('message', () => resolve());
    worker.once('error', () => resolve());
    worker.once('exit', () => resolve());
  });
}
