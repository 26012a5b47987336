/**
 * Feed text is data. A feed full of markup, Markdown, template syntax and
 * quotes builds a site in which none of it becomes an element, an attribute
 * or code: every page is parsed with linkedom and inspected.
 */
import { smartText } from '../../src/site/typography.ts';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadFeeds } from '../../src/feeds/read-feeds.ts';
import type { ArticleRecord } from '../../src/types.ts';
import { buildFixture, FIXTURES, fixtureFiles, makeContent, parseDocument, type FixtureSite } from './helpers.ts';

let site: FixtureSite;
let record: ArticleRecord;
let pages: { file: string; doc: Document; html: string }[];

beforeAll(async () => {
  [record] = (await loadFeeds([join(FIXTURES, 'feeds/xss.txt')])).articles as [ArticleRecord];
  const content = await makeContent({ ...(await fixtureFiles('feeds/xss.txt')), 'site.json': '{"title": "XSS test"}' }, false);
  site = await buildFixture(content);
  const files = (await readdir(site.output, { recursive: true })).filter((f) => f.endsWith('.html'));
  pages = await Promise.all(files.map(async (file) => {
    const html = await readFile(join(site.output, file), 'utf8');
    return { file, html, doc: parseDocument(html) };
  }));
});
afterAll(() => site?.cleanup());

it('builds the home, article, archive and 404 pages', () => {
  expect(pages.length).toBeGreaterThanOrEqual(5);
});

it('creates no element from feed text: only our own kinds of element exist', () => {
  const injected = ['b', 'img', 'iframe', 'svg', 'object', 'embed', 'em', 'h1 h1'];
  for (const { file, doc } of pages) {
    for (const selector of injected) expect(doc.querySelectorAll(selector).length, `${file}: ${selector}`).toBe(0);
  }
});

it('has only our scripts: JSON-LD that parses, our own files, or code written in a template', async () => {
  const templates = await templateSources();
  for (const { file, doc } of pages) {
    for (const script of doc.querySelectorAll('script')) {
      const src = script.getAttribute('src');
      // Data, not code: JSON-LD and the search page's interface strings.
      if (script.getAttribute('type') === 'application/ld+json' || script.getAttribute('type') === 'application/json') {
        expect(() => JSON.parse(script.textContent!), file).not.toThrow();
      } else if (src !== null) {
        expect(src, file).toMatch(/^\/[\w/.-]+$/);
      } else {
        expect(templates.some((t) => t.includes(script.textContent!.trim())), `${file}: ${script.textContent}`).toBe(true);
      }
    }
  }
});

async function templateSources(): Promise<string[]> {
  const dir = join(import.meta.dirname, '..', '..', 'templates');
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.njk'));
  return Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')));
}

it('has no event-handler attribute and no javascript: URL in any attribute', () => {
  for (const { file, doc } of pages) {
    for (const element of doc.querySelectorAll('*')) {
      for (const { name, value } of element.attributes) {
        expect(name.startsWith('on'), `${file}: <${element.localName} ${name}>`).toBe(false);
        expect(/^\s*javascript:/i.test(value), `${file}: <${element.localName} ${name}="${value}">`).toBe(false);
      }
    }
  }
});

it('shows the text literally: headline, caption, Markdown, template syntax, entities', async () => {
  const article = pages.find((p) => p.file.endsWith(`${record.slug}/index.html`))!;
  const { doc } = article;
  // Printed with typographic quotes (src/site/typography.ts): still every
  // character of the text, `<`, `&` and `{{` included, and never markup.
  const headline = smartText(record.headline);
  expect(headline).toContain('<script>alert(“x”)</script>');
  expect(doc.querySelector('h1')!.textContent).toBe(headline);
  expect(doc.querySelector('title')!.textContent).toContain(headline);
  expect(doc.querySelector('.figure__caption')!.textContent).toBe(smartText(record.images[0]!.caption));
  const paragraphs = [...doc.querySelectorAll('.story__body p')].map((p) => p.textContent);
  expect(paragraphs).toEqual(record.body.map((b) => smartText(b.text)));
  expect(paragraphs.join('\n')).toContain('&amp; is not decoded');
  expect(record.headline).toContain('{{ 7*7 }}');
  expect(article.html).not.toContain('49');
  const description = doc.querySelector('meta[name=description]')!.getAttribute('content');
  expect(description).toBe(smartText(record.body[0]!.text));
});

it('escapes the headline in links and lists too', async () => {
  const home = pages.find((p) => p.file === 'index.html')!.doc;
  expect(home.querySelector('.lead__headline a')!.textContent).toBe(smartText(record.headline));
  const month = pages.find((p) => p.file.startsWith('archive/2025/'))!.doc;
  expect(month.querySelector('.archive-day a')!.textContent).toBe(smartText(record.headline));
});
