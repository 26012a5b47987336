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

/** Eleventy runs a pipelined render is split into, about: each a quarter of the article pages. */
export const RENDER_RUNS = 4;

export interface RenderSchedule {
  /** The article URLs in render order: bundle by bundle. */
  order: string[];
  /** Article pages of each Eleventy run, in order (they add up to `order`'s length). */
  runs: number[];
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
 * bundle by bundle, so that the bundles of `bundles` are completed one
 * after another. The smallest bundle is rendered first, in a run of its
 * own, so that Pagefind starts as soon as it can; the others follow in
 * the plan's order, in runs of whole bundles of at most a
 * {@link RENDER_RUNS}th of the pages (a bigger bundle, or `maxPerRun`,
 * splits a run) — a run ends where a bundle ends, so each run makes
 * bundles ready.
 *
 * @example
 * const schedule = renderSchedule(bundles, urls, 10_000);
 * await renderPages(build, { order: schedule.order, runs: schedule.runs, onRun: schedule.runDone, … });
 */
export function renderSchedule(bundles: readonly SearchBundle[], articles: readonly string[], maxPerRun: number): RenderSchedule {
  if (!Number.isInteger(maxPerRun) || maxPerRun < 1) throw new RangeError(`articlesPerRun must be a positive integer, got ${maxPerRun}`);
  const byPath = new Map(articles.map((url) => [outputPathOf(url), url]));
  // Each bundle's articles (of those this process renders), the smallest bundle first.
  const groups = bundles.map((bundle) => ({ dir: bundle.dir, urls: bundle.pages.flatMap((page) => {
    const url = byPath.get(page);
    if (url === undefined) return [];
    byPath.delete(page);
    return [url];
  }) })).filter((g) => g.urls.length > 0);
  const smallest = groups.reduce((best, g, i) => (g.urls.length < groups[best]!.urls.length ? i : best), 0);
  if (groups.length > 1) groups.unshift(...groups.splice(smallest, 1));
  // Articles in no bundle (none, today) go last, in their own order.
  if (byPath.size) groups.push({ dir: '', urls: [...byPath.values()] });
  const total = groups.reduce((n, g) => n + g.urls.length, 0);
  const limit = Math.max(1, Math.min(maxPerRun, Math.ceil(total / RENDER_RUNS)));
  const order: string[] = [];
  const runs: number[] = [];
  const runOf = new Map<string, number>();
  for (const [i, group] of groups.entries()) {
    // A new run for the first bundle after the smallest, and whenever the next bundle would overflow this one.
    const open = runs.length > 0 && i > 1 && runs[runs.length - 1]! + group.urls.length <= limit;
    if (!open) runs.push(0);
    for (const url of group.urls) {
      if (runs[runs.length - 1]! >= limit) runs.push(0);
      order.push(url);
      runs[runs.length - 1]!++;
    }
    runOf.set(group.dir, runs.length - 1);
  }
  if (runs.length === 0) runs.push(0);
  const gates = Array.from({ length: runs.length }, () => {
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
  const last = runs.length - 1;
  return {
    order,
    runs,
    runDone: (run) => gates[run]?.open(),
    failed: (error) => gates.forEach((gate) => gate.fail(error)),
    // A bundle none of whose pages this process renders is ready when rendering is done.
    ready: (bundle) => gates[runOf.get(bundle.dir) ?? last]!.promise,
    rank: (bundle) => runOf.get(bundle.dir) ?? runs.length,
  };
}
