/**
 * A site whose `url` has a path (a GitHub Pages project site at
 * https://owner.github.io/paper/) links within that path everywhere: served
 * under /paper/ it has no broken internal link, and its search finds
 * articles and links to them under /paper/ too.
 */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/build.ts';
import { launchChromium, openView } from '../support/browser.ts';
import { makeContentFolder } from '../support/content-folder.ts';
import { checkInternalLinks } from '../support/link-checker.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';

let root: string;
let host: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  let content: string;
  ({ root, content } = await makeContentFolder({ prefix: 'broadsheet-base-path-' }));
  const settings = JSON.parse(await readFile(join(content, 'site.json'), 'utf8')) as Record<string, unknown>;
  await writeFile(join(content, 'site.json'), JSON.stringify({ ...settings, url: 'https://owner.github.io/paper' }));
  const output = join(root, '_site');
  expect(await runBuild(['--content', content, '--output', output, '--no-cache'])).toBe(0);
  // The host's root, with the site in its /paper/ folder, as GitHub Pages serves a project site.
  host = join(root, 'host');
  await mkdir(host);
  await cp(output, join(host, 'paper'), { recursive: true });
  server = await startStaticServer(host);
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

it('has no broken internal link when served under its path', async () => {
  const report = await checkInternalLinks(host, { siteUrls: ['https://owner.github.io/'] });
  expect(report.pagesChecked).toBeGreaterThan(10);
  expect(report.broken).toEqual([]);
});

it('links nothing outside its path', async () => {
  const home = await readFile(join(host, 'paper', 'index.html'), 'utf8');
  const rootRelative = [...home.matchAll(/(?:href|src)="(\/[^"]*)"/g)].map((m) => m[1]!);
  expect(rootRelative.length).toBeGreaterThan(5);
  expect(rootRelative.filter((url) => !url.startsWith('/paper/'))).toEqual([]);
});

it('searches under its path, and its results link there', { timeout: 60_000 }, async () => {
  const view = await openView(browser, { width: 1280, colorScheme: 'light' });
  try {
    const visit = await view.visit(server.url('/paper/search/?q=Tehran'));
    const link = visit.page.locator('.search-result__title a').first();
    await link.waitFor({ timeout: 30_000 });
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/paper\/2026\/02\/08\/iran-warns/);
    expect(visit.failedRequests).toEqual([]);
    expect(visit.consoleErrors).toEqual([]);
    await visit.close();
    const target = await view.visit(server.url(href!));
    expect(target.status).toBe(200);
    await target.close();
  } finally {
    await view.close();
  }
});
