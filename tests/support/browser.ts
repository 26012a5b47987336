/**
 * Real Chromium for the browser tests: Debian's `chromium` driven by
 * playwright-core. Every page is opened in a tab that lets only 127.0.0.1
 * through — anything else is aborted and recorded, so a page that
 * would phone home fails its test — and that records console errors, uncaught
 * exceptions and failed same-site requests.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium; `CHROME_PATH` overrides it, as it does for chrome-launcher. */
export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** The flags every Chromium we start gets (Playwright and Lighthouse alike). */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Belt and braces for "no network at run time": every host but 127.0.0.1
  // fails to resolve, so even a request nobody intercepts (Lighthouse's
  // browser has no request routing) cannot leave the machine.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

export type ColorScheme = 'light' | 'dark';

export interface ViewOptions {
  width: number;
  colorScheme: ColorScheme;
}

/** A loaded page plus everything it did that a quality gate cares about. */
export interface PageVisit {
  page: Page;
  /** HTTP status of the document (null when the navigation had no response). */
  status: number | null;
  /** `console.error` messages and uncaught exceptions, with their source. */
  consoleErrors: string[];
  /** Requests to anywhere but 127.0.0.1; each was aborted before leaving. */
  outsideRequests: string[];
  /** Same-site subresources that failed or answered with an error status. */
  failedRequests: string[];
  close(): Promise<void>;
}

/**
 * Starts one headless Chromium. Playwright gives it a fresh temporary profile
 * (user-data-dir) and removes it on `close()`.
 *
 * @example
 * const browser = await launchChromium();
 * try { ... } finally { await browser.close(); }
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS] });
}

/** True for URLs a page may load: the local server, and inline data. */
export function isLocalUrl(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
  return hostname === '127.0.0.1';
}

/**
 * How many CSS pixels the page is wider than the viewport (0 when it fits):
 * a page a phone reader would have to scroll sideways.
 */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
}

/**
 * Saves a full-page PNG under `dir` as `NAME-WIDTH-SCHEME.png` and returns its path.
 *
 * @example
 * await saveScreenshot(visit.page, 'tests/screenshots', 'home', { width: 390, colorScheme: 'light' });
 */
export async function saveScreenshot(page: Page, dir: string, name: string, view: ViewOptions): Promise<string> {
  const path = join(dir, `${name}-${view.width}-${view.colorScheme}.png`);
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}

/** A phone-sized height for narrow widths, a laptop's otherwise. */
function heightFor(width: number): number {
  return width < 600 ? 844 : 800;
}

/** A browser context at one width and colour scheme, for loading many pages. */
export interface BrowserView {
  view: ViewOptions;
  /** Loads `url` in a new tab of this view; close the visit when done. */
  visit(url: string): Promise<PageVisit>;
  close(): Promise<void>;
}

/**
 * Opens a fresh context (no cookies, storage or cache from other views) at
 * the given width and colour scheme. Pages share it, so checking many pages
 * in one view costs one context, not one each.
 *
 * @example
 * const dark = await openView(browser, { width: 390, colorScheme: 'dark' });
 * const visit = await dark.visit(server.url('/'));
 * expect(visit.consoleErrors).toEqual([]);
 * await visit.close();
 * await dark.close();
 */
export async function openView(browser: Browser, view: ViewOptions): Promise<BrowserView> {
  const context = await browser.newContext({
    viewport: { width: view.width, height: heightFor(view.width) },
    colorScheme: view.colorScheme,
    serviceWorkers: 'block',
  });
  return { view, visit: (url) => visitInContext(context, url), close: () => context.close() };
}

async function visitInContext(context: BrowserContext, url: string): Promise<PageVisit> {
  const consoleErrors: string[] = [];
  const outsideRequests: string[] = [];
  const failedRequests: string[] = [];
  const page = await context.newPage();
  await page.route(
    (requestUrl) => !isLocalUrl(requestUrl.href),
    async (route) => {
      outsideRequests.push(route.request().url());
      await route.abort('blockedbyclient');
    },
  );
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url: source, lineNumber } = message.location();
    consoleErrors.push(`${message.text()}${source ? ` (${source}:${lineNumber + 1})` : ''}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => {
    if (isLocalUrl(request.url())) failedRequests.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`);
  });
  page.on('response', (response) => {
    // The document's own status is reported separately (the 404 page is a 404).
    if (response.status() >= 400 && response.request().resourceType() !== 'document') {
      failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
    }
  });
  let status: number | null = null;
  try {
    const response = await page.goto(url, { waitUntil: 'load' });
    status = response?.status() ?? null;
  } catch (error) {
    await page.close();
    throw new Error(`could not load ${url}`, { cause: error });
  }
  return { page, status, consoleErrors, outsideRequests, failedRequests, close: () => page.close() };
}

/**
 * Opens `url` in a fresh context of its own at the given width and colour
 * scheme and waits for the load event; closing the visit closes the context.
 *
 * @example
 * const visit = await openPage(browser, server.url('/'), { width: 390, colorScheme: 'dark' });
 * expect(visit.outsideRequests).toEqual([]);
 * await visit.close();
 */
export async function openPage(browser: Browser, url: string, view: ViewOptions): Promise<PageVisit> {
  const single = await openView(browser, view);
  try {
    const visit = await single.visit(url);
    return { ...visit, close: () => single.close() };
  } catch (error) {
    await single.close();
    throw error;
  }
}
