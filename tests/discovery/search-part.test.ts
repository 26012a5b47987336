/**
 * What Pagefind is given of a page (src/discovery/search-part.js): the
 * `<html>` tag, the title and the one `data-pagefind-body` element; the
 * whole page whenever Pagefind would read something outside that element.
 * That the index is the same either way for Broadsheet's own templates is
 * held in tests/e2e/site-quality.test.ts, on the built fixture sites.
 */
import { describe, expect, it } from 'vitest';
import { searchPart } from '../../src/discovery/search-part.js';

const page = (body: string, { before = '', after = '', head = '<title>Harbour vote — The Broadsheet</title>' } = {}) =>
  `<!doctype html>\n<html lang="en" dir="ltr">\n<head><meta charset="utf-8">${head}<link rel="stylesheet" href="/css/site.css"></head>\n<body><header><nav><a href="/">Home</a></nav></header><main id="main">${before}${body}${after}</main><footer><h2 id="footer-pages">Pages</h2></footer></body>\n</html>\n`;

const story = '<article class="story" data-pagefind-body><h1 data-pagefind-meta="title">Harbour vote</h1><p>The council voted.</p></article>';

describe('searchPart', () => {
  it('keeps the html tag, the title and the body element, and nothing around them', () => {
    expect(searchPart(page(story, { after: '<aside class="related"><h2>Related</h2><ul><li><a href="/x/">Other story</a></li></ul></aside>' }))).toBe(
      `<!doctype html><html lang="en" dir="ltr"><head><title>Harbour vote — The Broadsheet</title></head><body>${story}</body></html>`,
    );
  });

  it('finds the end of a body that holds elements of its own tag name', () => {
    const nested = '<section data-pagefind-body><section><p>one</p></section><section><p>two</p><section>three</section></section></section>';
    expect(searchPart(page(nested, { after: '<section><p>outside</p></section>' }))).toContain(`<body>${nested}</body>`);
  });

  it('takes the attribute named in a page\'s text for text, not for the body', () => {
    // Feed text is escaped, so it can name the attribute but never open a tag.
    const body = '<article data-pagefind-body><p>Mark the story data-pagefind-body &lt;article data-pagefind-body&gt;</p></article>';
    expect(searchPart(page(body, { before: '<p>About data-pagefind-body</p>' }))).toContain(`<body>${body}</body>`);
  });

  it('leaves out a title-less head, and ignore flags after the body', () => {
    const part = searchPart(page(story, { head: '', after: '<aside data-pagefind-ignore="all"><img src="/img/other.webp" alt=""></aside>' }));
    expect(part).toBe(`<!doctype html><html lang="en" dir="ltr"><head></head><body>${story}</body></html>`);
  });

  it.each([
    ['a filter outside the body', { after: '<a href="/topics/x/" data-pagefind-filter="topic">X</a>' }],
    ['metadata outside the body', { before: '<time data-pagefind-meta="date">1 Feb</time>' }],
    ['default metadata outside the body', { before: '<p data-pagefind-default-meta="image:/logo.svg">x</p>' }],
    ['a sort key outside the body', { after: '<span data-pagefind-sort="weight:3"></span>' }],
    ['an ignore flag before the body, maybe on its ancestor', { before: '<div data-pagefind-ignore="all">' }],
    ['a second body', { after: '<div data-pagefind-body><p>more</p></div>' }],
  ])('gives the whole page when it has %s', (_, around) => {
    const whole = page(story, around);
    expect(searchPart(whole)).toBe(whole);
  });

  it.each([
    ['no body element', page('<article><h1>Harbour vote</h1></article>')],
    ['a body that never ends', page('<article data-pagefind-body><h1>Harbour vote</h1>')],
    ['a body on a void element', page('<img data-pagefind-body src="/a.webp" alt="">')],
    ['no html tag', '<article data-pagefind-body><p>x</p></article>'],
  ])('gives the whole page when it has %s', (_, whole) => {
    expect(searchPart(whole)).toBe(whole);
  });
});
