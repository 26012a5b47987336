/**
 * The quality gates on the built site. One build of the shipped content plus
 * tests/fixtures-site/, one Chromium, one JVM, one Lighthouse browser:
 * - every page: 0 Nu HTML checker errors, 0 broken internal links;
 * - one page of each type (and the articles that stress the layout) at 390
 *   and 1280 px, light and dark: 0 axe WCAG 2.1 A/AA violations, no console
 *   errors, no request leaving 127.0.0.1, no failed request, no sideways
 *   scrolling, screenshots in tests/screenshots/;
 * - every other page once at 390 px: the same without axe (pages of one type
 *   share their template; axe on each would double the suite's time);
 * - Lighthouse on the home page and an article: accessibility, best
 *   practices and SEO exactly 100, performance printed.
 * The same checker runs also get a deliberately broken page and a clean
 * control page (tests/e2e/fixtures/checkers/): each gate must name the
 * broken page's faults and pass the clean one, so a gate that cannot fail
 * cannot pass this suite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { buildFixtureSite, chooseRepresentatives, PROJECT_ROOT, readSitePages, siteBaseUrl, urlPathOf } from '../support/built-site.ts';
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

// Built at collection time so that each page type is its own test below.
const site = await buildFixtureSite();
const pages = await readSitePages(site);
const representatives = chooseRepresentatives(pages);
const totals = { nuErrors: 0, nuWarnings: 0, axeViolations: 0, axeRuns: 0, brokenLinks: 0, browserLoads: 0 };
const lighthouseLines: string[] = [];

let siteServer: StaticServer;
let canaryServer: StaticServer;
beforeAll(async () => {
  [siteServer, canaryServer] = await Promise.all([startStaticServer(site.siteDir), startStaticServer(CANARY)]);
});

afterAll(async () => {
  await Promise.all([siteServer?.close(), canaryServer?.close(), site.remove()]);
  const summary = [
    `quality gates: ${pages.length} pages (${new Set(pages.map((p) => p.type)).size} types) built from content/ + tests/fixtures-site/`,
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

describe('Nu HTML checker (one JVM for the site and the control pages)', () => {
  let messages: NuMessage[];
  beforeAll(async () => {
    const canaryFiles = ['good.html', 'broken.html'].map((name) => join(CANARY, name));
    messages = await checkHtmlFiles([...pages.map(({ file }) => join(site.siteDir, file)), ...canaryFiles]);
  }, 180_000);
  const errorsIn = (dir: string) => messages.filter((m) => m.severity === 'error' && m.file.startsWith(`${dir}/`));

  it('has 0 errors on every page', () => {
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

it('has no broken internal href, src, srcset or fragment', async () => {
  const report = await checkInternalLinks(site.siteDir, { siteUrls: [await siteBaseUrl()] });
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

  async function gates(view: BrowserView, file: string, options: Parameters<typeof runPageGates>[2]): Promise<string[]> {
    const result = await runPageGates(view, siteServer.url(urlPathOf(file)), options);
    totals.browserLoads += 1;
    totals.axeRuns += options.axe ? 1 : 0;
    totals.axeViolations += result.axeViolations;
    return result.failures;
  }

  it.each(representatives)('$name ($file) passes at both widths in light and dark', async ({ name, file }) => {
    const failures: string[] = [];
    const screenshotName = name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();
    for (const view of views) {
      // Screenshots to look at: both widths in light, the phone in dark.
      const shoot = view.view.colorScheme === 'light' || view.view.width < 600;
      failures.push(...(await gates(view, file, { axe: true, screenshot: shoot ? { dir: SCREENSHOTS, name: screenshotName } : undefined })));
    }
    expect(failures).toEqual([]);
    // Four loads and axe runs take seconds alone, more on a busy machine.
  }, 180_000);

  it('every other page loads cleanly at 390px', async () => {
    const others = pages.filter(({ file }) => !representatives.some((r) => r.file === file));
    const failures: string[] = [];
    for (const { file } of others) failures.push(...(await gates(views[0]!, file, { axe: false })));
    expect(failures).toEqual([]);
  }, 300_000);

  it('answers an unknown path with the 404 page and status 404', async () => {
    const response = await fetch(siteServer.url('/no/such/story/'));
    expect(response.status).toBe(404);
    expect(await response.text()).toBe(pages.find(({ type }) => type === '404')?.html);
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
  const targets = [
    { name: 'home', file: 'index.html' },
    { name: 'article', file: representatives.find(({ name }) => name === 'article')?.file ?? '' },
  ];
  let summaries: LighthouseSummary[];
  let broken: LighthouseSummary;
  beforeAll(async () => {
    const urls = [...targets.map(({ file }) => siteServer.url(urlPathOf(file))), canaryServer.url('/broken.html')];
    const results = await runLighthouse(urls);
    summaries = results.slice(0, targets.length);
    broken = results[targets.length]!;
    summaries.forEach((summary, i) => {
      lighthouseLines.push(`${targets[i]?.name}: ${formatLighthouseSummary(summary).replace(siteServer.origin, '')}`);
    });
  }, 240_000);

  it('scores 100 in accessibility, best practices and SEO on the home page and an article', () => {
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
