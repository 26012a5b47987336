/**
 * Rendering and search indexing at the same time. A full build renders the
 * article pages bundle by bundle, in a few Eleventy runs (`RENDER_RUNS`),
 * and Pagefind starts on each search bundle as soon as the run that writes
 * its last page has finished, while the next runs render: one core renders
 * and another indexes, instead of one waiting for the other. The bytes
 * written do not depend on the order (each page and each bundle is made
 * on its own).
 */
import { outputPathOf } from '../routes.ts';
import type { SearchBundle } from '../discovery/search-index.ts';

/** Eleventy runs a pipelined render is split into: each a quarter of the article pages. */
export const RENDER_RUNS = 4;

export interface RenderSchedule {
  /** The article URLs in render order: bundle by bundle, in the order of the bundle plan. */
  order: string[];
  /** Article pages per Eleventy run. */
  articlesPerRun: number;
  /** Called by the renderer when run `run` has written its pages. */
  runDone: (run: number) => void;
  /** Called when rendering failed: every bundle still waiting is released with the error. */
  failed: (error: unknown) => void;
  /** Settles when every page of `bundle` is written. */
  ready: (bundle: SearchBundle) => Promise<void>;
  /** The run after which `bundle` is ready (for indexing the soonest ready first). */
  rank: (bundle: SearchBundle) => number;
}

/**
 * Plans the render of `articles` (URLs, the ones this process renders)
 * in runs of at most `maxPerRun`, so that the bundles of `bundles` are
 * completed one after another.
 *
 * @example
 * const schedule = renderSchedule(bundles, urls, 10_000);
 * await renderPages(build, { order: schedule.order, articlesPerRun: schedule.articlesPerRun, onRun: schedule.runDone, … });
 */
export function renderSchedule(bundles: readonly SearchBundle[], articles: readonly string[], maxPerRun: number): RenderSchedule {
  const byPath = new Map(articles.map((url) => [outputPathOf(url), url]));
  const order: string[] = [];
  // Each page's place in the render order.
  const position = new Map<string, number>();
  const place = (page: string, url: string) => {
    position.set(page, order.length);
    order.push(url);
  };
  for (const bundle of bundles) for (const page of bundle.pages) {
    const url = byPath.get(page);
    if (url !== undefined) {
      place(page, url);
      byPath.delete(page);
    }
  }
  // Articles in no bundle (none, today) go last, in their own order.
  for (const [page, url] of byPath) place(page, url);
  const articlesPerRun = Math.max(1, Math.min(maxPerRun, Math.ceil(order.length / RENDER_RUNS)));
  const runOf = new Map<string, number>();
  for (const bundle of bundles) {
    let last = 0;
    for (const page of bundle.pages) last = Math.max(last, Math.floor((position.get(page) ?? 0) / articlesPerRun));
    runOf.set(bundle.dir, last);
  }
  const runs = Math.max(1, Math.ceil(order.length / articlesPerRun));
  const gates = Array.from({ length: runs }, () => {
    let open!: () => void;
    let fail!: (error: unknown) => void;
    const promise = new Promise<void>((resolve, reject) => {
      open = resolve;
      fail = reject;
    });
    // A failure is also reported by the renderer itself: no unhandled rejection here.
    promise.catch(() => undefined);
    return { promise, open, fail };
  });
  return {
    order,
    articlesPerRun,
    runDone: (run) => gates[run]?.open(),
    failed: (error) => gates.forEach((gate) => gate.fail(error)),
    ready: (bundle) => gates[Math.min(runOf.get(bundle.dir) ?? runs - 1, runs - 1)]!.promise,
    rank: (bundle) => runOf.get(bundle.dir) ?? runs,
  };
}
