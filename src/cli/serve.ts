/**
 * `broadsheet serve [--port N] [--content DIR] [--output DIR]`: the preview
 * server with live reload, on 127.0.0.1.
 *
 * The preview runs in one process (`serve-worker.ts`): it serves the output
 * folder, watches the content, templates and CSS, and rebuilds
 * incrementally on every save. This process only starts it, and starts a
 * new one when Broadsheet's own code (`src/`, `.eleventy.ts`) changes,
 * since a running Node process cannot reload changed ES modules.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, type FSWatcher, watch } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printable } from '../diagnostics.ts';
import { parseCommandArgs } from './args.ts';
import { DEFAULT_CACHE_DIR } from '../build/manifest.ts';
import { acquireLock, OutputBusyError } from '../build/output-folder.ts';
import { folderProblem } from './folders.ts';
import { CONFIG_FILE } from '../build/render-pages.ts';

const USAGE = `Usage: broadsheet serve [--port N] [--content DIR] [--output DIR] [--cache DIR] [--force]

Builds the site, serves it on http://127.0.0.1:N/ and rebuilds on every
change to feeds, overrides, images, pages, templates, CSS and src/ code;
open pages reload themselves. Problems in the content are printed and the
server keeps running.

Options:
  --port N        the port (default: 8080; 0 picks a free one)
  --content DIR   the content folder (default: content)
  --output DIR    where the site is written (default: _site)
  --cache DIR     the build cache, shared with \`broadsheet build\` (default: .broadsheet-cache)
  --force         write into a folder that holds other files than an
                  earlier Broadsheet build (they are kept)
  -h, --help      show this help

The output folder is checked as \`broadsheet build\` checks it, and is the
server's while it runs: a build or another server into it is refused.

Exit status: 0 stopped; 1 the port is taken, another build or server
holds the output, or the server failed to start; 2 a usage mistake (an
unknown option, a bad port, a missing content folder, an output folder
that must not be written into).`;

const WORKER = fileURLToPath(new URL('./serve-worker.ts', import.meta.url));
const CODE_PATHS = ['src', CONFIG_FILE];
const RESTART_DELAY_MS = 150;

/**
 * Runs the dev server until SIGINT or SIGTERM; returns the exit code.
 *
 * @example
 * await runServe(['--port', '8081'])
 */
export async function runServe(args: string[]): Promise<number> {
  const values = parseCommandArgs('serve', args, {
    port: { type: 'string', default: '8080' },
    content: { type: 'string', default: 'content' },
    output: { type: 'string', default: '_site' },
    cache: { type: 'string', default: DEFAULT_CACHE_DIR },
    force: { type: 'boolean', default: false },
  }, USAGE);
  if (typeof values === 'number') return values;
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`broadsheet serve: --port must be a whole number from 0 to 65535, got '${values.port}'\n`);
    return 2;
  }
  if (!existsSync(CONFIG_FILE)) {
    process.stderr.write(`broadsheet serve: no ${CONFIG_FILE} here; run the command in the project folder\n`);
    return 2;
  }

  const problem = await folderProblem({ content: values.content, output: values.output, cache: values.cache, force: values.force });
  if (problem) {
    process.stderr.write(`broadsheet serve: ${problem}\n`);
    return 2;
  }
  // The server rebuilds in place: held until it stops, the lock keeps a
  // `broadsheet build` (or a second server) from writing the same folder
  // between two of its rebuilds.
  const lock = await acquireLock(values.output);
  if ('heldBy' in lock) {
    process.stderr.write(`broadsheet serve: ${new OutputBusyError(values.output, lock.heldBy, lock.file).message}\n`);
    return 1;
  }
  try {
    return await serveUntilStopped({ ...values, port });
  } finally {
    await lock.release();
  }
}

/** Starts the server process and restarts it on code changes until a signal, or until it fails to start. */
async function serveUntilStopped(values: { content: string; output: string; port: number; cache: string }): Promise<number> {
  let fail: (code: number) => void = () => undefined;
  const failed = new Promise<number>((resolve) => (fail = resolve));
  const builder = new BuildProcess([values.content, values.output, String(values.port), values.cache], (code) => fail(code));
  builder.start();
  const watchers = watchCode((file) => {
    process.stdout.write(`broadsheet serve: code changed (${printable(file)}); restarting\n`);
    void builder.restart();
  });

  const code = await Promise.race([
    failed,
    new Promise<number>((stop) => {
      process.once('SIGINT', () => stop(0));
      process.once('SIGTERM', () => stop(0));
    }),
  ]);
  for (const watcher of watchers) watcher.close();
  await builder.stop();
  return code;
}

/** The dev server's process, replaceable when the code changes. */
class BuildProcess {
  #child: ChildProcess | null = null;
  constructor(
    private readonly args: [content: string, output: string, port: string, cache: string],
    /** Called when the first process ends before it is serving (the port is taken, say). */
    private readonly onStartFailed: (code: number) => void,
  ) {}
  #serving = false;

  start(): void {
    // A larger young generation: much of what a rebuild allocates (the new
    // model, discovery and plan) lives until the rebuild ends, so each
    // scavenge of V8's default 16 MiB copies megabytes of it; four times the
    // room scavenges a quarter as often (docs/performance.md).
    const child = spawn(process.execPath, ['--max-semi-space-size=64', '--import', import.meta.resolve('tsx'), WORKER, ...this.args], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('message', (message: { type?: string }) => {
      if (message.type === 'serving') this.#serving = true;
    });
    child.on('exit', (code, signal) => {
      if (this.#child === child && !this.#serving) {
        this.#child = null;
        this.onStartFailed(code ?? 1);
      } else if (this.#child === child && signal === null) {
        process.stderr.write(`broadsheet serve: the server process stopped (exit ${code}); fix the error and save Broadsheet's code, or restart serve\n`);
        this.#child = null;
      }
    });
    this.#child = child;
  }

  async stop(): Promise<void> {
    const child = this.#child;
    this.#child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  }

  async restart(): Promise<void> {
    await this.stop();
    this.start();
  }
}

/** Watches the code paths, calling `onChange` once per burst of saves with the last file. */
function watchCode(onChange: (file: string) => void): FSWatcher[] {
  let timer: NodeJS.Timeout | undefined;
  const watchPath = (path: string) =>
    watch(path, { recursive: true }, (_event, name) => {
      clearTimeout(timer);
      const file = name && path !== CONFIG_FILE ? join(path, String(name)) : path;
      timer = setTimeout(() => onChange(file), RESTART_DELAY_MS);
    });
  return CODE_PATHS.filter((path) => existsSync(path)).map(watchPath);
}
