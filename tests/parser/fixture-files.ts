import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParseResult } from '../../src/types.ts';

const ROOT = join(import.meta.dirname, '..', 'fixtures');

/** Fixture folder names, sorted. */
export const FIXTURES = readdirSync(ROOT, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

/** A fixture's input exactly as stored (BOM and CRLF included) and its expected result. */
export function readFixture(name: string): { text: string; expected: ParseResult } {
  const text = readFileSync(join(ROOT, name, 'input.txt'), 'utf8');
  const expected = JSON.parse(readFileSync(join(ROOT, name, 'expected.json'), 'utf8')) as ParseResult;
  return { text, expected };
}
