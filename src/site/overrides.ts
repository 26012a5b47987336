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
const KNOWN_KEYS = new Set<string>([...STRING_KEYS, 'published', 'topics']);
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
    if (key === 'published') {
      const date = toIsoDate(value, front.rawValues.get(key));
      if (date) override.published = date;
      else report(key, `"published" must be a date written YYYY-MM-DD, got ${JSON.stringify(String(value))}`);
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
 * so the check runs on the text as written, quoted or not.
 */
function toIsoDate(value: unknown, raw: string | undefined): string | null {
  const text = (raw ?? (typeof value === 'string' ? value : '')).replace(/^(['"])(.*)\1$/, '$2').trim();
  return isCalendarDate(text) ? text : null;
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
