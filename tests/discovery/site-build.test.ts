/**
 * The discovery outputs of one real `broadsheet build` (seed feed plus a
 * headline that tries to close a script element), checked through real
 * parsers: @rowanmanning/feed-parser for Atom and RSS, linkedom for HTML,
 * and Chromium for search.
 */
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { parseHTML } from 'linkedom';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/build.ts';
import { writeSearchIndex } from '../../src/discovery/search-index.ts';
import { bundleWords } from '../../src/discovery/search-vocabulary.ts';
import { loadSite } from '../../src/site/load-site.ts';
import type { SiteArticle, SiteData } from '../../src/types.ts';
import { launchChromium } from '../support/browser.ts';
import { makeContentFolder } from '../support/content-folder.ts';
import { startStaticServer } from '../support/static-server.ts';

const BASE = 'https://broadsheet.example';
const XSS = '</script><script>alert(1)</script>';

let root: string;
let output: string;
let site: SiteData;

beforeAll(async () => {
  let content: string;
  ({ root, content } = await makeContentFolder({
    prefix: 'broadsheet-discovery-',
    feedFolders: [join(import.meta.dirname, 'fixtures', 'feeds')],
  }));
  output = join(root, 'site');
  expect(await runBuild(['--content', content, '--output', output])).toBe(0);
  // The same content modelled again: the expectations come from the site
  // model, not from the outputs under test.
  site = (await loadSite({ contentDir: content, outputDir: join(root, 'model') })).site;
});

afterAll(() => rm(root, { recursive: true, force: true }));

const read = (path: string) => readFile(join(output, path), 'utf8');
const html = async (url: string) => parseHTML(await read(join(url, 'index.html'))).document;
const instant = (a: SiteArticle) => DateTime.fromISO(a.published as string, { zone: a.timeZone }).toMillis();
const dated = () => site.articles.filter((a) => a.published).sort((a, b) => instant(b) - instant(a));
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1] as string);

/** The output file a site URL is served from. */
async function servedFile(url: string): Promise<string | null> {
  const path = decodeURIComponent(new URL(url).pathname);
  for (const file of [join(output, path), join(output, path, 'index.html')]) {
    if ((await stat(file).catch(() => null))?.isFile()) return file;
  }
  return null;
}

describe('feeds', () => {
  it.each(['feed.xml', 'rss.xml'])('%s parses back to the articles: count, titles and dates', async (file) => {
    const feed = parseFeed(await read(file));
    const expected = dated().slice(0, 50);
    expect(feed.items).toHaveLength(expected.length);
    expect(feed.items.map((i) => i.title)).toEqual(expected.map((a) => a.headline));
    expect(feed.items.map((i) => i.published?.getTime())).toEqual(expected.map(instant));
    expect(feed.items.map((i) => i.url)).toEqual(expected.map((a) => BASE + a.url));
  });

  it('JSON Feed 1.1 has its required fields and the same items', async () => {
    const feed = JSON.parse(await read('feed.json'));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(typeof feed.title).toBe('string');
    expect(feed.feed_url).toBe(`${BASE}/feed.json`);
    const expected = dated();
    expect(feed.items).toHaveLength(expected.length);
    for (const [i, item] of feed.items.entries()) {
      expect(typeof item.id).toBe('string');
      expect(typeof item.content_html === 'string' || typeof item.content_text === 'string').toBe(true);
      expect(item.title).toBe(expected[i]?.headline);
      expect(Date.parse(item.date_published)).toBe(instant(expected[i] as SiteArticle));
    }
  });

  it('every page links its feeds', async () => {
    for (const url of ['/', site.articles[0]?.url as string, '/topics/', '/search/']) {
      const types = [...(await html(url)).querySelectorAll('link[rel="alternate"]')].map((l) => l.getAttribute('type'));
      expect(types, url).toEqual(['application/atom+xml', 'application/rss+xml', 'application/feed+json']);
    }
  });
});

describe('article pages', () => {
  it('carry one NewsArticle JSON-LD block with the required fields', async () => {
    for (const article of site.articles) {
      const document = await html(article.url);
      const blocks = document.querySelectorAll('script[type="application/ld+json"]');
      expect(blocks.length, article.url).toBe(1);
      const ld = JSON.parse(blocks[0]?.textContent ?? '');
      expect(ld).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: article.headline,
        inLanguage: article.lang ?? site.settings.language,
        mainEntityOfPage: { '@id': BASE + article.url },
        publisher: { name: site.settings.title, logo: { url: `${BASE}/favicon.svg` } },
      });
      expect(ld.author[0].name).toBeTruthy();
      expect(ld.datePublished).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:Z|[+-]\d\d:\d\d)$/);
      expect(Date.parse(ld.datePublished)).toBe(instant(article));
      expect(ld.dateModified).toBeTruthy();
    }
  });

  it('a headline with </script> leaves exactly one script element, holding the headline as text', async () => {
    const article = site.articles.find((a) => a.headline.includes(XSS)) as SiteArticle;
    expect(article).toBeDefined();
    const document = await html(article.url);
    const scripts = document.querySelectorAll('script');
    expect(scripts.length).toBe(1);
    expect(JSON.parse(scripts[0]?.textContent ?? '').headline).toBe(article.headline);
  });

  it('have a title, description, canonical URL, Open Graph and Twitter tags', async () => {
    for (const article of site.articles) {
      const document = await html(article.url);
      const meta = (attr: string, name: string) => document.querySelector(`meta[${attr}="${name}"]`)?.getAttribute('content');
      expect(document.title).toContain(article.headline);
      expect(meta('name', 'description')).toBeTruthy();
      expect(document.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(BASE + article.url);
      expect(meta('property', 'og:type')).toBe('article');
      expect(meta('property', 'og:title')).toBe(article.headline);
      expect(Date.parse(meta('property', 'article:published_time') ?? '')).toBe(instant(article));
      expect(meta('name', 'twitter:card')).toMatch(/^summary/);
    }
    expect((await html('/')).querySelector('meta[property="og:type"]')?.getAttribute('content')).toBe('website');
  });

  it('show their topics and related articles', async () => {
    for (const article of site.articles) {
      const document = await html(article.url);
      expect(document.querySelectorAll('.story__topics a[href^="/topics/"]').length, article.url).toBeGreaterThan(0);
      const related = [...document.querySelectorAll('.related a')].map((a) => a.getAttribute('href'));
      expect(related.length, article.url).toBeGreaterThan(0);
      expect(related).not.toContain(article.url);
    }
  });
});

describe('topics', () => {
  const urlOf = (word: string) => site.articles.find((a) => a.headline.includes(word))?.url;

  it.each([
    ['ukraine', ['26 Nations', 'Russia: Man']],
    ['russia', ['26 Nations', 'Russia: Man']],
    ['china', ['26 Nations', 'Factory Explosion']],
    ['iran', ['Tehran Leak', 'Iran Warns']],
  ])('/topics/%s/ lists the right articles', async (slug, words) => {
    const document = await html(`/topics/${slug}/`);
    const listed = [...document.querySelectorAll('.card__headline a')].map((a) => a.getAttribute('href')).sort();
    expect(listed).toEqual(words.map(urlOf).sort());
  });

  it('the home page shows every story once: lead, top stories, topic sections linked to their pages, more stories', async () => {
    const document = await html('/');
    const headings = [...document.querySelectorAll('section.stories--topic h2 a')].map((a) => a.getAttribute('href'));
    for (const href of headings) expect(href).toMatch(/^\/topics\/[^/]+\/$/);
    const cards = [...document.querySelectorAll('.top-stories .card, section.stories .card')].map((c) => c.querySelector('a')!.getAttribute('href'));
    expect(cards).toHaveLength(site.articles.length - 1);
    expect(new Set(cards).size).toBe(cards.length);
  });
});

describe('sitemaps and robots.txt', () => {
  it('every <loc> in both sitemaps is absolute and served from the output', async () => {
    for (const file of ['sitemap.xml', 'news-sitemap.xml']) {
      const all = locs(await read(file));
      expect(all.length, file).toBeGreaterThan(0);
      for (const loc of all) {
        expect(loc.startsWith(`${BASE}/`), loc).toBe(true);
        expect(await servedFile(loc), loc).not.toBeNull();
      }
    }
  });

  it('sitemap.xml lists every HTML page the build wrote, with lastmod on articles', async () => {
    const listed = new Set(locs(await read('sitemap.xml')));
    const pages = (await readdir(output, { recursive: true }))
      .filter((f) => f.endsWith('index.html'))
      .map((f) => `${BASE}/${f.replace(/index\.html$/, '')}`);
    expect([...listed].sort()).toEqual(pages.sort());
    const xml = await read('sitemap.xml');
    for (const article of site.articles) expect(xml).toContain(`<loc>${BASE}${article.url}</loc><lastmod>`);
  });

  it('the news sitemap holds exactly the articles within two days of the newest', async () => {
    const newest = instant(dated()[0] as SiteArticle);
    const window = dated().filter((a) => instant(a) >= newest - 2 * 86_400_000);
    expect(window.length).toBeLessThan(site.articles.length);
    const xml = await read('news-sitemap.xml');
    expect(locs(xml).sort()).toEqual(window.map((a) => BASE + a.url).sort());
    expect(xml).toContain(`<news:name>${site.settings.title}</news:name>`);
    expect(xml).toMatch(/<news:publication_date>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:Z|[+-]\d\d:\d\d)<\/news:publication_date>/);
  });

  it('robots.txt points at both sitemaps', async () => {
    const robots = await read('robots.txt');
    expect(robots).toContain(`Sitemap: ${BASE}/sitemap.xml`);
    expect(robots).toContain(`Sitemap: ${BASE}/news-sitemap.xml`);
  });
});

describe('search', () => {
  it('the page has a no-JavaScript fallback and the index is built', async () => {
    const document = await html('/search/');
    expect(document.querySelector('noscript')?.textContent).toContain('JavaScript');
    const entry = JSON.parse(await read('pagefind/pagefind-entry.json'));
    expect(entry.languages.en.page_count).toBe(site.articles.length);
  });

  it('indexing the same site again writes the same bytes', async () => {
    const before = await snapshotIndex();
    await writeSearchIndex(output);
    expect(await snapshotIndex()).toEqual(before);
  });

  it('in Chromium, a word from an article finds that article first', async () => {
    await expectSearchRanksInChromium();
  });

  // The harshest split: every article in a bundle of its own, merged by the
  // search page. A bundle without the word would answer with near-matches
  // (Pagefind's prefix fallback, e.g. "war" for "warns"); the vocabulary
  // index keeps the search to the bundles that have it, so the results are
  // those of one index.
  it('split into one bundle per article, the merged bundles find what one index finds, rank the article first, and again give the same bytes', async () => {
    const vocabulary = { words: bundleWords(site.articles), language: site.settings.language };
    const result = await writeSearchIndex(output, { pagesPerBundle: 1, vocabulary });
    expect(result).toMatchObject({ pages: site.articles.length, bundles: site.articles.length, indexed: site.articles.length });
    const bundles = JSON.parse(await read('pagefind/bundles.json'));
    // Named by month or day of publication (part-2026-02, part-2026-02-08, part-2026-02-08-2 for a day split evenly), or undated.
    expect(bundles.merge).toEqual(result.plan.slice(1).map((b) => `${b.dir.slice('pagefind/'.length)}/`));
    expect(bundles.merge.filter((dir: string) => !/^part-(?:\d{4}-\d{2}(?:-\d{2})?(?:-\d+)?|undated(?:-\d+-of-\d+)?)\/$/.test(dir))).toEqual([]);
    const counts = await Promise.all(['', ...bundles.merge].map(async (dir) => JSON.parse(await read(`pagefind/${dir}pagefind-entry.json`)).languages.en.page_count));
    expect(counts).toEqual(site.articles.map(() => 1));
    const before = await snapshotIndex();
    await writeSearchIndex(output, { pagesPerBundle: 1, vocabulary });
    expect(await snapshotIndex()).toEqual(before);
    // Indexed three bundles at a time, each by a Pagefind process of its own: the same bytes.
    const progress: number[] = [];
    await writeSearchIndex(output, { pagesPerBundle: 1, jobs: 3, vocabulary, onBundle: (done) => progress.push(done) });
    expect(await snapshotIndex()).toEqual(before);
    expect(progress).toEqual(Array.from({ length: site.articles.length + 1 }, (_, i) => i));
    // The vocabulary: one record per bundle, each result id naming its bundle.
    expect(bundles.vocabulary.path).toBe('vocabulary/');
    expect(Object.values(bundles.vocabulary.bundles as Record<string, string[]>).flat().sort()).toEqual(['/', ...bundles.merge].sort());
    await expectSearchRanksInChromium();
  });
});

/** Every file under `pagefind/` with its bytes, in path order. */
async function snapshotIndex() {
  const files = (await readdir(join(output, 'pagefind'), { recursive: true })).sort();
  return Promise.all(files.map(async (f) => [f, (await stat(join(output, 'pagefind', f))).isFile() ? await readFile(join(output, 'pagefind', f)) : null]));
}

/**
 * Searches /search/ in Chromium: a rare word finds its article first, and
 * a headline word ranks its article above one with the word in its body,
 * and both are found (with `exactResults`, nothing else is). No request of
 * the page may fail.
 */
async function expectSearchRanksInChromium({ exactResults = true } = {}): Promise<void> {
  const target = site.articles.find((a) => a.headline.includes('Tehran Leak')) as SiteArticle;
  const server = await startStaticServer(output);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(request.url()));
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(server.url('/search/'));
    await page.locator('#search-q').fill('zephyrite');
    const first = page.locator('.search-result__title a').first();
    await first.waitFor({ timeout: 15_000 });
    expect(new URL((await first.getAttribute('href')) as string, server.origin).pathname).toBe(target.url);
    // Headlines weigh more than bodies: "warns" is in one headline once and
    // three times in another article's short body; the headline wins.
    await page.goto(server.url('/search/?q=warns'));
    const top = page.locator('.search-result__title a').first();
    await top.waitFor({ timeout: 15_000 });
    const withWord = [site.articles.find((a) => a.headline.startsWith('Iran Warns'))?.url, target.url];
    expect(new URL((await top.getAttribute('href')) as string, server.origin).pathname).toBe(withWord[0]);
    if (exactResults) expect(await page.locator('.search-result__title a').count()).toBe(2);
    // Every listed result has loaded its link (at most one page of five here).
    await page.waitForFunction(() => document.querySelectorAll('.search-result').length === document.querySelectorAll('.search-result__title a').length);
    const found = (await page.locator('.search-result__title a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))))
      .map((href) => new URL(href as string, server.origin).pathname);
    expect(found).toEqual(expect.arrayContaining(withWord));
    expect(failed).toEqual([]);
  } finally {
    await browser.close();
    await server.close();
  }
}
