/**
 * A search lane: one Pagefind process, fed by a worker thread of its own
 * (src/discovery/search-lane-worker.ts), so that reading pages and handing
 * them over does not wait for, nor slow, the thread that renders them.
 * Pagefind's Node API runs one process per module instance, and each
 * worker thread has its own.
 */
import { Worker } from 'node:worker_threads';
import type { LaneReply, LaneRequest } from './search-lane-worker.ts';

/**
 * The worker's first code: plain CommonJS, which registers tsx's loader
 * in the new thread (loaders are per thread) and then loads the
 * TypeScript worker. Pagefind's modules are loaded first, for the reason
 * bin/broadsheet.js loads Eleventy first: with the loader registered,
 * every module loaded takes a round trip to its thread. An error is
 * thrown on the thread, where the lane hears of it.
 */
const BOOT = `
const { workerData } = require('node:worker_threads');
import(workerData.pagefind)
  .then(() => import(workerData.tsx))
  .then(({ register }) => { register(); return import(workerData.worker); })
  .catch((error) => setImmediate(() => { throw error; }));
`;

type Pending = { resolve: () => void; reject: (error: Error) => void };

/** A record handed to Pagefind as it is, not read from a page. */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  filters: Record<string, string[]>;
}

/**
 * One Pagefind process in a worker thread. Asks are answered in turn; the
 * lane must be closed, which ends its Pagefind process and its thread.
 *
 * @example
 * const lane = new SearchLane();
 * try { await lane.indexPages(['2026/02/08/a/index.html'], ['_site'], '_site/pagefind', false); }
 * finally { await lane.close(); }
 */
export class SearchLane {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #nextId = 0;
  #stopped: Error | null = null;

  constructor() {
    this.#worker = new Worker(BOOT, {
      eval: true,
      workerData: { pagefind: import.meta.resolve('pagefind'), tsx: import.meta.resolve('tsx/esm/api'), worker: new URL('./search-lane-worker.ts', import.meta.url).href },
    });
    this.#worker.on('message', (reply: LaneReply) => {
      const pending = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      if (reply.error === undefined) pending?.resolve();
      else pending?.reject(new Error(reply.error));
    });
    this.#worker.on('error', (error) => this.#stop(error));
    this.#worker.on('exit', (code) => this.#stop(new Error(`the search indexing thread stopped (exit code ${code})`)));
  }

  /**
   * Indexes `pages` (relative paths, each read from the first of `readFrom`
   * that has it) in their order, and writes the index to `outputPath`.
   * In the `background`, Pagefind runs at the lowest CPU priority.
   */
  indexPages(pages: readonly string[], readFrom: readonly string[], outputPath: string, background: boolean): Promise<void> {
    return this.#ask({ type: 'pages', id: 0, pages, readFrom, outputPath, background });
  }

  /** Indexes `records` in their order and writes the index to `outputPath`. */
  indexRecords(records: readonly SearchRecord[], outputPath: string, background: boolean): Promise<void> {
    return this.#ask({ type: 'records', id: 0, records, outputPath, background });
  }

  /** Ends the lane's Pagefind process, then its thread. */
  async close(): Promise<void> {
    try {
      if (!this.#stopped) await this.#ask({ type: 'close', id: 0 });
    } finally {
      await this.#worker.terminate();
    }
  }

  #ask(request: LaneRequest): Promise<void> {
    if (this.#stopped) return Promise.reject(this.#stopped);
    const id = ++this.#nextId;
    return new Promise<void>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...request, id });
    });
  }

  #stop(error: Error): void {
    this.#stopped ??= error;
    for (const pending of this.#pending.values()) pending.reject(this.#stopped);
    this.#pending.clear();
  }
}
