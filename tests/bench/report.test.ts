import { describe, expect, it } from 'vitest';
import type { BuildComparison } from '../../bench/harness/builds.ts';
import type { IncrementalFigures } from '../../bench/harness/incremental.ts';
import { type BenchReport, checkTargets, formatReport } from '../../bench/harness/report.ts';

const MiB = 1024 * 1024;

function build(n: number, broadsheetMs: number, floorMs: number, rssMiB: number, searchRssMiB: number | null = null, peerMs: number | null = null, shardsIdentical = true): BuildComparison {
  const figures = (ms: number, rss: number, searchRss: number | null) => ({
    wallMs: [ms], medianMs: ms, peakRssBytes: rss * MiB, searchPeakRssBytes: searchRss === null ? null : searchRss * MiB, cpuMs: ms / 2, pages: n, pagesPerSecond: n / (ms / 1000),
  });
  return {
    n, articles: n, feedBytes: n * 2400,
    broadsheet: figures(broadsheetMs, rssMiB, searchRssMiB),
    withoutSearch: figures(broadsheetMs / 2, rssMiB, null),
    floor: figures(floorMs, 300, null),
    peer: peerMs === null
      ? { skipped: 'hugo is not installed' }
      : { version: 'hugo v0.111.3 linux/amd64', wallMs: [peerMs], medianMs: peerMs, hugoMs: peerMs / 3, pagefindMs: (2 * peerMs) / 3, cpuMs: peerMs, pagefindPeakRssBytes: 700 * MiB },
    peerRatio: peerMs === null ? null : broadsheetMs / peerMs,
    shards: {
      count: 2, shardMs: [broadsheetMs * 0.6, broadsheetMs * 0.5], shardPeakRssBytes: [rssMiB * MiB, null], mergeMs: 900,
      identical: shardsIdentical, differences: shardsIdentical ? [] : ['differs: index.html'],
    },
    ratio: broadsheetMs / floorMs, cpuRatio: broadsheetMs / floorMs,
  };
}

function incremental(n: number, coldMs: number, addedMs: number, paragraphMs: number, identical: boolean): IncrementalFigures {
  const step = (wallMs: number, rendered: number) => ({ wallMs, rendered, kept: n - rendered, bundles: 3, bundlesIndexed: rendered === n ? 3 : 1 });
  return {
    n, cold: step(coldMs, n), unchanged: step(coldMs / 10, 10), added: step(addedMs, 120), addedArticles: 100, paragraph: step(paragraphMs, 8),
    clean: step(coldMs, n), identical, differences: identical ? [] : ['differs: index.html'], addedRatio: addedMs / coldMs,
  };
}

describe('bench report', () => {
  it('checks the issue targets against what was measured, and only that', () => {
    const checks = checkTargets({
      parse: {
        large: { bytes: 50e6, articles: 1, parseMBps: 200, floorMBps: 450, parseMs: 250, floorMs: 111, readMs: 1, parseCpuMs: 250, floorCpuMs: 111 },
        small: { bytes: 5e6, articles: 1, parseMs: 20, floorMs: 11, readMs: 1, parseCpuMs: 20, floorCpuMs: 11 },
        ratio: 200 / 450,
        cpuRatio: 200 / 450,
        timeRatio: 12.5,
        cpuTimeRatio: 12.5,
        sizeRatio: 10,
      },
      builds: [build(1000, 3000, 2500, 200), build(10_000, 10_000, 7000, 1100, null, 8000), build(50_000, 60_000, 30_000, 1900, 800, null, false)],
      incremental: [incremental(10_000, 40_000, 6000, 1800, false)],
      dev: [
        { n: 1000, startupMs: 5000, rebuildMs: [600, 700, 800], medianMs: 700, duringSearchMs: null, discarded: 0 },
        { n: 10_000, startupMs: 15_000, rebuildMs: [900, 1100, 1200], medianMs: 1100, duringSearchMs: [1500, 1300, 1400], discarded: 0 },
      ],
    });
    expect(checks.map((c) => [c.target, c.holds])).toEqual([
      ['parse ≥ 0.5× the line-split floor', false],
      ['parse linear: 10.0× input ≤ 11.0× time', false],
      ['build N=10,000 ≤ 1.5× Hugo + Pagefind (goal 1.0×)', true],
      ['build N=10,000: 2 shards merged byte-identical to one build', true],
      ['build N=10,000 without search ≤ 1.5× the bare-Eleventy floor', true],
      ['build N=10,000 peak RSS ≤ 1 GiB per process', false],
      ['build N=50,000 ≤ 1.5× Hugo + Pagefind (goal 1.0×)', false],
      ['build N=50,000: 2 shards merged byte-identical to one build', false],
      ['build N=50,000 peak RSS ≤ 2 GiB per process', true],
      ['incremental: 100 articles added at N=10,000 ≤ 0.2× the cold build', true],
      ['incremental: one paragraph edited at N=10,000 ≤ 2 s', true],
      ['incremental at N=10,000: output byte-identical to a clean build', false],
      ['dev server: save → served at N=1,000 < 1 s', true],
      ['dev server: save → served at N=10,000 < 1 s', false],
      ['dev server: N=10,000 ≤ 1.5× N=1,000', false],
    ]);
    expect(checkTargets({ parse: null, builds: [build(200, 1, 1, 1)], incremental: [], dev: [] })).toEqual([]);
  });

  it('holds the peak RSS target against the largest process: Node or the search indexer', () => {
    const memoryCheck = (rssMiB: number, searchRssMiB: number | null) =>
      checkTargets({ parse: null, builds: [build(10_000, 10_000, 7000, rssMiB, searchRssMiB)], incremental: [], dev: [] })
        .find((c) => c.target === 'build N=10,000 peak RSS ≤ 1 GiB per process');
    expect(memoryCheck(900, 700)).toEqual({ target: 'build N=10,000 peak RSS ≤ 1 GiB per process', measured: '900 MiB; search indexer 700 MiB', holds: true });
    expect(memoryCheck(900, 1400)?.holds).toBe(false);
    expect(memoryCheck(900, null)).toEqual({ target: 'build N=10,000 peak RSS ≤ 1 GiB per process', measured: '900 MiB', holds: true });
  });

  it('prints one table with Broadsheet, floor and ratio for every measure', () => {
    const report: BenchReport = {
      date: '2026-01-01T00:00:00.000Z',
      commit: 'abc1234',
      environment: { node: '20.0.0', cpus: 2, memoryGiB: 24, loadAverageStart: [1, 1, 1], loadAverageEnd: [2, 2, 2] },
      seed: 1,
      parse: null,
      builds: [build(1000, 3000, 2500, 200, 150, 2000), build(2000, 3000, 2500, 200, 150)],
      incremental: [incremental(1000, 4000, 500, 300, true)],
      dev: [
        { n: 1000, startupMs: 5000, rebuildMs: [600, 700, 800], medianMs: 700, duringSearchMs: [1500, 900, 1100], discarded: 0 },
        { n: 10_000, startupMs: 15_000, rebuildMs: [900, 1100], medianMs: 1000, duringSearchMs: null, discarded: 0 },
      ],
      targets: [],
    };
    const text = formatReport(report);
    expect(text).toMatch(/\| dev server N=1,000: save → page served \(median of 3\)\s+\| 700 ms\s+\|\s+\| runs 600 ms, 700 ms, 800 ms; startup 5\.00 s/);
    expect(text).toMatch(/\| dev server N=1,000: save → page served while the first search index is written \(median of 3\)\s+\| 1\.10 s\s+\|\s+\| runs 1\.50 s, 900 ms, 1\.10 s/);
    // A server whose index was done before a save could be made has no such row.
    expect(text).not.toMatch(/N=10,000: save → page served while/);
    expect(text).toMatch(/\| build N=1,000: Hugo \+ Pagefind CLI, wall \(Hugo; Pagefind\)\s+\| 2\.00 s\s+\| 667 ms; 1\.33 s\s+\| Broadsheet 1\.50× the peer/);
    expect(text).toMatch(/\| build N=2,000: Hugo \+ Pagefind CLI\s+\| skipped\s+\| hugo is not installed/);
    expect(text).toMatch(/\| build N=1,000: wall time \(median of 1\)\s+\| 3\.00 s\s+\| 2\.50 s\s+\| 1\.20/);
    expect(text).toMatch(/\| build N=1,000 without search index \(--no-search\): wall time\s+\| 1\.50 s\s+\| 2\.50 s\s+\| 0\.60/);
    expect(text).toMatch(/\| build N=1,000: peak RSS\s+\| 200 MiB\s+\| 300 MiB\s+\| 0\.67/);
    expect(text).toMatch(/\| build N=1,000: search indexer peak RSS\s+\| 150 MiB\s+\|/);
    expect(text).toMatch(/\| build N=1,000: CPU time \(user \+ sys\)\s+\| 1\.50 s\s+\| 1\.25 s\s+\| 1\.20/);
    expect(text).toMatch(/\| incremental N=1,000: 100 articles added\s+\| 500 ms \(120 rendered, 880 kept; search 1\/3 bundles\)\s+\|\s+\| 0\.13/);
    expect(text).toMatch(/\| incremental N=1,000: clean build of the same content .*\| identical bytes/);
    expect(text).toMatch(/\| build N=1,000: 2 shards \(--shard I\/2, one after the other\), merge\s+\| 1\.80 s \+ 1\.50 s; merge 900 ms\s+\| 200 MiB, n\/a\s+\| merged = one build/);
    expect(text).toContain('commit abc1234');
  });
});

describe('bench chart', () => {
  it('draws one line per tool through every measured size, the peer only where it ran', async () => {
    const { buildChart } = await import('../../bench/harness/chart.ts');
    const svg = buildChart([build(10_000, 20_000, 5000, 800, 700, 15_000), build(1000, 4000, 2000, 200, null, 2000), build(50_000, 90_000, 25_000, 1500, 700)]);
    const series = [...svg.matchAll(/<polyline data-series="([^"]+)" points="([^"]+)"/g)].map((m) => [m[1], m[2]!.split(' ').length]);
    expect(series).toEqual([
      ['Broadsheet (with search)', 3],
      ['Broadsheet --no-search', 3],
      ['Hugo + Pagefind CLI', 2],
      ['bare Eleventy (floor)', 3],
    ]);
    expect(svg).toContain('articles (log scale)');
    // The slowest point, 90 s, sits at the top of a 100 s axis.
    expect(svg).toContain('>100 s</text>');
  });
});
