/**
 * The one YAML reader for every front-matter block (feeds, overrides,
 * pages), handed to gray-matter as its `yaml` engine. js-yaml, gray-matter's
 * default, expands aliases without limit: a 346-byte block of nested
 * aliases took 18 s and 1.6 GB before it failed. The `yaml` package counts
 * them (`maxAliasCount`), and blocks past a size limit are not read at all.
 */
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
