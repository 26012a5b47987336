/**
 * A static file server for a built site, bound to 127.0.0.1 on a free port.
 * It behaves like the static hosts publishers deploy to: `/dir/` serves
 * `dir/index.html`, `/dir` redirects to `/dir/`, unknown paths get the site's
 * `404.html` with status 404, and text is gzip-compressed when asked for.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';

export interface StaticServer {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  origin: string;
  /** The absolute URL of a site path: `server.url('/about/')`. */
  url(path: string): string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

function contentTypeOf(file: string): string {
  // Feeds are served as XML by real hosts; Pagefind's index files are binary.
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}

/**
 * Serves `root` on 127.0.0.1 at a port the OS picks.
 *
 * @example
 * const server = await startStaticServer(siteDir);
 * const html = await (await fetch(server.url('/'))).text();
 * await server.close();
 */
export async function startStaticServer(root: string): Promise<StaticServer> {
  const siteRoot = resolve(root);

  async function send(req: IncomingMessage, res: ServerResponse, file: string, status: number): Promise<void> {
    let body = await readFile(file);
    const type = contentTypeOf(file);
    const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-cache' };
    if (/^(text\/|application\/(json|xml|manifest))|svg/.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      body = gzipSync(body);
      headers['content-encoding'] = 'gzip';
      headers.vary = 'accept-encoding';
    }
    headers['content-length'] = String(body.length);
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const target = resolve(join(siteRoot, pathname));
    // Never serve anything outside the site folder (`/../`, encoded or not).
    if (target !== siteRoot && !target.startsWith(siteRoot + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (pathname.endsWith('/') && (await isFile(join(target, 'index.html')))) {
      return send(req, res, join(target, 'index.html'), 200);
    }
    if (!pathname.endsWith('/') && (await isDirectory(target)) && (await isFile(join(target, 'index.html')))) {
      res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    if (!pathname.endsWith('/') && (await isFile(target))) return send(req, res, target, 200);
    const notFoundPage = join(siteRoot, '404.html');
    if (await isFile(notFoundPage)) return send(req, res, notFoundPage, 404);
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(String(error));
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => new URL(path, `${origin}/`).href,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
