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
 *   accessibility, best practices and SEO exactly 100, performance printed.
 * The same checker runs also get a deliberately broken page and a clean
 * control page (tests/e2e/fixtures/checkers/): each gate must name the
 * broken page's faults and pass the clean one, so a gate that cannot fail
 * cannot pass this suite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { buildFixtureSite, chooseRepresentatives, PROJECT_ROOT, readSitePages, siteBaseUrl, urlPathOf, type BuiltSite, type Edition, type SitePage } from '../support/built-site.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';
import { launchChromium, openView, type BrowserView, type ViewOptions } from '../support/browser.ts';
import { runPageGates } from '../support/page-gates.ts';
import { checkHtmlFiles, formatNuMessage, type NuMessage } from '../support/nu-checker.ts';
import { checkInternalLinks } from '../support/link-checker.ts';
import { formatLighthouseSummary, LIGHTHOUSE_CATEGORIES, runLighthouse, type LighthouseSummary } from '../support/lighthouse.ts';

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
