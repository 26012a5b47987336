/**
 * The one Markdown renderer: editor-written Markdown only (overrides' notes
 * and `content/pages/`). Feed text never comes here — it is plain text,
 * escaped by the templates.
 *
 * marked does not sanitise, so its HTML goes through sanitize-html with an
 * allow-list of what Markdown itself produces: no scripts, styles, iframes,
 * forms or event handlers, and links and images only to relative,
 * `http(s):`, `mailto:` or `tel:` addresses. Whatever the list removes is
 * reported, so an editor learns why something vanished.
 */
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

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

/** The elements and attributes GitHub-flavoured Markdown writes, and nothing else. */
const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  code: ['class'],
  ol: ['start'],
  th: ['align'],
  td: ['align'],
  input: ['type', 'checked', 'disabled'],
};
const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'em', 'strong', 'del', 's',
  'code', 'pre', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'input', 'sup', 'sub', 'abbr', 'kbd',
];
const ALLOWED_SCHEMES = ['http', 'https', 'mailto', 'tel'];
const URL_ATTRIBUTES = new Set(['href', 'src']);

/** Editor HTML after sanitising, and what was taken out of it, in order. */
export interface RenderedMarkdown {
  html: string;
  removed: string[];
}

/**
 * Renders editor Markdown to safe HTML with the given instance.
 *
 * @example
 * renderMarkdown(createMarkdown(), 'Hi <script>x()</script>')
 * // => { html: '<p>Hi </p>\n', removed: ['<script>'] }
 */
export function renderMarkdown(markdown: Marked, source: string): RenderedMarkdown {
  const removed: string[] = [];
  const note = (what: string) => {
    if (!removed.includes(what)) removed.push(what);
  };
  const html = sanitizeHtml(markdown.parse(source, { async: false }), {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedSchemes: ALLOWED_SCHEMES,
    allowedSchemesAppliedToAttributes: [...URL_ATTRIBUTES],
    allowProtocolRelative: false,
    allowedClasses: { code: [/^language-[\w-]+$/] },
    disallowedTagsMode: 'discard',
    // Told as they are met, so the report says what the list took out.
    onOpenTag(tag, attributes) {
      if (!ALLOWED_TAGS.includes(tag)) return note(`<${tag}>`);
      for (const [name, value] of Object.entries(attributes)) {
        if (!(ALLOWED_ATTRIBUTES[tag] ?? []).includes(name)) note(`the ${name} attribute of <${tag}>`);
        else if (URL_ATTRIBUTES.has(name) && !isAllowedUrl(value)) note(`a ${schemeOf(value)}: address in <${tag}>`);
      }
    },
  });
  return { html, removed };
}

/** The scheme of an address as a browser reads it (controls and spaces dropped), or '' for a relative one. */
function schemeOf(url: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\u0000-\u0020]/g, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase() ?? (cleaned.startsWith('//') ? '//' : '');
}

function isAllowedUrl(url: string): boolean {
  const scheme = schemeOf(url);
  return scheme === '' || ALLOWED_SCHEMES.includes(scheme);
}

/**
 * The warning for what sanitising took out of a file's Markdown, or null.
 *
 * @example
 * unsafeHtmlMessage(['<script>']) // => 'removed from the Markdown: <script> (editor Markdown may not hold scripts, …)'
 */
export function unsafeHtmlMessage(removed: readonly string[]): string | null {
  if (removed.length === 0) return null;
  return `removed from the Markdown: ${removed.join(', ')} (editor Markdown may not hold scripts, styles, frames, forms, event handlers or javascript:/data: addresses; see docs/content.md)`;
}
