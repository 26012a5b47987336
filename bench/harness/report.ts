/**
 * The benchmark's report: the figures of one run, the issue's targets checked
 * against them, and the Markdown table printed at the end of `npm run bench`.
 */
import type { BuildComparison } from './builds.ts';
import type { DevRebuildFigures } from './dev-rebuild.ts';
import type { IncrementalFigures } from './incremental.ts';
import { median } from './measure.ts';

/** One feed size as the throughput child measured it (see parse-throughput.ts). */
export interface ParseRun {
  bytes: number;
  articles: number;
  readMs: number;
  floorMs: number;
  parseMs: number;
  floorCpuMs: number;
  parseCpuMs: number;
}

export interface ParseFigures {
  large: ParseRun & { parseMBps: number; floorMBps: number };
  small: ParseRun;
  /** Parser MB/s over floor MB/s, by wall time and by CPU time. */
  ratio: number;
  cpuRatio: number;
  /** Time for the large feed over time for the small one (wall, CPU), and the size ratio. */
  timeRatio: number;
  cpuTimeRatio: number;
  sizeRatio: number;
}

export interface BenchReport {
  date: string;
  commit: string;
  environment: { node: string; cpus: number; memoryGiB: number; loadAverageStart: number[]; loadAverageEnd: number[] };
  seed: number | string;
  parse: ParseFigures | null;
  builds: BuildComparison[];
  incremental: IncrementalFigures[];
  dev: DevRebuildFigures[];
  targets: TargetCheck[];
}

export interface TargetCheck {
  target: string;
  measured: string;
  holds: boolean;
}

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/**
 * Checks the issue's targets against the figures that were measured; a target
 * whose measurement was not part of this run is left out.
 *
 * @example
 * checkTargets({ parse: null, builds: [], incremental: [], dev }) // => [{ target: 'dev server: save → served at N=1,000 < 1 s', … }]
 */
export function checkTargets(report: Pick<BenchReport, 'parse' | 'builds' | 'incremental' | 'dev'>): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const { parse, builds, dev } = report;
  if (parse) {
    checks.push({
      target: 'parse ≥ 0.5× the line-split floor',
      measured: `${parse.ratio.toFixed(2)}× (CPU time: ${parse.cpuRatio.toFixed(2)}×)`,
      holds: parse.ratio >= 0.5,
    });
    // Linear: 10× the input may take at most 11× the time, scaled to the sizes used.
    const limit = parse.sizeRatio * 1.1;
    checks.push({
      target: `parse linear: ${parse.sizeRatio.toFixed(1)}× input ≤ ${limit.toFixed(1)}× time`,
      measured: `${parse.timeRatio.toFixed(1)}× (CPU time: ${parse.cpuTimeRatio.toFixed(1)}×)`,
      holds: parse.timeRatio <= limit,
    });
  }
  for (const [n, memory] of [[10_000, GiB], [50_000, 2 * GiB]] as const) {
    const build = builds.find((b) => b.n === n);
    if (!build) continue;
    const peer = 'medianMs' in build.peer ? build.peer : null;
    checks.push({
      target: `build N=${fmtInt(n)} ≤ 1.5× Hugo + Pagefind (goal 1.0×)`,
      measured: peer ? `${fmtSeconds(build.broadsheet.medianMs)} against ${fmtSeconds(peer.medianMs)}: ${build.peerRatio!.toFixed(2)}×` : `peer skipped: ${(build.peer as { skipped: string }).skipped}`,
      holds: build.peerRatio !== null && build.peerRatio <= 1.5,
    });
    checks.push({
      target: `build N=${fmtInt(n)}: ${build.shards.count} shards merged byte-identical to one build`,
      measured: build.shards.identical ? 'identical' : `${build.shards.differences.length}+ files differ (${build.shards.differences[0]})`,
      holds: build.shards.identical,
    });
    if (n === 10_000) {
      const ratio = build.withoutSearch.medianMs / build.floor.medianMs;
      checks.push({ target: `build N=${fmtInt(n)} without search ≤ 1.5× the bare-Eleventy floor`, measured: `${ratio.toFixed(2)}×`, holds: ratio <= 1.5 });
    }
    // The largest single process: Node's, or the search indexer's beside it.
    const { peakRssBytes: rss, searchPeakRssBytes: searchRss } = build.broadsheet;
    const search = searchRss === null ? '' : `; search indexer ${(searchRss / MiB).toFixed(0)} MiB`;
    checks.push({
      target: `build N=${fmtInt(n)} peak RSS ≤ ${memory / GiB} GiB per process`,
      measured: rss === null ? 'unknown' : `${(rss / MiB).toFixed(0)} MiB${search}`,
      holds: rss !== null && Math.max(rss, searchRss ?? 0) <= memory,
    });
  }
  for (const inc of report.incremental) {
    const at = `N=${fmtInt(inc.n)}`;
    checks.push({ target: `incremental: ${inc.addedArticles} articles added at ${at} ≤ 0.2× the cold build`, measured: `${fmtSeconds(inc.added.wallMs)} of ${fmtSeconds(inc.cold.wallMs)}: ${inc.addedRatio.toFixed(2)}×`, holds: inc.addedRatio <= 0.2 });
    if (inc.n === 10_000) checks.push({ target: `incremental: one paragraph edited at ${at} ≤ 2 s`, measured: fmtSeconds(inc.paragraph.wallMs), holds: inc.paragraph.wallMs <= 2000 });
    checks.push({ target: `incremental at ${at}: output byte-identical to a clean build`, measured: inc.identical ? 'identical' : `${inc.differences.length}+ files differ`, holds: inc.identical });
  }
  for (const d of dev) {
    checks.push({ target: `dev server: save → served at N=${fmtInt(d.n)} < 1 s`, measured: fmtSeconds(d.medianMs), holds: d.medianMs < 1000 });
  }
  const small = dev.find((d) => d.n === 1000);
  const large = dev.find((d) => d.n === 10_000);
  if (small && large) {
    const ratio = large.medianMs / small.medianMs;
    checks.push({ target: 'dev server: N=10,000 ≤ 1.5× N=1,000', measured: `${ratio.toFixed(2)}×`, holds: ratio <= 1.5 });
  }
  return checks;
}

/** The run as one Markdown table, then the targets. */
export function formatReport(report: BenchReport): string {
  const rows: string[][] = [['measure', 'Broadsheet', 'floor', 'ratio']];
  const { parse } = report;
  if (parse) {
    const mb = (parse.large.bytes / 1e6).toFixed(0);
    rows.push([`parse ${mb} MB feed, MB/s (in memory)`, parse.large.parseMBps.toFixed(1), parse.large.floorMBps.toFixed(0), parse.ratio.toFixed(2)]);
    rows.push([
      `parse time, ${(parse.small.bytes / 1e6).toFixed(1)} MB → ${mb} MB`,
      `${fmtSeconds(parse.small.parseMs)} → ${fmtSeconds(parse.large.parseMs)}`,
      `${fmtSeconds(parse.small.floorMs)} → ${fmtSeconds(parse.large.floorMs)}`,
      `${parse.timeRatio.toFixed(1)}× time for ${parse.sizeRatio.toFixed(1)}× input`,
    ]);
    rows.push([
      `parse CPU time, ${(parse.small.bytes / 1e6).toFixed(1)} MB → ${mb} MB`,
      `${fmtSeconds(parse.small.parseCpuMs)} → ${fmtSeconds(parse.large.parseCpuMs)}`,
      `${fmtSeconds(parse.small.floorCpuMs)} → ${fmtSeconds(parse.large.floorCpuMs)}`,
      `${parse.cpuRatio.toFixed(2)} of floor speed; ${parse.cpuTimeRatio.toFixed(1)}× time`,
    ]);
  }
  for (const build of report.builds) {
    const label = `build N=${fmtInt(build.n)}`;
    const { broadsheet: b, floor: f } = build;
    rows.push([`${label}: wall time (median of ${b.wallMs.length})`, fmtSeconds(b.medianMs), fmtSeconds(f.medianMs), build.ratio.toFixed(2)]);
    rows.push([`${label}: CPU time (user + sys)`, fmtMaybeSeconds(b.cpuMs), fmtMaybeSeconds(f.cpuMs), build.cpuRatio?.toFixed(2) ?? '']);
    rows.push([`${label}: peak RSS`, fmtMemory(b.peakRssBytes), fmtMemory(f.peakRssBytes), ratioOf(b.peakRssBytes, f.peakRssBytes)]);
    rows.push([`${label}: search indexer peak RSS`, fmtMemory(b.searchPeakRssBytes), '', '']);
    rows.push([`${label}: pages, pages/s`, `${fmtInt(b.pages)}, ${b.pagesPerSecond.toFixed(0)}`, `${fmtInt(f.pages)}, ${f.pagesPerSecond.toFixed(0)}`, '']);
    if ('medianMs' in build.peer) {
      const p = build.peer;
      rows.push([`${label}: Hugo + Pagefind CLI, wall (Hugo; Pagefind)`, fmtSeconds(p.medianMs), `${fmtSeconds(p.hugoMs)}; ${fmtSeconds(p.pagefindMs)}`, `Broadsheet ${build.peerRatio!.toFixed(2)}× the peer`]);
      rows.push([`${label}: Hugo + Pagefind CLI, CPU time; Pagefind peak RSS`, fmtMaybeSeconds(p.cpuMs), fmtMemory(p.pagefindPeakRssBytes), p.version.split(' ')[1] ?? '']);
    } else {
      rows.push([`${label}: Hugo + Pagefind CLI`, 'skipped', build.peer.skipped, '']);
    }
    const sh = build.shards;
    rows.push([
      `${label}: ${sh.count} shards (--shard I/${sh.count}, one after the other), merge`,
      `${sh.shardMs.map(fmtSeconds).join(' + ')}; merge ${fmtSeconds(sh.mergeMs)}`,
      sh.shardPeakRssBytes.map(fmtMemory).join(', '),
      sh.identical ? 'merged = one build' : 'DIFFERENT',
    ]);
    const w = build.withoutSearch;
    rows.push([`${label} without search index (--no-search): wall time`, fmtSeconds(w.medianMs), fmtSeconds(f.medianMs), (w.medianMs / f.medianMs).toFixed(2)]);
    rows.push([`${label} without search index: CPU time, peak RSS`, `${fmtMaybeSeconds(w.cpuMs)}, ${fmtMemory(w.peakRssBytes)}`, `${fmtMaybeSeconds(f.cpuMs)}, ${fmtMemory(f.peakRssBytes)}`, ratioOf(w.cpuMs, f.cpuMs)]);
  }
  const step = (s: IncrementalFigures['cold']) =>
    `${fmtSeconds(s.wallMs)}${s.rendered !== null ? ` (${fmtInt(s.rendered)} rendered${s.kept ? `, ${fmtInt(s.kept)} kept` : ''}; search ${s.bundlesIndexed}/${s.bundles} bundles)` : ''}`;
  for (const inc of report.incremental) {
    const label = `incremental N=${fmtInt(inc.n)}`;
    rows.push([`${label}: cold build with cache`, step(inc.cold), '', '']);
    rows.push([`${label}: nothing changed`, step(inc.unchanged), '', (inc.unchanged.wallMs / inc.cold.wallMs).toFixed(2)]);
    rows.push([`${label}: ${inc.addedArticles} articles added`, step(inc.added), '', inc.addedRatio.toFixed(2)]);
    rows.push([`${label}: one paragraph edited`, step(inc.paragraph), '', (inc.paragraph.wallMs / inc.cold.wallMs).toFixed(2)]);
    rows.push([`${label}: clean build of the same content`, step(inc.clean), '', inc.identical ? 'identical bytes' : 'DIFFERENT']);
  }
  for (const d of report.dev) {
    rows.push([
      `dev server N=${fmtInt(d.n)}: save → page served (median of ${d.rebuildMs.length})`,
      fmtSeconds(d.medianMs),
      '',
      `runs ${d.rebuildMs.map((ms) => fmtSeconds(ms)).join(', ')}; startup ${fmtSeconds(d.startupMs)}${d.discarded ? `; ${d.discarded} redone (build restarted)` : ''}`,
    ]);
    if (d.duringSearchMs) {
      rows.push([
        `dev server N=${fmtInt(d.n)}: save → page served while the first search index is written (median of ${d.duringSearchMs.length})`,
        fmtSeconds(median(d.duringSearchMs)),
        '',
        `runs ${d.duringSearchMs.map((ms) => fmtSeconds(ms)).join(', ')}`,
      ]);
    }
  }
  const table = markdownTable(rows);
  const targets = markdownTable([
    ['target', 'measured', 'holds'],
    ...report.targets.map((t) => [t.target, t.measured, t.holds ? 'yes' : 'NO']),
  ]);
  const env = report.environment;
  const context = `${report.date}, commit ${report.commit}, Node ${env.node}, ${env.cpus} cores, load average ${env.loadAverageStart.map((l) => l.toFixed(1)).join(' ')} at start, ${env.loadAverageEnd.map((l) => l.toFixed(1)).join(' ')} at end`;
  return `${table}\n\n${report.targets.length ? `${targets}\n\n` : ''}${context}\n`;
}

function markdownTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length)));
  const line = (row: string[]) => `| ${row.map((cell, col) => cell.padEnd(widths[col]!)).join(' | ')} |`;
  return [line(rows[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

const fmtInt = (n: number) => n.toLocaleString('en-US');
const fmtSeconds = (ms: number) => (ms < 1000 ? `${ms.toFixed(ms < 10 ? 1 : 0)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`);
const fmtMaybeSeconds = (ms: number | null) => (ms === null ? 'n/a' : fmtSeconds(ms));
const fmtMemory = (bytes: number | null) => (bytes === null ? 'n/a' : `${(bytes / MiB).toFixed(0)} MiB`);
const ratioOf = (a: number | null, b: number | null) => (a !== null && b ? (a / b).toFixed(2) : '');
