import { createHash } from 'node:crypto';
import type { ArticleRecord, Diagnostic } from '../types.ts';

export interface DedupeResult {
  articles: ArticleRecord[];
  diagnostics: Diagnostic[];
}

/**
 * Keeps the first of each set of identical articles — the same headline,
 * captions and body, whether repeated in one feed or across files — and
 * names both places in a warning for every copy dropped. Articles that only
 * share a headline are different articles and both stay.
 *
 * @example
 * dedupeArticles([a, copyOfA, b]).articles // => [a, b], with one 'duplicate-article' warning
 */
export function dedupeArticles(records: readonly ArticleRecord[]): DedupeResult {
  const firstByKey = new Map<string, ArticleRecord>();
  // Identical articles share their headline, so an article is hashed only
  // once a second one with its headline turns up: most never are, and
  // hashing every article's whole text was a tenth of the parser's time.
  // Headline → its only article so far, or null once its group is hashed.
  const unhashed = new Map<string, ArticleRecord | null>();
  const articles: ArticleRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const record of records) {
    const lone = unhashed.get(record.headline);
    if (lone === undefined) {
      unhashed.set(record.headline, record);
      articles.push(record);
      continue;
    }
    if (lone !== null) {
      firstByKey.set(identity(lone), lone);
      unhashed.set(record.headline, null);
    }
    const key = identity(record);
    const first = firstByKey.get(key);
    if (!first) {
      firstByKey.set(key, record);
      articles.push(record);
      continue;
    }
    diagnostics.push({
      severity: 'warning',
      file: record.source.file,
      line: record.source.line,
      ...(record.source.endLine === undefined ? {} : { endLine: record.source.endLine }),
      message: `duplicate article "${record.headline}": the same article is at ${first.source.file}:${first.source.line}; this copy is dropped`,
      rule: 'duplicate-article',
    });
  }
  return { articles, diagnostics };
}

/**
 * What makes two articles the same: their text, not where they stand. A
 * SHA-256 of the parts, each prefixed by its kind and length so no two
 * different articles feed it the same bytes, keeps the map small on large
 * feeds instead of holding a second copy of every article's text.
 */
function identity(record: ArticleRecord): string {
  const hash = createHash('sha256');
  const part = (kind: string, text: string) => hash.update(`${kind}${text.length}:${text}`);
  part('h', record.headline);
  for (const image of record.images) {
    part('c', image.caption);
    part(image.credit === null ? 'n' : 'r', image.credit ?? '');
  }
  for (const block of record.body) part('b', block.text);
  return hash.digest('base64');
}
