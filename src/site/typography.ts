/**
 * Display typography for feed text: curly quotes, apostrophes, dashes and
 * ellipses (SmartyPants, `smartypants`), and bare http(s) addresses in body
 * text as links (`linkify-it`, markdown-it's link finder).
 *
 * Feed text is data, never markup: SmartyPants is written for HTML and
 * skips what looks like a tag, decodes `&quot;` and turns backslash escapes
 * into entities. So the three characters that drive that (`<`, `&`, `\`)
 * are swapped for private-use characters before it runs and swapped back
 * after: the text it sees has no tags, entities or escapes, and what comes
 * out is still plain text for the templates to escape.
 */
import LinkifyIt from 'linkify-it';
import { smartypantsu } from 'smartypants';

const HIDDEN: readonly [string, string][] = [['<', '\uE000'], ['&', '\uE001'], ['\\', '\uE002']];

/** What SmartyPants (mode 1) changes: quotes, backticks, `--`, `...`. */
const SMART_TRIGGER = /["'`]|--|\.\.\./;
/** The same, but for apostrophes inside words ("country's"), which alone need no SmartyPants. */
const OTHER_THAN_APOSTROPHE = /["`]|--|\.\.\.|(?<!\p{L})'|'(?!\p{L})/u;
const APOSTROPHE = /'/g;

/**
 * Display text: SmartyPants' quotes, dashes and ellipses. Most paragraphs
 * have none of them, or only apostrophes inside words, and take the fast
 * path; `smartTextReference` is the plain version, held equal to this one
 * by a property test.
 *
 * @example
 * smartText('"It\'s over" -- for now...') // => '“It’s over” — for now…'
 */
export function smartText(text: string): string {
  if (!SMART_TRIGGER.test(text)) return text;
  if (!OTHER_THAN_APOSTROPHE.test(text)) return text.replace(APOSTROPHE, '’');
  return smartTextReference(text);
}

/** {@link smartText} without its fast paths: every text through SmartyPants. */
export function smartTextReference(text: string): string {
  let hidden = text;
  for (const [char, stand] of HIDDEN) hidden = hidden.replaceAll(char, stand);
  // Mode 1: quotes, backticks, `--` as an em dash, `...` as an ellipsis.
  let out = smartypantsu(hidden, '1');
  for (const [char, stand] of HIDDEN) out = out.replaceAll(stand, char);
  return out;
}

/** A run of a paragraph: text, or text that links to `href`. */
export type TextRun = { text: string; href?: string };

// Only addresses written out with http:// or https://: no bare domains
// ("example.com"), no e-mail, ftp or protocol-relative links, and so no
// `javascript:` or any other scheme can ever become a link.
const linkify = new LinkifyIt({}, { fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false })
  .add('ftp:', null)
  .add('mailto:', null)
  .add('//', null);

/**
 * A paragraph cut into runs at its http(s) addresses. A paragraph with
 * none is one run.
 *
 * @example
 * linkRuns('See https://example.org/a.') // => [{ text: 'See ' }, { text: 'https://example.org/a', href: 'https://example.org/a' }, { text: '.' }]
 */
export function linkRuns(text: string): TextRun[] {
  if (!text.includes('http')) return [{ text }];
  const matches = linkify.match(text);
  if (!matches) return [{ text }];
  const runs: TextRun[] = [];
  let at = 0;
  for (const match of matches) {
    if (!/^https?:\/\//i.test(match.url)) continue;
    if (match.index > at) runs.push({ text: text.slice(at, match.index) });
    runs.push({ text: match.raw, href: match.url });
    at = match.lastIndex;
  }
  if (at < text.length) runs.push({ text: text.slice(at) });
  return runs;
}
