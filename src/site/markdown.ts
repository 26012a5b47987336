/**
 * The one Markdown renderer: editor-written Markdown only (overrides' notes
 * and `content/pages/`). Feed text never comes here — it is plain text,
 * escaped by the templates.
 */
import { Marked } from 'marked';

/**
 * Creates the configured Marked instance. One per build, passed to whoever
 * renders Markdown, so no option leaks through marked's global defaults.
 *
 * @example
 * createMarkdown().parse('*Corrected* on 9 February.') // => '<p><em>Corrected</em> on 9 February.</p>\n'
 */
export function createMarkdown(): Marked {
  return new Marked({ gfm: true, async: false });
}

/** Renders editor Markdown to HTML with the given instance. */
export function renderMarkdown(markdown: Marked, source: string): string {
  return markdown.parse(source, { async: false });
}
