/**
 * Editorial overrides: `content/articles/<slug>.md`. The front matter
 * corrects or enriches a parsed article; the Markdown body becomes an
 * editor's note on its page. Every problem is a diagnostic on the line of
 * the key that causes it; a bad value is ignored, the rest still applies.
 */
import { readMarkdownFolder } from '../content-files.ts';
import type { Marked } from 'marked';
import { isCalendarDate } from '../parser/calendar.ts';
import type { Diagnostic, EditorialOverride } from '../types.ts';
import { lineOfYamlError, readFrontMatter } from './front-matter.ts';
import { renderMarkdown, unsafeHtmlMessage } from './markdown.ts';

const STRING_KEYS = ['headline', 'dek', 'byline', 'image'] as const;
const KNOWN_KEYS = new Set<string>([...STRING_KEYS, 'published', 'updated', 'topics', 'lead', 'pinned']);
/** A date, or a date and time of day with an optional offset, as ISO 8601 writes them. */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?)?$/;
const IMAGE_NAME = /^[\w][\w.-]*\.(?:jpe?g|png|webp)$/i;

/**
 * Validates one override file's text.
 *
 * @example
 * parseOverride('---\ndek: Why it matters\n---\n', 'content/articles/x.md', 'x', createMarkdown()).override.dek
 * // => 'Why it matters'
 */
export function parseOverride(text: string, file: string, slug: string, markdown: Marked): { override: EditorialOverride | null; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let front;
  try {
    front = readFrontMatter(text);
  } catch (error) {
    const reason = (error as { reason?: string }).reason ?? (error instanceof Error ? error.message : String(error));
    diagnostics.push({ file, line: lineOfYamlError(error), severity: 'error', message: `invalid front matter: ${reason}`, rule: 'override-syntax' });
    return { override: null, diagnostics };
  }
  const override: EditorialOverride = { slug, file, keyLines: Object.fromEntries(front.keyLines), noteHtml: null };
  const report = (key: string, message: string, severity: Diagnostic['severity'] = 'error') =>
    diagnostics.push({ file, line: front.keyLines.get(key) ?? 1, severity, message, rule: 'override-value' });

  for (const [key, value] of Object.entries(front.data)) {
    if (!KNOWN_KEYS.has(key)) {
      report(key, `unknown key "${key}" (known: ${[...KNOWN_KEYS].join(', ')})`);
      continue;
    }
    if (key === 'published' || key === 'updated') {
      const when = toDateTime(value, front.rawValues.get(key));
      if (!when) report(key, `"${key}" must be a date written YYYY-MM-DD, or a date and time such as 2026-02-08T14:30 or 2026-02-08T14:30+03:00, got ${JSON.stringify(String(value))}`);
      else if (key === 'updated') override.updated = when.text;
      else {
        override.published = when.date;
        if (when.hasTime) override.publishedAt = when.text;
      }
    } else if (key === 'lead' || key === 'pinned') {
      if (typeof value === 'boolean') override[key] = value;
      else report(key, `"${key}" must be true or false, got ${JSON.stringify(value)}`);
    } else if (key === 'topics') {
      const topics = toStringList(value);
      if (topics) override.topics = topics;
      else report(key, '"topics" must be a list of non-empty strings');
    } else if (typeof value !== 'string' || value.trim() === '') {
      report(key, `"${key}" must be non-empty text`);
    } else if (key === 'image' && !IMAGE_NAME.test(value.trim())) {
      report(key, `"image" must name a .jpg, .png or .webp file in content/images/, got "${value}"`);
    } else {
      override[key as (typeof STRING_KEYS)[number]] = value.trim();
    }
  }
  if (front.body.trim() !== '') {
    const note = renderMarkdown(markdown, front.body);
    override.noteHtml = note.html;
    const unsafe = unsafeHtmlMessage(note.removed);
    if (unsafe) diagnostics.push({ file, line: front.bodyLine, severity: 'warning', message: unsafe, rule: 'unsafe-html' });
  }
  return { override, diagnostics };
}

/**
 * YAML reads an unquoted `2026-02-30` as a Date and rolls it over to 2 March,
 * so the check runs on the text as written, quoted or not. A time must be a
 * real one (hours to 23, minutes and seconds to 59).
 */
function toDateTime(value: unknown, raw: string | undefined): { text: string; date: string; hasTime: boolean } | null {
  const text = (raw ?? (typeof value === 'string' ? value : '')).replace(/^(['"])(.*)\1$/, '$2').trim();
  const match = DATE_TIME.exec(text);
  if (!match || !isCalendarDate(match[1]!)) return null;
  const [, date, hours, minutes, seconds, offset] = match;
  if (hours === undefined) return { text: date!, date: date!, hasTime: false };
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds ?? 0) > 59) return null;
  if (offset && offset !== 'Z' && (Number(offset.slice(1, 3)) > 14 || Number(offset.slice(4)) > 59)) return null;
  return { text: `${date}T${hours}:${minutes}${seconds ? `:${seconds}` : ''}${offset ?? ''}`, date: date!, hasTime: true };
}

function toStringList(value: unknown): string[] | null {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list)) return null;
  const strings = list.map((item) => (typeof item === 'string' ? item.trim() : ''));
  return strings.every((s) => s !== '') ? strings : null;
}

/**
 * Reads every `<slug>.md` in the overrides folder (missing folder: none).
 *
 * @example
 * const { overrides, diagnostics } = await loadOverrides('content/articles', createMarkdown());
 */
export async function loadOverrides(dir: string, markdown: Marked): Promise<{ overrides: Map<string, EditorialOverride>; diagnostics: Diagnostic[] }> {
  const overrides = new Map<string, EditorialOverride>();
  const { files, diagnostics } = await readMarkdownFolder(dir, 'override-unreadable', 'cannot read the override');
  for (const { file, stem, text } of files) {
    const result = parseOverride(text, file, stem, markdown);
    for (const d of result.diagnostics) diagnostics.push(d);
    if (result.override) overrides.set(result.override.slug, result.override);
  }
  return { overrides, diagnostics };
}
