/**
 * Full builds at N articles: `broadsheet build` next to its floor, bare
 * Eleventy paginating the same records through a one-line template
 * (`bench/floor/`), and the peer a user would otherwise pick, Hugo plus
 * Pagefind's CLI (`./hugo.ts`). Runs alternate between them, so all see
 * the same machine load, and each starts from an empty output folder.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { hugoAvailable, runPeer, writeHugoSite } from './hugo.ts';
import { type Measurement, median, measureNode } from './measure.ts';
import { compareFolders } from './incremental.ts';
import { countPages, type Workspace } from './workspace.ts';

export interface BuildFigures {
  /** Every run's wall time, in order. */
  wallMs: number[];
  medianMs: number;
  /** The highest peak RSS over the runs, in bytes. */
  peakRssBytes: number | null;
  /** The highest peak RSS of the search indexer (Pagefind's own process) over the runs; null for the floor. */
  searchPeakRssBytes: number | null;
  /** Median user + system CPU time, in ms: a loaded machine inflates it far less than wall time. */
  cpuMs: number | null;
  pages: number;
  pagesPerSecond: number;
}

export interface BuildComparison {
  n: number;
  articles: number;
  feedBytes: number;
  broadsheet: BuildFigures;
  /**
   * `broadsheet build --no-search` on the same feeds: the build without its
   * Pagefind step, which shows how much of the gap to the floor is search.
   */
  withoutSearch: BuildFigures;
  floor: BuildFigures;
  /**
   * The peer: Hugo with one-line templates plus Pagefind's CLI on its
   * output (bench/harness/hugo.ts), or why it was skipped.
   */
  peer: PeerFigures | { skipped: string };
  /** Broadsheet's median wall time over the peer's, or null when it was skipped. */
  peerRatio: number | null;
  /** The same site built as two shards, one after the other, and merged (one run). */
  shards: ShardFigures;
  /** Broadsheet's median wall time over the floor's. */
  ratio: number;
  /** The same for CPU time, or null when unknown. */
  cpuRatio: number | null;
}

export interface ShardFigures {
  count: number;
  /** Each shard's `broadsheet build --shard I/N`, wall time. */
  shardMs: number[];
  /** Each shard's peak RSS. */
  shardPeakRssBytes: (number | null)[];
  /** `broadsheet merge`, wall time. */
  mergeMs: number;
  /** Whether the merged site equals the one-process build, byte for byte. */
  identical: boolean;
  /** The first few paths that differ, when not identical. */
  differences: string[];
}

export interface PeerFigures {
  version: string;
  /** Hugo plus Pagefind, every run's wall time, and the median. */
  wallMs: number[];
  medianMs: number;
  /** Medians of each step, and of the CPU time of both. */
  hugoMs: number;
  pagefindMs: number;
  cpuMs: number | null;
  /** Pagefind CLI's sampled peak RSS. */
  pagefindPeakRssBytes: number | null;
}

/** Raised when a measured build fails; carries the command's stderr. */
export class BuildFailedError extends Error {
  override name = 'BuildFailedError';
}

/**
 * Builds the workspace's site `runs` times with each tool, and as many
 * times without the search index. Every Broadsheet build here is cold
 * (`--no-cache`): the default cache folder would hold the parses and memos
 * of the bench's earlier builds of the same feeds, which a user comparing
 * cold builds does not have.
 *
 * @example
 * const result = await compareBuilds(root, await prepareWorkspace({ root, n: 1000, seed: 1 }), 3);
 * result.ratio; // e.g. 1.3
 */
export async function compareBuilds(root: string, ws: Workspace, runs: number, options: { peer?: boolean } = {}): Promise<BuildComparison> {
  const hugo = options.peer === false ? { ok: false as const, why: 'not asked for (--only without peer)' } : hugoAvailable();
  const hugoDir = join(ws.dir, 'hugo');
  if (hugo.ok) await writeHugoSite(ws, hugoDir);
  const peerRuns = [];
  const broadsheetOut = join(ws.dir, 'out-broadsheet');
  const noSearchOut = join(ws.dir, 'out-no-search');
  const floorOut = join(ws.dir, 'out-floor');
  const broadsheetRuns = [];
  const noSearchRuns = [];
  const floorRuns = [];
  for (let run = 0; run < runs; run++) {
    await rm(floorOut, { recursive: true, force: true });
    floorRuns.push(
      checked('floor', await measureNode(
        [join(root, 'node_modules/@11ty/eleventy/cmd.cjs'), '--config=bench/floor/eleventy.config.js', `--output=${floorOut}`, '--quiet'],
        { cwd: root, env: { BENCH_FLOOR_RECORDS: ws.recordsFile } },
      )),
    );
    if (hugo.ok) peerRuns.push(await runPeer(root, hugoDir));
    await rm(broadsheetOut, { recursive: true, force: true });
    broadsheetRuns.push(
      checked('broadsheet build', await measureNode(
        ['bin/broadsheet.js', 'build', '--no-cache', '--content', ws.contentDir, '--output', broadsheetOut],
        { cwd: root, sampleRssOf: 'pagefind' },
      )),
    );
    await rm(noSearchOut, { recursive: true, force: true });
    noSearchRuns.push(
      checked('broadsheet build --no-search', await measureNode(
        ['bin/broadsheet.js', 'build', '--no-cache', '--no-search', '--content', ws.contentDir, '--output', noSearchOut],
        { cwd: root },
      )),
    );
  }
  const shards = await measureShards(root, ws, broadsheetOut, 2);
  const broadsheet = figures(broadsheetRuns, await countPages(broadsheetOut));
  const withoutSearch = figures(noSearchRuns, await countPages(noSearchOut));
  const floor = figures(floorRuns, await countPages(floorOut));
  const cpuRatio = broadsheet.cpuMs !== null && floor.cpuMs ? broadsheet.cpuMs / floor.cpuMs : null;
  const cpu = peerRuns.map((r) => r.cpuMs).filter((v): v is number => v !== null);
  const peerRss = peerRuns.map((r) => r.pagefind.sampledPeakRssBytes).filter((v): v is number => v !== null);
  const peer: BuildComparison['peer'] = hugo.ok
    ? {
      version: hugo.version,
      wallMs: peerRuns.map((r) => r.wallMs),
      medianMs: median(peerRuns.map((r) => r.wallMs)),
      hugoMs: median(peerRuns.map((r) => r.hugo.wallMs)),
      pagefindMs: median(peerRuns.map((r) => r.pagefind.wallMs)),
      cpuMs: cpu.length ? median(cpu) : null,
      pagefindPeakRssBytes: peerRss.length ? Math.max(...peerRss) : null,
    }
    : { skipped: hugo.why };
  const peerRatio = 'medianMs' in peer ? broadsheet.medianMs / peer.medianMs : null;
  return { n: ws.n, articles: ws.articles, feedBytes: ws.feedBytes, broadsheet, withoutSearch, floor, peer, peerRatio, shards, ratio: broadsheet.medianMs / floor.medianMs, cpuRatio };
}

/**
 * Builds the site as `count` shards, one after the other (on a CI matrix
 * they run at once, each on its own machine), merges them, and compares
 * the merged site with the one-process build in `oneBuild`.
 */
async function measureShards(root: string, ws: Workspace, oneBuild: string, count: number): Promise<ShardFigures> {
  const dirs = Array.from({ length: count }, (_, i) => join(ws.dir, `out-shard-${i + 1}`));
  const runs = [];
  for (const [i, dir] of dirs.entries()) {
    await rm(dir, { recursive: true, force: true });
    runs.push(checked(`broadsheet build --shard ${i + 1}/${count}`, await measureNode(['bin/broadsheet.js', 'build', '--no-cache', '--shard', `${i + 1}/${count}`, '--content', ws.contentDir, '--output', dir], { cwd: root })));
  }
  const merged = join(ws.dir, 'out-merged');
  await rm(merged, { recursive: true, force: true });
  const merge = checked('broadsheet merge', await measureNode(['bin/broadsheet.js', 'merge', '--output', merged, ...dirs], { cwd: root }));
  const differences = await compareFolders(merged, oneBuild, ['the merged shards', 'the one-process build']);
  for (const dir of [...dirs, merged]) await rm(dir, { recursive: true, force: true });
  return {
    count,
    shardMs: runs.map((r) => r.wallMs),
    shardPeakRssBytes: runs.map((r) => r.peakRssBytes),
    mergeMs: merge.wallMs,
    identical: differences.length === 0,
    differences: differences.slice(0, 10),
  };
}

function checked<T extends { exitCode: number; stderr: string }>(what: string, measurement: T): T {
  if (measurement.exitCode !== 0) {
    const tail = measurement.stderr.trim().split('\n').slice(-15).join('\n');
    throw new BuildFailedError(`${what} exited with ${measurement.exitCode}:\n${tail}`);
  }
  return measurement;
}

function figures(runs: readonly Measurement[], pages: number): BuildFigures {
  const wallMs = runs.map((r) => r.wallMs);
  const rss = runs.map((r) => r.peakRssBytes).filter((v): v is number => v !== null);
  const cpu = runs.map((r) => r.cpuMs).filter((v): v is number => v !== null);
  const searchRss = runs.map((r) => r.sampledPeakRssBytes).filter((v): v is number => v !== null);
  const medianMs = median(wallMs);
  return {
    wallMs,
    medianMs,
    peakRssBytes: rss.length > 0 ? Math.max(...rss) : null,
    searchPeakRssBytes: searchRss.length > 0 ? Math.max(...searchRss) : null,
    cpuMs: cpu.length > 0 ? median(cpu) : null,
    pages,
    pagesPerSecond: pages / (medianMs / 1000),
  };
}
