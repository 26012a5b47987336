/** parseFeeds: one collection from many files. */
import { describe, expect, it } from 'vitest';
import { parseFeed, parseFeeds } from '../../src/parser/index.ts';

const article = (headline: string, body: string) =>
  `${headline}\n\nSeen in Rome, Italy, 3 June 2025. (AP)\nSeen in Rome, Italy, 3 June 2025. (AP)\nTT\n\n${headline}\n\nSeen in Rome, Italy, 3 June 2025. (AP)\nSeen in Rome, Italy, 3 June 2025. (AP)\n\n${body}\n`;

describe('parseFeeds', () => {
  it('keeps one record of an article found in two files and names both places', () => {
    const a = article('Rome Votes', 'Romans voted on Sunday.');
    const b = `${article('Other News', 'Something else.')}\n\n${a}`;
    const result = parseFeeds([
      { file: 'feeds/a.txt', text: a },
      { file: 'feeds/b.txt', text: b },
    ]);
    expect(result.articles.map((r) => [r.headline, r.source.file, r.source.line])).toEqual([
      ['Rome Votes', 'feeds/a.txt', 1],
      ['Other News', 'feeds/b.txt', 1],
    ]);
    expect(result.diagnostics).toEqual([
      {
        severity: 'warning',
        file: 'feeds/b.txt',
        line: 15,
        endLine: 26,
        message: 'duplicate article "Rome Votes": the same article is at feeds/a.txt:1; this copy is dropped',
        rule: 'duplicate-article',
      },
    ]);
  });

  it('makes slugs unique across files for different articles sharing a headline', () => {
    const result = parseFeeds([
      { file: 'a.txt', text: article('Rome Votes', 'First story.') },
      { file: 'b.txt', text: article('Rome Votes', 'Second story.') },
      { file: 'c.txt', text: article('Rome Votes', 'Third story.') },
    ]);
    expect(result.articles.map((r) => r.slug)).toEqual(['rome-votes', 'rome-votes-2', 'rome-votes-3']);
    expect(result.diagnostics).toEqual([]);
  });

  it('reports an empty file and still parses the others', () => {
    const result = parseFeeds([
      { file: 'empty.txt', text: '\n\n' },
      { file: 'ok.txt', text: article('Rome Votes', 'Romans voted on Sunday.') },
    ]);
    expect(result.articles).toHaveLength(1);
    expect(result.diagnostics).toEqual([{ severity: 'error', file: 'empty.txt', line: 1, message: 'the feed is empty: no articles', rule: 'empty-feed' }]);
  });

  it('gives the same result for one file through parseFeed', () => {
    const text = article('Rome Votes', 'Romans voted on Sunday.');
    expect(parseFeed({ file: 'a.txt', text })).toEqual(parseFeeds([{ file: 'a.txt', text }]));
    expect(parseFeed({ file: 'a.txt', text }).articles[0]!.published).toBe('2025-06-08');
  });
});
