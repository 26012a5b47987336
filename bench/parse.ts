/**
 * `npm run bench:parse`: parser throughput on a generated feed.
 *
 *   npm run bench:parse                         50 MB, 3 runs, seed 1
 *   npm run bench:parse -- --size 5MB --runs 5 --seed 2
 *
 * The feed comes from the seeded generator (bench/generate.ts), so every run
 * and machine parses the same bytes. Reports the median of the runs for
 * parsing text already in memory (`parseFeeds`) and for reading the file from
 * disk and parsing it (`loadFeeds`), in MB/s (1 MB = 10^6 bytes), after one
 * untimed warm-up, both as wall time and as this process's CPU time (on a
 * shared machine the wall clock also counts other work). It also checks the
 * parse was right — every generated article found, no diagnostics — because
 * a fast wrong parser is no result.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadFeeds } from '../src/feeds/read-feeds.ts';
import { parseFeeds } from '../src/parser/index.ts';
import { generateFeedOfSize, parseByteSize } from './generate.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '50MB' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
  },
});
const runs = Math.max(1, Number(values.runs));

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

interface Timing {
  wallMs: number;
  /** User + system CPU time of this process: on a shared machine, wall time also counts other people's work. */
  cpuMs: number;
}

async function time(work: () => unknown): Promise<Timing> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await work();
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

const { text, articles } = generateFeedOfSize({ bytes: parseByteSize(values.size), seed: values.seed });
const bytes = Buffer.byteLength(text);
const dir = await mkdtemp(join(tmpdir(), 'broadsheet-bench-parse-'));
const file = join(dir, 'feed.txt');
try {
  await writeFile(file, text);
  const check = parseFeeds([{ file, text }]);
  if (check.articles.length !== articles || check.diagnostics.length > 0) {
    throw new Error(`wrong parse: ${check.articles.length} of ${articles} articles, ${check.diagnostics.length} diagnostics`);
  }
  const inMemory: Timing[] = [];
  const fromDisk: Timing[] = [];
  for (let i = 0; i < runs; i++) {
    inMemory.push(await time(() => parseFeeds([{ file, text }])));
    fromDisk.push(await time(() => loadFeeds([file])));
  }
  const mbps = (ms: number) => (bytes / 1e6 / (ms / 1000)).toFixed(1);
  const report = (name: string, timings: Timing[]) => {
    const wall = median(timings.map((t) => t.wallMs));
    const cpu = median(timings.map((t) => t.cpuMs));
    return `${name}: ${mbps(wall)} MB/s wall (${wall.toFixed(0)} ms median), ${mbps(cpu)} MB/s of CPU time (${cpu.toFixed(0)} ms)`;
  };
  process.stdout.write(
    [
      `feed: ${(bytes / 1e6).toFixed(1)} MB, ${articles} articles (seed ${values.seed}), ${runs} run(s), Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
      report('parseFeeds (in memory)', inMemory),
      report('loadFeeds (read + parse)', fromDisk),
      '',
    ].join('\n'),
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
