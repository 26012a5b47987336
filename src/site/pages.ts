/**
 * Editor-written pages: `content/pages/<slug>.md` becomes `/<slug>/`. Front
 * matter gives the `title` (required) and an optional `description`.
 */
import { readMarkdownFolder } from '../content-files.ts';
import type { Marked } from 'marked';
import type { Diagnostic, SitePage } from '../types.ts';
import { lineOfYamlError, readFrontMatter } from './front-matter.ts';
import { renderMarkdown, unsafeHtmlMessage } from './markdown.ts';
import { pageUrl, RESERVED_SEGMENTS } from '../routes.ts';

const KNOWN_KEYS = new Set(['title', 'description']);
// Paths the site itself uses; a page there would overwrite generated output.
const RESERVED = RESERVED_SEGMENTS;
const PAGE_SLUG = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Validates and renders one page file.
 *
 * @example
 * parsePage('---\ntitle: About\n---\nWe report.', 'content/pages/about.md', 'about', createMarkdown()).page?.url
 * // => '/about/'
 */
export function parsePage(text: string, file: string, slug: string, markdown: Marked): { page: SitePage | null; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  if (!PAGE_SLUG.test(slug) || RESERVED.has(slug)) {
    const why = RESERVED.has(slug) ? 'is used by the site itself' : 'must be lower-case letters, digits and hyphens';
    diagnostics.push({ file, line: 1, severity: 'error', message: `page name "${slug}" ${why}; rename the file`, rule: 'page-name' });
    return { page: null, diagnostics };
  }
  let front;
  try {
    front = readFrontMatter(text);
  } catch (error) {
    const reason = (error as { reason?: string }).reason ?? (error instanceof Error ? error.message : String(error));
    diagnostics.push({ file, line: lineOfYamlError(error), severity: 'error', message: `invalid front matter: ${reason}`, rule: 'page-syntax' });
    return { page: null, diagnostics };
  }
  for (const key of Object.keys(front.data)) {
    if (!KNOWN_KEYS.has(key)) {
      diagnostics.push({ file, line: front.keyLines.get(key) ?? 1, severity: 'warning', message: `unknown key "${key}" (known: title, description)`, rule: 'page-value' });
    }
  }
  const { title, description } = front.data;
  if (typeof title !== 'string' || title.trim() === '') {
    diagnostics.push({ file, line: front.keyLines.get('title') ?? 1, severity: 'error', message: 'a page needs a "title" in its front matter', rule: 'page-value' });
    return { page: null, diagnostics };
  }
  const body = renderMarkdown(markdown, front.body);
  const unsafe = unsafeHtmlMessage(body.removed);
  if (unsafe) diagnostics.push({ file, line: front.bodyLine, severity: 'warning', message: unsafe, rule: 'unsafe-html' });
  return {
    page: {
      slug,
      url: pageUrl(slug),
      title: title.trim(),
      description: typeof description === 'string' && description.trim() ? description.trim() : null,
      html: body.html,
      file,
    },
    diagnostics,
  };
}

/** Reads every page in the pages folder, in file-name order. */
export async function loadPages(dir: string, markdown: Marked): Promise<{ pages: SitePage[]; diagnostics: Diagnostic[] }> {
  const pages: SitePage[] = [];
  const { files, diagnostics } = await readMarkdownFolder(dir, 'page-unreadable', 'cannot read the page');
  for (const { file, stem, text } of files) {
    const result = parsePage(text, file, stem, markdown);
    for (const d of result.diagnostics) diagnostics.push(d);
    if (result.page) pages.push(result.page);
  }
  return { pages, diagnostics };
}
