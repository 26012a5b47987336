/**
 * Every folder in tests/fixtures is an input/expected pair: `input.txt` (and
 * `input-2.txt`, … for a collection of feeds) is parsed under its file name
 * and the whole result — every record and every diagnostic — must equal
 * `expected.json`, written by hand from the format's rules.
 */
import { describe, expect, it } from 'vitest';
import { parseFeeds } from '../../src/parser/index.ts';
import { FIXTURES, readFixture } from './fixture-files.ts';

describe('fixtures', () => {
  it('has a fixture for every listed variant', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(12);
  });

  for (const name of FIXTURES) {
    it(name, () => {
      const { sources, expected } = readFixture(name);
      expect(parseFeeds(sources)).toEqual(expected);
    });
  }
});

