/**
 * The preview server: serves the output folder on 127.0.0.1 and reloads
 * open pages after each rebuild through a server-sent-events stream. The
 * reload script is injected into responses only; `_site/` stays clean.
 */
import { open, readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, relative, resolve, sep } from 'node:path';

const RELOAD_PATH = '/__broadsheet/reload';
const DIAGNOSTICS_PATH = '/__broadsheet/diagnostics';
/**
 * Injected into every page served (never written to the site): reloads on
 * a rebuild, and shows the last build's content problems in a panel over
 * the page until they are fixed. Diagnostics are feed text: the panel sets
 * them as text, never as HTML.
 */
const RELOAD_SCRIPT = `<script type="module">
new EventSource(${JSON.stringify(RELOAD_PATH)}).addEventListener('reload', () => location.reload());
const list = await fetch(${JSON.stringify(DIAGNOSTICS_PATH)}).then((r) => r.json()).catch(() => []);
if (list.length) {
  const panel = document.createElement('section');
  panel.id = '__broadsheet-diagnostics';
  panel.setAttribute('role', 'alert');
  panel.setAttribute('aria-label', 'Content problems');
  panel.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:40vh;overflow:auto;margin:0;padding:.75rem 1rem;background:#1b1b1b;color:#f5f5f5;font:14px/1.4 ui-monospace,monospace;z-index:2147483647;border-top:4px solid #d33';
  const close = document.createElement('button');
  close.textContent = 'Hide';
  close.style.cssText = 'float:right;font:inherit';
  close.addEventListener('click', () => panel.remove());
  const heading = document.createElement('p');
  heading.style.margin = '0 0 .5rem';
  heading.textContent = 'broadsheet serve: ' + list.length + (list.length === 1 ? ' problem' : ' problems') + ' in the content (also printed in the terminal)';
  const pre = document.createElement('pre');
  pre.style.cssText = 'margin:0;white-space:pre-wrap';
  pre.textContent = list.join('\\n');
  panel.append(close, heading, pre);
  document.body.append(panel);
}
</script>`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.xml': 'application/xml; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp',
  '.avif': 'image/avif', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream', '.pf_index': 'application/octet-stream', '.pf_fragment': 'application/octet-stream',
};

export interface DevServer {
  /** The port actually bound (useful when 0 asked for a free one). */
  port: number;
  /** Tells every open page to reload; `diagnostics` (printed lines) are shown over the pages until a build has none. */
  reload(diagnostics?: readonly string[]): void;
  close(): Promise<void>;
}

/**
 * Starts the server on 127.0.0.1.
 *
 * @example
 * const server = await startDevServer('_site', 8080);
 * server.reload();
 */
export async function startDevServer(root: string, port: number, basePath = ''): Promise<DevServer> {
  const base = resolve(root);
  const clients = new Set<ServerResponse>();
  const state = { diagnostics: [] as readonly string[] };
  let bound = port;
  const server: Server = createServer((request, response) => {
    // A page on another site can point a DNS name at 127.0.0.1 (DNS
    // rebinding); its requests carry that name, never one of ours.
    if (!isLocalHost(request.headers.host, bound)) {
      response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('Forbidden: this preview answers only to 127.0.0.1, localhost and [::1]\n');
      return;
    }
    handle(base, basePath, request, response, clients, state).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen({ port, host: '127.0.0.1' }, ready);
  });
  const address = server.address();
  bound = typeof address === 'object' && address ? address.port : port;
  return {
    port: bound,
    reload(diagnostics) {
      if (diagnostics) state.diagnostics = diagnostics;
      for (const client of clients) client.write('event: reload\ndata: {}\n\n');
    },
    close() {
      for (const client of clients) client.end();
      return new Promise((done) => server.close(() => done()));
    },
  };
}

async function handle(
  base: string,
  basePath: string,
  request: IncomingMessage,
  response: ServerResponse,
  clients: Set<ServerResponse>,
  state: { diagnostics: readonly string[] },
): Promise<void> {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
  } catch {
    response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request\n');
    return;
  }
  // A site under a path (site.json's url https://owner.github.io/paper) is
  // served under it, as its host will: its pages link to /paper/….
  if (basePath && pathname !== RELOAD_PATH && pathname !== DIAGNOSTICS_PATH) {
    if (pathname === '/' || pathname === basePath) {
      response.writeHead(302, { location: `${basePath}/` }).end();
      return;
    }
    if (!pathname.startsWith(`${basePath}/`)) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`Not found: this site lives under ${basePath}/\n`);
      return;
    }
    pathname = pathname.slice(basePath.length);
  }
  if (pathname === DIAGNOSTICS_PATH) {
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(state.diagnostics));
    return;
  }
  if (pathname === RELOAD_PATH) {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write(': connected\n\n');
    clients.add(response);
    request.on('close', () => clients.delete(response));
    return;
  }
  const file = await findFile(base, pathname, basePath);
  if (file && typeof file === 'object') {
    response.writeHead(301, { location: file.redirect }).end();
    return;
  }
  const status = file ? 200 : 404;
  const target = file ?? join(base, '404.html');
  const type = TYPES[extname(target)] ?? 'application/octet-stream';
  if (type.startsWith('text/html')) {
    let html: string;
    try {
      html = await readFile(target, 'utf8');
    } catch {
      html = '<!doctype html><title>Not found</title><p>Not found (the site has not been built yet?)</p>';
    }
    const withReload = html.includes('</body>') ? html.replace('</body>', `${RELOAD_SCRIPT}</body>`) : html + RELOAD_SCRIPT;
    response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(withReload);
    return;
  }
  if (!file) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
    return;
  }
  // Opened before the status is sent: a file removed or made unreadable
  // since `stat` (a rebuild, `rm -rf _site`) is a 404, not a dead server.
  const opened = await open(file).catch(() => null);
  if (!opened) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
    return;
  }
  response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
  const stream = opened.createReadStream();
  stream.on('error', () => response.destroy());
  stream.pipe(response);
}

/** Whether a request's Host header names this server on the loopback interface. */
function isLocalHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}` || host === `[::1]:${port}`;
}

/**
 * The file for a URL path inside the root, never outside it, or a redirect
 * for a folder named without its slash. The redirect is made from the
 * resolved folder, never from the request's text, so it can only name a
 * path on this server (never `//other.host/`).
 */
async function findFile(base: string, pathname: string, basePath: string): Promise<string | null | { redirect: string }> {
  const candidate = resolve(base, `.${pathname}`);
  if (candidate !== base && !candidate.startsWith(base + sep)) return null;
  const info = await stat(candidate).catch(() => null);
  if (info?.isFile()) return candidate;
  if (info?.isDirectory()) {
    if (!pathname.endsWith('/')) {
      const path = relative(base, candidate).split(sep).map(encodeURIComponent).join('/');
      return { redirect: `${basePath}/${path}${path ? '/' : ''}` };
    }
    const index = join(candidate, 'index.html');
    return (await stat(index).catch(() => null))?.isFile() ? index : null;
  }
  return null;
}
