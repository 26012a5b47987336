/**
 * A record's digest: a hash of everything in an article record but its
 * place in the feed file (`source`, which moves when lines above it are
 * edited). An article's revision is made from it (src/site/model.ts).
 *
 * Hashing a record means serialising its whole text, the costliest part of
 * modelling an article that has not changed; so a parse cache keeps each
 * record's digest beside it (src/build/parse-cache.ts), and a build that
 * takes a feed's parse from the cache takes its digests too.
 */
import { hash } from 'node:crypto';
import type { ArticleRecord } from '../types.ts';

/**
 * @example
 * recordDigest(record) === recordDigest({ ...record, source: { file: 'moved.txt', line: 90 } }) // => true
 */
export function recordDigest(record: ArticleRecord): string {
  const { source: _source, ...content } = record;
  return hash('sha1', JSON.stringify(content), 'base64url');
}

/** Records whose digests are known (those a parse cache gave back, or stored), by the record itself. */
export type RecordDigests = ReadonlyMap<ArticleRecord, string>;
