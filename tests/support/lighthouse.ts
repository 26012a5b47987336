/**
 * Lighthouse 12 (the version that runs on Node 20) against Debian's Chromium,
 * started by chrome-launcher with the same flags as the Playwright browser.
 * One Chromium serves every URL of a run; pages are audited one after the
 * other so their performance runs do not compete for the two cores.
 */
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './browser.ts';

export const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type LighthouseCategory = (typeof LIGHTHOUSE_CATEGORIES)[number];

export interface LighthouseSummary {
  url: string;
  /** 0–100 per category. */
  scores: Record<LighthouseCategory, number>;
  /** Scored audits that did not pass, per category, as `id: title`. */
  failedAudits: Record<LighthouseCategory, string[]>;
  /** The numbers behind the performance score, in ms (CLS unitless). */
  metrics: Record<string, number>;
}

const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
] as const;

/**
 * Audits each URL with Lighthouse's default (mobile, simulated throttling)
 * settings and returns the scores and failing audits.
 *
 * @example
 * const [home] = await runLighthouse([server.url('/')]);
 * expect(home.scores.accessibility).toBe(100);
 */
export async function runLighthouse(urls: readonly string[]): Promise<LighthouseSummary[]> {
  const chrome = await launch({ chromePath: CHROMIUM_PATH, chromeFlags: [...CHROMIUM_FLAGS], logLevel: 'silent' });
  try {
    const summaries: LighthouseSummary[] = [];
    for (const url of urls) {
      const result = await lighthouse(url, {
        port: chrome.port,
        logLevel: 'error',
        output: 'json',
        onlyCategories: [...LIGHTHOUSE_CATEGORIES],
      });
      if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      const scores = {} as Record<LighthouseCategory, number>;
      const failedAudits = {} as Record<LighthouseCategory, string[]>;
      for (const id of LIGHTHOUSE_CATEGORIES) {
        const category = lhr.categories[id];
        if (!category) throw new Error(`Lighthouse did not report the ${id} category for ${url}`);
        scores[id] = Math.round((category.score ?? 0) * 100);
        failedAudits[id] = category.auditRefs
          .filter((ref) => ref.weight > 0)
          .map((ref) => lhr.audits[ref.id])
          .filter((audit) => audit !== undefined && audit.score !== null && audit.score < 1)
          .map((audit) => `${audit!.id}: ${audit!.title}`);
      }
      const metrics: Record<string, number> = {};
      for (const id of METRICS) metrics[id] = lhr.audits[id]?.numericValue ?? Number.NaN;
      summaries.push({ url, scores, failedAudits, metrics });
    }
    return summaries;
  } finally {
    chrome.kill();
  }
}

/** `url: performance 98, accessibility 100, …` plus the metrics, for the run's output. */
export function formatLighthouseSummary(summary: LighthouseSummary): string {
  const scores = LIGHTHOUSE_CATEGORIES.map((id) => `${id} ${summary.scores[id]}`).join(', ');
  const metrics = Object.entries(summary.metrics)
    .map(([id, value]) => `${id} ${id === 'cumulative-layout-shift' ? value.toFixed(3) : `${Math.round(value)} ms`}`)
    .join(', ');
  return `${summary.url}: ${scores} (${metrics})`;
}
