/**
 * `broadsheet build --jobs N` on one machine: a full build split into N
 * shards (src/build/shards.ts). This process builds shard 1 into the
 * staging folder; shards 2…N are built at the same time by worker
 * processes (`bin/shard-worker.js`), each into a folder beside it, and
 * their files are moved into the staging folder when they finish. Every
 * process reads the content and makes the plan itself (that part is not
 * shared), then renders and indexes only its share, so rendering and
 * search indexing use every core.
 *
 * A worker is told what to build by one IPC message and answers with
 * progress messages and one result; nothing else passes between them.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { listFeedFiles } from '../feeds/read-feeds.ts';
import type { BuildProgress } from './run-build.ts';
import { placeShard } from './merge-shards.ts';
import type { ShardManifest, ShardSpec } from './shards.ts';

/** What a worker builds: `buildSite`'s options that cross the process boundary. */
export interface ShardRequest {
  contentDir: string;
  outputDir: string;
  now: string | null;
  search: boolean;
  jobs: number;
  shard: ShardSpec;
  /** The cache folder whose parse results the worker may read (it writes none). */
  parseCacheDir: string | null;
  pagesPerBundle?: number;
  articlesPerRun?: number;
}

type WorkerMessage =
  | { type: 'progress'; progress: BuildProgress }
  | { type: 'done'; manifest: ShardManifest }
  | { type: 'failed'; message: string };

/**
 * Sites smaller than this (the feed files' bytes, about 3,500 articles of
 * news text) are built in one process: a worker costs its own reading of
 * the content and its own Eleventy start, which a small site never earns back.
 */
export const WORKER_MIN_FEED_BYTES = 8 * 1024 * 1024;

/**
 * How many processes a full build of `contentDir` should use with `jobs`
 * cores: one per two cores for a big archive, else one. Each process keeps
 * about two cores busy (its own thread rendering, then a Pagefind process
 * indexing), and each pays for reading the content and planning the site
 * again, so one process per core does not pay on two cores
 * (docs/performance.md).
 */
export async function workersFor(contentDir: string, jobs: number): Promise<number> {
  const processes = Math.floor(jobs / 2);
  if (processes <= 1) return 1;
  let bytes = 0;
  for (const file of (await listFeedFiles(join(contentDir, 'feeds'))).files) bytes += statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  return bytes >= WORKER_MIN_FEED_BYTES ? processes : 1;
}

/** One worker process building one shard. */
export interface ShardWorker {
  spec: ShardSpec;
  /** Where it writes its shard. */
  dir: string;
  /** Its pages rendered and bundles indexed so far. */
  counts: { render: number; search: number };
  /** Its shard's manifest, when it has built it; rejects when it fails. */
  done: Promise<ShardManifest>;
  /** Stops it (when the build fails elsewhere). */
  stop(): void;
}

/**
 * Starts workers for shards 2…`count` of the build `base` describes, each
 * writing `<staging>-part-<i>` (named so that a killed build's folders are
 * cleared with its staging folder). `onProgress` hears each worker's
 * progress.
 */
export function startShardWorkers(base: Omit<ShardRequest, 'shard' | 'outputDir'>, count: number, staging: string, onProgress: () => void): ShardWorker[] {
  const script = new URL('../../bin/shard-worker.js', import.meta.url);
  return Array.from({ length: count - 1 }, (_, i): ShardWorker => {
    const spec = { index: i + 2, count };
    const dir = `${staging}-part-${spec.index}`;
    rmSync(dir, { recursive: true, force: true });
    const child: ChildProcess = fork(script, [], { execArgv: [], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4000);
    });
    const worker: ShardWorker = {
      spec, dir, counts: { render: 0, search: 0 },
      done: new Promise<ShardManifest>((resolve, reject) => {
        let settled = false;
        child.on('message', (message: WorkerMessage) => {
          if (message.type === 'progress') {
            const { progress } = message;
            if (progress.stage === 'render' || progress.stage === 'search') worker.counts[progress.stage] = progress.done;
            onProgress();
          } else if (message.type === 'done') {
            settled = true;
            resolve(message.manifest);
          } else {
            settled = true;
            reject(new Error(`the worker building shard ${spec.index} of ${count} failed: ${message.message}`));
          }
        });
        child.on('error', (error) => reject(new Error(`could not start a worker process: ${error.message}`)));
        child.on('exit', (code, signal) => {
          if (!settled) reject(new Error(`the worker building shard ${spec.index} of ${count} stopped (${signal ?? `exit ${code}`})${stderr ? `: ${stderr.trim()}` : ''}`));
        });
      }),
      stop: () => {
        if (child.exitCode === null) child.kill();
      },
    };
    const request: ShardRequest = { ...base, shard: spec, outputDir: dir };
    child.send(request);
    return worker;
  });
}

/**
 * Waits for every worker and moves its files into `staging`. A worker
 * whose shard key differs from `key` read other content (a feed saved
 * during the build): the build fails rather than mix two versions. The
 * caller stops the workers and removes their folders, whatever happened
 * ({@link stopShardWorkers}).
 */
export async function joinShardWorkers(workers: readonly ShardWorker[], staging: string, key: string): Promise<void> {
  const manifests = await Promise.all(workers.map((w) => w.done));
  for (const [i, manifest] of manifests.entries()) {
    if (manifest.key !== key) throw new Error('the content changed while the build ran (a worker read other files than this process); build again');
    placeShard(manifest, workers[i]!.dir, staging, 'move');
  }
}

/** Stops the workers still running and removes their folders. */
export function stopShardWorkers(workers: readonly ShardWorker[]): void {
  for (const worker of workers) {
    worker.stop();
    rmSync(worker.dir, { recursive: true, force: true });
  }
}

/**
 * The worker's side (run by `bin/shard-worker.js`): reads one request,
 * builds its shard with `buildSite`, reports, and exits.
 */
export function serveShardRequest(): void {
  // Sent with a callback, so that the last message is out before the channel closes.
  const send = (message: WorkerMessage) => new Promise<void>((resolve) => (process.send ? process.send(message, undefined, {}, () => resolve()) : resolve()));
  let started = false;
  // A listener that stays (not `once`) keeps the IPC channel, and so this process, alive until the shard is built.
  process.on('message', (request: ShardRequest) => {
    if (started) return;
    started = true;
    void (async () => {
      try {
        const [{ buildSite }, { diskParseCache, readOnlyParseCache }] = await Promise.all([import('./run-build.ts'), import('./parse-cache.ts')]);
        const result = await buildSite({
          contentDir: request.contentDir,
          outputDir: request.outputDir,
          now: request.now,
          search: request.search,
          jobs: request.jobs,
          cacheDir: null,
          shard: request.shard,
          shardImages: false,
          reuse: { parseCache: request.parseCacheDir ? readOnlyParseCache(diskParseCache(request.parseCacheDir)) : null },
          ...(request.pagesPerBundle ? { pagesPerBundle: request.pagesPerBundle } : {}),
          ...(request.articlesPerRun ? { articlesPerRun: request.articlesPerRun } : {}),
          onProgress: (progress) => void send({ type: 'progress', progress }),
        });
        await send({ type: 'done', manifest: result.shard! });
      } catch (error) {
        await send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
      } finally {
        process.disconnect?.();
      }
    })();
  });
}
