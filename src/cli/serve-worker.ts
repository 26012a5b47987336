/**
 * The dev server's build process: Eleventy in watch mode, rebuilding on
 * changes to feeds, overrides, images, pages, templates and CSS, through
 * the same stages as `broadsheet build` (src/build/run-build.ts): each
 * rebuild prepares the build anew, renders it, and updates the search
 * index. It tells its parent (`broadsheet serve`) after each build so open
 * pages reload. The parent restarts this process when Broadsheet's own code
 * changes, because Node cannot re-import changed ES modules in a running
 * process. Its folders come as arguments: `serve-worker.ts CONTENT OUTPUT`.
 */
import { prepareBuild } from '../build/prepare-build.ts';
import { createEleventy } from '../build/render-pages.ts';
import { buildGazetteer } from '../discovery/place-names.ts';
import { writeSearchIndex } from '../discovery/search-index.ts';
import { printable } from '../diagnostics.ts';
import { printDiagnostics } from './report.ts';

const [contentDir = 'content', outputDir = '_site'] = process.argv.slice(2);
const notify = (message: { type: 'built' | 'failed' }) => process.send?.(message);
const gazetteer = buildGazetteer();

/**
 * The search index, updated in the background after each rebuild: the
 * pages reload at once, and a save made while Pagefind runs neither waits
 * for it nor starts a second one beside it (one more run follows instead).
 */
const search = (() => {
  let running = false;
  let again = false;
  const run = async (): Promise<void> => {
    running = true;
    do {
      again = false;
      try {
        await writeSearchIndex(outputDir);
      } catch (error) {
        process.stderr.write(`broadsheet serve: search index not updated: ${printable(error instanceof Error ? error.message : String(error))}\n`);
      }
    } while (again);
    running = false;
  };
  return {
    request(): void {
      if (running) again = true;
      else void run();
    },
  };
})();

const eleventy = await createEleventy({
  contentDir,
  outputDir,
  runMode: 'watch',
  prepare: async () => {
    const build = await prepareBuild({ contentDir, outputDir }, { gazetteer });
    printDiagnostics(build.diagnostics, process.stderr, false);
    return build;
  },
  onBuilt: () => {
    notify({ type: 'built' });
    search.request();
  },
});
// A template error is logged by Eleventy and the watcher keeps running; the
// first build failing must not end the process either.
try {
  await eleventy.watch();
  // Eleventy starts its file watcher after the first build; edits saved
  // before the watcher's first scan ends would go unseen, so say when it has.
  const watcher = (eleventy as unknown as { watcher?: { once(event: 'ready', listener: () => void): void } }).watcher;
  if (watcher) await new Promise<void>((ready) => watcher.once('ready', ready));
  process.stdout.write('broadsheet serve: watching for changes\n');
} catch (error) {
  process.stderr.write(`broadsheet serve: build failed: ${printable(error instanceof Error ? error.message : String(error))}\n`);
  notify({ type: 'failed' });
}
process.on('disconnect', () => process.exit(0));
