import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeedSource, ParseResult } from '../../src/types.ts';

const ROOT = join(import.meta.dirname, '..', 'fixtures');

/** Fixture folder names, sorted. */
export const FIXTURES = readdirSync(ROOT, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

/**
 * A fixture's feeds exactly as stored (BOM and CRLF included) and its
 * expected result. A fixture is `input.txt`, or for a collection of files
 * `input.txt`, `input-2.txt`, …, parsed together in that order; each source
 * is named by its file name.
 */
export function readFixture(name: string): { sources: FeedSource[]; expected: ParseResult } {
  const inputs = readdirSync(join(ROOT, name))
    .filter((f) => /^input(-\d+)?\.txt$/.test(f))
    .sort((a, b) => inputNumber(a) - inputNumber(b));
  const sources = inputs.map((file) => ({ file, text: readFileSync(join(ROOT, name, file), 'utf8') }));
  const expected = JSON.parse(readFileSync(join(ROOT, name, 'expected.json'), 'utf8')) as ParseResult;
  return { sources, expected };
}

function inputNumber(file: string): number {
  return Number(/-(\d+)\./.exec(file)?.[1] ?? 1);
}
