import { FrontMatterError, frontMatterKeys, readFrontMatterBlock } from '../front-matter-yaml.ts';
import { canonicalLanguageTag } from '../language-tag.ts';
import { DateTime, IANAZone } from 'luxon';
import type { Diagnostic, FeedLines, FeedMeta } from '../types.ts';
import { isCalendarDate } from './calendar.ts';

/** What `readFrontMatter` found: defaults, the lines after the block, messages. */
export interface FrontMatterResult {
  meta: FeedMeta;
  /** The feed's lines, with `rows` only those after the front-matter block (all of them when there is none). */
  lines: FeedLines;
  /** Lines the block occupied, delimiters included (0 when there is none). */
  blockLength: number;
  diagnostics: Diagnostic[];
}

const EMPTY_META: FeedMeta = { sourceName: null, lang: null, timeZone: null, published: null };

/** Keys a feed's front matter may set, with the aliases people type. */
const KEYS: Record<string, keyof FeedMeta> = {
  source: 'sourceName',
  sourceName: 'sourceName',
  language: 'lang',
  lang: 'lang',
  timeZone: 'timeZone',
  timezone: 'timeZone',
  time_zone: 'timeZone',
  published: 'published',
  date: 'published',
};

/**
 * Reads an optional YAML front-matter block (`---` … `---` as the first
 * lines) that gives feed-level defaults: `source`, `language`, `timeZone`,
 * `published`. Content problems (bad YAML, an unknown key, an invalid zone
 * or date) become diagnostics and the value is ignored; nothing throws.
 *
 * gray-matter is called with an options object, which bypasses its
 * per-content cache, and the opening delimiter must be exactly `---`, so a
 * `---js` block can never reach its JavaScript engine: feed text is data.
 *
 * @example
 * readFrontMatter(normaliseLines('---\nsource: Wire\n---\nHead'), 'a.txt').meta.sourceName
 * // => 'Wire'
 */
export function readFrontMatter(lines: FeedLines, file: string): FrontMatterResult {
  const { texts, rows } = lines;
  if (texts[0] !== '---') {
    return { meta: { ...EMPTY_META }, lines, blockLength: 0, diagnostics: [] };
  }
  const close = texts.indexOf('---', 1);
  if (close < 0) {
    const diagnostic = warn(file, 1, 'front matter opened with "---" is never closed; reading the file as feed text');
    return { meta: { ...EMPTY_META }, lines, blockLength: 0, diagnostics: [diagnostic] };
  }
  const yaml = texts.slice(0, close + 1).join('\n');
  let firstAfter = 0;
  while (firstAfter < rows.length && rows[firstAfter]! <= close) firstAfter++;
  const rest = { ...lines, rows: rows.subarray(firstAfter) };
  const diagnostics: Diagnostic[] = [];
  let data: Record<string, unknown> = {};
  try {
    const parsed = readFrontMatterBlock(`${yaml}\n`).data;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) data = parsed as Record<string, unknown>;
    else diagnostics.push(warn(file, 1, 'front matter is not a key: value map; ignored'));
  } catch (error) {
    const line = error instanceof FrontMatterError ? error.line : 1;
    const reason = (error as Error).message;
    diagnostics.push(warn(file, Math.min(line, close + 1), `front matter is not valid YAML (${reason}); ignored`));
  }
  const meta = toMeta(data, frontMatterKeys(texts, close), file, diagnostics);
  return { meta, lines: rest, blockLength: close + 1, diagnostics };
}

function toMeta(data: Record<string, unknown>, keys: Map<string, { line: number; written: string }>, file: string, diagnostics: Diagnostic[]): FeedMeta {
  const meta: FeedMeta = { ...EMPTY_META };
  for (const [key, value] of Object.entries(data)) {
    const line = keys.get(key)?.line ?? 1;
    const field = Object.hasOwn(KEYS, key) ? KEYS[key] : undefined;
    if (!field) {
      diagnostics.push(warn(file, line, `unknown front-matter key "${key}" ignored (known: source, language, timeZone, published)`));
      continue;
    }
    if (value === null || value === undefined) continue;
    if (field === 'published') meta.published = toIsoDate(value, keys.get(key)?.written ?? '');
    else meta[field] = typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
    if (meta[field] === null) diagnostics.push(warn(file, line, `front-matter "${key}" has an unusable value; ignored`));
    if (field === 'lang' && meta.lang !== null) {
      const tag = canonicalLanguageTag(meta.lang);
      if (tag === null) diagnostics.push(warn(file, line, `front-matter "${key}" must be a BCP 47 language tag such as "en" or "pt-BR", got ${JSON.stringify(meta.lang)}; the site's language applies`));
      meta.lang = tag;
    }
    if (field === 'timeZone' && meta.timeZone !== null && !IANAZone.isValidZone(meta.timeZone)) {
      diagnostics.push(warn(file, line, `front-matter time zone "${meta.timeZone}" is not an IANA zone; ignored`));
      meta.timeZone = null;
    }
  }
  return meta;
}

/**
 * YAML gives a Date for `2026-02-08` and a string for anything it cannot
 * read as one. It also rolls impossible dates over (`2026-02-30` becomes
 * 2 March) and moves a timestamp to UTC, so the date as written wins: it is
 * the publisher's calendar day, and one that does not exist is refused.
 */
function toIsoDate(value: unknown, written: string): string | null {
  const text = value instanceof Date ? written.replace(/^['"]/u, '') : value;
  if (typeof text !== 'string') return null;
  const day = /^\d{4}-\d{2}-\d{2}/u.exec(text.trim())?.[0];
  if (day !== undefined) return isCalendarDate(day) ? day : null;
  if (value instanceof Date) return DateTime.fromJSDate(value, { zone: 'utc' }).toISODate();
  return null;
}

function warn(file: string, line: number, message: string): Diagnostic {
  return { severity: 'warning', file, line, message, rule: 'front-matter' };
}
