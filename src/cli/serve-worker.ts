/**
 * The dev server, in one process: it serves the output folder on
 * 127.0.0.1, watches the content folder, `templates/` and `public/`, and on
 * every save runs the same incremental build as `broadsheet build`
 * (src/build/run-build.ts) in place: the saved feed alone is parsed again
 * (the parse cache is kept in memory), the plan is made anew, only pages
 * whose fingerprint changed are rendered, and open pages reload as soon as
 * they are written. The search bundles whose pages changed are re-indexed
 * beside the next saves, never holding them up: a save made while Pagefind
 * runs is built at once (Pagefind runs at the lowest CPU priority, and the
 * update's own work on this thread waits for the rebuild), and one more
 * index update follows. The index is shared with `broadsheet build` through
 * the cache folder's manifest: the first update keeps the bundles of the
 * build before it, and each update records its bundles there for the next
 * build. Content problems are printed and shown over the pages.
 *
 * `broadsheet serve` (serve.ts) starts this process and starts a new one
 * when Broadsheet's own code changes, because Node cannot re-import changed
 * ES modules in a running process. Arguments: `serve-worker.ts CONTENT OUTPUT PORT CACHE`.
 */
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { availableParallelism } from 'node:os';
import { buildSite, InPlaceBuildError } from '../build/run-build.ts';
import { removeLeftovers } from '../build/output-folder.ts';
import { writeManifest, type Manifest, type ManifestBundle } from '../build/manifest.ts';
import { searchBundlesOf, updateSearchIndex, withSearchIndex } from '../build/search-update.ts';
import type { BuildReuse, PreparedBuild } from '../build/prepare-build.ts';
import { BuildMemo } from '../memoise.ts';
import { memoryParseCache } from '../build/parse-cache.ts';
import { emptyMemos } from '../build/memo-cache.ts';
import { PUBLIC_DIR } from '../build/prepare-build.ts';
import { TemplateCache, TEMPLATES_DIR } from '../build/render-pages.ts';
import { buildGazetteer } from '../discovery/place-names.ts';
import { printable, printedLines } from '../diagnostics.ts';
import { basePathOf } from '../routes.ts';
import { startDevServer, type DevServer } from '../site/dev-server.ts';
import { loadSiteSettings } from '../site/settings.ts';
import { printDiagnostics } from './report.ts';

const [contentDir = 'content', outputDir = '_site', portText = '8080', cacheDir = '.broadsheet-cache'] = process.argv.slice(2);
const SAVE_SETTLE_MS = 50;

let server: DevServer;
let basePath = '';
try {
  // Read once: a change of site.json's url needs a restart of serve.
  basePath = basePathOf((await loadSiteSettings(contentDir)).settings.url);
  server = await startDevServer(outputDir, Number(portText), basePath);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'EADDRINUSE' ? `port ${portText} is in use; pick another with --port` : (error as Error).message;
  process.stderr.write(`broadsheet serve: ${why}\n`);
  process.exit(1);
}
process.stdout.write(`broadsheet serve: http://127.0.0.1:${server.port}${basePath}/ (Ctrl+C to stop)\n`);
process.send?.({ type: 'serving' });

// Kept across the rebuilds of this process: what a save does not change is not computed again.
const reuse: BuildReuse = { parseCache: memoryParseCache(), gazetteer: buildGazetteer(), ...emptyMemos(), articles: new WeakMap(), identities: new BuildMemo(), templates: new TemplateCache() };
// The manifest of the last rebuild, kept here rather than read back from the cache folder each time.
let manifest: Manifest | null | undefined;
// Rebuilds started so far: a search update records its bundles in the manifest only if no rebuild started after the one it indexed.
let rebuilds = 0;
// A search update's manifest write under way: the next rebuild, which writes the manifest too, waits for it.
let manifestWritten: Promise<void> = Promise.resolve();

/** Quiet time after a rebuild before the search index is updated: Pagefind must not slow the next save's build. */
const SEARCH_AFTER_MS = 1000;

/**
 * Runs `task` one call at a time: a call made while it runs makes one more
 * run after it (however many calls came), never a second one beside it.
 */
function coalesced(task: () => Promise<void>): { run: () => Promise<void>; busy: () => boolean; idle: () => Promise<void> } {
  let running: Promise<void> | null = null;
  let again = false;
  const loop = async () => {
    do {
      again = false;
      await task();
    } while (again);
    running = null;
  };
  return {
    run: () => {
      if (running) again = true;
      else running = loop();
      return running;
    },
    busy: () => running !== null,
    // Settles when no run is going on or waiting.
    idle: async () => {
      while (running) await running;
    },
  };
}

/**
 * The search index, updated from the newest build once saves pause for
 * {@link SEARCH_AFTER_MS}, one update at a time.
 */
const search = (() => {
  // The index in the output folder: at first the one the last `broadsheet build` into it wrote, if any.
  let bundles: ManifestBundle[] = [];
  let latest: { build: PreparedBuild; rebuild: number } | null = null;
  let timer: NodeJS.Timeout | undefined;
  const update = coalesced(async () => {
    if (!latest) return;
    const { build, rebuild: from } = latest;
    process.stdout.write('broadsheet serve: updating the search index\n');
    try {
      const updated = await updateSearchIndex(build, outputDir, { mode: 'in-place', live: outputDir, previous: bundles, bundles: searchBundlesOf(build), jobs: availableParallelism(), background: true, pause: () => rebuild.idle(), ...(reuse.words ? { words: reuse.words } : {}) });
      bundles = updated.bundles;
      // The manifest says which bundles the folder holds, so that the next
      // `broadsheet build` (or serve) keeps them; only while it is the
      // manifest of the rebuild this index was made from. A rebuild's own
      // manifest lists none: an update cut short leaves nothing trusted.
      if (manifest && from === rebuilds) {
        manifest = withSearchIndex(manifest, updated);
        manifestWritten = writeManifest(cacheDir, manifest).catch((error: unknown) => {
          process.stderr.write(`broadsheet serve: build manifest not written: ${printable(error instanceof Error ? error.message : String(error))}\n`);
        });
      }
      process.stdout.write(`broadsheet serve: search index updated (${updated.index.indexed} of ${updated.index.bundles} bundles indexed)\n`);
    } catch (error) {
      bundles = [];
      process.stderr.write(`broadsheet serve: search index not updated: ${printable(error instanceof Error ? error.message : String(error))}\n`);
    }
  });
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => (rebuild.busy() ? later() : void update.run()), SEARCH_AFTER_MS);
  };
  return {
    /** The index the output folder had before the first rebuild (the bundles of the manifest it started from). */
    found(previous: readonly ManifestBundle[]): void {
      bundles = [...previous];
    },
    request(build: PreparedBuild): void {
      latest = { build, rebuild: rebuilds };
      later();
    },
  };
})();

/** One build at a time; saves during a build make one more build after it. */
const rebuild = coalesced(async (): Promise<void> => {
  // Counted first: an update that ends from now on leaves the manifest to this rebuild.
  rebuilds++;
  await manifestWritten;
  const started = performance.now();
  let shown: string[] = [];
  try {
    const result = await buildSite({
      contentDir,
      outputDir,
      cacheDir,
      inPlace: true,
      search: false,
      reuse,
      ...(manifest !== undefined ? { manifest } : {}),
      onDiagnostics: (list) => {
        printDiagnostics(list, process.stderr, false);
        shown = printedLines(list, false);
      },
      // Open pages reload as soon as the pages are written, showing the build's problems.
      onRendered: () => {
        server.reload(shown);
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        process.stdout.write(`broadsheet serve: pages updated in ${seconds} s\n`);
      },
    });
    if (manifest === undefined) search.found(result.previous?.bundles ?? []);
    manifest = result.manifest;
    process.stdout.write(`broadsheet serve: ${result.rendered} pages rendered, ${result.kept} kept\n`);
    search.request(result.build);
  } catch (error) {
    // The pages it may have rewritten are no longer vouched for: the next rebuild renders them.
    if (error instanceof InPlaceBuildError) manifest = error.manifest;
    const message = printable(error instanceof Error ? error.message : String(error));
    process.stderr.write(`broadsheet serve: build failed: ${message}\n`);
    server.reload([`build failed: ${message}`]);
  }
});

// What a killed server or build left beside the output folder (an index moved aside, a staging folder).
await removeLeftovers(outputDir);
await rebuild.run();
const watchers = watchSources(() => void rebuild.run());
process.stdout.write('broadsheet serve: watching for changes\n');
const stop = async () => {
  for (const w of watchers) w.close();
  await server.close();
  process.exit(0);
};
process.on('disconnect', () => void stop());
process.on('SIGTERM', () => void stop());

/** Watches the content folder, templates and public files; `onChange` once per burst of saves. */
function watchSources(onChange: () => void): FSWatcher[] {
  let timer: NodeJS.Timeout | undefined;
  return [contentDir, TEMPLATES_DIR, PUBLIC_DIR].filter((dir) => existsSync(dir)).map((dir) =>
    watch(dir, { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(onChange, SAVE_SETTLE_MS);
    }),
  );
}
