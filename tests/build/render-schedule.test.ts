import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RENDER_RUNS, renderSchedule } from '../../src/build/render-schedule.ts';
import { outputPathOf } from '../../src/routes.ts';

const url = (n: number) => `/2026/02/08/story-${n}/`;

describe('renderSchedule', () => {
  it('renders the smallest bundle first, alone, then whole bundles in runs, every article once', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 60 }), (sizes, maxPerRun) => {
        let n = 0;
        const bundles = sizes.map((size, b) => ({ dir: `pagefind/part-${b}`, pages: Array.from({ length: size }, () => outputPathOf(url(n++))) }));
        const articles = Array.from({ length: n }, (_, i) => url(i));
        const schedule = renderSchedule(bundles, articles, maxPerRun);
        // Every article once, and the runs add up to them.
        expect([...schedule.order].sort()).toEqual([...articles].sort());
        expect(schedule.runs.reduce((a, b) => a + b, 0)).toBe(n);
        const limit = Math.min(maxPerRun, Math.ceil(n / RENDER_RUNS));
        for (const size of schedule.runs) expect(size).toBeLessThanOrEqual(Math.max(limit, 1));
        // The smallest bundle comes first; when it fits a run, that run is it alone.
        const smallest = Math.min(...sizes);
        const first = bundles[sizes.indexOf(smallest)]!;
        expect(schedule.order.slice(0, smallest).map(outputPathOf)).toEqual(first.pages);
        if (sizes.length > 1 && smallest <= limit) expect(schedule.runs[0]).toBe(smallest);
        // A bundle is ready after the run that writes its last page, not before.
        const runOfPosition = schedule.runs.flatMap((size, run) => Array.from({ length: size }, () => run));
        for (const bundle of bundles) {
          const last = Math.max(...bundle.pages.map((page) => schedule.order.findIndex((u) => outputPathOf(u) === page)));
          expect(schedule.rank(bundle)).toBe(runOfPosition[last]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('opens a bundle\'s gate only when its run is done', async () => {
    const pages = (from: number, count: number) => Array.from({ length: count }, (_, i) => outputPathOf(url(from + i)));
    const bundles = [{ dir: 'pagefind', pages: pages(0, 6) }, { dir: 'pagefind/part-b', pages: pages(6, 2) }];
    const schedule = renderSchedule(bundles, Array.from({ length: 8 }, (_, i) => url(i)), 10);
    // A quarter of the pages a run: the small bundle alone, then the big one in three.
    expect(schedule.runs).toEqual([2, 2, 2, 2]);
    let ready = false;
    void schedule.ready(bundles[0]!).then(() => (ready = true));
    for (const run of [0, 1, 2]) schedule.runDone(run);
    await new Promise((resolve) => setImmediate(resolve));
    expect(ready).toBe(false);
    schedule.runDone(3);
    await new Promise((resolve) => setImmediate(resolve));
    expect(ready).toBe(true);
  });
});
