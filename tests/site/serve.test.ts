/**
 * The dev server as an editor uses it: `broadsheet serve` on a free port with
 * a temporary content folder serves the site; editing a feed serves the new
 * headline without a restart; a broken feed prints diagnostics and the
 * server keeps serving.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeContent, parseDocument } from './helpers.ts';

const OLD = 'Factory Explosion Kills 8 in Northern China';
const NEW = 'Factory Blast Toll Rises to Nine in Northern China';

let content: string;
let server: ChildProcess;
let origin: string;
let output = '';

beforeAll(async () => {
  content = await makeContent();
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['bin/broadsheet.js', 'serve', '--port', String(port), '--content', content, '--output', join(content, '..', '_site')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk) => (output += chunk));
  server.stderr!.on('data', (chunk) => (output += chunk));
  await waitFor(async () => (await fetchText('/')).includes(OLD), 'the first build');
});

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((done) => server.once('exit', done));
    server.kill('SIGTERM');
    await exited;
  }
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

it('serves the new headline after the feed is edited', async () => {
  const [feed] = await readdir(join(content, 'feeds'));
  const file = join(content, 'feeds', feed!);
  await writeFile(file, (await readFile(file, 'utf8')).replaceAll(OLD, NEW));
  await waitFor(async () => (await fetchText('/')).includes(NEW), 'the rebuild after the edit');
  const article = parseDocument(await fetchText('/2026/02/08/factory-blast-toll-rises-to-nine-in-northern-china/'));
  expect(article.querySelector('h1')?.textContent).toBe(NEW);
});

it('prints diagnostics for a broken feed and keeps serving', async () => {
  await writeFile(join(content, 'feeds', 'zz-broken.txt'), 'bad\u0000bytes');
  await waitFor(async () => output.includes('zz-broken.txt:1: error:'), 'the diagnostic');
  expect(server.exitCode).toBeNull();
  expect(await fetchText('/')).toContain(NEW);
});

async function fetchText(path: string): Promise<string> {
  try {
    return await (await fetch(`${origin}${path}`)).text();
  } catch {
    return '';
  }
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}; server output:\n${output}`);
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
