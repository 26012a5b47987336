/**
 * The browser gates for one page in one view: HTTP status, axe-core WCAG 2.1
 * A/AA, console errors, requests leaving 127.0.0.1, failed requests and
 * sideways scrolling, each failure as one line a person can act on.
 */
import { formatViolations, runAxe } from './axe.ts';
import { horizontalOverflow, saveScreenshot, type BrowserView } from './browser.ts';

export interface PageGateOptions {
  /** Run axe-core (the slowest gate). */
  axe: boolean;
  /** Save a full-page screenshot as `dir/name-WIDTH-SCHEME.png`. */
  screenshot?: { dir: string; name: string };
}

export interface PageGateResult {
  /** `PATH at WIDTHpx SCHEME: what failed`, one per problem. */
  failures: string[];
  axeViolations: number;
}

/**
 * Loads `url` in `view` and runs every browser gate on it.
 *
 * @example
 * const { failures } = await runPageGates(phoneLight, server.url('/'), { axe: true });
 * expect(failures).toEqual([]);
 */
export async function runPageGates(view: BrowserView, url: string, options: PageGateOptions): Promise<PageGateResult> {
  const where = `${new URL(url).pathname} at ${view.view.width}px ${view.view.colorScheme}`;
  const visit = await view.visit(url);
  try {
    const violations = options.axe ? await runAxe(visit.page) : [];
    const overflow = await horizontalOverflow(visit.page);
    if (options.screenshot) await saveScreenshot(visit.page, options.screenshot.dir, options.screenshot.name, view.view);
    const failures = [
      ...(visit.status === 200 ? [] : [`${where}: HTTP ${visit.status}`]),
      ...formatViolations(where, violations),
      ...visit.consoleErrors.map((error) => `${where}: console: ${error}`),
      ...visit.outsideRequests.map((request) => `${where}: request left 127.0.0.1: ${request}`),
      ...visit.failedRequests.map((failure) => `${where}: failed request: ${failure}`),
      ...(overflow > 0 ? [`${where}: ${overflow}px wider than the viewport`] : []),
    ];
    return { failures, axeViolations: violations.length };
  } finally {
    await visit.close();
  }
}
