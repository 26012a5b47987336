import { describe, expect, it } from 'vitest';
import type { BuildComparison } from '../../bench/harness/builds.ts';
import { type BenchReport, checkTargets, formatReport } from '../../bench/harness/report.ts';

const MiB = 1024 * 1024;

function build(n: number, broadsheetMs: number, floorMs: number, rssMiB: number, searchRssMiB: number | null = null): BuildComparison {
  const figures = (ms: number, rss: number, searchRss: number | null) => ({
    wallMs: [ms], medianMs: ms, peakRssBytes: rss * MiB, searchPeakRssBytes: searchRss === null ? null : searchRss * MiB, cpuMs: ms / 2, pages: n, pagesPerSecond: n / (ms / 1000),
  });
  return {
    n, articles: n, feedBytes: n * 2400,
    broadsheet: figures(broadsheetMs, rssMiB, searchRssMiB),
    withoutSearch: figures(broadsheetMs / 2, rssMiB, null),
    floor: figures(floorMs, 300, null),
    ratio: broadsheetMs / floorMs, cpuRatio: broadsheetMs / floorMs,
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
      builds: [build(1000, 3000, 2500, 200), build(10_000, 10_000, 7000, 1100)],
      dev: { n: 1000, startupMs: 5000, rebuildMs: [1500, 1900, 2500], medianMs: 1900, discarded: 0 },
    });
    expect(checks.map((c) => [c.target, c.holds])).toEqual([
      ['parse ≥ 0.5× the line-split floor', false],
      ['parse linear: 10.0× input ≤ 11.0× time', false],
      ['build N=10,000 ≤ 1.5× floor', true],
      ['build N=10,000 peak RSS ≤ 1 GiB', false],
      ['dev rebuild at N=1,000 < 2 s', true],
    ]);
    expect(checkTargets({ parse: null, builds: [build(200, 1, 1, 1)], dev: null })).toEqual([]);
  });

  it('holds the peak RSS target against the largest process: Node or the search indexer', () => {
    const memoryCheck = (rssMiB: number, searchRssMiB: number | null) =>
      checkTargets({ parse: null, builds: [build(10_000, 10_000, 7000, rssMiB, searchRssMiB)], dev: null })
        .find((c) => c.target === 'build N=10,000 peak RSS ≤ 1 GiB');
    expect(memoryCheck(900, 700)).toEqual({ target: 'build N=10,000 peak RSS ≤ 1 GiB', measured: '900 MiB; search indexer 700 MiB', holds: true });
    expect(memoryCheck(900, 1400)?.holds).toBe(false);
    expect(memoryCheck(900, null)).toEqual({ target: 'build N=10,000 peak RSS ≤ 1 GiB', measured: '900 MiB', holds: true });
  });

  it('prints one table with Broadsheet, floor and ratio for every measure', () => {
    const report: BenchReport = {
      date: '2026-01-01T00:00:00.000Z',
      commit: 'abc1234',
      environment: { node: '20.0.0', cpus: 2, memoryGiB: 24, loadAverageStart: [1, 1, 1], loadAverageEnd: [2, 2, 2] },
      seed: 1,
      parse: null,
      builds: [build(1000, 3000, 2500, 200, 150)],
      dev: null,
      targets: [],
    };
    const text = formatReport(report);
    expect(text).toMatch(/\| build N=1,000: wall time \(median of 1\)\s+\| 3\.00 s\s+\| 2\.50 s\s+\| 1\.20/);
    expect(text).toMatch(/\| build N=1,000 without search index \(--no-search\): wall time\s+\| 1\.50 s\s+\| 2\.50 s\s+\| 0\.60/);
    expect(text).toMatch(/\| build N=1,000: peak RSS\s+\| 200 MiB\s+\| 300 MiB\s+\| 0\.67/);
    expect(text).toMatch(/\| build N=1,000: search indexer peak RSS\s+\| 150 MiB\s+\|/);
    expect(text).toMatch(/\| build N=1,000: CPU time \(user \+ sys\)\s+\| 1\.50 s\s+\| 1\.25 s\s+\| 1\.20/);
    expect(text).toContain('commit abc1234');
  });
});
