/**
 * The preview server against a local attacker and a careless editor: a
 * file removed while it is being served, a redirect that would leave the
 * server, and a DNS-rebinding page whose requests carry a foreign Host.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DevServer, startDevServer } from '../../src/site/dev-server.ts';

let root: string;
let server: DevServer;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'broadsheet-dev-server-'));
  await mkdir(join(root, '2026'));
  await writeFile(join(root, '2026', 'index.html'), '<!doctype html><title>t</title><body>2026</body>');
  await writeFile(join(root, 'big.css'), 'a{}'.repeat(200_000));
  server = await startDevServer(root, 0);
});
afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

/** One raw request, with the Host header as given. */
function get(path: string, host = `127.0.0.1:${server.port}`): Promise<{ status: number; location?: string }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers: { host } }, (res) => {
      res.resume();
      res.on('end', () => done({ status: res.statusCode!, location: res.headers.location }));
      res.on('error', () => done({ status: res.statusCode! }));
    });
    req.on('error', fail);
    req.end();
  });
}

it('redirects a folder to its slash form on this server only, never to another host', async () => {
  expect(await get('/2026')).toEqual({ status: 301, location: '/2026/' });
  for (const path of ['/%2Fevil.example%2F..%2F2026', '//evil.example/../2026', '/%5Cevil.example/../2026', '/.%2F%2Fevil.example%2F..%2F..%2F2026']) {
    const { status, location } = await get(path);
    if (status === 301) expect(location).toBe('/2026/');
    else expect(status).toBe(404);
  }
});

it('refuses requests whose Host is not this machine, and answers the loopback names', async () => {
  for (const host of ['evil.example', `evil.example:${server.port}`, `127.0.0.1.evil.example:${server.port}`, '127.0.0.1', `localhost:${server.port + 1}`]) {
    expect((await get('/2026/', host)).status).toBe(403);
  }
  expect((await get('/__broadsheet/reload', 'evil.example')).status).toBe(403);
  for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`, `[::1]:${server.port}`]) expect((await get('/2026/', host)).status).toBe(200);
});

it('stays up when a file disappears while it is being requested', async () => {
  const file = join(root, 'big.css');
  const statuses = new Set<number>();
  // Bounded: 150 rounds of a delete and a rewrite racing 4 requests each.
  for (let round = 0; round < 150; round++) {
    const requests = Array.from({ length: 4 }, () => get('/big.css').catch(() => ({ status: 0 })));
    await rm(file, { force: true });
    await writeFile(file, 'a{}'.repeat(200_000));
    for (const { status } of await Promise.all(requests)) statuses.add(status);
  }
  for (const status of statuses) expect([0, 200, 404]).toContain(status);
  expect((await get('/big.css')).status).toBe(200);
  expect((await get('/2026/')).status).toBe(200);
});

it('serves a site whose url has a path under that path', async () => {
  const under = await startDevServer(root, 0, '/paper');
  try {
    const at = (path: string) =>
      new Promise<{ status: number; location?: string }>((done, fail) => {
        const req = request({ host: '127.0.0.1', port: under.port, path, headers: { host: `127.0.0.1:${under.port}` } }, (res) => {
          res.resume();
          res.on('end', () => done({ status: res.statusCode!, location: res.headers.location }));
        });
        req.on('error', fail);
        req.end();
      });
    expect(await at('/paper/2026/')).toEqual({ status: 200, location: undefined });
    expect(await at('/paper/2026')).toEqual({ status: 301, location: '/paper/2026/' });
    expect(await at('/')).toEqual({ status: 302, location: '/paper/' });
    expect((await at('/2026/')).status).toBe(404);
  } finally {
    await under.close();
  }
});
