/**
 * The feed parser: raw feed text in, clean article records and positioned
 * diagnostics out. This module only wires the stages; each lives in its own
 * file and is a pure function.
 *
 *   text ─normaliseLines─▶ FeedLines ─readFrontMatter─▶ FeedMeta + FeedLines
 *        ─splitArticles─▶ ArticleDraft[] ─buildRecords─▶ ArticleRecord[]
 *        ─dedupeArticles, uniqueSlugs─▶ ParseResult
 *
 * `parseFeedFile` runs the stages of one file; `collectFeeds` the last two,
 * over all files.
 */
import type { ArticleRecord, Diagnostic, FeedSource, ParseResult } from '../types.ts';
import { sortDiagnostics } from '../diagnostics.ts';
import { buildRecords } from './build-records.ts';
import { dedupeArticles } from './dedupe-articles.ts';
import { readFrontMatter } from './front-matter.ts';
import { normaliseLines } from './normalise-lines.ts';
import { uniqueSlugs } from './slugs.ts';
import { splitArticles } from './split-articles.ts';

/**
 * Parses one feed file. Never throws on content: an empty or malformed
 * feed gives no articles and an `error` diagnostic.
 *
 * @example
 * const { articles, diagnostics } = parseFeed({ file: 'content/feeds/a.txt', text });
 * articles[0].headline // => '26 Nations Vow to Give Ukraine Postwar Security Guarantees, Macron Says'
 */
export function parseFeed(source: FeedSource): ParseResult {
  return parseFeeds([source]);
}

/**
 * Parses many feed files as one collection: the same article in two places
 * (one file or two) becomes one record with a `duplicate-article` warning
 * naming both places, and slugs are unique across the collection.
 *
 * @example
 * parseFeeds([{ file: 'a.txt', text: a }, { file: 'b.txt', text: a }]).articles.length
 * // => the article count of a.txt alone
 */
export function parseFeeds(sources: readonly FeedSource[]): ParseResult {
  return collectFeeds(sources.map((source) => parseFeedFile(source)));
}

/**
 * The part of parsing that sees one file only: its records (slugs unique
 * per headline only) and diagnostics. What it returns depends on nothing
 * but the file's name and text, so a build may keep it from an earlier run
 * (src/build/parse-cache.ts) and hand it to {@link collectFeeds}.
 *
 * @example
 * collectFeeds([parseFeedFile({ file: 'a.txt', text })]) // equals parseFeeds([{ file: 'a.txt', text }])
 */
export function parseFeedFile({ file, text }: FeedSource): ParseResult {
  const lines = normaliseLines(text);
  if (lines.rows.length === 0) {
    return { articles: [], diagnostics: [{ severity: 'error', file, line: 1, message: 'the feed is empty: no articles', rule: 'empty-feed' }] };
  }
  const front = readFrontMatter(lines, file);
  const split = splitArticles(front.lines, file);
  const built = buildRecords(split.drafts, front.lines, front.meta, file);
  const diagnostics: Diagnostic[] = [];
  for (const list of [front.diagnostics, split.diagnostics, built.diagnostics]) for (const d of list) diagnostics.push(d);
  return { articles: built.articles, diagnostics };
}

/**
 * Files parsed one by one, in order, made one collection: duplicates across
 * files merged with a warning, slugs unique overall. The records handed in
 * are not changed.
 */
export function collectFeeds(files: readonly ParseResult[]): ParseResult {
  const records: ArticleRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const parsed of files) {
    // Appended one by one: spreading 100,000s of items into push() overflows the call stack.
    for (const record of parsed.articles) records.push(record);
    for (const d of parsed.diagnostics) diagnostics.push(d);
  }
  const deduped = dedupeArticles(records);
  const slugs = uniqueSlugs(deduped.articles.map((a) => a.slug));
  // Copied only where the slug changes: the records may be kept by a parse cache for the next build.
  const articles = deduped.articles.map((record, i) => (record.slug === slugs[i] ? record : { ...record, slug: slugs[i]! }));
  return { articles, diagnostics: sortDiagnostics(diagnostics.concat(deduped.diagnostics)) };
}
