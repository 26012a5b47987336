/**
 * `broadsheet build [--content DIR] [--output DIR] [--strict]`: the site in
 * one command, for CI and for publishing.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { DateTime } from 'luxon';
import { PAGES_PER_BUNDLE } from '../discovery/search-index.ts';
import { parseCommandArgs } from './args.ts';
import { CONFIG_FILE } from '../build/render-pages.ts';
import { DEFAULT_CACHE_DIR } from '../build/manifest.ts';
import { OutputBusyError } from '../build/output-folder.ts';
import { folderProblem } from './folders.ts';
import { buildSite } from '../build/run-build.ts';
import { parseShardSpec, SHARD_MANIFEST } from '../build/shards.ts';
import { WORKER_MIN_FEED_BYTES, workersFor } from '../build/shard-workers.ts';
import { progressReporter } from './progress.ts';
import { countDiagnostics, exitCodeFor, printDiagnostics } from './report.ts';

const USAGE = `Usage: broadsheet build [--content DIR] [--output DIR] [--cache DIR | --no-cache] [--strict] [--now DATE] [--no-search] [--jobs N] [--shard I/N]

Builds the site from the content folder into the output folder. Run it in
the project folder (the one with ${CONFIG_FILE} and templates/).

Options:
  --content DIR   the content folder (default: content)
  --output DIR    where the site is written (default: _site)
  --cache DIR     where the manifest of the last build is kept (default:
                  ${DEFAULT_CACHE_DIR}; never inside the output). With it,
                  a build deletes what the last build into the same output
                  wrote and this one does not (a retracted article's page,
                  photos and search entries), never files it did not write,
                  and gives a corrected article's old URL a redirect page.
                  Keep it between CI runs to keep those redirects.
  --no-cache      read and write no manifest: nothing from earlier builds is
                  pruned and no redirect is made
  --force         build into a folder that holds other files than an
                  earlier Broadsheet build (they are kept)
  --strict        fail on warnings too
  --now DATE      "now" for the Google News sitemap (ISO date or date-time,
                  e.g. 2026-02-08T18:00+01:00); default: the newest
                  article's publication date, so builds are reproducible
  --no-search     skip the Pagefind search index (pagefind/)
  --jobs N        use N cores (default: the number of cores, ${availableParallelism()} here):
                  search bundles are indexed N at a time, and a full
                  build of a big archive (${WORKER_MIN_FEED_BYTES / 1024 / 1024} MiB of feeds or more)
                  renders and indexes in N/2 processes; the output is
                  the same whatever N
  --shard I/N     write only shard I of N into the output folder, with
                  ${SHARD_MANIFEST}, for 'broadsheet merge' to join with
                  the other shards' folders into the whole site (one CI
                  job per shard; see docs/ci.md). Always a full build; the
                  cache's manifest is neither read nor written
  -h, --help      show this help

Diagnostics go to stderr as FILE:LINE: severity: message; with
GITHUB_ACTIONS=true, also as ::error/::warning annotations.

The site is written into a staging folder beside the output and swapped in
when complete, so an interrupted build leaves the last complete site; a
second build into the same output while one runs is refused (exit 1).

Exit status: 0 built; 1 an error diagnostic (or a warning with --strict), the
build failed, or another build holds the output; 2 a usage mistake (an
unknown option, a bad --now, a missing content folder, an output folder
that must not be written into).`;

/**
 * Runs the build command and returns its exit code.
 *
 * @example
 * await runBuild(['--output', 'public_html', '--strict']) // => 0
 */
export async function runBuild(args: string[]): Promise<number> {
  const values = parseCommandArgs('build', args, {
    content: { type: 'string', default: 'content' },
    output: { type: 'string', default: '_site' },
    strict: { type: 'boolean', default: false },
    now: { type: 'string' },
    'no-search': { type: 'boolean', default: false },
    cache: { type: 'string', default: DEFAULT_CACHE_DIR },
    'no-cache': { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    jobs: { type: 'string' },
    shard: { type: 'string' },
  }, USAGE);
  if (typeof values === 'number') return values;
  const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) {
    process.stderr.write(`broadsheet build: --jobs takes a whole number from 1 to 64, got '${values.jobs}'\n\n${USAGE}\n`);
    return 2;
  }
  const shard = values.shard === undefined ? null : parseShardSpec(values.shard);
  if (shard && 'error' in shard) {
    process.stderr.write(`broadsheet build: --shard ${shard.error}\n\n${USAGE}\n`);
    return 2;
  }
  const now = values.now === undefined ? null : DateTime.fromISO(values.now, { setZone: true });
  // Luxon reads years up to ±275760, past what a Date or a sitemap can hold.
  if (now && (!now.isValid || now.year < 1 || now.year > 9999)) {
    process.stderr.write(`broadsheet build: --now must be an ISO date or date-time such as 2026-02-08 or 2026-02-08T18:00+01:00, got '${values.now}'\n\n${USAGE}\n`);
    return 2;
  }
  if (!existsSync(CONFIG_FILE)) {
    process.stderr.write(`broadsheet build: no ${CONFIG_FILE} here; run the command in the project folder\n`);
    return 2;
  }
  const cacheDir = values['no-cache'] ? null : values.cache;
  const problem = await folderProblem({ content: values.content, output: values.output, cache: cacheDir, force: values.force });
  if (problem) {
    process.stderr.write(`broadsheet build: ${problem}\n`);
    return 2;
  }
  const started = performance.now();
  const progress = progressReporter(process.stderr);
  let result;
  try {
    result = await buildSite({
      contentDir: values.content,
      outputDir: values.output,
      now: values.now ?? null,
      search: !values['no-search'],
      jobs,
      workers: shard ? 1 : await workersFor(values.content, jobs),
      ...(shard ? { shard } : {}),
      cacheDir,
      onNote: (note) => {
        progress.done();
        process.stderr.write(`broadsheet build: ${note}\n`);
      },
      // Printed before rendering starts, so an editor sees them at once.
      onDiagnostics: (list) => {
        progress.done();
        printDiagnostics(list, process.stderr, process.env.GITHUB_ACTIONS === 'true');
      },
      onProgress: progress.update,
    });
    progress.done();
  } catch (error) {
    progress.done();
    if (!(error instanceof OutputBusyError)) throw error;
    process.stderr.write(`broadsheet build: ${error.message}\n`);
    return 1;
  }
  const { diagnostics, search, pruned, redirects, rendered, kept } = result;
  if (shard) process.stderr.write(`broadsheet build: shard ${shard.index} of ${shard.count}: ${Object.keys(result.shard?.files ?? {}).length} file(s); join the shards' folders with 'broadsheet merge'\n`);
  process.stderr.write(`broadsheet build: rendered ${rendered} page(s)${kept > 0 ? `, kept ${kept} unchanged from the last build` : ''}\n`);
  if (pruned > 0 || redirects > 0) process.stderr.write(`broadsheet build: removed ${pruned} file(s) the last build wrote and this one does not; ${redirects} redirect page(s) for corrected URLs\n`);
  if (search) {
    // How many bundles were kept is said whenever some were, also of an index of one bundle.
    const counts = search.indexed < search.bundles ? `; ${search.indexed} indexed, ${search.bundles - search.indexed} unchanged` : '';
    const bundles = search.bundles > 1 || counts ? ` (${search.bundles} bundle${search.bundles === 1 ? '' : 's'} of at most ${PAGES_PER_BUNDLE} pages${counts})` : '';
    process.stderr.write(`broadsheet build: search index of ${search.pages} pages in ${values.output}/pagefind${bundles}\n`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const code = exitCodeFor(diagnostics, values.strict);
  const outcome = code === 0 ? 'built' : 'built, but failed on diagnostics:';
  process.stderr.write(`broadsheet build: ${outcome} ${values.output} from ${values.content} in ${seconds} s (${countDiagnostics(diagnostics)})\n`);
  return code;
}
