// The records come from the benchmark harness as a JSON file, so the floor
// paginates the very records Broadsheet builds, without parsing anything.
import { readFileSync } from 'node:fs';

export default function records() {
  const file = process.env.BENCH_FLOOR_RECORDS;
  if (!file) throw new Error('BENCH_FLOOR_RECORDS must name the records JSON file');
  return JSON.parse(readFileSync(file, 'utf8'));
}
