/**
 * Nothing is lost silently: every non-blank input line must end up in a
 * record (headline, caption or body block), be a recognised repetition of
 * its own article's headline or captions or its `TT` marker, sit in the
 * front-matter block, or be covered by a diagnostic's line range. The check
 * reads the input itself and uses only the parser's public output.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeed, parseFeeds } from '../../src/parser/index.ts';
import { unaccountedLines } from './accounting.ts';
import { FIXTURES, readFixture } from './fixture-files.ts';

describe('line accounting', () => {
  for (const name of FIXTURES) {
    it(`accounts for every line of fixture ${name}`, () => {
      const { sources } = readFixture(name);
      const result = parseFeeds(sources);
      for (const { file, text } of sources) expect(unaccountedLines(text, result, file)).toEqual([]);
    });
  }

  const feeds = join(import.meta.dirname, '..', '..', 'content', 'feeds');
  for (const name of readdirSync(feeds).filter((f) => f.endsWith('.txt'))) {
    it(`accounts for every line of content/feeds/${name}`, () => {
      const text = readFileSync(join(feeds, name), 'utf8');
      expect(unaccountedLines(text, parseFeed({ file: name, text }))).toEqual([]);
    });
  }

  it('catches a line the parser dropped without a word', () => {
    const text = 'H\n\nTT\n\nH\n\nBody.';
    const result = parseFeed({ file: 'x.txt', text });
    const withoutBody = { ...result, articles: result.articles.map((a) => ({ ...a, body: [] })) };
    expect(unaccountedLines(text, withoutBody)).toEqual([7]);
  });
});
