/**
 * The built site in real Chromium: the home page and an article load with no
 * console errors and no horizontal scrolling, at a phone's width and a
 * laptop's, and screenshots land in tests/screenshots/ for a human to read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { Browser } from 'playwright-core';
import { horizontalOverflow, launchChromium, openPage, saveScreenshot } from '../support/browser.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';
import { buildFixture, fixtureFiles, makeContent, type FixtureSite } from './helpers.ts';

const SCREENSHOTS = 'tests/screenshots/site';
const ARTICLE = '/2026/02/08/iran-warns-will-not-give-up-enrichment-despite-us-war-threat/';
const PHOTO_ARTICLE = '/2026/02/08/factory-explosion-kills-8-in-northern-china/';

let site: FixtureSite;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#5b7083' } }).jpeg().toBuffer();
  const content = await makeContent({
    ...(await fixtureFiles('feeds/arabic.txt', 'articles/iran-warns-will-not-give-up-enrichment-despite-us-war-threat.md')),
    'images/factory-explosion-kills-8-in-northern-china.jpg': photo,
  });
  site = await buildFixture(content);
  server = await startStaticServer(site.output);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.cleanup();
});

describe.each([390, 1280])('at %i px', (width) => {
  it.each([
    ['home', '/'],
    ['article', ARTICLE],
    ['photo-article', PHOTO_ARTICLE],
    ['rtl-article', '/articles/iyran-thdhr-mn-altsayd-fy-alkhlyj/'],
    ['archive', '/archive/'],
    ['not-found', '/no-such-page/'],
  ])('%s renders without errors or sideways scrolling', async (name, path) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const visit = await openPage(browser, server.url(path), { width, colorScheme });
      try {
        expect(visit.status).toBe(name === 'not-found' ? 404 : 200);
        // Chromium logs a document's own 404 as a console error; nothing else may fail.
        const ownStatus = `status of 404 (Not Found) (${server.url(path)}:1)`;
        expect(visit.consoleErrors.filter((e) => !(name === 'not-found' && e.endsWith(ownStatus)))).toEqual([]);
        expect(visit.failedRequests).toEqual([]);
        expect(visit.outsideRequests).toEqual([]);
        expect(await horizontalOverflow(visit.page)).toBe(0);
        await saveScreenshot(visit.page, SCREENSHOTS, name, { width, colorScheme });
      } finally {
        await visit.close();
      }
    }
  });
});

it('loads the responsive photo the browser picks, at its intrinsic ratio', async () => {
  const visit = await openPage(browser, server.url(PHOTO_ARTICLE), { width: 390, colorScheme: 'light' });
  try {
    const img = await visit.page.evaluate(() => {
      const el = document.querySelector('figure img') as HTMLImageElement;
      return { loaded: el.complete && el.naturalWidth > 0, current: el.currentSrc, ratio: el.clientWidth / el.clientHeight };
    });
    expect(img.loaded).toBe(true);
    expect(img.current).toMatch(/\.avif$/);
    expect(img.ratio).toBeCloseTo(1.5, 1);
  } finally {
    await visit.close();
  }
});

it('prints an article without the site navigation', async () => {
  const visit = await openPage(browser, server.url(ARTICLE), { width: 1280, colorScheme: 'dark' });
  try {
    await visit.page.emulateMedia({ media: 'print' });
    const shown = await visit.page.evaluate(() =>
      Object.fromEntries(['.masthead__nav', '.story-nav', '.site-footer', 'h1', '.story__body', '.story__captions'].map((selector) => {
        const element = document.querySelector(selector);
        return [selector, element !== null && getComputedStyle(element).display !== 'none'];
      })),
    );
    expect(shown).toEqual({ '.masthead__nav': false, '.story-nav': false, '.site-footer': false, h1: true, '.story__body': true, '.story__captions': true });
    const colours = await visit.page.evaluate(() => [getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor]);
    expect(colours).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
  } finally {
    await visit.close();
  }
});
