/**
 * Every folder in tests/fixtures is an input/expected pair: `input.txt` is
 * parsed as a feed named `input.txt` and the whole result — every record and
 * every diagnostic — must equal `expected.json`, written by hand from the
 * format's rules.
 */
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/parser/index.ts';
import { FIXTURES, readFixture } from './fixture-files.ts';

describe('fixtures', () => {
  it('has a fixture for every listed variant', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(12);
  });

  for (const name of FIXTURES) {
    it(name, () => {
      const { text, expected } = readFixture(name);
      expect(parseFeed({ file: 'input.txt', text })).toEqual(expected);
    });
  }
});

