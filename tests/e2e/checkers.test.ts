/**
 * Tests of the quality gates' own parts that need neither Java nor a
 * browser: the static server, vnu's report reader, the internal-link checker.
 * The gates that do (Nu, axe, the browser checks, Lighthouse) are proven to
 * fail on tests/e2e/fixtures/checkers/broken.html inside
 * site-quality.test.ts, in the same JVM and browser runs that check the site.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';
import { parseVnuReport } from '../support/nu-checker.ts';
import { checkInternalLinks, collectCssReferences, collectHtmlReferences, parseSrcset } from '../support/link-checker.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/checkers/', import.meta.url)).replace(/\/$/, '');

let server: StaticServer;
beforeAll(async () => {
  server = await startStaticServer(FIXTURES);
});
afterAll(() => server?.close());

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

describe('Nu HTML checker report', () => {
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
