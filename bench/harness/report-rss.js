// Preloaded into a measured Node child when GNU time is missing: writes the
// process's own peak RSS (KiB) and CPU times (µs) where the harness asks.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.BENCH_RSS_REPORT;
  if (!file) return;
  const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
  writeFileSync(file, JSON.stringify({ maxRSS, userCPUTime, systemCPUTime }));
});
