/**
 * Absolute URLs from the site's base URL. A base with a path
 * (`https://example.org/news`) keeps it: `/a/` becomes `https://example.org/news/a/`.
 *
 * @example
 * absoluteUrl('/2026/02/08/x/', 'https://news.example') // => 'https://news.example/2026/02/08/x/'
 */
export function absoluteUrl(path: string, base: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return new URL(path).href;
  // Most paths are plain permalinks: joining strings gives what URL parsing
  // would, without parsing tens of thousands of URLs per build.
  if (PLAIN_PATH.test(path) && !DOT_SEGMENT.test(path) && PLAIN_BASE.test(base)) return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  const root = base.endsWith('/') ? base : `${base}/`;
  return new URL(path.replace(/^\/+/, ''), root).href;
}

const PLAIN_PATH = /^\/[A-Za-z0-9\-._~/]*$/;
const DOT_SEGMENT = /\/\.\.?(?:\/|$)/;
const PLAIN_BASE = /^https?:\/\/[a-z0-9.-]+(?::\d+)?(?:\/[A-Za-z0-9\-._~/]*)?$/;
