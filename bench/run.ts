/**
 * `npm run bench`: Broadsheet's performance next to its floors, measured in
 * one run on the same generated feeds. Prints one table and writes it as JSON
 * to bench/results/ (git-ignored), with the build times drawn as
 * bench/results/build-times.svg. Method and figures: docs/performance.md.
 *
 *   npm run bench                   parse 5 and 50 MB; cold and incremental builds at N=1,000 and 10,000; dev server at 1,000 and 10,000
 *   npm run bench -- --quick        a smoke run at N=200 (for CI: keeps the script from rotting)
 *   npm run bench -- --full         also N=50,000 (same as --n 50000)
 *   npm run bench -- --n 2000       add a build size (repeatable)
 *   npm run bench -- --sizes 50000  build these sizes only (comma-separated)
 *   npm run bench -- --only parse,build,incremental,dev   --runs R   --seed S
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateFeedOfSize, parseByteSize } from './generate.ts';
import { compareBuilds } from './harness/builds.ts';
import { buildChart } from './harness/chart.ts';
import { measureDevRebuild } from './harness/dev-rebuild.ts';
import { ADDED, measureIncremental } from './harness/incremental.ts';
import { type BenchReport, checkTargets, formatReport, type ParseFigures, type ParseRun } from './harness/report.ts';
import { prepareWorkspace } from './harness/workspace.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const THROUGHPUT_CHILD = fileURLToPath(new URL('./harness/parse-throughput.ts', import.meta.url));

interface Plan {
  parseSizes: [small: number, large: number];
  sizes: number[];
  devSizes: number[];
  runs: number | null;
  only: Set<string>;
  seed: number | string;
}

function plan(argv: string[]): Plan {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      full: { type: 'boolean', default: false },
      n: { type: 'string', multiple: true, default: [] },
      sizes: { type: 'string' },
      only: { type: 'string', default: 'parse,build,incremental,dev' },
      runs: { type: 'string' },
      seed: { type: 'string', default: '1' },
    },
  });
  const sizes = values.sizes !== undefined ? values.sizes.split(',').map(Number) : values.quick ? [200] : [1000, 10_000];
  if (values.full) sizes.push(50_000);
  for (const n of values.n.flatMap((v) => v.split(','))) sizes.push(Number(n));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--n takes whole numbers of articles');
  return {
    parseSizes: values.quick ? [parseByteSize('0.5MB'), parseByteSize('5MB')] : [parseByteSize('5MB'), parseByteSize('50MB')],
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    devSizes: values.quick ? [200] : [1000, 10_000],
    runs: values.runs === undefined ? null : Number(values.runs),
    only: new Set(values.only.split(',')),
    seed: /^\d+$/.test(values.seed) ? Number(values.seed) : values.seed,
  };
}

async function measureParse(p: Plan): Promise<ParseFigures> {
  const dir = join(ROOT, 'bench', '.work', 'parse');
  await mkdir(dir, { recursive: true });
  const [small, large] = await Promise.all(
    p.parseSizes.map(async (bytes) => {
      const file = join(dir, `feed-${bytes}.txt`);
      await writeFile(file, generateFeedOfSize({ bytes, seed: p.seed }).text);
      return file;
    }),
  );
  // Each size in its own process, so the large feed's heap cannot slow the small one.
  const smallRun = await throughput(small!, 5);
  const largeRun = await throughput(large!, 3);
  const mbps = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000);
  const parseMBps = mbps(largeRun.bytes, largeRun.parseMs);
  const floorMBps = mbps(largeRun.bytes, largeRun.floorMs);
  return {
    large: { ...largeRun, parseMBps, floorMBps },
    small: smallRun,
    ratio: parseMBps / floorMBps,
    cpuRatio: largeRun.floorCpuMs / largeRun.parseCpuMs,
    timeRatio: largeRun.parseMs / smallRun.parseMs,
    cpuTimeRatio: largeRun.parseCpuMs / smallRun.parseCpuMs,
    sizeRatio: largeRun.bytes / smallRun.bytes,
  };
}

async function throughput(file: string, runs: number) {
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', THROUGHPUT_CHILD, file, String(runs)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`parse throughput on ${file} exited with ${code}`))));
  });
  return JSON.parse(out) as ParseRun;
}

function commit(): string {
  try {
    const hash = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).trim();
    return dirty ? `${hash} (with uncommitted changes)` : hash;
  } catch {
    return 'unknown';
  }
}

const progress = (message: string) => process.stderr.write(`bench: ${message}\n`);

async function main(argv: string[]): Promise<number> {
  const p = plan(argv);
  const loadAverageStart = loadavg();
  const report: Omit<BenchReport, 'targets'> = {
    date: new Date().toISOString(),
    commit: commit(),
    environment: { node: process.versions.node, cpus: cpus().length, memoryGiB: totalmem() / 2 ** 30, loadAverageStart, loadAverageEnd: [] },
    seed: p.seed,
    parse: null,
    builds: [],
    incremental: [],
    dev: [],
  };
  if (p.only.has('parse')) {
    progress(`parse: ${p.parseSizes.map((b) => `${b / 1e6} MB`).join(' and ')}`);
    report.parse = await measureParse(p);
  }
  for (const n of p.only.has('build') || p.only.has('incremental') ? p.sizes : []) {
    progress(`build: N=${n}: generating and parsing the feeds`);
    const ws = await prepareWorkspace({ root: ROOT, n, seed: p.seed });
    if (p.only.has('build')) {
      const runs = p.runs ?? (n <= 1000 ? 3 : 1);
      progress(`build: N=${n}: ${runs} run(s) each of the floor, broadsheet build, and broadsheet build --no-search`);
      report.builds.push(await compareBuilds(ROOT, ws, runs));
    }
    if (p.only.has('incremental')) {
      progress(`incremental: N=${n}: cold, unchanged, ${ADDED} articles added, one paragraph edited, then a clean build to compare`);
      report.incremental.push(await measureIncremental(ROOT, ws));
    }
  }
  for (const n of p.only.has('dev') ? p.devSizes : []) {
    progress(`dev server: N=${n}`);
    // Outside the repository, like a newsroom's content folder.
    const dir = await mkdtemp(join(tmpdir(), 'broadsheet-bench-dev-'));
    try {
      const ws = await prepareWorkspace({ root: ROOT, n, seed: p.seed, dir });
      report.dev.push(await measureDevRebuild(ROOT, ws, 5));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  report.environment.loadAverageEnd = loadavg();
  const full: BenchReport = { ...report, targets: checkTargets(report) };
  const resultsDir = join(ROOT, 'bench', 'results');
  await mkdir(resultsDir, { recursive: true });
  const json = `${JSON.stringify(full, null, 2)}\n`;
  await writeFile(join(resultsDir, `bench-${full.date.replace(/[:.]/g, '-')}.json`), json);
  await writeFile(join(resultsDir, 'latest.json'), json);
  if (full.builds.length > 0) await writeFile(join(resultsDir, 'build-times.svg'), buildChart(full.builds));
  process.stdout.write(formatReport(full));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
