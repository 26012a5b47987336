/**
 * The line-accounting check shared by the fixture and property tests: which
 * non-blank input lines the parser's output does not account for.
 */
import { expect } from 'vitest';
import type { ParseResult } from '../../src/types.ts';

/** The test's own, deliberately simple, normalisation of a line. */
function inputLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).map((l) => l.replace(/\s+/g, ' ').trim());
}

/**
 * Line numbers (1-based) of non-blank lines of `text` that the result does
 * not account for. With `file`, only that file's records and diagnostics
 * count (for results of several feeds).
 */
export function unaccountedLines(text: string, all: ParseResult, file?: string): number[] {
  const result = file === undefined ? all : { articles: all.articles.filter((a) => a.source.file === file), diagnostics: all.diagnostics.filter((d) => d.file === file) };
  const lines = inputLines(text);
  const at = (n: number) => lines[n - 1] ?? '';
  const accounted = new Set<number>();
  if (lines[0] === '---') {
    const close = lines.indexOf('---', 1);
    for (let n = 1; n <= close + 1; n++) accounted.add(n);
  }
  for (const article of result.articles) {
    const { line, endLine = line } = article.source;
    expect(at(line)).toBe(article.headline);
    const repeats = new Set([article.headline, 'TT']);
    for (const image of article.images) {
      expect(at(image.line).startsWith(image.caption)).toBe(true);
      repeats.add(at(image.line));
    }
    for (const block of article.body) {
      expect(at(block.line)).toBe(block.text);
      accounted.add(block.line);
    }
    for (let n = line; n <= endLine; n++) if (repeats.has(at(n))) accounted.add(n);
  }
  for (const d of result.diagnostics) for (let n = d.line; n <= (d.endLine ?? d.line); n++) accounted.add(n);
  return lines.flatMap((text, i) => (text !== '' && !accounted.has(i + 1) ? [i + 1] : []));
}
