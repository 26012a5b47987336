/**
 * The dev server's build process: Eleventy in watch mode, rebuilding on
 * changes to feeds, overrides, images, pages, templates and CSS. It tells
 * its parent (`broadsheet serve`) after each build so open pages reload. The
 * parent restarts this process when Broadsheet's own code changes, because
 * Node cannot re-import changed ES modules in a running process.
 */
import { printable } from '../diagnostics.ts';
import { createEleventy } from '../site/run-eleventy.ts';
import { printDiagnostics } from './report.ts';

const contentDir = process.env.BROADSHEET_CONTENT_DIR ?? 'content';
const outputDir = process.env.BROADSHEET_OUTPUT_DIR ?? '_site';
const notify = (message: { type: 'built' | 'failed' }) => process.send?.(message);

const eleventy = await createEleventy({
  contentDir,
  outputDir,
  runMode: 'watch',
  onDiagnostics: (list) => printDiagnostics(list, process.stderr, false),
  onBuilt: () => notify({ type: 'built' }),
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
