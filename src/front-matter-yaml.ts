/**
 * The one YAML reader for every front-matter block (feeds, overrides,
 * pages), handed to gray-matter as its `yaml` engine, and the one place
 * that finds each key's line (`frontMatterKeys`). js-yaml, gray-matter's
 * default, expands aliases without limit: a 346-byte block of nested
 * aliases took 18 s and 1.6 GB before it failed. The `yaml` package counts
 * them (`maxAliasCount`), and blocks past a size limit are not read at all.
 */
import matter from 'gray-matter';
import { parse } from 'yaml';

/** Front matter is a handful of settings: a longer block is refused unread. */
export const MAX_FRONT_MATTER_CHARS = 64 * 1024;
/** Aliases one block may resolve; a real settings block has none. */
const MAX_ALIASES = 100;

/** A front-matter block that could not be read, with its line in the file. */
export class FrontMatterError extends Error {
  /** 1-based line in the file (the opening `---` is line 1). */
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.name = 'FrontMatterError';
    this.line = line;
  }
}

/**
 * Parses the text gray-matter hands its engine: everything after the opening
 * `---`, starting with that line's break, so the text's line 1 is the
 * file's line 1. Timestamps (`2026-02-08`) become Dates as with js-yaml.
 *
 * @example
 * parseFrontMatterYaml('\nsource: Wire\n') // => { source: 'Wire' }
 */
export function parseFrontMatterYaml(text: string): object {
  if (text.length > MAX_FRONT_MATTER_CHARS) throw new FrontMatterError(`front matter is longer than ${MAX_FRONT_MATTER_CHARS / 1024} KiB`, 1);
  try {
    // An empty block is no settings; a scalar or a list is handed on for the caller to refuse.
    return (parse(text, { schema: 'core', customTags: ['timestamp'], maxAliasCount: MAX_ALIASES, prettyErrors: true }) ?? {}) as object;
  } catch (error) {
    const { message, linePos } = error as { message?: string; linePos?: [{ line: number }] };
    const reason = String(message ?? error).split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new FrontMatterError(reason, linePos?.[0]?.line ?? 1);
  }
}

/**
 * gray-matter over `text` with {@link parseFrontMatterYaml} as its YAML
 * engine: the one call feeds, overrides and pages share. A `---js` fence
 * would run the front matter as JavaScript: it is refused with a
 * {@link FrontMatterError} instead. The options object also keeps
 * gray-matter from caching by content, which would hand back one shared
 * (and mutable) data object for identical files.
 *
 * @example
 * readFrontMatterBlock('---\nheadline: Hi\n---\nNote') // => { data: { headline: 'Hi' }, content: 'Note' }
 */
export function readFrontMatterBlock(text: string): { data: unknown; content: string } {
  const parsed = matter(text, { excerpt: false, language: 'yaml', engines: { yaml: parseFrontMatterYaml, js: refuseCode, javascript: refuseCode } });
  return { data: parsed.data, content: parsed.content };
}

function refuseCode(): never {
  throw new FrontMatterError('front matter must be YAML; JavaScript front matter is not run', 1);
}

/**
 * Each top-level key of a front-matter block, with its 1-based file line
 * and the text after its colon as written: `lines` are the file's lines,
 * `lines[0]` the opening `---` and `lines[close]` the closing one. Indented
 * lines (nested values) are not keys; quotes around a key are dropped.
 *
 * @example
 * frontMatterKeys(['---', 'headline: Hi', '---'], 2).get('headline') // => { line: 2, written: 'Hi' }
 */
export function frontMatterKeys(lines: readonly string[], close: number): Map<string, { line: number; written: string }> {
  const keys = new Map<string, { line: number; written: string }>();
  for (let i = 1; i < close; i++) {
    const text = lines[i] ?? '';
    const colon = text.indexOf(':');
    if (colon <= 0 || /^\s/.test(text)) continue;
    const key = text.slice(0, colon).trim().replace(/^['"]|['"]$/gu, '');
    if (!keys.has(key)) keys.set(key, { line: i + 1, written: text.slice(colon + 1).trim() });
  }
  return keys;
}
