/**
 * Tests of the quality gates themselves. A gate that never fails proves
 * nothing, so each checker runs on a deliberately broken page (and must name
 * its faults) and on a clean control page (and must stay silent).
 * Fixtures: tests/e2e/fixtures/checkers/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';
import { horizontalOverflow, launchChromium, openPage, type ColorScheme } from '../support/browser.ts';
import { runAxe } from '../support/axe.ts';
import { checkHtmlFiles, parseVnuReport, type NuMessage } from '../support/nu-checker.ts';
import { checkInternalLinks, collectCssReferences, collectHtmlReferences, parseSrcset } from '../support/link-checker.ts';
import { runLighthouse, type LighthouseSummary } from '../support/lighthouse.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/checkers/', import.meta.url)).replace(/\/$/, '');
const VIEWS = [390, 1280].flatMap((width) => (['light', 'dark'] as ColorScheme[]).map((colorScheme) => ({ width, colorScheme })));

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await startStaticServer(FIXTURES);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('static server', () => {
  it('serves files, folder indexes and redirects folders to their slash', async () => {
    const good = await fetch(server.url('/good.html'));
    expect(good.status).toBe(200);
    expect(good.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await good.text()).toContain('<h1>A page every checker passes</h1>');
    expect((await fetch(server.url('/section/'))).status).toBe(200);
    const redirect = await fetch(server.url('/section'), { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/section/');
  });

  it('answers unknown paths with 404.html and status 404, and never leaves the folder', async () => {
    const missing = await fetch(server.url('/no/such/page/'));
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('<h1>Not found</h1>');
    const escape = await fetch(`${server.origin}/%2e%2e/%2e%2e/package.json`);
    expect([403, 404]).toContain(escape.status);
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});

describe('Nu HTML checker', () => {
  let messages: NuMessage[];
  beforeAll(async () => {
    messages = await checkHtmlFiles(['good.html', 'broken.html', '404.html'].map((name) => join(FIXTURES, name)));
  }, 60_000);

  const errorsIn = (name: string) =>
    messages.filter((m) => m.severity === 'error' && m.file === join(FIXTURES, name)).map((m) => `${m.line}: ${m.message}`);

  it('reports every fault of the broken page with its line', () => {
    const errors = errorsIn('broken.html');
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^14: Stray end tag “span”/),
        expect.stringMatching(/^15: Duplicate ID “twice”/),
        expect.stringMatching(/^16: Element “div” not allowed as child of element “ul”/),
        expect.stringMatching(/^17: An “img” element must have an “alt” attribute/),
      ]),
    );
  });

  it('finds nothing wrong with valid pages', () => {
    expect(errorsIn('good.html')).toEqual([]);
    expect(errorsIn('404.html')).toEqual([]);
  });

  it('reads vnu JSON into positioned messages', () => {
    const parsed = parseVnuReport(
      '{"messages":[{"type":"info","subType":"warning","url":"file:/s/a.html","lastLine":2,"firstColumn":5,"message":"W"},' +
        '{"type":"non-document-error","url":"file:/s/b.html","message":"IO"}]}',
    );
    expect(parsed).toEqual([
      { file: '/s/a.html', severity: 'warning', message: 'W', line: 2, column: 5, extract: null },
      { file: '/s/b.html', severity: 'error', message: 'IO', line: null, column: null, extract: null },
    ]);
  });
});

describe('internal-link checker', () => {
  it('reports each broken href, src, srcset candidate and fragment, and only those', async () => {
    const report = await checkInternalLinks(FIXTURES);
    expect(report.pagesChecked).toBe(4);
    expect(report.broken.map(({ page, from, url }) => `${page} ${from} ${url}`).sort()).toEqual([
      'broken.html a[href] /no-such-page/',
      'broken.html a[href] good.html#no-such-id',
      'broken.html img[src] missing-photo.jpg',
      'broken.html img[srcset] missing-2x.png',
    ]);
  });

  it('treats the configured site URL as internal and other origins as external', async () => {
    expect(collectHtmlReferences('<link rel="canonical" href="https://news.example/gone/">')).toEqual([
      { from: 'link[href]', url: 'https://news.example/gone/' },
    ]);
    const report = await checkInternalLinks(FIXTURES, { siteUrls: ['https://example.com'] });
    // broken.html's tracker image is on example.com, which now means "this site".
    expect(report.broken.map((b) => b.url)).toContain('https://example.com/tracker.png');
  });

  it('parses srcset candidates and CSS url() references', () => {
    expect(parseSrcset(' /a-400.webp 400w,/a-800.webp 800w , /b,c.png 2x')).toEqual(['/a-400.webp', '/a-800.webp', '/b,c.png']);
    expect(parseSrcset('/only.png')).toEqual(['/only.png']);
    expect(collectCssReferences('/* url(no.png) */ a { background: url( "x.svg" ) } @font-face { src: url(f.woff2) }')).toEqual([
      { from: 'css url()', url: 'x.svg' },
      { from: 'css url()', url: 'f.woff2' },
    ]);
  });
});

describe('Chromium with axe-core', () => {
  it('blocks and records outside requests and collects console errors and failed requests', async () => {
    const visit = await openPage(browser, server.url('/broken.html'), { width: 1280, colorScheme: 'light' });
    try {
      expect(visit.status).toBe(200);
      expect(visit.outsideRequests).toEqual(['https://example.com/tracker.png']);
      expect(visit.consoleErrors).toEqual(expect.arrayContaining([expect.stringContaining('deliberate console error')]));
      expect(visit.failedRequests).toEqual(expect.arrayContaining([expect.stringContaining('/missing-photo.jpg: HTTP 404')]));
    } finally {
      await visit.close();
    }
  });

  it('finds the unlabelled input and the low-contrast text, and the dark-only contrast failure only in dark', async () => {
    const violationsIn = async (colorScheme: ColorScheme) => {
      const visit = await openPage(browser, server.url('/broken.html'), { width: 1280, colorScheme });
      try {
        return await runAxe(visit.page);
      } finally {
        await visit.close();
      }
    };
    const light = await violationsIn('light');
    const dark = await violationsIn('dark');
    expect(light.map((v) => v.id)).toEqual(expect.arrayContaining(['color-contrast', 'image-alt', 'label']));
    const contrastTargets = (violations: typeof light) => violations.find((v) => v.id === 'color-contrast')?.nodes.map((n) => n.target) ?? [];
    expect(contrastTargets(light)).toEqual(['.faint']);
    // Grey on near-black reads fine; dark grey on near-black does not.
    expect(contrastTargets(dark)).toEqual(['.dark-only']);
  });

  it('detects sideways scrolling at phone width', async () => {
    const narrow = await openPage(browser, server.url('/broken.html'), { width: 390, colorScheme: 'light' });
    const wide = await openPage(browser, server.url('/broken.html'), { width: 1280, colorScheme: 'light' });
    try {
      expect(await horizontalOverflow(narrow.page)).toBeGreaterThan(0);
      expect(await horizontalOverflow(wide.page)).toBe(0);
    } finally {
      await Promise.all([narrow.close(), wide.close()]);
    }
  });

  it('passes the clean page at both widths in both colour schemes', async () => {
    for (const view of VIEWS) {
      const visit = await openPage(browser, server.url('/good.html'), view);
      try {
        const where = `good.html at ${view.width}px ${view.colorScheme}`;
        expect(await runAxe(visit.page), where).toEqual([]);
        expect(visit.consoleErrors, where).toEqual([]);
        expect(visit.outsideRequests, where).toEqual([]);
        expect(visit.failedRequests, where).toEqual([]);
        expect(await horizontalOverflow(visit.page), where).toBe(0);
      } finally {
        await visit.close();
      }
    }
  });
});

describe('Lighthouse', () => {
  let broken: LighthouseSummary;
  beforeAll(async () => {
    [broken] = (await runLighthouse([server.url('/broken.html')])) as [LighthouseSummary];
  }, 120_000);

  it('scores the broken page below 100 in accessibility, best practices and SEO, naming the audits', () => {
    expect(broken.scores.accessibility).toBeLessThan(100);
    expect(broken.scores['best-practices']).toBeLessThan(100);
    expect(broken.scores.seo).toBeLessThan(100);
    expect(broken.failedAudits.accessibility).toEqual(
      expect.arrayContaining([expect.stringMatching(/^color-contrast:/), expect.stringMatching(/^label:/)]),
    );
    expect(broken.failedAudits['best-practices']).toEqual(expect.arrayContaining([expect.stringMatching(/^errors-in-console:/)]));
    expect(broken.failedAudits.seo).toEqual(expect.arrayContaining([expect.stringMatching(/^meta-description:/)]));
    expect(broken.scores.performance).toBeGreaterThanOrEqual(0);
  });
});
