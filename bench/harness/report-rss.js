// Preloaded into a measured Node child when GNU time is missing: writes the
// process's own peak RSS (KiB, as getrusage reports it) where the harness asks.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.BENCH_RSS_REPORT;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
