/**
 * The dev server and `broadsheet build` share one output folder, one cache
 * folder and one search index: `serve` started after a build keeps the
 * build's search bundles instead of indexing the site again, and a build
 * after a `serve` session keeps the bundles the server indexed. The site
 * that build leaves equals a clean build of the same content, byte for byte.
 *
 * The processes run in the repository (its templates and public files),
 * with the content, output and cache folders in a temporary folder.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeContent, stopProcess, waitFor as waitForCheck } from './helpers.ts';
import { readTree } from '../support/tree.ts';

const run = promisify(execFile);
const REPO = join(import.meta.dirname, '..', '..');

let work: string;
let content: string;
let server: ChildProcess | null = null;
let output = '';

beforeAll(async () => {
  content = await makeContent();
  work = join(content, '..');
});
afterAll(async () => {
  await stopServer();
  await rm(work, { recursive: true, force: true });
});

const folders = () => ['--content', content, '--output', join(work, '_site'), '--cache', join(work, 'cache')];
const build = (...args: string[]) => run(process.execPath, ['bin/broadsheet.js', 'build', ...args], { cwd: REPO });

it('keeps the search index of the build before it, and leaves its own to the build after it', { timeout: 240_000 }, async () => {
  await build(...folders());
  const site = join(work, '_site');
  // The bundle's files: every build writes the list of bundles and the vocabulary anew, nothing else.
  const indexFiles = async () => (await readdir(join(site, 'pagefind'), { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(join(site, 'pagefind').length + 1))
    .filter((f) => f !== 'bundles.json' && !f.startsWith('vocabulary'))
    .sort();
  expect((await indexFiles()).filter((f) => f.startsWith('fragment')).length).toBeGreaterThan(0);

  // Started after the build: nothing to index again.
  server = spawn(process.execPath, ['bin/broadsheet.js', 'serve', '--port', '0', ...folders()], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout!.on('data', (chunk) => (output += chunk));
  server.stderr!.on('data', (chunk) => (output += chunk));
  await waitFor(() => /search index updated/.test(output), 'the first search index update');
  expect(output).toMatch(/search index updated \(0 of 1 bundles indexed\)/);
  await waitFor(() => output.includes('watching for changes'), 'the file watcher');

  // A paragraph edited: the server indexes its bundle again.
  const [feed] = (await readdir(join(content, 'feeds'))).filter((f) => f.endsWith('.txt'));
  const file = join(content, 'feeds', feed!);
  const before = output.length;
  await writeFile(file, (await readFile(file, 'utf8')).replace('Tehran', 'Teheran'));
  await waitFor(() => /search index updated \(1 of 1 bundles indexed\)/.test(output.slice(before)), 'the search index update after the edit');
  await stopServer();
  const served = new Map<string, number>();
  for (const name of await indexFiles()) served.set(name, (await stat(join(site, 'pagefind', name))).ino);

  // The build after the session keeps the server's bundle: the same files, not written again.
  const { stderr } = await build(...folders());
  expect(stderr).toMatch(/search index of 4 pages in .* \(1 bundle of at most \d+ pages; 0 indexed, 1 unchanged\)/);
  const after = await indexFiles();
  expect(after).toEqual([...served.keys()]);
  for (const name of after) expect((await stat(join(site, 'pagefind', name))).ino, name).toBe(served.get(name));

  // And it is the site a clean build makes.
  const clean = join(work, 'clean');
  await build('--content', content, '--output', clean, '--no-cache');
  const [ours, theirs] = [await readTree(site), await readTree(clean)];
  expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort());
  for (const [path, bytes] of ours) expect(bytes.equals(theirs.get(path)!), path).toBe(true);
});

const stopServer = () => stopProcess(server);
const waitFor = (check: () => boolean, what: string) => waitForCheck(check, what, () => output);
