/**
 * The dev server as an editor uses it: `broadsheet serve` on a free port with
 * a temporary content folder serves the site; editing a feed serves the new
 * headline without a restart; a broken feed prints diagnostics and the
 * server keeps serving; editing Broadsheet's own code rebuilds with the new
 * code. It runs in a copy of the project, so the test can edit `src/` and
 * nobody else's edits restart its server.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeContent, parseDocument, stopProcess, waitFor as waitForCheck } from './helpers.ts';
import { launchChromium } from '../support/browser.ts';

const OLD = 'Factory Explosion Kills 8 in Northern China';
const NEW = 'Factory Blast Toll Rises to Nine in Northern China';

const REPO = join(import.meta.dirname, '..', '..');
// Without a .gitignore, Eleventy's file watcher never finishes its first scan here.
const PROJECT_FILES = ['bin', 'src', 'templates', 'public', '.eleventy.ts', 'package.json', '.gitignore'];

let content: string;
let project: string;
let server: ChildProcess;
let origin: string;
let output = '';

beforeAll(async () => {
  // The usual layout: content/ and _site/ inside the project folder.
  content = await makeContent();
  project = join(content, '..');
  for (const path of PROJECT_FILES) await cp(join(REPO, path), join(project, path), { recursive: true });
  await symlink(join(REPO, 'node_modules'), join(project, 'node_modules'), 'dir');
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['bin/broadsheet.js', 'serve', '--port', String(port), '--content', 'content', '--output', '_site'], {
    cwd: project,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk) => (output += chunk));
  server.stderr!.on('data', (chunk) => (output += chunk));
  await waitFor(async () => (await fetchText('/')).includes(OLD), 'the first build');
  await waitFor(async () => output.includes('watching for changes'), 'the file watcher');
});

afterAll(async () => {
  await stopProcess(server);
  await rm(join(content, '..'), { recursive: true, force: true });
});

it('binds 127.0.0.1 and serves the home page with the live-reload hook', async () => {
  const response = await fetch(`${origin}/`);
  expect(response.status).toBe(200);
  expect(await response.text()).toContain('/__broadsheet/reload');
  expect((await fetch(`${origin}/about`, { redirect: 'manual' })).headers.get('location')).toBe('/about/');
  expect((await fetch(`${origin}/no-such-page/`)).status).toBe(404);
  expect((await fetch(`${origin}/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
  expect((await fetch(`${origin}/%E0%A4%A`)).status).toBe(400);
});

it('indexes the preview for search, so /search/ works there too', { timeout: 150_000 }, async () => {
  await waitFor(async () => (await fetch(`${origin}/pagefind/pagefind-entry.json`).catch(() => null))?.status === 200, 'the search index');
  const entry = JSON.parse(await fetchText('/pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
  expect(Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0)).toBe(4);
});

it('serves the new headline after the feed is edited', { timeout: 150_000 }, async () => {
  const [feed] = await readdir(join(content, 'feeds'));
  const file = join(content, 'feeds', feed!);
  await writeFile(file, (await readFile(file, 'utf8')).replaceAll(OLD, NEW));
  await waitFor(async () => (await fetchText('/')).includes(NEW), 'the rebuild after the edit');
  const article = parseDocument(await fetchText('/2026/02/08/factory-blast-toll-rises-to-nine-in-northern-china/'));
  expect(article.querySelector('h1')?.textContent).toBe(NEW);
});

it('prints diagnostics for a broken feed and keeps serving', { timeout: 150_000 }, async () => {
  await writeFile(join(content, 'feeds', 'zz-broken.txt'), 'bad\u0000bytes');
  await waitFor(async () => output.includes('zz-broken.txt:1: error:'), 'the diagnostic');
  expect(server.exitCode).toBeNull();
  expect(await fetchText('/')).toContain(NEW);
  // The pages show the problems too, in a panel over the page, as text.
  await waitFor(async () => (await fetchText('/__broadsheet/diagnostics')).includes('zz-broken.txt:1: error:'), 'the diagnostics for the browser');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    const panel = page.locator('#__broadsheet-diagnostics');
    await panel.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await panel.getAttribute('role')).toBe('alert');
    expect(await panel.locator('pre').textContent()).toContain('zz-broken.txt:1: error:');
  } finally {
    await browser.close();
  }
  // Fixed, they are gone.
  await rm(join(content, 'feeds', 'zz-broken.txt'));
  await waitFor(async () => JSON.parse((await fetchText('/__broadsheet/diagnostics')) || '[1]').length === 0, 'the diagnostics to clear');
});

it('updates only the changed pages on a save: one article edited, the other articles kept', { timeout: 150_000 }, async () => {
  const [feed] = (await readdir(join(content, 'feeds'))).filter((f) => f.endsWith('.txt'));
  const file = join(content, 'feeds', feed!);
  const before = output.length;
  await writeFile(file, (await readFile(file, 'utf8')).replace('Tehran', 'Teheran'));
  await waitFor(async () => /\d+ pages rendered, [1-9]\d* kept/.test(output.slice(before)), 'the incremental rebuild');
});

it('serves a template edit on the next save, and keeps it on the saves after', { timeout: 150_000 }, async () => {
  // An include: the server keeps Nunjucks' compiled templates from one
  // rebuild to the next, so it must see that one changed.
  const card = join(project, 'templates', '_includes', 'partials', 'story-card.njk');
  await writeFile(card, `${await readFile(card, 'utf8')}<!-- edited card -->\n`);
  await waitFor(async () => (await fetchText('/')).includes('<!-- edited card -->'), 'the rebuild with the edited template');
  const [feed] = (await readdir(join(content, 'feeds'))).filter((f) => f.endsWith('.txt'));
  const file = join(content, 'feeds', feed!);
  await writeFile(file, (await readFile(file, 'utf8')).replaceAll(NEW, OLD));
  await waitFor(async () => (await fetchText('/')).includes(OLD), 'the rebuild after the next edit');
  expect(await fetchText('/')).toContain('<!-- edited card -->');
});

it('rebuilds with changed code when src/ changes', { timeout: 150_000 }, async () => {
  const ukraine = '/2025/09/04/26-nations-vow-to-give-ukraine-postwar-security-guarantees-macron-says/';
  const readingTime = async () => parseDocument(await fetchText(ukraine)).querySelector('.story__meta')?.textContent ?? '';
  expect(await readingTime()).toContain('3 min read');
  const module = join(project, 'src', 'site', 'reading.ts');
  const source = await readFile(module, 'utf8');
  expect(source).toContain('const WORDS_PER_MINUTE = 230;');
  const watching = output.split('watching for changes').length;
  await writeFile(module, source.replace('const WORDS_PER_MINUTE = 230;', 'const WORDS_PER_MINUTE = 23;'));
  await waitFor(async () => /\b[23]\d min read/.test(await readingTime()), 'the rebuild with the new code');
  expect(output).toContain(`code changed (${join('src', 'site', 'reading.ts')})`);
  // The new build process watches content again.
  await waitFor(async () => output.split('watching for changes').length > watching, 'the new file watcher');
});

async function fetchText(path: string): Promise<string> {
  try {
    return await (await fetch(`${origin}${path}`)).text();
  } catch {
    return '';
  }
}

/** {@link waitForCheck} with this server's output. */
function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  return waitForCheck(check, what, () => output);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
