/**
 * `broadsheet serve [--port N] [--content DIR] [--output DIR]`: the preview
 * server with live reload, on 127.0.0.1.
 *
 * Two processes: this one serves the output folder and watches Broadsheet's
 * own code (`src/`, `.eleventy.ts`); a child runs Eleventy in watch mode
 * (`serve-worker.ts`) and rebuilds on content, template and CSS edits. When
 * the code changes, the child is replaced, since a running Node process
 * cannot reload changed ES modules.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, type FSWatcher, watch } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printable } from '../diagnostics.ts';
import { basePathOf } from '../routes.ts';
import { loadSiteSettings } from '../site/settings.ts';
import { parseCommandArgs } from './args.ts';
import { startDevServer, type DevServer } from '../site/dev-server.ts';
import { CONFIG_FILE } from '../build/render-pages.ts';

const USAGE = `Usage: broadsheet serve [--port N] [--content DIR] [--output DIR]

Builds the site, serves it on http://127.0.0.1:N/ and rebuilds on every
change to feeds, overrides, images, pages, templates, CSS and src/ code;
open pages reload themselves. Problems in the content are printed and the
server keeps running.

Options:
  --port N        the port (default: 8080; 0 picks a free one)
  --content DIR   the content folder (default: content)
  --output DIR    where the site is written (default: _site)
  -h, --help      show this help`;

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

  let server: DevServer;
  let basePath = '';
  try {
    // Read once: a change of site.json's url needs a restart of serve.
    basePath = basePathOf((await loadSiteSettings(values.content)).settings.url);
    server = await startDevServer(values.output, port, basePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EADDRINUSE' ? `port ${port} is in use; pick another with --port` : (error as Error).message;
    process.stderr.write(`broadsheet serve: ${why}\n`);
    return 1;
  }
  process.stdout.write(`broadsheet serve: http://127.0.0.1:${server.port}${basePath}/ (Ctrl+C to stop)\n`);

  const builder = new BuildProcess([values.content, values.output], () => server.reload());
  builder.start();
  const watchers = watchCode((file) => {
    process.stdout.write(`broadsheet serve: code changed (${printable(file)}); restarting the build\n`);
    void builder.restart();
  });

  await new Promise<void>((stop) => {
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  for (const watcher of watchers) watcher.close();
  await builder.stop();
  await server.close();
  return 0;
}

/** The Eleventy watch process, replaceable when the code changes. */
class BuildProcess {
  #child: ChildProcess | null = null;
  constructor(
    private readonly folders: [content: string, output: string],
    private readonly onBuilt: () => void,
  ) {}

  start(): void {
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), WORKER, ...this.folders], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('message', (message: { type?: string }) => {
      if (message.type === 'built') this.onBuilt();
    });
    child.on('exit', (code, signal) => {
      if (this.#child === child && signal === null) {
        process.stderr.write(`broadsheet serve: the build process stopped (exit ${code}); fix the error and save to restart it\n`);
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
