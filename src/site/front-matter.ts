/**
 * Front matter of editor Markdown files (overrides, pages), read by the
 * shared front-matter reader (src/front-matter-yaml.ts) and given line
 * numbers so a problem points at the key that causes it. Feeds' front
 * matter is read by src/parser/front-matter.ts through the same reader.
 */
import { FrontMatterError, frontMatterKeys, readFrontMatterBlock } from '../front-matter-yaml.ts';

export interface FrontMatterFile {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line of each top-level key in the file. */
  keyLines: Map<string, number>;
  /** The raw text after each top-level key's colon, as written. */
  rawValues: Map<string, string>;
  /** 1-based line where the body starts. */
  bodyLine: number;
}

/**
 * Splits a Markdown file into front matter and body. Throws a YAML error for
 * malformed front matter (callers turn it into a diagnostic).
 *
 * @example
 * readFrontMatter('---\nheadline: Hi\n---\nNote').keyLines.get('headline') // => 2
 */
export function readFrontMatter(text: string): FrontMatterFile {
  const parsed = readFrontMatterBlock(text.replace(/^\uFEFF/, ''));
  const data = (parsed.data ?? {}) as Record<string, unknown>;
  const lines = text.split(/\r?\n/);
  let bodyLine = 1;
  let keys = new Map<string, { line: number; written: string }>();
  if (lines[0]?.replace(/^\uFEFF/, '').trim() === '---') {
    const close = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
    if (close > 0) bodyLine = close + 2;
    keys = frontMatterKeys(lines, close > 0 ? close : lines.length);
  }
  const keyLines = new Map([...keys].map(([key, { line }]) => [key, line]));
  const rawValues = new Map([...keys].map(([key, { written }]) => [key, written]));
  return { data, body: parsed.content, keyLines, rawValues, bodyLine };
}

/** The file line of a YAML error in front matter. */
export function lineOfYamlError(error: unknown): number {
  return error instanceof FrontMatterError ? error.line : 1;
}
