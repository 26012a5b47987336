/**
 * Runs a command as a child process and measures it the way the operating
 * system accounts for it: wall time from spawn to exit, and peak resident set
 * size, and CPU time (user + system), which a loaded machine inflates far
 * less than wall time. They come from GNU time (`/usr/bin/time -v`) when
 * installed; for Node commands without it, a preload reports the child's own
 * `process.resourceUsage()` as it exits.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const GNU_TIME = '/usr/bin/time';
const RSS_PRELOAD = fileURLToPath(new URL('./report-rss.js', import.meta.url));

export interface Measurement {
  wallMs: number;
  /** Peak RSS of the command's largest process, in bytes; null if unknown. */
  peakRssBytes: number | null;
  /** User plus system CPU time of the command and its children, in ms; null if unknown. */
  cpuMs: number | null;
  /**
   * With `sampleRssOf`: the highest peak RSS (VmHWM) of a descendant process
   * whose name starts with it, read from /proc every 200 ms while the
   * command runs — for processes GNU time does not count, such as the
   * Pagefind service, which Node never waits for. Null without the option,
   * off Linux, or if no such process was seen.
   */
  sampledPeakRssBytes: number | null;
  exitCode: number;
  /** The child's stderr, kept for error reports. */
  stderr: string;
  stdout: string;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** A process name prefix (as in /proc/PID/comm) whose peak RSS to sample, e.g. `pagefind`. */
  sampleRssOf?: string;
}

/**
 * Runs `node ARGS…` and measures it.
 *
 * @example
 * const m = await measureNode(['bin/broadsheet.js', 'build']);
 * console.log(m.wallMs, m.peakRssBytes);
 */
export function measureNode(args: readonly string[], options: RunOptions = {}): Promise<Measurement> {
  return measured(process.execPath, args, options, true);
}

/**
 * Runs any command and measures it like {@link measureNode} (wall time
 * always; peak RSS and CPU time with GNU time installed).
 *
 * @example
 * const m = await measureCommand('hugo', ['--quiet']);
 */
export function measureCommand(command: string, args: readonly string[], options: RunOptions = {}): Promise<Measurement> {
  return measured(command, args, options, false);
}

/** Runs `command` under GNU time, or (a Node command without it) with the preload that reports its own usage. */
async function measured(command: string, args: readonly string[], options: RunOptions, node: boolean): Promise<Measurement> {
  const scratch = await mkdtemp(join(tmpdir(), 'broadsheet-measure-'));
  const reportFile = join(scratch, 'rss');
  try {
    const useGnuTime = existsSync(GNU_TIME);
    const argv = useGnuTime ? ['-v', '-o', reportFile, command, ...args] : node ? ['--import', RSS_PRELOAD, ...args] : [...args];
    const env = { ...process.env, ...options.env, BENCH_RSS_REPORT: reportFile };
    settleDisk();
    const started = performance.now();
    const { exitCode, stdout, stderr, sampledPeakRssBytes } = await run(useGnuTime ? GNU_TIME : command, argv, { cwd: options.cwd, env, sampleRssOf: options.sampleRssOf });
    const wallMs = performance.now() - started;
    const report = existsSync(reportFile) ? await readFile(reportFile, 'utf8') : '';
    return { wallMs, ...readReport(report, useGnuTime), sampledPeakRssBytes, exitCode, stdout, stderr };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * Flushes what earlier runs wrote (`sync`) before the clock starts: a build
 * writes some ten thousand files, and their write-back, with the deletion
 * of the folder the next run writes to, otherwise lands on whichever run
 * comes next (docs/performance.md, "Method"). Where `sync` is missing,
 * nothing is done.
 */
function settleDisk(): void {
  spawnSync('sync', { stdio: 'ignore' });
}

function readReport(report: string, gnuTime: boolean): { peakRssBytes: number | null; cpuMs: number | null } {
  if (gnuTime) {
    const field = (name: string) => new RegExp(`${name}: ([\\d.]+)`).exec(report)?.[1];
    const rss = field('Maximum resident set size \\(kbytes\\)');
    const user = field('User time \\(seconds\\)');
    const system = field('System time \\(seconds\\)');
    return {
      peakRssBytes: rss === undefined ? null : Number(rss) * 1024,
      cpuMs: user === undefined || system === undefined ? null : (Number(user) + Number(system)) * 1000,
    };
  }
  try {
    const usage = JSON.parse(report) as { maxRSS: number; userCPUTime: number; systemCPUTime: number };
    return { peakRssBytes: usage.maxRSS * 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 };
  } catch {
    return { peakRssBytes: null, cpuMs: null };
  }
}

function run(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env: NodeJS.ProcessEnv; sampleRssOf?: string },
): Promise<{ exitCode: number; stdout: string; stderr: string; sampledPeakRssBytes: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peakKiB: number | null = null;
    const prefix = options.sampleRssOf;
    const sampler = prefix && child.pid !== undefined
      ? setInterval(() => {
        for (const kib of descendantPeaksKiB(child.pid as number, prefix)) peakKiB = Math.max(peakKiB ?? 0, kib);
      }, 200)
      : null;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (sampler) clearInterval(sampler);
      resolve({ exitCode: code ?? (signal ? 128 : 1), stdout, stderr, sampledPeakRssBytes: peakKiB === null ? null : peakKiB * 1024 });
    });
  });
}

/** VmHWM (peak RSS, KiB) of every live descendant of `pid` whose name starts with `prefix`; none off Linux. */
function descendantPeaksKiB(pid: number, prefix: string): number[] {
  const peaks: number[] = [];
  const pending = [String(pid)];
  while (pending.length) {
    const current = pending.pop() as string;
    try {
      if (readFileSync(`/proc/${current}/comm`, 'utf8').startsWith(prefix)) {
        const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${current}/status`, 'utf8'))?.[1];
        if (hwm) peaks.push(Number(hwm));
      }
      for (const task of readdirSync(`/proc/${current}/task`)) {
        pending.push(...readFileSync(`/proc/${current}/task/${task}/children`, 'utf8').split(' ').filter(Boolean));
      }
    } catch {
      // The process ended between two reads, or there is no /proc.
    }
  }
  return peaks;
}

/** The median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
