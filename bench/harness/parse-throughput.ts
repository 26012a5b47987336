/**
 * Child process of `npm run bench`: times the parser on one feed file next to
 * the floor, a bare split into lines plus one regex pass over the same bytes.
 * Runs alone in its own process so one measurement's heap does not tax the
 * next. Prints one JSON object on stdout.
 *
 *   node --expose-gc --import tsx bench/harness/parse-throughput.ts FILE [RUNS]
 */
import { readFileSync } from 'node:fs';
import { parseFeeds } from '../../src/parser/index.ts';
import { median } from './measure.ts';
import type { ParseRun } from './report.ts';

/**
 * The floor: what any line-oriented parser must at least do. The regex looks
 * for a NUL or a replacement character, so it reads every character of every
 * line (and it is a check the real parser makes too).
 */
function floorPass(text: string): number {
  const suspicious = /[\u0000\uFFFD]/;
  let hits = 0;
  for (const line of text.split('\n')) if (suspicious.test(line)) hits++;
  return hits;
}

function timed(work: () => unknown): { ms: number; cpuMs: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const cpu = process.cpuUsage();
  const started = performance.now();
  work();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

function measure(file: string, runs: number): ParseRun & { runs: number } {
  const readStarted = performance.now();
  const text = readFileSync(file, 'utf8');
  const readMs = performance.now() - readStarted;
  const source = { file, text };
  // One untimed round first, so both sides run optimised code.
  floorPass(text);
  const articles = parseFeeds([source]).articles.length;
  const floor = [];
  const parse = [];
  for (let i = 0; i < runs; i++) {
    floor.push(timed(() => floorPass(text)));
    parse.push(timed(() => parseFeeds([source])));
  }
  return {
    bytes: Buffer.byteLength(text),
    articles,
    readMs,
    floorMs: median(floor.map((t) => t.ms)),
    parseMs: median(parse.map((t) => t.ms)),
    floorCpuMs: median(floor.map((t) => t.cpuMs)),
    parseCpuMs: median(parse.map((t) => t.cpuMs)),
    runs,
  };
}

const [file, runs = '3'] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: parse-throughput.ts FILE [RUNS]\n');
  process.exitCode = 2;
} else {
  process.stdout.write(`${JSON.stringify(measure(file, Number(runs)))}\n`);
}
