/**
 * Front matter of editor Markdown files, read with gray-matter and given
 * line numbers so a problem points at the key that causes it.
 */
import matter from 'gray-matter';
import { FrontMatterError, parseFrontMatterYaml } from '../front-matter-yaml.ts';

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
  // An options object keeps gray-matter from caching by content, which would
  // hand back one shared (and mutable) data object for identical files. Its
  // `---js` fences would run the front matter as JavaScript: refused.
  const parsed = matter(text.replace(/^\uFEFF/, ''), { excerpt: false, engines: { yaml: parseFrontMatterYaml, js: refuseCode, javascript: refuseCode } });
  const data = (parsed.data ?? {}) as Record<string, unknown>;
  const keyLines = new Map<string, number>();
  const rawValues = new Map<string, string>();
  const lines = text.split(/\r?\n/);
  let bodyLine = 1;
  if (lines[0]?.replace(/^\uFEFF/, '').trim() === '---') {
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i] ?? '';
      if (line.trim() === '---') {
        bodyLine = i + 2;
        break;
      }
      const match = /^([A-Za-z_][\w-]*)\s*:(.*)$/.exec(line);
      if (match?.[1] && !keyLines.has(match[1])) {
        keyLines.set(match[1], i + 1);
        rawValues.set(match[1], (match[2] ?? '').trim());
      }
    }
  }
  return { data, body: parsed.content, keyLines, rawValues, bodyLine };
}

function refuseCode(): never {
  throw Object.assign(new Error('front matter must be YAML; JavaScript front matter is not run'), { reason: 'front matter must be YAML; JavaScript front matter is not run' });
}

/** The file line of a YAML error in front matter. */
export function lineOfYamlError(error: unknown): number {
  return error instanceof FrontMatterError ? error.line : 1;
}
