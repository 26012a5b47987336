/**
 * A search lane: one Pagefind process, fed by a worker thread of its own
 * (src/discovery/search-lane-worker.js), so that reading pages and handing
 * them over does not wait for, nor slow, the thread that renders them.
 * Pagefind's Node API runs one process per module instance, and each
 * worker thread has its own.
 */
import { Worker } from 'node:worker_threads';
import { lowerChildPriority } from '../process-priority.ts';

/** What a lane's thread is asked to do (src/discovery/search-lane-worker.js). */
export type LaneRequest =
  | {
      type: 'pages';
      id: number;
      /** Paths relative to the output folder, in the order Pagefind numbers them. */
      pages: readonly string[];
      /** Folders to read each page from, the first that has it. */
      readFrom: readonly string[];
      outputPath: string;
      /** Whether Pagefind runs at the lowest CPU priority (src/process-priority.ts). */
      background: boolean;
      /** The pages from this one on are handed over once the lane signals `go` for this request. */
      waitFrom?: number;
      /** Whether to leave out Pagefind's search UI (src/discovery/pagefind-files.js) when the lane writes the files. */
      indexOnly: boolean;
    }
  | { type: 'records'; id: number; records: readonly SearchRecord[]; outputPath: string; background: boolean; indexOnly: boolean }
  | { type: 'close'; id: number };

/** Lets request `id` hand over the pages it waits for. */
export interface LaneSignal {
  type: 'go';
  id: number;
}

/** A lane's answer: `started` (a process to lower the priority of) comes before the request's own answer. */
interface LaneReply {
  id: number;
  started?: true;
  error?: string;
}

/** The worker: JavaScript, so that the thread needs no TypeScript loader (see the file). */
const WORKER = new URL('./search-lane-worker.js', import.meta.url);

/** A request before the lane numbers it. */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

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
    this.#worker = new Worker(WORKER);
    this.#worker.on('message', (reply: LaneReply) => {
      // Pagefind's process has just started, in the background: at the lowest priority before it has work.
      if (reply.started) return void lowerChildPriority('pagefind');
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
   * In the `background`, Pagefind runs at the lowest CPU priority. With
   * `wait`, the pages from `wait.from` on are still being written: they
   * are handed over once `wait.until` settles, the ones before at once.
   * With `indexOnly`, Pagefind's search UI is not written, where the lane
   * writes the files (a new folder; see search-lane-worker.js).
   */
  indexPages(pages: readonly string[], readFrom: readonly string[], outputPath: string, background: boolean, { wait, indexOnly = false }: { wait?: { from: number; until: Promise<unknown> }; indexOnly?: boolean } = {}): Promise<void> {
    return this.#ask({ type: 'pages', pages, readFrom, outputPath, background, indexOnly, ...(wait ? { waitFrom: wait.from } : {}) }, (id) => {
      // Settled either way, the pages are there or never will be: a failed render fails their reading.
      // A request already answered (it failed before it waited) is told nothing.
      const go = () => void (this.#pending.has(id) ? this.#worker.postMessage({ type: 'go', id } satisfies LaneSignal) : undefined);
      wait?.until.then(go, go);
    });
  }

  /** Indexes `records` in their order and writes the index to `outputPath` (`indexOnly` as for {@link indexPages}). */
  indexRecords(records: readonly SearchRecord[], outputPath: string, background: boolean, { indexOnly = false }: { indexOnly?: boolean } = {}): Promise<void> {
    return this.#ask({ type: 'records', records, outputPath, background, indexOnly });
  }

  /** Ends the lane's Pagefind process, then its thread. */
  async close(): Promise<void> {
    try {
      if (!this.#stopped) await this.#ask({ type: 'close' });
    } finally {
      await this.#worker.terminate();
    }
  }

  /** Sends `request`, numbered; `sent` is told its number. */
  #ask(request: WithoutId<LaneRequest>, sent?: (id: number) => void): Promise<void> {
    if (this.#stopped) return Promise.reject(this.#stopped);
    const id = ++this.#nextId;
    const answer = new Promise<void>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...request, id });
    });
    sent?.(id);
    return answer;
  }

  #stop(error: Error): void {
    this.#stopped ??= error;
    for (const pending of this.#pending.values()) pending.reject(this.#stopped);
    this.#pending.clear();
  }
}
