/**
 * The quality gates on the built sites: the English edition (the shipped
 * content plus tests/fixtures-site/) and the Arabic edition
 * (tests/fixtures-edition-ar/), one build each; one Chromium, one JVM, one
 * Lighthouse browser for both:
 * - every page: 0 Nu HTML checker errors, 0 broken internal links;
 * - one page of each type (and the articles that stress the layout) at 390
 *   and 1280 px, light and dark: 0 axe WCAG 2.1 A/AA violations, no console
 *   errors, no request leaving 127.0.0.1, no failed request, no sideways
 *   scrolling, screenshots in tests/screenshots/ (the Arabic edition's
 *   named `ar-…`);
 * - the front page's rows of cards, and an article's first paragraph on a
 *   phone, measured from element boxes;
 * - every other page once at 390 px: the same without axe (pages of one type
 *   share their template; axe on each would double the suite's time);
 * - Lighthouse on the home page and an article of each edition:
 *   accessibility, best practices and SEO exactly 100, performance printed;
 * - search: Pagefind's index of the article pages' search parts equals the
 *   index of the whole pages.
 * The same checker runs also get a deliberately broken page and a clean
 * control page (tests/e2e/fixtures/checkers/): each gate must name the
 * broken page's faults and pass the clean one, so a gate that cannot fail
 * cannot pass this suite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { parseHTML } from 'linkedom';
import { buildFixtureSite, chooseRepresentatives, PROJECT_ROOT, readSitePages, siteBaseUrl, urlPathOf, type BuiltSite, type Edition, type SitePage } from '../support/built-site.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';
import { launchChromium, openView, type BrowserView, type ViewOptions } from '../support/browser.ts';
import { runPageGates } from '../support/page-gates.ts';
import { checkHtmlFiles, formatNuMessage, type NuMessage } from '../support/nu-checker.ts';
import { checkInternalLinks } from '../support/link-checker.ts';
import { formatLighthouseSummary, LIGHTHOUSE_CATEGORIES, runLighthouse, type LighthouseSummary } from '../support/lighthouse.ts';
import { readTree } from '../support/tree.ts';
import * as pagefind from 'pagefind';
import { searchPart } from '../../src/discovery/search-part.js';

const SCREENSHOTS = join(PROJECT_ROOT, 'tests/screenshots');
const CANARY = fileURLToPath(new URL('./fixtures/checkers', import.meta.url));
const VIEWS: readonly ViewOptions[] = [
  { width: 390, colorScheme: 'light' },
  { width: 390, colorScheme: 'dark' },
  { width: 1280, colorScheme: 'light' },
  { width: 1280, colorScheme: 'dark' },
];

interface EditionUnderTest {
  edition: Edition;
  site: BuiltSite;
  pages: SitePage[];
  representatives: { name: string; file: string }[];
  server: StaticServer;
  totals: { nuErrors: number; nuWarnings: number; axeViolations: number; axeRuns: number; brokenLinks: number; browserLoads: number };
  lighthouseLines: string[];
  /** What the layout checks measured, for the summary. */
  layoutLines: string[];
}

// Built at collection time so that each page type is its own test below.
const editions: EditionUnderTest[] = [];
for (const edition of ['en', 'ar'] as const) {
  const site = await buildFixtureSite(edition);
  const pages = await readSitePages(site);
  editions.push({
    edition, site, pages, representatives: chooseRepresentatives(pages), server: undefined as unknown as StaticServer,
    totals: { nuErrors: 0, nuWarnings: 0, axeViolations: 0, axeRuns: 0, brokenLinks: 0, browserLoads: 0 }, lighthouseLines: [], layoutLines: [],
  });
}
const [english] = editions as [EditionUnderTest, EditionUnderTest];

let canaryServer: StaticServer;
beforeAll(async () => {
  canaryServer = await startStaticServer(CANARY);
  for (const e of editions) e.server = await startStaticServer(e.site.siteDir);
});

afterAll(async () => {
  await Promise.all([canaryServer?.close(), ...editions.flatMap((e) => [e.server?.close(), e.site.remove()])]);
  for (const { edition, pages, totals, representatives, lighthouseLines, layoutLines } of editions) {
    const summary = [
      `quality gates, ${edition} edition: ${pages.length} pages (${new Set(pages.map((p) => p.type)).size} types) built from ${edition === 'en' ? 'content/ + tests/fixtures-site/' : 'tests/fixtures-edition-ar/'}`,
      `  Nu HTML checker: ${totals.nuErrors} errors, ${totals.nuWarnings} warnings`,
      `  Chromium: ${totals.browserLoads} page loads; axe-core WCAG 2.1 A/AA: ${totals.axeViolations} violations in ${totals.axeRuns} runs (${representatives.length} pages x ${VIEWS.length} views)`,
      `  internal links: ${totals.brokenLinks} broken`,
      ...layoutLines.map((line) => `  layout: ${line}`),
      ...lighthouseLines.map((line) => `  Lighthouse ${line}`),
    ];
    process.stdout.write(`${summary.join('\n')}\n`);
  }
});

it('builds the shipped content plus the fixture: at least 30 articles and every page type', () => {
  const { pages, representatives } = english;
  const count = (type: string) => pages.filter((page) => page.type === type).length;
  expect(count('article') + count('article, undated')).toBeGreaterThanOrEqual(30);
  expect(count('home, later page')).toBeGreaterThanOrEqual(1);
  for (const type of ['home', 'archive', '404']) expect(count(type), type).toBe(1);
  expect(representatives.filter(({ file }) => file.startsWith('(no ')).map(({ name }) => name)).toEqual([]);
});

it('builds the Arabic edition: articles, a topic, an editor page, and the stress pages', () => {
  const { pages, representatives } = editions[1]!;
  for (const type of ['home', 'article', 'topic', 'page', 'archive, month', 'search', '404']) expect(pages.some((p) => p.type === type), type).toBe(true);
  const missing = representatives.filter(({ file }) => file.startsWith('(no ')).map(({ name }) => name);
  // The edition has no undated story, no later home page and no long-word stress page.
  expect(missing.filter((name) => !/long words|undated|later page/.test(name))).toEqual([]);
});

// Search is given only each article page's search part (src/discovery/search-part.js):
// for these templates that must be the index the whole pages give, byte for byte.
it.each(editions)('$edition edition: Pagefind indexes the article pages\' search parts as it indexes the whole pages', async ({ site, pages }) => {
  const articles = pages.filter((p) => p.type.startsWith('article'));
  expect(articles.length).toBeGreaterThan(5);
  const index = async (folder: string, content: (html: string) => string) => {
    const { index: pagefindIndex, errors } = await pagefind.createIndex({});
    if (!pagefindIndex) throw new Error(errors.join('; '));
    for (const { file, html } of articles) {
      const added = await pagefindIndex.addHTMLFile({ sourcePath: file, content: content(html) });
      expect(added.errors).toEqual([]);
    }
    const outputPath = join(site.root, folder);
    expect((await pagefindIndex.writeFiles({ outputPath })).errors).toEqual([]);
    await pagefindIndex.deleteIndex();
    return readTree(outputPath);
  };
  try {
    // Each page is cut down, none given whole.
    expect(articles.filter(({ html }) => searchPart(html) === html).map(({ file }) => file)).toEqual([]);
    expect(await index('search-parts', searchPart)).toEqual(await index('search-whole', (html) => html));
  } finally {
    await pagefind.close();
  }
}, 60_000);

describe('Nu HTML checker (one JVM for the site and the control pages)', () => {
  let messages: NuMessage[];
  beforeAll(async () => {
    const canaryFiles = ['good.html', 'broken.html'].map((name) => join(CANARY, name));
    messages = await checkHtmlFiles([...editions.flatMap(({ site, pages }) => pages.map(({ file }) => join(site.siteDir, file))), ...canaryFiles]);
  }, 180_000);
  const errorsIn = (dir: string) => messages.filter((m) => m.severity === 'error' && m.file.startsWith(`${dir}/`));

  it.each(editions)('has 0 errors on every page of the $edition edition', ({ site, totals }) => {
    const errors = errorsIn(site.siteDir);
    totals.nuErrors = errors.length;
    totals.nuWarnings = messages.filter((m) => m.severity === 'warning' && m.file.startsWith(site.siteDir)).length;
    expect(errors.map((m) => formatNuMessage(m, site.siteDir))).toEqual([]);
  });

  it('names every fault of the broken page, with its line, and none of the clean page', () => {
    const lines = errorsIn(CANARY).map((m) => formatNuMessage(m, CANARY));
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^broken\.html:14:\d+: error: Stray end tag “span”/),
        expect.stringMatching(/^broken\.html:15:\d+: error: Duplicate ID “twice”/),
        expect.stringMatching(/^broken\.html:16:\d+: error: Element “div” not allowed as child of element “ul”/),
        expect.stringMatching(/^broken\.html:17:\d+: error: An “img” element must have an “alt” attribute/),
      ]),
    );
    expect(lines.filter((line) => line.startsWith('good.html'))).toEqual([]);
  });
});

it.each(editions)('$edition edition: no broken internal href, src, srcset or fragment', async ({ edition, site, pages, totals }) => {
  const contentDir = edition === 'en' ? undefined : join(PROJECT_ROOT, 'tests/fixtures-edition-ar');
  const report = await checkInternalLinks(site.siteDir, { siteUrls: [await siteBaseUrl(contentDir)] });
  totals.brokenLinks = report.broken.length;
  expect(report.pagesChecked).toBe(pages.length);
  expect(report.broken.map((b) => `${b.page}: ${b.from} ${b.url} (${b.reason})`)).toEqual([]);
});

describe('in Chromium', () => {
  let browser: Browser;
  let views: BrowserView[];
  beforeAll(async () => {
    browser = await launchChromium();
    views = await Promise.all(VIEWS.map((view) => openView(browser, view)));
  });
  afterAll(() => browser?.close());

  async function gates(e: EditionUnderTest, view: BrowserView, file: string, options: Parameters<typeof runPageGates>[2]): Promise<string[]> {
    const { server, totals } = e;
    const result = await runPageGates(view, server.url(urlPathOf(file)), options);
    totals.browserLoads += 1;
    totals.axeRuns += options.axe ? 1 : 0;
    totals.axeViolations += result.axeViolations;
    return result.failures;
  }

  const cases = editions.flatMap((e) => e.representatives.filter(({ file }) => !file.startsWith('(no ') || e.edition === 'en').map((r) => ({ ...r, e, edition: e.edition })));
  it.each(cases)('$edition edition: $name ($file) passes at both widths in light and dark', async ({ name, file, e }) => {
    const failures: string[] = [];
    const screenshotName = `${e.edition === 'en' ? '' : `${e.edition}-`}${name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase()}`;
    for (const view of views) {
      // Screenshots to look at: every width and scheme.
      failures.push(...(await gates(e, view, file, { axe: true, screenshot: { dir: SCREENSHOTS, name: screenshotName } })));
    }
    expect(failures).toEqual([]);
    // Four loads and axe runs take seconds alone, more on a busy machine.
  }, 180_000);

  it.each(editions)('$edition edition: every other page loads cleanly at 390px', async (e) => {
    const others = e.pages.filter(({ file }) => !e.representatives.some((r) => r.file === file));
    const failures: string[] = [];
    for (const { file } of others) failures.push(...(await gates(e, views[0]!, file, { axe: false })));
    expect(failures).toEqual([]);
  }, 300_000);

  it.each(editions)('$edition edition: front page at 1280px: no row of cards is more than a third empty, and the lead sits beside the top stories', async ({ server, layoutLines }) => {
    const [, , wideLight] = views as [BrowserView, BrowserView, BrowserView];
    const visit = await wideLight.visit(server.url('/'));
    try {
      // Measured from element boxes: each row of a section's cards, against the row's width.
      const rows = await visit.page.evaluate(() =>
        [...document.querySelectorAll('.stories__row')].flatMap((row, index) => {
          const width = row.getBoundingClientRect().width;
          const cards = [...row.children].map((card) => card.getBoundingClientRect());
          const lines = new Map<number, number>();
          for (const box of cards) lines.set(Math.round(box.top), (lines.get(Math.round(box.top)) ?? 0) + box.width);
          return [...lines.values()].map((used) => ({ index, empty: 1 - used / width }));
        }),
      );
      layoutLines.push(`front page at 1280px: ${rows.length} rows of cards, the emptiest ${Math.round(Math.max(...rows.map((r) => r.empty)) * 100)}% empty`);
      expect(rows.length).toBeGreaterThanOrEqual(2);
      expect(rows.filter((row) => row.empty > 1 / 3)).toEqual([]);
      const [lead, top] = await visit.page.evaluate(() => ['.lead', '.top-stories'].map((s) => document.querySelector(s)!.getBoundingClientRect().toJSON() as DOMRect));
      expect(Math.abs(lead!.top - top!.top)).toBeLessThan(40);
      expect(lead!.width + top!.width).toBeGreaterThan(0.85 * 1280 - 2 * 32);
    } finally {
      await visit.close();
    }
  });

  it.each(editions)('$edition edition: at 390px the opening paragraph of an article with two captions and no photo starts in the first 900px', async ({ representatives, server, layoutLines }) => {
    const file = representatives.find(({ name }) => name === 'article, two captions without photos')!.file;
    const visit = await views[0]!.visit(server.url(urlPathOf(file)));
    try {
      const top = await visit.page.evaluate(() => document.querySelector('.story__body p')!.getBoundingClientRect().top + window.scrollY);
      layoutLines.push(`two-caption article at 390px: first paragraph at ${Math.round(top)} px`);
      expect(top).toBeLessThan(900);
    } finally {
      await visit.close();
    }
  });

  describe('search', () => {
    /** A word of an article's third paragraph that few other articles have, and the article. */
    function pickWord(e: EditionUnderTest, avoid: string | null) {
      const articles = e.pages.filter((p) => p.type === 'article').map((p) => ({ ...p, doc: parseHTML(p.html).document as unknown as Document }));
      const bodies = articles.map((a) => a.doc.querySelector('.story__body')!.textContent!.toLowerCase());
      for (const article of articles) {
        if (article.file === avoid) continue;
        const third = article.doc.querySelectorAll('.story__body p')[2]?.textContent ?? '';
        const words = [...new Set(third.match(/\p{L}{6,}/gu) ?? [])];
        const rare = words.find((w) => bodies.filter((b) => b.includes(w.toLowerCase())).length === 1);
        if (rare) return { word: rare, article, headline: article.doc.querySelector('h1')!.textContent!, credits: [...article.doc.querySelectorAll('.figure__credit')].map((c) => c.textContent!) };
      }
      throw new Error('no article has a word of its own in its third paragraph');
    }
    const resultsOf = (page: import('playwright-core').Page) =>
      page.evaluate(() => [...document.querySelectorAll('.search-result')].map((li) => ({
        href: li.querySelector('a')!.getAttribute('href'),
        excerpt: li.querySelector('.search-result__excerpt')!.textContent!,
        marks: li.querySelectorAll('.search-result__excerpt mark').length,
        date: li.querySelector('time')?.textContent ?? null,
        topics: li.querySelector('bdi')?.textContent ?? '',
        direction: getComputedStyle(li).direction,
      })));
    const waitForStatus = (page: import('playwright-core').Page, text: string) =>
      page.waitForFunction((t) => document.getElementById('search-status')!.textContent!.includes(t), text, { timeout: 15_000 });

    it('finds an article by a word of its third paragraph, with a body excerpt, its date and ?q= in the address; Back returns to the first query; the topic filter narrows', async () => {
      const first = pickWord(english, null);
      const second = pickWord(english, first.article.file);
      const visit = await views[2]!.visit(english.server.url('/search/'));
      const { page } = visit;
      try {
        await page.fill('#search-q', first.word);
        await waitForStatus(page, first.word);
        expect(new URL(page.url()).searchParams.get('q')).toBe(first.word);
        const results = await resultsOf(page);
        const hit = results.find((r) => r.href === urlPathOf(first.article.file));
        expect(hit, `${first.word} finds ${first.article.file}`).toBeDefined();
        expect(hit!.excerpt.startsWith(first.headline)).toBe(false);
        for (const credit of first.credits) expect(hit!.excerpt).not.toContain(credit);
        expect(hit!.marks).toBeGreaterThan(0);
        expect(hit!.date).toMatch(/\d{4}/);

        await page.fill('#search-q', second.word);
        await waitForStatus(page, second.word);
        expect(new URL(page.url()).searchParams.get('q')).toBe(second.word);
        await page.goBack();
        await waitForStatus(page, first.word);
        expect(await page.inputValue('#search-q')).toBe(first.word);
        expect((await resultsOf(page)).some((r) => r.href === urlPathOf(first.article.file))).toBe(true);

        // A common word, then one topic: fewer results, each filed under it.
        await page.fill('#search-q', 'said');
        await waitForStatus(page, 'said');
        const all = Number((await page.textContent('#search-status'))!.match(/\d+/)![0]);
        const option = await page.evaluate(() => [...document.querySelectorAll<HTMLOptionElement>('#search-topic option')].find((o) => o.value)?.value ?? '');
        expect(option).not.toBe('');
        await page.selectOption('#search-topic', option);
        await page.waitForFunction((t) => new URL(location.href).searchParams.get('topic') === t, option);
        await page.waitForFunction((n) => Number(document.getElementById('search-status')!.textContent!.match(/\d+/)?.[0] ?? n) < n, all, { timeout: 15_000 });
        const narrowed = await resultsOf(page);
        expect(narrowed.length).toBeGreaterThan(0);
        for (const r of narrowed) expect(r.topics.split(', ')).toContain(option);
        // Newest first: the dates of the results never go up.
        await page.selectOption('#search-sort', 'date');
        await page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === 'date');
        await page.waitForFunction(() => {
          const dates = [...document.querySelectorAll('.search-result time')].map((t) => t.getAttribute('datetime') ?? '');
          return dates.length > 1 && dates.every((d, i) => i === 0 || d <= dates[i - 1]!);
        }, undefined, { timeout: 15_000 });
        expect(visit.consoleErrors).toEqual([]);
      } finally {
        await visit.close();
      }
    }, 60_000);

    it('sets right-to-left results right to left, on the Arabic edition', async () => {
      const arabic = editions[1]!;
      const { word, article } = pickWord(arabic, null);
      const visit = await views[0]!.visit(arabic.server.url(`/search/?q=${encodeURIComponent(word)}`));
      try {
        await waitForStatus(visit.page, word);
        const hit = (await resultsOf(visit.page)).find((r) => r.href === urlPathOf(article.file));
        expect(hit?.direction).toBe('rtl');
        expect(visit.consoleErrors).toEqual([]);
      } finally {
        await visit.close();
      }
    }, 60_000);

    it('has a search box on the 404 page that leads to the search page', async () => {
      const visit = await views[0]!.visit(english.server.url('/404.html'));
      try {
        await visit.page.fill('#not-found-q', 'Tehran');
        await Promise.all([visit.page.waitForURL(/\/search\/\?q=Tehran$/), visit.page.press('#not-found-q', 'Enter')]);
        await waitForStatus(visit.page, 'Tehran');
      } finally {
        await visit.close();
      }
    }, 60_000);
  });

  it('answers an unknown path with the 404 page and status 404', async () => {
    const response = await fetch(english.server.url('/no/such/story/'));
    expect(response.status).toBe(404);
    expect(await response.text()).toBe(english.pages.find(({ type }) => type === '404')?.html);
  });

  it('fails the broken page: outside request, console error, failed request, contrast, label, overflow', async () => {
    const [phoneLight, phoneDark, wideLight] = views as [BrowserView, BrowserView, BrowserView];
    const url = canaryServer.url('/broken.html');
    const light = (await runPageGates(phoneLight, url, { axe: true })).failures.join('\n');
    expect(light).toMatch(/at 390px light: request left 127\.0\.0\.1: https:\/\/example\.com\/tracker\.png/);
    expect(light).toMatch(/console: deliberate console error/);
    expect(light).toMatch(/failed request: .*\/missing-photo\.jpg: HTTP 404/);
    expect(light).toMatch(/: label \(critical\) input/);
    expect(light).toMatch(/: color-contrast \(serious\) \.faint/);
    expect(light).toMatch(/\d+px wider than the viewport/);
    expect(light).not.toMatch(/\.dark-only/);
    // Dark grey on near-black fails only in the dark scheme; nothing overflows at 1280.
    expect((await runPageGates(phoneDark, url, { axe: true })).failures.join('\n')).toMatch(/color-contrast \(serious\) \.dark-only/);
    expect((await runPageGates(wideLight, url, { axe: false })).failures.join('\n')).not.toMatch(/wider than the viewport/);
  });

  it('passes the clean control page in every view', async () => {
    for (const view of views) {
      expect((await runPageGates(view, canaryServer.url('/good.html'), { axe: true })).failures).toEqual([]);
    }
  });
});

describe('Lighthouse', () => {
  const targets = editions.flatMap((e) => [
    { e, name: `${e.edition} home`, file: 'index.html' },
    { e, name: `${e.edition} article`, file: e.representatives.find(({ name }) => name === 'article')?.file ?? '' },
  ]);
  let summaries: LighthouseSummary[];
  let broken: LighthouseSummary;
  beforeAll(async () => {
    const urls = [...targets.map(({ e, file }) => e.server.url(urlPathOf(file))), canaryServer.url('/broken.html')];
    const results = await runLighthouse(urls);
    summaries = results.slice(0, targets.length);
    broken = results[targets.length]!;
    summaries.forEach((summary, i) => {
      const target = targets[i]!;
      target.e.lighthouseLines.push(`${target.name}: ${formatLighthouseSummary(summary).replace(target.e.server.origin, '')}`);
    });
  }, 240_000);

  it('scores 100 in accessibility, best practices and SEO on the home page and an article of each edition', () => {
    const failures = summaries.flatMap((summary) =>
      LIGHTHOUSE_CATEGORIES.filter((category) => category !== 'performance' && summary.scores[category] !== 100).map(
        (category) => `${summary.url} ${category} ${summary.scores[category]}: ${summary.failedAudits[category].join('; ')}`,
      ),
    );
    expect(failures).toEqual([]);
    for (const summary of summaries) expect(summary.scores.performance).toBeGreaterThan(0);
  });

  it('scores the broken page below 100 in the same categories, naming the audits', () => {
    expect(broken.failedAudits.accessibility).toEqual(
      expect.arrayContaining([expect.stringMatching(/^color-contrast:/), expect.stringMatching(/^label:/)]),
    );
    expect(broken.failedAudits['best-practices']).toEqual(expect.arrayContaining([expect.stringMatching(/^errors-in-console:/)]));
    expect(broken.failedAudits.seo).toEqual(expect.arrayContaining([expect.stringMatching(/^meta-description:/)]));
    expect([broken.scores.accessibility, broken.scores['best-practices'], broken.scores.seo].every((score) => score < 100)).toBe(true);
  });
});
