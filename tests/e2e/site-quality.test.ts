/**
 * The quality gates on the built site (issue: quality gates). One build of
 * the shipped content plus tests/fixtures-site/, one static server, one
 * Chromium, one JVM:
 * - every page: 0 Nu HTML checker errors, 0 broken internal links;
 * - one page of each type (and the articles that stress the layout) at 390
 *   and 1280 px, light and dark: 0 axe WCAG 2.1 A/AA violations, no console
 *   errors, no request leaving 127.0.0.1, no sideways scrolling, a screenshot
 *   in tests/screenshots/;
 * - every other page once at 390 px: no console errors, no outside
 *   requests, no failed requests, no sideways scrolling (axe runs per page
 *   type above: pages of one type share their template, and running it on
 *   every page would double the suite's time for no new rule);
 * - Lighthouse on the home page and an article: accessibility, best
 *   practices and SEO exactly 100, performance printed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Browser } from 'playwright-core';
import { buildFixtureSite, pageTypeOf, PROJECT_ROOT, siteBaseUrl, urlPathOf } from '../support/built-site.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';
import { horizontalOverflow, launchChromium, openView, saveScreenshot, type BrowserView, type ViewOptions } from '../support/browser.ts';
import { formatViolations, runAxe } from '../support/axe.ts';
import { checkHtmlFiles, formatNuMessage } from '../support/nu-checker.ts';
import { checkInternalLinks } from '../support/link-checker.ts';
import { formatLighthouseSummary, LIGHTHOUSE_CATEGORIES, runLighthouse } from '../support/lighthouse.ts';

const SCREENSHOTS = join(PROJECT_ROOT, 'tests/screenshots');
const VIEWS: readonly ViewOptions[] = [
  { width: 390, colorScheme: 'light' },
  { width: 390, colorScheme: 'dark' },
  { width: 1280, colorScheme: 'light' },
  { width: 1280, colorScheme: 'dark' },
];

// Built at collection time so that each page type is its own test below.
const site = await buildFixtureSite();
const pages = await Promise.all(
  site.htmlFiles.map(async (file) => ({ file, type: pageTypeOf(file), html: await readFile(join(site.siteDir, file), 'utf8') })),
);

/**
 * The article pages the fixture exists to stress, then one page of each type
 * not yet covered. Editor pages (`page`) share only the layout: each is its own.
 */
function chooseRepresentatives(): { name: string; file: string }[] {
  const chosen = new Map<string, string>();
  const articles = pages.filter(({ type }) => type.startsWith('article'));
  const find = (name: string, test: (document: Document, file: string) => boolean) => {
    const match = articles.find(({ html, file }) => test(parseHTML(html).document as unknown as Document, file));
    chosen.set(name, match?.file ?? `(no ${name} page was built)`);
  };
  find('article, two photos', (document) => document.querySelectorAll('main figure').length >= 2);
  find('article, Arabic', (document) => document.querySelector('[dir="rtl"] h1') !== null);
  find('article, long words and a URL', (_, file) => file.includes('rindfleisch'));
  const taken = new Set(chosen.values());
  for (const { file, type } of pages) {
    const name = type === 'page' ? `page ${urlPathOf(file)}` : type;
    if (!chosen.has(name) && !taken.has(file)) chosen.set(name, file);
  }
  return [...chosen].map(([name, file]) => ({ name, file }));
}

const representatives = chooseRepresentatives();
const totals = { pages: pages.length, nuErrors: 0, nuWarnings: 0, axeViolations: 0, brokenLinks: 0, browserLoads: 0, axeRuns: 0 };
const lighthouseLines: string[] = [];

afterAll(async () => {
  await site.remove();
  const summary = [
    `quality gates: ${totals.pages} pages (${new Set(pages.map((p) => p.type)).size} types) built from content/ + tests/fixtures-site/`,
    `  Nu HTML checker: ${totals.nuErrors} errors, ${totals.nuWarnings} warnings`,
    `  Chromium: ${totals.browserLoads} page loads; axe-core WCAG 2.1 A/AA: ${totals.axeViolations} violations in ${totals.axeRuns} runs (${representatives.length} pages x ${VIEWS.length} views)`,
    `  internal links: ${totals.brokenLinks} broken`,
    ...lighthouseLines.map((line) => `  Lighthouse ${line}`),
  ];
  process.stdout.write(`${summary.join('\n')}\n`);
});

it('builds the shipped content plus the fixture: at least 30 articles and every page type', () => {
  const count = (type: string) => pages.filter((page) => page.type === type).length;
  expect(count('article') + count('article, undated')).toBeGreaterThanOrEqual(30);
  expect(count('home, later page')).toBeGreaterThanOrEqual(1);
  for (const type of ['home', 'archive', '404']) expect(count(type), type).toBe(1);
  expect(representatives.filter(({ file }) => file.startsWith('(no ')).map(({ name }) => name)).toEqual([]);
});

it('has 0 Nu HTML checker errors on every page', async () => {
  const messages = await checkHtmlFiles(pages.map(({ file }) => join(site.siteDir, file)));
  const errors = messages.filter((m) => m.severity === 'error');
  totals.nuErrors = errors.length;
  totals.nuWarnings = messages.filter((m) => m.severity === 'warning').length;
  expect(errors.map((m) => formatNuMessage(m, site.siteDir))).toEqual([]);
}, 120_000);

it('has no broken internal href, src, srcset or fragment', async () => {
  const report = await checkInternalLinks(site.siteDir, { siteUrls: [await siteBaseUrl()] });
  totals.brokenLinks = report.broken.length;
  expect(report.pagesChecked).toBe(pages.length);
  expect(report.broken.map((b) => `${b.page}: ${b.from} ${b.url} (${b.reason})`)).toEqual([]);
});

describe('in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;
  let views: BrowserView[];
  beforeAll(async () => {
    server = await startStaticServer(site.siteDir);
    browser = await launchChromium();
    views = await Promise.all(VIEWS.map((view) => openView(browser, view)));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Loads a page in one view and returns every gate failure, one line each. */
  async function checkPage(
    file: string,
    { view, visit: load }: BrowserView,
    options: { axe: boolean; screenshot?: string },
  ): Promise<string[]> {
    const where = `${urlPathOf(file)} at ${view.width}px ${view.colorScheme}`;
    const visit = await load(server.url(urlPathOf(file)));
    totals.browserLoads += 1;
    try {
      const violations = options.axe ? await runAxe(visit.page) : [];
      totals.axeViolations += violations.length;
      if (options.axe) totals.axeRuns += 1;
      const overflow = await horizontalOverflow(visit.page);
      if (options.screenshot) await saveScreenshot(visit.page, SCREENSHOTS, options.screenshot, view);
      return [
        ...(visit.status === 200 ? [] : [`${where}: HTTP ${visit.status}`]),
        ...formatViolations(where, violations),
        ...visit.consoleErrors.map((error) => `${where}: console: ${error}`),
        ...visit.outsideRequests.map((url) => `${where}: request left 127.0.0.1: ${url}`),
        ...visit.failedRequests.map((failure) => `${where}: failed request: ${failure}`),
        ...(overflow > 0 ? [`${where}: ${overflow}px wider than the viewport`] : []),
      ];
    } finally {
      await visit.close();
    }
  }

  it.each(representatives)('$name ($file) passes at both widths in light and dark', async ({ name, file }) => {
    const failures: string[] = [];
    const screenshotName = name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();
    for (const view of views) {
      // Screenshots to look at: both widths in light, the phone in dark.
      const shoot = view.view.colorScheme === 'light' || view.view.width < 600;
      failures.push(...(await checkPage(file, view, { axe: true, screenshot: shoot ? screenshotName : undefined })));
    }
    expect(failures).toEqual([]);
    // Four loads and axe runs take seconds alone, more on a busy machine.
  }, 180_000);

  it('every other page loads cleanly at 390px', async () => {
    const others = pages.filter(({ file }) => !representatives.some((r) => r.file === file));
    const failures: string[] = [];
    const phone = views[0]!;
    for (const { file } of others) failures.push(...(await checkPage(file, phone, { axe: false })));
    expect(failures).toEqual([]);
  }, 300_000);

  it('answers an unknown path with the 404 page and status 404', async () => {
    const response = await fetch(server.url('/no/such/story/'));
    expect(response.status).toBe(404);
    expect(await response.text()).toBe(pages.find(({ type }) => type === '404')?.html);
  });
});

describe('Lighthouse', () => {
  const targets = [
    { name: 'home', file: 'index.html' },
    { name: 'article', file: representatives.find(({ name }) => name === 'article')?.file ?? '' },
  ];
  let server: StaticServer;
  beforeAll(async () => {
    server = await startStaticServer(site.siteDir);
  });
  afterAll(() => server?.close());

  it('scores 100 in accessibility, best practices and SEO on the home page and an article', async () => {
    const summaries = await runLighthouse(targets.map(({ file }) => server.url(urlPathOf(file))));
    const failures: string[] = [];
    summaries.forEach((summary, i) => {
      lighthouseLines.push(`${targets[i]?.name}: ${formatLighthouseSummary(summary).replace(server.origin, '')}`);
      for (const category of LIGHTHOUSE_CATEGORIES) {
        if (category === 'performance' || summary.scores[category] === 100) continue;
        failures.push(`${summary.url} ${category} ${summary.scores[category]}: ${summary.failedAudits[category].join('; ')}`);
      }
    });
    expect(failures).toEqual([]);
  }, 180_000);
});
