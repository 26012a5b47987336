/**
 * Full builds at N articles: `broadsheet build` next to its floor, bare
 * Eleventy paginating the same records through a one-line template
 * (`bench/floor/`). Runs alternate between the two, so both see the same
 * machine load, and each starts from an empty output folder.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type Measurement, median, measureNode } from './measure.ts';
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
  /** Broadsheet's median wall time over the floor's. */
  ratio: number;
  /** The same for CPU time, or null when unknown. */
  cpuRatio: number | null;
}

/** Raised when a measured build fails; carries the command's stderr. */
export class BuildFailedError extends Error {
  override name = 'BuildFailedError';
}

/**
 * Builds the workspace's site `runs` times with each tool, and as many
 * times without the search index.
 *
 * @example
 * const result = await compareBuilds(root, await prepareWorkspace({ root, n: 1000, seed: 1 }), 3);
 * result.ratio; // e.g. 1.3
 */
export async function compareBuilds(root: string, ws: Workspace, runs: number): Promise<BuildComparison> {
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
    await rm(broadsheetOut, { recursive: true, force: true });
    broadsheetRuns.push(
      checked('broadsheet build', await measureNode(
        ['bin/broadsheet.js', 'build', '--content', ws.contentDir, '--output', broadsheetOut],
        { cwd: root, sampleRssOf: 'pagefind' },
      )),
    );
    await rm(noSearchOut, { recursive: true, force: true });
    noSearchRuns.push(
      checked('broadsheet build --no-search', await measureNode(
        ['bin/broadsheet.js', 'build', '--no-search', '--content', ws.contentDir, '--output', noSearchOut],
        { cwd: root },
      )),
    );
  }
  const broadsheet = figures(broadsheetRuns, await countPages(broadsheetOut));
  const withoutSearch = figures(noSearchRuns, await countPages(noSearchOut));
  const floor = figures(floorRuns, await countPages(floorOut));
  const cpuRatio = broadsheet.cpuMs !== null && floor.cpuMs ? broadsheet.cpuMs / floor.cpuMs : null;
  return { n: ws.n, articles: ws.articles, feedBytes: ws.feedBytes, broadsheet, withoutSearch, floor, ratio: broadsheet.medianMs / floor.medianMs, cpuRatio };
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
