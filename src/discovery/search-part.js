// @ts-check
/**
 * What Pagefind is given of a page: its `<html>` tag (the page's
 * language), its `<title>` and its `data-pagefind-body` element, not the
 * masthead, related stories, navigation and footer around them, which
 * Pagefind would parse only to skip. For Broadsheet's templates
 * Pagefind's index is the same either way (tests/e2e/site-quality.test.ts
 * indexes the fixture sites' article pages both ways), and the part costs
 * Pagefind and the hand-over less (docs/performance.md).
 *
 * Pagefind also reads a few things outside the body: filters, metadata
 * and sort keys set anywhere on the page, and an ancestor's
 * `data-pagefind-ignore`. A page that has any of them outside its body,
 * or no single body element, is given whole. Outside the body Pagefind
 * would also take a page's first `<h1>` and first image as its default
 * title and image; given the body alone it takes them from the body,
 * where the story's own are (a related story's photo is not this page's).
 *
 * JavaScript, like the lane's thread that imports it
 * (search-lane-worker.js), so that the thread needs no TypeScript loader.
 */

/** Attributes whose values Pagefind reads wherever they are on the page (a second body is found by bodyElement). */
const READ = ['filter', 'meta', 'default-meta', 'sort', 'index-attrs'];
const READ_ANYWHERE = new RegExp(`\\bdata-pagefind-(?:${READ.join('|')})\\b`);
/** The same before the body, and an ignore flag, which there may be on one of its ancestors. */
const READ_BEFORE = new RegExp(`\\bdata-pagefind-(?:${[...READ, 'ignore'].join('|')})\\b`);
const BODY = 'data-pagefind-body';
const START_TAG = /<[a-zA-Z][^>]*>/g;

/**
 * @example
 * searchPart('<!doctype html><html lang="en"><head><title>T</title></head><body><nav>…</nav><article data-pagefind-body><h1>T</h1></article></body></html>')
 * // => '<!doctype html><html lang="en"><head><title>T</title></head><body><article data-pagefind-body><h1>T</h1></article></body></html>'
 *
 * @param {string} html a whole page
 * @returns {string} the part Pagefind reads, or the page itself
 */
export function searchPart(html) {
  const body = bodyElement(html);
  if (!body) return html;
  const before = html.slice(0, body.start);
  const after = html.slice(body.end);
  if (inTags(before, READ_BEFORE) || inTags(after, READ_ANYWHERE)) return html;
  const htmlTag = /<html\b[^>]*>/i.exec(before)?.[0];
  if (!htmlTag) return html;
  const title = /<title\b[^>]*>[^<]*<\/title>/i.exec(before)?.[0] ?? '';
  return `<!doctype html>${htmlTag}<head>${title}</head><body>${html.slice(body.start, body.end)}</body></html>`;
}

/**
 * Whether an attribute of a start tag in `html` matches `pattern` (text
 * that names an attribute does not count).
 *
 * @param {string} html
 * @param {RegExp} pattern
 * @returns {boolean}
 */
function inTags(html, pattern) {
  for (const [tag] of html.matchAll(START_TAG)) if (pattern.test(tag)) return true;
  return false;
}

/**
 * Where the one element marked `data-pagefind-body` starts and ends, or
 * null when there is none, more than one, or its end cannot be found
 * (its tag name is counted in and out; a page's text is escaped, so no
 * `<` in it starts a tag).
 *
 * @param {string} html
 * @returns {{ start: number, end: number } | null}
 */
function bodyElement(html) {
  const at = attributeInTag(html, 0);
  if (at === -1 || attributeInTag(html, at + BODY.length) !== -1) return null;
  const start = html.lastIndexOf('<', at);
  const name = /^<([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(start, at))?.[1]?.toLowerCase();
  if (!name) return null;
  const tags = new RegExp(`<(/?)${name}(?=[\\s>/])[^>]*>`, 'gi');
  tags.lastIndex = start;
  let depth = 0;
  for (let tag = tags.exec(html); tag; tag = tags.exec(html)) {
    if (tag[1]) depth--;
    else if (!tag[0].endsWith('/>')) depth++;
    if (depth === 0) return { start, end: tag.index + tag[0].length };
  }
  return null;
}

/**
 * The index of the next `data-pagefind-body` from `from` that stands inside
 * a tag (not in a page's text), or -1.
 *
 * @param {string} html
 * @param {number} from
 * @returns {number}
 */
function attributeInTag(html, from) {
  for (let at = html.indexOf(BODY, from); at !== -1; at = html.indexOf(BODY, at + BODY.length)) {
    if (html.lastIndexOf('<', at) > html.lastIndexOf('>', at)) return at;
  }
  return -1;
}
