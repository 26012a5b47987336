/**
 * The parser's I/O edge: reads feed files from disk into `FeedSource`s.
 * Everything that can go wrong with a file (missing, a folder, binary, not
 * UTF-8) is a content problem for the user, so it becomes an `error`
 * diagnostic naming the file; nothing here throws for a bad feed.
 */
import { join } from 'node:path';
import { listContentFolder, readContentFile } from '../content-files.ts';
import { sortDiagnostics } from '../diagnostics.ts';
import { collectFeeds, parseFeedFile } from '../parser/index.ts';
import { parseCacheKey, parsedFeed, type ParseCache, type ParsedFeed } from '../build/parse-cache.ts';
import type { ArticleRecord, Diagnostic, FeedSource, ParseResult } from '../types.ts';
import type { RecordDigests } from './record-digest.ts';

/**
 * Reads feed files as UTF-8 text (a leading BOM is dropped). Files that
 * cannot be feeds are reported and skipped: a missing path, a folder, a
 * binary file (a NUL byte) or bytes that are not UTF-8.
 *
 * @example
 * const { sources, diagnostics } = await readFeedFiles(['content/feeds/a.txt', 'nope.txt']);
 * // diagnostics: [{ severity: 'error', file: 'nope.txt', line: 1, message: 'cannot read the feed: no such file', … }]
 */
export async function readFeedFiles(paths: readonly string[]): Promise<{ sources: FeedSource[]; diagnostics: Diagnostic[] }> {
  const sources: FeedSource[] = [];
  const diagnostics: Diagnostic[] = [];
  const read = async (file: string) => {
    const bytes = await readFeedBytes(file);
    return 'bytes' in bytes ? decodeFeed(file, bytes.bytes) : bytes;
  };
  for (const result of await readInBatches(paths, read)) {
    if ('text' in result) sources.push(result);
    else diagnostics.push(result);
  }
  return { sources, diagnostics };
}

/** `read` of every path, results in order, a few files at a time: a site with thousands of feeds must not run out of file handles. */
async function readInBatches<T>(paths: readonly string[], read: (file: string) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < paths.length; start += PARALLEL_READS) {
    for (const result of await Promise.all(paths.slice(start, start + PARALLEL_READS).map(read))) results.push(result);
  }
  return results;
}

/**
 * Reads and parses feed files as one collection (see `parseFeeds`). With a
 * cache, a file whose name and bytes are unchanged is neither decoded nor
 * parsed again, and `digests` has the digest of each record the cache
 * keeps (a record made anew by the collection, one whose slug was made
 * unique, has none); without one, `digests` is empty.
 *
 * @example
 * const { articles, diagnostics } = await loadFeeds(await listFeedFiles('content/feeds'));
 */
export async function loadFeeds(paths: readonly string[], cache: ParseCache | null = null): Promise<ParseResult & { digests: RecordDigests }> {
  // Files the cache can vouch for without reading them (the dev server's, by their size and times).
  const unchanged = new Map<string, ParsedFeed>();
  if (cache?.unchangedFile) {
    for (const path of paths) {
      const kept = await cache.unchangedFile(path);
      if (kept) unchanged.set(path, kept);
    }
  }
  // The others, a few at a time: each file's bytes, and the parse the
  // cache has of them; a file with one is not decoded (see parseCacheKey).
  const read = await readInBatches(paths.filter((p) => !unchanged.has(p)), async (file) => {
    const bytes = await readFeedBytes(file);
    if (!('bytes' in bytes)) return bytes;
    const key = cache ? parseCacheKey(file, bytes.bytes) : '';
    return { ...bytes, key, kept: cache ? await cache.get(key, file) : undefined };
  });
  const readOf = new Map(read.flatMap((r) => ('bytes' in r ? [[r.file, r] as const] : [])));
  const diagnostics = read.filter((r): r is Diagnostic => !('bytes' in r));
  const files: ParsedFeed[] = [];
  for (const path of paths) {
    const file = readOf.get(path);
    if (!file) {
      const kept = unchanged.get(path);
      if (kept) files.push(kept);
      continue;
    }
    const { bytes, key, kept } = file;
    if (kept) {
      files.push(kept);
      continue;
    }
    const source = decodeFeed(path, bytes);
    if (!('text' in source)) {
      diagnostics.push(source);
      continue;
    }
    const parsed = parseFeedFile(source);
    if (cache) {
      const kept = parsedFeed(parsed);
      cache.set(key, kept, path);
      files.push(kept);
    } else files.push({ result: parsed, digests: [] });
  }
  const parsed = collectFeeds(files.map((f) => f.result));
  const digests = new Map<ArticleRecord, string>();
  for (const { result, digests: list } of files) list.forEach((digest, i) => digests.set(result.articles[i]!, digest));
  return { articles: parsed.articles, diagnostics: sortDiagnostics([...diagnostics, ...parsed.diagnostics]), digests };
}

/**
 * Lists the `*.txt` entries of a folder, sorted by name so builds are
 * deterministic: every entry so named, whatever its kind (a symlink is
 * followed, and a folder or FIFO is reported when read, not skipped
 * unseen). A missing folder has none: whether "no feeds" is an error is
 * the caller's decision (a new site may have none yet).
 *
 * @example
 * (await listFeedFiles('content/feeds')).files // => ['content/feeds/000_c9096681fbbcbff7.txt']
 */
export async function listFeedFiles(dir: string): Promise<{ files: string[]; diagnostics: Diagnostic[] }> {
  const { names, diagnostics } = await listContentFolder(dir, (name) => name.endsWith('.txt'));
  return { files: names.map((name) => join(dir, name)), diagnostics };
}

const PARALLEL_READS = 32;

/** A feed file's bytes, or why it cannot be read. */
async function readFeedBytes(file: string): Promise<{ file: string; bytes: Buffer } | Diagnostic> {
  const read = await readContentFile(file, 'unreadable-file', 'cannot read the feed');
  return 'problem' in read ? read.problem : { file, bytes: read.bytes };
}

/** A feed file's text (a leading BOM dropped), or why it is no text feed: a NUL byte, or bytes that are not UTF-8. */
function decodeFeed(file: string, bytes: Buffer): FeedSource | Diagnostic {
  const nul = bytes.indexOf(0);
  if (nul >= 0) return fileError(file, lineAt(bytes, nul), `binary file (a NUL byte at byte ${nul}); not a text feed`, 'binary-file');
  try {
    return { file, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // The fatal decoder says only "invalid"; the lenient one marks the first bad byte with U+FFFD.
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const before = lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD')));
    const line = before.split('\n').length;
    return fileError(file, line, 'not UTF-8 text (invalid byte sequence); save the feed as UTF-8', 'invalid-encoding');
  }
}

function lineAt(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let at = bytes.indexOf(10); at >= 0 && at < offset; at = bytes.indexOf(10, at + 1)) line++;
  return line;
}

function fileError(file: string, line: number, message: string, rule: string): Diagnostic {
  return { severity: 'error', file, line, message, rule };
}
